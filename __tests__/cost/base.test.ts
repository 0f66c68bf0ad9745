/**
 * --base and --new-only in a temporary git repository: commit, change, commit, then run the CLI with
 * --base HEAD~1. Singapore list prices, defaults: 1.17 a pod a month.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readBaseSources } from '../../src/files/git.js';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';
import { deployment } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function write(root: string, files: Record<string, string | null>): void {
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(root, ...name.split('/'));
    if (text === null) {
      fs.rmSync(full);
      continue;
    }
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
}

/** A Deployment with the EIP key on its own metadata (eip-misplaced), after `lead` lines of comments. */
function misplaced(name: string, lead = 0): string {
  return '# comment\n'.repeat(lead) + deployment({ name, annotations: {} }).replace(
    `metadata:\n  name: ${name}\n`,
    `metadata:\n  name: ${name}\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n`,
  );
}

interface CostJson {
  workloads: { name: string; file: string; status: string; pods: { min: number; max: number }; monthly: { max: number }; base: { file: string; monthly: { max: number } } | null; change: { min: number; max: number } | null }[];
  total: { min: number; max: number };
  base?: { total: { min: number; max: number } };
  change?: { min: number; max: number };
  natAlternative: { monthly: number; pods: number };
}

afterAll(removeTempTrees);

