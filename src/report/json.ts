import type { FixSummary, LintResult, NatDecision } from '../model/index.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { costJson } from './cost.js';

function decidedByJson(decision: NatDecision): unknown {
  const by = decision.decidedBy;
  if (typeof by === 'object') return { resource: by.resource, file: by.file, line: by.span.line, reason: by.why ?? '' };
  return decision.clusterEntry !== undefined ? `clusters[${decision.clusterEntry}]` : by;
}

/**
 * `natGateway`: the decision for the Kubernetes manifests, and each workload's decision with the resource it
 * rests on; absent when the config or the default decided everything.
 */
function natJson(result: LintResult): { natGateway?: unknown } {
  const decisions = result.natDecisions ?? [];
  const fromCode = (d: NatDecision) => typeof d.decidedBy === 'object' || d.decidedBy === 'several' || d.clusterEntry !== undefined;
  if (!fromCode(result.nat) && !decisions.some((d) => fromCode(d.nat))) return {};
  return {
    natGateway: {
      present: result.nat.present,
      ...(result.nat.unknown ? { unknown: result.nat.unknown } : {}),
      ...(typeof result.nat.decidedBy === 'object' || result.nat.decidedBy === 'several' ? { decidedBy: decidedByJson(result.nat) } : {}),
      workloads: decisions.map(({ workload, nat }) => ({
        file: workload.file,
        line: workload.span.line,
        kind: workload.kind,
        name: workload.name,
        namespace: workload.namespace,
        present: nat.present,
        ...(nat.unknown ? { unknown: nat.unknown } : {}),
        decidedBy: decidedByJson(nat),
      })),
    },
  };
}

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
    ...natJson(result),
    ...(result.cost ? { cost: costJson(result.cost) } : {}),
    ...(fixes ? { fixes: fixes.entries } : {}),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
