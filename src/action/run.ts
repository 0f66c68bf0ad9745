import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { loadConfig } from '../config/load.js';
import { costOutputs } from '../cost/outputs.js';
import { lintPathsPrepared, renderChanged, sourcesFromPaths, type LintResult, type SourceFile } from '../engine.js';
import { renderAtCommit } from '../render/base.js';
import { readBaseSources } from '../files/git.js';
import { baseFilesOf, readBaseWithApi, readBaseWithGit } from '../github/base.js';
import { createGitHub, describeFailure, failureText, type GitHub } from '../github/client.js';
import { readRunContext, type RunContext } from '../github/context.js';
import { hasCommit } from '../github/git.js';
import { findScope, type Scope } from '../github/files.js';
import { publishFixes } from '../github/fixes.js';
import { publishAnnotations, publishSummaryComment } from '../github/publish.js';
import { escapeText, verdict } from '../github/comment-body.js';
import { WriteLog } from '../github/writes.js';
import type { Config, RenderOutcome } from '../model/index.js';
import { costMarkdown, hasCostTable } from '../report/cost.js';
import { formatReport, shouldFail } from '../report/index.js';
import { escapeMarkdown } from '../report/markdown.js';
import { countFindings, plural } from '../report/summary.js';
import { annotate } from './annotate.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { scanRoots, wanted } from './paths.js';
import { jobSummary } from './summary.js';

const NOTICE = { title: 'eci-egress-lint' };

