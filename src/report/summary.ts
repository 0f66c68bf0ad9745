import type { Finding, LintResult } from '../model/index.js';

export interface Counts {
  error: number;
  warning: number;
  notice: number;
  total: number;
  suppressed: number;
  fixable: number;
}

export function countFindings(result: Pick<LintResult, 'findings' | 'suppressed'>): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0, total: 0, suppressed: result.suppressed.length, fixable: 0 };
  for (const finding of result.findings) {
    counts[finding.severity]++;
    counts.total++;
    if (finding.fix?.safe) counts.fixable++;
  }
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

