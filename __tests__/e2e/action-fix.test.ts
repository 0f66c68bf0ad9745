/**
 * fix: suggest and fix: commit, with the built action against the fake GitHub API. The workspace is a git
 * checkout of the pull request's head; the fake's file list (with patches) is git's diff of base..head.
 */
import { jest } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { FakeGitHub, rightLines } from '../github/fake-github.js';
import { describeIfBuilt } from './helpers.js';
import { CONSTANT, checkCalls, commands, PADDING, pages, prPayload, pullRequest, removeTemps, runAction, unquoted, type PullRequest } from './github-run.js';

jest.setTimeout(180_000);
afterAll(removeTemps);

function run(fake: FakeGitHub, pr: PullRequest, inputs: Record<string, string>, options: { fork?: boolean } = {}) {
  return runAction({
    workspace: pr.repo.dir,
    fake,
    payload: prPayload(pr.number, { base: pr.base, head: pr.head, changedFiles: 3, fork: options.fork }),
    inputs: { 'INPUT_FAIL-ON': 'never', ...inputs },
  });
}

const graphql = (calls: FakeGitHub['requests'], operation: string) => calls.filter((c) => c.operation === operation);
const reviewPosts = (calls: FakeGitHub['requests']) => calls.filter((c) => c.method === 'POST' && /\/pulls\/\d+\/reviews$/.test(c.path));

