/** Edit distance (insertions, deletions, substitutions, swaps of neighbours), capped: beyond `max` it returns max + 1. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = Array.from({ length: b.length + 1 }, (_, j) => j);
  let previous = before;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/**
 * The known name closest to what was written, for "did you mean …?": at most two edits away (one for short names),
 * compared without regard to case. Undefined when nothing is that close.
 */
export function closest(written: string, known: readonly string[]): string | undefined {
  // Bounded: a hostile config can hold long keys; nothing longer than this is a typo of a short name.
  if (written.length > 100) return undefined;
  const lower = written.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const max = name.length <= 4 ? 1 : 2;
    const d = distance(lower, name.toLowerCase(), max);
    if (d <= max && d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean x?` or nothing. */
export function didYouMean(written: string, known: readonly string[], show: (name: string) => string = (n) => n): string {
  const match = closest(written, known);
  return match === undefined ? '' : `; did you mean ${show(match)}?`;
}
