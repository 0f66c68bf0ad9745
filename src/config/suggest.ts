import { editDistance } from '../text/edit-distance.js';

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
    const d = editDistance(lower, name.toLowerCase(), max, { swaps: true });
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
