import fs from 'node:fs';
import path from 'node:path';
import { TOOL_NAME, TOOL_VERSION } from '../../src/version.js';
import {
  CLEAN_YAML,
  MISPLACED_YAML,
  ORPHAN_YAML,
  TEMPLATE_YAML,
  removeTempTrees,
  runCli,
  tempTree,
} from './helpers.js';

const packageJson = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

afterAll(removeTempTrees);

/** A flag as a whole word: `--fix` must not be found inside `--fix-unsafe`. */
function mentionsFlag(text: string, flag: string): boolean {
  const escaped = flag.replace(/[-]/g, '\\-');
  return new RegExp(`(^|[\\s,])${escaped}(?![\\w-])`, 'm').test(text);
}

describe('--help', () => {
  // Every flag of PRODUCT.md §7.
  const FLAGS = [
    '-c', '--config', '-f', '--format', '-o', '--output', '--fix', '--fix-unsafe', '--diff', '--base', '--new-only',
    '--cluster', '--egress', '--nat-gateway', '--region', '--charge-type', '--fail-on', '--version', '--help',
  ];

  it('exits 0, prints usage on stdout and nothing on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['--help'], tempTree({}));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^Usage: eci-egress-lint /);
  });

  it.each(FLAGS)('lists %s', async (flag) => {
    const { stdout } = await runCli(['--help'], tempTree({}));
    expect(mentionsFlag(stdout, flag)).toBe(true);
  });

  it('names the formats, the fail-on levels and the exit codes', async () => {
    const { stdout } = await runCli(['-h'], tempTree({}));
    expect(stdout).toContain('text | json | sarif | markdown | github | compact');
    expect(stdout).toContain('error | warning | notice | never');
    expect(stdout).toMatch(/0 nothing at or above --fail-on; 1 findings at or above it/);
    expect(stdout).toMatch(/2 usage, config or internal error, or no file to lint/);
  });

  it('wins over the other flags: no scan happens', async () => {
    const cwd = tempTree({ 'bad.yaml': MISPLACED_YAML });
    const { code, stdout } = await runCli(['--format', 'json', '--help', 'bad.yaml'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage:/);
  });
});

describe('--version', () => {
  it("src/version.ts's TOOL_VERSION equals package.json's version and TOOL_NAME its name", async () => {
    expect(TOOL_VERSION).toBe(packageJson.version);
    expect(TOOL_NAME).toBe(packageJson.name);
  });

  it.each([['--version'], ['-v']])('%s prints the version and exits 0', async (flag) => {
    const { code, stdout, stderr } = await runCli([flag], tempTree({}));
    expect(code).toBe(0);
    expect(stdout).toBe(`${packageJson.version}\n`);
    expect(stderr).toBe('');
  });
});

