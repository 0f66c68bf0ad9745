import type { Config, CostReport, Severity, Span, TextEdit, Workload, WorkloadCost } from '../model/index.js';
import type { ScanFacts, WorkloadFacts } from '../policy/facts.js';
import { DOCS_URL } from '../version.js';

/**
 * How safe a rule's fix is. `per-finding`: each finding's report says (`RuleReport.fixSafety`), because the same edit
 * can be what the user asked for in one policy and a guess in another (eip-missing: safe under `egress: eip`, unsafe
 * under `egress: auto`). A rule whose fix can be unsafe is named with `--fix-unsafe`.
 */
export type FixKind = 'safe' | 'unsafe' | 'per-finding' | 'none';

/** What the reports say of a rule, as ESLint's `meta.docs`. */
export interface RuleDocs {
  /** One line: what the rule reports. */
  description: string;
  /** The rule's page, made by `ruleDocsUrl`. */
  url: string;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  fix: FixKind;
  /** What the fix does, when the rule has one. */
  fixDescription?: string;
  /** The formats whose files can trigger the rule. */
  appliesTo: ('kubernetes' | 'terraform')[];
}

export interface RuleReport {
  message: string;
  span: Span;
  /** Overrides the default severity when the rule's severity depends on the policy (eip-missing). */
  severity?: Severity;
  /** Edits that fix the finding; undefined when this instance cannot be fixed automatically. */
  edits?: TextEdit[];
  /** Overrides the rule's fix description for this finding. */
  fixDescription?: string;
  /** Whether this finding's fix is safe, for a rule whose fix is `per-finding` (left out there, it is unsafe). */
  fixSafety?: 'safe' | 'unsafe';
}

export interface RuleContext {
  workload: Workload;
  facts: WorkloadFacts;
  scan: ScanFacts;
  report(report: RuleReport): void;
}

/** What a cost-stage rule sees: the whole projection (with the base's, when there is one), not one workload. */
export interface CostRuleContext {
  cost: CostReport;
  budget: Config['budget'];
  /** Reports a finding on the workload whose cost `target` is. */
  report(target: WorkloadCost, report: RuleReport): void;
}

/**
 * A rule: what it is (meta) and how it judges. Most rules judge one workload (`check`); a rule about the cost of the
 * whole scan judges the projection once it is made (`checkCost`). Rules see workloads and costs only, never files.
 */
export interface Rule {
  meta: RuleMeta;
  /** Absent for rules that judge the cost projection or are reported by other stages (parse-error, skipped-file). */
  check?(context: RuleContext): void;
  checkCost?(context: CostRuleContext): void;
}

/**
 * The documentation page of a rule (docs/rules/<id>.md on the default branch); every surface links to it. The pages
 * stay in docs/rules/ and not beside the rule's code: they are published there, and links to them are out in reports.
 */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_URL}/rules/${encodeURIComponent(ruleId)}.md`;
}

/** `Deployment web` — how messages name a workload; a Terraform address that already holds its type is not repeated. */
export function describeWorkload(workload: Workload): string {
  if (workload.name.startsWith(`${workload.kind}.`)) return workload.name;
  return `${workload.kind} ${workload.name || '(unnamed)'}`;
}

/** Where the pod annotations of a workload are written, for messages: `spec.template.metadata.annotations`. */
export function podAnnotationsPath(workload: Workload): string {
  return workload.podAnnotationsPath ?? `${workload.podTemplatePath ? workload.podTemplatePath + '.' : ''}metadata.annotations`;
}

/** How messages name an EIP key on a workload: the annotation key, or the Terraform argument that stands for it. */
export function keyName(workload: Workload, key: string): string {
  return workload.keyNames?.[key] ?? key;
}

/** A key with its value as the workload's source writes it: `k8s.aliyun.com/eci-with-eip: "true"` or `auto_create_eip = true`. */
export function settingText(workload: Workload, key: string, value: string): string {
  const name = workload.keyNames?.[key];
  return name ? `${name} = ${value}` : `${key}: "${value}"`;
}
