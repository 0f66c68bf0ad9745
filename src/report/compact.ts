import type { LintResult } from '../model/index.js';

/** Control characters (C0, DEL, C1) as `\xNN`: a file's content must not move the cursor or end the line. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/**
 * One finding a line, `file:line:col: severity rule-id message`: the shape editors' and CI problem matchers
 * read (`^(.+):(\d+):(\d+): (error|warning|notice) (\S+) (.*)$`). Nothing else is printed.
 */
export function compactReport(result: LintResult): string {
  return result.findings
    .map((f) => `${oneLine(f.file)}:${f.span.line}:${f.span.column}: ${f.severity} ${f.ruleId} ${oneLine(f.message)}\n`)
    .join('');
}
