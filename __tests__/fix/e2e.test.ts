/**
 * End to end with the built bundle (dist/cli.js): `examples --diff` shows a fix for every fixable rule and writes
 * nothing; `--fix` on a copy of examples/ leaves no finding with a safe fix; standard input with `--fix` prints the
 * fixed stream.
 */
import { jest } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, describeIfBuilt, node, ROOT } from '../e2e/helpers.js';

jest.setTimeout(120_000);

interface Report {
  findings: { ruleId: string; file: string; line: number; fix?: { safe: boolean } }[];
  fixes?: { file: string; ruleId: string; line: number; status: 'fixed' | 'failed'; reason?: string }[];
}

const SAFE = ['eip-invalid-value', 'eip-misplaced', 'eip-not-string', 'eip-unknown-key'];
/** eip-missing's fix is unsafe under the examples' egress: auto (it would add a public IP per pod on a guess). */
const UNSAFE = ['eip-missing', 'eip-redundant', 'eip-unexpected'];

/** A digest of every file under a folder, to show that nothing was written. */
function digest(dir: string): string {
  const hash = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(full).update(fs.readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** A copy of examples/ and the repository's config (which sets the policies the examples rely on). */
function copyOfExamples(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-fix-e2e-'));
  fs.cpSync(path.join(ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
  fs.cpSync(path.join(ROOT, '.github', 'eci-egress-lint.yml'), path.join(dir, '.github', 'eci-egress-lint.yml'));
  return dir;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describeIfBuilt('node dist/cli.js with fixes', () => {
  it('examples --diff: a fix for every fixable rule, a diff git applies, nothing written', () => {
    const before = digest(path.join(ROOT, 'examples'));
    const r = node([CLI, 'examples', '--diff', '--fix-unsafe', UNSAFE.join(','), '--format', 'json']);
    expect(r.status).toBe(1); // the syntax error and the findings without a fix remain
    expect(digest(path.join(ROOT, 'examples'))).toBe(before);

    const report = JSON.parse(r.stderr) as Report;
    const fixed = report.fixes!.filter((f) => f.status === 'fixed');
    expect(report.fixes!.filter((f) => f.status === 'failed')).toEqual([]);
    expect([...new Set(fixed.map((f) => f.ruleId))].sort()).toEqual([...SAFE, ...UNSAFE].sort());

    // Every file with a fix is in the diff, with a/ and b/ paths relative to the working directory.
    const files = [...new Set(fixed.map((f) => f.file))];
    for (const file of files) expect(r.stdout).toContain(`--- a/${file}\n+++ b/${file}\n`);
    expect(r.stdout.match(/^--- a\//gm)).toHaveLength(files.length);

    // The diff applies to a copy, and the copy then has nothing left to fix.
    const copy = copyOfExamples();
    made.push(copy);
    fs.writeFileSync(path.join(copy, 'fixes.patch'), r.stdout);
    const git = spawnSync('git', ['apply', '--whitespace=nowarn', 'fixes.patch'], { cwd: copy, encoding: 'utf8' });
    expect(git.stderr).toBe('');
    expect(git.status).toBe(0);
    const again = node([CLI, 'examples', '--diff', '--fix-unsafe', UNSAFE.join(',')], { cwd: copy });
    expect(again.stdout).toBe('');
  });

  it('examples --diff without --fix-unsafe: the safe fixes only', () => {
    const r = node([CLI, 'examples', '--diff', '--format', 'json']);
    const report = JSON.parse(r.stderr) as Report;
    expect([...new Set(report.fixes!.map((f) => f.ruleId))].sort()).toEqual(SAFE);
    expect([...new Set(report.findings.filter((f) => UNSAFE.includes(f.ruleId)).map((f) => f.ruleId))].sort()).toEqual(UNSAFE);
    expect(report.findings.filter((f) => f.ruleId === 'eip-missing' && f.fix).every((f) => f.fix!.safe === false)).toBe(true);
  });

  it('--fix on a copy of examples/: no finding with a safe fix is left, and a second --fix changes nothing', () => {
    const copy = copyOfExamples();
    made.push(copy);
    const first = node([CLI, '--fix', 'examples', '--format', 'json'], { cwd: copy });
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout) as Report;
    expect(report.findings.filter((f) => f.fix?.safe)).toEqual([]);
    expect(report.fixes!.filter((f) => f.status === 'failed')).toEqual([]);
    expect(new Set(report.fixes!.map((f) => f.ruleId))).toEqual(new Set(SAFE));
    // Only the files with a fix were written.
    const changed = spawnSync('git', ['diff', '--no-index', '--name-only', path.join(ROOT, 'examples'), path.join(copy, 'examples')], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .map((f) => f.slice(f.indexOf('examples/')))
      .sort();
    expect([...new Set(changed)]).toEqual([...new Set(report.fixes!.map((f) => f.file))].sort());

    const after = digest(path.join(copy, 'examples'));
    const second = node([CLI, '--fix', 'examples', '--format', 'json'], { cwd: copy });
    expect(digest(path.join(copy, 'examples'))).toBe(after);
    expect(JSON.parse(second.stdout).fixes).toEqual([]);
    expect(second.status).toBe(first.status);
  });

  it('--fix with "-" prints the fixed stream on standard output and the report on standard error', () => {
    const input = fs.readFileSync(path.join(ROOT, 'examples', 'k8s', 'payments.yaml'), 'utf8');
    const r = node([CLI, '--fix', '-'], { input });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      input
        .replace('eci-with-eip: true\n', 'eci-with-eip: "true"\n')
        .replace('eip-bandwidth: 10\n', 'eip-bandwidth: "10"\n')
        .replace('eci-with-eip: yes\n', 'eci-with-eip: "true"\n'),
    );
    expect(r.stderr).toContain('Fixed 3 problems; the fixed text is on standard output:');
    expect(r.stderr).toContain('<stdin>:24:38 eip-not-string');
  });

  it('--diff with "-": a diff of <stdin>', () => {
    const input = 'kind: Pod\nmetadata:\n  name: p\n  annotations:\n    k8s.aliyun.com/eci-with-eip: on\nspec:\n  containers: [{name: a, image: "registry.cn-hangzhou.aliyuncs.com/a/b:1"}]\n';
    const r = node([CLI, '--diff', '-'], { input });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      '--- a/<stdin>\n+++ b/<stdin>\n@@ -2,6 +2,6 @@\n metadata:\n   name: p\n   annotations:\n-    k8s.aliyun.com/eci-with-eip: on\n+    k8s.aliyun.com/eci-with-eip: "true"\n spec:\n   containers: [{name: a, image: "registry.cn-hangzhou.aliyuncs.com/a/b:1"}]\n',
    );
  });
});
