import type { LintResult } from '../model/index.js';
import { escapeCommandStart, escapeTerminal } from './escape.js';

/**
 * Control characters (C0, DEL, C1) as `\xNN`, so that a value keeps to its line in the one-line format; then the
 * terminal escape for what reorders or hides text (bidi overrides, zero-width characters).
 */
function oneLine(text: string): string {
  return escapeTerminal(text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * One finding a line, `file:line:col: severity rule-id message`: the shape editors' and CI problem matchers
 * read (`^(.+):(\d+):(\d+): (error|warning|notice) (\S+) (.*)$`). Nothing else is printed.
 */
export function compactReport(result: LintResult): string {
  return result.findings
    // A file name must not make the line a workflow command in a CI log.
    .map((f) => `${escapeCommandStart(`${oneLine(f.file)}:${f.span.line}:${f.span.column}: ${f.severity} ${f.ruleId} ${oneLine(f.message)}`)}\n`)
    .join('');
}
