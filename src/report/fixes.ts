import type { FixEntry, FixSummary } from '../model/index.js';

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
