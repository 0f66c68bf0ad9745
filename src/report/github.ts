import { SEVERITIES, type Finding, type LintResult, type Severity } from '../model/index.js';
import { escapeTerminal } from './escape.js';

/**
 * A finding as a GitHub annotation: its level, its message made safe to show, and where it is, with the property
 * names of @actions/core's AnnotationProperties. The `github` format writes it as a workflow command; the action
 * hands it to @actions/core, which writes the same command.
 */
export interface Annotation {
  level: Severity;
  message: string;
  properties: { title: string; file: string; startLine: number; endLine: number; startColumn?: number; endColumn?: number };
}

/**
 * The annotations of findings, errors first, then warnings, then notices: the runner shows only the first 10 of each
 * level per step, so the most severe ones must come first.
 */
export function annotations(findings: readonly Finding[]): Annotation[] {
  return SEVERITIES.flatMap((level) =>
    findings
      .filter((f) => f.severity === level)
      .map((f) => ({
        level,
        // Controls and bidi overrides in a message are shown as escapes, as in the text report.
        message: escapeTerminal(f.message),
        properties: {
          title: f.ruleId,
          file: f.file,
          startLine: f.span.line,
          endLine: f.span.endLine,
          // Columns may be sent only when the annotation is on one line (@actions/core's AnnotationProperties).
          ...(f.span.endLine === f.span.line ? { startColumn: f.span.column, endColumn: f.span.endColumn } : {}),
        },
      })),
  );
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** An annotation as a workflow command; the command escapes keep `%` and any line break inside the one command. */
export function workflowCommand({ level, message, properties: p }: Annotation): string {
  const properties = [
    `file=${escapeProperty(p.file)}`,
    `line=${p.startLine}`,
    ...(p.startColumn !== undefined ? [`col=${p.startColumn}`] : []),
    `endLine=${p.endLine}`,
    ...(p.endColumn !== undefined ? [`endColumn=${p.endColumn}`] : []),
    `title=${escapeProperty(p.title)}`,
  ].join(',');
  return `::${level} ${properties}::${escapeData(message)}`;
}

/** The `github` format: one workflow command per finding, errors first. */
export function githubReport(result: LintResult): string {
  return annotations(result.findings)
    .map((a) => workflowCommand(a) + '\n')
    .join('');
}
