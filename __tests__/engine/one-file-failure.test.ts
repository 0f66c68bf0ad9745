/**
 * One file never stops the run (issue: hostile input). A file that makes a reader throw, recurse without end or
 * nest past what the converters follow becomes a finding on that file, and every other file is still checked.
 */
import { lintSources } from '../../src/engine/index.js';
import { RULES } from '../../src/rules/index.js';
import { makeConfig } from '../helpers/lint.js';
import { prepareTerraform } from '../terraform/helpers.js';

beforeAll(prepareTerraform);

const GOOD_YAML = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: a',
  '  annotations:',
  '    k8s.aliyun.com/eci-with-eip: yes',
  'spec: {}',
  '',
].join('\n');

const GOOD_TF = [
  'resource "kubernetes_pod_v1" "p" {',
  '  metadata {',
  '    name = "p"',
  '    annotations = { "k8s.aliyun.com/eci-with-eip" = true }',
  '  }',
  '  spec {',
  '    container {',
  '      name  = "p"',
  '      image = "nginx"',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

function lintAll(files: Record<string, string>) {
  return lintSources(Object.entries(files).map(([path, text]) => ({ path, text })), { config: makeConfig() });
}

const summary = (result: ReturnType<typeof lintAll>) => result.findings.map((f) => [f.file, f.ruleId, f.span.line]);

describe('a file that would overflow the stack', () => {
  it('a self-referencing alias is a parse-error on its line; the other files are checked', () => {
    const result = lintAll({ 'k8s/bomb.yaml': '&r\nkind: List\nitems:\n  - *r\n', 'k8s/good.yaml': GOOD_YAML });
    expect(summary(result)).toEqual([
      ['k8s/bomb.yaml', 'parse-error', 4],
      ['k8s/good.yaml', 'eip-not-string', 6],
    ]);
    expect(result.findings[0].message).toMatch(/the alias \*r is inside the node its anchor &r marks \(a cycle\)/);
  });

  it('an alias inside its own anchored map, deeper in a Deployment, is a parse-error too', () => {
    const text = 'kind: Deployment\nmetadata:\n  name: d\nspec:\n  template: &t\n    metadata:\n      labels: *t\n';
    const result = lintAll({ 'k8s/d.yaml': text });
    expect(summary(result)).toEqual([['k8s/d.yaml', 'parse-error', 7]]);
  });

  it('2,000 nested [ in a .tf: the file is read, the other files get the findings they get alone', () => {
    const deep = `locals {\n  x = ${'['.repeat(2000)}${']'.repeat(2000)}\n}\n`;
    const alone = lintAll({ 'infra/good.tf': GOOD_TF, 'k8s/good.yaml': GOOD_YAML });
    expect(alone.findings.length).toBeGreaterThan(0);
    const result = lintAll({ 'infra/deep.tf': deep, 'infra/good.tf': GOOD_TF, 'k8s/good.yaml': GOOD_YAML });
    expect(summary(result)).toEqual(summary(alone));
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['infra/deep.tf', 'scanned'],
      ['infra/good.tf', 'scanned'],
      ['k8s/good.yaml', 'scanned'],
    ]);
  });

  it('a count under 2,000 nested [ is unknown and listed as unresolved; the workload is still read', () => {
    const tf = GOOD_TF.replace('resource "kubernetes_pod_v1" "p" {', `resource "kubernetes_pod_v1" "p" {\n  count = length(${'['.repeat(2000)}1${']'.repeat(2000)})`);
    const result = lintAll({ 'infra/deep.tf': tf });
    expect(result.workloads.map((w) => w.name)).toEqual(['p']);
    expect(result.workloads[0].instances?.unknown).toMatch(/^count of kubernetes_pod_v1\.p is not known/);
    expect(result.files[0].unresolved?.map((u) => u.what)).toEqual(['count of kubernetes_pod_v1.p']);
  });

  it('3,000 nested objects in a .tf.json: read, the deep part unread, the other files checked', () => {
    const deep = `{"locals": {"x": ${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}}`;
    const result = lintAll({ 'infra/deep.tf.json': deep, 'k8s/good.yaml': GOOD_YAML });
    expect(summary(result)).toEqual([['k8s/good.yaml', 'eip-not-string', 6]]);
    expect(result.files.map((f) => f.status)).toEqual(['scanned', 'scanned']);
  });

  it('nesting past what the JSON parser itself takes: skipped-file with the reason, the other files checked', () => {
    const deep = `{"locals": {"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    const result = lintAll({ 'infra/deeper.tf.json': deep, 'k8s/good.yaml': GOOD_YAML });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.message])).toEqual([
      ['infra/deeper.tf.json', 'skipped-file', 'Not scanned: it nests too deeply to read (the reader ran out of stack).'],
      ['k8s/good.yaml', 'eip-not-string', expect.any(String)],
    ]);
    expect(result.files[0]).toEqual({ path: 'infra/deeper.tf.json', status: 'skipped', reason: 'it nests too deeply to read (the reader ran out of stack)' });
  });

  it('100,000 nested [ in a YAML document: a parse-error on that document, the other files checked', () => {
    const deep = `kind: Pod\nmetadata: {name: x}\nspec: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const result = lintAll({ 'k8s/deep.yaml': deep, 'k8s/good.yaml': GOOD_YAML });
    expect(summary(result)).toEqual([
      ['k8s/deep.yaml', 'parse-error', 3],
      ['k8s/good.yaml', 'eip-not-string', 6],
    ]);
  });
});

describe('a file larger than the Terraform parser takes', () => {
  it('is a skipped-file notice with the sizes; the other Terraform files are still parsed', () => {
    const big = `locals {\n  doc = <<EOT\n${'x'.repeat(100).concat('\n').repeat(85_000)}EOT\n}\n`;
    const result = lintAll({ 'infra/big.tf': big, 'infra/good.tf': GOOD_TF });
    expect(result.files.map((f) => [f.path, f.status, f.reason])).toEqual([
      ['infra/big.tf', 'skipped', '8.2 MB of HCL is more than the Terraform parser takes (8 MB)'],
      ['infra/good.tf', 'scanned', undefined],
    ]);
    expect(result.workloads.map((w) => w.name)).toEqual(['p']);
  });
});

describe('anything thrown while checking', () => {
  it('a rule that throws on one workload: a notice on that workload, the other rules and files still run', () => {
    const rule = RULES.find((r) => r.meta.id === 'eip-not-string')!;
    const original = rule.check!;
    rule.check = (context) => {
      if (context.workload.name === 'a') throw new TypeError(`boom\n${'x'.repeat(500)}`);
      original(context);
    };
    try {
      const result = lintAll({ 'k8s/a.yaml': GOOD_YAML, 'k8s/b.yaml': GOOD_YAML.replace('name: a', 'name: b') });
      expect(summary(result)).toEqual([
        ['k8s/a.yaml', 'skipped-file', 2],
        ['k8s/b.yaml', 'eip-not-string', 6],
      ]);
      expect(result.findings[0].message).toBe('Not checked by eip-not-string: Pod default/a, because the reader failed on it (boom).');
    } finally {
      rule.check = original;
    }
  });
});
