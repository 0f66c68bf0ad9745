import type { Finding } from '../model/index.js';

/**
 * The identity of a finding across two versions of the files: the rule, the file, the workload and the
 * message, without positions. Line numbers quoted in a message (`infra/nat.tf:12`) are ignored as well, so
 * a finding whose lines only moved is the same finding.
 */
export function baselineKey(finding: Finding): string {
  const w = finding.workload;
  const message = finding.message.replace(/(\.[A-Za-z0-9]+):\d+\b/g, '$1:#');
  return [finding.ruleId, finding.file, w?.kind ?? '', w?.namespace ?? '', w?.name ?? '', message].join('\u0000');
}

/**
 * The findings of `head` that `base` does not have, matched by `baselineKey`. Matching counts: when the base
 * has one finding and the head two with the same key, one of the head's is new.
 */
export function newFindingsOnly(head: readonly Finding[], base: readonly Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const finding of base) {
    const key = baselineKey(finding);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  return head.filter((finding) => {
    const key = baselineKey(finding);
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}
