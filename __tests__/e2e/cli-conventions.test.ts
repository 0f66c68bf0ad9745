// The command line as users of ESLint, kube-linter and actionlint expect it: each case runs the built dist/cli.js
// in a folder of its own, as a user would, and asserts the exit code and the message.
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLEAN_YAML, MISPLACED_YAML, ORPHAN_YAML } from '../cli/helpers.js';
import { CLI, cleanEnv, describeIfBuilt, node, parseCommand, ROOT } from './helpers.js';

jest.setTimeout(120_000);

/** eip-misplaced (error) at 8:7, as Terraform. */
const MISPLACED_TF = `resource "kubernetes_deployment" "checkout" {
  metadata {
    name      = "checkout"
    namespace = "shop"
    annotations = {
      "k8s.aliyun.com/eci-with-eip" = "true"
    }
  }
  spec {
    replicas = 2
    selector {
      match_labels = { app = "checkout" }
    }
    template {
      metadata {
        labels = { app = "checkout" }
      }
      spec {
        container {
          name  = "checkout"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/checkout:2.3.1"
        }
      }
    }
  }
}
`;

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder (its real path) with these files. */
function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-conv-')));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A git repository with these files (nothing committed). */
function repo(files: Record<string, string>): string {
  const dir = tree(files);
  git(dir, ['init', '-q']);
  return dir;
}

const cli = (args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }) => node([CLI, ...args], options);

