import { expectRuleConfigFollowed, lint, lintFiles, only } from '../../../__tests__/helpers/lint.js';
import { eciProfile, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-conflict';

const deployment = (annotations: string[], labels: string[] = []): string => workload({ name: 'edge', labels, annotations });

describe('eip-conflict', () => {
  it('reports both an auto-created EIP and an existing EIP id, at the id key', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc']);
    const finding = only(lint(text), RULE);
    expect(finding.severity).toBe('warning');
    expect(finding.span).toMatchObject({ line: 10, column: 9, endLine: 10, endColumn: 42 });
    expect(finding.message).toContain('both k8s.aliyun.com/eci-with-eip: "true" and k8s.aliyun.com/eci-eip-instanceid');
    expect(finding.message).toContain('the given EIP is not used');
    expect(finding.fix).toBeUndefined();
  });

  it('names the eci-profile selector when one of the two is injected', () => {
    const profile = eciProfile({ name: 'edge-eip', matchLabels: { app: 'edge' }, annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' } });
    const result = lintFiles([
      { path: 'k8s/edge.yaml', text: deployment(['k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc'], ['app: edge']) },
      { path: 'k8s/profile.yaml', text: profile },
    ]);
    const finding = only(result, RULE);
    expect(finding.file).toBe('k8s/edge.yaml');
    expect(finding.span).toMatchObject({ line: 11, column: 9 });
    expect(finding.message).toContain('injected by the eci-profile selector "edge-eip"');
  });

  it('gives no finding for either key alone, or with eci-with-eip: "false"', () => {
    expect(lint(deployment(['k8s.aliyun.com/eci-with-eip: "true"'])).findings).toEqual([]);
    expect(lint(deployment(['k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc'])).findings).toEqual([]);
    expect(lint(deployment(['k8s.aliyun.com/eci-with-eip: "false"', 'k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc'])).findings).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eci-eip-instanceid: eip-2ze0abc']);
    expectRuleConfigFollowed(text, RULE);
  });
});
