import type { FileFix } from './apply.js';

/** One fix in the report (the `fixes` array of the JSON report). */
export interface FixEntry {
  file: string;
  ruleId: string;
  /** Where the finding is: in the file as it was, or, for a follow-up, in the fixed file. */
  line: number;
  column: number;
  status: 'fixed' | 'failed';
  /** What the fix does. */
  description: string;
  /** Why the fix failed. */
  reason?: string;
  /** A finding that only an earlier fix brought up, fixed in a later pass. */
  followUp?: true;
}

/** What the report says about fixes: the entries, and whether they were written, only shown as a diff, or printed. */
export interface FixSummary {
  /** `write`: files written (`--fix`); `diff`: shown as a diff, nothing written; `stdout`: the fixed text printed. */
  mode: 'write' | 'diff' | 'stdout';
  entries: FixEntry[];
}

/**
 * The report's entries for the results of `applyFixes`. `unwritten` names files whose fixed text could not be written,
 * with the reason: their fixes are reported as failed.
 */
export function fixEntries(files: readonly FileFix[], unwritten: ReadonlyMap<string, string> = new Map()): FixEntry[] {
  const entries: FixEntry[] = [];
  for (const file of files) {
    const notWritten = unwritten.get(file.path);
    const entry = (f: FileFix['applied'][number]) => ({
      file: file.path,
      ruleId: f.ruleId,
      line: f.span.line,
      column: f.span.column,
      description: f.fix?.description ?? '',
    });
    for (const f of file.applied) {
      entries.push(notWritten ? { ...entry(f), status: 'failed', reason: notWritten } : { ...entry(f), status: 'fixed' });
    }
    if (!notWritten) for (const f of file.followUps) entries.push({ ...entry(f), status: 'fixed', followUp: true });
    for (const { finding, reason } of file.failed) entries.push({ ...entry(finding), status: 'failed', reason });
  }
  return entries.sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId),
  );
}

function problems(n: number): string {
  return `${n} problem${n === 1 ? '' : 's'}`;
}

/** The text report's lines about fixes: what was fixed, then what could not be, each with where and why. */
export function fixTextLines(summary: FixSummary): string[] {
  const fixed = summary.entries.filter((e) => e.status === 'fixed');
  const failed = summary.entries.filter((e) => e.status === 'failed');
  const files = new Set(fixed.map((e) => e.file)).size;
  const where = (e: FixEntry) => `  ${e.file}:${e.line}:${e.column} ${e.ruleId}: `;
  const out: string[] = [];
  if (summary.entries.length === 0) {
    out.push(summary.mode === 'diff' ? 'Nothing to fix; the diff is empty.' : 'Nothing to fix.');
    return out;
  }
  if (fixed.length > 0) {
    const inFiles = `${problems(fixed.length)} in ${files} file${files === 1 ? '' : 's'}`;
    out.push(
      summary.mode === 'diff'
        ? `The diff fixes ${inFiles} (nothing was written):`
        : summary.mode === 'stdout'
          ? `Fixed ${problems(fixed.length)}; the fixed text is on standard output:`
          : `Fixed ${inFiles}:`,
    );
    for (const e of fixed) {
      out.push(where(e) + e.description + (e.followUp ? ' (came up after an earlier fix; the position is in the fixed file)' : ''));
    }
  }
  if (failed.length > 0) {
    out.push(`${failed.length} fix${failed.length === 1 ? '' : 'es'} could not be applied:`);
    for (const e of failed) out.push(where(e) + (e.reason ?? 'not applied'));
  }
  return out;
}
