import type { Finding } from '../model/index.js';
import { newFindingsOnly } from '../suppress/baseline.js';

/** With `newOnly` (docs/cost.md, "--new-only"): the findings the base does not have, and how many others were hidden. */
export function keepNewOnly(findings: readonly Finding[], baseFindings: readonly Finding[]): { findings: Finding[]; hidden: number } {
  const fresh = newFindingsOnly(findings, baseFindings);
  return { findings: fresh, hidden: findings.length - fresh.length };
}
