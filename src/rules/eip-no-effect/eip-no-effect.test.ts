import { expectRuleConfigFollowed, findingsOf, lint, only, yaml } from '../../../__tests__/helpers/lint.js';
import { pod, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-no-effect';

/** A Service `web` with an EIP key on its own metadata, which no pod reads. */
const serviceWithEip = yaml`
  apiVersion: v1
  kind: Service
  metadata:
    name: web
    annotations:
      k8s.aliyun.com/eci-with-eip: "true"
`;

describe('eip-no-effect', () => {
  it('reports EIP keys on a DaemonSet pod template, each at its key, without a fix', () => {
    const text = workload({
      kind: 'DaemonSet',
      name: 'node-agent',
      namespace: 'monitoring',
      annotations: ['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-bandwidth: "5"'],
      containerName: 'agent',
      image: 'prom/node-exporter',
    });
    const result = lint(text);
    const findings = findingsOf(result, RULE);
    expect(findings.map((f) => [f.span.line, f.span.column])).toEqual([
      [10, 9],
      [11, 9],
    ]);
    expect(findings[0].severity).toBe('warning');
    expect(findings[0].message).toContain('k8s.aliyun.com/eci-with-eip on DaemonSet node-agent has no effect');
    expect(findings[0].message).toContain('DaemonSet pods never run on ECI');
    expect(findings[0].fix).toBeUndefined();
    // The DaemonSet's pods are not ECI pods: no other rule speaks about them (not even eip-missing for the image).
    expect(result.findings.map((f) => f.ruleId)).toEqual([RULE, RULE]);
  });

  it('reports an EIP key on a Service, which has no pods', () => {
    const text =
      serviceWithEip +
      yaml`
        spec:
          selector:
            app: web
          ports:
            - port: 80
      `;
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 6, column: 5, endLine: 6, endColumn: 32 });
    expect(finding.message).toContain('on Service web has no effect: a Service has no pods');
    expect(finding.workload).toEqual({ kind: 'Service', name: 'web', namespace: 'default' });
  });

  it('reports an EIP key on a Namespace, as an annotation or a label', () => {
    const text = yaml`
      apiVersion: v1
      kind: Namespace
      metadata:
        name: shop
        labels:
          k8s.aliyun.com/eci-with-eip: "true"
    `;
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 6, column: 5 });
    expect(finding.message).toContain('a Namespace has no pods');
  });

  it("reports an EIP key on a ConfigMap's metadata", () => {
    const text = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: settings
        annotations:
          k8s.aliyun.com/eip-bandwidth: "5"
      data:
        mode: fast
    `;
    expect(only(lint(text), RULE).message).toContain('a ConfigMap has no pods');
  });

  it('reports EIP keys on a pod that is not sent to ECI under cluster: virtual-node, naming why', () => {
    const text = workload({
      annotations: ['k8s.aliyun.com/eci-with-eip: "true"'],
      podSpec: ['nodeSelector:', '  type: virtual-kubelet'],
    });
    const result = lint(text, { cluster: 'virtual-node' });
    const finding = only(result, RULE);
    expect(finding.span).toMatchObject({ line: 9, column: 9 });
    expect(finding.message).toContain('its pods do not run on ECI: nothing sends its pods to a virtual node (cluster: virtual-node)');
    expect(result.findings.map((f) => f.ruleId)).toEqual([RULE]);
  });

  it('names the pod label that keeps a pod off ECI', () => {
    const text = pod({ name: 'one', labels: ['alibabacloud.com/eci: "false"'], annotations: ['k8s.aliyun.com/eci-with-eip: "true"'] });
    const finding = only(lint(text, { cluster: 'virtual-node' }), RULE);
    expect(finding.message).toContain('alibabacloud.com/eci: "false"');
  });

  it('gives no finding for an ECI pod, or for objects without EIP keys', () => {
    const deployment = workload({ labels: ['alibabacloud.com/eci: "true"'], annotations: ['k8s.aliyun.com/eci-with-eip: "true"'] });
    expect(lint(deployment, { cluster: 'virtual-node' }).findings).toEqual([]);
    expect(lint(deployment).findings).toEqual([]);
    const service = yaml`
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        annotations:
          service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type: internet
      spec:
        ports:
          - port: 80
    `;
    expect(lint(service).findings).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    expectRuleConfigFollowed(serviceWithEip, RULE);
  });
});
