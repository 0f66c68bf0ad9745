import { EIP_KEYS, LOOK_ALIKES } from './eci-keys.js';

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

export interface KeyGuess {
  /** The ECI key that was likely meant. */
  meant: string;
  kind: 'typo' | 'look-alike';
}

/** The ECI EIP key a key was likely meant to be, when it is a near miss or another add-on's look-alike. */
export function guessEipKey(key: string): KeyGuess | undefined {
  if (EIP_KEYS.includes(key)) return undefined;
  const lookAlike = LOOK_ALIKES[key];
  if (lookAlike) return { meant: lookAlike, kind: 'look-alike' };
  if (!/aliyun|alibaba|eip|eci/i.test(key)) return undefined;
  const lower = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of EIP_KEYS) {
    const distance = lower === candidate ? 0 : editDistance(lower, candidate, 2);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best ? { meant: best.key, kind: 'typo' } : undefined;
}
