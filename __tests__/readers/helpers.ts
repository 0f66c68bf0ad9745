// Shared helpers for the reader tests (not a test file: jest only collects *.test.ts).
import { parseAllDocuments } from 'yaml';
import type { MapEntry, ReadResult, Span, TextEdit, Workload } from '../../src/model/index.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';

/** Applies edits from the last to the first; throws when two edits overlap. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i - 1];
    const earlier = sorted[i];
    if (earlier.end > later.start) {
      throw new Error(`overlapping edits [${earlier.start},${earlier.end}) and [${later.start},${later.end})`);
    }
  }
  let out = text;
  for (const edit of sorted) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) throw new Error('edit out of range');
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

/** The YAML errors of a text, as `yaml` reports them (the fix module's re-parse check). */
export function yamlErrors(text: string): string[] {
  return parseAllDocuments(text, { uniqueKeys: true }).flatMap((doc) => doc.errors.map((e) => e.message));
}

/**
 * Checks that every line of `before` that no edit touches is still in `after`, byte for byte, where the
 * edits moved it. A line is touched when an edit replaces any of its characters or inserts text inside it
 * (an insertion at the very start of a line leaves that line alone). Returns the 1-based touched lines.
 */
export function expectUntouchedLinesKept(before: string, after: string, edits: TextEdit[]): number[] {
  const touched: number[] = [];
  let lineStart = 0;
  let line = 1;
  while (lineStart < before.length) {
    const nl = before.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? before.length : nl + 1;
    const hit = edits.some((e) =>
      e.start === e.end ? e.start > lineStart && e.start < lineEnd : e.start < lineEnd && e.end > lineStart,
    );
    if (hit) {
      touched.push(line);
    } else {
      const shift = edits
        .filter((e) => e.end <= lineStart)
        .reduce((sum, e) => sum + e.newText.length - (e.end - e.start), 0);
      const moved = after.slice(lineStart + shift, lineStart + shift + (lineEnd - lineStart));
      if (moved !== before.slice(lineStart, lineEnd)) {
        throw new Error(`line ${line} changed: ${JSON.stringify(before.slice(lineStart, lineEnd))} → ${JSON.stringify(moved)}`);
      }
    }
    lineStart = lineEnd;
    line++;
  }
  return touched;
}

export function read(text: string, file = 'test.yaml', everyDocument = false): ReadResult {
  return readKubernetesYaml(file, text, { everyDocument });
}

/** The only workload of a text (fails the test when there is not exactly one). */
export function onlyWorkload(text: string): Workload {
  const result = read(text);
  expect(result.problems).toEqual([]);
  expect(result.workloads).toHaveLength(1);
  return result.workloads[0];
}

/** The pod annotations of the first workload of a text, as key → written value. */
export function podAnnotations(text: string): Record<string, string> {
  const workload = onlyWorkload(text);
  return Object.fromEntries((workload.pod?.annotations ?? []).map((e) => [e.key, e.value]));
}

export function entry(entries: MapEntry[] | undefined, key: string): MapEntry {
  const found = entries?.find((e) => e.key === key);
  if (!found) throw new Error(`no entry ${key}`);
  return found;
}

/** Line and column of a span, for compact assertions. */
export function at(span: Span | undefined): [number, number, number, number] | undefined {
  return span && [span.line, span.column, span.endLine, span.endColumn];
}

export const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');
