/**
 * runAction in this process against the fake GitHub API: which API calls it makes, which files and outputs it
 * writes, how it falls back when GitHub refuses, and what it commits or suggests. The bodies of the comment, check
 * run and job summary are the report's business (their own tests); here only their presence and routing count.
 */
import fs from 'node:fs';
import path from 'node:path';
import { jest } from '@jest/globals';
import { COMMENT_MARKER } from '../../src/github/comment-body.js';
import { FakeGitHub, rightLines } from '../github/fake-github.js';
import { GitRepo } from '../github/git-repo.js';
import { CLEAN, commands, HEAD, manyFindings, misplaced, openPull, PADDING, prPayload, pullRequest, removeTemps, temps, tempDir, unquoted, workspaceWith, TOKEN, type PullRequest } from '../e2e/github-run.js';
import { CHART_YAML, DEPLOYMENT_TEMPLATE, VALUES_CORRECT, VALUES_MISTAKE } from '../render/fixtures.js';
import { runInProcess } from './in-process.js';

jest.setTimeout(60_000);
afterAll(removeTemps);

const fake = new FakeGitHub();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.failures = [];
});

let nextNumber = 500;
const route = (calls: FakeGitHub['requests']) => calls.map((c) => `${c.method} ${c.operation ?? c.path.replace('/repos/acme/shop', '')}`);

function runPr(pr: PullRequest, inputs: Record<string, string>, options: { fork?: boolean; env?: Record<string, string> } = {}) {
  return runInProcess({
    workspace: pr.repo.dir,
    fake,
    payload: prPayload(pr.number, { base: pr.base, head: pr.head, changedFiles: 3, fork: options.fork }),
    inputs: { 'INPUT_FAIL-ON': 'never', ...inputs },
    env: options.env,
  });
}