/** The action: inputs → which files → the engine → report files and outputs → GitHub (check run, comment) → job summary. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = readInputs();
  if (inputs.token) core.setSecret(inputs.token);
  const context = readRunContext(env);
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const { config } = loadConfig(workspace, inputs.config, inputs.overrides);
  const { roots, globs } = scanRoots(workspace, inputs.paths);
  if (globs.length > 0) config.include = globs;

  const github = inputs.token && !context.act ? createGitHub(inputs.token, context, env) : undefined;
  if (!github) core.info(`${context.act ? 'Running under act' : 'No token'}: no GitHub API calls; findings go to workflow commands, the log and the job summary.`);

  const scope = await findScope({ workspace, scan: inputs.scan, context, github });
  core.info(`Scanning ${scope.why}.`);
  const isWanted = (file: string) => wanted(workspace, roots, config, file);
  const paths =
    scope.kind === 'all'
      ? roots
      : scope.files
          .filter((f) => f.status !== 'removed' && isWanted(f.path))
          .map((f) => f.path)
          .filter((f) => fs.lstatSync(path.resolve(workspace, f), { throwIfNoEntry: false }) !== undefined);
  const base = await readBase({ workspace, context, github, scope, roots, config });
  if (inputs.newOnly && !base) {
    core.notice('new-only needs the base of the change (a pull request or a push, with its base in the checkout or readable through the API); every finding is reported.', NOTICE);
  }
  // A chart or overlay is rendered when the change touches any file it uses (docs/charts.md); the base side's from git.
  const changed = scope.kind === 'all' ? undefined : new Set(paths);
  const rendered = changed ? await renderChanged(workspace, roots, config, changed) : undefined;
  const baseCommit = scope.kind === 'all' ? context.pullRequest?.baseSha : scope.baseInCheckout ? scope.base : undefined;
  const baseRendered = base && baseCommit ? await renderBase(workspace, baseCommit, changed, config) : undefined;
  const result = await lintPathsPrepared(workspace, paths, { config, base, newOnly: inputs.newOnly && base !== undefined, rendered, baseRendered });
  const counts = countFindings(result);
  const failed = shouldFail(result.findings, inputs.failOn);

  // Report files and outputs come first: they are set whatever happens with the API afterwards.
  writeReportsAndOutputs(workspace, inputs, result);

  const writes = new WriteLog(context.pullRequest?.fork ?? false);
  const extras: string[] = [`<sub>Scanned: ${escapeMarkdown(scope.why)}.</sub>`];
  try {
    const markdown = formatReport('markdown', result, { color: false });
    await publishAnnotations(github, context, writes, {
      mode: inputs.annotations,
      findings: result.findings,
      conclusion: failed ? 'failure' : counts.total > 0 ? 'neutral' : 'success',
      title: counts.total === 0 ? 'No problems' : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.notice, 'notice')}`,
      summary: `${verdict({ findings: result.findings, failOn: inputs.failOn, failed, scannedFiles: scanned(result) })}\n\nScanned: ${escapeMarkdown(scope.why)}. The full report is in the job summary.`,
      text: markdown,
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
          sources: sourcesFromPaths(workspace, paths, config),
          findings: result.findings,
          changed: scope.kind === 'changed' ? scope.files : undefined,
          commitMessage: inputs.commitMessage,
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
      content: {
        findings: result.findings,
        suppressed: result.suppressed,
        scannedFiles: scanned(result),
        skippedFiles: result.files.length - scanned(result),
        failOn: inputs.failOn,
        failed,
        scope: scope.why,
        cost: hasCostTable(result.cost) ? costMarkdown(result.cost, escapeText).join('\n').trim().replace(/^### /, '#### ') : undefined,
        extra: fixComment,
        meta: { head: context.pullRequest?.headSha, findings: counts.total },
      },
    });
  } catch (error) {
    // Nothing the API does may break the run: say what happened and carry on with the job summary and the result.
    writes.skipped.push(`an unexpected failure: ${failureText(describeFailure(error))}`);
  } finally {
    const notice = writes.notice();
    if (notice) {
      core.notice(notice, NOTICE);
      extras.push(`> [!NOTE]\n> ${escapeMarkdown(notice)}`);
    }
    if (inputs.jobSummary && env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(jobSummary(formatReport('markdown', result, { color: false }), extras)).write();
    }
    core.info(formatReport('text', result, { color: false }));
  }
  if (failed) {
    core.setFailed(`${counts.total} finding(s); ${counts.error} error(s), ${counts.warning} warning(s) (fail-on: ${inputs.failOn})`);
  }
}

function scanned(result: LintResult): number {
  return result.files.filter((f) => f.status === 'scanned').length;
}

/** The JSON report, the SARIF report when asked for, and every output of the action. */
function writeReportsAndOutputs(workspace: string, inputs: ActionInputs, result: LintResult): void {
  const counts = countFindings(result);
  const outputDir = path.join(process.env.RUNNER_TEMP || os.tmpdir(), 'eci-egress-lint');
  fs.mkdirSync(outputDir, { recursive: true });
  const reportFile = path.resolve(workspace, inputs.reportFile ?? path.join(outputDir, 'report.json'));
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, formatReport('json', result, { color: false }));
  core.setOutput('report-file', reportFile);
  if (inputs.sarifFile) {
    const sarifFile = path.resolve(workspace, inputs.sarifFile);
    fs.mkdirSync(path.dirname(sarifFile), { recursive: true });
    fs.writeFileSync(sarifFile, formatReport('sarif', result, { color: false }));
    core.setOutput('sarif-file', sarifFile);
  } else core.setOutput('sarif-file', '');
  core.setOutput('findings', counts.total);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  for (const [name, value] of Object.entries(costOutputs(result.cost))) core.setOutput(name, value);
  core.setOutput('fixed-files', '');
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
      core.info(`The base ${baseSha.slice(0, 7)} could not be read with git: ${(error as Error).message}`);
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
    core.info(`The base side could not be read through the API (${failureText(describeFailure(error))}); no cost change is shown.`);
    return undefined;
  }
}

/** The base's charts and overlays, when the base commit is in the checkout (git); else the base has none. */
async function renderBase(workspace: string, commit: string, changed: ReadonlySet<string> | undefined, config: Config): Promise<RenderOutcome | undefined> {
  try {
    return await renderAtCommit(workspace, commit, undefined, config, changed);
  } catch (error) {
    core.info(`The base's charts and overlays could not be rendered: ${(error as Error).message}`);
    return undefined;
  }
}

/** The name `@github/local-action` calls (docs/local.md): `npx @github/local-action run . src/action/run.ts <env file>`. */
export { runAction as run };
