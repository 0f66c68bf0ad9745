import { createHash } from 'node:crypto';
import { gitOrUndefined } from '../files/git.js';
import { baselineKey } from '../suppress/baseline.js';
import type { Finding } from '../model/index.js';
import { describeFailure, type ApiFailure, type GitHub } from './client.js';
import { hasCommit } from './git.js';

/** The trailer of the action's fix commits: the fingerprint of the findings they fix. */
export const FIX_TRAILER = 'Eci-Egress-Lint-Fixes';

/** The same findings give the same fingerprint, whatever their order or positions. */
export function fixFingerprint(findings: Finding[]): string {
  return createHash('sha256')
    .update(findings.map(baselineKey).sort().join('\n'))
    .digest('hex')
    .slice(0, 20);
}

/** The commit message: the headline names the rules fixed (or is the commit-message input), the body lists the fixes. */
export function commitMessage(findings: Finding[], override?: string): { headline: string; body: string } {
  const rules = [...new Set(findings.map((f) => f.ruleId))].sort();
  const [headline, ...rest] = (override ?? `fix: ${rules.join(', ')} (eci-egress-lint)`).split('\n');
  const lines = findings.map((f) => `- ${f.file}:${f.span.line} ${f.ruleId}: ${f.fix?.description ?? ''}`.trimEnd());
  const body = [...(rest.length > 0 ? [rest.join('\n').trim(), ''] : []), ...lines, '', `${FIX_TRAILER}: ${fixFingerprint(findings)}`].join('\n');
  return { headline, body: body.replace(/^\n+/, '') };
}

/** The message of a commit: from git when the checkout has it, else from the API; undefined when neither can say. */
export async function commitMessageOf(github: GitHub, workspace: string, sha: string): Promise<string | undefined> {
  const local = hasCommit(workspace, sha) ? gitOrUndefined(workspace, ['log', '-1', '--format=%B', sha]) : undefined;
  if (local) return local.toString('utf8');
  try {
    const { data } = await github.octokit.rest.git.getCommit({ owner: github.context.owner, repo: github.context.repo, commit_sha: sha });
    return data.message;
  } catch {
    return undefined;
  }
}

/** Whether a commit message is this action's fix commit for exactly these findings. */
export function isOwnFixCommit(message: string | undefined, findings: Finding[]): boolean {
  if (!message) return false;
  const m = new RegExp(`^${FIX_TRAILER}: ([0-9a-f]+)\\s*$`, 'm').exec(message);
  return m?.[1] === fixFingerprint(findings);
}

export interface FixCommitInput {
  /** owner/name of the repository the branch is in. */
  repository: string;
  branch: string;
  /** The head commit the run checked: the commit is made only if the branch still points there. */
  expectedHeadOid: string;
  files: { path: string; contents: Buffer }[];
  message: { headline: string; body: string };
}

export type FixCommitOutcome =
  | { ok: true; oid: string; url?: string }
  /** `stale`: the branch moved since the run checked it (GraphQL STALE_DATA). */
  | { ok: false; stale: boolean; failure: ApiFailure };

const CREATE_COMMIT = `mutation($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;

/**
 * One commit on the pull request's branch through GraphQL createCommitOnBranch: GitHub signs it, and refuses
 * it (STALE_DATA) when the branch no longer points at `expectedHeadOid`. A refusal is not retried.
 */
export async function commitFixes(github: GitHub, input: FixCommitInput): Promise<FixCommitOutcome> {
  try {
    const data = await github.graphql<{ createCommitOnBranch: { commit: { oid: string; url?: string } } }>(CREATE_COMMIT, {
      input: {
        branch: { repositoryNameWithOwner: input.repository, branchName: input.branch },
        message: input.message,
        expectedHeadOid: input.expectedHeadOid,
        fileChanges: { additions: input.files.map((f) => ({ path: f.path, contents: f.contents.toString('base64') })) },
      },
    });
    return { ok: true, oid: data.createCommitOnBranch.commit.oid, url: data.createCommitOnBranch.commit.url };
  } catch (error) {
    const failure = describeFailure(error);
    const stale = failure.types.includes('STALE_DATA') || /expected branch to point to/i.test(failure.message);
    return { ok: false, stale, failure };
  }
}
