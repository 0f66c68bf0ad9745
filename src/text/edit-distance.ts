/**
 * The number of single-character edits (insertions, deletions, substitutions) that turn `a` into `b`, stopping early
 * once it exceeds `limit`: beyond it, the answer is `limit + 1`. With `swaps`, exchanging two neighbours counts as
 * one edit too (`--fromat` is one edit from `--format`), as a typo of a typed name usually is.
 */
export function editDistance(a: string, b: string, limit = Infinity, { swaps = false } = {}): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = beforePrevious;
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
      }
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}
