import { findingsOf, lint, lintFiles, only } from '../../../__tests__/helpers/lint.js';

const RULE = 'eip-conflict';

function deployment(annotationLines: string[], labels: string[] = []): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: edge',
    'spec:',
    '  template:',
    '    metadata:',
    ...(labels.length > 0 ? ['      labels:', ...labels.map((l) => `        ${l}`)] : []),
    '      annotations:',
    ...annotationLines.map((l) => `        ${l}`),
    '    spec:',
    '      containers:',
    '        - name: edge',
    '          image: nginx',
    '',
  ].join('\n');
}

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
    const profile = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: eci-profile',
      '  namespace: kube-system',
      'data:',
      `  selectors: '[{"name":"edge-eip","objectSelector":{"matchLabels":{"app":"edge"}},"effect":{"annotations":{"k8s.aliyun.com/eci-with-eip":"true"}}}]'`,
      '',
    ].join('\n');
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
    expect(only(lint(text, { rules: { [RULE]: 'notice' } }), RULE).severity).toBe('notice');
    expect(findingsOf(lint(text, { rules: { [RULE]: 'off' } }), RULE)).toEqual([]);
  });
});
