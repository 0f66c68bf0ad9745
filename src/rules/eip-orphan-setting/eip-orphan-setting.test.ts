import { expectRuleConfigFollowed, findingsOf, lint, lintFiles, only, positionOf } from '../../../__tests__/helpers/lint.js';
import { eciProfile, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-orphan-setting';

const deployment = (annotations: string[], labels: string[] = []): string =>
  workload({ namespace: 'shop', labels, annotations, image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1' });

describe('eip-orphan-setting', () => {
  it('reports a bandwidth without eci-with-eip at the key, with no fix', () => {
    const text = deployment(['k8s.aliyun.com/eip-bandwidth: "10"']);
    const finding = only(lint(text), RULE);
    expect(finding.severity).toBe('warning');
    expect(finding.span).toMatchObject({ line: 10, column: 9, endLine: 10, endColumn: 37 });
    expect(finding.message).toContain('k8s.aliyun.com/eip-bandwidth shapes an auto-created EIP');
    expect(finding.message).toContain('Deployment web');
    expect(finding.message).toContain('k8s.aliyun.com/eci-with-eip: "true" is missing');
    expect(finding.fix).toBeUndefined();
  });

  it('reports each setting: ISP, charge type, bandwidth plan and IP pool', () => {
    const text = deployment([
      'k8s.aliyun.com/eip-isp: BGP',
      'k8s.aliyun.com/eip-internet-charge-type: PayByTraffic',
      'k8s.aliyun.com/eip-common-bandwidth-package-id: cbwp-abc',
      'k8s.aliyun.com/eip-public-ip-address-pool-id: pippool-abc',
    ]);
    const findings = findingsOf(lint(text), RULE);
    expect(findings.map((f) => f.span.line)).toEqual([10, 11, 12, 13]);
    expect(findings.map((f) => f.span.column)).toEqual([9, 9, 9, 9]);
  });

  it('reports the settings when eci-with-eip is "false", or when only an existing EIP is bound', () => {
    expect(findingsOf(lint(deployment(['k8s.aliyun.com/eci-with-eip: "false"', 'k8s.aliyun.com/eip-bandwidth: "10"'])), RULE)).toHaveLength(1);
    const text = deployment(['k8s.aliyun.com/eci-eip-instanceid: eip-abc', 'k8s.aliyun.com/eip-isp: BGP']);
    expect(only(lint(text), RULE).span).toMatchObject(positionOf(text, 'k8s.aliyun.com/eip-isp'));
  });

  it('stays quiet when eci-with-eip is written, but misplaced or misspelt: that rule reports the one mistake', () => {
    const misplacedInLabels = deployment(['k8s.aliyun.com/eip-bandwidth: "10"'], ['k8s.aliyun.com/eci-with-eip: "true"']);
    expect(findingsOf(lint(misplacedInLabels), RULE)).toEqual([]);
    expect(findingsOf(lint(misplacedInLabels), 'eip-misplaced')).toHaveLength(1);
    const misspelt = deployment(['k8s.aliyun.com/eci-with-eips: "true"', 'k8s.aliyun.com/eip-bandwidth: "10"']);
    expect(findingsOf(lint(misspelt), RULE)).toEqual([]);
    expect(findingsOf(lint(misspelt), 'eip-unknown-key')).toHaveLength(1);
  });

  it('gives no finding when the pod asks for an auto-created EIP', () => {
    expect(lint(deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-bandwidth: "10"'])).findings).toEqual([]);
  });

  it('gives no finding when the eci-profile injects eci-with-eip into the pod', () => {
    const profile = eciProfile({ name: 'eip-for-web', matchLabels: { app: 'web' }, annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' } });
    const result = lintFiles([
      { path: 'k8s/app.yaml', text: deployment(['k8s.aliyun.com/eip-bandwidth: "10"'], ['app: web']) },
      { path: 'k8s/system/eci-profile.yaml', text: profile },
    ]);
    expect(result.findings).toEqual([]);
  });

  it('leaves a setting on a pod that is not an ECI pod to eip-no-effect', () => {
    const result = lint(deployment(['k8s.aliyun.com/eip-bandwidth: "10"']), { cluster: 'virtual-node' });
    expect(findingsOf(result, RULE)).toEqual([]);
    expect(findingsOf(result, 'eip-no-effect')).toHaveLength(1);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    const text = deployment(['k8s.aliyun.com/eip-bandwidth: "10"']);
    expectRuleConfigFollowed(text, RULE);
  });
});
