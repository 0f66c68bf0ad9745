/**
 * The projection of the whole engine run: which workloads are priced, their pods, charge type and bandwidth,
 * unknown values, the total, the NAT alternative and the break-even. Singapore list prices unless said:
 * a waived pay-by-traffic EIP costs 10 GB · 0.117 = 1.17 a month; the NAT alternative for N pods costs
 * 0.043 · 730 + 0.0063 · 730 + N · 10 · (0.043 + 0.117) = 35.989 + 1.6 · N.
 */
import { podRange } from '../../src/cost/pods.js';
import type { Count, Workload } from '../../src/model/index.js';
import { costOf, D, deployment, entry, hpa, lintCost } from './helpers.js';

const EIP = { 'k8s.aliyun.com/eci-with-eip': '"true"' };

describe('which workloads are priced', () => {
  it('an ECI workload with eci-with-eip: "true"', () => {
    const cost = costOf({ 'k8s/web.yaml': deployment({ replicas: '3' }) });
    expect(cost.workloads).toHaveLength(1);
    expect(entry(cost, 'web')).toMatchObject({
      file: 'k8s/web.yaml',
      kind: 'Deployment',
      name: 'web',
      namespace: 'shop',
      eip: 'auto',
      pods: { min: 3, max: 3 },
      chargeType: 'PayByTraffic',
      bandwidthMbps: 5,
    });
    expect(entry(cost, 'web').perPod).toBeCloseTo(1.17, 10);
    expect(cost.total.max).toBeCloseTo(3.51, 10);
    expect(cost.total.min).toBeCloseTo(3.51, 10);
  });

  it('points at the eci-with-eip key', () => {
    const text = deployment();
    const w = entry(costOf({ 'a.yaml': text }), 'web');
    const line = text.split('\n').findIndex((l) => l.includes('eci-with-eip')) + 1;
    expect(w.span.line).toBe(line);
  });

  it('not a workload without an EIP, nor "false", nor a misplaced key', () => {
    const misplaced = deployment({ name: 'misplaced', annotations: {} }).replace('metadata:\n  name: misplaced', 'metadata:\n  name: misplaced\n  annotations: {k8s.aliyun.com/eci-with-eip: "true"}');
    const cost = costOf({
      'a.yaml': deployment({ name: 'none', annotations: {} }),
      'b.yaml': deployment({ name: 'off', annotations: { 'k8s.aliyun.com/eci-with-eip': '"false"' } }),
      'c.yaml': misplaced,
    });
    expect(cost.workloads).toEqual([]);
    expect(cost.total).toEqual({ min: 0, max: 0 });
  });

  it('not a DaemonSet (its pods never run on ECI) nor a pod off ECI under cluster: virtual-node', () => {
    expect(costOf({ 'a.yaml': deployment({ kind: 'DaemonSet' }) }).workloads).toEqual([]);
    expect(costOf({ 'a.yaml': deployment() }, { cluster: 'virtual-node' }).workloads).toEqual([]);
  });

  it('an EIP that an eci-profile selector injects', () => {
    const profile = `apiVersion: v1
kind: ConfigMap
metadata:
  name: eci-profile
  namespace: kube-system
data:
  selectors: |
    [{"name": "public", "objectSelector": {"matchLabels": {"app": "web"}},
      "effect": {"annotations": {"k8s.aliyun.com/eci-with-eip": "true", "k8s.aliyun.com/eip-bandwidth": "10",
                                 "k8s.aliyun.com/eip-internet-charge-type": "PayByBandwidth"}}}]
`;
    const cost = costOf({ 'a.yaml': deployment({ annotations: {} }), 'profile.yaml': profile });
    const w = entry(cost, 'web');
    expect(w).toMatchObject({ eip: 'auto', chargeType: 'PayByBandwidth', bandwidthMbps: 10, pods: { min: 1, max: 1 } });
    expect(w.perPod).toBeCloseTo(D * 3.21, 10);
  });

  it('an EIP whatever the egress policy: the pods get their EIPs and the bill', () => {
    const cost = costOf({ 'a.yaml': deployment() }, { egress: 'none', 'nat-gateway': 'present' });
    expect(entry(cost, 'web').monthly?.max).toBeCloseTo(1.17, 10);
  });
});

