import fc from 'fast-check';
import { decideEci, matchingSelectors } from '../../src/policy/eci-pods.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import type { ReadResult, Workload } from '../../src/model/index.js';
import { findingsOf, lint, lintFiles, yaml } from '../helpers/lint.js';

/** Reads one file and returns the ReadResult, for the policy functions that take its parts. */
function read(text: string, file = 'k8s/app.yaml'): ReadResult {
  return readKubernetesYaml(file, text);
}

function workload(result: ReadResult, name = 'web'): Workload {
  const found = result.workloads.find((w) => w.name === name);
  if (!found) throw new Error(`no workload ${name}`);
  return found;
}

/** A Deployment `web` in `namespace`, with extra lines under spec.template.metadata and spec.template.spec. */
function deployment({ namespace = 'shop', podMetadata = [] as string[], podSpec = [] as string[] } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    `  namespace: ${namespace}`,
    'spec:',
    '  template:',
    ...(podMetadata.length > 0 ? ['    metadata:', ...podMetadata.map((l) => `      ${l}`)] : []),
    '    spec:',
    ...podSpec.map((l) => `      ${l}`),
    '      containers:',
    '        - name: web',
    '          image: nginx',
    '',
  ].join('\n');
}

const namespaceDoc = (name: string, labels: Record<string, string>) =>
  ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, '  labels:', ...Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`), ''].join(
    '\n',
  );

const TOLERATION = ['tolerations:', '  - key: virtual-kubelet.io/provider', '    operator: Equal', '    value: alibabacloud', '    effect: NoSchedule'];

function decide(text: string, extra = '') {
  const result = read(extra ? `${text}---\n${extra}` : text);
  const w = workload(result);
  const namespace = result.namespaces.find((n) => n.name === w.namespace);
  return decideEci(w, 'virtual-node', namespace, result.profiles.flatMap((p) => p.selectors));
}

describe('decideEci', () => {
  describe('cluster: serverless (DOMAIN §2 rule 1)', () => {
    it('counts every pod as an ECI pod, except DaemonSet pods and objects without pods', () => {
      const result = read(deployment());
      expect(decideEci(workload(result), 'serverless', undefined, [])).toEqual({
        eci: true,
        reason: 'every pod of an ACK Serverless cluster runs on ECI',
      });
      const daemonSet = read(deployment().replace('kind: Deployment', 'kind: DaemonSet'));
      expect(decideEci(workload(daemonSet), 'serverless', undefined, []).eci).toBe(false);
      const service = read(yaml`
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          annotations:
            k8s.aliyun.com/eci-with-eip: "true"
      `);
      expect(decideEci(workload(service), 'serverless', undefined, [])).toEqual({ eci: false, reason: 'a Service has no pods' });
    });
  });

  describe('cluster: virtual-node', () => {
    it('sends nothing to ECI by default', () => {
      expect(decide(deployment())).toEqual({ eci: false, reason: 'nothing sends its pods to a virtual node (cluster: virtual-node)' });
    });

    it('rule 2: the pod label alibabacloud.com/eci: "true"', () => {
      const decision = decide(deployment({ podMetadata: ['labels:', '  alibabacloud.com/eci: "true"'] }));
      expect(decision.eci).toBe(true);
      expect(decision.reason).toContain('label alibabacloud.com/eci: "true"');
    });

    it('rule 2 wins over the namespace label: a pod label "false" keeps the pod off ECI', () => {
      const decision = decide(
        deployment({ podMetadata: ['labels:', '  alibabacloud.com/eci: "false"'] }),
        namespaceDoc('shop', { 'alibabacloud.com/eci': 'true' }),
      );
      expect(decision.eci).toBe(false);
    });

    it('rule 2 does not read the label from the controller metadata', () => {
      const text = deployment().replace('  namespace: shop\n', '  namespace: shop\n  labels:\n    alibabacloud.com/eci: "true"\n');
      expect(decide(text).eci).toBe(false);
    });

    it('rule 3: the namespace label, from a Namespace object in the same run', () => {
      const decision = decide(deployment(), namespaceDoc('shop', { 'alibabacloud.com/eci': 'true' }));
      expect(decision).toEqual({ eci: true, reason: 'its namespace shop has the label alibabacloud.com/eci: "true"' });
      expect(decide(deployment(), namespaceDoc('other', { 'alibabacloud.com/eci': 'true' })).eci).toBe(false);
      expect(decide(deployment(), namespaceDoc('shop', { 'alibabacloud.com/eci': 'false' })).eci).toBe(false);
    });

    it('rule 3 through the engine, with the Namespace in another file', () => {
      const files = [
        { path: 'k8s/app.yaml', text: deployment() },
        { path: 'k8s/namespaces.yaml', text: namespaceDoc('shop', { 'alibabacloud.com/eci': 'true' }) },
      ];
      const result = lintFiles(files, { cluster: 'virtual-node' });
      expect(findingsOf(result, 'eip-missing')).toHaveLength(1);
      expect(findingsOf(lintFiles(files.slice(0, 1), { cluster: 'virtual-node' }), 'eip-missing')).toEqual([]);
    });

    it('rule 4: nodeSelector type: virtual-kubelet together with the virtual-kubelet toleration', () => {
      const decision = decide(deployment({ podSpec: ['nodeSelector:', '  type: virtual-kubelet', ...TOLERATION] }));
      expect(decision).toEqual({ eci: true, reason: 'it is scheduled onto virtual-kubelet nodes' });
    });

    it('rule 4: a nodeSelector without the toleration is not an ECI pod (it cannot schedule there)', () => {
      expect(decide(deployment({ podSpec: ['nodeSelector:', '  type: virtual-kubelet'] })).eci).toBe(false);
    });

    it('rule 4: a toleration of every taint (operator: Exists without a key) counts as the toleration', () => {
      const everything = ['tolerations:', '  - operator: Exists'];
      expect(decide(deployment({ podSpec: ['nodeSelector:', '  type: virtual-kubelet', ...everything] })).eci).toBe(true);
      const otherKey = ['tolerations:', '  - key: dedicated', '    operator: Exists'];
      expect(decide(deployment({ podSpec: ['nodeSelector:', '  type: virtual-kubelet', ...otherKey] })).eci).toBe(false);
    });

    it('rule 4: a toleration alone is not an ECI pod (it may still run on ECS nodes)', () => {
      expect(decide(deployment({ podSpec: TOLERATION })).eci).toBe(false);
    });

    it('rule 4: node affinity type In [virtual-kubelet] with the toleration', () => {
      const affinity = [
        'affinity:',
        '  nodeAffinity:',
        '    requiredDuringSchedulingIgnoredDuringExecution:',
        '      nodeSelectorTerms:',
        '        - matchExpressions:',
        '            - key: type',
        '              operator: In',
        '              values: [virtual-kubelet]',
      ];
      expect(decide(deployment({ podSpec: [...affinity, ...TOLERATION] })).eci).toBe(true);
      expect(decide(deployment({ podSpec: affinity })).eci).toBe(false);
      const notIn = affinity.map((l) => l.replace('operator: In', 'operator: NotIn'));
      expect(decide(deployment({ podSpec: [...notIn, ...TOLERATION] })).eci).toBe(false);
    });

    it('rule 4: the old nodeName: virtual-kubelet', () => {
      expect(decide(deployment({ podSpec: ['nodeName: virtual-kubelet'] }))).toEqual({ eci: true, reason: 'its nodeName is virtual-kubelet' });
    });

    it.each(['eci', 'eci_only'])('rule 5: the annotation alibabacloud.com/burst-resource: %s', (value) => {
      const decision = decide(deployment({ podMetadata: ['annotations:', `  alibabacloud.com/burst-resource: ${value}`] }));
      expect(decision).toEqual({ eci: true, reason: `its pod template has alibabacloud.com/burst-resource: ${value}` });
    });

    it('rule 5: another burst-resource value does not send the pod to ECI', () => {
      expect(decide(deployment({ podMetadata: ['annotations:', '  alibabacloud.com/burst-resource: ecs'] })).eci).toBe(false);
    });

    describe('rule 6: the eci-profile ConfigMap', () => {
      const profile = (selectors: unknown[], namespace = 'kube-system', name = 'eci-profile') =>
        [
          'apiVersion: v1',
          'kind: ConfigMap',
          'metadata:',
          `  name: ${name}`,
          `  namespace: ${namespace}`,
          'data:',
          `  selectors: '${JSON.stringify(selectors)}'`,
          '',
        ].join('\n');
      const both = {
        name: 'shop-web',
        namespaceSelector: { matchLabels: { env: 'prod' } },
        objectSelector: { matchLabels: { app: 'web' } },
        effect: { annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' } },
      };
      const labelled = deployment({ podMetadata: ['labels:', '  app: web'] });

      it('sends a pod whose namespace and own labels both match', () => {
        const decision = decide(labelled, `${namespaceDoc('shop', { env: 'prod' })}---\n${profile([both])}`);
        expect(decision).toEqual({ eci: true, reason: 'the eci-profile selector "shop-web" matches it' });
      });

      it('does not send a pod when the namespace labels or the object labels do not match', () => {
        expect(decide(labelled, `${namespaceDoc('shop', { env: 'dev' })}---\n${profile([both])}`).eci).toBe(false);
        expect(decide(labelled, profile([both])).eci).toBe(false);
        expect(decide(deployment(), `${namespaceDoc('shop', { env: 'prod' })}---\n${profile([both])}`).eci).toBe(false);
      });

      it('matches on object labels alone when the selector has no namespaceSelector', () => {
        const objectOnly = { name: 'web-anywhere', objectSelector: { matchLabels: { app: 'web' } } };
        expect(decide(labelled, profile([objectOnly])).eci).toBe(true);
        const r = read(`${labelled}---\n${profile([objectOnly])}`);
        expect(matchingSelectors(workload(r), r.profiles[0].selectors, undefined).map((s) => s.name)).toEqual(['web-anywhere']);
      });

      it('matches on namespace labels alone when the selector has no objectSelector', () => {
        const nsOnly = { name: 'prod-ns', namespaceSelector: { matchLabels: { env: 'prod' } } };
        expect(decide(deployment(), `${namespaceDoc('shop', { env: 'prod' })}---\n${profile([nsOnly])}`).eci).toBe(true);
      });

      it('reads the selectors only from kube-system/eci-profile', () => {
        expect(decide(labelled, profile([both, { name: 'x', objectSelector: { matchLabels: { app: 'web' } } }], 'default')).eci).toBe(false);
        expect(decide(labelled, profile([{ name: 'x', objectSelector: { matchLabels: { app: 'web' } } }], 'kube-system', 'other')).eci).toBe(false);
      });

      it('reports selectors that are not JSON as a parse-error and applies none of them', () => {
        const broken = profile([]).replace("'[]'", "'[{name: oops'");
        const result = lint(`${labelled}---\n${broken}`, { cluster: 'virtual-node' });
        expect(findingsOf(result, 'parse-error')).toHaveLength(1);
        expect(findingsOf(result, 'parse-error')[0].message).toContain('eci-profile selectors are not valid JSON');
      });
    });
  });
});

describe('matchingSelectors with many selectors (indexed)', () => {
  const labelsArb = fc.dictionary(fc.constantFrom('app', 'tier', 'team'), fc.constantFrom('a', 'b', 'c'), { maxKeys: 3 });
  const selectorArb = fc.record({
    name: fc.string({ maxLength: 4 }),
    namespaceLabels: fc.dictionary(fc.constantFrom('env'), fc.constantFrom('prod', 'dev'), { maxKeys: 1 }),
    objectLabels: labelsArb,
    annotations: fc.constant({}),
    labels: fc.constant({}),
  });
  const podWith = (labels: Record<string, string>): Workload =>
    ({ pod: { labels: Object.entries(labels).map(([key, value]) => ({ key, value })) } }) as unknown as Workload;

  it('gives the same selectors, in the same order, as comparing the workload with every selector', () => {
    fc.assert(
      fc.property(fc.array(selectorArb, { maxLength: 12 }), labelsArb, fc.constantFrom(undefined, { env: 'prod' }), (selectors, labels, nsLabels) => {
        const namespace = nsLabels && { name: 'shop', labels: nsLabels, file: 'x', span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 } };
        const every = selectors.filter(
          (s) =>
            Object.entries(s.namespaceLabels).every(([k, v]) => namespace?.labels[k as 'env'] === v) &&
            Object.entries(s.objectLabels).every(([k, v]) => labels[k] === v),
        );
        expect(matchingSelectors(podWith(labels), selectors, namespace)).toEqual(every);
      }),
    );
  });

  it('20,000 selectors and 20,000 Deployments: each Deployment gets exactly its own selector', () => {
    const selectors = Array.from({ length: 20_000 }, (_, i) => ({ name: `s${i}`, namespaceLabels: {}, objectLabels: { app: `app-${i}` }, annotations: {}, labels: {} }));
    for (let i = 0; i < 20_000; i++) {
      const found = matchingSelectors(podWith({ app: `app-${i}`, tier: 'web' }), selectors, undefined);
      if (found.length !== 1 || found[0].name !== `s${i}`) throw new Error(`Deployment ${i}: ${found.map((s) => s.name).join(', ')}`);
    }
  });
});
