/**
 * The action against a hostile pull request, run as the runner runs it (node dist/index.js, ACT=true, no API): links
 * out of the workspace, forged workflow commands in names and values, terminal escapes, a config that points at
 * the environment, a broken event file. The log must hold no forged command and no environment value, nothing
 * outside the workspace may change, and every other file's findings must still be reported.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTION, CLI, cleanEnv, describeIfBuilt, node, parseCommand, parseOutputs } from './helpers.js';

jest.setTimeout(120_000);

const CANARY = 'canary-5f0c1e9a-secret-value';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: "${name}"
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.cn-hangzhou.aliyuncs.com/acme/web:1.0
`;

interface Sandbox {
  root: string;
  workspace: string;
  outside: string;
  runnerTemp: string;
}

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) fs.rmSync(dir, { recursive: true, force: true });
});

function sandbox(files: Record<string, string>): Sandbox {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-hostile-'));
  sandboxes.push(root);
  const box = { root, workspace: path.join(root, 'workspace'), outside: path.join(root, 'outside'), runnerTemp: path.join(root, 'runner_temp') };
  for (const dir of [box.workspace, box.outside, box.runnerTemp]) fs.mkdirSync(dir);
  fs.writeFileSync(path.join(box.outside, 'important.txt'), 'keep me\n');
  fs.mkdirSync(path.join(box.outside, 'manifests'));
  fs.writeFileSync(path.join(box.outside, 'manifests', 'dep.yaml'), deployment('outside'));
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(box.workspace, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return box;
}

/** Every file under a folder with a hash of its bytes, links as their targets. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, entry);
    const stat = fs.lstatSync(full);
    if (stat.isSymbolicLink()) out[entry] = `-> ${fs.readlinkSync(full)}`;
    else if (stat.isFile()) out[entry] = crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
  }
  return out;
}

function runAction(box: Sandbox, inputs: Record<string, string>, env: Record<string, string> = {}) {
  const outputFile = path.join(box.root, 'github_output');
  const summaryFile = path.join(box.root, 'step_summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const r = node([ACTION], {
    cwd: box.workspace,
    env: {
      ...cleanEnv(),
      CI: 'true',
      ACT: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: box.workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REPOSITORY: 'acme/shop',
      RUNNER_TEMP: box.runnerTemp,
      SECRET_CANARY: CANARY,
      'INPUT_FAIL-ON': 'never',
      'INPUT_JOB-SUMMARY': 'true',
      INPUT_SCAN: 'all',
      INPUT_ANNOTATIONS: 'auto',
      INPUT_FIX: 'off',
      ...inputs,
      ...env,
    },
  });
  return { ...r, outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')), summary: fs.readFileSync(summaryFile, 'utf8') };
}

/** The lines the runner would take as commands: `::` or `##[` once leading blanks are trimmed. */
function commandLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\s*(::|##\[)/.test(line));
}

