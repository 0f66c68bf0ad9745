/**
 * The built CLI on the cases of the key vocabulary, YAML as Kubernetes reads it and honest prices, as a user
 * runs it: files in a folder of their own, the JSON and text reports, --fix.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, describeIfBuilt, node } from './helpers.js';

jest.setTimeout(120_000);

// PyYAML's style: the quoted script continues at the key's own indentation (a small Argo Workflow).
const WORKFLOW = [
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Workflow',
  'metadata:',
  '  name: finetune',
  'spec:',
  '  entrypoint: main',
  '  templates:',
  '    - name: main',
  '      script:',
  '        image: registry.cn-hangzhou.aliyuncs.com/acme/finetune:v4',
  '        source: "import os\\nfrom datasets\\',
  '        \\ import load_from_disk\\nprint(os.getcwd())"',
  '        command: [python]',
  '',
].join('\n');

// Written for the EIP add-on of ECS nodes, deployed to an ACK Serverless cluster.
const CONTROLLER_KEYS = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: edge',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    metadata:',
  '      annotations:',
  '        k8s.aliyun.com/eci-with-eip: "true"',
  '        k8s.aliyun.com/eip-instance-charge-type: PostPaid',
  '        k8s.aliyun.com/eip-isp: BGP_PRO',
  '        k8s.aliyun.com/eci-ipv6-bandwidth-enable: "true"',
  '        k8s.aliyun.com/eci-ipv6-bandwidth: "100"',
  '    spec:',
  '      containers:',
  '        - name: edge',
  '          image: registry.cn-hangzhou.aliyuncs.com/acme/edge:1',
  '',
].join('\n');

interface Report {
  findings: { ruleId: string; file: string; line: number; column: number; message: string }[];
  cost: { workloads: { name: string; isp?: string; perPod: number | null; unknown?: string }[]; prices: { ageMonths: number } };
}

describeIfBuilt('node dist/cli.js: key vocabulary, YAML as Kubernetes reads it, honest prices', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-vocab-'));
    fs.writeFileSync(path.join(dir, 'workflow.yaml'), WORKFLOW);
    fs.writeFileSync(path.join(dir, 'edge.yaml'), CONTROLLER_KEYS);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => node([CLI, ...args], { cwd: dir });

  it('lints the PyYAML-style document, reports the add-on key as having no effect, checks the IPv6 bandwidth', () => {
    const r = run('--format', 'json', '--region', 'cn-hongkong', '.');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.map((f) => [f.ruleId, f.file, f.line, f.column])).toEqual([
      ['eip-unknown-key', 'edge.yaml', 11, 9],
      ['eip-invalid-value', 'edge.yaml', 14, 44],
    ]);
    const unknownKey = report.findings.find((f) => f.ruleId === 'eip-unknown-key')!;
    expect(unknownKey.message).toContain('has no effect');
    expect(unknownKey.message).not.toMatch(/Terway|Did you mean/);
    // BGP Pro in Hong Kong is priced at 0.452 a GB.
    expect(report.cost.workloads).toEqual([expect.objectContaining({ name: 'edge', isp: 'BGP_PRO', perPod: 4.52 })]);
    expect(report.cost.prices.ageMonths).toBeGreaterThanOrEqual(66);
  });

  it('--fix renames nothing: the add-on key stays as written', () => {
    const r = run('--fix', '.');
    expect(r.status).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'edge.yaml'), 'utf8')).toBe(CONTROLLER_KEYS);
    expect(fs.readFileSync(path.join(dir, 'workflow.yaml'), 'utf8')).toBe(WORKFLOW);
  });

  it('marks BGP Pro unknown where the table has no price, and the text footnote says how old the prices are', () => {
    const r = run('--fail-on', 'never', '.');
    expect(r.status).toBe(0);
    // The text report wraps at 100 columns: compare the words, not the line breaks.
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('eip-isp BGP_PRO: the price table has no BGP (Multi-ISP) Pro price for ap-southeast-1 in USD (eip-traffic-gb)');
    expect(flat).toMatch(/These prices are (over )?\d+ years old, from before EIP traffic was billed by CDT \(2024-12-17\)\./);
    expect(r.stdout).not.toContain('parse-error');
  });

  it('still reports genuinely broken YAML as a parse-error', () => {
    fs.writeFileSync(path.join(dir, 'workflow.yaml'), WORKFLOW.replace('print(os.getcwd())"', 'print(os.getcwd())'));
    const report = JSON.parse(run('--format', 'json', '.').stdout) as Report;
    expect(report.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.file)).toEqual(['workflow.yaml']);
  });
});
