import { applyFixAndCheck, expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, only, positionOf, yaml } from '../../../__tests__/helpers/lint.js';
import { pod, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-misplaced';

describe('eip-misplaced', () => {
  const deployment = workload({
    metadataAnnotations: ['k8s.aliyun.com/eci-with-eip: "true"'],
    replicas: '2',
    labels: ['app: web'],
    image: 'nginx:1.25',
  });

  it("reports a key on a Deployment's own metadata at the key's position", () => {
    const result = lint(deployment);
    const finding = only(result, RULE);
    expect(finding.severity).toBe('error');
    expect(finding.span).toMatchObject({ line: 6, column: 5, endLine: 6, endColumn: 32 });
    expect(finding.message).toContain('k8s.aliyun.com/eci-with-eip');
    expect(finding.message).toContain("object's own metadata");
    expect(finding.message).toContain('spec.template.metadata.annotations');
    expect(finding.workload).toEqual({ kind: 'Deployment', name: 'web', namespace: 'default' });
    expect(finding.fix?.safe).toBe(true);
  });

  it('moves the key into the pod template, creating the annotations map', () => {
    const finding = only(lint(deployment), RULE);
    const moved = workload({ replicas: '2', labels: ['app: web'], annotations: ['k8s.aliyun.com/eci-with-eip: "true"'], image: 'nginx:1.25' });
    // Nothing else to say about the fixed manifest: the pods now ask for their EIP where ECI reads it.
    expectCleanFix(deployment, finding, moved);
  });

  it('adds to an existing pod annotations map and keeps the object annotations that stay', () => {
    const text = workload({
      metadataAnnotations: ['deployment.kubernetes.io/revision: "3"', 'k8s.aliyun.com/eip-bandwidth: "20"   # wrong level'],
      annotations: ['k8s.aliyun.com/eci-with-eip: "true"'],
      image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1',
    });
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject(positionOf(text, 'k8s.aliyun.com/eip-bandwidth'));
    const { fixed, relinted } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('deployment.kubernetes.io/revision: "3"\nspec:');
    // The comment at the end of the moved key's line moves with it.
    expect(fixed).toMatch(/ {6}annotations:\n {8}k8s\.aliyun\.com\/eci-with-eip: "true"\n {8}k8s\.aliyun\.com\/eip-bandwidth: "20" # wrong level\n {4}spec:/);
    expect(relinted.findings).toEqual([]);
  });

  it("reports a CronJob's spec.jobTemplate.metadata and moves the key to the job's pod template", () => {
    const text = yaml`
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          metadata:
            annotations:
              k8s.aliyun.com/eci-with-eip: "true"
          spec:
            template:
              metadata:
                labels:
                  app: report
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: report
                    image: python:3.12
    `;
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 10, column: 9 });
    expect(finding.message).toContain('spec.jobTemplate.metadata');
    expect(finding.message).toContain('spec.jobTemplate.spec.template.metadata.annotations');
    const { fixed } = applyFixAndCheck(text, finding);
    // The emptied map goes, and the Job's metadata it leaves with nothing goes too.
    expect(fixed).toContain('  jobTemplate:\n    spec:\n');
    expect(fixed).toContain(
      '        metadata:\n          labels:\n            app: report\n          annotations:\n            k8s.aliyun.com/eci-with-eip: "true"\n        spec:\n',
    );
  });

  it('reports an EIP key written as a pod-template label and moves it to the annotations', () => {
    const text = workload({ name: 'api', labels: ['app: api', 'k8s.aliyun.com/eci-with-eip: "true"'], image: 'ghcr.io/acme/api:2' });
    const result = lint(text);
    const finding = only(result, RULE);
    expect(finding.span).toMatchObject({ line: 10, column: 9 });
    expect(finding.message).toContain('labels');
    expect(finding.message).toContain('only as an annotation');
    // The misplaced key is the pod's intent: eip-missing does not add a second copy.
    expect(findingsOf(result, 'eip-missing')).toEqual([]);
    const moved = workload({ name: 'api', labels: ['app: api'], annotations: ['k8s.aliyun.com/eci-with-eip: "true"'], image: 'ghcr.io/acme/api:2' });
    expectCleanFix(text, finding, moved);
  });

  it('finds the pod template of an Argo Rollout (any kind with spec.template.metadata and spec)', () => {
    const text = workload({
      kind: 'Rollout',
      name: 'canary',
      metadataAnnotations: ['k8s.aliyun.com/eci-with-eip: "true"'],
      replicas: '3',
      spec: ['strategy:', '  canary: {}'],
      labels: ['app: canary'],
      containerName: 'app',
    });
    const finding = only(lint(text), RULE);
    expect(finding.workload).toMatchObject({ kind: 'Rollout', name: 'canary' });
    expect(finding.span).toMatchObject({ line: 6, column: 5 });
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('    metadata:\n      labels:\n        app: canary\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n    spec:\n');
  });

  it('removes a misplaced copy when the pod template already has the same value', () => {
    const text = workload({
      metadataAnnotations: ['team: web', 'k8s.aliyun.com/eci-with-eip: "true"'],
      annotations: ['k8s.aliyun.com/eci-with-eip: "true"'],
    });
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('already has the same value');
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toBe(text.replace('    k8s.aliyun.com/eci-with-eip: "true"\nspec:', 'spec:'));
    expect(fixed.match(/eci-with-eip/g)).toHaveLength(1);
  });

  it('gives no fix when the pod template already has the key with another value', () => {
    const text = workload({
      metadataAnnotations: ['k8s.aliyun.com/eip-bandwidth: "50"'],
      annotations: ['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-bandwidth: "10"'],
    });
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 6, column: 5 });
    expect(finding.message).toContain('already sets it to "10"');
    expect(finding.fix).toBeUndefined();
  });

  it('keeps a flow-style annotations map in flow style', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: db, annotations: {k8s.aliyun.com/eci-with-eip: "true", owner: dba}}
      spec:
        template:
          metadata: {labels: {app: db}}
          spec:
            containers:
              - name: db
                image: postgres:16
    `;
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 3, column: 36 });
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('metadata: {name: db, annotations: {owner: dba}}');
    expect(fixed).toContain('metadata: {annotations: {k8s.aliyun.com/eci-with-eip: "true"}, labels: {app: db}}');
  });

  it('gives no finding for keys in the pod template, nor for a bare Pod whose own metadata is the pod', () => {
    const deploymentOk = workload({ annotations: ['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-bandwidth: "10"'] });
    const bare = pod({ name: 'one', annotations: ['k8s.aliyun.com/eci-with-eip: "true"'] });
    expect(lint(deploymentOk).findings).toEqual([]);
    expect(lint(bare).findings).toEqual([]);
  });

  it('leaves a misplaced key on a DaemonSet to eip-no-effect', () => {
    const text = workload({ kind: 'DaemonSet', name: 'agent', metadataAnnotations: ['k8s.aliyun.com/eci-with-eip: "true"'], image: 'fluentd' });
    const result = lint(text);
    expect(findingsOf(result, RULE)).toEqual([]);
    expect(findingsOf(result, 'eip-no-effect')).toHaveLength(1);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    expectRuleConfigFollowed(deployment, RULE);
  });
});
