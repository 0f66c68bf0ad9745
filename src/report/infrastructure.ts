import type { LintResult } from '../engine.js';

/** At most this many unresolved values are listed in the text and Markdown reports; JSON has them all. */
const MAX_UNRESOLVED_SHOWN = 20;

/**
 * The line that says which infrastructure resource decided `nat-gateway: auto`, or undefined when the config or
 * the default decided it.
 */
export function natLine(result: Pick<LintResult, 'nat'>): string | undefined {
  const by = result.nat.decidedBy;
  if (typeof by !== 'object') return undefined;
  const where = `${by.resource} (${by.file}:${by.span.line})`;
  if (result.nat.present) return `NAT gateway: present, decided by ${where}${by.why ? `: ${by.why}` : ''}.`;
  return `NAT gateway: not known, because of ${where}: ${result.nat.unknown ?? by.why ?? ''}. Findings that need to know it (eip-missing) are not reported; set nat-gateway: present or absent to decide.`;
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
