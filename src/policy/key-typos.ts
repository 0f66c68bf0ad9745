import { metadataBlocks, type Workload } from '../model/index.js';
import { editDistance } from '../text/edit-distance.js';
import { EIP_INSTANCE_ID, EIP_KEYS, isKnownKey, LOOK_ALIKES, WITH_EIP } from './eci-keys.js';

export interface KeyGuess {
  /** The ECI key that was likely meant. */
  meant: string;
  kind: 'typo' | 'look-alike';
}

/** The ECI EIP key a key was likely meant to be, when it is a near miss or another add-on's look-alike. */
export function guessEipKey(key: string): KeyGuess | undefined {
  // A real key of ECI or of another component is never a near miss, however close its spelling.
  if (isKnownKey(key)) return undefined;
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

/**
 * Whether the workload asks for an EIP somewhere ECI does not read it: a misplaced or misspelt
 * eci-with-eip or eci-eip-instanceid. Their own rules report it, and their fixes give the pod its EIP,
 * so rules about a pod without an EIP stay quiet rather than report the same mistake twice.
 */
export function asksForEipElsewhere(workload: Workload): boolean {
  const meansEip = (key: string) => {
    const meant = key === WITH_EIP || key === EIP_INSTANCE_ID ? key : guessEipKey(key)?.meant;
    return meant === WITH_EIP || meant === EIP_INSTANCE_ID;
  };
  const isPodKey = (key: string) => key === WITH_EIP || key === EIP_INSTANCE_ID;
  const blocks = metadataBlocks(workload);
  return blocks.some(
    (b) =>
      b.labels.some((e) => meansEip(e.key)) ||
      b.annotations.some((e) => meansEip(e.key) && (b.level !== 'pod' || !isPodKey(e.key))),
  );
}
