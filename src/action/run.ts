import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { loadConfig } from '../config/load.js';
import { costOutputs } from '../cost/index.js';
import { filesUnder, lintSourcesPrepared, readDiscovered, renderSources, sourcesFromPaths } from '../engine/index.js';
import { renderAtCommit } from '../render/base.js';
import { readBaseSources } from '../files/git.js';
import { baseFilesOf, readBaseWithApi, readBaseWithGit } from '../github/base.js';
import { createGitHub, describeFailure, failureText, type GitHub } from '../github/client.js';
import { headSha, readRunContext, type RunContext } from '../github/context.js';
import { hasCommit } from '../github/git.js';
import { findScope, type Scope } from '../github/files.js';
import { publishFixes } from '../github/fixes.js';
import { publishAnnotations, publishSummaryComment } from '../github/publish.js';
import { pageLinks } from '../github/comment-body.js';
import { WriteLog } from '../github/writes.js';
import { readBaseConfig } from '../github/base-config.js';
import { RefusedPath, writeConfined, type Confinement } from '../files/workspace.js';
import { annotationText, logInfo } from '../github/log.js';
import type { DiscoveredFile } from '../files/discover.js';
import type { Config, LintResult, RenderOutcome, SourceFile } from '../model/index.js';
import { formatReport, shouldFail } from '../report/index.js';
import { escapeMarkdown } from '../report/escape.js';
import { checkRunOutput, fullPage, type PageInput } from '../report/page.js';
import { countFindings } from '../report/summary.js';
import { annotate } from './annotate.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { scanRoots, wanted } from './paths.js';
import { jobSummary } from './summary.js';

const NOTICE = { title: 'eci-egress-lint' };

/** What the run was given: its inputs, the runner's context, the workspace, the API client when there is one, the config. */
interface RunSetup {
  inputs: ActionInputs;
  context: RunContext;
  workspace: string;
  github?: GitHub;
  config: Config;
  configFile: string | null;
  roots: string[];
}

