import { minimatch } from 'minimatch';
import type {
  AliasRead,
  Config,
  CostReport,
  Finding,
  ReadResult,
  Severity,
  SuppressedFinding,
  UnresolvedValue,
  Workload,
} from './model/index.js';
import { discoverFiles } from './files/discover.js';
import { readTextFile } from './files/read.js';
import { decideNat, workloadFacts, type NatDecision, type ScanFacts } from './policy/facts.js';
import { prepareReaders, readContext, readerFor, type ReaderOptions } from './readers/index.js';
import { RULES, ruleById } from './rules/index.js';
import type { RuleMeta, RuleReport } from './rules/rule.js';
import { commentIgnores, type CommentIgnore } from './suppress/comments.js';
import { projectCost, resolvePricing, sideOf, sourceWorkload, type CostInput } from './cost/index.js';
import { costBudgetReports } from './rules/eip-cost-budget.js';
import { newFindingsOnly } from './suppress/baseline.js';
import { LineIndex } from './readers/line-index.js';

export interface SourceFile {
  /** Relative to the working directory, with `/`. */
  path: string;
  /** The text, or why the file was not read. */
  text?: string;
  skip?: string;
}

export interface FileStatus {
  path: string;
  status: 'scanned' | 'skipped';
  reason?: string;
  /** Values the reader could not resolve (Terraform expressions): no finding rests on them. */
  unresolved?: UnresolvedValue[];
  /** The places that read a node through an alias or a merge key: the fix engine keeps what they read unchanged. */
  aliasReads?: AliasRead[];
}

export interface LintResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  files: FileStatus[];
  workloads: Workload[];
  nat: NatDecision;
  /** The monthly EIP cost projection (docs/cost.md); with a base, also the base's cost and the change. */
  cost: CostReport;
  /** Present when a base was given: the base's findings; `hidden` counts this run's findings left out by newOnly. */
  base?: { findings: Finding[]; hidden: number };
}

export interface LintOptions extends ReaderOptions {
  config: Config;
  /**
   * The base's version of the files (e.g. read with git; a file missing on one side counts as empty there):
   * the cost is compared with it, `budget.increase` is checked, and `newOnly` works.
   */
  base?: SourceFile[];
  /** With a base: report only the findings that the base does not have (docs/cost.md, "--new-only"). */
  newOnly?: boolean;
}

/** The files on disk under the paths given (files or folders), filtered by the config's globs, and read. */
export function sourcesFromPaths(cwd: string, paths: string[], config: Config): SourceFile[] {
  return discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude }).map((file) => {
    if (file.skip) return { path: file.path, skip: file.skip };
    const outcome = readTextFile(file.absolute, config.maxFileSize);
    return 'text' in outcome ? { path: file.path, text: outcome.text } : { path: file.path, skip: outcome.skip };
  });
}

/**
 * Lints files on disk: the paths given (files or folders), filtered by the config's globs. Synchronous: when
 * Terraform files may be among them, call `prepareReaders` first (or use `lintPathsPrepared`).
 */
export function lintPaths(cwd: string, paths: string[], options: LintOptions): LintResult {
  return lintSources(sourcesFromPaths(cwd, paths, options.config), options);
}

/** Lints files on disk after loading the readers they need (the Terraform parser only when there are .tf files). */
export async function lintPathsPrepared(cwd: string, paths: string[], options: LintOptions): Promise<LintResult> {
  const sources = sourcesFromPaths(cwd, paths, options.config);
  await prepareReaders([...sources, ...(options.base ?? [])]);
  return lintSources(sources, options);
}

interface FileState {
  source: SourceFile;
  read?: ReadResult;
  comments: CommentIgnore[];
}

