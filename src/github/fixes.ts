import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { logInfo } from './log.js';
import { lintSources } from '../engine/index.js';
import { decodeText } from '../files/read.js';
import { applyFixes, fixInWorkspace, hasBom, isSelected, rulesSuggestedWhenUnsafe, type FileFix } from '../fix/index.js';
import type { Config, Finding, RenderOutcome, SourceFile } from '../model/index.js';
import { baselineKey } from '../suppress/baseline.js';
import { readBlobsWithApi } from './base.js';
import type { GitHub } from './client.js';
import { describeFailure, failureText } from './client.js';
import { commitFixes, commitMessage, commitMessageOf, isOwnFixCommit } from './commit.js';
import { escapeMarkdown } from '../report/escape.js';
import type { RunContext } from './context.js';
import type { ChangedFile } from './diff.js';
import { listPullRequestFiles } from './files.js';
import { resolveCommitIfPresent, showFileIfPresent } from './git.js';
import { postedSuggestionKeys, postSuggestions, SUGGESTIONS_PER_REVIEW } from './review.js';
import { fence, insideDiff, patchOf, suggestionKey, suggestionsFor, type Suggestion } from './suggestions.js';
import type { WriteLog } from './writes.js';

export type FixMode = 'off' | 'suggest' | 'commit';

export interface FixesInput {
  mode: Exclude<FixMode, 'off'>;
  workspace: string;
  config: Config;
  unsafeRules: string[];
  /** The files the run scanned, as it read them. */
  sources: SourceFile[];
  /** The findings the run reports (only these are fixed). */
  findings: Finding[];
  /** The changed files with their patches, when the run has them. */
  changed?: ChangedFile[];
  commitMessage?: string;
  /**
   * The charts and overlays the run rendered, and every file path under the scanned roots (their other files): with
   * them, findings in values files, templates and kustomizations are fixed too, each verified by rendering again.
   */
  rendering?: { rendered: RenderOutcome; paths: readonly string[] };
}

export interface FixesOutcome {
  /** Markdown for the summary comment (already escaped). */
  comment: string[];
  /** Markdown for the job summary (already escaped). */
  summary: string[];
  /** Files the fix commit changed. */
  fixedFiles: string[];
  /** The suggestions posted in the review. */
  suggested: number;
  committed?: string;
}

const describe = (f: Finding) => `**eci-egress-lint** \`${f.ruleId}\`: ${escapeMarkdown(f.fix?.description ?? '')}.`;

/**
 * `fix: suggest` and `fix: commit` on a pull request. Fixes are computed on the head commit's files (read from
 * the checkout when it is the head, else with git or the API), with the fix engine, which re-lints every result.
 * - commit: one commit through createCommitOnBranch against the head the run checked; a fork, a read-only token
 *   or a refused write falls back to suggest; a moved branch (STALE_DATA) means no commit and a notice; nothing is
 *   committed when the head commit is already this action's fix for the same findings.
 * - suggest: one review with a suggested change per fix on lines inside the diff (at most 30, none posted twice);
 *   the other fixes go into the comment and the job summary as a patch.
 */
