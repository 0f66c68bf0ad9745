import type { Finding, Severity } from '../model/index.js';
import { describeFailure, type ApiFailure, type GitHub } from './client.js';

/** The Checks API takes at most 50 annotations a request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limits on a check run's output texts and an annotation's fields. */
const OUTPUT_LIMIT = 65_535;
const MESSAGE_LIMIT = 64 * 1024 - 1;
const TITLE_LIMIT = 255;

export const CHECK_NAME = 'eci-egress-lint';

const LEVEL: Record<Severity, 'failure' | 'warning' | 'notice'> = { error: 'failure', warning: 'warning', notice: 'notice' };

export interface CheckRunInput {
  headSha: string;
  findings: Finding[];
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  summary: string;
  /** Longer Markdown shown under the summary (the report); cut to GitHub's limit. */
  text?: string;
}

export type CheckRunOutcome =
  | { ok: true; id: number; requests: number }
  /** `published` findings (the first ones) reached the check run before the failure. */
  | { ok: false; failure: ApiFailure; published: number };

export function checkAnnotation(f: Finding) {
  const oneLine = f.span.endLine === f.span.line;
  return {
    path: f.file,
    start_line: f.span.line,
    end_line: f.span.endLine,
    // Columns are allowed only when the annotation is on one line.
    ...(oneLine ? { start_column: f.span.column, end_column: Math.max(f.span.column, f.span.endColumn) } : {}),
    annotation_level: LEVEL[f.severity],
    title: f.ruleId.slice(0, TITLE_LIMIT),
    message: cut(f.message, MESSAGE_LIMIT),
    ...(f.fix ? { raw_details: cut(`Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}`, MESSAGE_LIMIT) } : {}),
  };
}

function cut(text: string, limit: number, note = '…'): string {
  return text.length <= limit ? text : text.slice(0, limit - note.length) + note;
}

/**
 * One check run on the head commit with every finding as an annotation: created with the first 50, then
 * updated with 50 more per request; the last request completes it with its conclusion.
 */
export async function publishCheckRun(github: GitHub, input: CheckRunInput): Promise<CheckRunOutcome> {
  const { owner, repo } = github.context;
  const annotations = input.findings.map(checkAnnotation);
  const batches: (typeof annotations)[] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const output = (batch: typeof annotations) => ({
    title: cut(input.title, TITLE_LIMIT),
    summary: cut(input.summary, OUTPUT_LIMIT, '\n\n…'),
    ...(input.text ? { text: cut(input.text, OUTPUT_LIMIT, '\n\n… (cut; the full report is in the job summary)') } : {}),
    annotations: batch,
  });
  const done = (last: boolean) =>
    last ? { status: 'completed' as const, conclusion: input.conclusion, completed_at: new Date().toISOString() } : { status: 'in_progress' as const };
  let published = 0;
  let id: number | undefined;
  try {
    const created = await github.octokit.rest.checks.create({
      owner,
      repo,
      name: CHECK_NAME,
      head_sha: input.headSha,
      ...done(batches.length === 1),
      output: output(batches[0]),
    });
    id = created.data.id;
    published += batches[0].length;
    for (let i = 1; i < batches.length; i++) {
      await github.octokit.rest.checks.update({ owner, repo, check_run_id: id, ...done(i === batches.length - 1), output: output(batches[i]) });
      published += batches[i].length;
    }
    return { ok: true, id, requests: batches.length };
  } catch (error) {
    if (id !== undefined) {
      // Do not leave the check run spinning: complete it with what it has.
      await github.octokit.rest.checks
        .update({ owner, repo, check_run_id: id, ...done(true), output: output([]) })
        .catch(() => undefined);
    }
    return { ok: false, failure: describeFailure(error), published };
  }
}
