import { applyEdits, editsConflict, mapOffset, normalizeEdits, overlapsItself } from '../../src/fix/edits.js';
import type { TextEdit } from '../../src/model/index.js';

const e = (start: number, end: number, newText = ''): TextEdit => ({ file: 'f', start, end, newText });

describe('applyEdits', () => {
  test('applies edits in any order given, from the end of the text', () => {
    expect(applyEdits('abcdef', [e(0, 1, 'X'), e(3, 3, '+'), e(4, 6, '')])).toBe('Xbc+d');
  });
  test('an edit outside the text is an error', () => {
    expect(() => applyEdits('abc', [e(2, 9)])).toThrow(RangeError);
  });
});

describe('editsConflict: fixes whose edits overlap or touch wait for the next pass', () => {
  test.each([
    ['overlapping replacements', [e(0, 5)], [e(4, 8)], true],
    ['two insertions at one offset (two fixes that each create `annotations:` there)', [e(7, 7, 'a')], [e(7, 7, 'b')], true],
    ['an insertion at the edge of a replacement', [e(3, 7, 'x')], [e(7, 7, 'y')], true],
    ['replacements that touch', [e(0, 3)], [e(3, 5)], true],
    ['apart', [e(0, 3)], [e(4, 6)], false],
    ['other files', [e(0, 3)], [{ ...e(0, 3), file: 'g' }], false],
  ])('%s', (_name, a, b, conflict) => {
    expect(editsConflict(a, b)).toBe(conflict);
    expect(editsConflict(b, a)).toBe(conflict);
  });
});

describe('overlapsItself: the edits of one fix may touch but not overlap', () => {
  test.each([
    ['a removal that ends where an insertion starts', [e(0, 5), e(5, 5, 'x')], false],
    ['two removals that overlap', [e(0, 5), e(4, 8)], true],
    ['two insertions at one offset', [e(3, 3, 'a'), e(3, 3, 'b')], true],
  ])('%s', (_name, edits, overlaps) => expect(overlapsItself(edits)).toBe(overlaps));
});

test('normalizeEdits merges overlapping deletions (two entries of a flow map removed one by one)', () => {
  // {a: 1, b: 2}: removing `a` deletes "a: 1, "; removing the last, `b`, deletes ", b: 2".
  const text = '{a: 1, b: 2}';
  const edits = normalizeEdits([e(1, 7), e(5, 11)]);
  expect(edits).toEqual([e(1, 11)]);
  expect(applyEdits(text, edits)).toBe('{}');
  expect(normalizeEdits([e(0, 2, 'x'), e(1, 3)])).toEqual([e(0, 2, 'x'), e(1, 3)]);
});

test('mapOffset follows an offset through the edits', () => {
  const edits = [e(2, 4, 'XYZ'), e(6, 6, '++')];
  const before = 'abcdefgh';
  const after = applyEdits(before, edits);
  expect(after).toBe('abXYZef++gh');
  expect(after[mapOffset(0, edits)]).toBe('a');
  expect(after[mapOffset(5, edits)]).toBe('f');
  expect(after[mapOffset(6, edits)]).toBe('g');
  expect(mapOffset(3, edits)).toBe(2);
});