describeIfBuilt('the action against a hostile pull request (node dist/index.js, ACT=true)', () => {
  describe('links out, forged commands in names, terminal escapes', () => {
    const hostileName = 'web\\n::error file=forged.yaml,line=1::forged\\n::add-mask::web\\n::stop-commands::abc\\e[2J\\e[31m\\u202Eevil';
    let box: Sandbox;
    let before: Record<string, string>;
    let run: ReturnType<typeof runAction>;
    let report: { findings: { ruleId: string; file: string; message: string }[] };

    beforeAll(() => {
      box = sandbox({
        'k8s/app.yaml': deployment(hostileName),
        'k8s/evil\n::warning file=x::name.yaml': deployment('named'),
        'k8s/plain.yaml': deployment('plain'),
      });
      fs.symlinkSync('../outside', path.join(box.workspace, 'deploy'));
      fs.symlinkSync('../outside/important.txt', path.join(box.workspace, 'eci-egress-lint.sarif'));
      fs.symlinkSync('/proc', path.join(box.workspace, 'reports'));
      fs.symlinkSync('../../outside/manifests/dep.yaml', path.join(box.workspace, 'k8s', 'linked.yaml'));
      before = snapshot(box.outside);
      run = runAction(box, {
        INPUT_PATHS: 'k8s\ndeploy/manifests',
        'INPUT_SARIF-FILE': 'eci-egress-lint.sarif',
        'INPUT_REPORT-FILE': 'reports/ci/report.json',
      });
      report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8'));
    });

    it('finishes with no error and no stack trace', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });

    it('prints no forged workflow command: every command line is an annotation of a real file', () => {
      const real = new Set(['k8s/app.yaml', 'k8s/evil%0A%3A%3Awarning file=x%3A%3Aname.yaml', 'k8s/plain.yaml', 'k8s/linked.yaml', 'deploy/manifests']);
      const lines = commandLines(run.stdout);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const command = parseCommand(line);
        expect(command && ['error', 'warning', 'notice'].includes(command.command) ? 'annotation' : line).toBe('annotation');
        if (command!.properties.file !== undefined) expect(real).toContain(command!.properties.file);
      }
      expect(run.stdout).not.toMatch(/^\s*::(add-mask|stop-commands|set-output|set-env)/m);
      expect(run.stdout).not.toMatch(/^\s*::error file=forged/m);
    });

    it('shows control characters and bidi overrides escaped, never raw', () => {
      expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
      expect(run.stdout).toContain('\\x1b[2J\\x1b[31m\\u202eevil');
    });

    it('leaks no environment value', () => {
      for (const text of [run.stdout, run.stderr, run.summary, JSON.stringify(report)]) expect(text).not.toContain(CANARY);
    });

    it('changes nothing outside the workspace: the SARIF link is replaced, its target kept', () => {
      expect(snapshot(box.outside)).toEqual(before);
      expect(fs.readFileSync(path.join(box.outside, 'important.txt'), 'utf8')).toBe('keep me\n');
      const sarif = path.join(box.workspace, 'eci-egress-lint.sarif');
      expect(fs.lstatSync(sarif).isFile()).toBe(true);
      expect(JSON.parse(fs.readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
      expect(run.outputs['sarif-file']).toBe(sarif);
    });

    it('writes the report under $RUNNER_TEMP when its folder is a link out (never mkdir into /proc), and says so', () => {
      expect(run.outputs['report-file']).toBe(path.join(box.runnerTemp, 'eci-egress-lint', 'report.json'));
      expect(run.stdout).toMatch(/^::warning title=eci-egress-lint::report-file reports\/ci\/report.json: not written there: outside the workspace/m);
    });

    it('reports every other file, and the refused paths as skipped files', () => {
      const byFile = (file: string) => report.findings.filter((f) => f.file === file).map((f) => f.ruleId);
      expect(byFile('k8s/app.yaml')).toContain('eip-misplaced');
      expect(byFile('k8s/plain.yaml')).toContain('eip-misplaced');
      expect(byFile('k8s/evil\n::warning file=x::name.yaml')).toContain('eip-misplaced');
      expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'skipped-file', file: 'deploy/manifests' }));
      expect(report.findings).toContainEqual(
        expect.objectContaining({ ruleId: 'skipped-file', file: 'k8s/linked.yaml', message: 'Not scanned: a link to a place outside the workspace.' }),
      );
      expect(report.findings.some((f) => f.file.includes('outside') || f.message.includes('"outside"'))).toBe(false);
    });
  });

  describe('the config file', () => {
    it('a link to /proc/self/environ: a clear failure that quotes nothing of the environment', () => {
      const box = sandbox({ 'k8s/app.yaml': deployment('web') });
      fs.mkdirSync(path.join(box.workspace, '.github'));
      fs.symlinkSync('/proc/self/environ', path.join(box.workspace, '.github', 'eci-egress-lint.yml'));
      const run = runAction(box, {});
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('::error::config .github/eci-egress-lint.yml: not read: outside the workspace');
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      expect(run.stdout + run.stderr).not.toContain('PATH=');
    });

    it('an alias bomb names the file and fails the step', () => {
      const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
      for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
      const box = sandbox({ '.eci-egress-lint.yml': lines.join('\n') + '\n', 'k8s/app.yaml': deployment('web') });
      const run = runAction(box, {});
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/^::error::config \.eci-egress-lint\.yml: its YAML aliases \(\*name\) expand too much/m);
    });
  });

  describe('the event file', () => {
    for (const [what, text] of [
      ['empty', ''],
      ['not JSON', '{"pull_request": '],
    ] as const) {
      it(`${what}: a clear error, no stack trace`, () => {
        const box = sandbox({ 'k8s/app.yaml': deployment('web') });
        fs.writeFileSync(path.join(box.root, 'event.json'), text);
        const run = runAction(box, {}, { GITHUB_EVENT_PATH: path.join(box.root, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' });
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^::error::GITHUB_EVENT_PATH \(".*event\.json"\): the event file is (empty|not valid JSON)/m);
        expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
        expect(run.stderr).toBe('');
      });
    }
  });

  describe('config-from: base', () => {
    it('a pull request that switches every rule off is still checked with the base\'s config', () => {
      const box = sandbox({ 'k8s/app.yaml': deployment('web') });
      const git = (...args: string[]) => execFileSync('git', args, { cwd: box.workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
      git('init', '-q', '-b', 'main');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=T', 'commit', '-q', '--allow-empty', '-m', 'base');
      fs.writeFileSync(path.join(box.workspace, '.eci-egress-lint.yml'), "ignore: [{rule: '*', reason: nothing to see}]\n");
      git('add', '-A');
      const base = git('rev-parse', 'HEAD');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=T', 'commit', '-q', '-m', 'pull request');
      const head = git('rev-parse', 'HEAD');
      const event = { number: 1, pull_request: { number: 1, head: { sha: head, ref: 'f', repo: { full_name: 'acme/shop' } }, base: { sha: base, ref: 'main', repo: { full_name: 'acme/shop' } } } };
      fs.writeFileSync(path.join(box.root, 'event.json'), JSON.stringify(event));
      const env = { GITHUB_EVENT_PATH: path.join(box.root, 'event.json'), GITHUB_EVENT_NAME: 'pull_request' };

      const own = runAction(box, {}, env);
      expect(JSON.parse(fs.readFileSync(own.outputs['report-file'], 'utf8')).findings).toEqual([]);

      const fromBase = runAction(box, { 'INPUT_CONFIG-FROM': 'base' }, env);
      expect(fromBase.stderr).toBe('');
      expect(fromBase.stdout).toContain(`config-from: base: the base ${base.slice(0, 7)} has no config file; the defaults are used.`);
      const findings = JSON.parse(fs.readFileSync(fromBase.outputs['report-file'], 'utf8')).findings as { ruleId: string }[];
      expect(findings.map((f) => f.ruleId)).toContain('eip-misplaced');
    });
  });

  describe('the CLI (node dist/cli.js) on the same kind of checkout', () => {
    it('--fix through a linked parent folder and -o through a link change nothing outside; the text output is escaped', () => {
      const box = sandbox({ 'k8s/app.yaml': deployment('web\\e]0;owned\\a\\u202E') });
      fs.symlinkSync('../outside', path.join(box.workspace, 'deploy'));
      fs.symlinkSync('../outside/important.txt', path.join(box.workspace, 'report.txt'));
      // From another folder, an absolute path is the user's to give.
      const shown = node([CLI, path.join(box.workspace, 'k8s', 'app.yaml'), '--fail-on', 'never'], { cwd: box.outside });
      expect(shown.stdout).toContain('web\\x1b]0;owned\\x07\\u202e');
      expect(shown.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
      const before = snapshot(box.outside);
      const fixed = node([CLI, '--fix', 'deploy/manifests', 'k8s'], { cwd: box.workspace, env: { ...cleanEnv(), SECRET_CANARY: CANARY } });
      expect(fixed.stderr).toBe('');
      expect(fixed.stdout).toContain('deploy/manifests');
      expect(fixed.stdout).toContain('Not scanned: outside the workspace (with its links resolved).');
      const linted = node([CLI, 'k8s', '-o', 'report.txt'], { cwd: box.workspace });
      expect(linted.status).toBe(0);
      expect(snapshot(box.outside)).toEqual(before);
      const text = fs.readFileSync(path.join(box.workspace, 'report.txt'), 'utf8');
      expect(text).toContain('No problems found in 1 file.');
    });
  });
});
