import { expectRuleConfigFollowed, findingsOf, lint, lintFiles, only, yaml } from '../../../__tests__/helpers/lint.js';
import { pod, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-shared-instance';

/** A Deployment `gateway` bound to one existing EIP, with `replicas:` as written (no line when undefined). */
const deployment = (replicas: string | undefined, namespace = 'shop'): string =>
  workload({ name: 'gateway', namespace, replicas, annotations: ['k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc'] });

const hpa = (max: number, namespace = 'shop') => yaml`
  apiVersion: autoscaling/v2
  kind: HorizontalPodAutoscaler
  metadata:
    name: gateway-hpa
    namespace: ${namespace}
  spec:
    scaleTargetRef:
      apiVersion: apps/v1
      kind: Deployment
      name: gateway
    minReplicas: 1
    maxReplicas: ${max}
`;

describe('eip-shared-instance', () => {
  it('reports an existing EIP id on a Deployment with replicas: 3, at the key', () => {
    const finding = only(lint(deployment('3')), RULE);
    expect(finding.severity).toBe('error');
    expect(finding.span).toMatchObject({ line: 11, column: 9, endLine: 11, endColumn: 42 });
    expect(finding.message).toContain('Deployment gateway can run 3 pods at once (replicas: 3)');
    expect(finding.message).toContain('an EIP serves one ECI instance at a time');
    expect(finding.fix).toBeUndefined();
  });

  it('counts the maxReplicas of an HPA in another file of the same run', () => {
    const result = lintFiles([
      { path: 'k8s/gateway.yaml', text: deployment(undefined) },
      { path: 'k8s/autoscaling/hpa.yaml', text: hpa(5) },
    ]);
    const finding = only(result, RULE);
    expect(finding.file).toBe('k8s/gateway.yaml');
    expect(finding.message).toContain('can run 5 pods at once (the HorizontalPodAutoscaler gateway-hpa scales it to 5)');
  });

  it('ignores an HPA in another namespace, and one with maxReplicas: 1', () => {
    expect(findingsOf(lintFiles([{ path: 'a.yaml', text: deployment(undefined) }, { path: 'b.yaml', text: hpa(5, 'other') }]), RULE)).toEqual([]);
    expect(findingsOf(lintFiles([{ path: 'a.yaml', text: deployment(undefined) }, { path: 'b.yaml', text: hpa(1) }]), RULE)).toEqual([]);
  });

  it('reports a Job with parallelism: 2', () => {
    const text = workload({
      kind: 'Job',
      name: 'crawl',
      spec: ['parallelism: 2'],
      annotations: ['k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc'],
      podSpec: ['restartPolicy: Never'],
      image: 'python:3.12',
    });
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 10, column: 9 });
    expect(finding.message).toContain('Job crawl can run 2 pods at once (parallelism: 2)');
  });

  it('reports a CronJob whose job spec has parallelism: 4', () => {
    const text = yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: sync
      spec:
        schedule: "*/5 * * * *"
        jobTemplate:
          spec:
            parallelism: 4
            template:
              metadata:
                annotations:
                  k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc
              spec:
                restartPolicy: Never
                containers:
                  - name: sync
                    image: alpine
    `;
    expect(only(lint(text), RULE).message).toContain('can run 4 pods at once');
  });

  it('gives no finding for replicas: 1, no replicas, a bare Pod, or a Job without parallelism', () => {
    expect(lint(deployment('1')).findings).toEqual([]);
    expect(lint(deployment(undefined)).findings).toEqual([]);
    const bare = pod({ name: 'one', annotations: ['k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc'] });
    expect(lint(bare).findings).toEqual([]);
  });

  it('gives no finding when replicas cannot be read ("three"): no finding rests on an unknown value', () => {
    expect(findingsOf(lint(deployment('three')), RULE)).toEqual([]);
    expect(findingsOf(lint(deployment('"3"')), RULE)).toEqual([]);
  });

  it('gives no finding for an auto-created EIP per pod', () => {
    const text = deployment('3').replace('k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc', 'k8s.aliyun.com/eci-with-eip: "true"');
    expect(lint(text).findings).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    const text = deployment('3');
    expectRuleConfigFollowed(text, RULE);
  });
});
