import type { Config, LintResult, RenderOutcome, SourceFile } from '../model/index.js';
import { prepareReaders, type ReaderOptions } from '../readers/index.js';
import { emptyRenderOutcome } from '../render/index.js';
import { projectScanCost, runCostRules } from './cost-stage.js';
import { keepNewOnly } from './new-only.js';
import { sortByPosition } from './order.js';
import { readRendered, locateRenderedWorkloads } from './read-rendered.js';
import { readSources } from './read-sources.js';
import { mergeRenderings } from './rendered-findings.js';
import { applyRuleSettings } from './rule-settings.js';
import { checkAsWritten, natDecisionsOf, runWorkloadRules } from './run-rules.js';
import { gatherScanFacts, linkAutoscalers } from './scan-facts.js';
import { renderSources, sourcesFromPaths } from './sources.js';
import { separateSuppressed } from './suppress.js';

export { filesUnder, readDiscovered, renderSources, sourcesFromPaths } from './sources.js';

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
 * The engine: file texts → workloads → rules → findings, with suppressions applied. Each stage takes what the
 * earlier ones made; the findings of all of them are judged together at the end.
 */
export function lintSources(sources: SourceFile[], options: LintOptions): LintResult {
  const { config } = options;
  const rendered = options.rendered ?? emptyRenderOutcome();

  const fromFiles = readSources(sources, options, rendered.used);
  const fromRenderings = readRendered(rendered);
  const reads = [...fromFiles.reads, ...fromRenderings.reads];
  const workloads = reads.flatMap((r) => r.workloads);
  linkAutoscalers(reads, workloads);
  // The base is linted first: the rules that judge a change (eip-change-needs-recreate) compare with its workloads.
  const base = options.base ? lintBase(options.base, options) : undefined;
  const scan = gatherScanFacts(config, reads, base);

  const ruleRun = runWorkloadRules(workloads, scan, fromRenderings.documentOf);
  const asWritten = checkAsWritten(rendered.asWritten, scan, config.rules);
  locateRenderedWorkloads(fromRenderings);

  // The cost stage, and the rules that are a function of its projection (eip-cost-budget).
  const cost = projectScanCost(ruleRun.checked, fromRenderings.documentOf, config, base);
  const costRun = runCostRules(cost, config);

  // In the order the stages found them: the report keeps that order among findings of one rule on one place.
  const found = [...fromFiles.findings, ...fromRenderings.findings, ...ruleRun.findings, ...asWritten, ...costRun.findings];
  const merged = mergeRenderings(found, ruleRun.renderings, rendered.documents);
  const owners = new Map([...ruleRun.owners, ...costRun.owners]);
  const { reported, suppressed } = separateSuppressed(applyRuleSettings(merged, config.rules), config, { comments: fromFiles.comments, owners });
  sortByPosition(reported, suppressed);
  const newOnly = base && options.newOnly ? keepNewOnly(reported, base.findings) : { findings: reported, hidden: 0 };
  return {
    findings: newOnly.findings,
    suppressed,
    files: fromFiles.files,
    workloads,
    nat: scan.nat,
    natDecisions: natDecisionsOf(ruleRun.checked),
    cost,
    ...(base ? { base: { findings: base.findings, hidden: newOnly.hidden } } : {}),
  };
}

/** The base's files and renderings, linted alone: neither compared with a base nor filtered to new findings. */
function lintBase(base: SourceFile[], options: LintOptions): LintResult {
  return lintSources(base, { ...options, base: undefined, newOnly: false, rendered: options.baseRendered, baseRendered: undefined });
}
