import { minimatch } from 'minimatch';
import { parse as parseYaml } from 'yaml';
import type {
  Config,
  FileStatus,
  Finding,
  LintResult,
  ReadResult,
  RenderedDocument,
  RenderOutcome,
  Severity,
  SourceFile,
  SuppressedFinding,
  TextEdit,
  Workload,
  WorkloadNat,
} from './model/index.js';
import { discoverFiles } from './files/discover.js';
import { readTextFile } from './files/read.js';
import { clusterRuleFor, decideNat, workloadFacts, type ScanFacts } from './policy/facts.js';
import { prepareReaders, readContext, readerFor, type ReaderOptions } from './readers/index.js';
import { RULES, ruleById } from './rules/index.js';
import type { RuleMeta, RuleReport } from './rules/rule.js';
import { commentIgnores, type CommentIgnore } from './suppress/comments.js';
import { projectCost, resolvePricing, sideOf, sourceWorkload, type CostInput, type ResolvedPricing } from './cost/index.js';
import { newFindingsOnly } from './suppress/baseline.js';
import { LineIndex } from './readers/line-index.js';
import { failureReason } from './readers/failure.js';
import { emptyReadResult } from './model/index.js';
import { readKubernetesYaml } from './readers/kubernetes/index.js';
import { emptyRenderOutcome, renderCharts } from './render/index.js';

export interface LintOptions extends ReaderOptions {
  config: Config;
  /**
   * The base's version of the files (e.g. read with git; a file missing on one side counts as empty there):
   * the cost is compared with it, `budget.increase` is checked, and `newOnly` works.
   */
  base?: SourceFile[];
  /** With a base: report only the findings that the base does not have (docs/cost.md, "--new-only"). */
  newOnly?: boolean;
  /** Whether a path given as absolute may be outside `cwd` (the CLI); otherwise it is skipped (docs/security.md). */
  absoluteOutside?: boolean;
  /** The charts and overlays rendered from these files (docs/charts.md): see `renderSources`. */
  rendered?: RenderOutcome;
  /** The same for the base's files. */
  baseRendered?: RenderOutcome;
}

