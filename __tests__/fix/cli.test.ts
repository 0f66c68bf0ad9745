/**
 * `--fix`, `--fix-unsafe` and `--diff` through the CLI (in process): which files are written and how, what the report
 * says, the exit code after the fixes, and the diff.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';
import { lines } from './helpers.js';

afterAll(() => removeTempTrees());

const EIP = 'k8s.aliyun.com/eci-with-eip';
const IMAGE = 'registry.cn-hangzhou.aliyuncs.com/acme/app:1.0';

function deployment(name: string, meta: string[], pod: string[], replicas = 1): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...meta.map((l) => '  ' + l),
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    ...pod.map((l) => '    ' + l),
    '    spec:',
    `      containers: [{name: app, image: "${IMAGE}"}]`,
  );
}

/** eip-misplaced (error, safe fix) on line 6 and eip-not-string (error, safe fix) on line 13. */
const MISPLACED = deployment('web', ['annotations:', `  ${EIP}: "true"`], ['metadata:', '  labels: {app: web}', '  annotations:', '    k8s.aliyun.com/eip-bandwidth: 10']);
/** eip-shared-instance (error, no fix). */
const SHARED = deployment('gw', [], ['metadata:', '  annotations:', '    k8s.aliyun.com/eci-eip-instanceid: "eip-abc123"'], 3);
/** Nothing to report. */
const CLEAN = deployment('api', [], ['metadata:', '  labels: {app: api}']);
/** eip-unexpected under egress: none (unsafe fix only). */
const UNEXPECTED = deployment('ledger', [], ['metadata:', '  annotations:', '    team: finance', `    ${EIP}: "true"`]);

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('--fix', () => {
  it('writes the files that change, only those; exit 0 when nothing at or above --fail-on remains', async () => {
    const cwd = tempTree({ 'k8s/web.yaml': MISPLACED, 'k8s/api.yaml': CLEAN });
    const cleanBefore = fs.statSync(path.join(cwd, 'k8s/api.yaml')).mtimeMs;
    const { code, stdout, stderr } = await runCli(['--fix', 'k8s'], cwd);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(read(cwd, 'k8s/web.yaml')).toBe(
      deployment('web', [], ['metadata:', '  labels: {app: web}', '  annotations:', '    k8s.aliyun.com/eip-bandwidth: "10"', `    ${EIP}: "true"`]),
    );
    expect(read(cwd, 'k8s/api.yaml')).toBe(CLEAN);
    expect(fs.statSync(path.join(cwd, 'k8s/api.yaml')).mtimeMs).toBe(cleanBefore);
    expect(fs.readdirSync(path.join(cwd, 'k8s')).sort()).toEqual(['api.yaml', 'web.yaml']);
    expect(stdout).toContain('No problems found in 2 files.');
    expect(stdout).toContain(
      [
        'Fixed 2 problems in 1 file:',
        '  k8s/web.yaml:6:5 eip-misplaced: move to spec.template.metadata.annotations',
        '  k8s/web.yaml:13:39 eip-not-string: write it as the string "10"',
      ].join('\n'),
    );
  });

  it('the exit code follows the findings that remain', async () => {
    const cwd = tempTree({ 'web.yaml': MISPLACED, 'gw.yaml': SHARED });
    const { code, stdout } = await runCli(['--fix', '.'], cwd);
    expect(code).toBe(1);
    expect(stdout).toContain('eip-shared-instance');
    expect(stdout).not.toMatch(/eip-misplaced\n|eip-not-string\n/);
    const warningOnly = await runCli(['--fix', '--fail-on', 'never', '.'], cwd);
    expect(warningOnly.code).toBe(0);
  });

  it('keeps CRLF line breaks and a byte order mark', async () => {
    const text = '\uFEFF' + MISPLACED.replace(/\n/g, '\r\n');
    const cwd = tempTree({ 'web.yaml': text });
    const { code } = await runCli(['--fix', 'web.yaml'], cwd);
    expect(code).toBe(0);
    const bytes = fs.readFileSync(path.join(cwd, 'web.yaml'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const fixed = bytes.toString('utf8');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    expect(fixed).toContain(`\r\n        ${EIP}: "true"\r\n`);
  });

  it('--fix twice equals --fix once', async () => {
    const cwd = tempTree({ 'web.yaml': MISPLACED, 'gw.yaml': SHARED });
    await runCli(['--fix', '.'], cwd);
    const once = read(cwd, 'web.yaml');
    const second = await runCli(['--fix', '.'], cwd);
    expect(read(cwd, 'web.yaml')).toBe(once);
    expect(second.stdout).toContain('\nNothing to fix.\n');
  });

  it('--format json: the remaining findings and a `fixes` array', async () => {
    const cwd = tempTree({ 'web.yaml': MISPLACED, 'gw.yaml': SHARED });
    const { code, stdout } = await runCli(['--fix', '--format', 'json', '.'], cwd);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['eip-shared-instance']);
    expect(report.fixes).toEqual([
      { file: 'web.yaml', ruleId: 'eip-misplaced', line: 6, column: 5, status: 'fixed', description: 'move to spec.template.metadata.annotations' },
      { file: 'web.yaml', ruleId: 'eip-not-string', line: 13, column: 39, status: 'fixed', description: 'write it as the string "10"' },
    ]);
  });

  it('without --fix the JSON report has no `fixes`', async () => {
    const cwd = tempTree({ 'web.yaml': MISPLACED });
    const { stdout } = await runCli(['--format', 'json', '.'], cwd);
    expect(JSON.parse(stdout)).not.toHaveProperty('fixes');
  });

  it('unsafe fixes only for the rules named in --fix-unsafe', async () => {
    const config = 'egress: none\n';
    const safeOnly = tempTree({ '.eci-egress-lint.yml': config, 'ledger.yaml': UNEXPECTED });
    const a = await runCli(['--fix', '--fail-on', 'warning', 'ledger.yaml'], safeOnly);
    expect(a.code).toBe(1);
    expect(read(safeOnly, 'ledger.yaml')).toBe(UNEXPECTED);
    expect(a.stdout).toContain('Nothing to fix.');

    const named = tempTree({ '.eci-egress-lint.yml': config, 'ledger.yaml': UNEXPECTED });
    const b = await runCli(['--fix', '--fix-unsafe', 'eip-unexpected', '--fail-on', 'warning', 'ledger.yaml'], named);
    expect(b.code).toBe(0);
    expect(read(named, 'ledger.yaml')).toBe(UNEXPECTED.replace(`\n        ${EIP}: "true"\n`, '\n'));
    expect(b.stdout).toContain('ledger.yaml:11:9 eip-unexpected: remove the EIP keys from the pod template');
  });

  it('with -o the report goes to the file', async () => {
    const cwd = tempTree({ 'web.yaml': MISPLACED });
    const { code, stdout } = await runCli(['--fix', '-f', 'json', '-o', 'report.json', 'web.yaml'], cwd);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(JSON.parse(read(cwd, 'report.json')).fixes).toHaveLength(2);
  });
});

describe('--diff', () => {
  it('prints a unified diff, writes nothing, and reports on standard error', async () => {
    const cwd = tempTree({ 'k8s/web.yaml': MISPLACED, 'k8s/gw.yaml': SHARED, 'k8s/api.yaml': CLEAN });
    const { code, stdout, stderr } = await runCli(['--diff', 'k8s'], cwd);
    // The exit code is the one --fix would give: what remains after these fixes.
    expect(code).toBe(1);
    expect(read(cwd, 'k8s/web.yaml')).toBe(MISPLACED);
    expect(stdout).toBe(
      [
        '--- a/k8s/web.yaml',
        '+++ b/k8s/web.yaml',
        '@@ -2,14 +2,13 @@',
        ' kind: Deployment',
        ' metadata:',
        '   name: web',
        '-  annotations:',
        `-    ${EIP}: "true"`,
        ' spec:',
        '   replicas: 1',
        '   template:',
        '     metadata:',
        '       labels: {app: web}',
        '       annotations:',
        '-        k8s.aliyun.com/eip-bandwidth: 10',
        '+        k8s.aliyun.com/eip-bandwidth: "10"',
        `+        ${EIP}: "true"`,
        '     spec:',
        `       containers: [{name: app, image: "${IMAGE}"}]`,
        '',
      ].join('\n'),
    );
    expect(stderr).toContain('The diff fixes 2 problems in 1 file (nothing was written):');
    expect(stderr).toContain('eip-shared-instance');
  });

  it('git apply of the diff gives what --fix writes', async () => {
    const files = { 'a/web.yaml': MISPLACED, 'a/crlf.yaml': MISPLACED.replace(/\n/g, '\r\n'), 'a/gw.yaml': SHARED };
    const viaDiff = tempTree(files);
    const viaFix = tempTree(files);
    const { stdout } = await runCli(['--diff', '.'], viaDiff);
    fs.writeFileSync(path.join(viaDiff, 'fix.patch'), stdout);
    const git = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], { cwd: viaDiff, encoding: 'utf8' });
    expect(git.stderr).toBe('');
    await runCli(['--fix', '.'], viaFix);
    for (const file of Object.keys(files)) expect(read(viaDiff, file)).toBe(read(viaFix, file));
  });

  it('nothing to fix: an empty diff', async () => {
    const cwd = tempTree({ 'api.yaml': CLEAN });
    const { code, stdout, stderr } = await runCli(['--diff', '.'], cwd);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('Nothing to fix; the diff is empty.');
  });

  it('with -o the report goes to the file and standard error stays empty', async () => {
    const cwd = tempTree({ 'web.yaml': MISPLACED });
    const { stdout, stderr } = await runCli(['--diff', '-f', 'json', '-o', 'r.json', '.'], cwd);
    expect(stdout).toMatch(/^--- a\/web.yaml\n\+\+\+ b\/web.yaml\n/);
    expect(stderr).toBe('');
    expect(JSON.parse(read(cwd, 'r.json')).fixes.map((f: { status: string }) => f.status)).toEqual(['fixed', 'fixed']);
  });
});