/** The engine: file texts → workloads → rules → findings, with suppressions applied. */
export function lintSources(sources: SourceFile[], options: LintOptions): LintResult {
  const { config } = options;
  const files: FileStatus[] = [];
  const raw: Finding[] = [];
  /** The workload each rule finding is about, for its suppression annotations. */
  const owners = new Map<Finding, Workload>();
  const states = new Map<string, FileState>();

  // First pass: what a reader needs from the other files (Terraform variables and locals of each folder).
  const context = readContext(sources);
  for (const source of sources) {
    const state: FileState = { source, comments: [] };
    states.set(source.path, state);
    if (source.text === undefined) {
      files.push({ path: source.path, status: 'skipped', reason: source.skip });
      raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${source.skip}.`));
      continue;
    }
    const reader = readerFor(source.path)!;
    state.read = reader.read(source.path, source.text, { ...options, context });
    if (config.inlineIgnores) state.comments = commentIgnores(source.text);
    if (state.read.skipped) {
      files.push({ path: source.path, status: 'skipped', reason: state.read.skipped });
      raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${state.read.skipped}.`));
      continue;
    }
    files.push({
      path: source.path,
      status: 'scanned',
      ...(state.read.unresolved?.length ? { unresolved: state.read.unresolved } : {}),
      ...(state.read.aliasReads?.length ? { aliasReads: state.read.aliasReads } : {}),
    });
    for (const problem of state.read.problems) {
      raw.push({
        ruleId: problem.ruleId,
        severity: ruleById(problem.ruleId)!.meta.defaultSeverity,
        message: problem.message,
        file: source.path,
        span: problem.span,
      });
    }
  }

  const reads = [...states.values()].flatMap((s) => (s.read ? [s.read] : []));
  const workloads = reads.flatMap((r) => r.workloads);
  linkAutoscalers(reads, workloads);
  const scan: ScanFacts = {
    config,
    nat: decideNat(config, reads.flatMap((r) => r.natFacts)),
    namespaces: new Map(reads.flatMap((r) => r.namespaces).map((n) => [n.name, n])),
    selectors: reads.flatMap((r) => r.profiles.flatMap((p) => p.selectors)),
  };

  const costInputs: CostInput[] = [];
  for (const workload of workloads) {
    const facts = workloadFacts(workload, scan);
    costInputs.push({ workload, facts });
    for (const rule of RULES) {
      if (!rule.check || config.rules[rule.meta.id] === 'off') continue;
      rule.check({
        workload,
        facts,
        scan,
        report: (report: RuleReport) => {
          const finding = toFinding(rule.meta.id, workload, report);
          owners.set(finding, workload);
          raw.push(finding);
        },
      });
    }
  }

  // The cost stage, and eip-cost-budget, which is a function of its projection.
  const base = options.base ? lintSources(options.base, { ...options, base: undefined, newOnly: false }) : undefined;
  const cost = projectCost(costInputs, resolvePricing(config.pricing), base && sideOf(base.cost));
  if (config.rules['eip-cost-budget'] !== 'off') {
    for (const { target, report } of costBudgetReports(cost, config.budget)) {
      const workload = sourceWorkload(target)!;
      const finding = toFinding('eip-cost-budget', workload, report);
      owners.set(finding, workload);
      raw.push(finding);
    }
  }

  let findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of raw) {
    const setting = config.rules[finding.ruleId];
    if (setting === 'off') continue;
    if (setting) finding.severity = setting;
    const suppression = findSuppression(finding, config, states.get(finding.file), owners.get(finding));
    if (suppression) suppressed.push({ finding, ...suppression });
    else findings.push(finding);
  }
  const order = (a: Finding, b: Finding) =>
    a.file.localeCompare(b.file) || a.span.line - b.span.line || a.span.column - b.span.column || a.ruleId.localeCompare(b.ruleId);
  findings.sort(order);
  suppressed.sort((a, b) => order(a.finding, b.finding));
  let hidden = 0;
  if (base && options.newOnly) {
    const fresh = newFindingsOnly(findings, base.findings);
    hidden = findings.length - fresh.length;
    findings = fresh;
  }
  return { findings, suppressed, files, workloads, nat: scan.nat, cost, ...(base ? { base: { findings: base.findings, hidden } } : {}) };
}

function toFinding(ruleId: string, workload: Workload, report: RuleReport): Finding {
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

/** A rule's fix is safe by its meta, or, for a `per-finding` fix, when the report says so (never by default). */
function fixIsSafe(meta: RuleMeta, report: RuleReport): boolean {
  if (meta.fix === 'per-finding') return report.fixSafety === 'safe';
  return meta.fix === 'safe';
}

function fileFinding(ruleId: string, file: string, message: string): Finding {
  const severity: Severity = ruleById(ruleId)!.meta.defaultSeverity;
  return { ruleId, severity, message, file, span: new LineIndex('').span(0) };
}

/** An HPA turns its target's replicas into a range; it must be in the same namespace. */
function linkAutoscalers(reads: ReadResult[], workloads: Workload[]): void {
  for (const hpa of reads.flatMap((r) => r.autoscalers)) {
    const target = workloads.find(
      (w) => w.kind === hpa.target.kind && w.name === hpa.target.name && w.namespace === hpa.namespace,
    );
    if (target) target.autoscaler = { min: hpa.min, max: hpa.max, file: hpa.file, span: hpa.span, name: hpa.name };
  }
}

function findSuppression(
  finding: Finding,
  config: Config,
  state: FileState | undefined,
  workload: Workload | undefined,
): Omit<SuppressedFinding, 'finding'> | undefined {
  const names = (rules: string[]) => rules.includes(finding.ruleId);
  const reason = (text: string) => text || '(no reason given)';
  if (config.inlineIgnores) {
    const comment = state?.comments.find(
      (c) => names(c.rules) && (c.wholeFile || c.line === finding.span.line || c.line === finding.span.line - 1),
    );
    if (comment) return { reason: reason(comment.reason), source: 'comment' };
    const annotation = workload?.ignores.find((i) => names(i.rules));
    if (annotation) return { reason: reason(annotation.reason), source: 'annotation' };
  }
  const entry = config.ignore.find(
    (i) => (i.rule === '*' || i.rule === finding.ruleId) && (!i.path || minimatch(finding.file, i.path, { dot: true })),
  );
  if (entry) return { reason: reason(entry.reason), source: 'config' };
  return undefined;
}
