import { jest } from '@jest/globals';
import { findScope, listPullRequestFiles } from '../../src/github/files.js';
import type { RunContext } from '../../src/github/context.js';
import { FakeGitHub, type FakeFile } from './fake-github.js';
import { GitRepo } from './git-repo.js';
import { fakeClient, prContext } from './helpers.js';

const files = (n: number, prefix = 'k8s/f'): FakeFile[] => Array.from({ length: n }, (_, i) => ({ filename: `${prefix}${i}.yaml`, status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }));

describe('the files of a change', () => {
  const fake = new FakeGitHub();
  let repo: GitRepo;
  let base: string;
  let head: string;
  beforeAll(async () => {
    await fake.start();
    repo = new GitRepo();
    repo.write({ 'k8s/a.yaml': 'a: 1\n', 'k8s/b.yaml': 'b: 1\n', 'k8s/c.yaml': 'c: 1\n' });
    base = repo.commit('base');
    repo.write({ 'k8s/a.yaml': 'a: 2\n', 'k8s/b.yaml': null, 'k8s/d.yaml': 'd: 1\n' });
    head = repo.commit('head');
  });
  afterAll(async () => {
    await fake.stop();
    repo.remove();
  });
  let stdout: string[];
  beforeEach(() => {
    fake.reset();
    fake.failures = [];
    stdout = [];
    jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
      stdout.push(String(chunk));
      return true;
    }) as typeof process.stdout.write);
  });
  afterEach(() => jest.restoreAllMocks());
  const notices = () => stdout.join('').split('\n').filter((l) => l.startsWith('::notice'));

  const context = (pr: Partial<NonNullable<RunContext['pullRequest']>> = {}, extra: Partial<RunContext> = {}): RunContext => {
    const c = prContext(fake, extra);
    c.pullRequest = { ...c.pullRequest!, baseSha: base, ...pr };
    return c;
  };
  const sorted = (scope: Awaited<ReturnType<typeof findScope>>) =>
    scope.kind === 'changed' ? scope.files.map((f) => `${f.status} ${f.path}`).sort() : scope.kind;

  it('a pull request: every page of 100 from the API, and no more pages than the count says', async () => {
    fake.addPull(21, files(250));
    const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ number: 21, changedFiles: 250 }), github: fakeClient(fake) });
    expect(scope).toMatchObject({ kind: 'changed', source: 'api', base, baseInCheckout: true });
    expect(scope.kind === 'changed' && scope.files).toHaveLength(250);
    expect(fake.requests.map((r) => r.query.page)).toEqual(['1', '2', '3']);
    expect(fake.requests.every((r) => r.query.per_page === '100')).toBe(true);
  });

  it('without a count, pages until a short page', async () => {
    fake.addPull(22, files(200));
    expect(await listPullRequestFiles(fakeClient(fake), 22)).toHaveLength(200);
    expect(fake.requests).toHaveLength(3);
  });

  it('over 3,000 files (by the payload count): no API call, the files from git', async () => {
    fake.addPull(23, files(10));
    const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ number: 23, changedFiles: 3001 }), github: fakeClient(fake) });
    expect(fake.requests).toHaveLength(0);
    expect(scope).toMatchObject({ kind: 'changed', source: 'git' });
    expect(sorted(scope)).toEqual(['added k8s/d.yaml', 'modified k8s/a.yaml', 'removed k8s/b.yaml']);
  });

  it('the API stops at 3,000 files: 30 pages, then git', async () => {
    fake.addPull(24, files(3005));
    const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ number: 24 }), github: fakeClient(fake) });
    expect(fake.requests).toHaveLength(30);
    expect(scope).toMatchObject({ kind: 'changed', source: 'git' });
  });

  it('over the cap and no history: every file, with a notice', async () => {
    const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ number: 25, changedFiles: 5000, baseSha: 'f'.repeat(40), baseRef: 'nope' }), github: fakeClient(fake) });
    expect(scope.kind).toBe('all');
    expect(notices()).toEqual([expect.stringContaining('could not be listed (the API lists at most 3000 files of a pull request)')]);
  });

  it('the API fails: git; and without history, every file with a notice that says why', async () => {
    fake.failures = [{ match: /pulls\/26\/files/, status: 404, message: 'Not Found' }];
    const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ number: 26 }), github: fakeClient(fake) });
    expect(scope).toMatchObject({ kind: 'changed', source: 'git', why: expect.stringContaining('(the API did not list them: 404 Not Found)') });
    const none = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ number: 26, baseSha: 'f'.repeat(40), baseRef: 'gone' }), github: fakeClient(fake) });
    expect(none.kind).toBe('all');
    expect(notices()).toEqual([expect.stringContaining('could not be listed (the API did not list them: 404 Not Found)')]);
  });

  it('act or no token: git from the payload base, else origin/$GITHUB_BASE_REF, else every file with a notice', async () => {
    expect(sorted(await findScope({ workspace: repo.dir, scan: 'changed', context: context({}, { act: true }) }))).toEqual([
      'added k8s/d.yaml',
      'modified k8s/a.yaml',
      'removed k8s/b.yaml',
    ]);
    repo.git('update-ref', 'refs/remotes/origin/main', base);
    const viaRef = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ baseSha: 'f'.repeat(40) }, { act: true, baseRef: 'main' }) });
    expect(viaRef).toMatchObject({ kind: 'changed', source: 'git', base });
    repo.git('update-ref', '-d', 'refs/remotes/origin/main');
    const none = await findScope({ workspace: repo.dir, scan: 'changed', context: context({ baseSha: 'f'.repeat(40), baseRef: 'gone' }, { act: true, baseRef: 'gone' }) });
    expect(none.kind).toBe('all');
    expect(notices()).toEqual([expect.stringContaining('running under act')]);
    expect(fake.requests).toHaveLength(0);
  });

  it('scan: all, and events other than pull requests and pushes: every file', async () => {
    expect((await findScope({ workspace: repo.dir, scan: 'all', context: context() })).kind).toBe('all');
    const dispatch = { ...prContext(fake), eventName: 'workflow_dispatch', pullRequest: undefined };
    expect(await findScope({ workspace: repo.dir, scan: 'changed', context: dispatch })).toMatchObject({ kind: 'all', why: 'a workflow_dispatch event scans every file' });
  });

  describe('pushes', () => {
    const push = (before: string, after: string): RunContext => ({ ...prContext(fake), eventName: 'push', pullRequest: undefined, push: { before, after }, sha: after });

    it('the pushed range from git', async () => {
      const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: push(base, head) });
      expect(scope).toMatchObject({ kind: 'changed', source: 'git', base });
      expect(sorted(scope)).toEqual(['added k8s/d.yaml', 'modified k8s/a.yaml', 'removed k8s/b.yaml']);
    });

    it('a new branch (before is zeros): every file, no notice', async () => {
      expect((await findScope({ workspace: repo.dir, scan: 'changed', context: push('0'.repeat(40), head) })).kind).toBe('all');
      expect(notices()).toEqual([]);
    });

    it('history missing: the compare API; failing that, every file with a notice', async () => {
      const before = 'a'.repeat(40);
      fake.compares.set(`${before}...${head}`, [{ filename: 'k8s/x.yaml', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }]);
      const scope = await findScope({ workspace: repo.dir, scan: 'changed', context: push(before, head), github: fakeClient(fake) });
      expect(scope).toMatchObject({ kind: 'changed', source: 'api', base: before, baseInCheckout: false });
      expect(fake.requests.map((r) => r.path)).toEqual([`/repos/acme/shop/compare/${before}...${head}`]);
      const none = await findScope({ workspace: repo.dir, scan: 'changed', context: push('b'.repeat(40), head), github: fakeClient(fake) });
      expect(none.kind).toBe('all');
      expect(notices()).toEqual([expect.stringContaining('could not be listed')]);
    });
  });
});