describe('existing EIPs and bandwidth plans', () => {
  it('an existing EIP adds 0, is listed as such, and does not count for the NAT alternative', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: '1', annotations: { 'k8s.aliyun.com/eci-eip-instanceid': 'eip-bp1abc' } }) });
    expect(entry(cost, 'web')).toEqual(expect.objectContaining({ eip: 'existing', perPod: 0, monthly: { min: 0, max: 0 }, pods: { min: 1, max: 1 } }));
    expect(entry(cost, 'web').chargeType).toBeUndefined();
    expect(cost.natAlternative.pods).toBe(0);
  });

  it('an existing EIP on a workload whose pod count is not known still adds 0', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: 'many', annotations: { 'k8s.aliyun.com/eci-eip-instanceid': 'eip-bp1abc' } }) });
    expect(entry(cost, 'web')).toMatchObject({ eip: 'existing', monthly: { min: 0, max: 0 } });
    expect(entry(cost, 'web').pods).toBeUndefined();
    expect(cost.unknownWorkloads).toBe(0);
  });

  it('with eci-with-eip and an existing EIP id, ECI creates a new EIP: priced as auto', () => {
    const cost = costOf({ 'a.yaml': deployment({ annotations: { ...EIP, 'k8s.aliyun.com/eci-eip-instanceid': 'eip-bp1abc' } }) });
    expect(entry(cost, 'web').eip).toBe('auto');
    expect(cost.total.max).toBeCloseTo(1.17, 10);
  });

  it('a pod in a bandwidth plan pays no bandwidth or traffic fee, only the configuration fee', () => {
    const annotations = { ...EIP, 'k8s.aliyun.com/eip-common-bandwidth-package-id': 'cbwp-bp1xyz', 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth', 'k8s.aliyun.com/eip-bandwidth': '"50"' };
    const waived = costOf({ 'a.yaml': deployment({ replicas: '4', annotations }) });
    expect(entry(waived, 'web')).toMatchObject({ eip: 'bandwidth-plan', perPod: 0, monthly: { min: 0, max: 0 }, bandwidthMbps: 50 });
    // Its pods still have auto EIPs: they count for the NAT alternative.
    expect(waived.natAlternative.pods).toBe(4);
    const charged = costOf({ 'a.yaml': deployment({ replicas: '4', annotations }) }, { pricing: { 'waive-eci-config-fee': false } });
    expect(entry(charged, 'web').perPod).toBeCloseTo(D * 0.1512, 10);
    expect(charged.total.max).toBeCloseTo(4 * D * 0.1512, 10);
  });
});

describe('pods per workload', () => {
  it('replicas, default 1', () => {
    expect(entry(costOf({ 'a.yaml': deployment() }), 'web').pods).toEqual({ min: 1, max: 1 });
    expect(entry(costOf({ 'a.yaml': deployment({ replicas: '0' }) }), 'web').pods).toEqual({ min: 0, max: 0 });
    expect(entry(costOf({ 'a.yaml': deployment({ kind: 'StatefulSet', replicas: '5' }) }), 'web').pods).toEqual({ min: 5, max: 5 });
  });

  it('an HPA makes a range [minReplicas, maxReplicas]: 2–10 pods cost 2.34–11.70', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: '2' }), 'hpa.yaml': hpa('web', '2', '10') });
    const w = entry(cost, 'web');
    expect(w.pods).toEqual({ min: 2, max: 10 });
    expect(w.monthly!.min).toBeCloseTo(2.34, 10);
    expect(w.monthly!.max).toBeCloseTo(11.7, 10);
    expect(cost.total.min).toBeCloseTo(2.34, 10);
    expect(cost.total.max).toBeCloseTo(11.7, 10);
    expect(cost.natAlternative).toEqual({ monthly: expect.closeTo(51.989, 10), pods: 10 });
  });

  it('minReplicas defaults to 1', () => {
    expect(entry(costOf({ 'a.yaml': deployment({ replicas: '3' }) + '---\n' + hpa('web', undefined, '6') }), 'web').pods).toEqual({ min: 1, max: 6 });
  });

  it('minReplicas equal to maxReplicas pins the count (only a minimum above the maximum makes it unknown)', () => {
    expect(entry(costOf({ 'a.yaml': deployment({ replicas: '1' }) + '---\n' + hpa('web', '3', '3') }), 'web').pods).toEqual({ min: 3, max: 3 });
  });

  it('an HPA does not scale a workload with replicas: 0', () => {
    expect(entry(costOf({ 'a.yaml': deployment({ replicas: '0' }) + '---\n' + hpa('web', '2', '6') }), 'web').pods).toEqual({ min: 0, max: 0 });
  });

  it('an HPA in another namespace does not target the workload', () => {
    expect(entry(costOf({ 'a.yaml': deployment({ replicas: '2' }) + '---\n' + hpa('web', '2', '6', 'other') }), 'web').pods).toEqual({ min: 2, max: 2 });
  });

  it('an HPA pointing at a workload that is not there changes nothing and breaks nothing', () => {
    const result = lintCost({ 'a.yaml': deployment({ replicas: '2' }), 'hpa.yaml': hpa('gone', '2', '6') });
    expect(entry(result.cost, 'web').pods).toEqual({ min: 2, max: 2 });
    expect(result.cost.workloads).toHaveLength(1);
  });

  it('Job and CronJob: parallelism, default 1; Pod: 1', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: fetch, namespace: shop}
