import type { Finding, SuppressedFinding } from '../model/index.js';

/** Reports list findings by file, line, column, then rule id; findings equal in all four keep the order they were found in. */
export function byPosition(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.span.line - b.span.line || a.span.column - b.span.column || a.ruleId.localeCompare(b.ruleId);
}

/** Sorts the reported and the suppressed findings in place, by `byPosition`. */
export function sortByPosition(reported: Finding[], suppressed: SuppressedFinding[]): void {
  reported.sort(byPosition);
  suppressed.sort((a, b) => byPosition(a.finding, b.finding));
}
