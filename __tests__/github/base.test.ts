import { baseFilesOf, readBaseWithApi, readBaseWithGit } from '../../src/github/base.js';
import { FakeGitHub } from './fake-github.js';
import { GitRepo } from './git-repo.js';
import { fakeClient } from './helpers.js';

describe('the base side of a change', () => {
  it('every changed file but the added ones, under its head name', () => {
    const files = baseFilesOf(
      [
        { path: 'k8s/new.yaml', status: 'added' },
        { path: 'k8s/app.yaml', status: 'modified' },
        { path: 'k8s/gone.yaml', status: 'removed' },
        { path: 'k8s/renamed.yaml', status: 'renamed', previousPath: 'old/name.yaml' },
        { path: 'README.md', status: 'modified' },
      ],
      (p) => p.endsWith('.yaml'),
    );
    expect(files).toEqual([
      { basePath: 'k8s/app.yaml', path: 'k8s/app.yaml' },
      { basePath: 'k8s/gone.yaml', path: 'k8s/gone.yaml' },
      { basePath: 'old/name.yaml', path: 'k8s/renamed.yaml' },
    ]);
  });

  it('with git: the texts at the base commit; too big or binary files are skipped; missing ones left out', () => {
    const repo = new GitRepo();
    try {
      repo.write({ 'a.yaml': 'a: 1\n', 'big.yaml': 'x'.repeat(100), 'bin.yaml': 'a\u0000b' });
      const base = repo.commit();
      const sources = readBaseWithGit(
        repo.dir,
        base,
        ['a.yaml', 'big.yaml', 'bin.yaml', 'missing.yaml'].map((p) => ({ basePath: p, path: p })),
        50,
      );
      expect(sources).toEqual([
        { path: 'a.yaml', text: 'a: 1\n' },
        { path: 'big.yaml', skip: '1 KB is over the size limit of 1 KB (max-file-size)' },
        { path: 'bin.yaml', skip: 'a binary file (it contains NUL bytes)' },
      ]);
    } finally {
      repo.remove();
    }
  });

  describe('through the API', () => {
    const fake = new FakeGitHub();
    beforeAll(() => fake.start());
    afterAll(() => fake.stop());

    it('one GraphQL query per 50 files; a file not at the base is left out', async () => {
      const files = Array.from({ length: 120 }, (_, i) => ({ basePath: `k8s/f${i}.yaml`, path: `k8s/f${i}.yaml` }));
      for (const f of files.slice(0, 119)) fake.blobs.set(`base1:${f.basePath}`, `name: ${f.basePath}\n`);
      fake.reset();
      const sources = await readBaseWithApi(fakeClient(fake), 'base1', files, 1024);
      expect(fake.requests.map((r) => r.operation)).toEqual(['blobs', 'blobs', 'blobs']);
      expect(sources).toHaveLength(119);
      expect(sources[0]).toEqual({ path: 'k8s/f0.yaml', text: 'name: k8s/f0.yaml\n' });
      // Paths travel as variables, never inside the query text.
      expect((fake.requests[0].body as { query: string }).query).not.toContain('k8s/f0.yaml');
    });
  });
});
