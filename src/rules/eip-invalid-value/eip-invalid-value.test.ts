import { applyFixAndCheck, expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, only, positionOf } from '../../../__tests__/helpers/lint.js';
import { workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-invalid-value';

/** A Deployment on an Alibaba Cloud registry whose pod template has these annotations. */
const pod = (annotations: Record<string, string>): string =>
  workload({ annotations: Object.entries(annotations).map(([k, v]) => `${k}: ${v}`), image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1' });

const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';
const BANDWIDTH = 'k8s.aliyun.com/eip-bandwidth';
const CHARGE = 'k8s.aliyun.com/eip-internet-charge-type';
const ISP = 'k8s.aliyun.com/eip-isp';

describe('eip-invalid-value', () => {
  it.each([
    ['a bandwidth with a unit', BANDWIDTH, '"10M"', '"10"', 'not a whole number of Mbit/s without a unit'],
    ['a bandwidth with a long unit', BANDWIDTH, '"20Mbps"', '"20"', 'without a unit'],
    ['the BPG typo', ISP, 'BPG', '"BGP"', 'is not BGP or BGP_PRO'],
    ['an ISP in another spelling', ISP, 'bgp-pro', '"BGP_PRO"', 'is not BGP or BGP_PRO'],
    ['a capitalised True', WITH_EIP, '"True"', '"true"', 'neither "true" nor "false"'],
    ['a charge type in the wrong case', CHARGE, 'paybytraffic', '"PayByTraffic"', 'is not PayByTraffic or PayByBandwidth'],
    ['a charge type with a separator', CHARGE, 'pay-by-bandwidth', '"PayByBandwidth"', 'is not PayByTraffic or PayByBandwidth'],
  ])('fixes %s: %s %s → %s', (_what, key, written, fixedValue, problem) => {
    const annotations: Record<string, string> = { [WITH_EIP]: '"true"', [key]: written };
    const text = pod(annotations);
    const finding = only(lint(text), RULE);
    expect(finding.severity).toBe('error');
    const at = positionOf(text, `${key}: ${written}`);
    expect(finding.span).toMatchObject({ line: at.line, column: at.column + key.length + 2 });
    expect(finding.span.endColumn - finding.span.column).toBe(written.length);
    expect(finding.message).toContain(key);
    expect(finding.message).toContain(problem);
    expect(finding.message).toContain(`Write ${fixedValue}.`);
    expect(finding.fix?.safe).toBe(true);
    expectCleanFix(text, finding, pod({ ...annotations, [key]: fixedValue }));
  });

  it.each([
    ['"y"', '"true"'],
    ['"Yes"', '"true"'],
    ['"ON"', '"true"'],
    ['"1"', '"true"'],
    ['" true "', '"true"'],
    ['"n"', '"false"'],
    ['"No"', '"false"'],
    ['"OFF"', '"false"'],
    ['"0"', '"false"'],
    ['"FALSE"', '"false"'],
  ])('a quoted YAML 1.1 spelling of a boolean, eci-with-eip: %s, is fixed to %s (never the opposite)', (written, fixedValue) => {
    const text = pod({ [WITH_EIP]: written });
    const finding = only(lint(text), RULE);
    expect(finding.message).toContain(`Write ${fixedValue}.`);
    expect(applyFixAndCheck(text, finding).fixed).toBe(pod({ [WITH_EIP]: fixedValue }));
  });

  it('a quoted string that is no boolean at all gets no fix', () => {
    const finding = only(lint(pod({ [WITH_EIP]: '"maybe"' })), RULE);
    expect(finding.fix).toBeUndefined();
  });

  it('reports bandwidth 300 under PayByTraffic as an error without a fix', () => {
    const text = pod({ [WITH_EIP]: '"true"', [CHARGE]: 'PayByTraffic', [BANDWIDTH]: '"300"' });
    const finding = only(lint(text), RULE);
    expect(finding.span).toMatchObject({ line: 11, column: 39, endColumn: 44 });
    expect(finding.message).toContain('300 is outside 1–200 Mbit/s for PayByTraffic');
    expect(finding.fix).toBeUndefined();
  });

  it('accepts bandwidth 300 under PayByBandwidth', () => {
    // (A 300 Mbps pay-by-bandwidth EIP is dearer than a NAT gateway: eip-cost-budget says so, not this rule.)
    expect(findingsOf(lint(pod({ [WITH_EIP]: '"true"', [CHARGE]: 'PayByBandwidth', [BANDWIDTH]: '"300"' })), 'eip-invalid-value')).toEqual([]);
  });

  it('without a charge type, checks the range of the one the cost assumes (pricing.charge-type, PayByTraffic)', () => {
    const result = lint(pod({ [WITH_EIP]: '"true"', [BANDWIDTH]: '"300"' }));
    expect(only(result, RULE).message).toContain(
      '300 is outside 1–200 Mbit/s for PayByTraffic, the charge type assumed when none is written (pricing.charge-type)',
    );
    // The cost does not price what the check rejects.
    expect(result.cost.workloads[0]).toMatchObject({ chargeType: 'PayByTraffic', unknown: expect.stringContaining('in 1–200') });
    const byBandwidth = lint(pod({ [WITH_EIP]: '"true"', [BANDWIDTH]: '"300"' }), { pricing: { 'charge-type': 'PayByBandwidth' } });
    expect(findingsOf(byBandwidth, RULE)).toEqual([]);
    expect(byBandwidth.cost.workloads[0]).toMatchObject({ chargeType: 'PayByBandwidth', bandwidthMbps: 300 });
    expect(byBandwidth.cost.workloads[0].monthly).toBeDefined();
  });

  it('reads the charge type case-insensitively when it picks the bandwidth range', () => {
    const result = lint(pod({ [WITH_EIP]: '"true"', [CHARGE]: 'paybytraffic', [BANDWIDTH]: '"300"' }));
    const messages = findingsOf(result, RULE).map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages.some((m) => m.includes('300 is outside 1–200'))).toBe(true);
  });

  it.each([
    ['"0"', 'outside 1–200'],
    ['"201"', 'outside 1–200'],
    ['"ten"', 'not a whole number of Mbit/s'],
    ['"1.5"', 'not a whole number of Mbit/s'],
  ])('reports bandwidth %s without a fix', (written, problem) => {
    const finding = only(lint(pod({ [WITH_EIP]: '"true"', [BANDWIDTH]: written })), RULE);
    expect(finding.message).toContain(problem);
    expect(finding.fix).toBeUndefined();
  });

  it('gives no fix for a unit when the number is out of range', () => {
    const finding = only(lint(pod({ [WITH_EIP]: '"true"', [CHARGE]: 'PayByTraffic', [BANDWIDTH]: '"300M"' })), RULE);
    expect(finding.message).toContain('without a unit');
    expect(finding.fix).toBeUndefined();
  });

  it.each([
    ['k8s.aliyun.com/eci-eip-instanceid', '"i-2ze0abc"', 'eip-…'],
    ['k8s.aliyun.com/eci-eip-instanceid', '"EIP-ABC"', 'eip-…'],
    ['k8s.aliyun.com/eip-common-bandwidth-package-id', '"bwp-123"', 'cbwp-…'],
    ['k8s.aliyun.com/eip-public-ip-address-pool-id', '"pool-1"', 'pippool-…'],
  ])('reports a malformed id %s: %s', (key, written, form) => {
    const annotations: Record<string, string> =
      key === 'k8s.aliyun.com/eci-eip-instanceid' ? { [key]: written } : { [WITH_EIP]: '"true"', [key]: written };
    const finding = only(lint(pod(annotations)), RULE);
    expect(finding.message).toContain(`is not an id of the form ${form}`);
    expect(finding.fix).toBeUndefined();
  });

  it('trims spaces around an otherwise good id', () => {
    const text = pod({ 'k8s.aliyun.com/eci-eip-instanceid': '" eip-2ze0abc "' });
    const finding = only(lint(text), RULE);
    const { fixed } = applyFixAndCheck(text, finding);
    expect(fixed).toContain('k8s.aliyun.com/eci-eip-instanceid: "eip-2ze0abc"\n');
  });

  it('accepts every documented value', () => {
    const text = pod({
      [WITH_EIP]: '"true"',
      [BANDWIDTH]: '"200"',
      [CHARGE]: 'PayByTraffic',
      [ISP]: 'BGP_PRO',
      'k8s.aliyun.com/eip-common-bandwidth-package-id': 'cbwp-2zeabc123',
      'k8s.aliyun.com/eip-public-ip-address-pool-id': 'pippool-uf6x1',
    });
    expect(lint(text).findings).toEqual([]);
    expect(lint(pod({ [WITH_EIP]: '"false"' })).findings).toEqual([]);
    expect(lint(pod({ 'k8s.aliyun.com/eci-eip-instanceid': 'eip-2ze0abc' })).findings).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    const text = pod({ [WITH_EIP]: '"true"', [ISP]: 'BPG' });
    expectRuleConfigFollowed(text, RULE);
  });

  describe('the IPv6 keys', () => {
    const ENABLE = 'k8s.aliyun.com/eci-enable-ipv6';
    const COUNT = 'k8s.aliyun.com/eci-ipv6-count';
    const INTERNET = 'k8s.aliyun.com/eci-ipv6-bandwidth-enable';
    const IPV6_BW = 'k8s.aliyun.com/eci-ipv6-bandwidth';

    it('accepts the values ECI documents, the IPv6 bandwidth with its unit', () => {
      const text = pod({ [ENABLE]: '"true"', [COUNT]: '"1"', [INTERNET]: '"true"', [IPV6_BW]: '"100M"' });
      expect(lint(text).findings).toEqual([]);
    });

    it.each([
      [ENABLE, '"True"', '"true"'],
      [INTERNET, '"yes"', '"true"'],
      [COUNT, '" 1"', '"1"'],
    ])('fixes %s %s → %s', (key, written, fixedValue) => {
      const text = pod({ [key]: written });
      const finding = only(lint(text), RULE);
      expect(finding.message).toContain(key);
      expect(finding.message).toContain(`Write ${fixedValue}.`);
      expectCleanFix(text, finding, pod({ [key]: fixedValue }));
    });

    it.each([
      [IPV6_BW, '"100"', 'has no unit; the IPv6 bandwidth needs one, such as "100M"'],
      [IPV6_BW, '"100m"', 'lowercase m, which means milli'],
      [IPV6_BW, '"fast"', 'is not a bandwidth with a unit'],
      [COUNT, '"0"', 'is not a whole number of IPv6 addresses of at least 1'],
      [COUNT, '"two"', 'is not a whole number of IPv6 addresses of at least 1'],
    ])('reports %s %s without a fix', (key, written, problem) => {
      const text = pod({ [key]: written });
      const finding = only(lint(text), RULE);
      expect(finding.span).toMatchObject({ line: 9, column: 11 + key.length });
      expect(finding.message).toContain(problem);
      expect(finding.fix).toBeUndefined();
    });

    it('leaves an unquoted IPv6 value to eip-not-string, which quotes it', () => {
      const text = pod({ [INTERNET]: 'on', [COUNT]: '1' });
      const result = lint(text);
      expect(findingsOf(result, RULE)).toEqual([]);
      const notString = findingsOf(result, 'eip-not-string');
      expect(notString.map((f) => f.message.match(/Quote it: "[^"]*"/)?.[0])).toEqual(['Quote it: "true"', 'Quote it: "1"']);
    });
  });
});
