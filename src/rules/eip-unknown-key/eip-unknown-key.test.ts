import { applyFixAndCheck, expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, only, positionOf } from '../../../__tests__/helpers/lint.js';
import { workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-unknown-key';

const deployment = (annotations: string[]): string => workload({ annotations, image: 'nginx:1.25' });

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
    expectCleanFix(text, finding, text.replace(written, meant));
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

  it('renames the legacy alias eip-charge-type to eip-internet-charge-type', () => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', 'k8s.aliyun.com/eip-charge-type: PayByTraffic']);
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain('Did you mean k8s.aliyun.com/eip-internet-charge-type?');
    expect(finding.fix?.safe).toBe(true);
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('k8s.aliyun.com/eip-internet-charge-type: PayByTraffic\n');
  });

  describe('keys of ack-extend-network-controller', () => {
    // A pod template written for the EIP add-on of ECS nodes and deployed to ECI.
    const controllerPod = deployment([
      'k8s.aliyun.com/eci-with-eip: "true"',
      'k8s.aliyun.com/eip-instance-charge-type: PostPaid',
      'k8s.aliyun.com/eip-internet-charge-type: PayByTraffic',
    ]);

    it('reports eip-instance-charge-type as having no effect on ECI, with no rename and no other finding', () => {
      const result = lint(controllerPod);
      const finding = only(result, RULE);
      expect(finding.span).toMatchObject(positionOf(controllerPod, 'k8s.aliyun.com/eip-instance-charge-type'));
      expect(finding.message).toContain("k8s.aliyun.com/eip-instance-charge-type (the EIP's billing method (PostPaid))");
      expect(finding.message).toContain('ECI does not read it');
      expect(finding.message).toContain('has no effect');
      expect(finding.message).not.toMatch(/Did you mean|Terway/);
      expect(finding.fix).toBeUndefined();
      // Before, the rename made "PostPaid" an invalid charge type: nothing of the kind now.
      expect(result.findings.map((f) => f.ruleId)).toEqual([RULE]);
    });

    it('leaves the file as it is under --fix', () => {
      const result = lint(controllerPod);
      expect(result.findings.every((f) => f.fix === undefined)).toBe(true);
    });

    it.each([
      'k8s.aliyun.com/eip-name: web-eip',
      'k8s.aliyun.com/eip-description: "egress of web"',
      'k8s.aliyun.com/eip-tags: \'{"team":"web"}\'',
      'k8s.aliyun.com/eip-resource-group-id: rg-abc',
      'k8s.aliyun.com/eip-security-protection-types: AntiDDoS_Enhanced',
      'k8s.aliyun.com/pod-eip-release-strategy: Follow',
    ])('reports %s on an ECI pod as having no effect, never as a typo', (line) => {
      const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', line]);
      const finding = only(lint(text), RULE);
      expect(finding.message).toContain('has no effect');
      expect(finding.message).not.toContain('is not an ECI key');
      expect(finding.fix).toBeUndefined();
    });

    it('says nothing about them on a pod that runs on ECS nodes, where the add-on reads them', () => {
      const text = deployment(['k8s.aliyun.com/pod-with-eip: "true"', 'k8s.aliyun.com/eip-instance-charge-type: PostPaid']);
      expect(lint(text, { cluster: 'virtual-node' }).findings).toEqual([]);
    });
  });

  it.each([
    'k8s.aliyun.com/eci-enable-ipv6: "true"',
    'k8s.aliyun.com/eci-ipv6-count: "1"',
    'k8s.aliyun.com/eci-ipv6-bandwidth-enable: "true"',
    'k8s.aliyun.com/eci-ipv6-bandwidth: "100M"',
  ])('never reports the IPv6 key of %s as unknown', (line) => {
    const text = deployment(['k8s.aliyun.com/eci-with-eip: "true"', line]);
    expect(lint(text).findings).toEqual([]);
  });

  it('does not report a look-alike on a pod that is not an ECI pod (cluster: virtual-node)', () => {
    // On ECS nodes the Terway add-on reads this key: it is right there.
    const text = deployment(['network.alibabacloud.com/pod-with-eip: "true"']);
    expect(lint(text, { cluster: 'virtual-node' }).findings).toEqual([]);
  });

  it('reports the look-alike under virtual-node once the pod is sent to ECI', () => {
    const text = workload({ labels: ['alibabacloud.com/eci: "true"'], annotations: ['network.alibabacloud.com/pod-with-eip: "true"'] });
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
    expectRuleConfigFollowed(text, RULE);
  });
});
