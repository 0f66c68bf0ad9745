import { applyFixAndCheck, expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, lintFiles, only } from '../../../__tests__/helpers/lint.js';
import { eciProfile, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-redundant';

/** A Deployment of 4 pods with the given annotations (and an app label the eci-profile selects). */
const deployment = (annotations: string[]): string =>
  workload({ namespace: 'shop', replicas: '4', labels: ['app: web'], annotations, image: 'nginx:1.25' });

const text = deployment([
  'prometheus.io/scrape: "true"',
  'k8s.aliyun.com/eci-with-eip: "true"   # one EIP per pod',
  'k8s.aliyun.com/eip-bandwidth: "10"',
  'k8s.aliyun.com/eip-isp: BGP',
]);

const expectedFixed = deployment(['prometheus.io/scrape: "true"']);

const profile = eciProfile({ name: 'all-web', matchLabels: { app: 'web' }, annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' } });

/** Lints the manifest beside an eci-profile that gives the pods labelled app: web an EIP, with a NAT gateway present. */
const lintBesideProfile = (app: string) =>
  lintFiles(
    [
      { path: 'k8s/app.yaml', text: app },
      { path: 'k8s/profile.yaml', text: profile },
    ],
    { natGateway: 'present' },
  );

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
    expectCleanFix(text, finding, expectedFixed, { natGateway: 'present' });
  });

  it('reports an EIP under egress: nat, and its fix removes the map (and the pod metadata) it empties', () => {
    const single = workload({
      kind: 'Job',
      name: 'export',
      annotations: ['k8s.aliyun.com/eci-with-eip: "true"'],
      podSpec: ['restartPolicy: Never'],
      image: 'amazon/aws-cli',
    });
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
    const finding = only(lintBesideProfile(expectedFixed), RULE);
    expect(finding.message).toContain('injected by the eci-profile selector "all-web"');
    expect(finding.fix).toBeUndefined();
  });

  it('an EIP injected by the eci-profile gets no fix even when the manifest writes an EIP setting: removing it would not remove the EIP', () => {
    const withSetting = deployment(['prometheus.io/scrape: "true"', 'k8s.aliyun.com/eip-bandwidth: "10"']);
    expect(withSetting).toContain('eip-bandwidth');
    const finding = only(lintBesideProfile(withSetting), RULE);
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
    expectRuleConfigFollowed(text, RULE, { natGateway: 'present' });
  });
});
