import type { LintResult } from '../engine.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** The JSON report, schema version 1 (see docs/cli.md). */
export function jsonReport(result: LintResult): string {
  const report = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.span.line,
      column: f.span.column,
      endLine: f.span.endLine,
      endColumn: f.span.endColumn,
      ...(f.workload ? { workload: f.workload } : {}),
      ...(f.fix ? { fix: { safe: f.fix.safe, description: f.fix.description } } : {}),
    })),
    suppressed: result.suppressed.map((s) => ({
      ruleId: s.finding.ruleId,
      file: s.finding.file,
      line: s.finding.span.line,
      reason: s.reason,
    })),
    files: result.files.map((f) => ({ path: f.path, status: f.status, ...(f.reason ? { reason: f.reason } : {}) })),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
