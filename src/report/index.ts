import { SEVERITY_RANK, type Finding } from '../model/index.js';
import type { FixSummary, LintResult } from '../model/index.js';
import { compactReport } from './compact.js';
import { githubReport } from './github.js';
import { jsonReport } from './json.js';
import { markdownReport } from './markdown.js';
import type { PresentOptions } from './presentation.js';
import { sarifReport } from './sarif.js';
import { textReport } from './text.js';
import { escapeCommandStart, escapeStrings, escapeTerminal } from './escape.js';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'github' | 'compact';

export interface ReportOptions {
  color: boolean;
  /** What `--fix` / `--diff` fixed and could not fix (text and JSON show it). */
  fixes?: FixSummary;
  /** Columns the text format fits (the terminal's width; 100 when not a terminal). */
  width?: number;
  /** Who reads the text and Markdown formats (the command line unless said), for the verdict and the fix hint. */
  presentation?: PresentOptions;
  /**
   * The config file in use (relative to the report's paths), or null for the defaults: the text header and the
   * JSON `config` field say it. Undefined: not said.
   */
  configFile?: string | null;
  /** The absolute folder the paths are relative to: SARIF's `%SRCROOT%` (originalUriBaseIds). */
  root?: string;
}

/** The text report's first line: which config the findings follow. */
export function configLine(configFile: string | null): string {
  return configFile === null ? 'Config: none found, defaults used' : `Config: ${escapeTerminal(configFile)}`;
}

export function formatReport(format: ReportFormat, result: LintResult, options: ReportOptions): string {
  switch (format) {
    case 'json':
      return jsonReport(result, options.fixes, options.configFile);
    case 'github':
      return githubReport(result);
    case 'markdown':
      return markdownReport(result, options.presentation);
    case 'sarif':
      return sarifReport(result, options.root);
    case 'compact':
      return compactReport(result);
    case 'text':
      return (options.configFile === undefined ? '' : configLine(options.configFile) + '\n\n') + terminalText(result, options);
  }
}

/** Whether any finding is at or above the fail-on level. */
export function shouldFail(findings: Finding[], failOn: Finding['severity'] | 'never'): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

/**
 * The text report over a copy of the result whose every string is escaped, so that no value from the repository
 * reaches a terminal or a CI log raw (docs/security.md); no line may start a workflow command either.
 */
function terminalText(result: LintResult, options: ReportOptions): string {
  const escaped = { ...escapeStrings({ ...result, workloads: [] }), workloads: result.workloads };
  const text = textReport(escaped, { ...options, fixes: options.fixes && escapeStrings(options.fixes) });
  return text.split('\n').map(escapeCommandStart).join('\n');
}
