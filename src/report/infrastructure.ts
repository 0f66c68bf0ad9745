import type { LintResult, NatFact, WorkloadNat } from '../model/index.js';

/** At most this many unresolved values are listed in the text and Markdown reports; JSON has them all. */
const MAX_UNRESOLVED_SHOWN = 20;

/** How many workloads' NAT decision names each resource, with the first few of them, for the report lines. */
const MAX_WORKLOADS_NAMED = 3;

function workloadsPhrase(list: WorkloadNat[]): string {
  const named = list.slice(0, MAX_WORKLOADS_NAMED).map((d) => `${d.workload.kind} ${d.workload.name} (${d.workload.file}:${d.workload.span.line})`);
  const more = list.length > MAX_WORKLOADS_NAMED ? `, and ${list.length - MAX_WORKLOADS_NAMED} more` : '';
  return `${list.length === 1 ? '1 workload' : `${list.length} workloads`}: ${named.join(', ')}${more}`;
}

/**
 * The lines that say which infrastructure resource decided `nat-gateway: auto` and for which workloads (a NAT
 * fact speaks only for the workloads in its scope), and the note when the Kubernetes manifests could belong to
 * several clusters. None when the config or the default decided everything.
 */
export function natLines(result: Pick<LintResult, 'nat' | 'natDecisions'>): string[] {
  const byFact = new Map<NatFact, WorkloadNat[]>();
  const several: WorkloadNat[] = [];
  if (typeof result.nat.decidedBy === 'object') byFact.set(result.nat.decidedBy, []);
  for (const decision of result.natDecisions ?? []) {
    const by = decision.nat.decidedBy;
    if (typeof by === 'object') {
      const list = byFact.get(by);
      if (list) list.push(decision);
      else byFact.set(by, [decision]);
    }
    else if (by === 'several') several.push(decision);
  }
  const lines: string[] = [];
  for (const [by, list] of byFact) {
    const where = `${by.resource} (${by.file}:${by.span.line})`;
    const those = list.length > 0 ? ` It decides for ${workloadsPhrase(list)}.` : '';
    if (by.present) lines.push(`NAT gateway: present, decided by ${where}${by.why ? `: ${by.why}` : ''}.${those}`);
    else {
      lines.push(
        `NAT gateway: not known, because of ${where}: ${by.unknown ?? by.why ?? ''}.${those} Findings that need to know it ` +
          `(eip-missing) are not reported; set nat-gateway: present or absent (or a clusters: entry) to decide.`,
      );
    }
  }
  if (several.length > 0 || result.nat.decidedBy === 'several') {
    lines.push(
      `NAT gateway: not known for the Kubernetes manifests (${workloadsPhrase(several)}): ${several[0]?.nat.unknown ?? result.nat.unknown ?? ''}. ` +
        `eip-missing and eip-redundant are not reported for them; map their paths to a cluster with a clusters: entry ` +
        `(e.g. { path: "k8s/prod/**", nat-gateway: present }).`,
    );
  }
  return lines;
}

export interface UnresolvedLine {
  file: string;
  line: number;
  text: string;
}

/** The values the readers could not resolve, first ones first, with how many more there are. */
export function unresolvedLines(result: Pick<LintResult, 'files'>): { lines: UnresolvedLine[]; more: number; total: number } {
  const all = result.files.flatMap((f) => (f.unresolved ?? []).map((u) => ({ file: f.path, line: u.span.line, text: `${u.what}: ${u.why}` })));
  return { lines: all.slice(0, MAX_UNRESOLVED_SHOWN), more: Math.max(0, all.length - MAX_UNRESOLVED_SHOWN), total: all.length };
}

export const UNRESOLVED_HEADING = 'not resolved (no finding and no cost rests on them)';