/** The action: inputs → which files → the engine → report files and outputs → GitHub (check run, comment) → job summary. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const setup = await readSetup(env);
  const { scope, paths } = await selectFiles(setup);
  const { result, sources, rendered, tree } = await lintChange(setup, scope, paths);
  const counts = countFindings(result);
  const failed = shouldFail(result.findings, setup.inputs.failOn);

  // Report files and outputs come first: they are set whatever happens with the API afterwards.
  writeReportsAndOutputs(setup.workspace, setup.inputs, result, env, setup.configFile);
  await publish(setup, env, { scope, sources, result, failed, rendered, tree });
  if (failed) {
    core.setFailed(`${counts.total} finding(s); ${counts.error} error(s), ${counts.warning} warning(s) (fail-on: ${setup.inputs.failOn})`);
  }
}

/** The inputs, the runner's context and the config (from the base commit with config-from: base). */
async function readSetup(env: NodeJS.ProcessEnv): Promise<RunSetup> {
  const inputs = readInputs();
  if (inputs.token) core.setSecret(inputs.token);
  const context = readRunContext(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const github = inputs.token && !context.act ? createGitHub(inputs.token, context, env) : undefined;
  if (!github) logInfo(`${context.act ? 'Running under act' : 'No token'}: no GitHub API calls; findings go to workflow commands, the log and the job summary.`);
  const fromBase = inputs.configFrom === 'base' ? await readBaseConfig(workspace, context, github, inputs.config) : undefined;
  if (fromBase?.loaded) logInfo(fromBase.note);
  else if (fromBase) core.notice(annotationText(fromBase.note), NOTICE);
  const { config, file: configFile } = loadConfig(workspace, inputs.config, inputs.overrides, {
    raw: fromBase?.loaded,
    alsoUnder: [env.RUNNER_TEMP || os.tmpdir()],
  });
  const { roots, globs } = scanRoots(workspace, inputs.paths);
  if (globs.length > 0) config.include = globs;
  return { inputs, context, workspace, github, config, configFile: configFile ?? null, roots };
}

/** Which files to scan: every file under the paths, or the files of the change that still exist and are wanted. */
async function selectFiles({ inputs, context, workspace, github, config, roots }: RunSetup): Promise<{ scope: Scope; paths: string[] }> {
  const scope = await findScope({ workspace, scan: inputs.scan, context, github });
  logInfo(`Scanning ${scope.why}.`);
  const isWanted = (file: string) => wanted(workspace, roots, config, file);
  const paths =
    scope.kind === 'all'
      ? roots
      : scope.files
          .filter((f) => f.status !== 'removed' && isWanted(f.path))
          .map((f) => f.path)
          .filter((f) => fs.lstatSync(path.resolve(workspace, f), { throwIfNoEntry: false }) !== undefined);
  return { scope, paths };
}

/** The files read once, their base side and the charts and overlays of both, linted. */
async function lintChange(setup: RunSetup, scope: Scope, paths: string[]): Promise<Omit<Linted, 'scope' | 'failed'>> {
  const { inputs, context, workspace, github, config, roots } = setup;
  const base = await readBase({ workspace, context, github, scope, roots, config });
  if (inputs.newOnly && !base) {
    core.notice('new-only needs the base of the change (a pull request or a push, with its base in the checkout or readable through the API); every finding is reported.', NOTICE);
  }
  const tree = walkTree(setup, scope);
  // A chart or overlay is rendered when the change touches any file it uses (docs/charts.md); the base side's from git.
  const changed = scope.kind === 'all' ? undefined : new Set(paths);
  const rendered = await renderSources(workspace, tree, config, changed);
  const baseCommit = scope.kind === 'all' ? context.pullRequest?.baseSha : scope.baseInCheckout ? scope.base : undefined;
  const baseRendered = base && baseCommit ? await renderBase(workspace, baseCommit, changed, config) : undefined;
  // Read once: the fixes start from the same texts the findings are about.
  const sources = scope.kind === 'all' ? readDiscovered(tree, config) : sourcesFromPaths(workspace, paths, config);
  const result = await lintSourcesPrepared(workspace, sources, { config, base, newOnly: inputs.newOnly && base !== undefined, rendered, baseRendered });
  return { result, sources, rendered, tree };
}

/**
 * The files under the roots, found in one walk of the tree: with scan: all they are the files scanned, and the
 * charts and overlays (and their fixes) may use any of them. Not walked when neither needs it (rendering off, only
 * the changed files scanned): the fixes then have no rendering to verify.
 */
function walkTree({ workspace, roots, config }: RunSetup, scope: Scope): DiscoveredFile[] {
  if (scope.kind !== 'all' && !config.render.enabled) return [];
  return filesUnder(workspace, roots, config);
}

interface Linted {
  scope: Scope;
  sources: SourceFile[];
  result: LintResult;
  failed: boolean;
  /** The charts and overlays rendered for the change: the fixes in them are verified by rendering again. */
  rendered: RenderOutcome;
  /** The files under the roots, which a rendering may read. */
  tree: DiscoveredFile[];
}

/**
 * GitHub: the check run or workflow commands, the fixes, the summary comment, then the job summary and the log.
 * Nothing the API does may break the run.
 */
async function publish(setup: RunSetup, env: NodeJS.ProcessEnv, { scope, sources, result, failed, rendered, tree }: Linted): Promise<void> {
  const { inputs, context, workspace, github, config } = setup;
  const counts = countFindings(result);
  const writes = new WriteLog(context.pullRequest?.fork ?? false);
  const extras: string[] = [];
  const runUrl = workflowRunUrl(context, env);
  // One page for every surface: the check run, the comment and the job summary say the same, with the same links.
  const page: PageInput = {
    result,
    options: { surface: 'action', failOn: inputs.failOn, fixMode: inputs.fix },
    links: pageLinks({ serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, headSha: headSha(context), runUrl }),
    scope: scope.why,
  };
  try {
    await publishAnnotations(github, context, writes, {
      mode: inputs.annotations,
      findings: result.findings,
      conclusion: failed ? 'failure' : counts.total > 0 ? 'neutral' : 'success',
      ...checkRunOutput(page),
      commands: annotate,
    });
    let fixComment: string[] = [];
    if (inputs.fix !== 'off') {
      try {
        const fixes = await publishFixes(github, context, writes, {
          mode: inputs.fix,
          workspace,
          config,
          unsafeRules: inputs.fixUnsafe,
          sources,
          findings: result.findings,
          changed: scope.kind === 'changed' ? scope.files : undefined,
          commitMessage: inputs.commitMessage,
          rendering: { rendered, paths: tree.map((f) => f.path) },
        });
        if (fixes.fixedFiles.length > 0) core.setOutput('fixed-files', fixes.fixedFiles.join('\n'));
        fixComment = fixes.comment;
        extras.push(...fixes.summary);
      } catch (error) {
        writes.skipped.push(`the fixes: ${failureText(describeFailure(error))}`);
      }
    }
    await publishSummaryComment(github, context, writes, {
      mode: inputs.comment,
      runUrl,
      content: {
        result,
        options: page.options,
        scope: scope.why,
        extra: fixComment,
        meta: { head: context.pullRequest?.headSha, findings: counts.total },
      },
    });
  } catch (error) {
    // Say what happened and carry on with the job summary and the result.
    writes.skipped.push(`an unexpected failure: ${failureText(describeFailure(error))}`);
  } finally {
    const notice = writes.notice();
    if (notice) {
      core.notice(annotationText(notice), NOTICE);
      extras.push(`> [!NOTE]\n> ${escapeMarkdown(notice)}`);
    }
    if (inputs.jobSummary && env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(jobSummary(fullPage({ ...page, links: { file: page.links!.file } }), extras)).write();
    }
    logInfo(formatReport('text', result, { color: false, presentation: page.options }));
  }
}

/** The workflow run's page (its job summary has the full report); undefined outside a runner. */
function workflowRunUrl(context: RunContext, env: NodeJS.ProcessEnv): string | undefined {
  const id = env.GITHUB_RUN_ID;
  if (!id || !/^\d+$/.test(id) || !context.owner || !context.repo) return undefined;
  return `${context.serverUrl}/${encodeURIComponent(context.owner)}/${encodeURIComponent(context.repo)}/actions/runs/${id}`;
}

/** The JSON report, the SARIF report when asked for, and every output of the action. */
function writeReportsAndOutputs(workspace: string, inputs: ActionInputs, result: LintResult, env: NodeJS.ProcessEnv, configFile: string | null): void {
  const counts = countFindings(result);
  const runnerTemp = env.RUNNER_TEMP || os.tmpdir();
  const place: Confinement = { root: workspace, alsoUnder: [runnerTemp] };
  const outputDir = path.join(runnerTemp, 'eci-egress-lint');
  const json = formatReport('json', result, { color: false, configFile });
  core.setOutput('report-file', writeReportOrFallback('report-file', inputs.reportFile ?? path.join(outputDir, 'report.json'), json, place, outputDir));
  if (inputs.sarifFile) {
    const sarif = formatReport('sarif', result, { color: false, root: workspace });
    core.setOutput('sarif-file', writeReportOrFallback('sarif-file', inputs.sarifFile, sarif, place, outputDir));
  } else core.setOutput('sarif-file', '');
  core.setOutput('findings', counts.total);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  for (const [name, value] of Object.entries(costOutputs(result.cost))) core.setOutput(name, value);
  core.setOutput('fixed-files', '');
}

/**
 * A report file where the input says, unless its real location is outside the workspace and $RUNNER_TEMP (a link
 * in the pull request): then into the action's folder under $RUNNER_TEMP, with a warning. Returns where it went.
 */
function writeReportOrFallback(input: string, given: string, text: string, place: Confinement, fallbackDir: string): string {
  try {
    return writeConfined(given, text, place);
  } catch (error) {
    if (!(error instanceof RefusedPath)) throw error;
    const fallback = writeConfined(path.join(fallbackDir, path.basename(given) || 'report'), text, place);
    core.warning(annotationText(`${input} ${given}: not written there: ${error.message}. Written to ${fallback} instead.`), NOTICE);
    return fallback;
  }
}

interface BaseOptions {
  workspace: string;
  context: RunContext;
  github?: GitHub;
  scope: Scope;
  roots: string[];
  config: Config;
}

/**
 * The base side of the change, for the cost change and new-only: the changed files at the base commit (with
 * git when the checkout has it, else one GraphQL query per 50 files), or, for a scan of every file on a pull
 * request, every file at the base when the checkout has it. Undefined when there is no base to read.
 */
async function readBase(options: BaseOptions): Promise<SourceFile[] | undefined> {
  const { workspace, context, github, scope, roots, config } = options;
  if (scope.kind === 'all') {
    const baseSha = context.pullRequest?.baseSha;
    if (!baseSha || !hasCommit(workspace, baseSha)) return undefined;
    try {
      return readBaseSources(baseSha, { cwd: workspace, paths: roots, include: config.include, exclude: config.exclude, maxFileSize: config.maxFileSize });
    } catch (error) {
      logInfo(`The base ${baseSha.slice(0, 7)} could not be read with git: ${(error as Error).message}`);
      return undefined;
    }
  }
  if (!scope.base) return undefined;
  const files = baseFilesOf(scope.files, (f) => wanted(workspace, roots, config, f));
  if (scope.baseInCheckout) return readBaseWithGit(workspace, scope.base, files, config.maxFileSize);
  if (!github) return undefined;
  try {
    return await readBaseWithApi(github, scope.base, files, config.maxFileSize);
  } catch (error) {
    logInfo(`The base side could not be read through the API (${failureText(describeFailure(error))}); no cost change is shown.`);
    return undefined;
  }
}

/** The base's charts and overlays, when the base commit is in the checkout (git); else the base has none. */
async function renderBase(workspace: string, commit: string, changed: ReadonlySet<string> | undefined, config: Config): Promise<RenderOutcome | undefined> {
  try {
    return await renderAtCommit(workspace, commit, undefined, config, changed);
  } catch (error) {
    logInfo(`The base's charts and overlays could not be rendered: ${(error as Error).message}`);
    return undefined;
  }
}

/** The name `@github/local-action` calls (docs/local.md): `npx @github/local-action run . src/action/run.ts <env file>`. */
export { runAction as run };
