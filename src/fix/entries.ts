import type { FixEntry } from '../model/index.js';
import type { FileFix } from './types.js';

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