describeIfBuilt('fix: suggest and fix: commit against a fake GitHub API', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.failures = [];
  });

  describe('fix: suggest', () => {
    let pr: PullRequest;
    let first: Awaited<ReturnType<typeof runAction>>;
    let second: Awaited<ReturnType<typeof runAction>>;
    beforeAll(async () => {
      pr = pullRequest(fake, 31);
      first = await run(fake, pr, { INPUT_FIX: 'suggest' });
      second = await run(fake, pr, { INPUT_FIX: 'suggest' });
    });

    it('posts one review on the head commit, a suggestion per fix, each on lines inside the diff', () => {
      expect(first.stderr).toBe('');
      const reviews = fake.reviews.get(31)!;
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({ commit_id: pr.head, event: 'COMMENT' });
      const comments = reviews[0].comments;
      expect(comments.map((c) => c.path).sort()).toEqual(['k8s/app.yaml', 'k8s/values.yaml']);
      const patches = new Map(fake.pulls.get(31)!.files.map((f) => [f.filename, f.patch]));
      for (const c of comments) {
        const lines = rightLines(patches.get(c.path));
        expect(lines.has(c.line!)).toBe(true);
        if (c.start_line !== undefined) expect(lines.has(c.start_line)).toBe(true);
        expect(c.side).toBe('RIGHT');
        expect(c.body).toMatch(/^<!-- eci-egress-lint:suggestion [0-9a-f]{16} -->\n\*\*eci-egress-lint\*\* `eip-/);
        expect(c.body).toContain('```suggestion\n');
      }
      const values = comments.find((c) => c.path === 'k8s/values.yaml')!;
      expect(values).toMatchObject({ line: 14 });
      expect(values.body).toContain('```suggestion\n        k8s.aliyun.com/eci-with-eip: "true"\n```');
      const app = comments.find((c) => c.path === 'k8s/app.yaml')!;
      expect(app.start_line).toBeLessThan(app.line!);
    });

    it('the fix outside the diff goes into the comment as a patch in a collapsed block', () => {
      const body = fake.comments.get(31)![0].body;
      expect(body).toMatch(/<details><summary>1 fix outside the lines of this diff .*, as a patch<\/summary>/);
      expect(body).toContain('```diff\n--- a/k8s/legacy.yaml\n+++ b/k8s/legacy.yaml\n');
      expect(body).toContain('-        k8s.aliyun.com/eci-with-eip: true\n+        k8s.aliyun.com/eci-with-eip: "true"');
      expect(first.summary).toContain('--- a/k8s/legacy.yaml');
    });

    it('a second run posts no review: every suggestion is already there', () => {
      expect(reviewPosts(second.calls)).toEqual([]);
      expect(fake.reviews.get(31)).toHaveLength(1);
      expect(second.stdout).toContain('is already on the pull request: no new review');
    });

    it('API calls: pages + batches + the constant + reading the review comments + the review', () => {
      for (const r of [first, second]) {
        expect(r.calls.length).toBeLessThanOrEqual(pages(r.calls) + checkCalls(r.calls).length + CONSTANT + 2);
      }
      expect(graphql(first.calls, 'createCommitOnBranch')).toEqual([]);
    });
  });

  describe('fix: commit', () => {
    it('one createCommitOnBranch against the head the run checked, with the fixed files', async () => {
      const pr = pullRequest(fake, 32);
      const r = await run(fake, pr, { INPUT_FIX: 'commit' });
      const calls = graphql(r.calls, 'createCommitOnBranch');
      expect(calls).toHaveLength(1);
      const input = (calls[0].body as { variables: { input: Record<string, unknown> } }).variables.input as {
        branch: { repositoryNameWithOwner: string; branchName: string };
        expectedHeadOid: string;
        message: { headline: string; body: string };
        fileChanges: { additions: { path: string; contents: string }[] };
      };
      expect(input.expectedHeadOid).toBe(pr.head);
      expect(input.branch).toEqual({ repositoryNameWithOwner: 'acme/shop', branchName: 'feature' });
      expect(input.message.headline).toBe('fix: eip-misplaced, eip-not-string (eci-egress-lint)');
      expect(input.message.body).toMatch(/^Eci-Egress-Lint-Fixes: [0-9a-f]{20}$/m);
      const files = Object.fromEntries(input.fileChanges.additions.map((a) => [a.path, Buffer.from(a.contents, 'base64').toString('utf8')]));
      expect(Object.keys(files).sort()).toEqual(['k8s/app.yaml', 'k8s/legacy.yaml', 'k8s/values.yaml']);
      expect(files['k8s/values.yaml']).toBe(unquoted('values').replace('eci-with-eip: true', 'eci-with-eip: "true"'));
      expect(files['k8s/legacy.yaml']).toBe(unquoted('legacy', PADDING + '          # the end\n').replace('eci-with-eip: true', 'eci-with-eip: "true"'));
      const app = parseAllDocuments(files['k8s/app.yaml'])[0].toJS();
      expect(app.metadata.annotations?.['k8s.aliyun.com/eci-with-eip']).toBeUndefined();
      expect(app.spec.template.metadata.annotations['k8s.aliyun.com/eci-with-eip']).toBe('true');
      expect(r.outputs['fixed-files'].split('\n').sort()).toEqual(['k8s/app.yaml', 'k8s/legacy.yaml', 'k8s/values.yaml']);
      expect(fake.comments.get(32)![0].body).toMatch(/Committed 3 fixes \(`eip-misplaced`, `eip-not-string`\) to `feature` in c0ffee0/);
      expect(reviewPosts(r.calls)).toEqual([]);
      expect(r.calls.length).toBeLessThanOrEqual(pages(r.calls) + checkCalls(r.calls).length + CONSTANT + 1);
    });

    it('commit-message replaces the headline', async () => {
      const pr = pullRequest(fake, 33);
      const r = await run(fake, pr, { INPUT_FIX: 'commit', 'INPUT_COMMIT-MESSAGE': 'chore(k8s): egress annotations' });
      const input = (graphql(r.calls, 'createCommitOnBranch')[0].body as { variables: { input: { message: { headline: string } } } }).variables.input;
      expect(input.message.headline).toBe('chore(k8s): egress annotations');
    });

    it('the branch moved (STALE_DATA): no commit, one notice, no retry', async () => {
      const pr = pullRequest(fake, 34);
      fake.branches.set('feature', 'f'.repeat(40));
      const commits = fake.commits.length;
      const r = await run(fake, pr, { INPUT_FIX: 'commit' });
      expect(graphql(r.calls, 'createCommitOnBranch')).toHaveLength(1);
      expect(fake.commits).toHaveLength(commits);
      expect(r.outputs['fixed-files']).toBe('');
      const notices = commands(r.stdout, 'notice');
      expect(notices).toHaveLength(1);
      expect(notices[0]!.message).toContain('the fix commit: the branch feature moved since this run checked');
      expect(reviewPosts(r.calls)).toEqual([]);
      expect(r.status).toBe(0);
    });

    it('a fork falls back to suggest: no commit, a review', async () => {
      const pr = pullRequest(fake, 35);
      const r = await run(fake, pr, { INPUT_FIX: 'commit' }, { fork: true });
      expect(graphql(r.calls, 'createCommitOnBranch')).toEqual([]);
      expect(reviewPosts(r.calls)).toHaveLength(1);
      expect(r.stdout).toContain('fix: commit cannot push to a branch in a fork; suggesting the fixes instead.');
    });

    it('a read-only token (the commit refused) falls back to suggest, with a notice', async () => {
      const pr = pullRequest(fake, 36);
      fake.failures = [{ match: 'graphql:createCommitOnBranch', status: 200, graphqlErrors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] }];
      const r = await run(fake, pr, { INPUT_FIX: 'commit' });
      expect(graphql(r.calls, 'createCommitOnBranch')).toHaveLength(1);
      expect(reviewPosts(r.calls)).toHaveLength(1);
      expect(commands(r.stdout, 'notice').map((c) => c!.message)).toEqual([expect.stringContaining('the fix commit: Resource not accessible by integration; the fixes were suggested instead')]);
    });

    it('never commits when the head commit is already its fix for the same findings', async () => {
      const pr = pullRequest(fake, 37);
      const r1 = await run(fake, pr, { INPUT_FIX: 'commit' });
      const message = fake.commitMessages.get(fake.commits.at(-1)!.oid)!;
      // The same findings again on a head whose commit is that fix (e.g. a fix that did not hold).
      pr.repo.git('commit', '-q', '--allow-empty', '-m', message);
      const head = pr.repo.git('rev-parse', 'HEAD');
      fake.branches.set('feature', head);
      const r2 = await runAction({
        workspace: pr.repo.dir,
        fake,
        payload: prPayload(37, { base: pr.base, head, changedFiles: 3 }),
        inputs: { 'INPUT_FAIL-ON': 'never', INPUT_FIX: 'commit' },
      });
      expect(graphql(r1.calls, 'createCommitOnBranch')).toHaveLength(1);
      expect(graphql(r2.calls, 'createCommitOnBranch')).toEqual([]);
      expect(r2.stdout).toContain("is already this action's fix for these findings: no new commit");
    });
  });
});
