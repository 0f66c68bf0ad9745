import { applyFixAndCheck, findingsOf, lint, only, positionOf } from '../helpers/lint.js';

const RULE = 'eip-unknown-key';

function deployment(annotationLines: string[], image = 'nginx:1.25'): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    ...annotationLines.map((l) => `        ${l}`),
    '    spec:',
    '      containers:',
    '        - name: web',
    `          image: ${image}`,
    '',
  ].join('\n');
}

describe('eip-unknown-key', () => {
  const ON = 'k8s.aliyun.com/eci-with-eip: "true"';
  it.each([
    ['k8s.aliyun.com/eci-with-ip', 'k8s.aliyun.com/eci-with-eip', [`k8s.aliyun.com/eci-with-ip: "true"`]],
    ['k8s.aliyun.com/eci-wth-ep', 'k8s.aliyun.com/eci-with-eip', [`k8s.aliyun.com/eci-wth-ep: "true"`]],
    ['k8s.aliyun.com/eci-eip-instance-id', 'k8s.aliyun.com/eci-eip-instanceid', ['k8s.aliyun.com/eci-eip-instance-id: eip-abc']],
    [
      'k8s.aliyun.com/eip-common-bandwith-package-id',
      'k8s.aliyun.com/eip-common-bandwidth-package-id',
      [ON, 'k8s.aliyun.com/eip-common-bandwith-package-id: cbwp-abc'],
    ],
    ['k8s.aliyun.com/eip-bandwith', 'k8s.aliyun.com/eip-bandwidth', [ON, 'k8s.aliyun.com/eip-bandwith: "10"']],
    ['K8s.Aliyun.com/ECI-With-EIP', 'k8s.aliyun.com/eci-with-eip', ['K8s.Aliyun.com/ECI-With-EIP: "true"']],
    ['k8s.aliyun.com/EIP-ISP', 'k8s.aliyun.com/eip-isp', [ON, 'k8s.aliyun.com/EIP-ISP: BGP']],
  ])('reports the near miss %s and renames it to %s', (written, meant, lines) => {
    const text = deployment(lines);
    const result = lint(text);
    const finding = only(result, RULE);
    expect(finding.severity).toBe('warning');
    expect(finding.span).toMatchObject({ ...positionOf(text, written), endColumn: positionOf(text, written).column + written.length });
    expect(finding.message).toContain(`${written} is not an ECI key`);
    expect(finding.message).toContain(`Did you mean ${meant}?`);
    expect(finding.fix?.safe).toBe(true);
    const { fixed, relinted } = applyFixAndCheck(text, finding);
    expect(fixed).toBe(text.replace(written, meant));
    expect(relinted.findings).toEqual([]);
  });

  it('keeps the quotes of a quoted key when renaming it', () => {
    const text = deployment(['"k8s.aliyun.com/eci-with-ip": "true"']);
    const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
    expect(fixed).toContain('        "k8s.aliyun.com/eci-with-eip": "true"\n');
  });

  it('does not report keys further than edit distance 2, or unrelated keys', () => {
    const text = deployment([
      'k8s.aliyun.com/eci-with-eip: "true"',
      'k8s.aliyun.com/eci-wi-ep-xx: "true"',
      'k8s.aliyun.com/eci-use-specs: "2-4Gi"',
      'k8s.aliyun.com/eci-spot-strategy: SpotAsPriceGo',
      'prometheus.io/scrape: "true"',
    ]);
    expect(findingsOf(lint(text), RULE)).toEqual([]);
  });

  it.each([
    ['network.alibabacloud.com/pod-with-eip', 'k8s.aliyun.com/eci-with-eip', '"true"'],
    ['k8s.aliyun.com/pod-with-eip', 'k8s.aliyun.com/eci-with-eip', '"true"'],
    ['network.alibabacloud.com/pod-eip-instanceid', 'k8s.aliyun.com/eci-eip-instanceid', 'eip-abc'],
    ['k8s.aliyun.com/pod-eip-instanceid', 'k8s.aliyun.com/eci-eip-instanceid', 'eip-abc'],
  ])('reports the look-alike %s on an ECI pod and renames it to %s', (written, meant, value) => {
    const text = deployment([`${written}: ${value}`]);
    const result = lint(text);
    const finding = only(result, RULE);
    expect(finding.span).toMatchObject(positionOf(text, written));
    expect(finding.message).toContain('belongs to another network add-on (Terway / ACS), not to ECI');
    expect(finding.message).toContain(`Did you mean ${meant}?`);
    // The pod asks for an EIP through the look-alike: eip-missing does not add a second key.
    expect(findingsOf(result, 'eip-missing')).toEqual([]);
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toBe(text.replace(written, meant));
  });

  it.each([
    ['k8s.aliyun.com/eip-instance-charge-type'],
    ['k8s.aliyun.com/eip-charge-type'],
  ])('reports the charge-type look-alike %s', (written) => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', `${written}: PayByTraffic`]);
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('Did you mean k8s.aliyun.com/eip-internet-charge-type?');
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('k8s.aliyun.com/eip-internet-charge-type: PayByTraffic\n');
  });

  it('does not report a look-alike on a pod that is not an ECI pod (cluster: virtual-node)', () => {
    // On ECS nodes the Terway add-on reads this key: it is right there.
    const text = deployment(['network.alibabacloud.com/pod-with-eip: "true"']);
    expect(lint(text, { cluster: 'virtual-node' }).findings).toEqual([]);
  });

  it('reports the look-alike under virtual-node once the pod is sent to ECI', () => {
    const text = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      '        alibabacloud.com/eci: "true"',
      '      annotations:',
      '        network.alibabacloud.com/pod-with-eip: "true"',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: nginx',
      '',
    ].join('\n');
    expect(only(lint(text, { cluster: 'virtual-node' }), RULE).span).toMatchObject({ line: 11, column: 9 });
  });

  it('gives no fix when the block already has the key that was meant', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eci-with-ip: "true"']);
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('spec.template.metadata.annotations already has k8s.aliyun.com/eci-with-eip; remove one.');
    expect(finding.fix).toBeUndefined();
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-ip: "true"']);
    expect(only(lint(text, { rules: { [RULE]: 'notice' } }), RULE).severity).toBe('notice');
    expect(findingsOf(lint(text, { rules: { [RULE]: 'off' } }), RULE)).toEqual([]);
  });
});
