import type { LintResult } from '../engine.js';
import type { FixSummary } from '../fix/report.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { costJson } from './cost.js';

/** The JSON report, schema version 1 (see docs/cli.md). */
export function jsonReport(result: LintResult, fixes?: FixSummary, configFile?: string | null): string {
  const report = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    ...(configFile === undefined ? {} : { config: configFile }),
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
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      ...(f.reason ? { reason: f.reason } : {}),
      ...(f.unresolved?.length
        ? { unresolved: f.unresolved.map((u) => ({ line: u.span.line, column: u.span.column, what: u.what, reason: u.why })) }
        : {}),
    })),
    ...(typeof result.nat.decidedBy === 'object'
      ? {
          natGateway: {
            present: result.nat.present,
            ...(result.nat.unknown ? { unknown: result.nat.unknown } : {}),
            decidedBy: { resource: result.nat.decidedBy.resource, file: result.nat.decidedBy.file, line: result.nat.decidedBy.span.line, reason: result.nat.decidedBy.why ?? '' },
          },
        }
      : {}),
    ...(result.cost ? { cost: costJson(result.cost) } : {}),
    ...(fixes ? { fixes: fixes.entries } : {}),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
