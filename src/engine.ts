import { minimatch } from 'minimatch';
import type {
  Config,
  Finding,
  ReadResult,
  Severity,
  SuppressedFinding,
  Workload,
} from './model/index.js';
import { discoverFiles } from './files/discover.js';
import { readTextFile } from './files/read.js';
import { decideNat, workloadFacts, type NatDecision, type ScanFacts } from './policy/facts.js';
import { readerFor, type ReaderOptions } from './readers/index.js';
import { RULES, ruleById } from './rules/index.js';
import type { RuleReport } from './rules/rule.js';
import { commentIgnores, type CommentIgnore } from './suppress/comments.js';
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
}

export interface LintResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  files: FileStatus[];
  workloads: Workload[];
  nat: NatDecision;
}

export interface LintOptions extends ReaderOptions {
  config: Config;
}

/** Lints files on disk: the paths given (files or folders), filtered by the config's globs. */
export function lintPaths(cwd: string, paths: string[], options: LintOptions): LintResult {
  const { config } = options;
  const sources: SourceFile[] = discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude }).map(
    (file) => {
      if (file.skip) return { path: file.path, skip: file.skip };
      const outcome = readTextFile(file.absolute, config.maxFileSize);
      return 'text' in outcome ? { path: file.path, text: outcome.text } : { path: file.path, skip: outcome.skip };
    },
  );
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

  for (const source of sources) {
    const state: FileState = { source, comments: [] };
    states.set(source.path, state);
    if (source.text === undefined) {
      files.push({ path: source.path, status: 'skipped', reason: source.skip });
      raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${source.skip}.`));
      continue;
    }
    const reader = readerFor(source.path);
    if (!reader) {
      files.push({ path: source.path, status: 'skipped', reason: 'Terraform files are not read by this version' });
      continue;
    }
    state.read = reader.read(source.path, source.text, options);
    if (config.inlineIgnores) state.comments = commentIgnores(source.text);
    if (state.read.skipped) {
      files.push({ path: source.path, status: 'skipped', reason: state.read.skipped });
      raw.push(fileFinding('skipped-file', source.path, `Not scanned: ${state.read.skipped}.`));
      continue;
    }
    files.push({ path: source.path, status: 'scanned' });
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

  for (const workload of workloads) {
    const facts = workloadFacts(workload, scan);
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

  const findings: Finding[] = [];
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
  return { findings, suppressed, files, workloads, nat: scan.nat };
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
      safe: meta.fix === 'safe',
      description: report.fixDescription ?? meta.fixDescription ?? '',
      edits: report.edits,
    };
  }
  return finding;
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
