import type { Finding, ReadProblem, Severity, Span, Workload } from '../model/index.js';
import { failureReason } from '../readers/failure.js';
import { LineIndex } from '../readers/line-index.js';
import { ruleById } from '../rules/index.js';
import type { RuleMeta, RuleReport } from '../rules/rule.js';

/** A rule's report on a workload as a finding, with its fix when the rule has one and the report carries edits. */
export function toFinding(ruleId: string, workload: Workload, report: RuleReport): Finding {
  const meta = ruleById(ruleId)!.meta;
  const finding: Finding = {
    ruleId,
    severity: report.severity ?? meta.defaultSeverity,
    message: report.message,
    file: workload.file,
    span: report.span,
    workload: { kind: workload.kind, name: workload.name, namespace: workload.namespace },
  };
  if (meta.fix !== 'none' && report.edits && report.edits.length > 0) {
    finding.fix = {
      safe: fixIsSafe(meta, report),
      description: report.fixDescription ?? meta.fixDescription ?? '',
      edits: report.edits,
    };
  }
  return finding;
}

/** A reader's problem (a parse error, an alias bomb) as a finding at the place given, with the rule's default severity. */
export function problemFinding(problem: ReadProblem, file: string, span: Span, message = problem.message): Finding {
  return { ruleId: problem.ruleId, severity: ruleById(problem.ruleId)!.meta.defaultSeverity, message, file, span };
}

/** The notice on a workload that a rule (or the policy facts, without `ruleId`) threw on. */
export function uncheckedWorkload(workload: Workload, error: unknown, ruleId?: string): Finding {
  const what = `${workload.kind} ${workload.namespace ? `${workload.namespace}/` : ''}${workload.name}`;
  const finding = fileFinding(
    'skipped-file',
    workload.file,
    `Not checked${ruleId ? ` by ${ruleId}` : ''}: ${what}, because ${failureReason(error)}.`,
  );
  finding.span = workload.span;
  return finding;
}

/** A rule's fix is safe by its meta, or, for a `per-finding` fix, when the report says so (never by default). */
export function fixIsSafe(meta: RuleMeta, report: RuleReport): boolean {
  if (meta.fix === 'per-finding') return report.fixSafety === 'safe';
  return meta.fix === 'safe';
}

/** A finding about a whole file, at its first line. */
export function fileFinding(ruleId: string, file: string, message: string): Finding {
  const severity: Severity = ruleById(ruleId)!.meta.defaultSeverity;
  return { ruleId, severity, message, file, span: new LineIndex('').span(0) };
}