/** The files on disk under the paths given (files or folders), filtered by the config's globs, and read. */
export function sourcesFromPaths(cwd: string, paths: string[], config: Config, absoluteOutside = false): SourceFile[] {
  return discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude, absoluteOutside }).map((file) => {
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

/**
 * Lints files on disk after loading the readers they need (the Terraform parser only when there are .tf files)
 * and rendering the charts and overlays among them.
 */
export async function lintPathsPrepared(cwd: string, paths: string[], options: LintOptions): Promise<LintResult> {
  return lintSourcesPrepared(cwd, sourcesFromPaths(cwd, paths, options.config, options.absoluteOutside), options);
}

/** `lintPathsPrepared` for files already read, so that a caller that needs their texts again reads them once. */
export async function lintSourcesPrepared(cwd: string, sources: SourceFile[], options: LintOptions): Promise<LintResult> {
  await prepareReaders([...sources, ...(options.base ?? [])]);
  const rendered = options.rendered ?? (await renderSources(cwd, sources, options.config));
  return lintSources(sources, { ...options, rendered });
}

/**
 * Renders the charts and overlays under `roots` (files or folders) that use one of the `changed` files (all when
 * undefined): a pull request that changes a values file or a base renders its chart or overlays, though their other
 * files are unchanged.
 */
export async function renderChanged(cwd: string, roots: string[], config: Config, changed?: ReadonlySet<string>): Promise<RenderOutcome> {
  if (!config.render.enabled) return emptyRenderOutcome();
  return renderCharts({ cwd, paths: pathsUnder(cwd, roots, config), config, changed });
}

/** The paths of the files under `roots` (files or folders) that the config's globs select, relative to `cwd`. */
export function pathsUnder(cwd: string, roots: string[], config: Config): string[] {
  return discoverFiles(roots, { cwd, include: config.include, exclude: config.exclude }).map((f) => f.path);
}

/** Renders the charts and overlays among the files read from `cwd` (the render stage, docs/charts.md). */
export async function renderSources(
  cwd: string,
  sources: readonly SourceFile[],
  config: Config,
  changed?: ReadonlySet<string>,
): Promise<RenderOutcome> {
  if (!config.render.enabled) return emptyRenderOutcome();
  return renderCharts({ cwd, paths: sources.map((s) => s.path), config, changed });
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

  const rendered = options.rendered ?? emptyRenderOutcome();

  // First pass: what a reader needs from the other files (Terraform variables and locals of each folder).
  const context = readContext(sources);
  for (const source of sources) {
    const state: FileState = { source, comments: [] };
    states.set(source.path, state);
    const used = rendered.used.get(source.path);
    if (used && source.text !== undefined) {
      // Judged through the charts and overlays that use it (docs/charts.md), never alone.
      if (config.inlineIgnores) state.comments = commentIgnores(source.text);
      files.push({ path: source.path, status: used.status, reason: used.reason });
      continue;
    }
    if (source.text === undefined) {
      files.push({ path: source.path, status: 'skipped', reason: source.skip });
      raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${source.skip}.`));
      continue;
    }
    const reader = readerFor(source.path)!;
    // One file never stops the scan: whatever its reader throws (a stack overflow on deep nesting included)
    // makes that file skipped, with the reason.
    try {
      state.read = reader.read(source.path, source.text, { ...options, context });
      if (config.inlineIgnores) state.comments = commentIgnores(source.text);
    } catch (error) {
      state.read = { ...emptyReadResult(), skipped: failureReason(error) };
    }
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

  // Rendered documents are read like any YAML; their positions are translated to the lines behind them below.
  const documents = new Map<string, RenderedDocument>();
  const workloadDocuments = new Map<Workload, RenderedDocument>();
  const renderedReads: ReadResult[] = [];
  for (const skip of rendered.skipped) {
    raw.push({ ...fileFinding('skipped-file', skip.file, skip.message), span: { ...new LineIndex('').span(0), line: skip.line, column: skip.column, endLine: skip.line, endColumn: skip.column } });
  }
  for (const document of rendered.documents) {
    documents.set(document.id, document);
    const read = readKubernetesYaml(document.id, document.text);
    renderedReads.push(read);
    for (const problem of read.problems) {
      const where = document.locate(problem.span);
      raw.push({
        ruleId: problem.ruleId,
        severity: ruleById(problem.ruleId)!.meta.defaultSeverity,
        message: `${problem.message} (in the output of ${document.unit}, ${document.rendering})`,
        file: where.file,
        span: where.span,
      });
    }
    for (const workload of read.workloads) {
      workloadDocuments.set(workload, document);
      // helm installs the objects that name no namespace in the release's namespace.
      if (workload.namespaceDefaulted && document.namespace) workload.namespace = document.namespace;
      // Config globs (workloads[].match.path, ignore[].path) match the file a person edits.
      workload.file = document.locate(workload.span).file;
    }
    for (const hpa of read.autoscalers) {
      if (document.namespace && !/^\s+namespace\s*:/m.test(document.text)) hpa.namespace = document.namespace;
      hpa.file = document.id;
    }
  }

  const reads = [...[...states.values()].flatMap((s) => (s.read ? [s.read] : [])), ...renderedReads];
  const workloads = reads.flatMap((r) => r.workloads);
  linkAutoscalers(reads, workloads);
  const natFacts = reads.flatMap((r) => r.natFacts);
  // The base is linted first: the rules that judge a change (eip-change-needs-recreate) compare with its workloads.
  const base = options.base
    ? lintSources(options.base, { ...options, base: undefined, newOnly: false, rendered: options.baseRendered, baseRendered: undefined })
    : undefined;
  const scan: ScanFacts = {
    config,
    nat: decideNat(config, natFacts),
    natFacts,
    namespaces: new Map(reads.flatMap((r) => r.namespaces).map((n) => [n.name, n])),
    selectors: reads.flatMap((r) => r.profiles.flatMap((p) => p.selectors)),
    ...(base ? { base: { workloads: base.workloads } } : {}),
  };

  const costInputs: CostInput[] = [];
  const natDecisions: WorkloadNat[] = [];
  const regionPricing = new Map<string, ResolvedPricing>();
  const renderings = new Map<Finding, RenderedDocument>();
  for (const workload of workloads) {
    // A rule that throws on one workload leaves that workload unchecked (a notice on its file), not the scan.
    let facts: ReturnType<typeof workloadFacts>;
    try {
      facts = workloadFacts(workload, scan);
    } catch (error) {
      raw.push(uncheckedWorkload(workload, error));
      continue;
    }
    const document = workloadDocuments.get(workload);
    const region = clusterRuleFor(workload, config)?.rule.region;
    if (region !== undefined && !regionPricing.has(region)) regionPricing.set(region, resolvePricing({ ...config.pricing, region }));
    // Test renderings (a chart's ci/*-values.yaml) are linted but do not stand for a deployment's cost.
    if (!document || document.priced) costInputs.push({ workload, facts, ...(region !== undefined ? { pricing: regionPricing.get(region) } : {}) });
    if (workload.pod) natDecisions.push({ workload, nat: facts.nat });
    for (const rule of RULES) {
      if (!rule.check || config.rules[rule.meta.id] === 'off') continue;
      const reports: Finding[] = [];
      try {
        rule.check({
          workload,
          facts,
          scan,
          report: (report: RuleReport) => {
            reports.push(toFinding(rule.meta.id, workload, report));
          },
        });
      } catch (error) {
        raw.push(uncheckedWorkload(workload, error, rule.meta.id));
        continue;
      }
      for (const finding of reports) {
        if (document) {
          locateRendered(finding, document);
          renderings.set(finding, document);
        }
        owners.set(finding, workload);
        raw.push(finding);
      }
    }
  }
  // commonAnnotations and commonLabels as written: only whether their values are strings (docs/charts.md).
  const notString = ruleById('eip-not-string')!;
  for (const workload of config.rules['eip-not-string'] === 'off' ? [] : rendered.asWritten) {
    notString.check!({
      workload,
      facts: workloadFacts(workload, scan),
      scan,
      report: (report: RuleReport) => raw.push(toFinding('eip-not-string', workload, report)),
    });
  }
  for (const [workload, document] of workloadDocuments) {
    workload.span = document.locate(workload.span).span;
    const hpaDocument = workload.autoscaler && documents.get(workload.autoscaler.file);
    if (workload.autoscaler && hpaDocument) {
      const where = hpaDocument.locate(workload.autoscaler.span);
      workload.autoscaler = { ...workload.autoscaler, file: where.file, span: where.span };
    }
  }

  // The cost stage, and the rules that are a function of its projection (eip-cost-budget).
  const cost = projectCost(costInputs, resolvePricing(config.pricing), base && sideOf(base.cost));
  for (const rule of RULES) {
    if (!rule.checkCost || config.rules[rule.meta.id] === 'off') continue;
    rule.checkCost({
      cost,
      budget: config.budget,
      report(target, report) {
        const workload = sourceWorkload(target)!;
        const finding = toFinding(rule.meta.id, workload, report);
        owners.set(finding, workload);
        raw.push(finding);
      },
    });
  }

  let findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of mergeRenderings(raw, renderings, rendered.documents)) {
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
  return { findings, suppressed, files, workloads, nat: scan.nat, natDecisions, cost, ...(base ? { base: { findings: base.findings, hidden } } : {}) };
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

function uncheckedWorkload(workload: Workload, error: unknown, ruleId?: string): Finding {
  const what = `${workload.kind} ${workload.namespace ? `${workload.namespace}/` : ''}${workload.name}`;
  const finding = fileFinding(
    'skipped-file',
    workload.file,
    `Not checked${ruleId ? ` by ${ruleId}` : ''}: ${what}, because ${failureReason(error)}.`,
  );
  finding.span = workload.span;
  return finding;
}

/**
 * Puts a finding from a rendered document on the line a person edits, with its fix when the fix carries over:
 * see `carryFix`.
 */
function locateRendered(finding: Finding, document: RenderedDocument): void {
  const where = document.locate(finding.span);
  finding.file = where.file;
  finding.span = where.span;
  if (!where.exact && finding.workload) {
    const { kind, namespace, name } = finding.workload;
    finding.message += ` (in the rendered ${kind} ${namespace}/${name} of ${document.unit})`;
  }
  const fix = finding.fix && carryFix(finding.ruleId, finding.fix.edits, document);
  if (fix && finding.fix) finding.fix = { ...finding.fix, edits: fix, verify: 'render' };
  else delete finding.fix;
}

/** The rules whose fixes only rewrite one scalar value: those carry over from a rendering to the line behind it. */
const CARRIED_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);

/**
 * The edits of a fix made on a rendered document, moved to the file a person edits, or undefined. Only a fix that
 * rewrites one scalar carries over, and only when the line behind it writes that same value (a values-file entry,
 * a template literal, a kustomization entry or patch): the new value is then written there. Whether it removes the
 * finding, and adds none, is known only after rendering again (`verify: 'render'`, docs/fixes.md).
 */
function carryFix(ruleId: string, edits: readonly TextEdit[], document: RenderedDocument): TextEdit[] | undefined {
  if (!CARRIED_FIXES.has(ruleId) || edits.length !== 1) return undefined;
  const [edit] = edits;
  if (edit.end <= edit.start) return undefined;
  const lines = new LineIndex(document.text);
  const where = document.locate(lines.span(edit.start, edit.end));
  if (!where.exact || where.span.endOffset <= where.span.offset) return undefined;
  const source = document.sourceText?.(where.file);
  if (source === undefined) return undefined;
  const written = scalarOf(source.slice(where.span.offset, where.span.endOffset));
  const rendered = scalarOf(document.text.slice(edit.start, edit.end));
  if (written === undefined || written !== rendered) return undefined;
  return [{ file: where.file, start: where.span.offset, end: where.span.endOffset, newText: edit.newText.trim() }];
}

/** The value a scalar's text stands for in YAML (`true`, `"10M"`, `10M`), as text; undefined when it is not one. */
function scalarOf(text: string): string | undefined {
  try {
    const value: unknown = parseYaml(text.trim());
    return value === null || typeof value === 'object' ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/**
 * Findings that several renderings of a chart put on the same line are one finding, naming the renderings (values
 * files) that produce it when the chart has more than one.
 */
function mergeRenderings(raw: Finding[], renderings: Map<Finding, RenderedDocument>, documents: RenderedDocument[]): Finding[] {
  if (renderings.size === 0) return raw;
  const perUnit = new Map<string, Set<string>>();
  for (const document of documents) {
    if (!perUnit.has(document.unit)) perUnit.set(document.unit, new Set());
    perUnit.get(document.unit)!.add(document.rendering);
  }
  const out: Finding[] = [];
  const groups = new Map<string, { finding: Finding; names: string[] }>();
  const named: { finding: Finding; names: string[] }[] = [];
  for (const finding of raw) {
    const document = renderings.get(finding);
    if (!document) {
      out.push(finding);
      continue;
    }
    const key = [finding.ruleId, finding.file, finding.span.line, finding.span.column, finding.message].join('\u0000');
    const group = groups.get(key);
    if (group) {
      if (!group.names.includes(document.rendering)) group.names.push(document.rendering);
      continue;
    }
    const entry = { finding, names: [document.rendering] };
    groups.set(key, entry);
    out.push(finding);
    if ((perUnit.get(document.unit)?.size ?? 0) > 1) named.push(entry);
  }
  for (const { finding, names } of named) finding.message += ` (rendered with ${names.join('; ')})`;
  return out;
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
