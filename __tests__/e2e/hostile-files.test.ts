/**
 * The built CLI on files made to stop or stall a scan: each becomes a finding (or an unresolved value) on that file,
 * and the report still lists every other file's findings. Run as a user runs it: `node dist/cli.js . --format json`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, describeIfBuilt, node } from './helpers.js';

const GOOD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: good\n  annotations:\n    k8s.aliyun.com/eci-with-eip: yes\nspec: {}\n';

const FAN_OUT = [
  'locals {',
  '  a0 = "x"',
  ...Array.from({ length: 7 }, (_, i) => `  a${i + 1} = [${Array(30).fill(`local.a${i}`).join(', ')}]`),
  '}',
  'resource "kubernetes_deployment_v1" "fan" {',
  '  metadata {',
  '    name = "fan"',
  '  }',
  '  spec {',
  '    replicas = length(local.a7)',
  '    template {',
  '      metadata {',
  '        annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }',
  '      }',
  '      spec {}',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

describeIfBuilt('node dist/cli.js on hostile files', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-hostile-'));
    const files: Record<string, string> = {
      'k8s/alias.yaml': '&r\nkind: List\nitems:\n  - *r\n',
      // A Deployment, so that its replicas count (a Pod has one pod whatever it says).
      'k8s/huge.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: huge\nspec:\n  replicas: 1.7e308\n  template:\n    metadata:\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n    spec: {}\n',
      'k8s/good.yaml': GOOD,
      'infra/deep.tf': `locals {\n  x = ${'['.repeat(2000)}${']'.repeat(2000)}\n}\n`,
      'infra/deep.tf.json': `{"locals": {"x": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}`,
      'infra/deeper.tf.json': `{"locals": {"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`,
      'fan/main.tf': FAN_OUT,
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports each file and every other file\'s findings; no internal error, no NaN', () => {
    const run = node([CLI, '.', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
    const report = JSON.parse(run.stdout);
    const findings = report.findings.map((f: { file: string; ruleId: string; line: number }) => [f.file, f.ruleId, f.line]);
    expect(findings).toEqual([
      ['infra/deeper.tf.json', 'skipped-file', 1],
      ['k8s/alias.yaml', 'parse-error', 4],
      ['k8s/good.yaml', 'eip-not-string', 6],
      ['k8s/huge.yaml', 'eip-invalid-value', 6],
    ]);
    const status = Object.fromEntries(report.files.map((f: { path: string; status: string }) => [f.path, f.status]));
    expect(status).toEqual({
      'fan/main.tf': 'scanned',
      'infra/deep.tf': 'scanned',
      'infra/deep.tf.json': 'scanned',
      'infra/deeper.tf.json': 'skipped',
      'k8s/alias.yaml': 'scanned',
      'k8s/good.yaml': 'scanned',
      'k8s/huge.yaml': 'scanned',
    });
    const fan = report.files.find((f: { path: string }) => f.path === 'fan/main.tf');
    expect(fan.unresolved).toEqual([expect.objectContaining({ what: 'spec.replicas of kubernetes_deployment_v1.fan', reason: expect.stringContaining('evaluation budget') })]);
  });
});