describe('runAction on a pull request', () => {
  it('a clean change: a successful check run on the head commit, no comment, every output set', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/api.yaml': CLEAN, 'README.md': '# hi\n' });
    fake.addPull(number, ws.list);
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number, { changedFiles: 2 }) });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0', 'monthly-cost': '', 'fixed-files': '', 'sarif-file': '' });
    expect(JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8'))).toMatchObject({ findings: [] });
    expect(route(run.calls)).toEqual([`GET /pulls/${number}/files`, 'POST /check-runs', 'POST comments']);
    expect(fake.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'success', annotations: [] });
    expect(fake.comments.get(number)).toEqual([]);
    expect(run.summary).not.toBe('');
    // The token is masked before anything else is written.
    expect(run.stdout.split('\n')[0]).toBe(`::add-mask::${TOKEN}`);
  });

  it('findings: a failing check run with every annotation, one comment, the step fails on errors; a second run updates that comment', async () => {
    const number = nextNumber++;
    const ws = workspaceWith(manyFindings());
    fake.addPull(number, ws.list);
    const payload = prPayload(number, { changedFiles: ws.list.length });
    const first = await runInProcess({ workspace: ws.dir, fake, payload });
    expect(first.status).toBe(1);
    expect(first.outputs).toMatchObject({ findings: '120', errors: '120', warnings: '0' });
    const check = fake.checkRuns.at(-1)!;
    expect(check).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'failure' });
    expect(check.annotations).toHaveLength(120);
    expect(fake.comments.get(number)!.map((c) => c.body.startsWith(COMMENT_MARKER))).toEqual([true]);
    expect(commands(first.stdout)).toEqual([]);

    fs.writeFileSync(path.join(ws.dir, 'k8s/team-00.yaml'), CLEAN);
    const second = await runInProcess({ workspace: ws.dir, fake, payload });
    expect(second.outputs.findings).toBe('110');
    expect(route(second.calls).filter((c) => c.startsWith('PATCH /issues/comments/'))).toHaveLength(1);
    expect(fake.comments.get(number)).toHaveLength(1);
  });

  it('fail-on: never passes with errors, and the check run is neutral', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(number, ws.list);
    const never = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(never.status).toBe(0);
    expect(fake.checkRuns.at(-1)!.conclusion).toBe('neutral');
  });

  it('a bad input fails the run before any API call', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': CLEAN });
    fake.addPull(number, ws.list);
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number), inputs: { INPUT_COMMENT: 'sometimes' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/input comment must be one of/);
    expect(run.calls).toEqual([]);
  });

  it('a fork: the check run is refused once, then no further write is tried; workflow commands and one notice instead', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(number, ws.list);
    fake.failures = [{ match: /^POST .*\/check-runs$/, status: 403, message: 'Resource not accessible by integration' }];
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number, { fork: true }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(run.status).toBe(0);
    expect(fake.writes().filter((w) => run.calls.includes(w))).toHaveLength(1);
    expect(commands(run.stdout, 'error')).toHaveLength(1);
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
    expect(run.summary).toContain('[!NOTE]');
  });

  it('a refused comment (422) is one notice; the findings, outputs and result stand', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(number, ws.list);
    fake.failures = [{ match: /^POST .*\/issues\/\d+\/comments$/, status: 422 }];
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number) });
    expect(run.status).toBe(1);
    expect(run.outputs.errors).toBe('1');
    expect(fake.checkRuns.at(-1)!.annotations).toHaveLength(1);
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
  });

  it('an unexpected API failure (the comments query fails) does not stop the job summary or the result', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(number, ws.list);
    fake.failures = [{ match: 'graphql:comments', status: 200, graphqlErrors: [{ message: 'boom' }] }];
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number) });
    expect(run.status).toBe(1);
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
    expect(run.summary).not.toBe('');
  });

  it('annotations: commands and comment: off make no write; job-summary: false writes no summary', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(number, ws.list);
    const run = await runInProcess({
      workspace: ws.dir,
      fake,
      payload: prPayload(number),
      inputs: { INPUT_ANNOTATIONS: 'commands', INPUT_COMMENT: 'off', 'INPUT_JOB-SUMMARY': 'false' },
    });
    expect(route(run.calls)).toEqual([`GET /pulls/${number}/files`]);
    expect(commands(run.stdout, 'error').filter((c) => c!.properties.file)).toHaveLength(1);
    expect(run.summary).toBe('');
  });

  it('annotations: off writes neither a check run nor workflow commands', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(number, ws.list);
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number), inputs: { INPUT_ANNOTATIONS: 'off', INPUT_COMMENT: 'off' } });
    expect(run.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    expect(commands(run.stdout)).toEqual([]);
    expect(run.outputs.errors).toBe('1');
  });

  it('no token: no API call; the files of the change come from git, the findings go to workflow commands', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const run = await runInProcess({ workspace: pr.repo.dir, fake, token: null, payload: prPayload(pr.number, { base: pr.base, head: pr.head }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(run.calls).toEqual([]);
    expect(commands(run.stdout, 'error').map((c) => c!.properties.file).sort()).toEqual(['k8s/app.yaml', 'k8s/legacy.yaml', 'k8s/values.yaml']);
  });

  it('scan: all on a pull request with its base in the checkout reads the base with git: the cost change is known', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const run = await runPr(pr, { INPUT_SCAN: 'all' });
    expect(route(run.calls).some((c) => c.includes('/files'))).toBe(false);
    expect(run.outputs['monthly-cost-change']).not.toBe('');
  });

  it('the changed files with the base in the checkout: the base side from git, no API query for it', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const run = await runPr(pr, {});
    expect(run.calls.some((c) => c.operation === 'blobs')).toBe(false);
    expect(run.outputs['monthly-cost-change']).not.toBe('');
  });

  it('the base through the API when the checkout lacks it; an API failure there only drops the cost change', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/values.yaml': unquoted('values') });
    fake.addPull(number, [{ filename: 'k8s/values.yaml', status: 'modified', patch: '@@ -1,1 +1,1 @@\n+x' }]);
    fake.blobs.set('2222222222222222222222222222222222222222:k8s/values.yaml', unquoted('values').replace('replicas: 1', 'replicas: 3'));
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(run.calls.filter((c) => c.operation === 'blobs')).toHaveLength(1);
    expect(Number(run.outputs['monthly-cost-change'])).toBeLessThan(0);

    fake.failures = [{ match: 'graphql:blobs', status: 500, times: 10 }];
    const failed = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(failed.outputs['monthly-cost-change']).toBe('');
    expect(failed.outputs['monthly-cost']).not.toBe('');
  });

  it('new-only without a base reports every finding, with a notice', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    const run = await runInProcess({ workspace: ws.dir, fake, token: null, event: 'workflow_dispatch', payload: {}, inputs: { 'INPUT_NEW-ONLY': 'true', 'INPUT_FAIL-ON': 'never' } });
    expect(run.outputs.errors).toBe('1');
    expect(commands(run.stdout, 'notice').some((c) => /new-only/.test(c!.message))).toBe(true);
  });

  it('new-only with the base in the checkout reports only what the change adds', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const all = await runPr(pr, { INPUT_ANNOTATIONS: 'commands', INPUT_COMMENT: 'off' });
    const fresh = await runPr(pr, { 'INPUT_NEW-ONLY': 'true', INPUT_ANNOTATIONS: 'commands', INPUT_COMMENT: 'off' });
    expect(Number(fresh.outputs.findings)).toBeLessThan(Number(all.outputs.findings));
    expect(commands(fresh.stdout).map((c) => c!.properties.file)).not.toContain('k8s/legacy.yaml');
  });

  it('report files: the SARIF file where asked; a report file outside the workspace and $RUNNER_TEMP goes to the action\'s folder, with a warning', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    const elsewhere = path.join(tempDir('eci-egress-lint-elsewhere-'), 'report.json');
    const run = await runInProcess({
      workspace: ws.dir,
      token: null,
      event: 'workflow_dispatch',
      payload: {},
      inputs: { 'INPUT_SARIF-FILE': 'out/lint.sarif', 'INPUT_REPORT-FILE': elsewhere, 'INPUT_FAIL-ON': 'never' },
    });
    expect(run.outputs['sarif-file']).toBe(path.join(fs.realpathSync(ws.dir), 'out/lint.sarif'));
    expect(JSON.parse(fs.readFileSync(run.outputs['sarif-file'], 'utf8')).version).toBe('2.1.0');
    expect(fs.existsSync(elsewhere)).toBe(false);
    expect(run.outputs['report-file']).not.toBe(elsewhere);
    expect(JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')).findings).toHaveLength(1);
    expect(commands(run.stdout, 'warning').some((c) => /report-file/.test(c!.message))).toBe(true);
  });

  it('config-from: base on a run without a base: the checkout\'s config, with a notice', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    const run = await runInProcess({ workspace: ws.dir, token: null, event: 'workflow_dispatch', payload: {}, inputs: { 'INPUT_CONFIG-FROM': 'base', 'INPUT_FAIL-ON': 'never' } });
    expect(commands(run.stdout, 'notice').some((c) => /config-from: base/.test(c!.message))).toBe(true);
    expect(run.outputs.errors).toBe('1');
  });
});

