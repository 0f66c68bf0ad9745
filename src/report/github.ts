import type { Finding, LintResult } from '../model/index.js';
import { SEVERITY_ORDER } from './summary.js';
import { escapeTerminal } from './escape.js';

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(f: Finding): string {
  const properties = [
    `file=${escapeProperty(f.file)}`,
    `line=${f.span.line}`,
    // Columns may be sent only when the annotation is on one line (@actions/core's AnnotationProperties).
    ...(f.span.endLine === f.span.line ? [`col=${f.span.column}`] : []),
    `endLine=${f.span.endLine}`,
    ...(f.span.endLine === f.span.line ? [`endColumn=${f.span.endColumn}`] : []),
    `title=${escapeProperty(f.ruleId)}`,
  ].join(',');
  // Controls and bidi overrides in a message are shown as escapes, as in the text report; the command escapes
  // keep what is left (`%`, and line breaks the message may still have) inside the one command.
  return `::${f.severity} ${properties}::${escapeData(escapeTerminal(f.message))}`;
}

/**
 * GitHub workflow commands, errors first: the runner shows only the first 10 annotations of each level
 * per step, so the most severe ones must come first.
 */
export function githubReport(result: LintResult): string {
  const ordered = SEVERITY_ORDER.flatMap((severity) => result.findings.filter((f) => f.severity === severity));
  return ordered.map((f) => workflowCommand(f) + '\n').join('');
}
