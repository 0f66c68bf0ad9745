import { FixSelectionError, isSelected, parseUnsafeRules, rulesWithUnsafeFix } from '../../src/fix/index.js';
import type { Finding } from '../../src/model/index.js';

test('the rules with an unsafe fix', () => {
  expect(rulesWithUnsafeFix()).toEqual(['eip-missing', 'eip-redundant', 'eip-unexpected']);
});

describe('parseUnsafeRules', () => {
  test.each([
    ['eip-redundant', ['eip-redundant']],
    ['eip-redundant,eip-unexpected', ['eip-redundant', 'eip-unexpected']],
    [' eip-unexpected , eip-redundant,eip-unexpected', ['eip-unexpected', 'eip-redundant']],
    ['eip-redundant\neip-unexpected\n', ['eip-redundant', 'eip-unexpected']],
    // Its fix is unsafe under egress: auto.
    ['eip-missing', ['eip-missing']],
  ])('%j', (value, ids) => expect(parseUnsafeRules(value)).toEqual(ids));

  test('nothing asked for', () => expect(parseUnsafeRules(undefined)).toEqual([]));

  test.each([
    ['', /needs rule ids; rules with an unsafe fix: eip-missing, eip-redundant, eip-unexpected/],
    ['eip-nope', /unknown rule id "eip-nope"; rules with an unsafe fix: eip-missing, eip-redundant, eip-unexpected/],
    ['eip-misplaced', /eip-misplaced has a safe fix, which --fix applies without naming it/],
    ['eip-redundant,eip-conflict', /eip-conflict has no fix/],
  ])('%j is refused', (value, message) => {
    expect(() => parseUnsafeRules(value)).toThrow(FixSelectionError);
    expect(() => parseUnsafeRules(value)).toThrow(message);
  });
});

test('isSelected: safe fixes always, unsafe ones when named, findings without edits never', () => {
  const finding = (ruleId: string, safe: boolean, edits = 1): Finding => ({
    ruleId,
    severity: 'warning',
    message: '',
    file: 'a.yaml',
    span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 },
    fix: { safe, description: '', edits: Array.from({ length: edits }, () => ({ file: 'a.yaml', start: 0, end: 0, newText: 'x' })) },
  });
  expect(isSelected(finding('eip-misplaced', true), [])).toBe(true);
  expect(isSelected(finding('eip-misplaced', true, 0), [])).toBe(false);
  expect(isSelected(finding('eip-redundant', false), [])).toBe(false);
  expect(isSelected(finding('eip-redundant', false), ['eip-unexpected'])).toBe(false);
  expect(isSelected(finding('eip-redundant', false), ['eip-redundant'])).toBe(true);
  expect(isSelected({ ...finding('eip-conflict', true), fix: undefined }, ['eip-conflict'])).toBe(false);
});
