/**
 * The built action (dist/index.js) run as the runner runs it, against a fake GitHub API on 127.0.0.1: pull
 * requests, forks, act, failures and rate limits. Every run counts its API calls and checks a bound:
 * pages of files + batches of annotations + a small constant.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { FakeGitHub, type FakeFile } from '../github/fake-github.js';
import { GitRepo } from '../github/git-repo.js';
import { describeIfBuilt } from './helpers.js';
import {
  BASE,
  CLEAN,
  checkCalls,
  commands,
  CONSTANT,
  HEAD,
  manyFindings,
  misplaced,
  pages,
  prPayload,
  removeTemps,
  runAction,
  temps,
  TOKEN,
  workspaceWith,
  type Run,
} from './github-run.js';

jest.setTimeout(180_000);
afterAll(removeTemps);

describeIfBuilt('the action against a fake GitHub API', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.failures = [];
  });

  it('a clean pull request: a successful check run, no comment, outputs set; calls within the bound', async () => {
    const ws = workspaceWith({ 'k8s/api.yaml': CLEAN, 'README.md': '# hi\n' });
    fake.addPull(1, ws.list);
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(1, { changedFiles: 2 }) });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0', 'monthly-cost': '', 'fixed-files': '', 'sarif-file': '' });
    expect(path.isAbsolute(run.outputs['report-file'])).toBe(true);
    const run0 = fake.checkRuns.at(-1)!;
    expect(run0).toMatchObject({ head_sha: HEAD, status: 'completed', conclusion: 'success', annotations: [] });
    expect(fake.comments.get(1)).toEqual([]);
    expect(run.calls.map((c) => `${c.method} ${c.operation ?? c.path}`)).toEqual([
      'GET /repos/acme/shop/pulls/1/files',
      'POST /repos/acme/shop/check-runs',
      'POST comments',
    ]);
    expect(run.calls.length).toBeLessThanOrEqual(pages(run.calls) + 1 + CONSTANT);
    expect(run.summary).toContain(':white_check_mark: **eci-egress-lint: All clear**: no problems.');
    expect(run.summary).toContain('<sub>Scanned 1 of the 2 files pull request \\#\u200b1 changes.</sub>');
    expect(commands(run.stdout)).toEqual([]);
  });

  describe('a pull request with 120 findings, run three times', () => {
    let first: Run;
    let second: Run;
    let third: Run;
    let ws: { dir: string; list: FakeFile[] };
    beforeAll(async () => {
      ws = workspaceWith(manyFindings());
      fake.addPull(2, ws.list);
      first = await runAction({ workspace: ws.dir, fake, payload: prPayload(2, { changedFiles: 12 }), inputs: { 'INPUT_FAIL-ON': 'error' } });
      // The second run: one finding fixed; the third: the same again.
      fs.writeFileSync(path.join(ws.dir, 'k8s/team-00.yaml'), [CLEAN, ...Array.from({ length: 9 }, (_, i) => misplaced(`svc-0-${i + 1}`))].join('---\n'));
      second = await runAction({ workspace: ws.dir, fake, payload: prPayload(2, { changedFiles: 12 }) });
      third = await runAction({ workspace: ws.dir, fake, payload: prPayload(2, { changedFiles: 12 }) });
    });

    it('fails on the errors and still sets every output', () => {
      expect(first.status).toBe(1);
      expect(first.outputs).toMatchObject({ findings: '120', errors: '120', warnings: '0' });
      for (const name of ['monthly-cost', 'monthly-cost-change', 'break-even-pods', 'report-file', 'sarif-file', 'fixed-files']) expect(first.outputs).toHaveProperty([name]);
      expect(first.stdout).toMatch(/^::error::120 finding\(s\); 120 error\(s\), 0 warning\(s\) \(fail-on: error\)$/m);
    });

    it('the check run is on the head commit (not the merge commit) and gets every finding in 3 batches of at most 50', () => {
      const calls = checkCalls(first.calls);
      expect(calls.map((c) => [c.method, (c.body as { output: { annotations: unknown[] } }).output.annotations.length])).toEqual([
        ['POST', 50],
        ['PATCH', 50],
        ['PATCH', 20],
      ]);
      expect((calls[0].body as { head_sha: string }).head_sha).toBe(HEAD);
      const run = fake.checkRuns.find((r) => r.annotations.length === 120)!;
      expect(run).toMatchObject({ head_sha: HEAD, conclusion: 'failure', status: 'completed' });
      expect(run.annotations[0]).toMatchObject({ path: 'k8s/team-00.yaml', start_line: 7, end_line: 7, start_column: 5, annotation_level: 'failure', title: 'eip-misplaced' });
      // With a check run, no workflow-command annotations.
      expect(commands(first.stdout)).toEqual([]);
    });

    it('one comment, with a verdict and findings linked to their lines at the head commit', () => {
      const comments = fake.comments.get(2)!;
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toContain(':x: **eci-egress-lint: Fails**: 119 errors');
      expect(comments[0].body).toContain(`[k8s/team-01.yaml#L7](https://github.com/acme/shop/blob/${HEAD}/k8s/team-01.yaml#L7)`);
    });

    it('the second run updates the one comment; the third, with the same body, writes no comment', () => {
      expect(second.calls.filter((c) => c.method === 'PATCH' && /issues\/comments/.test(c.path))).toHaveLength(1);
      expect(second.calls.filter((c) => c.method === 'POST' && /issues\/\d+\/comments/.test(c.path))).toHaveLength(0);
      expect(third.calls.filter((c) => /issues/.test(c.path))).toEqual([]);
      expect(fake.comments.get(2)).toHaveLength(1);
      expect(third.stdout).toContain('Summary comment unchanged (no write).');
    });

    it('API calls: pages of files + batches of annotations + the constant', () => {
      for (const run of [first, second, third]) {
        const batches = checkCalls(run.calls).length;
        expect(batches).toBe(3);
        expect(pages(run.calls)).toBe(1);
        expect(run.calls.length).toBeLessThanOrEqual(pages(run.calls) + batches + CONSTANT);
      }
      expect(first.calls.length).toBe(1 + 3 + 2);
      expect(third.calls.length).toBe(1 + 3 + 1);
    });

    it('the job summary has the full report and what was scanned', () => {
      expect(first.summary).toContain(':x: **eci-egress-lint: Fails**: 120 errors');
      expect(first.summary).toContain('<sub>Scanned the 12 files pull request \\#\u200b2 changes.</sub>');
      expect(first.summary.split('\n').filter((l) => l.startsWith('- :x: '))).toHaveLength(120);
    });
  });

  it('a fork: one refused write, then no more; workflow commands and one notice; the result follows fail-on', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(3, ws.list);
    fake.failures = [{ match: /^(POST|PATCH|PUT|DELETE) /, status: 403, message: 'Resource not accessible by integration' }];
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(3, { fork: true, changedFiles: 1 }) });
    expect(run.status).toBe(1);
    expect(run.outputs.errors).toBe('1');
    expect(run.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'GET /repos/acme/shop/pulls/3/files 200',
      'POST /repos/acme/shop/check-runs 403',
    ]);
    expect(commands(run.stdout, 'error').filter((c) => c!.properties.file)).toHaveLength(1);
    const notices = commands(run.stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toContain('the check run: the token may not do this (403 Resource not accessible by integration)');
    expect(notices[0]!.message).toContain('the summary comment: not attempted, the token is read-only (a pull request from a fork gets a read-only token)');
    expect(run.summary).toContain('Some results could not be written to GitHub.');
    expect(run.summary).toContain(':x: **eci-egress-lint: Fails**: 1 error');
  });

  it('act: no token and ACT=true make no API call; the files come from git', async () => {
    const repo = new GitRepo();
    temps.push(repo.dir);
    repo.write({ 'k8s/old.yaml': CLEAN });
    const base = repo.commit('base');
    repo.write({ 'k8s/new.yaml': misplaced('new') });
    repo.commit('head');
    fake.reset();
    const modes: Record<string, string>[] = [{ ACT: 'true' }, {}];
    for (const env of modes) {
      const run = await runAction({ workspace: repo.dir, fake, payload: prPayload(4, { base }), token: env.ACT ? TOKEN : null, env, inputs: { 'INPUT_FAIL-ON': 'never' } });
      expect(run.status).toBe(0);
      expect(run.calls).toEqual([]);
      expect(run.outputs.findings).toBe('1');
      expect(JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['k8s/new.yaml']);
      expect(commands(run.stdout, 'error')).toHaveLength(1);
      expect(run.stdout).toContain('k8s/new.yaml\n  7:5');
    }
    expect(fake.requests).toEqual([]);
  });

  it('act without the base commit: every file, with a notice', async () => {
    const ws = workspaceWith({ 'k8s/a.yaml': CLEAN, 'k8s/b.yaml': misplaced('b') });
    const run = await runAction({ workspace: ws.dir, payload: prPayload(5), env: { ACT: 'true' }, inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(run.outputs.findings).toBe('1');
    expect(commands(run.stdout, 'notice').map((c) => c!.message)).toEqual([expect.stringContaining('so every file is scanned')]);
  });

  describe('a pull request over 3,000 files', () => {
    it('with history: the files from git, no page of files, annotations within the bound', async () => {
      const repo = new GitRepo();
      temps.push(repo.dir);
      repo.write({ 'k8s/keep.yaml': CLEAN });
      const base = repo.commit('base');
      const files: Record<string, string> = {};
      for (let i = 0; i < 3005; i++) files[`docs/page-${i}.md`] = `page ${i}\n`;
      files['k8s/bad.yaml'] = misplaced('bad');
      repo.write(files);
      repo.commit('head');
      fake.addPull(6, []);
      const run = await runAction({ workspace: repo.dir, fake, payload: prPayload(6, { base, changedFiles: 3006 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
      expect(run.status).toBe(0);
      expect(pages(run.calls)).toBe(0);
      expect(run.outputs.findings).toBe('1');
      expect(run.calls.length).toBeLessThanOrEqual(0 + 1 + CONSTANT);
      expect(run.stdout).toContain('(the API lists at most 3000 files of a pull request)');
    });

    it('without history: every file, with a notice', async () => {
      const ws = workspaceWith({ 'k8s/a.yaml': misplaced('a'), 'k8s/b.yaml': misplaced('b') });
      fake.addPull(7, []);
      const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(7, { changedFiles: 3500 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
      expect(pages(run.calls)).toBe(0);
      expect(run.outputs.findings).toBe('2');
      expect(commands(run.stdout, 'notice').map((c) => c!.message)).toEqual([expect.stringContaining('could not be listed (the API lists at most 3000 files of a pull request)')]);
    });
  });

  it('a 502 once and a secondary rate limit are retried; the run is whole', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(8, ws.list);
    fake.failures = [
      { match: 'GET /repos/acme/shop/pulls/8/files', status: 502, times: 1 },
      { match: 'POST /repos/acme/shop/check-runs', status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '1' }, times: 1 },
    ];
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(8, { changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(run.status).toBe(0);
    expect(run.calls.map((c) => `${c.method} ${c.operation ?? c.path} ${c.status}`)).toEqual([
      'GET /repos/acme/shop/pulls/8/files 502',
      'GET /repos/acme/shop/pulls/8/files 200',
      'POST /repos/acme/shop/check-runs 403',
      'POST /repos/acme/shop/check-runs 201',
      'POST comments 200',
      'POST /repos/acme/shop/issues/8/comments 201',
    ]);
    expect(commands(run.stdout, 'notice')).toEqual([]);
    // Two retries on top of the bound.
    expect(run.calls.length).toBeLessThanOrEqual(pages(run.calls) + 1 + CONSTANT + 2);
  });

  it('403 on checks (not a fork): workflow commands instead, the comment is still posted, one notice', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(9, ws.list);
    fake.failures = [{ match: 'POST /repos/acme/shop/check-runs', status: 403, message: 'Resource not accessible by integration' }];
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(9, { changedFiles: 1 }) });
    expect(run.status).toBe(1);
    expect(commands(run.stdout, 'error').filter((c) => c!.properties.file)).toHaveLength(1);
    expect(fake.comments.get(9)).toHaveLength(1);
    const notices = commands(run.stdout, 'notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/the check run: the token may not do this.*the annotations were written as workflow commands/);
  });

  it('422 on the comment: one notice; the findings and the result are unchanged', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(10, ws.list);
    fake.failures = [{ match: 'POST /repos/acme/shop/issues/10/comments', status: 422, message: 'Body is too long' }];
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(10, { changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'warning' } });
    expect(run.status).toBe(1);
    expect(run.outputs.errors).toBe('1');
    expect(fake.checkRuns.at(-1)!.annotations).toHaveLength(1);
    expect(commands(run.stdout, 'notice').map((c) => c!.message)).toEqual([expect.stringContaining('the summary comment: GitHub refused it (422 Body is too long)')]);
  });

  it('the token is masked and printed nowhere else', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(11, ws.list);
    fake.failures = [{ match: /^POST /, status: 401, message: 'Bad credentials' }];
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(11, { changedFiles: 1 }) });
    const lines = `${run.stdout}\n${run.stderr}\n${run.summary}`.split('\n').filter((l) => l.includes(TOKEN));
    expect(lines).toEqual([`::add-mask::${TOKEN}`]);
    expect(fs.readFileSync(run.outputs['report-file'], 'utf8')).not.toContain(TOKEN);
  });

  it('a comment from a person that quotes the marker is never edited', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(12, ws.list);
    const quoted = fake.addComment(12, '<!-- eci-egress-lint:summary-comment -->\nI pasted the bot comment here', 'mallory');
    await runAction({ workspace: ws.dir, fake, payload: prPayload(12, { changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    const comments = fake.comments.get(12)!;
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual(quoted);
  });

  it('a file named like HTML and a workload named @everyone reach the comment as text', async () => {
    const ws = workspaceWith({ 'k8s/<img src=x onerror=alert(1)>.yaml': misplaced('"@everyone"') });
    fake.addPull(13, ws.list);
    await runAction({ workspace: ws.dir, fake, payload: prPayload(13, { changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    const body = fake.comments.get(13)![0].body;
    expect(body).toContain('Deployment @\u200beveryone');
    expect(body).not.toContain('<img');
    expect(body).not.toMatch(/@(?!\u200b)everyone/);
  });

  it('comment: hide-and-new minimises the earlier comment through GraphQL', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(14, ws.list);
    await runAction({ workspace: ws.dir, fake, payload: prPayload(14, { changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    fs.writeFileSync(path.join(ws.dir, 'k8s/app.yaml'), misplaced('app2'));
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(14, { changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never', INPUT_COMMENT: 'hide-and-new' } });
    expect(run.calls.filter((c) => c.operation === 'minimizeComment')).toHaveLength(1);
    expect(fake.comments.get(14)!.map((c) => c.minimized)).toEqual([true, false]);
  });

  it('annotations: commands and comment: off make no write', async () => {
    const ws = workspaceWith({ 'k8s/app.yaml': misplaced('app') });
    fake.addPull(15, ws.list);
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(15, { changedFiles: 1 }), inputs: { INPUT_ANNOTATIONS: 'commands', INPUT_COMMENT: 'off', 'INPUT_FAIL-ON': 'never' } });
    expect(fake.writes().filter((w) => run.calls.includes(w))).toEqual([]);
    expect(commands(run.stdout, 'error')).toHaveLength(1);
    expect(run.stdout).toContain('The job summary lists all 1 finding(s).');
  });

  it('scan: all on a pull request reads no page of files', async () => {
    const ws = workspaceWith({ 'k8s/a.yaml': misplaced('a'), 'k8s/b.yaml': CLEAN });
    fake.addPull(16, [ws.list[0]]);
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(16, { changedFiles: 1 }), inputs: { INPUT_SCAN: 'all', 'INPUT_FAIL-ON': 'never' } });
    expect(pages(run.calls)).toBe(0);
    expect(JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')).files).toHaveLength(2);
  });

  it('the base side through the API (one GraphQL query): the cost change, and a deleted file counts for the base only', async () => {
    const eip = (name: string, replicas: number) => CLEAN.replace('name: api', `name: ${name}`).replace('replicas: 2', `replicas: ${replicas}`).replace('labels: {app: api}\n', 'labels: {app: api}\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n');
    const ws = workspaceWith({ 'k8s/web.yaml': eip('web', 4) });
    fake.addPull(17, [
      { filename: 'k8s/web.yaml', status: 'modified', patch: '@@ -7 +7 @@\n-  replicas: 2\n+  replicas: 4' },
      { filename: 'k8s/old.yaml', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
    ]);
    fake.blobs.set(`${BASE}:k8s/web.yaml`, eip('web', 2));
    fake.blobs.set(`${BASE}:k8s/old.yaml`, eip('old', 1));
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(17, { changedFiles: 2 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    expect(run.calls.filter((c) => c.operation === 'blobs')).toHaveLength(1);
    const variables = (run.calls.find((c) => c.operation === 'blobs')!.body as { variables: Record<string, string> }).variables;
    expect([variables.e0, variables.e1]).toEqual([`${BASE}:k8s/web.yaml`, `${BASE}:k8s/old.yaml`]);
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8'));
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(['k8s/web.yaml']);
    // 4 pods now; 2 + 1 at the base: one more EIP than before.
    const perPod = Number(run.outputs['monthly-cost']) / 4;
    expect(Number(run.outputs['monthly-cost-change'])).toBeCloseTo(perPod, 1);
    // A clean run: no comment; the cost table is in the job summary.
    expect(run.outputs.findings).toBe('0');
    expect(fake.comments.get(17)).toEqual([]);
    expect(run.summary).toMatch(/EIP cost USD [\d.]+ → [\d.]+ a month \(\+[\d.]+\)/);
    expect(run.summary).toContain('**EIP cost by workload (2 workloads, USD a month)**');
    expect(run.calls.length).toBeLessThanOrEqual(pages(run.calls) + 1 + CONSTANT);
  });

  it('new-only: only the findings the base does not have', async () => {
    const repo = new GitRepo();
    temps.push(repo.dir);
    repo.write({ 'k8s/a.yaml': misplaced('a') });
    const base = repo.commit('base');
    repo.write({ 'k8s/a.yaml': `${misplaced('a')}---\n${misplaced('b')}` });
    repo.commit('head');
    fake.addPull(18, [{ filename: 'k8s/a.yaml', status: 'modified', patch: '@@ -18,0 +19,18 @@\n+x' }]);
    const all = await runAction({ workspace: repo.dir, fake, payload: prPayload(18, { base, changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never' } });
    const fresh = await runAction({ workspace: repo.dir, fake, payload: prPayload(18, { base, changedFiles: 1 }), inputs: { 'INPUT_FAIL-ON': 'never', 'INPUT_NEW-ONLY': 'true' } });
    expect(all.outputs.findings).toBe('2');
    expect(fresh.outputs.findings).toBe('1');
    expect(fresh.summary).toContain('Deployment b get');
    expect(fresh.summary).not.toContain('Deployment a get');
  });

  it('the paths input narrows the changed files', async () => {
    const ws = workspaceWith({ 'k8s/a.yaml': misplaced('a'), 'other/b.yaml': misplaced('b') });
    fake.addPull(19, ws.list);
    const run = await runAction({ workspace: ws.dir, fake, payload: prPayload(19, { changedFiles: 2 }), inputs: { INPUT_PATHS: 'k8s', 'INPUT_FAIL-ON': 'never' } });
    expect(JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['k8s/a.yaml']);
  });

  it('a push: the pushed range from git, annotations on the pushed commit', async () => {
    const repo = new GitRepo();
    temps.push(repo.dir);
    repo.write({ 'k8s/old.yaml': misplaced('old') });
    const before = repo.commit('before');
    repo.write({ 'k8s/new.yaml': misplaced('new') });
    const after = repo.commit('after');
    const run = await runAction({
      workspace: repo.dir,
      fake,
      event: 'push',
      payload: { before, after },
      env: { GITHUB_SHA: after },
      inputs: { 'INPUT_FAIL-ON': 'never' },
    });
    expect(run.outputs.findings).toBe('1');
    expect(run.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /repos/acme/shop/check-runs']);
    expect((run.calls[0].body as { head_sha: string }).head_sha).toBe(after);
  });
});
