import { FILE_HEADERS_ONLY, formatPatch, structuredPatch } from 'diff';

export interface DiffOptions {
  /** Lines of context around each change; default 3. */
  context?: number;
}

/**
 * A unified diff of one file, as `git apply` and `patch -p1` take it: `--- a/<path>` and `+++ b/<path>` headers, then
 * the hunks. Line breaks are kept as they are (a CRLF file gives CRLF lines). Empty when the texts are the same.
 */
export function unifiedDiff(path: string, original: string, fixed: string, options: DiffOptions = {}): string {
  if (original === fixed) return '';
  const patch = structuredPatch(`a/${path}`, `b/${path}`, original, fixed, undefined, undefined, { context: options.context ?? 3 });
  return formatPatch(patch, FILE_HEADERS_ONLY);
}

/** One diff for several files, in the order given; files without changes are left out. */
export function unifiedDiffs(files: readonly { path: string; original: string; fixed: string }[], options: DiffOptions = {}): string {
  return files.map((f) => unifiedDiff(f.path, f.original, f.fixed, options)).join('');
}
