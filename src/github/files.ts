import * as core from '@actions/core';
import { annotationText, logInfo } from './log.js';
import { describeFailure, failureText, type GitHub } from './client.js';
import { ZERO_SHA, type RunContext } from './context.js';
import type { ChangedFile } from './diff.js';
import { diffCommits, hasCommit, mergeBase, resolveCommitIfPresent } from './git.js';

/** GitHub's list of a pull request's files stops at this many. */
export const PULL_REQUEST_FILES_CAP = 3000;
export const PER_PAGE = 100;

/** What to scan: every file, or the files a pull request or push changed. */
export type Scope =
  | { kind: 'all'; why: string }
  | {
      kind: 'changed';
      files: ChangedFile[];
      /** Where the list came from. */
      source: 'api' | 'git';
      /** The base commit of the change, when the checkout or the payload names it (for reading the base side). */
      base?: string;
      /** Whether `base` is in the checkout (git can read it). */
      baseInCheckout: boolean;
      why: string;
    };

export interface ScopeOptions {
  workspace: string;
  scan: 'changed' | 'all';
  context: RunContext;
  /** The API, or undefined under act or without a token. */
  github?: GitHub;
}

/** Decides what to scan, and says so in the log; a fallback to every file is a notice. */
export async function findScope(options: ScopeOptions): Promise<Scope> {
  const { context, scan } = options;
  if (scan === 'all') return { kind: 'all', why: 'scan: all' };
  if (context.pullRequest) return pullRequestScope(options);
  if (context.push) return pushScope(options);
  return { kind: 'all', why: `a ${context.eventName || 'manual'} event scans every file` };
}

function notice(message: string): void {
  core.notice(annotationText(message), { title: 'eci-egress-lint' });
}

async function pullRequestScope(options: ScopeOptions): Promise<Scope> {
  const { context, github } = options;
  const pr = context.pullRequest!;
  if (github) {
    let why = `the API lists at most ${PULL_REQUEST_FILES_CAP} files of a pull request`;
    if (pr.changedFiles === undefined || pr.changedFiles < PULL_REQUEST_FILES_CAP) {
      try {
        const files = await listPullRequestFiles(github, pr.number, pr.changedFiles);
        if (files.length < PULL_REQUEST_FILES_CAP) {
          return { kind: 'changed', files, source: 'api', base: pr.baseSha || undefined, baseInCheckout: hasCommit(options.workspace, pr.baseSha), why: `the ${files.length} files pull request #${pr.number} changes` };
        }
      } catch (error) {
        why = `the API did not list them: ${failureText(describeFailure(error))}`;
        logInfo(`Listing the files of pull request #${pr.number} failed (${failureText(describeFailure(error))}); trying git.`);
      }
    }
    const scope = pullRequestFromGit(options);
    if (scope) return { ...scope, why: `${scope.why} (${why})` };
    notice(
      `The files of pull request #${pr.number} could not be listed (${why}) and the checkout has no history to diff against its ` +
        'base, so every file is scanned. Check out with fetch-depth: 0 (or 2) to scan only the changed files.',
    );
    return { kind: 'all', why: `every file: the changed ones could not be listed (${why})` };
  }
  const scope = pullRequestFromGit(options);
  if (scope) return scope;
  notice(
    `No API access (${context.act ? 'running under act' : 'no token'}) and the checkout does not have the base of pull request ` +
      `#${pr.number}, so every file is scanned.`,
  );
  return { kind: 'all', why: 'no API access and no base commit in the checkout' };
}

/** The pull request's files from git: its base (the payload's base.sha, else origin/$GITHUB_BASE_REF) to HEAD. */
function pullRequestFromGit(options: ScopeOptions): Extract<Scope, { kind: 'changed' }> | undefined {
  const { workspace, context } = options;
  const pr = context.pullRequest!;
  let base = hasCommit(workspace, pr.baseSha) ? pr.baseSha : undefined;
  const baseRef = context.baseRef ?? pr.baseRef;
  if (!base && baseRef) base = resolveCommitIfPresent(workspace, `origin/${baseRef}`);
  if (!base) return undefined;
  // From where the branch left the base: HEAD may be the merge commit (then that is the base itself) or the PR head.
  const from = mergeBase(workspace, base, 'HEAD') ?? base;
  const files = diffCommits(workspace, from, 'HEAD');
  if (!files) return undefined;
  return { kind: 'changed', files, source: 'git', base: from, baseInCheckout: true, why: `the ${files.length} files changed between ${from.slice(0, 7)} and HEAD (git)` };
}

/** Every page of GET /pulls/{n}/files, 100 a page, up to the API's cap. */
export async function listPullRequestFiles(github: GitHub, number: number, expected?: number): Promise<ChangedFile[]> {
  const { owner, repo } = github.context;
  const files: ChangedFile[] = [];
  for (let page = 1; page <= PULL_REQUEST_FILES_CAP / PER_PAGE; page++) {
    const { data } = await github.octokit.rest.pulls.listFiles({ owner, repo, pull_number: number, per_page: PER_PAGE, page });
    for (const f of data) {
      const file: ChangedFile = { path: f.filename, status: f.status };
      if (f.previous_filename) file.previousPath = f.previous_filename;
      if (f.patch) file.patch = f.patch;
      files.push(file);
    }
    if (data.length < PER_PAGE || (expected !== undefined && files.length >= expected)) break;
  }
  return files;
}

async function pushScope(options: ScopeOptions): Promise<Scope> {
  const { workspace, context, github } = options;
  const { before, after } = context.push!;
  if (ZERO_SHA.test(before)) return { kind: 'all', why: 'a new branch: every file is scanned' };
  if (hasCommit(workspace, before) && hasCommit(workspace, after)) {
    const files = diffCommits(workspace, before, after);
    if (files) return { kind: 'changed', files, source: 'git', base: before, baseInCheckout: true, why: `the ${files.length} files pushed (${before.slice(0, 7)}..${after.slice(0, 7)}, git)` };
  }
  if (github) {
    try {
      const { owner, repo } = context;
      // The comparison lists at most 300 files; past that, every file is scanned.
      const { data } = await github.octokit.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${before}...${after}`, per_page: PER_PAGE });
      const list = data.files ?? [];
      if (list.length < 300) {
        const files = list.map((f) => {
          const file: ChangedFile = { path: f.filename, status: f.status };
          if (f.previous_filename) file.previousPath = f.previous_filename;
          if (f.patch) file.patch = f.patch;
          return file;
        });
        return { kind: 'changed', files, source: 'api', base: before, baseInCheckout: false, why: `the ${files.length} files pushed (${before.slice(0, 7)}..${after.slice(0, 7)})` };
      }
    } catch (error) {
      logInfo(`Comparing ${before.slice(0, 7)}...${after.slice(0, 7)} failed (${failureText(describeFailure(error))}).`);
    }
  }
  notice(`The pushed range ${before.slice(0, 7)}..${after.slice(0, 7)} could not be listed (the checkout lacks the history), so every file is scanned.`);
  return { kind: 'all', why: 'the pushed range could not be listed' };
}
