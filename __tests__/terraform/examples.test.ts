/** `node dist/cli.js examples --format json` reports the Terraform examples' findings at the right lines. */
import { jest } from '@jest/globals';
import { CLI, describeIfBuilt, locate, node } from '../e2e/helpers.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  workload?: { kind: string; name: string };
  fix?: { safe: boolean };
}

jest.setTimeout(120_000);

const T = 'examples/terraform/';

/** Every Terraform finding of the examples: rule, file, and the text its line starts at. */
const EXPECTED: [string, string, string, number?][] = [
  ['eip-misplaced', 'annotations.tf', '"k8s.aliyun.com/eci-with-eip" = "true"'],
  ['eip-invalid-value', 'batch.tf', '0', 0],
  ['eip-orphan-setting', 'batch.tf', 'eip_bandwidth        = 20'],
  ['eip-shared-instance', 'batch.tf', 'eip_instance_id      = "eip-bp1partnersftp01"'],
  ['eip-conflict', 'batch.tf', 'eip_instance_id      = "eip-bp1taxfiling001"'],
  ['parse-error', 'broken/unclosed-block.tf', '{', 0],
  ['eip-misplaced', 'checkout.tf', '"k8s.aliyun.com/eci-with-eip" = "true"'],
  ['eip-misplaced', 'json/queue-worker.tf.json', '"k8s.aliyun.com/eci-with-eip": "true"'],
  ['eip-no-effect', 'log-shipper.tf', '"k8s.aliyun.com/eci-with-eip" = "true"'],
  ['eip-unknown-key', 'manifests.tf', '"k8s.aliyun.com/eci-with-eips" = "true"'],
  ['eip-misplaced', 'reports.tf', '"k8s.aliyun.com/eci-with-eip" = "true"'],
  // The repository config's budget.monthly is exceeded; the finding sits on the workload that adds the most.
  ['eip-cost-budget', 'scaling.tf', 'auto_create_eip            = true'],
  ['eip-missing', 'webhook-relay.tf', 'metadata {', 1],
];

describeIfBuilt('node dist/cli.js examples --format json: Terraform', () => {
  let findings: JsonFinding[];
  let report: { files: { path: string; status: string; unresolved?: { line: number; what: string }[] }[]; natGateway?: unknown };
  beforeAll(() => {
    const r = node([CLI, 'examples', '--format', 'json']);
    report = JSON.parse(r.stdout);
    findings = (report as unknown as { findings: JsonFinding[] }).findings.filter((f) => f.file.startsWith(T));
  });

  it('reports exactly the expected findings, each at its line and column', () => {
    const where = (file: string, needle: string, skip?: number) => {
      if (needle === '0') return locate(T + file, 'eip_bandwidth        = 0');
      if (file === 'broken/unclosed-block.tf') return locate(T + file, 'resource "kubernetes_deployment_v1" "coupon_service" {');
      return locate(T + file, needle, (skip ?? 0) + 1);
    };
    const expected = EXPECTED.map(([ruleId, file, needle, skip]) => {
      const at = where(file, needle, skip);
      let column = at.column;
      if (needle === '0') column += 'eip_bandwidth        = '.length;
      if (file === 'broken/unclosed-block.tf') column += 'resource "kubernetes_deployment_v1" "coupon_service" '.length;
      if (['eip-orphan-setting', 'eip-shared-instance', 'eip-conflict', 'eip-cost-budget'].includes(ruleId)) column = at.column;
      return `${ruleId} ${T}${file}:${at.line}:${column}`;
    });
    expect(findings.map((f) => `${f.ruleId} ${f.file}:${f.line}:${f.column}`)).toEqual(expected);
  });

  it('every file of examples/terraform is scanned; the batch jobs\' unknown annotations are listed as unresolved', () => {
    const files = report.files.filter((f) => f.path.startsWith(T));
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.every((f) => f.status === 'scanned')).toBe(true);
    const batch = files.find((f) => f.path === `${T}batch-jobs.tf`)!;
    expect(batch.unresolved).toEqual([
      expect.objectContaining({ line: locate(`${T}batch-jobs.tf`, 'annotations = var.extra_pod_annotations').line, what: 'spec.template.metadata.annotations of kubernetes_job_v1.catalog_import' }),
    ]);
  });

  it('the examples\' Terraform gives no NAT egress: a VPC NAT gateway and a cluster with new_nat_gateway = false', () => {
    expect(report.natGateway).toBeUndefined();
  });

  it('the misplaced annotations have safe fixes; the missing EIP an unsafe one (egress: auto)', () => {
    const fixable = findings.filter((f) => f.fix?.safe).map((f) => `${f.ruleId} ${f.file}`);
    expect(fixable).toEqual([
      `eip-misplaced ${T}annotations.tf`,
      `eip-misplaced ${T}checkout.tf`,
      `eip-misplaced ${T}json/queue-worker.tf.json`,
      `eip-unknown-key ${T}manifests.tf`,
      `eip-misplaced ${T}reports.tf`,
    ]);
    const unsafe = findings.filter((f) => f.fix && !f.fix.safe).map((f) => `${f.ruleId} ${f.file}`);
    expect(unsafe).toContain(`eip-missing ${T}webhook-relay.tf`);
  });
});