describeIfBuilt('node dist/cli.js: runs that check nothing do not pass', () => {
  it('Terraform on standard input without a name: exit 2, and how to name it', () => {
    const r = cli(['-'], { cwd: tree({}), input: MISPLACED_TF });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('standard input is not YAML: line 1 ("resource \\"kubernetes_deployment\\" \\"checko…")');
    expect(r.stderr).toContain('--stdin-filename <name>.tf');
  });

  it('the excerpt of a line that is not YAML is short and escaped: no terminal escape, no bidirectional override', () => {
    const r = cli(['-'], { cwd: tree({}), input: `\u009b31m\u202eevil \u001b]0;title\u0007 ${'x'.repeat(100)}\n` });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`line 1 ("\\u009b31m\\u202eevil \\u001b]0;title\\u0007 ${'x'.repeat(19)}…")`);
    expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('--stdin-filename main.tf reads it as Terraform and reports under that name', () => {
    const r = cli(['-', '--stdin-filename', 'infra/main.tf', '-f', 'compact'], { cwd: tree({}), input: MISPLACED_TF });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^infra\/main\.tf:6:7: error eip-misplaced /);
  });

  it('--stdin-filename web.yaml reads YAML under that name', () => {
    const r = cli(['-', '--stdin-filename', 'k8s/web.yaml', '-f', 'json'], { cwd: tree({}), input: MISPLACED_YAML });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ file: 'k8s/web.yaml', ruleId: 'eip-misplaced', line: 7 });
  });

  it('--stdin-filename without "-" is a usage error', () => {
    const r = cli(['--stdin-filename', 'main.tf', '.'], { cwd: tree({ 'a.yaml': CLEAN_YAML }) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--stdin-filename names standard input: give "-" as the only path too');
  });

  it('empty standard input: exit 2 (the command before the pipe may have failed); --allow-no-files: exit 0', () => {
    const r = cli(['-'], { cwd: tree({}), input: '# nothing\n---\n' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('standard input is empty: there is nothing to lint');
    expect(cli(['-', '--allow-no-files'], { cwd: tree({}), input: '' }).status).toBe(0);
  });

  it('an empty folder and a folder of .json files: exit 2, "No files matching"', () => {
    const cwd = tree({ 'data/a.json': '{}', 'empty/.keep': '' });
    for (const folder of ['data', 'empty']) {
      const r = cli([folder], { cwd });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^eci-egress-lint: No files matching "${folder}" were found: `));
      expect(r.stderr).toContain('no file there matches include (**/*.yaml, **/*.yml, **/*.tf, **/*.tf.json) without matching exclude (**/node_modules/**)');
      expect(r.stderr).toContain('--allow-no-files');
    }
  });

  it('--allow-no-files, or allow-no-files: true in the config, exits 0', () => {
    const cwd = tree({ 'data/a.json': '{}' });
    const r = cli(['data', '--allow-no-files'], { cwd });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('No problems found in 0 files.');
    fs.writeFileSync(path.join(cwd, '.eci-egress-lint.yml'), 'allow-no-files: true\n');
    expect(cli(['data'], { cwd }).status).toBe(0);
  });
});

describeIfBuilt('node dist/cli.js: the config is looked up to the repository root', () => {
  let root: string;
  beforeAll(() => {
    root = repo({
      '.github/eci-egress-lint.yml': 'rules: { eip-misplaced: off }\n',
      'k8s/web.yaml': MISPLACED_YAML,
      'k8s/worker.yaml': ORPHAN_YAML,
    });
  });

  it('run from k8s/, the root\'s .github/eci-egress-lint.yml applies, and the header says so', () => {
    const r = cli([], { cwd: path.join(root, 'k8s') });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Config: .github/eci-egress-lint.yml');
    expect(r.stdout).not.toContain('eip-misplaced');
    expect(r.stdout).toContain('k8s/worker.yaml');
  });

  it('the JSON report names it in `config`', () => {
    const report = JSON.parse(cli(['-f', 'json', '.'], { cwd: path.join(root, 'k8s') }).stdout);
    expect(report.config).toBe('.github/eci-egress-lint.yml');
  });

  it('outside a git repository only the working directory is searched', () => {
    const outside = tree({ '.eci-egress-lint.yml': 'rules: { eip-misplaced: off }\n', 'k8s/web.yaml': MISPLACED_YAML });
    const r = cli([], { cwd: path.join(outside, 'k8s') });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('Config: none found, defaults used');
  });

  it('--print-config prints the effective config and its source, and exits 0', () => {
    const r = cli(['--print-config', '--rule', 'eip-missing=warning'], { cwd: path.join(root, 'k8s') });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# From .github/eci-egress-lint.yml, with the defaults filled in.');
    expect(r.stdout).toMatch(/^rules:\n {2}eip-misplaced: off\n {2}eip-missing: warning$/m);
    expect(r.stdout).toMatch(/^cluster: serverless$/m);
    const json = JSON.parse(cli(['--print-config', '-f', 'json'], { cwd: root }).stdout);
    expect(json.config).toBe('.github/eci-egress-lint.yml');
    expect(json.effective).toMatchObject({ cluster: 'serverless', 'max-file-size': 5 * 1024 * 1024, rules: { 'eip-misplaced': 'off' } });
  });
});

describeIfBuilt('node dist/cli.js: -f github and SARIF paths are relative to the repository root', () => {
  let root: string;
  beforeAll(() => {
    root = repo({ 'k8s/api.yaml': MISPLACED_YAML });
  });

  it('from k8s/: ::error file=k8s/api.yaml', () => {
    const r = cli(['-f', 'github'], { cwd: path.join(root, 'k8s') });
    expect(r.status).toBe(1);
    expect(parseCommand(r.stdout.split('\n')[0])?.properties.file).toBe('k8s/api.yaml');
  });

  it('from k8s/: SARIF uri k8s/api.yaml under %SRCROOT%, which originalUriBaseIds gives', () => {
    const sarif = JSON.parse(cli(['-f', 'sarif', 'api.yaml'], { cwd: path.join(root, 'k8s') }).stdout);
    const run = sarif.runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'k8s/api.yaml', uriBaseId: '%SRCROOT%' });
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(root + path.sep).href } });
  });
});

describeIfBuilt('node dist/cli.js: messages blame the right thing', () => {
  const cwd = () => tree({ 'k8s/web.yaml': MISPLACED_YAML });

  it.each([
    [['--cluster', 'eks'], 'eci-egress-lint: --cluster must be one of serverless, virtual-node (got "eks")\n'],
    [['--charge-type', 'paybybandwidth'], 'eci-egress-lint: --charge-type must be one of PayByTraffic, PayByBandwidth (got "paybybandwidth"); did you mean PayByBandwidth?\n'],
    [['--formt', 'json'], 'eci-egress-lint: unknown option --formt; did you mean --format?\n'],
    [['-', 'k8s/web.yaml'], 'eci-egress-lint: "-" (standard input) must be the only path; got 2 paths\n'],
    [['-o', '/nonexistent/dir/r.json', 'k8s'], 'eci-egress-lint: --output /nonexistent/dir/r.json: the folder /nonexistent/dir does not exist\n'],
    [['--rule', 'eip-mising=off'], 'eci-egress-lint: --rule: unknown rule "eip-mising"; did you mean eip-missing? (--list-rules lists them)\n'],
  ])('%j: a usage error that names the flag', (args, message) => {
    const r = cli(args, { cwd: cwd() });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}Run eci-egress-lint --help for usage.\n`);
  });

  it('--region that the price table lacks names --region, not a config file', () => {
    const r = cli(['--region', 'mars-1'], { cwd: cwd() });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^eci-egress-lint: --region: "mars-1" is not in the price table; known regions: /);
  });

  it('config rules: {eip-mising: error} says "did you mean eip-missing?" once', () => {
    const dir = cwd();
    fs.writeFileSync(path.join(dir, '.eci-egress-lint.yml'), 'rules:\n  eip-mising: error\n');
    const r = cli([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('eci-egress-lint: config .eci-egress-lint.yml: rules: "eip-mising" is not a rule id; did you mean eip-missing?\n');
  });

  it('a config YAML error gives the config file\'s line and column', () => {
    const dir = cwd();
    fs.writeFileSync(path.join(dir, '.eci-egress-lint.yml'), 'cluster: serverless\nrules: {eip-missing: error\n');
    const r = cli([], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^eci-egress-lint: config \.eci-egress-lint\.yml:3:1: not valid YAML at line 3, column 1: /);
  });
});

describeIfBuilt('node dist/cli.js: ESLint\'s conventions', () => {
  const files = { 'web.yaml': MISPLACED_YAML, 'worker.yaml': ORPHAN_YAML };

  it('--list-rules prints every rule with its default severity, fix and docs link', () => {
    const r = cli(['--list-rules'], { cwd: tree({}) });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^eip-misplaced +error +safe +\S/m);
    expect(r.stdout).toContain('https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/eip-misplaced.md');
    const json = JSON.parse(cli(['--list-rules', '-f', 'json'], { cwd: tree({}) }).stdout);
    expect(json.rules.find((rule: { id: string }) => rule.id === 'eip-orphan-setting')).toMatchObject({
      defaultSeverity: 'warning',
      docs: 'https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/eip-orphan-setting.md',
    });
    expect(json.rules.length).toBeGreaterThanOrEqual(14);
  });

  it('--rule <id>=off and --rule <id>=error override the config', () => {
    const dir = tree(files);
    const r = cli(['--rule', 'eip-misplaced=off', '--rule', 'eip-orphan-setting=error', '-f', 'compact'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^worker\.yaml:13:9: error eip-orphan-setting /);
    expect(r.stdout).not.toContain('eip-misplaced');
  });

  it('--quiet reports errors only', () => {
    const r = cli(['--quiet', '-f', 'compact'], { cwd: tree(files) });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^web\.yaml:7:5: error eip-misplaced /)]);
  });

  it('--max-warnings: more warnings than that fail the run', () => {
    const dir = tree({ 'worker.yaml': ORPHAN_YAML });
    expect(cli(['--max-warnings', '1'], { cwd: dir }).status).toBe(0);
    const r = cli(['--max-warnings', '0'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('eci-egress-lint: 1 warning, more than --max-warnings 0 allows.\n');
    expect(cli(['--max-warnings', 'many'], { cwd: dir }).status).toBe(2);
  });

  it('--color forces colours on a pipe; --no-color and NO_COLOR turn them off; FORCE_COLOR turns them on', () => {
    const dir = tree(files);
    expect(cli(['--color'], { cwd: dir }).stdout).toContain('\u001b[31m');
    expect(cli([], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(cli([], { cwd: dir, env: { ...cleanEnv(), FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(cli(['--no-color'], { cwd: dir, env: { ...cleanEnv(), FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(cli(['--color', '--no-color'], { cwd: dir }).stdout).not.toContain('\u001b[');
  });

  it('-f compact: file:line:col: severity rule-id message, one a line', () => {
    const r = cli(['-f', 'compact'], { cwd: tree(files) });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^[^:]+:\d+:\d+: (error|warning|notice) [a-z-]+ .+$/);
    expect(lines[0]).toMatch(/^web\.yaml:7:5: error eip-misplaced k8s\.aliyun\.com\/eci-with-eip is in/);
  });

  it('--debug says where the root and config are and how long the run took, on stderr', () => {
    const r = cli(['--debug', '-f', 'json'], { cwd: tree(files) });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.length).toBe(2);
    expect(r.stderr).toMatch(/^eci-egress-lint debug: root: /m);
    expect(r.stderr).toMatch(/^eci-egress-lint debug: config: none found, defaults used$/m);
    expect(r.stderr).toMatch(/^eci-egress-lint debug: linted in \d+ ms: 2 file\(s\), 2 finding\(s\)$/m);
  });

  it('--help lists the new flags and links to the docs online', () => {
    const r = cli(['--help'], { cwd: tree({}) });
    for (const flag of ['--stdin-filename', '--allow-no-files', '--print-config', '--list-rules', '--rule', '--quiet', '--max-warnings', '--color', '--no-color', '--debug']) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/cli.md');
    expect(r.stdout).not.toContain('in the project');
  });
});

describeIfBuilt('node dist/cli.js: the examples', () => {
  it('run in examples/, use the repository\'s config and give scaling.tf the eip-cost-budget finding its README names', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'examples', 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `terraform/scaling.tf` |'));
    expect(row).toContain('`eip-cost-budget` (17:3');
    expect(readme).toContain('uses the repository\'s config,\n`.github/eci-egress-lint.yml`');
    const r = cli(['.', '-f', 'json'], { cwd: path.join(ROOT, 'examples') });
    const report = JSON.parse(r.stdout) as { config: string; findings: { ruleId: string; file: string; line: number; column: number }[] };
    expect(report.config).toBe('.github/eci-egress-lint.yml');
    expect(report.findings.filter((f) => f.ruleId === 'eip-cost-budget')).toEqual([
      expect.objectContaining({ file: 'examples/terraform/scaling.tf', line: 17, column: 3 }),
    ]);
  });
});