export async function publishFixes(github: GitHub | undefined, context: RunContext, writes: WriteLog, input: FixesInput): Promise<FixesOutcome> {
  const outcome: FixesOutcome = { comment: [], summary: [], fixedFiles: [], suggested: 0 };
  const pr = context.pullRequest;
  // Suggestions are only offered: a fix that is unsafe by policy (eip-missing under egress: auto) is offered too.
  if (input.mode === 'suggest') input = { ...input, unsafeRules: [...new Set([...input.unsafeRules, ...rulesSuggestedWhenUnsafe()])] };
  const wanted = input.findings.filter((f) => isSelected(f, input.unsafeRules));
  if (wanted.length === 0) return outcome;

  const fixed = await fixHead(github, context, input, wanted);
  const files = fixed.files.filter((f) => f.fixed !== f.original);
  const failed = fixed.files.flatMap((f) => f.failed);
  if (failed.length > 0) {
    outcome.summary.push(
      [`<details><summary>${failed.length} fix${failed.length === 1 ? '' : 'es'} could not be applied</summary>`, '', ...failed.map((x) => `- ${escapeMarkdown(x.finding.file)}:${x.finding.span.line} \`${x.finding.ruleId}\`: ${escapeMarkdown(x.reason)}`), '', '</details>'].join('\n'),
    );
  }
  if (files.length === 0) return outcome;

  if (!pr || !github) {
    // No pull request or no API: the fixes as a patch in the job summary, to apply by hand.
    const all = files.flatMap((f) => patchOf(f, suggestionsFor(f))).join('');
    outcome.summary.push(patchSection(all, `${countFixes(files)}, as a patch`));
    core.info(`fix: ${input.mode} needs a pull request and the API; the fixes are in the job summary as a patch.`);
    return outcome;
  }

  let mode = input.mode;
  if (mode === 'commit' && pr.fork) {
    core.info('fix: commit cannot push to a branch in a fork; suggesting the fixes instead.');
    mode = 'suggest';
  }
  if (mode === 'commit' && writes.closed) {
    writes.skip('the fix commit', 'the fixes were suggested instead');
    mode = 'suggest';
  }
  if (mode === 'commit') {
    const applied = files.flatMap((f) => f.applied);
    const message = await commitMessageOf(github, input.workspace, pr.headSha);
    if (isOwnFixCommit(message, applied)) {
      core.info(`The head commit ${pr.headSha.slice(0, 7)} is already this action's fix for these findings: no new commit.`);
      outcome.comment.push(`Fixes were committed in ${pr.headSha.slice(0, 7)}, and these findings are still reported: see the job summary.`);
      return outcome;
    }
    const result = await commitFixes(github, {
      repository: pr.headRepo || `${context.owner}/${context.repo}`,
      branch: pr.headRef,
      expectedHeadOid: pr.headSha,
      files: files.map((f) => ({ path: f.path, contents: Buffer.from((fixed.bom.has(f.path) ? '\ufeff' : '') + f.fixed, 'utf8') })),
      message: commitMessage(applied, input.commitMessage),
    });
    if (result.ok) {
      outcome.fixedFiles = files.map((f) => f.path);
      outcome.committed = result.oid;
      const rules = [...new Set(applied.map((f) => `\`${f.ruleId}\``))].sort().join(', ');
      outcome.comment.push(`Committed ${countFixes(files)} (${rules}) to \`${escapeMarkdown(pr.headRef)}\` in ${result.oid.slice(0, 7)}.`);
      outcome.summary.push(`Committed ${countFixes(files)} (${rules}) in ${result.oid}.`);
      core.info(`Committed the fixes of ${outcome.fixedFiles.length} file(s) as ${result.oid}.`);
      return outcome;
    }
    if (result.stale) {
      writes.skipped.push(
        `the fix commit: the branch ${pr.headRef} moved since this run checked ${pr.headSha.slice(0, 7)}, so nothing was committed (the run on the new head checks again)`,
      );
      outcome.summary.push(patchSection(files.map((f) => patchOf(f, suggestionsFor(f))).join(''), `${countFixes(files)} not committed, as a patch`));
      return outcome;
    }
    writes.failed('the fix commit', result.failure, 'the fixes were suggested instead');
    mode = 'suggest';
  }
  return suggest(github, pr.number, pr.headSha, writes, input, files, outcome);
}

function countFixes(files: FileFix[]): string {
  const n = files.reduce((sum, f) => sum + f.applied.length + f.followUps.length, 0);
  return `${n} fix${n === 1 ? '' : 'es'}`;
}

/** A patch in a collapsed block; the fence is longer than any backtick run in it, so file content cannot close it. */
function patchSection(patch: string, summary: string): string {
  const f = fence(patch);
  return [
    `<details><summary>${summary}</summary>`,
    '',
    'Save it as `fixes.patch` and run `git apply fixes.patch` in the pull request\'s branch.',
    '',
    `${f}diff`,
    patch.replace(/\n$/, ''),
    f,
    '',
    '</details>',
  ].join('\n');
}

