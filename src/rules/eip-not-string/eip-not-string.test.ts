import { applyFixAndCheck, expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, only } from '../../../__tests__/helpers/lint.js';
import { workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-not-string';

/** A one-replica Deployment on an Alibaba Cloud registry whose pod template has these annotation lines. */
const deployment = (annotations: string[]): string =>
  workload({ replicas: '1', annotations, image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1' });

describe('eip-not-string', () => {
  it('reports an unquoted true at the value, and quotes it', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: true']);
    const result = lint(text);
    const finding = only(result, RULE);
    expect(finding.severity).toBe('error');
    expect(finding.span).toMatchObject({ line: 10, column: 38, endLine: 10, endColumn: 42 });
    expect(finding.message).toContain('k8s.aliyun.com/eci-with-eip: true is a bool');
    expect(finding.message).toContain('cannot unmarshal bool');
    expect(finding.message).toContain('Quote it: "true"');
    expect(finding.fix?.safe).toBe(true);
    // A non-string is this rule's finding only; eip-invalid-value does not report it too.
    expect(findingsOf(result, 'eip-invalid-value')).toEqual([]);
    expectCleanFix(text, finding, deployment(['k8s.aliyun.com/eci-with-eip: "true"']));
  });

  it('reports an unquoted number and quotes it as written', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-bandwidth: 10']);
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 11, column: 39, endColumn: 41 });
    expect(finding.message).toContain('is a number');
    expect(finding.message).toContain('cannot unmarshal number');
    const { fixed, relinted } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('        k8s.aliyun.com/eip-bandwidth: "10"\n');
    expect(relinted.findings).toEqual([]);
  });

  it.each([
    ['yes', 'true'],
    ['on', 'true'],
    ['Yes', 'true'],
    ['off', 'false'],
  ])('treats an unquoted %s as a YAML 1.1 bool and writes "%s" for eci-with-eip', (written, meant) => {
    const text = deployment([`k8s.aliyun.com/eci-with-eip: ${written}`]);
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 10, column: 38, endColumn: 38 + written.length });
    expect(finding.message).toContain('YAML 1.1');
    expect(finding.message).toContain(`Quote it: "${meant}"`);
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain(`k8s.aliyun.com/eci-with-eip: "${meant}"\n`);
  });

  it('quotes a YAML 1.1 bool on another Alibaba Cloud key as written', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'network.alibabacloud.com/some-flag: on']);
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('network.alibabacloud.com/some-flag: on is a bool');
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('network.alibabacloud.com/some-flag: "on"\n');
  });

  it('reports an empty value at the key and offers no fix (the value meant is unknown)', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-bandwidth:']);
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 11, column: 9, endColumn: 37 });
    expect(finding.message).toContain('k8s.aliyun.com/eip-bandwidth: empty is a null');
    expect(finding.message).toContain('Give it a quoted value');
    expect(finding.fix).toBeUndefined();
  });

  it('reports a label under the Alibaba Cloud prefixes too', () => {
    const text = workload({
      labels: ['alibabacloud.com/eci: "true"', 'k8s.aliyun.com/some-label: true'],
      image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1',
    });
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('The label k8s.aliyun.com/some-label');
    expect(finding.message).toContain('ObjectMeta.metadata.labels');
    applyFixAndCheck(text, finding);
  });

  it('reports the unquoted ECI pod label alibabacloud.com/eci: true and quotes it', () => {
    const text = workload({ labels: ['alibabacloud.com/eci: true'], image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1' });
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('The label alibabacloud.com/eci: true is a bool');
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('alibabacloud.com/eci: "true"');
  });

  it('gives no finding for quoted values, block scalars, !!str, or keys outside the Alibaba Cloud prefixes', () => {
    const text = deployment([
      'k8s.aliyun.com/eci-with-eip: "true"',
      "k8s.aliyun.com/eip-bandwidth: '10'",
      'k8s.aliyun.com/eip-isp: !!str BGP',
      'k8s.aliyun.com/eip-internet-charge-type: PayByTraffic',
      'example.com/enabled: yes',
    ]);
    expect(lint(text).findings).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: true']);
    expectRuleConfigFollowed(text, RULE);
  });
});
