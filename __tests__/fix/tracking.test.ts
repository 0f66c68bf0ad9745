/**
 * The findings given to fix (src/fix/tracking.ts), on their own: which are tracked, which the caller left out, and
 * why one that is still reported after the last pass was not fixed.
 */
import { leftOutIds, markNotFixed, trackFindings } from '../../src/fix/tracking.js';
import type { Finding } from '../../src/model/index.js';
import { BW, deployment, EIP, ISP, PATH, snapshot } from './helpers.js';

const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: 10`, `    ${ISP}: BPG`]);

const baseline = snapshot({ [PATH]: text });
const [notString, invalid] = ['eip-not-string', 'eip-invalid-value'].map((id) => baseline.result.findings.find((f) => f.ruleId === id)!);

test('the findings given with a selected fix in a file with text are tracked, by file and identity', () => {
  const unsafe: Finding = { ...invalid, fix: { ...invalid.fix!, safe: false } };
  const elsewhere: Finding = { ...notString, file: 'k8s/skipped.yaml' };
  const given = trackFindings([notString, unsafe, elsewhere], baseline, [], (file) => file === PATH);
  expect(given.tracked.map((t) => [t.finding, t.failed])).toEqual([[notString, undefined]]);
  expect([...given.byFile.keys()]).toEqual([PATH]);
  expect([...given.ids]).toEqual([given.tracked[0].id]);
  expect(trackFindings([unsafe], baseline, ['eip-invalid-value'], () => true).tracked.map((t) => t.finding)).toEqual([unsafe]);
});

test('a finding given that the lint does not report fails at once: it was made from another text', () => {
  const stale: Finding = { ...notString, span: invalid.span };
  const [tracked] = trackFindings([stale], baseline, [], () => true).tracked;
  expect(tracked.failed).toBe('the finding is not reported for this text of the file; lint it again');
});

test('the findings the lint reports that were not given are left out', () => {
  const ids = leftOutIds([notString], baseline);
  expect(ids.size).toBe(1);
  expect(ids.has(trackFindings([invalid], baseline, [], () => true).tracked[0].id)).toBe(true);
  expect(leftOutIds(baseline.result.findings, baseline).size).toBe(0);
});

describe('why a finding still reported after the last pass was not fixed', () => {
  const reasonFor = (unfixable: Map<string, string>, maxPasses: number, last = baseline) => {
    const given = trackFindings([notString], baseline, [], () => true);
    markNotFixed(given.tracked, last, unfixable, [], maxPasses);
    return given.tracked[0].failed;
  };

  test('the passes ran out (one pass, or more)', () => {
    expect(reasonFor(new Map(), 1)).toBe('not fixed within 1 pass; run the fix again');
    expect(reasonFor(new Map(), 3)).toBe('not fixed within 3 passes; run the fix again');
  });

  test('no pass could apply its fix: the reason the batches gave', () => {
    const id = trackFindings([notString], baseline, [], () => true).tracked[0].id;
    expect(reasonFor(new Map([[id, 'the fix edits another file, which is not supported']]), 10)).toBe('the fix edits another file, which is not supported');
  });

  test('its fix went away with the other fixes', () => {
    const findings = baseline.result.findings.map((f) => (f === notString ? { ...f, fix: undefined } : f));
    const withoutFix = { ...baseline, result: { ...baseline.result, findings } };
    expect(reasonFor(new Map(), 10, withoutFix)).toBe('after the other fixes in this file the finding has no automatic fix; fix it by hand');
  });

  test('a finding no longer reported is fixed, and one that already failed keeps its reason', () => {
    const fixed = snapshot({ [PATH]: text.replace(`${BW}: 10`, `${BW}: "10"`) });
    expect(reasonFor(new Map(), 10, fixed)).toBeUndefined();
    const given = trackFindings([notString], baseline, [], () => true);
    given.tracked[0].failed = 'the fixed text no longer holds the same objects';
    markNotFixed(given.tracked, baseline, new Map(), [], 10);
    expect(given.tracked[0].failed).toBe('the fixed text no longer holds the same objects');
  });
});