spec:
  parallelism: 4
  template:
    metadata:
      annotations: {k8s.aliyun.com/eci-with-eip: "true"}
    spec:
      restartPolicy: Never
      containers: [{name: fetch, image: curlimages/curl}]
`;
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: shop}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          annotations: {k8s.aliyun.com/eci-with-eip: "true"}
        spec:
          restartPolicy: Never
          containers: [{name: run, image: curlimages/curl}]
`;
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
  annotations: {k8s.aliyun.com/eci-with-eip: "true"}
spec:
  containers: [{name: debug, image: busybox}]
`;
    const cost = costOf({ 'job.yaml': job, 'cron.yaml': cron, 'pod.yaml': pod });
    expect(entry(cost, 'fetch').pods).toEqual({ min: 4, max: 4 });
    expect(entry(cost, 'nightly').pods).toEqual({ min: 1, max: 1 });
    expect(entry(cost, 'debug').pods).toEqual({ min: 1, max: 1 });
    expect(cost.total.max).toBeCloseTo(6 * 1.17, 10);
  });
});

describe('podRange: Terraform count and for_each multiply the pods', () => {
  const count = (c: Count) => c;
  const workload = (over: Partial<Workload>): Workload =>
    ({ kind: 'Deployment', replicas: {}, parallelism: {}, ...over }) as unknown as Workload;

  it('replicas × instances', () => {
    expect(podRange(workload({ replicas: count({ value: 2 }), instances: count({ value: 3 }) }))).toEqual({ range: { min: 6, max: 6 } });
  });

  it('an HPA range × instances', () => {
    const autoscaler = { min: { value: 1 }, max: { value: 4 }, file: 'a.yaml', span: undefined as never, name: 'web' };
    expect(podRange(workload({ autoscaler, instances: { value: 2 } }))).toEqual({ range: { min: 2, max: 8 } });
  });

  it('an unknown count or for_each makes the pods unknown, with the reason', () => {
    expect(podRange(workload({ instances: { unknown: 'var.n has no default (its value is given when Terraform runs)', what: 'count' } }))).toEqual({
      unknown: 'count: var.n has no default (its value is given when Terraform runs)',
    });
  });

  it('an ECI container group is one pod per instance', () => {
    expect(podRange(workload({ kind: 'Pod', instances: { value: 5 } }))).toEqual({ range: { min: 5, max: 5 } });
  });

  it('a DaemonSet counts no pods (they never run on ECI), whatever replicas or count says', () => {
    expect(podRange(workload({ kind: 'DaemonSet', replicas: count({ value: 3 }), instances: { value: 2 } }))).toEqual({ range: { min: 0, max: 0 } });
  });
});

describe('charge type and bandwidth per pod', () => {
  it('from the annotations', () => {
    const cost = costOf({
      'a.yaml': deployment({
        replicas: '2',
        annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth', 'k8s.aliyun.com/eip-bandwidth': '"10"' },
      }),
    });
    expect(entry(cost, 'web')).toMatchObject({ chargeType: 'PayByBandwidth', bandwidthMbps: 10 });
    expect(cost.total.max).toBeCloseTo(2 * D * 3.21, 10); // 195.275
  });

  it('from the config for pods that do not say', () => {
    const cost = costOf({ 'a.yaml': deployment() }, { pricing: { 'charge-type': 'PayByBandwidth' } });
    expect(entry(cost, 'web')).toMatchObject({ chargeType: 'PayByBandwidth', bandwidthMbps: 5 });
    expect(cost.total.max).toBeCloseTo(D * 0.71, 10);
  });

  it('an unquoted bandwidth is priced as meant (eip-not-string reports the quoting)', () => {
    const result = lintCost({ 'a.yaml': deployment({ annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth', 'k8s.aliyun.com/eip-bandwidth': '10' } }) });
    expect(entry(result.cost, 'web').bandwidthMbps).toBe(10);
    expect(result.findings.map((f) => f.ruleId)).toContain('eip-not-string');
  });

  it('traffic-gb-per-pod and the waiver change the per-pod price', () => {
    const cost = costOf({ 'a.yaml': deployment() }, { pricing: { 'traffic-gb-per-pod': 50, 'waive-eci-config-fee': false } });
    expect(entry(cost, 'web').perPod).toBeCloseTo(0.0063 * 730 + 50 * 0.117, 10);
  });
});

describe('unknown values: the cost is unknown with the reason, never NaN or a guess', () => {
  const noNaN = (value: unknown) => expect(JSON.stringify(value, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? 'NOT-FINITE' : v))).not.toContain('NOT-FINITE');

  it('replicas that is not a number', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: 'three' }), 'b.yaml': deployment({ name: 'ok', replicas: '2' }) });
    const w = entry(cost, 'web');
    expect(w.monthly).toBeUndefined();
    expect(w.pods).toBeUndefined();
    expect(w.unknown).toBe('the pod count is not known: replicas is "three", not a whole number');
    expect(cost.unknownWorkloads).toBe(1);
    // Not in the total, and not in the NAT alternative's pods.
    expect(cost.total.max).toBeCloseTo(2.34, 10);
    expect(cost.natAlternative.pods).toBe(2);
    noNaN(cost);
  });

  it('an HPA whose maxReplicas is missing, not a number, or below minReplicas', () => {
    expect(entry(costOf({ 'a.yaml': deployment() + '---\n' + hpa('web', '2', undefined) }), 'web').unknown).toBe(
      'the pod count is not known: the HorizontalPodAutoscaler web has no maxReplicas',
    );
    expect(entry(costOf({ 'a.yaml': deployment() + '---\n' + hpa('web', '2', 'ten') }), 'web').unknown).toBe(
      'the pod count is not known: the HorizontalPodAutoscaler web: maxReplicas is "ten", not a whole number',
    );
    expect(entry(costOf({ 'a.yaml': deployment() + '---\n' + hpa('web', '8', '4') }), 'web').unknown).toBe(
      'the pod count is not known: the HorizontalPodAutoscaler web has minReplicas 8 above maxReplicas 4',
    );
  });

  it.each([
    ['"10M"', 'k8s.aliyun.com/eip-bandwidth "10M" is not a whole number of Mbit/s in 1–200'],
    ['"0"', 'k8s.aliyun.com/eip-bandwidth "0" is not a whole number of Mbit/s in 1–200'],
    ['"600"', 'k8s.aliyun.com/eip-bandwidth "600" is not a whole number of Mbit/s in 1–200'],
    ['"2.5"', 'k8s.aliyun.com/eip-bandwidth "2.5" is not a whole number of Mbit/s in 1–200'],
  ])('an invalid bandwidth %s', (value, reason) => {
    const w = entry(costOf({ 'a.yaml': deployment({ annotations: { ...EIP, 'k8s.aliyun.com/eip-bandwidth': value } }) }), 'web');
    expect(w).toMatchObject({ eip: 'auto', chargeType: 'PayByTraffic', unknown: reason });
    expect(w.monthly).toBeUndefined();
    expect(w.bandwidthMbps).toBeUndefined();
  });

  it('a bandwidth over the pay-by-traffic limit of 200 with PayByTraffic written', () => {
    const w = entry(
      costOf({ 'a.yaml': deployment({ annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByTraffic', 'k8s.aliyun.com/eip-bandwidth': '"300"' } }) }),
      'web',
    );
    expect(w.unknown).toBe('k8s.aliyun.com/eip-bandwidth "300" is not a whole number of Mbit/s in 1–200');
  });

  it('an invalid charge type', () => {
    const w = entry(costOf({ 'a.yaml': deployment({ annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'paybytraffic' } }) }), 'web');
    expect(w.unknown).toBe('k8s.aliyun.com/eip-internet-charge-type "paybytraffic" is not PayByTraffic or PayByBandwidth');
    expect(w.chargeType).toBeUndefined();
  });

  it('several reasons together', () => {
    const w = entry(costOf({ 'a.yaml': deployment({ replicas: 'x', annotations: { ...EIP, 'k8s.aliyun.com/eip-bandwidth': '"fast"' } }) }), 'web');
    expect(w.unknown).toBe('the pod count is not known: replicas is "x", not a whole number; k8s.aliyun.com/eip-bandwidth "fast" is not a whole number of Mbit/s in 1–200');
  });

  it('every workload unknown: totals 0, the break-even from the config\'s defaults', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: 'x' }) }, { pricing: { 'charge-type': 'PayByBandwidth' } });
    expect(cost.total).toEqual({ min: 0, max: 0 });
    expect(cost.unknownWorkloads).toBe(1);
    expect(cost.natAlternative.pods).toBe(0);
    expect(cost.breakEvenPods).toBe(2);
    noNaN(cost);
  });
});

describe('the NAT alternative and the break-even', () => {
  it('no EIP workloads: N = 0, the NAT\'s fixed cost, and the break-even of one default pod', () => {
    const cost = costOf({ 'a.yaml': deployment({ annotations: {} }) });
    expect(cost.workloads).toEqual([]);
    expect(cost.natAlternative).toEqual({ monthly: expect.closeTo(35.989, 10), pods: 0 });
    expect(cost.breakEvenPods).toBeNull();
    expect(cost.breakEvenPerPod).toBeCloseTo(1.17, 10);
  });

  it('waived pay-by-traffic EIPs never lose: null', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: '200' }) });
    expect(cost.breakEvenPods).toBeNull();
    expect(cost.natAlternative).toEqual({ monthly: expect.closeTo(35.989 + 320, 10), pods: 200 });
    expect(cost.total.max).toBeCloseTo(234, 10);
  });

  it('with the configuration fee charged, pay-by-traffic breaks even at 9 pods', () => {
    expect(costOf({ 'a.yaml': deployment() }, { pricing: { 'waive-eci-config-fee': false } }).breakEvenPods).toBe(9);
  });

  it('the pods\' mix of charge types and bandwidths: 2 at 5 Mbps pay-by-bandwidth and 2 pay-by-traffic → 4', () => {
    // Average EIP: (2 · 21.5958 + 2 · 1.17) / 4 = 11.383; 35.989 + 1.6 · N ≤ 11.383 · N → N ≥ 3.68 → 4.
    const cost = costOf({
      'a.yaml': deployment({ name: 'bw', replicas: '2', annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth' } }),
      'b.yaml': deployment({ name: 'traffic', replicas: '2' }),
    });
    expect(cost.breakEvenPerPod).toBeCloseTo((2 * D * 0.71 + 2 * 1.17) / 4, 10);
    expect(cost.breakEvenPods).toBe(4);
    expect(cost.natAlternative.pods).toBe(4);
  });

  it('the mix is weighted by the maximum pods', () => {
    const cost = costOf({
      'a.yaml': deployment({ name: 'bw', replicas: '1', annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth' } }),
      'b.yaml': deployment({ name: 'traffic', replicas: '1' }) + '---\n' + hpa('traffic', '1', '9'),
    });
    expect(cost.breakEvenPerPod).toBeCloseTo((D * 0.71 + 9 * 1.17) / 10, 10);
  });
});

describe('prices from the config and other regions', () => {
  it('every price of the config is used', () => {
    const prices = {
      'eip-config-fee-hour': 0.01,
      'eip-traffic-gb': 0.2,
      'eip-config-fee-day': 0.3,
      'eip-bandwidth-day-first5': 0.4,
      'eip-bandwidth-day-above5': 0.6,
      'nat-hour': 0.05,
      'nat-cu': 0.07,
    };
    const files = {
      'a.yaml': deployment({ name: 'traffic', replicas: '2' }),
      'b.yaml': deployment({ name: 'bw', annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth', 'k8s.aliyun.com/eip-bandwidth': '"8"' } }),
    };
    const cost = costOf(files, { pricing: { region: 'eu-central-1', 'waive-eci-config-fee': false, prices } });
    expect(entry(cost, 'traffic').perPod).toBeCloseTo(0.01 * 730 + 10 * 0.2, 10);
    expect(entry(cost, 'bw').perPod).toBeCloseTo(D * (0.3 + 0.4 * 5 + 0.6 * 3), 10);
    expect(cost.natAlternative.monthly).toBeCloseTo(0.05 * 730 + 0.07 * 30 + 0.01 * 730 + 30 * 0.2, 10);
    expect(cost.pricing).toMatchObject({ region: 'eu-central-1', currency: 'USD', asOf: null });
  });

  it('cn-hangzhou in CNY: 8.00 a pod (10 GB · 0.80), the NAT alternative for 3 pods 213.40', () => {
    const cost = costOf({ 'a.yaml': deployment({ replicas: '3' }) }, { pricing: { region: 'cn-hangzhou', currency: 'CNY' } });
    expect(cost.pricing.currency).toBe('CNY');
    expect(cost.total.max).toBeCloseTo(24, 10);
    // 0.23 · 730 + 0.23 · 30 + 0.02 · 730 + 30 · 0.80
    expect(cost.natAlternative.monthly).toBeCloseTo(167.9 + 6.9 + 14.6 + 24, 10);
  });

  it('the mainland group in USD: 1.25 a pod', () => {
    expect(costOf({ 'a.yaml': deployment() }, { pricing: { region: 'cn-shenzhen' } }).total.max).toBeCloseTo(1.25, 10);
  });
});