describe('fix: suggest', () => {
  it('one review on the head commit, a suggestion per fix inside the diff; the fix outside the diff as a patch', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const run = await runPr(pr, { INPUT_FIX: 'suggest' });
    const reviews = fake.reviews.get(pr.number)!;
    expect(reviews).toHaveLength(1);
    expect(reviews[0].commit_id).toBe(pr.head);
    expect(reviews[0].comments.map((c) => c.path).sort()).toEqual(['k8s/app.yaml', 'k8s/values.yaml']);
    const patches = new Map(fake.pulls.get(pr.number)!.files.map((f) => [f.filename, rightLines(f.patch)]));
    for (const c of reviews[0].comments) expect(patches.get(c.path)!.has(c.line!)).toBe(true);
    // legacy.yaml's fix is above the one changed line: a patch in the comment and the summary.
    const comment = fake.comments.get(pr.number)!.at(-1)!.body;
    expect(comment).toContain('+++ b/k8s/legacy.yaml');
    expect(run.summary).toContain('+++ b/k8s/legacy.yaml');
    expect(run.outputs['fixed-files']).toBe('');

    const again = await runPr(pr, { INPUT_FIX: 'suggest' });
    expect(fake.reviews.get(pr.number)).toHaveLength(1);
    expect(again.calls.some((c) => /\/pulls\/\d+\/comments$/.test(c.path) && c.method === 'GET')).toBe(true);
  });

  it('the suggestions already posted are read across pages of review comments', async () => {
    const pr = pullRequest(fake, nextNumber++);
    fake.reviewComments.set(pr.number, Array.from({ length: 150 }, (_, i) => ({ id: 90_000 + i, body: `chatter ${i}`, path: 'k8s/app.yaml', line: 1, login: 'someone' })));
    const run = await runPr(pr, { INPUT_FIX: 'suggest' });
    expect(run.calls.filter((c) => /\/pulls\/\d+\/comments$/.test(c.path))).toHaveLength(2);
    expect(fake.reviews.get(pr.number)).toHaveLength(1);
  });

  it('a refused review: every fix goes into the patch, with a notice', async () => {
    const pr = pullRequest(fake, nextNumber++);
    fake.failures = [{ match: /^POST .*\/pulls\/\d+\/reviews$/, status: 422 }];
    const run = await runPr(pr, { INPUT_FIX: 'suggest' });
    expect(fake.reviews.get(pr.number)).toBeUndefined();
    for (const file of ['k8s/app.yaml', 'k8s/values.yaml', 'k8s/legacy.yaml']) expect(run.summary).toContain(`+++ b/${file}`);
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
  });

  it('scan: all lists the pull request\'s files for the diff; a failed listing puts every fix in the patch', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const run = await runPr(pr, { INPUT_FIX: 'suggest', INPUT_SCAN: 'all' });
    expect(run.calls.filter((c) => /\/pulls\/\d+\/files$/.test(c.path))).toHaveLength(1);
    expect(fake.reviews.get(pr.number)).toHaveLength(1);

    const other = pullRequest(fake, nextNumber++);
    fake.failures = [{ match: /\/pulls\/\d+\/files$/, status: 404, times: 10 }];
    const failed = await runPr(other, { INPUT_FIX: 'suggest', INPUT_SCAN: 'all' });
    expect(fake.reviews.get(other.number)).toBeUndefined();
    expect(failed.summary).toContain('+++ b/k8s/app.yaml');
  });

  it('without a pull request (a manual run): the fixes as a patch in the job summary, no API write', async () => {
    const ws = workspaceWith({ 'k8s/values.yaml': unquoted('values') });
    const run = await runInProcess({ workspace: ws.dir, fake, event: 'workflow_dispatch', payload: {}, inputs: { INPUT_FIX: 'suggest', 'INPUT_FAIL-ON': 'never' } });
    expect(run.summary).toContain('+++ b/k8s/values.yaml');
    expect(run.calls.filter((c) => c.method !== 'GET' && c.operation === undefined && !/check-runs/.test(c.path))).toEqual([]);
  });

  it('a clean run has nothing to fix: no commit, no review', async () => {
    const number = nextNumber++;
    const ws = workspaceWith({ 'k8s/api.yaml': CLEAN });
    fake.addPull(number, ws.list);
    const run = await runInProcess({ workspace: ws.dir, fake, payload: prPayload(number), inputs: { INPUT_FIX: 'commit' } });
    expect(run.calls.some((c) => c.operation === 'createCommitOnBranch' || /\/reviews$/.test(c.path))).toBe(false);
    expect(run.outputs['fixed-files']).toBe('');
  });
});