async function suggest(
  github: GitHub,
  number: number,
  headSha: string,
  writes: WriteLog,
  input: FixesInput,
  files: FileFix[],
  outcome: FixesOutcome,
): Promise<FixesOutcome> {
  const byFile = new Map(files.map((f) => [f.path, suggestionsFor(f)]));
  let changed = input.changed;
  if (!changed) {
    try {
      changed = await listPullRequestFiles(github, number);
    } catch (error) {
      logInfo(`The pull request's diff could not be read (${failureText(describeFailure(error))}): every fix goes into the patch.`);
      changed = [];
    }
  }
  const patches = new Map(changed.map((f) => [f.path, f.patch]));
  const inDiff: Suggestion[] = [];
  const outside = new Map<string, Suggestion[]>();
  const keep = (path: string, s: Suggestion) => outside.set(path, [...(outside.get(path) ?? []), s]);
  for (const [path, suggestions] of byFile) {
    for (const s of suggestions) {
      if (insideDiff(s, patches.get(path))) inDiff.push(s);
      else keep(path, s);
    }
  }

  let posted: Suggestion[] = [];
  if (inDiff.length > 0) {
    if (writes.closed) {
      writes.skip('the review with suggested fixes', 'the fixes are in the job summary as a patch');
      for (const s of inDiff) keep(s.path, s);
    } else {
      try {
        const already = await postedSuggestionKeys(github, number);
        const fresh = inDiff.filter((s) => !already.has(suggestionKey(s)));
        posted = fresh.slice(0, SUGGESTIONS_PER_REVIEW);
        for (const s of fresh.slice(SUGGESTIONS_PER_REVIEW)) keep(s.path, s);
        if (posted.length > 0) {
          const review = await postSuggestions(github, { number, headSha, suggestions: posted, describe });
          logInfo(`Posted a review with ${posted.length} suggested fix(es)${review.url ? `: ${review.url}` : ''}; ${inDiff.length - fresh.length} were already there.`);
        } else core.info(`Every suggested fix (${inDiff.length}) is already on the pull request: no new review.`);
        outcome.suggested = posted.length;
      } catch (error) {
        writes.failed('the review with suggested fixes', describeFailure(error), 'the fixes are in the job summary as a patch');
        for (const s of posted.length > 0 ? posted : inDiff) keep(s.path, s);
        posted = [];
      }
    }
  }

  const patch = files.map((f) => patchOf(f, outside.get(f.path) ?? [])).join('');
  if (patch) {
    const n = [...outside.values()].reduce((sum, list) => sum + list.length, 0);
    const section = patchSection(patch, `${n} fix${n === 1 ? '' : 'es'} outside the lines of this diff (or past the review's ${SUGGESTIONS_PER_REVIEW}), as a patch`);
    outcome.comment.push(section);
    outcome.summary.push(section);
  }
  return outcome;
}

/**
 * The fixes, computed on the head commit's files. When the checkout is the head (or no git), the run's own texts
 * and findings are used; otherwise (the merge commit) the fixable files are read at the head and linted again,
 * and the run's findings are matched in them.
 */
async function fixHead(
  github: GitHub | undefined,
  context: RunContext,
  input: FixesInput,
  wanted: Finding[],
): Promise<{ files: FileFix[]; bom: Set<string> }> {
  const bom = new Set<string>();
  const fixable = [...new Set(wanted.map((f) => f.file))];
  const head = context.pullRequest?.headSha;
  const checkout = resolveCommitIfPresent(input.workspace, 'HEAD');
  let sources = input.sources;
  let findings = input.findings;
  if (head && checkout && checkout !== head) {
    const texts = new Map<string, string>();
    const missing: string[] = [];
    for (const file of fixable) {
      const bytes = showFileIfPresent(input.workspace, head, file);
      if (bytes) {
        const decoded = decodeText(bytes);
        if ('text' in decoded) {
          texts.set(file, decoded.text);
          if (hasBom(bytes)) bom.add(file);
        }
      } else missing.push(file);
    }
    if (missing.length > 0 && github) {
      for (const [file, blob] of await readBlobsWithApi(github, head, missing)) {
        if (blob?.text == null || blob.isBinary) continue;
        if (blob.text.charCodeAt(0) === 0xfeff) bom.add(file);
        texts.set(file, blob.text.replace(/^\ufeff/, ''));
      }
    }
    core.info(`The checkout (${checkout.slice(0, 7)}) is not the head ${head.slice(0, 7)}: fixing the head's version of ${texts.size} file(s).`);
    sources = input.sources.map((s) => (texts.has(s.path) ? { path: s.path, text: texts.get(s.path) } : s));
    const relinted = lintSources(sources, { config: input.config });
    const left = new Map<string, number>();
    for (const f of input.findings) left.set(baselineKey(f), (left.get(baselineKey(f)) ?? 0) + 1);
    findings = relinted.findings.filter((f) => {
      const n = left.get(baselineKey(f)) ?? 0;
      if (n === 0) return false;
      left.set(baselineKey(f), n - 1);
      return true;
    });
  } else {
    for (const file of fixable) {
      const source = input.sources.find((s) => s.path === file);
      if (source?.text === undefined) continue;
      const bytes = showFileFromDisk(input.workspace, file);
      if (bytes && hasBom(bytes)) bom.add(file);
    }
  }
  // The checkout's charts are rendered from its files: their fixes are computed only when the checkout is the head.
  const rendering = sources === input.sources ? input.rendering : undefined;
  const result = rendering
    ? await fixInWorkspace(sources, findings, { config: input.config, unsafeRules: input.unsafeRules, rendered: rendering.rendered, cwd: input.workspace, paths: rendering.paths })
    : applyFixes(sources, findings, { config: input.config, unsafeRules: input.unsafeRules });
  return { files: result.files, bom };
}

function showFileFromDisk(workspace: string, file: string): Buffer | undefined {
  try {
    return fs.readFileSync(path.resolve(workspace, file));
  } catch {
    return undefined;
  }
}
