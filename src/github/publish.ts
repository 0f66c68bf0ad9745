import * as core from '@actions/core';
import type { Finding } from '../model/index.js';
import { publishCheckRun } from './checks.js';
import type { GitHub } from './client.js';
import { describeFailure } from './client.js';
import { publishComment, type CommentMode, type CommentOutcome } from './comment.js';
import { commentBody, type CommentContent } from './comment-body.js';
import { headSha, type RunContext } from './context.js';
import { WriteLog } from './writes.js';

export type AnnotationMode = 'auto' | 'checks' | 'commands' | 'off';
export const ANNOTATION_MODES: readonly AnnotationMode[] = ['auto', 'checks', 'commands', 'off'];

export interface AnnotationsInput {
  mode: AnnotationMode;
  findings: Finding[];
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  text?: string;
  /** Writes findings as workflow commands (errors first), for when there is no check run. */
  commands: (findings: Finding[]) => void;
}

export interface AnnotationsOutcome {
  via: 'checks' | 'commands' | 'off';
  checkRunId?: number;
}

/**
 * The findings as annotations on the head commit: a check run when the mode and the token allow it, else (or
 * when GitHub refuses it) workflow commands.
 */
export async function publishAnnotations(github: GitHub | undefined, context: RunContext, writes: WriteLog, input: AnnotationsInput): Promise<AnnotationsOutcome> {
  if (input.mode === 'off') return { via: 'off' };
  const sha = headSha(context);
  if (input.mode === 'commands' || !github || !sha) {
    input.commands(input.findings);
    return { via: 'commands' };
  }
  if (writes.closed) {
    writes.skip('the check run', 'the annotations were written as workflow commands');
    input.commands(input.findings);
    return { via: 'commands' };
  }
  const outcome = await publishCheckRun(github, { headSha: sha, ...input });
  if (outcome.ok) {
    core.info(`Check run ${outcome.id} on ${sha.slice(0, 7)} has ${input.findings.length} annotation(s) (${outcome.requests} request(s)).`);
    return { via: 'checks', checkRunId: outcome.id };
  }
  const rest = input.findings.slice(outcome.published);
  writes.failed('the check run', outcome.failure, `${rest.length === input.findings.length ? 'the' : `the other ${rest.length}`} annotations were written as workflow commands`);
  input.commands(rest);
  return { via: 'commands' };
}

export interface CommentInput {
  mode: CommentMode;
  content: Omit<CommentContent, 'links'>;
  /** The workflow run's page, which the comment links to for the full report. */
  runUrl?: string;
}

/** The summary comment on the pull request, when there is one, the mode wants it and the token may write it. */
export async function publishSummaryComment(github: GitHub | undefined, context: RunContext, writes: WriteLog, input: CommentInput): Promise<CommentOutcome | undefined> {
  const pr = context.pullRequest;
  if (!pr || input.mode === 'off' || !github) return undefined;
  if (writes.closed) {
    writes.skip('the summary comment');
    return undefined;
  }
  const body = commentBody({ ...input.content, links: { serverUrl: context.serverUrl, owner: context.owner, repo: context.repo, headSha: headSha(context), runUrl: input.runUrl } });
  try {
    const outcome = await publishComment(github, { number: pr.number, mode: input.mode, body, clean: input.content.result.findings.length === 0 });
    const said: Record<CommentOutcome['action'], string> = {
      created: 'posted',
      updated: 'updated',
      unchanged: 'unchanged (no write)',
      'none-needed': 'not needed (a clean run, and no earlier comment)',
    };
    core.info(
      `Summary comment ${said[outcome.action]}${outcome.url ? `: ${outcome.url}` : ''}` +
        `${outcome.hidden ? `; ${outcome.hidden} earlier hidden` : ''}${outcome.deleted ? `; ${outcome.deleted} earlier deleted` : ''}.`,
    );
    return outcome;
  } catch (error) {
    writes.failed('the summary comment', describeFailure(error));
    return undefined;
  }
}
