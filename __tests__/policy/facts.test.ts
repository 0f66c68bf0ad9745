import { decideNat, egressPolicyFor, workloadFacts } from '../../src/policy/facts.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import type { Workload, WorkloadPolicy } from '../../src/model/index.js';
import { makeConfig, yaml } from '../helpers/lint.js';

const cronJob = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: report-daily
    namespace: batch
    labels:
      team: data
  spec:
    schedule: "0 1 * * *"
    jobTemplate:
      spec:
        template:
          metadata:
            labels:
              tier: worker
          spec:
            restartPolicy: OnFailure
            containers:
              - name: report
                image: python:3.12
`;

function theWorkload(text: string, file: string): Workload {
  return readKubernetesYaml(file, text).workloads[0];
}

function policyFor(workloads: WorkloadPolicy[], file = 'jobs/report.yaml', text = cronJob) {
  return egressPolicyFor(theWorkload(text, file), makeConfig({ egress: 'auto', workloads }));
}

describe('egress policy per workload (config workloads:)', () => {
  it('falls back to the top-level egress when no rule matches', () => {
    expect(policyFor([])).toBe('auto');
    expect(egressPolicyFor(theWorkload(cronJob, 'a.yaml'), makeConfig({ egress: 'nat' }))).toBe('nat');
  });

  it.each([
    ['a path glob', { path: 'jobs/**' }, { path: 'k8s/**' }],
    ['a kind', { kind: 'CronJob' }, { kind: 'Deployment' }],
    ['a kind glob', { kind: '*Job' }, { kind: 'Deploy*' }],
    ['a name glob', { name: 'report-*' }, { name: 'export-*' }],
    ['a namespace', { namespace: 'batch' }, { namespace: 'default' }],
    ['object labels', { labels: { team: 'data' } }, { labels: { team: 'web' } }],
    ['pod template labels', { labels: { tier: 'worker' } }, { labels: { tier: 'web' } }],
    ['object and pod labels together', { labels: { team: 'data', tier: 'worker' } }, { labels: { team: 'data', tier: 'web' } }],
  ])('matches by %s', (_what, hit, miss) => {
    expect(policyFor([{ match: hit, egress: 'none' }])).toBe('none');
    expect(policyFor([{ match: miss, egress: 'none' }])).toBe('auto');
  });

  it('needs every key of one match to hold', () => {
    const match = { path: 'jobs/**', kind: 'CronJob', name: 'report-*', namespace: 'batch', labels: { team: 'data' } };
    expect(policyFor([{ match, egress: 'none' }])).toBe('none');
    expect(policyFor([{ match: { ...match, namespace: 'other' }, egress: 'none' }])).toBe('auto');
    expect(policyFor([{ match, egress: 'none' }], 'k8s/report.yaml')).toBe('auto');
  });

  it('lets the first matching rule win', () => {
    const rules: WorkloadPolicy[] = [
      { match: { kind: 'Deployment' }, egress: 'eip' },
      { match: { namespace: 'batch' }, egress: 'none' },
      { match: { name: 'report-*' }, egress: 'nat' },
    ];
    expect(policyFor(rules)).toBe('none');
  });

  it('matches the default namespace when none is written', () => {
    const text = cronJob.replace('  namespace: batch\n', '');
    expect(policyFor([{ match: { namespace: 'default' }, egress: 'nat' }], 'a.yaml', text)).toBe('nat');
  });

  it('matches hidden folders in a path glob', () => {
    expect(policyFor([{ match: { path: '**/*.yaml' }, egress: 'nat' }], '.deploy/jobs/report.yaml')).toBe('nat');
  });
});

describe('decideNat', () => {
  it('follows the config, else the infrastructure facts, else absent', () => {
    expect(decideNat(makeConfig({ natGateway: 'present' }), [])).toEqual({ present: true, decidedBy: 'config' });
    expect(decideNat(makeConfig({ natGateway: 'absent' }), [])).toEqual({ present: false, decidedBy: 'config' });
    expect(decideNat(makeConfig(), [])).toEqual({ present: false, decidedBy: 'default' });
    const fact = { present: true, resource: 'alicloud_nat_gateway.main', file: 'infra/nat.tf', span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }, place: { folder: 'infra' } };
    expect(decideNat(makeConfig(), [fact])).toEqual({ present: true, decidedBy: fact });
    expect(decideNat(makeConfig({ natGateway: 'absent' }), [fact]).present).toBe(false);
  });
});

describe('workloadFacts', () => {
  const scan = (overrides = {}) => ({ config: makeConfig(overrides), nat: { present: false, decidedBy: 'default' as const }, natFacts: [], namespaces: new Map(), selectors: [] });

  it('counts the pods that may run at once', () => {
    const deployment = (replicas: string) => yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        ${replicas}
        template:
          spec:
            containers:
              - name: web
                image: nginx
    `;
    expect(workloadFacts(theWorkload(deployment('replicas: 3'), 'a.yaml'), scan()).maxPods).toEqual({ value: 3, why: 'replicas: 3' });
    expect(workloadFacts(theWorkload(deployment('minReadySeconds: 5'), 'a.yaml'), scan()).maxPods).toEqual({ value: 1, why: 'replicas: 1 (default)' });
    expect(workloadFacts(theWorkload(deployment('replicas: three'), 'a.yaml'), scan()).maxPods.value).toBeUndefined();
    expect(workloadFacts(theWorkload(cronJob, 'a.yaml'), scan()).maxPods).toEqual({ value: 1, why: 'parallelism: 1 (default)' });
  });

  it('lets a written annotation win over one the eci-profile injects', () => {
    const text = cronJob.replace('          labels:\n', '          annotations:\n            k8s.aliyun.com/eci-with-eip: "false"\n          labels:\n');
    const selectors = [{ name: 's', namespaceLabels: {}, objectLabels: { tier: 'worker' }, annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' }, labels: {} }];
    expect(text).not.toBe(cronJob);
    const facts = workloadFacts(theWorkload(text, 'a.yaml'), { ...scan(), selectors });
    expect(facts.autoEip).toBe(false);
    expect(facts.podAnnotations.get('k8s.aliyun.com/eci-with-eip')?.entry).toBeDefined();
    const injected = workloadFacts(theWorkload(cronJob, 'a.yaml'), { ...scan(), selectors });
    expect(injected.autoEip).toBe(true);
    expect(injected.podAnnotations.get('k8s.aliyun.com/eci-with-eip')).toEqual({ value: 'true', injectedBy: 's' });
  });
});