describe('usage errors exit 2', () => {
  it('an unknown flag: names it and points to --help', async () => {
    const { code, stdout, stderr } = await runCli(['--bogus-flag', '.'], tempTree({ 'a.yaml': CLEAN_YAML }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown option --bogus-flag\n');
    expect(stderr).toContain('eci-egress-lint --help');
    expect(stderr).not.toContain('    at ');
  });

  it('an unknown short flag', async () => {
    const { code, stderr } = await runCli(['-z'], tempTree({}));
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option -z\n');
    expect(stderr).toContain('--help');
  });

  it('--format xml: names the allowed formats', async () => {
    const { code, stdout, stderr } = await runCli(['--format', 'xml'], tempTree({ 'a.yaml': CLEAN_YAML }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'eci-egress-lint: --format must be one of text, json, sarif, markdown, github, compact (got "xml")\n' +
        'Run eci-egress-lint --help for usage.\n',
    );
  });

  it('--fail-on with a wrong level', async () => {
    const { code, stderr } = await runCli(['--fail-on', 'fatal'], tempTree({ 'a.yaml': CLEAN_YAML }));
    expect(code).toBe(2);
    expect(stderr).toContain('--fail-on must be one of error, warning, notice, never (got "fatal")');
  });

  it('a flag that needs a value and has none', async () => {
    const { code, stderr } = await runCli(['--config'], tempTree({}));
    expect(code).toBe(2);
    expect(stderr).toContain('--config');
    expect(stderr).toContain('--help');
  });

  it.each([
    [['--fix', '--diff'], '--fix and --diff cannot be used together: --diff shows the fixes and writes nothing'],
    [['--fix-unsafe', 'eip-redundant'], '--fix-unsafe adds unsafe fixes to --fix or --diff; give one of them too'],
    [['--fix', '--fix-unsafe', 'eip-nope'], '--fix-unsafe: unknown rule id "eip-nope"; rules with an unsafe fix: eip-missing, eip-redundant, eip-unexpected'],
    [['--diff', '--fix-unsafe', 'eip-misplaced'], '--fix-unsafe: eip-misplaced has a safe fix, which --fix applies without naming it; rules with an unsafe fix: eip-missing, eip-redundant, eip-unexpected'],
    [['--fix', '--fix-unsafe', 'eip-conflict'], '--fix-unsafe: eip-conflict has no fix; rules with an unsafe fix: eip-missing, eip-redundant, eip-unexpected'],
  ])('%j is a usage error (the fix flags are in __tests__/fix/cli.test.ts)', async (argv, message) => {
    const cwd = tempTree({ 'bad.yaml': MISPLACED_YAML });
    const before = fs.readFileSync(path.join(cwd, 'bad.yaml'), 'utf8');
    const { code, stdout, stderr } = await runCli([...argv, '.'], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`eci-egress-lint: ${message}\nRun eci-egress-lint --help for usage.\n`);
    // Nothing was written.
    expect(fs.readFileSync(path.join(cwd, 'bad.yaml'), 'utf8')).toBe(before);
  });

  it('a path that does not exist: a clear message, no stack trace', async () => {
    const cwd = tempTree({ 'a.yaml': CLEAN_YAML });
    const { code, stdout, stderr } = await runCli(['a.yaml', 'no/such/place.yaml'], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('no such file or folder: no/such/place.yaml');
    expect(stderr).not.toContain('internal error');
    expect(stderr).not.toContain('    at ');
  });
});

describe('config errors exit 2 and name the key path', () => {
  const BAD_EGRESS = 'workloads:\n  - match: { kind: Deployment }\n    egress: sometimes\n';

  it('the config file found at .github/eci-egress-lint.yml', async () => {
    const cwd = tempTree({ '.github/eci-egress-lint.yml': BAD_EGRESS, 'a.yaml': CLEAN_YAML });
    const { code, stdout, stderr } = await runCli(['.'], cwd);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'eci-egress-lint: config .github/eci-egress-lint.yml: workloads[0].egress: must be one of auto, eip, nat, none (got "sometimes")\n',
    );
  });

  it('a file given with --config', async () => {
    const cwd = tempTree({ 'conf/lint.yml': BAD_EGRESS, 'a.yaml': CLEAN_YAML });
    const { code, stderr } = await runCli(['--config', 'conf/lint.yml', 'a.yaml'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('config conf/lint.yml: workloads[0].egress: must be one of auto, eip, nat, none');
  });

  it('an unknown key', async () => {
    const cwd = tempTree({ '.eci-egress-lint.yml': 'egres: nat\n', 'a.yaml': CLEAN_YAML });
    const { code, stderr } = await runCli(['.'], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('egres: unknown key');
  });

  it('a config file that is not YAML', async () => {
    const cwd = tempTree({ '.eci-egress-lint.yml': 'cluster: [serverless\n', 'a.yaml': CLEAN_YAML });
    const { code, stderr } = await runCli(['.'], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^eci-egress-lint: config \.eci-egress-lint\.yml:2:1: not valid YAML at line 2, column 1: /);
    expect(stderr).not.toContain('    at ');
  });

  it('--config naming a missing file', async () => {
    const { code, stderr } = await runCli(['-c', 'nope.yml', '.'], tempTree({ 'a.yaml': CLEAN_YAML }));
    expect(code).toBe(2);
    expect(stderr).toBe('eci-egress-lint: config nope.yml: no such file\n');
  });

  it('--cluster bogus names cluster', async () => {
    const { code, stdout, stderr } = await runCli(['--cluster', 'bogus', '.'], tempTree({ 'a.yaml': CLEAN_YAML }));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('eci-egress-lint: --cluster must be one of serverless, virtual-node (got "bogus")\nRun eci-egress-lint --help for usage.\n');
  });

  it.each([
    ['--egress', 'sometimes', '--egress must be one of auto, eip, nat, none (got "sometimes")'],
    ['--nat-gateway', 'maybe', '--nat-gateway must be one of auto, present, absent (got "maybe")'],
  ])('%s %s names the flag', async (flag, value, message) => {
    const { code, stderr } = await runCli([flag, value, '.'], tempTree({ 'a.yaml': CLEAN_YAML }));
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('exit codes and --fail-on', () => {
  const trees = {
    clean: { 'clean.yaml': CLEAN_YAML },
    error: { 'clean.yaml': CLEAN_YAML, 'bad.yaml': MISPLACED_YAML },
    warning: { 'orphan.yaml': ORPHAN_YAML },
    notice: { 'chart/template.yaml': TEMPLATE_YAML },
  };
  // [tree, --fail-on, exit code]
  const cases: [keyof typeof trees, string, number][] = [
    ['clean', 'error', 0], ['clean', 'warning', 0], ['clean', 'notice', 0], ['clean', 'never', 0],
    ['error', 'error', 1], ['error', 'warning', 1], ['error', 'notice', 1], ['error', 'never', 0],
    ['warning', 'error', 0], ['warning', 'warning', 1], ['warning', 'notice', 1], ['warning', 'never', 0],
    ['notice', 'error', 0], ['notice', 'warning', 0], ['notice', 'notice', 1], ['notice', 'never', 0],
  ];

  it.each(cases)('findings up to %s, --fail-on %s: exit %d', async (tree, failOn, expected) => {
    const { code, stderr } = await runCli(['--fail-on', failOn, '--format', 'json', '.'], tempTree(trees[tree]));
    expect(stderr).toBe('');
    expect(code).toBe(expected);
  });

  it('the default is --fail-on error', async () => {
    expect((await runCli([], tempTree(trees.clean))).code).toBe(0);
    expect((await runCli([], tempTree(trees.warning))).code).toBe(0);
    expect((await runCli([], tempTree(trees.error))).code).toBe(1);
  });

  it('a clean folder: exit 0 and says so', async () => {
    const { code, stdout, stderr } = await runCli(['.'], tempTree(trees.clean));
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe('Config: none found, defaults used\n\nNo problems found in 1 file.\n');
  });

  it('--fail-on never still prints the findings', async () => {
    const { code, stdout } = await runCli(['--fail-on', 'never'], tempTree(trees.error));
    expect(code).toBe(0);
    expect(stdout).toContain('eip-misplaced');
  });
});
