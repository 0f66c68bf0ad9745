import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { readBaseConfig } from '../../src/github/base-config.js';
import type { RunContext } from '../../src/github/context.js';
import { GitRepo } from '../github/git-repo.js';

const repos: GitRepo[] = [];
afterAll(() => {
  for (const repo of repos) fs.rmSync(repo.dir, { recursive: true, force: true });
});

function context(pr?: { baseSha: string }): RunContext {
  return {
    eventName: pr ? 'pull_request' : 'workflow_dispatch',
    owner: 'acme',
    repo: 'shop',
    sha: 'f'.repeat(40),
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    graphqlUrl: 'https://api.github.com/graphql',
    act: true,
    pullRequest: pr && { number: 1, headSha: 'e'.repeat(40), headRef: 'feature', headRepo: 'acme/shop', baseSha: pr.baseSha, baseRef: 'main', fork: false },
  };
}

/** A repository whose base commit has a strict config and whose head (the pull request) switches every rule off. */
function repository(baseConfig: Record<string, string | null>): { repo: GitRepo; base: string } {
  const repo = new GitRepo();
  repos.push(repo);
  const base = repo.write({ 'README.md': 'x\n', ...baseConfig }).commit('base');
  repo.write({ '.github/eci-egress-lint.yml': "rules: {eip-missing: 'off', eip-misplaced: 'off'}\nignore: [{rule: '*', reason: mine}]\n" }).commit('pull request');
  return { repo, base };
}

describe('config-from: base', () => {
  it('reads the config of the base commit, not the one the pull request changed', async () => {
    const { repo, base } = repository({ '.github/eci-egress-lint.yml': 'cluster: virtual-node\n' });
    const outcome = await readBaseConfig(repo.dir, context({ baseSha: base }), undefined);
    expect(outcome.note).toBe(`config-from: base: the config is .github/eci-egress-lint.yml at the base ${base.slice(0, 7)}.`);
    const { config } = loadConfig(repo.dir, undefined, {}, { raw: outcome.loaded });
    expect(config.cluster).toBe('virtual-node');
    expect(config.ignore).toEqual([]);
    expect(config.rules).toEqual({});
    // Without the setting, the pull request's config turns everything off.
    expect(loadConfig(repo.dir).config.ignore).toEqual([{ rule: '*', reason: 'mine' }]);
  });

  it('uses the defaults when the base has no config file', async () => {
    const { repo, base } = repository({});
    const outcome = await readBaseConfig(repo.dir, context({ baseSha: base }), undefined);
    expect(outcome.note).toBe(`config-from: base: the base ${base.slice(0, 7)} has no config file; the defaults are used.`);
    expect(loadConfig(repo.dir, undefined, {}, { raw: outcome.loaded }).config.ignore).toEqual([]);
  });

  it('reads the config input\'s path at the base, and refuses a path out of the repository', async () => {
    const { repo, base } = repository({ 'policy/egress.yml': 'egress: nat\n' });
    const outcome = await readBaseConfig(repo.dir, context({ baseSha: base }), undefined, 'policy/egress.yml');
    expect(loadConfig(repo.dir, 'policy/egress.yml', {}, { raw: outcome.loaded }).config.egress).toBe('nat');
    await expect(readBaseConfig(repo.dir, context({ baseSha: base }), undefined, 'missing.yml')).rejects.toThrow(
      `config missing.yml: the base ${base.slice(0, 7)} has no such file (config-from: base)`,
    );
    await expect(readBaseConfig(repo.dir, context({ baseSha: base }), undefined, '../etc/passwd')).rejects.toThrow(ConfigError);
  });

  it('a link at the base is read as git stores it (its target\'s name), never followed', async () => {
    const repo = new GitRepo();
    repos.push(repo);
    fs.mkdirSync(path.join(repo.dir, '.github'));
    fs.symlinkSync('/proc/self/environ', path.join(repo.dir, '.github', 'eci-egress-lint.yml'));
    const base = repo.commit('base');
    await expect(readBaseConfig(repo.dir, context({ baseSha: base }), undefined)).rejects.toThrow(
      `config .github/eci-egress-lint.yml (at the base ${base.slice(0, 7)}): (top level): must be a map of keys (got "/proc/self/environ")`,
    );
  });

  it('fails, rather than use the pull request\'s config, when the base cannot be read', async () => {
    const { repo } = repository({});
    await expect(readBaseConfig(repo.dir, context({ baseSha: 'a'.repeat(40) }), undefined)).rejects.toThrow(
      'config-from: base: the base commit aaaaaaa is not in the checkout and there is no API access to read it; check out with fetch-depth: 0 (or give a token)',
    );
  });

  it('without a base commit, says so and leaves the checkout\'s config in place', async () => {
    const { repo } = repository({});
    expect(await readBaseConfig(repo.dir, context(), undefined)).toEqual({
      note: 'config-from: base: this run has no base commit (not a pull request or a push); the config of the checkout is used.',
    });
  });
});