describe('fix: commit', () => {
  it('one createCommitOnBranch against the head the run checked, with the fixed files; fixed-files lists them', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const before = fake.commits.length;
    const run = await runPr(pr, { INPUT_FIX: 'commit', 'INPUT_COMMIT-MESSAGE': 'chore: quote the EIP annotations' });
    expect(fake.commits).toHaveLength(before + 1);
    const input = fake.commits.at(-1)!.input as { expectedHeadOid: string; fileChanges: { additions: { path: string; contents: string }[] }; message: { headline: string } };
    expect(input.expectedHeadOid).toBe(pr.head);
    expect(input.message.headline).toBe('chore: quote the EIP annotations');
    const written = new Map(input.fileChanges.additions.map((a) => [a.path, Buffer.from(a.contents, 'base64').toString('utf8')]));
    expect([...written.keys()].sort()).toEqual(['k8s/app.yaml', 'k8s/legacy.yaml', 'k8s/values.yaml']);
    expect(written.get('k8s/values.yaml')).toContain('k8s.aliyun.com/eci-with-eip: "true"');
    expect(run.outputs['fixed-files'].split('\n').sort()).toEqual(['k8s/app.yaml', 'k8s/legacy.yaml', 'k8s/values.yaml']);
    expect(fake.reviews.get(pr.number)).toBeUndefined();
  });

  it('a checkout of the merge commit: the head\'s version of each file is fixed (from git, else through the API)', async () => {
    const pr = pullRequest(fake, nextNumber++);
    // The checkout moves on past the head (as the merge commit would); the head's texts are what gets fixed.
    pr.repo.write({ 'k8s/values.yaml': unquoted('values').replace('replicas: 1', 'replicas: 2') });
    pr.repo.commit('merge');
    const run = await runPr(pr, { INPUT_FIX: 'commit' });
    const input = fake.commits.at(-1)!.input as { expectedHeadOid: string; fileChanges: { additions: { path: string; contents: string }[] } };
    expect(input.expectedHeadOid).toBe(pr.head);
    const values = Buffer.from(input.fileChanges.additions.find((a) => a.path === 'k8s/values.yaml')!.contents, 'base64').toString('utf8');
    expect(values).toContain('replicas: 1');
    expect(values).toContain('k8s.aliyun.com/eci-with-eip: "true"');
    expect(run.outputs['fixed-files']).not.toBe('');

    // A head the checkout does not have: its files through the API.
    const apiHead = 'abcdef0000000000000000000000000000000000';
    const other = pullRequest(fake, nextNumber++);
    fake.branches.set('feature', apiHead);
    fake.blobs.set(`${apiHead}:k8s/values.yaml`, unquoted('values').replace('replicas: 1', 'replicas: 4'));
    fake.blobs.set(`${apiHead}:k8s/app.yaml`, misplaced('app'));
    fake.blobs.set(`${apiHead}:k8s/legacy.yaml`, unquoted('legacy', PADDING + '          # the end\n'));
    await runInProcess({
      workspace: other.repo.dir,
      fake,
      payload: prPayload(other.number, { base: other.base, head: apiHead, changedFiles: 3 }),
      inputs: { 'INPUT_FAIL-ON': 'never', INPUT_FIX: 'commit' },
    });
    const viaApi = fake.commits.at(-1)!.input as { expectedHeadOid: string; fileChanges: { additions: { path: string; contents: string }[] } };
    expect(viaApi.expectedHeadOid).toBe(apiHead);
    expect(Buffer.from(viaApi.fileChanges.additions.find((a) => a.path === 'k8s/values.yaml')!.contents, 'base64').toString('utf8')).toContain('replicas: 4');
  });

  it('the branch moved (STALE_DATA): no commit, the fixes as a patch, one notice', async () => {
    const pr = pullRequest(fake, nextNumber++);
    fake.branches.set('feature', 'f'.repeat(40));
    const before = fake.commits.length;
    const run = await runPr(pr, { INPUT_FIX: 'commit' });
    expect(fake.commits).toHaveLength(before);
    expect(run.calls.filter((c) => c.operation === 'createCommitOnBranch')).toHaveLength(1);
    expect(run.summary).toContain('+++ b/k8s/values.yaml');
    expect(run.outputs['fixed-files']).toBe('');
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
  });

  it('a fork suggests instead of committing', async () => {
    const pr = pullRequest(fake, nextNumber++);
    const run = await runPr(pr, { INPUT_FIX: 'commit' }, { fork: true });
    expect(run.calls.some((c) => c.operation === 'createCommitOnBranch')).toBe(false);
    expect(fake.reviews.get(pr.number)).toHaveLength(1);
  });

  it('a refused commit (a read-only token) suggests instead, with a notice', async () => {
    const pr = pullRequest(fake, nextNumber++);
    fake.failures = [{ match: 'graphql:createCommitOnBranch', status: 403, message: 'Resource not accessible by integration' }];
    const run = await runPr(pr, { INPUT_FIX: 'commit' });
    expect(fake.reviews.get(pr.number)).toHaveLength(1);
    expect(run.outputs['fixed-files']).toBe('');
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
  });

  it('a fork whose writes are closed by a refused check run: neither the commit nor the review is tried', async () => {
    const pr = pullRequest(fake, nextNumber++);
    fake.failures = [{ match: /^POST .*\/check-runs$/, status: 403 }];
    const run = await runPr(pr, { INPUT_FIX: 'commit' }, { fork: true });
    expect(fake.writes().filter((w) => run.calls.includes(w))).toHaveLength(1);
    expect(run.summary).toContain('+++ b/k8s/values.yaml');
  });

  it('a refused token (401 on the check run) closes every write: no commit, no review, the fixes as a patch', async () => {
    const pr = pullRequest(fake, nextNumber++);
    fake.failures = [{ match: /^POST .*\/check-runs$/, status: 401, message: 'Bad credentials' }];
    const run = await runPr(pr, { INPUT_FIX: 'commit' });
    expect(run.calls.some((c) => c.operation === 'createCommitOnBranch' || /\/reviews$/.test(c.path))).toBe(false);
    expect(fake.writes().filter((w) => run.calls.includes(w))).toHaveLength(1);
    expect(run.summary).toContain('+++ b/k8s/values.yaml');
    expect(commands(run.stdout, 'notice')).toHaveLength(1);
  });

  it('never commits when the head commit is already its own fix for the same findings', async () => {
    const pr = pullRequest(fake, nextNumber++);
    await runPr(pr, { INPUT_FIX: 'commit' });
    const message = fake.commitMessages.get(fake.commits.at(-1)!.oid)!;
    pr.repo.git('commit', '-q', '--allow-empty', '-m', message);
    const head = pr.repo.git('rev-parse', 'HEAD');
    fake.branches.set('feature', head);
    const before = fake.commits.length;
    await runInProcess({
      workspace: pr.repo.dir,
      fake,
      payload: prPayload(pr.number, { base: pr.base, head, changedFiles: 3 }),
      inputs: { 'INPUT_FAIL-ON': 'never', INPUT_FIX: 'commit' },
    });
    expect(fake.commits).toHaveLength(before);
  });
});

