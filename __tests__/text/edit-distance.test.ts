import { editDistance } from '../../src/text/edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['eip', 'eip', 0],
    ['', 'eip', 3],
    ['eci-with-eip', 'eci-with-eips', 1],
    ['eci-with-eip', 'eci-wth-eip', 1],
    ['bandwith', 'bandwidth', 1],
    ['kitten', 'sitting', 3],
  ])('%j to %j: %d insertions, deletions or substitutions', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });

  it('a swap of neighbours is two edits, or one with swaps', () => {
    expect(editDistance('--fromat', '--format')).toBe(2);
    expect(editDistance('--fromat', '--format', Infinity, { swaps: true })).toBe(1);
    expect(editDistance('ba', 'ab', Infinity, { swaps: true })).toBe(1);
    expect(editDistance('eci-wiht-eip', 'eci-with-eip', 2, { swaps: true })).toBe(1);
  });

  it('beyond the limit, answers limit + 1 (early, for very different lengths)', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('a', 'a'.repeat(10_000), 2)).toBe(3);
    expect(editDistance('x'.repeat(50), 'y'.repeat(50), 1, { swaps: true })).toBe(2);
  });
});
