// The package as users get it: `npm pack` gives a tarball that installs with no dependency, offline, into an empty
// folder and runs; the pre-commit hook runs its entry on the staged files of a repository.
import { jest } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { CLEAN_YAML, MISPLACED_YAML } from '../cli/helpers.js';
import { CLI, cleanEnv, describeIfBuilt, node, ROOT } from './helpers.js';

jest.setTimeout(300_000);

interface PackageJson {
  name: string;
  version: string;
  bin: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  repository: { type: string; url: string };
  homepage: string;
  bugs: { url: string };
  files: string[];
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-pkg-')));
  temps.push(dir);
  return dir;
}

/** npm, with its own empty cache and no registry to reach: everything must come from the tarball. */
function npm(args: string[], cwd: string, cache: string): string {
  const env = { ...cleanEnv() };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key)) delete env[key];
  // npm's options first: what follows `--` in args belongs to the command npm exec runs.
  const r = spawnSync('npm', ['--cache', cache, '--offline', '--no-audit', '--no-fund', '--registry', 'http://127.0.0.1:9/', ...args], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

describe('package.json', () => {
  it('has no runtime dependency: dist/ is self-contained', () => {
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['yaml', 'web-tree-sitter', '@actions/core']));
  });

  it('pins every version exactly', () => {
    for (const [name, version] of Object.entries(pkg.devDependencies)) expect(`${name}@${version}`).toMatch(/@\d+\.\d+\.\d+$/);
  });

  it('says where the project, its docs and its issues are', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/eci-egress-lint/eci-egress-lint.git' });
    expect(pkg.homepage).toBe('https://github.com/eci-egress-lint/eci-egress-lint#readme');
    expect(pkg.bugs.url).toBe('https://github.com/eci-egress-lint/eci-egress-lint/issues');
  });

  it('the README installs what exists (a tarball or the Git repository), not an unpublished name', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/npx eci-egress-lint/);
    expect(readme).toMatch(/npm exec --yes --package=\.\/eci-egress-lint-\d+\.\d+\.\d+\.tgz -- eci-egress-lint /);
  });
});

describeIfBuilt('npm pack', () => {
  let tarball: string;
  let consumer: string;
  let cache: string;
  beforeAll(() => {
    const out = tempDir();
    cache = path.join(tempDir(), 'cache');
    const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', out], ROOT, cache)) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(out, packed[0].filename);
    consumer = tempDir();
    fs.writeFileSync(path.join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    npm(['install', tarball], consumer, cache);
  });

  it('installs into an empty folder with nothing else: zero dependencies', () => {
    const installed = fs.readdirSync(path.join(consumer, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toEqual(['eci-egress-lint']);
    const lock = JSON.parse(fs.readFileSync(path.join(consumer, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).sort()).toEqual(['', 'node_modules/eci-egress-lint']);
  });

  it('holds dist/, the schema, action.yml and the pre-commit hook, and no source or tests', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(files).toEqual(expect.arrayContaining([
      'package/dist/cli.js', 'package/dist/index.js', 'package/dist/tree-sitter-hcl.wasm', 'package/schema/config.schema.json',
      'package/action.yml', 'package/.pre-commit-hooks.yaml', 'package/README.md', 'package/LICENSE', 'package/package.json',
    ]));
    expect(files.filter((f) => /^package\/(src|__tests__|node_modules)\//.test(f))).toEqual([]);
  });

  it('npm exec --package=<tarball> runs it without installing, as the README says', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'web.yaml'), MISPLACED_YAML);
    const out = npm(['exec', '--yes', `--package=${tarball}`, '--', 'eci-egress-lint', '--version'], dir, cache);
    expect(out).toBe(`${pkg.version}\n`);
  });

  it('the installed bin runs: --version, and a lint of YAML and Terraform', () => {
    const bin = path.join(consumer, 'node_modules', '.bin', 'eci-egress-lint');
    const version = spawnSync(bin, ['--version'], { cwd: consumer, env: cleanEnv(), encoding: 'utf8' });
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${pkg.version}\n`);
    fs.mkdirSync(path.join(consumer, 'k8s'));
    fs.writeFileSync(path.join(consumer, 'k8s', 'web.yaml'), MISPLACED_YAML);
    fs.copyFileSync(path.join(ROOT, 'examples', 'terraform', 'checkout.tf'), path.join(consumer, 'k8s', 'checkout.tf'));
    const r = spawnSync(bin, ['k8s', '-f', 'compact'], { cwd: consumer, env: cleanEnv(), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^k8s\/checkout\.tf:8:7: error eip-misplaced /m);
    expect(r.stdout).toMatch(/^k8s\/web\.yaml:7:5: error eip-misplaced /m);
  });
});

describeIfBuilt('the pre-commit hook', () => {
  interface Hook {
    id: string;
    entry: string;
    language: string;
    files: string;
  }
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  const hook = hooks[0];

  function git(cwd: string, args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' });
  }

  /** What pre-commit does: the staged files that match `files`, appended to the entry, run from the repository root. */
  function runHook(repo: string) {
    const staged = git(repo, ['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z']).split('\0').filter(Boolean);
    const matching = staged.filter((file) => new RegExp(hook.files).test(file));
    const [command, ...args] = hook.entry.split(/\s+/);
    // The entry's command is the package's bin, which pre-commit's node environment puts on the PATH.
    expect(pkg.bin[command]).toBe('dist/cli.js');
    return { matching, result: node([CLI, ...args, ...matching], { cwd: repo }) };
  }

  function repoWith(files: Record<string, string>, stage: string[]): string {
    const dir = tempDir();
    git(dir, ['init', '-q']);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    git(dir, ['add', ...stage]);
    return dir;
  }

  it('is a node hook for YAML and Terraform files', () => {
    expect(hook).toMatchObject({ id: 'eci-egress-lint', language: 'node', files: '\\.(ya?ml|tf|tf\\.json)$' });
  });

  it('fails the commit on a staged file with an error, and lints only the staged files', () => {
    const repo = repoWith(
      { 'k8s/web.yaml': MISPLACED_YAML, 'k8s/unstaged.yaml': MISPLACED_YAML, 'README.md': '# x\n', 'data.json': '{}' },
      ['k8s/web.yaml', 'README.md', 'data.json'],
    );
    const { matching, result } = runHook(repo);
    expect(matching).toEqual(['k8s/web.yaml']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('k8s/web.yaml');
    expect(result.stdout).not.toContain('unstaged.yaml');
  });

  it('passes a clean staged file', () => {
    const repo = repoWith({ 'k8s/api.yml': CLEAN_YAML, 'infra/main.tf': 'variable "x" {}\n' }, ['.']);
    const { matching, result } = runHook(repo);
    expect(matching.sort()).toEqual(['infra/main.tf', 'k8s/api.yml']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('passes when the config excludes every staged file (--allow-no-files)', () => {
    const repo = repoWith(
      { '.eci-egress-lint.yml': 'exclude: ["vendor/**"]\n', 'vendor/web.yaml': MISPLACED_YAML },
      ['vendor/web.yaml'],
    );
    const { result } = runHook(repo);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No problems found in 0 files.');
  });
});