describe('a fix that is unsafe by policy (eip-missing under egress: auto)', () => {
  /** A pull request that adds a Deployment pulling from Docker Hub (egress evidence) with no EIP and no NAT gateway. */
  function crawlerPullRequest(): PullRequest {
    const number = nextNumber++;
    const repo = new GitRepo();
    temps.push(repo.dir);
    repo.write({ 'README.md': '# shop\n' });
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({
      'k8s/crawler.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: crawler
  namespace: shop
spec:
  replicas: 1
  template:
    metadata:
      labels: {app: crawler}
    spec:
      containers:
        - name: crawler
          image: docker.io/library/crawler:1.0
`,
    });
    return openPull(fake, { repo, base, head: repo.commit('head'), number });
  }

  it('fix: suggest offers it as a suggestion for a person to accept', async () => {
    const pr = crawlerPullRequest();
    const run = await runPr(pr, { INPUT_FIX: 'suggest' });
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')) as { findings: { ruleId: string; fix?: { safe: boolean } }[] };
    expect(report.findings.filter((f) => f.ruleId === 'eip-missing').map((f) => f.fix?.safe)).toEqual([false]);
    const reviews = fake.reviews.get(pr.number)!;
    expect(reviews).toHaveLength(1);
    expect(reviews[0].comments.map((c) => c.path)).toEqual(['k8s/crawler.yaml']);
    expect(reviews[0].comments[0].body).toContain('k8s.aliyun.com/eci-with-eip: "true"');
  });

  it('fix: commit never commits it unasked', async () => {
    const pr = crawlerPullRequest();
    const before = fake.commits.length;
    const run = await runPr(pr, { INPUT_FIX: 'commit' });
    expect(fake.commits).toHaveLength(before);
    expect(run.outputs['fixed-files']).toBe('');
  });
});

describe('charts: the tree under the paths is walked once, for the scan, the rendering and the fixes', () => {
  /** Base: two charts, both quoting the EIP value. Head: only charts/web/values.yaml changes, to an unquoted true. */
  function chartPullRequest(config = ''): PullRequest {
    const number = nextNumber++;
    const repo = new GitRepo();
    temps.push(repo.dir);
    const chart = (name: string) => ({
      [`charts/${name}/Chart.yaml`]: CHART_YAML.replace('shop-web', name),
      [`charts/${name}/values.yaml`]: VALUES_CORRECT,
      [`charts/${name}/templates/deployment.yaml`]: DEPLOYMENT_TEMPLATE,
    });
    repo.write({ ...chart('web'), ...chart('api'), ...(config ? { '.eci-egress-lint.yml': config } : {}) });
    const base = repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write({ 'charts/web/values.yaml': VALUES_MISTAKE });
    return openPull(fake, { repo, base, head: repo.commit('head'), number });
  }

  const committed = () => {
    const input = fake.commits.at(-1)!.input as { fileChanges: { additions: { path: string; contents: string }[] } };
    return Object.fromEntries(input.fileChanges.additions.map((a) => [a.path, Buffer.from(a.contents, 'base64').toString('utf8')]));
  };

  it('the changed files: only the chart the change uses is rendered; its fix, verified by rendering again, is committed', async () => {
    const pr = chartPullRequest();
    const run = await runPr(pr, { INPUT_FIX: 'commit' });
    expect(run.stderr).toBe('');
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).not.toContain('charts/api');
    expect(committed()).toEqual({ 'charts/web/values.yaml': VALUES_MISTAKE.replace('eip: true', 'eip: "true"') });
  });

  it('scan: all reads the files it found while walking for the charts; both charts are rendered, the fix is committed', async () => {
    const pr = chartPullRequest();
    const run = await runPr(pr, { INPUT_FIX: 'commit', INPUT_SCAN: 'all' });
    expect(run.stderr).toBe('');
    expect(run.outputs.findings).toBe('1');
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')) as { files: { path: string; status: string }[] };
    expect(report.files.map((f) => f.path)).toEqual(expect.arrayContaining(['charts/api/values.yaml', 'charts/web/templates/deployment.yaml']));
    expect(committed()).toEqual({ 'charts/web/values.yaml': VALUES_MISTAKE.replace('eip: true', 'eip: "true"') });
  });

  it('rendering off: with the changed files no chart is rendered and nothing is fixed; with scan: all the templates are skipped', async () => {
    const config = 'render:\n  enabled: false\n';
    const changed = await runPr(chartPullRequest(config), { INPUT_FIX: 'commit' });
    expect(changed.stderr).toBe('');
    expect(changed.outputs.findings).toBe('0');
    expect(changed.outputs['fixed-files']).toBe('');

    const all = await runPr(chartPullRequest(config), { INPUT_FIX: 'commit', INPUT_SCAN: 'all' });
    const report = JSON.parse(fs.readFileSync(all.outputs['report-file'], 'utf8')) as { files: { path: string; status: string }[] };
    expect(report.files.filter((f) => f.status === 'skipped').map((f) => f.path).sort()).toEqual([
      'charts/api/templates/deployment.yaml',
      'charts/web/templates/deployment.yaml',
    ]);
    expect(all.outputs['fixed-files']).toBe('');
  });
});
