import { applyFixAndCheck, findingsOf, lint, lintFiles, only, yaml } from '../../../__tests__/helpers/lint.js';

const RULE = 'eip-redundant';

const text = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    replicas: 4
    template:
      metadata:
        labels:
          app: web
        annotations:
          prometheus.io/scrape: "true"
          k8s.aliyun.com/eci-with-eip: "true"   # one EIP per pod
          k8s.aliyun.com/eip-bandwidth: "10"
          k8s.aliyun.com/eip-isp: BGP
      spec:
        containers:
          - name: web
            image: nginx:1.25
`;

const expectedFixed = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: web
    namespace: shop
  spec:
    replicas: 4
    template:
      metadata:
        labels:
          app: web
        annotations:
          prometheus.io/scrape: "true"
      spec:
        containers:
          - name: web
            image: nginx:1.25
`;

describe('eip-redundant', () => {
  it('reports an EIP under nat-gateway: present at the eci-with-eip key', () => {
    const finding = only(lint(text, { natGateway: 'present' }), RULE);
    expect(finding.severity).toBe('warning');
    expect(finding.span).toMatchObject({ line: 14, column: 9, endLine: 14, endColumn: 36 });
    expect(finding.message).toContain('The pods of Deployment web each get an EIP although a NAT gateway is present (nat-gateway: present)');
    expect(finding.message).toContain("wins over the NAT gateway's SNAT");
  });

  it('has an unsafe fix that removes every EIP key and keeps the rest byte for byte', () => {
    const finding = only(lint(text, { natGateway: 'present' }), RULE);
    expect(finding.fix?.safe).toBe(false);
    const { fixed, relinted } = applyFixAndCheck(text, finding, { natGateway: 'present' });
    expect(fixed).toBe(expectedFixed);
    expect(relinted.findings).toEqual([]);
  });

  it('reports an EIP under egress: nat, and its fix removes the map (and the pod metadata) it empties', () => {
    const single = yaml`
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: export
      spec:
        template:
          metadata:
            annotations:
              k8s.aliyun.com/eci-with-eip: "true"
          spec:
            restartPolicy: Never
            containers:
              - name: export
                image: amazon/aws-cli
    `;
    const finding = only(lint(single, { egress: 'nat' }), RULE);
    expect(finding.message).toContain('the egress policy for it is nat');
    expect(finding.fix?.safe).toBe(false);
    const { fixed } = applyFixAndCheck(single, finding, { egress: 'nat' });
    expect(fixed).toContain('  template:\n    spec:\n');
    expect(fixed).not.toContain('annotations');
  });

  it('reports an existing EIP id too, at that key', () => {
    const withId = text
      .replace('k8s.aliyun.com/eci-with-eip: "true"   # one EIP per pod', 'k8s.aliyun.com/eci-eip-instanceid: eip-abc')
      .replace('replicas: 4', 'replicas: 1')
      .replace(/ +k8s\.aliyun\.com\/eip-(?:bandwidth|isp).*\n/g, '');
    const finding = only(lint(withId, { natGateway: 'present' }), RULE);
    expect(finding.span).toMatchObject({ line: 14, column: 9 });
    const { relinted } = applyFixAndCheck(withId, finding, { natGateway: 'present' });
    expect(relinted.findings).toEqual([]);
  });

  it('reports an EIP injected by the eci-profile, without a fix', () => {
    const plain = expectedFixed;
    const profile = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: eci-profile
        namespace: kube-system
      data:
        selectors: '[{"name":"all-web","objectSelector":{"matchLabels":{"app":"web"}},"effect":{"annotations":{"k8s.aliyun.com/eci-with-eip":"true"}}}]'
    `;
    const result = lintFiles(
      [
        { path: 'k8s/app.yaml', text: plain },
        { path: 'k8s/profile.yaml', text: profile },
      ],
      { natGateway: 'present' },
    );
    const finding = only(result, RULE);
    expect(finding.message).toContain('injected by the eci-profile selector "all-web"');
    expect(finding.fix).toBeUndefined();
  });

  it('an EIP injected by the eci-profile gets no fix even when the manifest writes an EIP setting: removing it would not remove the EIP', () => {
    const withSetting = expectedFixed.replace(/^( *)prometheus\.io\/scrape: "true"$/m, '$1prometheus.io/scrape: "true"\n$1k8s.aliyun.com/eip-bandwidth: "10"');
    expect(withSetting).toContain('eip-bandwidth');
    const profile = yaml`
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: eci-profile
        namespace: kube-system
      data:
        selectors: '[{"name":"all-web","objectSelector":{"matchLabels":{"app":"web"}},"effect":{"annotations":{"k8s.aliyun.com/eci-with-eip":"true"}}}]'
    `;
    const result = lintFiles(
      [
        { path: 'k8s/app.yaml', text: withSetting },
        { path: 'k8s/profile.yaml', text: profile },
      ],
      { natGateway: 'present' },
    );
    const finding = only(result, RULE);
    expect(finding.message).toContain('injected by the eci-profile selector "all-web"');
    expect(finding.fix).toBeUndefined();
  });

  it('gives no finding when the policy wants the EIP (egress: eip), or without a NAT gateway', () => {
    expect(lint(text, { natGateway: 'present', egress: 'eip' }).findings).toEqual([]);
    expect(lint(text, { natGateway: 'present', workloads: [{ match: { namespace: 'shop' }, egress: 'eip' }] }).findings).toEqual([]);
    expect(lint(text).findings).toEqual([]);
    expect(lint(text, { natGateway: 'absent' }).findings).toEqual([]);
  });

  it('gives no finding for a pod without an EIP', () => {
    expect(findingsOf(lint(expectedFixed, { natGateway: 'present' }), RULE)).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    expect(only(lint(text, { natGateway: 'present', rules: { [RULE]: 'notice' } }), RULE).severity).toBe('notice');
    expect(findingsOf(lint(text, { natGateway: 'present', rules: { [RULE]: 'off' } }), RULE)).toEqual([]);
  });
});
