import { defaultConfig } from '../../config/defaults.js';
import { lintSources } from '../../engine/index.js';
import { applyFixes } from '../../fix/index.js';
import type { Config } from '../../model/index.js';
import { applyFixAndCheck, expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, lintFiles, only, yaml } from '../../../__tests__/helpers/lint.js';
import { workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-missing';

interface Shape {
  image?: string;
  containerExtra?: string[];
  podMetadata?: string[];
}

/** A Deployment `web` of 2 replicas; `podMetadata` lines go under `spec.template.metadata`. */
const deployment = ({ image = 'nginx:1.25', containerExtra = [], podMetadata = ['labels:', '  app: web'] }: Shape = {}): string =>
  workload({ replicas: '2', podMetadata, image, container: containerExtra });

describe('eip-missing', () => {
  describe('evidence under egress: auto', () => {
    it('reports a Docker Hub short name as a warning at the pod template metadata, naming the evidence', () => {
      const text = deployment();
      const finding = only(lint(text), RULE);
      expect(finding.severity).toBe('warning');
      expect(finding.span).toMatchObject({ line: 8, column: 5, endLine: 8, endColumn: 13 });
      expect(finding.message).toContain('Deployment web needs the internet');
      expect(finding.message).toContain('container web image nginx:1.25 is pulled from docker.io, outside Alibaba Cloud');
      expect(finding.message).toContain('Add k8s.aliyun.com/eci-with-eip: "true" to spec.template.metadata.annotations');
      expect(finding.message).toContain('nat-gateway: present');
      // A public IP and a bill per pod on evidence that is a guess: offered, applied only when named.
      expect(finding.fix?.safe).toBe(false);
    });

    it('adds the annotation to the pod template; the result parses and the finding is gone', () => {
      const text = deployment();
      expectCleanFix(
        text,
        only(lint(text), RULE),
        deployment({ podMetadata: ['labels:', '  app: web', 'annotations:', '  k8s.aliyun.com/eci-with-eip: "true"'] }),
      );
    });

    it.each([
      ['a Docker Hub org image', 'bitnami/redis:7'],
      ['a ghcr.io image', 'ghcr.io/acme/api:2'],
      ['a quay.io image with a port', 'quay.io:443/acme/api'],
      ['a Docker Hub image written with its host', 'docker.io/library/nginx'],
    ])('treats %s as evidence: %s', (_what, image) => {
      const finding = only(lint(deployment({ image })), RULE);
      expect(finding.message).toContain(`image ${image} is pulled from`);
    });

    it.each([
      ['env value', ['env:', '  - name: WEBHOOK', '    value: https://hooks.slack.com/services/T000/B000'], 'container web env WEBHOOK calls https://hooks.slack.com/services/T000/B000'],
      ['args', ['args: ["--upstream", "https://api.github.com"]'], 'container web args calls https://api.github.com'],
      ['command', ['command:', '  - sh', '  - -c', '  - curl -fsS http://example.com/health'], 'container web command calls http://example.com/health'],
    ])('treats a public URL in %s as evidence', (_where, extra, said) => {
      const finding = only(lint(deployment({ image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', containerExtra: extra })), RULE);
      expect(finding.message).toContain(said);
    });

    it('counts further evidence in the message', () => {
      const text = deployment({ containerExtra: ['env:', '  - name: API', '    value: https://api.stripe.com'] });
      expect(only(lint(text), RULE).message).toContain('and 1 more');
    });

    it.each([
      ['an ACR image', 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', []],
      ['an ACR VPC endpoint image', 'registry-vpc.cn-shanghai.aliyuncs.com/acme/web:1', []],
      ['an ACR Enterprise image', 'acme-registry.cn-hangzhou.cr.aliyuncs.com/team/web:1', []],
      ['a cluster-local URL', 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', ['env:', '  - name: DB', '    value: http://db.shop.svc.cluster.local:5432']],
      ['a service short name URL', 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', ['args: ["--api=http://api:8080"]']],
      ['a private address URL', 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', ['env:', '  - name: LEGACY', '    value: http://10.0.0.5/api']],
      ['a $(VAR) URL', 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', ['args: ["--callback=https://$(PUBLIC_HOST)/cb"]']],
      ['an OSS endpoint URL', 'registry.cn-hangzhou.aliyuncs.com/acme/web:1', ['env:', '  - name: OSS', '    value: https://oss-cn-hangzhou-internal.aliyuncs.com']],
    ])('does not treat %s as evidence', (_what, image, extra) => {
      expect(lint(deployment({ image, containerExtra: extra })).findings).toEqual([]);
    });
  });

  describe('how safe the fix is depends on the policy', () => {
    /** Lints one text and applies its fixes as --fix does (with the unsafe fixes of `unsafe`), through the fix engine. */
    const fix = (text: string, overrides: Partial<Config>, unsafe: string[] = []) => {
      const config = { ...defaultConfig(), ...overrides };
      const sources = [{ path: 'k8s/web.yaml', text }];
      const before = lintSources(sources, { config });
      const out = applyFixes(sources, before.findings, { config, unsafeRules: unsafe });
      return { finding: findingsOf(before, RULE)[0], fixed: out.files[0]?.fixed ?? text, applied: out.files.flatMap((f) => f.applied) };
    };

    it('egress: auto: the fix is unsafe; --fix leaves it out, --fix-unsafe eip-missing applies it', () => {
      const text = deployment();
      const plain = fix(text, {});
      expect(plain.finding.fix).toMatchObject({ safe: false, description: 'add k8s.aliyun.com/eci-with-eip: "true" to spec.template.metadata.annotations' });
      expect(plain.fixed).toBe(text);
      expect(plain.applied).toEqual([]);
      const named = fix(text, {}, ['eip-missing']);
      expect(named.fixed).toContain('k8s.aliyun.com/eci-with-eip: "true"');
      expect(named.applied.map((f) => f.ruleId)).toEqual([RULE]);
    });

    it('egress: eip: the fix is safe; --fix applies it', () => {
      const text = deployment();
      const out = fix(text, { egress: 'eip' });
      expect(out.finding.fix?.safe).toBe(true);
      expect(out.fixed).toContain('k8s.aliyun.com/eci-with-eip: "true"');
    });

    it('a workloads rule decides per workload: egress: eip makes only its own fix safe', () => {
      const two = deployment() + '---\n' + deployment().replace('name: web\n', 'name: api\n');
      const config: Partial<Config> = { workloads: [{ match: { name: 'web' }, egress: 'eip' }] };
      const findings = lintSources([{ path: 'k8s/web.yaml', text: two }], { config: { ...defaultConfig(), ...config } }).findings;
      const byName = Object.fromEntries(findings.filter((f) => f.ruleId === RULE).map((f) => [f.workload!.name, f.fix?.safe]));
      expect(byName).toEqual({ web: true, api: false });
      const out = fix(two, config);
      expect((out.fixed.match(/eci-with-eip/g) ?? []).length).toBe(1);
    });
  });

  describe('policy', () => {
    it('is an error under egress: eip, even without evidence', () => {
      const text = deployment({ image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1' });
      const finding = only(lint(text, { egress: 'eip' }), RULE);
      expect(finding.severity).toBe('error');
      expect(finding.message).toContain('egress: eip asks every ECI pod of Deployment web to have an EIP');
      const { relinted } = applyFixAndCheck(text, finding, { egress: 'eip' });
      expect(relinted.findings).toEqual([]);
    });

    it('is an error under a workloads rule that says egress: eip', () => {
      const text = deployment();
      const finding = only(lint(text, { workloads: [{ match: { name: 'web' }, egress: 'eip' }] }), RULE);
      expect(finding.severity).toBe('error');
    });

    it('follows the rules config: error under auto, notice, off', () => {
      const text = deployment();
      expect(only(lint(text, { rules: { [RULE]: 'error' } }), RULE).severity).toBe('error');
      expectRuleConfigFollowed(text, RULE);
      expect(only(lint(text, { egress: 'eip', rules: { [RULE]: 'notice' } }), RULE).severity).toBe('notice');
    });

    it('gives no finding under egress: nat or none', () => {
      expect(findingsOf(lint(deployment(), { egress: 'nat' }), RULE)).toEqual([]);
      expect(findingsOf(lint(deployment(), { egress: 'none' }), RULE)).toEqual([]);
    });

    it('gives no finding with nat-gateway: present', () => {
      expect(lint(deployment(), { natGateway: 'present' }).findings).toEqual([]);
      expect(lint(deployment(), { natGateway: 'present', egress: 'eip' }).findings).toEqual([]);
    });

    it('gives no finding when the pod has an EIP (auto-created or existing)', () => {
      expect(lint(deployment({ podMetadata: ['annotations:', '  k8s.aliyun.com/eci-with-eip: "true"'] })).findings).toEqual([]);
      const existing = deployment({ podMetadata: ['annotations:', '  k8s.aliyun.com/eci-eip-instanceid: eip-abc'] }).replace('replicas: 2', 'replicas: 1');
      expect(lint(existing).findings).toEqual([]);
    });

    it('respects an explicit eci-with-eip: "false" under auto, and reports it without a fix under eip', () => {
      const text = deployment({ podMetadata: ['annotations:', '  k8s.aliyun.com/eci-with-eip: "false"'] });
      expect(lint(text).findings).toEqual([]);
      const finding = only(lint(text, { egress: 'eip' }), RULE);
      expect(finding.fix).toBeUndefined();
    });

    it('gives no finding when the eci-profile injects eci-with-eip', () => {
      const profile = yaml`
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: eci-profile
          namespace: kube-system
        data:
          selectors: |
            [{"name": "public-web", "objectSelector": {"matchLabels": {"app": "web"}},
              "effect": {"annotations": {"k8s.aliyun.com/eci-with-eip": "true"}}}]
      `;
      const result = lintFiles([
        { path: 'k8s/app.yaml', text: deployment() },
        { path: 'k8s/kube-system/eci-profile.yaml', text: profile },
      ]);
      expect(result.findings).toEqual([]);
    });

    it('gives no finding for a pod that is not an ECI pod (cluster: virtual-node)', () => {
      expect(lint(deployment(), { cluster: 'virtual-node' }).findings).toEqual([]);
    });
  });

  describe('no second fix when the pod already asks for an EIP elsewhere', () => {
    it('leaves a misplaced eci-with-eip to eip-misplaced', () => {
      const text = deployment().replace('  name: web\n', '  name: web\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n');
      const result = lint(text);
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-misplaced']);
    });

    it('leaves a misspelt eci-with-eip to eip-unknown-key', () => {
      const text = deployment({ podMetadata: ['annotations:', '  k8s.aliyun.com/eci-wiht-eip: "true"'] });
      const result = lint(text);
      expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-unknown-key']);
    });

    it('leaves a look-alike to eip-unknown-key', () => {
      const text = deployment({ podMetadata: ['annotations:', '  network.alibabacloud.com/pod-with-eip: "true"'] });
      expect(lint(text).findings.map((f) => f.ruleId)).toEqual(['eip-unknown-key']);
    });
  });

  describe('the fix in other template shapes', () => {
    it('adds to an existing annotations map', () => {
      const text = deployment({ podMetadata: ['annotations:', '  prometheus.io/scrape: "true"', 'labels:', '  app: web'] });
      const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
      expect(fixed).toContain('      annotations:\n        prometheus.io/scrape: "true"\n        k8s.aliyun.com/eci-with-eip: "true"\n      labels:\n');
    });

    it('creates metadata when the pod template has none', () => {
      const text = workload({
        kind: 'Job',
        name: 'fetch',
        podSpec: ['restartPolicy: Never'],
        image: 'curlimages/curl',
        container: ['args: ["https://example.org"]'],
      });
      const finding = only(lint(text), RULE);
      expect(finding.span).toMatchObject({ line: 7, column: 5 });
      const { fixed } = applyFixAndCheck(text, finding);
      expect(fixed).toContain('  template:\n    metadata:\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n    spec:\n');
    });

    it('fills an empty metadata: key', () => {
      const text = deployment({ podMetadata: [] });
      const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
      expect(fixed).toContain('    metadata:\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n    spec:\n');
    });

    it('fills an empty annotations: key', () => {
      const text = deployment({ podMetadata: ['annotations:', 'labels:', '  app: web'] });
      const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
      expect(fixed).toContain('      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n      labels:\n');
    });

    it.each([['~'], ['null']])('replaces a written annotations: %s', (nothing) => {
      const text = deployment({ podMetadata: [`annotations: ${nothing}   # filled in by CI`, 'labels:', '  app: web'] });
      const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
      expect(fixed).toContain('      annotations:   # filled in by CI\n        k8s.aliyun.com/eci-with-eip: "true"\n      labels:\n');
    });

    it('writes into a flow-style metadata map in flow style', () => {
      const text = deployment({ podMetadata: [] }).replace('    metadata:\n', '    metadata: {labels: {app: web}}\n');
      const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
      expect(fixed).toContain('    metadata: {annotations: {k8s.aliyun.com/eci-with-eip: "true"}, labels: {app: web}}\n');
    });

    it('adds to a bare Pod whose metadata is the pod metadata, keeping CRLF line ends', () => {
      const text = 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: one\r\nspec:\r\n  containers:\r\n    - name: one\r\n      image: nginx\r\n';
      const finding = only(lint(text), RULE);
      expect(finding.message).toContain('metadata.annotations');
      const { fixed } = applyFixAndCheck(text, finding);
      expect(fixed).toBe(
        'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: one\r\n  annotations:\r\n    k8s.aliyun.com/eci-with-eip: "true"\r\nspec:\r\n  containers:\r\n    - name: one\r\n      image: nginx\r\n',
      );
    });

    it('follows a four-space indentation', () => {
      const text = yaml`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
            name: web
        spec:
            template:
                metadata:
                    labels:
                        app: web
                spec:
                    containers:
                        - name: web
                          image: nginx
      `;
      const { fixed } = applyFixAndCheck(text, only(lint(text), RULE));
      expect(fixed).toContain(
        '        metadata:\n            labels:\n                app: web\n            annotations:\n                k8s.aliyun.com/eci-with-eip: "true"\n        spec:\n',
      );
    });
  });

  describe('IPv6 internet access', () => {
    const ipv6Pod = deployment({
      podMetadata: ['annotations:', '  k8s.aliyun.com/eci-enable-ipv6: "true"', '  k8s.aliyun.com/eci-ipv6-bandwidth-enable: "true"', '  k8s.aliyun.com/eci-ipv6-bandwidth: "100M"'],
    });

    it('is not an EIP: a pod that needs the internet is still reported, and the message says what IPv6 gives', () => {
      const finding = only(lint(ipv6Pod), RULE);
      expect(finding.message).toContain('k8s.aliyun.com/eci-ipv6-bandwidth-enable gives IPv6 internet access, which reaches IPv6 destinations only.');
    });

    it('is not an EIP under egress: none either (eip-unexpected stays quiet)', () => {
      expect(lint(ipv6Pod, { egress: 'none' }).findings).toEqual([]);
    });

    it('says nothing about IPv6 when the pod has only an IPv6 address', () => {
      const text = deployment({ podMetadata: ['annotations:', '  k8s.aliyun.com/eci-enable-ipv6: "true"'] });
      expect(only(lint(text), RULE).message).not.toContain('IPv6');
    });
  });
});