describe('--base in a git repository', () => {
  let root: string;
  beforeAll(() => {
    root = tempTree({
      'k8s/web.yaml': deployment({ name: 'web', replicas: '2' }),
      'k8s/old.yaml': deployment({ name: 'legacy', replicas: '1' }),
      'k8s/api.yaml': deployment({ name: 'api', replicas: '1' }),
      'k8s/misplaced.yaml': misplaced('side'),
      'notes.txt': 'not scanned\n',
    });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    write(root, {
      'k8s/web.yaml': deployment({ name: 'web', replicas: '10' }), // 2 → 10 pods
      'k8s/old.yaml': null, // deleted
      'k8s/api.yaml': null, // moved, and 1 → 3 pods
      'services/api.yaml': deployment({ name: 'api', replicas: '3' }),
      'k8s/new.yaml': deployment({ name: 'fresh', replicas: '1' }) + '---\n' + misplaced('fresh-side'),
      'k8s/misplaced.yaml': misplaced('side', 3), // the same finding, three lines lower
    });
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'head');
  });

  it('the JSON report has base and change, in total and per workload matched by kind/namespace/name', async () => {
    const r = await runCli(['--base', 'HEAD~1', '--format', 'json', '--fail-on', 'never'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cost = JSON.parse(r.stdout).cost as CostJson;
    // Base: web 2 + legacy 1 + api 1 = 4 pods = 4.68; head: web 10 + api 3 + fresh 1 = 14 pods = 16.38.
    expect(cost.base).toEqual({ total: { min: 4.68, max: 4.68 }, unknownWorkloads: 0 });
    expect(cost.total).toEqual({ min: 16.38, max: 16.38 });
    expect(cost.change).toEqual({ min: 11.7, max: 11.7 });
    const byName = Object.fromEntries(cost.workloads.map((w) => [w.name, w]));
    expect(Object.keys(byName).sort()).toEqual(['api', 'fresh', 'legacy', 'web']);
    expect(byName.web).toMatchObject({ status: 'changed', pods: { min: 10, max: 10 }, monthly: { max: 11.7 }, base: { file: 'k8s/web.yaml', monthly: { max: 2.34 } }, change: { min: 9.36, max: 9.36 } });
    // Moved to another file: still the same workload.
    expect(byName.api).toMatchObject({ status: 'changed', file: 'services/api.yaml', base: { file: 'k8s/api.yaml', monthly: { max: 1.17 } }, change: { max: 2.34 } });
    // Deleted with its file: 0 on the head's side.
    expect(byName.legacy).toMatchObject({ status: 'removed', file: 'k8s/old.yaml', pods: { min: 0, max: 0 }, monthly: { max: 0 }, change: { min: -1.17, max: -1.17 } });
    // Added with its file: 0 on the base's side.
    expect(byName.fresh).toMatchObject({ status: 'added', base: null, change: { max: 1.17 } });
    expect(cost.natAlternative.pods).toBe(14);
  });

  it('without --base there is no base and no change', async () => {
    const cost = JSON.parse((await runCli(['--format', 'json', '--fail-on', 'never'], root)).stdout).cost as CostJson;
    expect(cost.base).toBeUndefined();
    expect(cost.change).toBeUndefined();
    expect(cost.workloads.map((w) => w.name).sort()).toEqual(['api', 'fresh', 'web']);
    expect((cost.workloads[0] as Record<string, unknown>).status).toBeUndefined();
  });

  it('a working-tree change that is not committed counts on the head side', async () => {
    const dir = tempTree({ 'a.yaml': deployment({ replicas: '1' }) });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'one');
    write(dir, { 'a.yaml': deployment({ replicas: '4' }) });
    const cost = JSON.parse((await runCli(['--base', 'HEAD', '-f', 'json'], dir)).stdout).cost as CostJson;
    expect(cost.change).toEqual({ min: 3.51, max: 3.51 });
  });

  it('the text report shows before → after and the change', async () => {
    const r = await runCli(['--base', 'HEAD~1', '--fail-on', 'never'], root);
    expect(r.stdout).toContain('EIP cost by workload (USD a month):');
    expect(r.stdout).toContain('\nEIP cost USD 4.68 → 16.38 a month (+11.70).\n');
    const line = (name: string) => r.stdout.split('\n').find((l) => l.includes(`shop/${name} `))!;
    expect(line('web')).toMatch(/2 → 10 .* 2\.34 +11\.70 +\+9\.36$/);
    expect(line('legacy')).toMatch(/1 → 0 .* 1\.17 +— +-1\.17$/);
    expect(line('fresh')).toMatch(/0 → 1 .* — +1\.17 +\+1\.17$/);
    expect(r.stdout).toMatch(/\n {2}total +4\.68 +16\.38 +\+11\.70\n/);
  });

  it('the markdown report has before, after and change columns', async () => {
    const r = await runCli(['--base', 'HEAD~1', '-f', 'markdown', '--fail-on', 'never'], root);
    expect(r.stdout).toContain('| workload | file | pods | charge type | bandwidth | before | after | change |');
    expect(r.stdout).toContain('EIP cost USD 4.68 → 16.38 a month (+11.70).');
    expect(r.stdout).toContain('| Deployment shop/web | k8s/web.yaml | 2 → 10 | PayByTraffic | 5 Mbps (cap) | 2.34 | 11.70 | +9.36 |');
    expect(r.stdout).toContain('| **total** | | | | | **4.68** | **16.38** | **+11.70** |');
  });

  it('budget.increase: a finding on the workload that rose most, only with a base', async () => {
    write(root, { '.eci-egress-lint.yml': 'budget: {increase: 5}\n' });
    try {
      const withBase = JSON.parse((await runCli(['--base', 'HEAD~1', '-f', 'json', '--fail-on', 'never'], root)).stdout);
      const budget = withBase.findings.filter((f: { ruleId: string }) => f.ruleId === 'eip-cost-budget');
      expect(budget).toHaveLength(1);
      expect(budget[0]).toMatchObject({ file: 'k8s/web.yaml', workload: { kind: 'Deployment', name: 'web', namespace: 'shop' } });
      expect(budget[0].message).toContain('raises the projected monthly cost of the per-pod EIPs by up to USD 11.70 (from USD 4.68 to USD 16.38), over budget.increase (USD 5.00)');
      expect(budget[0].message).toContain('Deployment web rises the most: from 2 pods at USD 2.34 to 10 pods at USD 11.70');
      const withoutBase = JSON.parse((await runCli(['-f', 'json', '--fail-on', 'never'], root)).stdout);
      expect(withoutBase.findings.filter((f: { ruleId: string }) => f.ruleId === 'eip-cost-budget')).toEqual([]);
    } finally {
      fs.rmSync(path.join(root, '.eci-egress-lint.yml'));
    }
  });

  it('--new-only: only findings the base does not have (same rule, file, workload and message; lines may move)', async () => {
    const all = JSON.parse((await runCli(['-f', 'json', '--fail-on', 'never'], root)).stdout);
    const misplacedAll = all.findings.filter((f: { ruleId: string }) => f.ruleId === 'eip-misplaced');
    expect(misplacedAll.map((f: { file: string }) => f.file).sort()).toEqual(['k8s/misplaced.yaml', 'k8s/new.yaml']);

    const r = await runCli(['--base', 'HEAD~1', '--new-only', '-f', 'json', '--fail-on', 'never'], root);
    const fresh = JSON.parse(r.stdout).findings;
    expect(fresh.map((f: { ruleId: string; file: string }) => `${f.ruleId} ${f.file}`)).toEqual(['eip-misplaced k8s/new.yaml']);
    // The cost is the same as without --new-only.
    expect(JSON.parse(r.stdout).cost.change).toEqual({ min: 11.7, max: 11.7 });
  });

  it('--new-only decides the exit code by the new findings only, and says how many were left out', async () => {
    const all = await runCli(['--base', 'HEAD~1'], root);
    expect(all.code).toBe(1);
    const onlyNew = await runCli(['--base', 'HEAD~1', '--new-only', 'k8s/misplaced.yaml'], root);
    expect(onlyNew.code).toBe(0);
    expect(onlyNew.stdout).toContain('Not shown (new only): 1 finding that the base also has.');
    const markdown = await runCli(['--base', 'HEAD~1', '--new-only', '-f', 'markdown', 'k8s/misplaced.yaml'], root);
    expect(markdown.stdout).toContain('Not shown (new only): 1 finding that the base also has.');
  });

  it('paths limit the base\'s files the same way: a folder, a file', async () => {
    const folder = JSON.parse((await runCli(['--base', 'HEAD~1', '-f', 'json', 'k8s'], root)).stdout).cost as CostJson;
    // services/api.yaml is outside k8s/, k8s/api.yaml was in it: the api's pod moved out of the scan.
    expect(folder.base!.total.max).toBe(4.68);
    expect(folder.total.max).toBe(12.87);
    const file = JSON.parse((await runCli(['--base', 'HEAD~1', '-f', 'json', 'k8s/web.yaml'], root)).stdout).cost as CostJson;
    expect(file.base!.total.max).toBe(2.34);
    expect(file.total.max).toBe(11.7);
  });

  it('readBaseSources lists the base\'s files by the include and exclude globs, deleted files included', () => {
    const sources = readBaseSources('HEAD~1', { cwd: root, paths: ['.'], include: ['**/*.yaml'], exclude: ['**/misplaced.yaml'], maxFileSize: 1e6 });
    expect(sources.map((s) => s.path)).toEqual(['k8s/api.yaml', 'k8s/old.yaml', 'k8s/web.yaml']);
    expect(sources[2].text).toBe(deployment({ name: 'web', replicas: '2' }));
    const small = readBaseSources('HEAD~1', { cwd: root, paths: ['k8s/web.yaml'], include: [], exclude: [], maxFileSize: 10 });
    expect(small).toEqual([{ path: 'k8s/web.yaml', skip: expect.stringContaining('over the size limit') }]);
  });

  it('from a subfolder, paths are relative to it', () => {
    const sources = readBaseSources('HEAD~1', { cwd: path.join(root, 'k8s'), paths: ['.'], include: ['**/*.yaml'], exclude: [], maxFileSize: 1e6 });
    expect(sources.map((s) => s.path)).toEqual(['api.yaml', 'misplaced.yaml', 'old.yaml', 'web.yaml']);
  });
});

describe('--base errors (exit code 2)', () => {
  it('not a git repository', async () => {
    const dir = tempTree({ 'a.yaml': deployment() });
    const r = await runCli(['--base', 'main', dir], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^eci-egress-lint: .* is not in a git repository, so there is no base to read\n$/);
  });

  it('an unknown ref', async () => {
    const dir = tempTree({ 'a.yaml': deployment() });
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'one');
    const r = await runCli(['--base', 'no-such-branch'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('eci-egress-lint: unknown git ref "no-such-branch": no such commit in this repository (a shallow clone may need fetch-depth: 0)\n');
    const option = await runCli(['--base=--output=x'], dir);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('"--output=x" is not a git ref');
  });

  it('--new-only without --base', async () => {
    const dir = tempTree({ 'a.yaml': deployment() });
    const r = await runCli(['--new-only'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--new-only needs --base <git-ref>');
  });

  it('--base with standard input', async () => {
    const dir = tempTree({ 'a.yaml': deployment() });
    const r = await runCli(['--base', 'HEAD', '-'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base reads the files with git, so it cannot be used with "-" (standard input)');
  });
});
