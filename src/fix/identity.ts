/** What makes findings and objects "the same" across the texts of a fix run, where positions move. */
import type { Finding, WorkloadRef } from '../model/index.js';

/** An object as the checks compare them: kind, namespace and name. */
export function objectName(object: WorkloadRef): string {
  return `${object.kind}/${object.namespace}/${object.name}`;
}

/** The workload a finding is about, or '' for a finding about the file. */
export function workloadKey(finding: Finding): string {
  return finding.workload ? objectName(finding.workload) : '';
}

/**
 * What makes two findings "the same" across texts: rule, file, workload and the source text the finding points at
 * (the key or value it is about). Positions are left out: a fix above a finding moves it.
 */
export function identity(finding: Finding, text: string): string {
  const subject = text.slice(finding.span.offset, Math.min(finding.span.endOffset, finding.span.offset + 500));
  return [finding.ruleId, finding.file, workloadKey(finding), subject].join('\u0000');
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
