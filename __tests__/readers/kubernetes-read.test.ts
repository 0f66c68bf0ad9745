import type { MetadataBlock, Workload } from '../../src/model/index.js';
import { at, crlf, entry, onlyWorkload, read } from './helpers.js';

/** 1-based line and column where `needle` first starts in `text` (after `from` occurrences). */
function locate(text: string, needle: string, from = 0): [number, number] {
  let offset = -1;
  for (let i = 0; i <= from; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - before.lastIndexOf('\n')];
}

const blockShape = (b: MetadataBlock | undefined) => b && { level: b.level, path: b.path };
const annotationMap = (b: MetadataBlock | undefined) => Object.fromEntries((b?.annotations ?? []).map((e) => [e.key, e.value]));

describe('pod-bearing kinds (PRODUCT.md §2)', () => {
  const podTemplate = (indent: string) =>
    [
      `${indent}metadata:`,
      `${indent}  annotations:`,
      `${indent}    k8s.aliyun.com/eci-with-eip: "true"`,
      `${indent}spec:`,
      `${indent}  containers:`,
      `${indent}    - name: app`,
      `${indent}      image: nginx`,
    ].join('\n');

  test('a bare Pod: its own metadata is the pod level, there is no object level', () => {
    const w = onlyWorkload(`apiVersion: v1\nkind: Pod\n${podTemplate('')}\n`);
    expect(w.kind).toBe('Pod');
    expect(w.podTemplatePath).toBe('');
    expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'metadata' });
    expect(w.objectMetadata).toEqual([]);
    expect(annotationMap(w.pod)).toEqual({ 'k8s.aliyun.com/eci-with-eip': 'true' });
    expect(w.images.map((i) => i.value)).toEqual(['nginx']);
    expect(w.replicas).toEqual({});
  });

  test('a PodTemplate: the pod template is `template`', () => {
    const w = onlyWorkload(`apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: pt\ntemplate:\n${podTemplate('  ')}\n`);
    expect(w.podTemplatePath).toBe('template');
    expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'template.metadata' });
    expect(w.objectMetadata.map(blockShape)).toEqual([{ level: 'object', path: 'metadata' }]);
    expect(annotationMap(w.pod)).toEqual({ 'k8s.aliyun.com/eci-with-eip': 'true' });
    expect(w.name).toBe('pt');
  });

  test.each(['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'])(
    '%s: spec.template, replicas read from spec',
    (kind) => {
      const w = onlyWorkload(`apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: x\nspec:\n  replicas: 4\n  template:\n${podTemplate('    ')}\n`);
      expect(w.kind).toBe(kind);
      expect(w.podTemplatePath).toBe('spec.template');
      expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'spec.template.metadata' });
      expect(w.objectMetadata.map(blockShape)).toEqual([{ level: 'object', path: 'metadata' }]);
      expect(annotationMap(w.pod)).toEqual({ 'k8s.aliyun.com/eci-with-eip': 'true' });
      expect(w.replicas.value).toBe(4);
      expect(at(w.replicas.span)).toEqual([6, 13, 6, 14]);
      expect(w.parallelism).toEqual({});
    },
  );

  test('DaemonSet: spec.template, and no replicas even when written', () => {
    const w = onlyWorkload(`kind: DaemonSet\nmetadata:\n  name: agent\nspec:\n  replicas: 9\n  template:\n${podTemplate('    ')}\n`);
    expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'spec.template.metadata' });
    expect(w.replicas).toEqual({});
  });

  test('Job: spec.template, parallelism from spec, no replicas', () => {
    const w = onlyWorkload(`apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  parallelism: 5\n  template:\n${podTemplate('    ')}\n`);
    expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'spec.template.metadata' });
    expect(w.parallelism.value).toBe(5);
    expect(at(w.parallelism.span)).toEqual([6, 16, 6, 17]);
    expect(w.replicas).toEqual({});
  });

  test('CronJob: spec.jobTemplate.spec.template, with spec.jobTemplate.metadata as a job-template block', () => {
    const text = [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: nightly',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    metadata:',
      '      annotations:',
      '        k8s.aliyun.com/eci-with-eip: "true"',
      '    spec:',
      '      parallelism: 2',
      '      template:',
      '        metadata:',
      '          labels:',
      '            app: nightly',
      '        spec:',
      '          containers:',
      '            - name: job',
      '              image: alpine',
      '',
    ].join('\n');
    const w = onlyWorkload(text);
    expect(w.podTemplatePath).toBe('spec.jobTemplate.spec.template');
    expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'spec.jobTemplate.spec.template.metadata' });
    expect(w.objectMetadata.map(blockShape)).toEqual([
      { level: 'object', path: 'metadata' },
      { level: 'job-template', path: 'spec.jobTemplate.metadata' },
    ]);
    const jobTemplate = w.objectMetadata[1];
    expect(at(jobTemplate.span)).toEqual([8, 5, 8, 13]);
    expect(annotationMap(jobTemplate)).toEqual({ 'k8s.aliyun.com/eci-with-eip': 'true' });
    expect(at(jobTemplate.annotations[0].keySpan)).toEqual([10, 9, 10, 36]);
    expect(w.pod?.annotations).toEqual([]);
    expect(w.pod?.labels.map((l) => [l.key, l.value])).toEqual([['app', 'nightly']]);
    expect(w.parallelism.value).toBe(2);
    expect(at(w.parallelism.span)).toEqual([12, 20, 12, 21]);
    expect(w.replicas).toEqual({});
  });

  test('a CronJob without jobTemplate.metadata still has a job-template block, pointing at jobTemplate', () => {
    const text = 'kind: CronJob\nmetadata:\n  name: c\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {}\n';
    const w = onlyWorkload(text);
    expect(w.objectMetadata[1].level).toBe('job-template');
    expect(w.objectMetadata[1].annotations).toEqual([]);
    expect(at(w.objectMetadata[1].span)).toEqual([6, 5, 6, 5]);
  });

  test.each([
    ['Rollout', 'argoproj.io/v1alpha1'],
    ['CloneSet', 'apps.kruise.io/v1alpha1'],
  ])('%s (another kind with spec.template.spec) is read like a Deployment', (kind, apiVersion) => {
    const w = onlyWorkload(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: r\nspec:\n  replicas: 6\n  template:\n${podTemplate('    ')}\n`);
    expect(w.kind).toBe(kind);
    expect(blockShape(w.pod)).toEqual({ level: 'pod', path: 'spec.template.metadata' });
    expect(annotationMap(w.pod)).toEqual({ 'k8s.aliyun.com/eci-with-eip': 'true' });
    expect(w.replicas.value).toBe(6);
  });

  test('another kind with spec.template but no spec.template.spec is not a pod template', () => {
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  template:\n    metadata:\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n';
    expect(read(text).workloads).toEqual([]);
  });

  test('a kind that never has pods is not read as a pod template, even with spec.template.spec', () => {
    const text = 'kind: Service\nmetadata:\n  name: s\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: nginx}]\n';
    expect(read(text).workloads).toEqual([]);
    expect(read(text, 'test.yaml', true).workloads).toEqual([]);
  });

  test('a Deployment whose template has no spec is still read (the kind is known)', () => {
    const w = onlyWorkload('kind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    metadata:\n      labels: {app: d}\n');
    expect(w.pod?.labels.map((l) => l.key)).toEqual(['app']);
    expect(w.images).toEqual([]);
  });

  test.each([
    ['a scalar', 'template: web'],
    ['a list', 'template: [{spec: {}}]'],
    ['null', 'template:'],
  ])('a Deployment whose template is %s has no pods; an ECI key in its metadata still makes it a workload', (_, template) => {
    const text = `kind: Deployment\nmetadata:\n  name: d\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\nspec:\n  replicas: 3\n  ${template}\n`;
    const w = onlyWorkload(text);
    expect(w.pod).toBeUndefined();
    expect(w.podTemplatePath).toBeUndefined();
    expect(w.replicas).toEqual({});
    expect(w.scheduling).toEqual({ nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] });
    expect(read(text.replace('k8s.aliyun.com/eci-with-eip', 'example.com/team')).workloads).toEqual([]);
  });

  test('a CronJob whose jobTemplate is not a map keeps its paths: a job-template block at jobTemplate, no pods, no parallelism', () => {
    const text = 'kind: CronJob\nmetadata:\n  name: c\n  labels: {alibabacloud.com/eci: "true"}\nspec:\n  jobTemplate: nightly\n';
    const w = onlyWorkload(text);
    expect(w.objectMetadata.map(blockShape)).toEqual([
      { level: 'object', path: 'metadata' },
      { level: 'job-template', path: 'spec.jobTemplate.metadata' },
    ]);
    expect(w.pod).toBeUndefined();
    expect(w.podTemplatePath).toBe('spec.jobTemplate.spec.template');
    expect(w.parallelism).toEqual({});
  });

  test('a PodTemplate whose template is not a map has no pods, and keeps its path', () => {
    const w = onlyWorkload('kind: PodTemplate\nmetadata:\n  name: pt\n  labels: {alibabacloud.com/eci: "true"}\ntemplate: 3\n');
    expect(w.pod).toBeUndefined();
    expect(w.podTemplatePath).toBe('template');
  });

  test('the workload span is the `kind` key; name and namespace are read', () => {
    const w = onlyWorkload('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  template:\n    spec: {}\n');
    expect(at(w.span)).toEqual([2, 1, 2, 5]);
    expect([w.name, w.namespace, w.namespaceDefaulted, w.source, w.file]).toEqual(['web', 'shop', false, 'kubernetes', 'test.yaml']);
  });

  test('namespace defaults to "default" and says so', () => {
    const w = onlyWorkload('kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec: {}\n');
    expect(w.namespace).toBe('default');
    expect(w.namespaceDefaulted).toBe(true);
  });
});

describe('streams of documents', () => {
  test('a multi-document file yields every workload with positions in the file', () => {
    const text = [
      'kind: Deployment',
      'metadata:',
      '  name: one',
      'spec:',
      '  template:',
      '    spec: {}',
      '---',
      'kind: Service',
      'metadata:',
      '  name: svc',
      '---',
      '# the second deployment',
      'kind: StatefulSet',
      'metadata:',
      '  name: two',
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        k8s.aliyun.com/eip-isp: BGP',
      '    spec: {}',
      '',
    ].join('\n');
    const result = read(text);
    expect(result.problems).toEqual([]);
    expect(result.workloads.map((w) => [w.kind, w.name, w.span.line])).toEqual([
      ['Deployment', 'one', 1],
      ['StatefulSet', 'two', 13],
    ]);
    const isp = result.workloads[1].pod!.annotations[0];
    expect(at(isp.keySpan)).toEqual([20, 9, 20, 31]);
    expect(at(isp.valueSpan)).toEqual([20, 33, 20, 36]);
    expect(isp.keySpan.offset).toBe(text.indexOf('k8s.aliyun.com/eip-isp'));
  });

  test('kind: List yields its items, each with its own position', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata:',
      '      name: a',
      '    spec:',
      '      template:',
      '        spec: {}',
      '  - kind: Pod',
      '    metadata:',
      '      name: b',
      '      namespace: ns',
      '    spec: {}',
      '  - kind: Namespace',
      '    metadata:',
      '      name: ns',
      '',
    ].join('\n');
    const result = read(text);
    expect(result.workloads.map((w) => [w.kind, w.name, at(w.span)])).toEqual([
      ['Deployment', 'a', [5, 5, 5, 9]],
      ['Pod', 'b', [11, 5, 11, 9]],
    ]);
    expect(result.namespaces.map((n) => n.name)).toEqual(['ns']);
  });

  test('a DeploymentList is read like a List', () => {
    const text = 'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- kind: Deployment\n  metadata: {name: a}\n  spec: {template: {spec: {}}}\n- kind: Deployment\n  metadata: {name: b}\n  spec: {template: {spec: {}}}\n';
    expect(read(text).workloads.map((w) => w.name)).toEqual(['a', 'b']);
  });

  test('nested lists are read', () => {
    const text = 'kind: List\nitems:\n- kind: List\n  items:\n  - kind: Pod\n    metadata: {name: deep}\n';
    expect(read(text).workloads.map((w) => w.name)).toEqual(['deep']);
  });

  test('a List without items, or with non-map items, yields nothing', () => {
    expect(read('kind: List\nitems: []\n').workloads).toEqual([]);
    expect(read('kind: List\nitems:\n- 1\n- [a]\n- "x"\n').workloads).toEqual([]);
    expect(read('kind: List\n').workloads).toEqual([]);
  });
});

describe('HorizontalPodAutoscaler, Namespace, eci-profile', () => {
  test('an autoscaling/v2 HPA becomes an autoscaler with min and max', () => {
    const text = [
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      '  name: web',
      '  namespace: shop',
      'spec:',
      '  scaleTargetRef:',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    name: web',
      '  minReplicas: 2',
      '  maxReplicas: 12',
      '  metrics:',
      '    - type: Resource',
      '      resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}',
      '',
    ].join('\n');
    const result = read(text);
    expect(result.workloads).toEqual([]);
    expect(result.autoscalers).toHaveLength(1);
    const hpa = result.autoscalers[0];
    expect([hpa.name, hpa.namespace, hpa.target, hpa.file]).toEqual(['web', 'shop', { kind: 'Deployment', name: 'web' }, 'test.yaml']);
    expect(hpa.min.value).toBe(2);
    expect(at(hpa.min.span)).toEqual([11, 16, 11, 17]);
    expect(hpa.max.value).toBe(12);
    expect(at(hpa.max.span)).toEqual([12, 16, 12, 18]);
    expect(at(hpa.span)).toEqual([2, 1, 2, 5]);
  });

  test('an HPA without minReplicas has an empty min; a non-number max is unknown', () => {
    const text = 'kind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {kind: Deployment, name: web}\n  maxReplicas: lots\n';
    const hpa = read(text).autoscalers[0];
    expect(hpa.namespace).toBe('default');
    expect(hpa.min).toEqual({});
    expect(hpa.max.unknown).toBe('maxReplicas is "lots", not a whole number');
    expect(at(hpa.max.span)).toEqual([6, 16, 6, 20]);
  });

  test('an HPA without a complete scaleTargetRef is left out', () => {
    expect(read('kind: HorizontalPodAutoscaler\nmetadata:\n  name: h\nspec:\n  scaleTargetRef: {kind: Deployment}\n  maxReplicas: 3\n').autoscalers).toEqual([]);
  });

  test('a Namespace yields its labels, and no workload without Alibaba Cloud keys', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    team: shop\n    replicas: 3\n';
    const result = read(text);
    expect(result.namespaces).toEqual([
      { name: 'shop', labels: { team: 'shop', replicas: '3' }, file: 'test.yaml', span: expect.objectContaining({ line: 2, column: 1 }) },
    ]);
    expect(result.workloads).toEqual([]);
  });

  test('a Namespace with an Alibaba Cloud label is also emitted as a workload without pods', () => {
    const result = read('kind: Namespace\nmetadata:\n  name: eci\n  labels:\n    alibabacloud.com/eci: "true"\n');
    expect(result.namespaces[0].labels).toEqual({ 'alibabacloud.com/eci': 'true' });
    expect(result.workloads).toHaveLength(1);
    const w = result.workloads[0];
    expect([w.kind, w.name, w.namespace, w.pod, w.podTemplatePath]).toEqual(['Namespace', 'eci', '', undefined, undefined]);
    expect(w.objectMetadata[0].labels.map((l) => l.key)).toEqual(['alibabacloud.com/eci']);
  });

  const profile = (selectors: string, namespace = 'kube-system') =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: eci-profile\n  namespace: ${namespace}\ndata:\n  enableClusterIp: "true"\n  selectors: ${selectors}\n`;

  test('the eci-profile ConfigMap in kube-system yields its selectors', () => {
    const json = JSON.stringify([
      {
        name: 'shop',
        namespaceSelector: { matchLabels: { team: 'shop' } },
        objectSelector: { matchLabels: { app: 'web', replicas: 3 } },
        effect: { annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' }, labels: { 'eci-injected': 'yes' } },
      },
      { effect: {} },
      'not an object',
    ]);
    const result = read(profile(`'${json}'`));
    expect(result.problems).toEqual([]);
    expect(result.profiles).toHaveLength(1);
    expect(result.profiles[0].span.line).toBe(2);
    expect(result.profiles[0].selectors).toEqual([
      {
        name: 'shop',
        namespaceLabels: { team: 'shop' },
        objectLabels: { app: 'web' },
        annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
        labels: { 'eci-injected': 'yes' },
      },
      { name: '', namespaceLabels: {}, objectLabels: {}, annotations: {}, labels: {} },
    ]);
    expect(result.workloads).toEqual([]);
  });

  test('selectors in a block scalar are read', () => {
    const text = profile('|\n    [{"name": "all", "effect": {"annotations": {"k8s.aliyun.com/eci-with-eip": "true"}}}]');
    expect(read(text).profiles[0].selectors.map((s) => s.name)).toEqual(['all']);
  });

  test('invalid JSON in selectors is a parse-error at the value', () => {
    const text = profile("'[{\"name\": \"broken\",]'");
    const result = read(text);
    expect(result.profiles).toEqual([]);
    expect(result.problems).toHaveLength(1);
    const problem = result.problems[0];
    expect(problem.ruleId).toBe('parse-error');
    expect(problem.message).toMatch(/^The eci-profile selectors are not valid JSON: .+\. No selector of this eci-profile is applied\.$/);
    expect(at(problem.span)).toEqual([8, 14, 8, 36]);
  });

  test('an eci-profile outside kube-system, or without a namespace, is not the profile', () => {
    expect(read(profile("'[]'", 'default')).profiles).toEqual([]);
    expect(read("kind: ConfigMap\nmetadata:\n  name: eci-profile\ndata:\n  selectors: '[]'\n").profiles).toEqual([]);
  });

  test('an eci-profile without string selectors yields no profile and no problem', () => {
    const result = read('kind: ConfigMap\nmetadata:\n  name: eci-profile\n  namespace: kube-system\ndata:\n  selectors: [1]\n');
    expect(result.profiles).toEqual([]);
    expect(result.problems).toEqual([]);
  });
});

describe('MapEntry fields', () => {
  const text = [
    'kind: Pod', //                               1
    'metadata:', //                               2
    '  name: types', //                           3
    '  annotations:', //                          4
    '    a-true: true', //                        5
    '    a-yes: yes', //                          6
    '    a-On: On', //                            7
    '    a-10: 10', //                            8
    '    a-hex: 0x1F', //                         9
    '    a-exp: 1e3', //                          10
    '    a-tilde: ~', //                          11
    '    a-empty:', //                            12
    '    a-quoted: "true"', //                    13
    "    a-single: 'yes'", //                     14
    '    a-str-tag: !!str true', //               15
    '    a-block: |', //                          16
    '      multi', //                             17
    '      line', //                              18
    '    a-folded: >-', //                        19
    '      folded', //                            20
    '    a-plain: hello world', //                21
    '    a-null: null', //                        22
    '    a-n: N', //                              23
    '    a-off: OFF', //                          24
    '    a-float: 3.14', //                       25
    '    a-neg: -5', //                           26
    '    a-version: 1.2.3', //                    27
    '    a-seq: [1]', //                          28
    '    a-map: {b: c}', //                       29
    '    a-comment: # nothing', //                30
    '    a-anchor: &v "x"', //                    31
    '    a-alias: *v', //                         32
    'spec: {}', //                                33
    '',
  ].join('\n');
  const pod = onlyWorkload(text).pod!;
  const types = Object.fromEntries(pod.annotations.map((e) => [e.key, [e.valueType, e.value]]));

  test('value types follow YAML 1.1 as Kubernetes reads it', () => {
    expect(types).toEqual({
      'a-true': ['bool', 'true'],
      'a-yes': ['bool', 'yes'],
      'a-On': ['bool', 'On'],
      'a-10': ['number', '10'],
      'a-hex': ['number', '0x1F'],
      'a-exp': ['number', '1e3'],
      'a-tilde': ['null', ''],
      'a-empty': ['null', ''],
      'a-quoted': ['string', 'true'],
      'a-single': ['string', 'yes'],
      'a-str-tag': ['string', 'true'],
      'a-block': ['string', 'multi\nline\n'],
      'a-folded': ['string', 'folded'],
      'a-plain': ['string', 'hello world'],
      'a-null': ['null', ''],
      'a-n': ['bool', 'N'],
      'a-off': ['bool', 'OFF'],
      'a-float': ['number', '3.14'],
      'a-neg': ['number', '-5'],
      'a-version': ['string', '1.2.3'],
      'a-seq': ['collection', ''],
      'a-map': ['collection', ''],
      'a-comment': ['null', ''],
      'a-anchor': ['string', 'x'],
      'a-alias': ['string', 'x'],
    });
  });

  test('the value text of a plain scalar is the source text, not the parsed value', () => {
    // `yaml` parses 0x1F as 31 and 1e3 as 1000; the entry keeps what the author wrote.
    expect(entry(pod.annotations, 'a-hex').value).toBe('0x1F');
    expect(entry(pod.annotations, 'a-exp').value).toBe('1e3');
  });

  test('key and value spans are exact', () => {
    const t = entry(pod.annotations, 'a-true');
    expect(at(t.keySpan)).toEqual([5, 5, 5, 11]);
    expect(at(t.valueSpan)).toEqual([5, 13, 5, 17]);
    expect(at(t.span)).toEqual([5, 5, 5, 17]);
    expect(text.slice(t.keySpan.offset, t.keySpan.endOffset)).toBe('a-true');
    expect(text.slice(t.valueSpan.offset, t.valueSpan.endOffset)).toBe('true');

    const quoted = entry(pod.annotations, 'a-quoted');
    expect(at(quoted.valueSpan)).toEqual([13, 15, 13, 21]);
    expect(text.slice(quoted.valueSpan.offset, quoted.valueSpan.endOffset)).toBe('"true"');

    const tagged = entry(pod.annotations, 'a-str-tag');
    expect(text.slice(tagged.valueSpan.offset, tagged.valueSpan.endOffset)).toBe('true');
    expect(at(tagged.valueSpan)).toEqual([15, 22, 15, 26]);
  });

  test('an empty value has an empty span right after the colon; before a comment it sits at the comment', () => {
    const empty = entry(pod.annotations, 'a-empty');
    expect(at(empty.keySpan)).toEqual([12, 5, 12, 12]);
    expect(at(empty.valueSpan)).toEqual([12, 13, 12, 13]);
    const comment = entry(pod.annotations, 'a-comment');
    expect(at(comment.valueSpan)).toEqual([30, 16, 30, 16]);
  });

  test('a block scalar value spans its lines', () => {
    const block = entry(pod.annotations, 'a-block');
    expect(block.valueSpan.line).toBe(16);
    expect(block.valueSpan.column).toBe(14);
    // The span ends on the last written line, not at the start of the next one.
    expect(at(block.valueSpan)).toEqual([16, 14, 18, 11]);
    expect(text.slice(block.valueSpan.offset, block.valueSpan.endOffset)).toBe('|\n      multi\n      line');
  });

  test('an alias value points at the alias, and has the anchored value and type', () => {
    const alias = entry(pod.annotations, 'a-alias');
    expect(at(alias.valueSpan)).toEqual([32, 14, 32, 16]);
    expect(at(alias.span)).toEqual([32, 5, 32, 16]);
    const anchor = entry(pod.annotations, 'a-anchor');
    expect(text.slice(anchor.valueSpan.offset, anchor.valueSpan.endOffset)).toBe('"x"');
  });

  test('CRLF line endings keep the same lines and columns', () => {
    const crlfPod = onlyWorkload(crlf(text)).pod!;
    for (const lf of pod.annotations) {
      const other = entry(crlfPod.annotations, lf.key);
      expect([lf.key, at(other.keySpan)]).toEqual([lf.key, at(lf.keySpan)]);
      expect([lf.key, other.valueType]).toEqual([lf.key, lf.valueType]);
      if (lf.key !== 'a-block') expect([lf.key, at(other.valueSpan)]).toEqual([lf.key, at(lf.valueSpan)]);
    }
    const crlfText = crlf(text);
    const quoted = entry(crlfPod.annotations, 'a-quoted');
    expect(crlfText.slice(quoted.valueSpan.offset, quoted.valueSpan.endOffset)).toBe('"true"');
  });

  test('keys that are null are left out; non-string keys are read as text', () => {
    const w = onlyWorkload('kind: Pod\nmetadata:\n  annotations:\n    ~: a\n    10: b\n    true: c\n');
    expect(w.pod!.annotations.map((e) => e.key)).toEqual(['10', 'true']);
  });
});

describe('counts and invalid metadata', () => {
  const deployment = (replicas: string) => `kind: Deployment\nmetadata:\n  name: d\nspec:\n  replicas: ${replicas}\n  template:\n    spec: {}\n`;

  test.each([
    ['"three"', { unknown: 'replicas is "three", not a whole number', at: [5, 13, 5, 20] }],
    ['-1', { unknown: 'replicas is -1, not a whole number', at: [5, 13, 5, 15] }],
    ['1.5', { unknown: 'replicas is 1.5, not a whole number', at: [5, 13, 5, 16] }],
    ['[1]', { unknown: 'replicas is a collection, not a whole number', at: [5, 13, 5, 16] }],
    ['~', { unknown: 'replicas is null, not a whole number', at: [5, 13, 5, 14] }],
    ['', { unknown: 'replicas is null, not a whole number', at: [5, 13, 5, 13] }],
  ])('replicas: %s is unknown with a message', (written, expected) => {
    const w = onlyWorkload(deployment(written));
    expect(w.replicas.value).toBeUndefined();
    expect(w.replicas.unknown).toBe(expected.unknown);
    expect(at(w.replicas.span)).toEqual(expected.at);
  });

  test('replicas: 0x10 is 16 (YAML reads hex); a missing replicas is empty', () => {
    expect(onlyWorkload(deployment('0x10')).replicas.value).toBe(16);
    expect(onlyWorkload('kind: Deployment\nspec:\n  template:\n    spec: {}\n').replicas).toEqual({});
  });

  test('annotations: [] is marked invalid and read without a crash', () => {
    const w = onlyWorkload('kind: Deployment\nmetadata:\n  name: d\n  annotations: []\nspec:\n  template:\n    metadata:\n      annotations: "text"\n      labels: [a]\n    spec: {}\n');
    expect(w.objectMetadata[0].annotationsValid).toBe(false);
    expect(w.objectMetadata[0].annotations).toEqual([]);
    expect(w.pod!.annotationsValid).toBe(false);
    expect(w.pod!.labelsValid).toBe(false);
    expect(w.objectMetadata[0].labelsValid).toBe(true);
  });

  test('an empty or null annotations map is valid and empty', () => {
    const w = onlyWorkload('kind: Deployment\nmetadata:\n  annotations:\nspec:\n  template:\n    metadata:\n      annotations: ~\n      labels: {}\n    spec: {}\n');
    expect([w.objectMetadata[0].annotationsValid, w.pod!.annotationsValid, w.pod!.labelsValid]).toEqual([true, true, true]);
    expect(w.pod!.annotations).toEqual([]);
  });

  test('metadata that is not a map gives empty blocks pointing at the metadata key', () => {
    const w = onlyWorkload('kind: Deployment\nmetadata: [x]\nspec:\n  template:\n    metadata: "nope"\n    spec: {}\n');
    expect(w.name).toBe('');
    expect(at(w.objectMetadata[0].span)).toEqual([2, 1, 2, 9]);
    expect(at(w.pod!.span)).toEqual([5, 5, 5, 13]);
    expect(w.pod!.annotations).toEqual([]);
  });

  test('a template without metadata has a pod block pointing at the template', () => {
    const w = onlyWorkload('kind: Deployment\nspec:\n  template:\n    spec: {}\n');
    expect(at(w.pod!.span)).toEqual([4, 5, 4, 5]);
    expect(w.pod!.path).toBe('spec.template.metadata');
  });
});

describe('images, URLs and scheduling hints', () => {
  const text = [
    'apiVersion: apps/v1', //                                                         1
    'kind: Deployment', //                                                            2
    'metadata:', //                                                                   3
    '  name: web', //                                                                 4
    'spec:', //                                                                       5
    '  template:', //                                                                 6
    '    spec:', //                                                                   7
    '      nodeName: virtual-kubelet', //                                             8
    '      nodeSelector:', //                                                         9
    '        type: virtual-kubelet', //                                               10
    '        zone: 7', //                                                             11
    '      tolerations:', //                                                          12
    '        - key: virtual-kubelet.io/provider', //                                  13
    '          operator: Exists', //                                                  14
    '        - operator: Exists', //                                                  15
    '      affinity:', //                                                             16
    '        nodeAffinity:', //                                                       17
    '          requiredDuringSchedulingIgnoredDuringExecution:', //                   18
    '            nodeSelectorTerms:', //                                              19
    '              - matchExpressions:', //                                           20
    '                  - key: type', //                                               21
    '                    operator: In', //                                            22
    '                    values: [virtual-kubelet, ecs]', //                          23
    '                  - key: zone', //                                               24
    '                    operator: NotIn', //                                         25
    '                    values: [a]', //                                             26
    '              - matchExpressions:', //                                           27
    '                  - {key: type, operator: In, values: [edge]}', //               28
    '      initContainers:', //                                                       29
    '        - name: init', //                                                        30
    '          image: busybox:1.36', //                                               31
    '          command: ["sh", "-c", "wget https://get.example.com/setup.sh"]', //    32
    '      containers:', //                                                           33
    '        - name: app', //                                                         34
    '          image: registry.cn-hangzhou.aliyuncs.com/shop/web:1.2', //             35
    '          args:', //                                                             36
    '            - --upstream=http://api.partner.example/v2 --mirror=HTTPS://mirror.example.org/x', // 37
    '            - ftp://not.http.example', //                                        38
    '          env:', //                                                              39
    '            - name: WEBHOOK', //                                                 40
    '              value: "https://hooks.slack.com/services/T0"', //                  41
    '            - name: PLAIN', //                                                   42
    '              value: no url here', //                                            43
    '            - name: FROM_SECRET', //                                             44
    '              valueFrom: {secretKeyRef: {name: s, key: url}}', //                45
    '        - name: sidecar', //                                                     46
    '          image: 12345', //                                                      47
    '',
  ].join('\n');
  const w = onlyWorkload(text);

  test('images of init containers and containers, with where and exact spans', () => {
    expect(w.images.map((i) => [i.value, i.where, at(i.span)])).toEqual([
      ['busybox:1.36', 'init container init image', [31, 18, 31, 30]],
      ['registry.cn-hangzhou.aliyuncs.com/shop/web:1.2', 'container app image', [35, 18, 35, 64]],
    ]);
  });

  test('http(s) URLs in env values, command and args; the span is the whole scalar', () => {
    expect(w.urls.map((u) => [u.value, u.where, u.span.line, u.span.column])).toEqual([
      ['https://get.example.com/setup.sh', 'init container init command', 32, ...locate(text, '"wget').slice(1)],
      ['https://hooks.slack.com/services/T0', 'container app env WEBHOOK', 41, 22],
      ['http://api.partner.example/v2', 'container app args', 37, 15],
      ['HTTPS://mirror.example.org/x', 'container app args', 37, 15],
    ]);
    expect(locate(text, '"wget')).toEqual([32, 33]);
  });

  test('scheduling hints: nodeSelector, nodeName, affinity In values per key, toleration keys', () => {
    expect(w.scheduling).toEqual({
      nodeSelector: { type: 'virtual-kubelet', zone: '7' },
      nodeName: 'virtual-kubelet',
      nodeAffinityIn: { type: ['virtual-kubelet', 'ecs', 'edge'] },
      // `operator: Exists` without a key tolerates every taint: recorded as ''.
      tolerationKeys: ['virtual-kubelet.io/provider', ''],
    });
  });

  test('a toleration without a key counts only with operator Exists', () => {
    const pod = onlyWorkload('kind: Pod\nspec:\n  tolerations:\n    - operator: Equal\n      value: x\n    - effect: NoSchedule\n    - key: k\n');
    expect(pod.scheduling.tolerationKeys).toEqual(['k']);
  });

  test('a pod without a spec has empty hints and no evidence', () => {
    const bare = onlyWorkload('kind: Pod\nmetadata:\n  name: p\n');
    expect(bare.scheduling).toEqual({ nodeSelector: {}, nodeName: undefined, nodeAffinityIn: {}, tolerationKeys: [] });
    expect([bare.images, bare.urls]).toEqual([[], []]);
  });
});

describe('ignore annotations and objects without pods', () => {
  test('eci-egress-lint/ignore on the object and on the pod template are both read', () => {
    const text = [
      'kind: Deployment',
      'metadata:',
      '  name: d',
      '  annotations:',
      '    eci-egress-lint/ignore: "eip-missing, eip-redundant -- egress goes through a proxy -- really"',
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        eci-egress-lint/ignore: eip-shared-instance',
      '    spec: {}',
      '',
    ].join('\n');
    const w: Workload = onlyWorkload(text);
    expect(w.ignores.map((i) => [i.rules, i.reason, i.span.line])).toEqual([
      [['eip-shared-instance'], '', 10],
      [['eip-missing', 'eip-redundant'], 'egress goes through a proxy -- really', 5],
    ]);
  });

  test('a Service is emitted only when its metadata carries an aliyun or alibabacloud key', () => {
    expect(read('kind: Service\nmetadata:\n  name: s\n  annotations:\n    prometheus.io/scrape: "true"\n').workloads).toEqual([]);
    const result = read('kind: Service\nmetadata:\n  name: s\n  annotations:\n    service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec: slb.s1.small\n    k8s.aliyun.com/eci-with-eip: "true"\n');
    expect(result.workloads).toHaveLength(1);
    const w = result.workloads[0];
    expect([w.kind, w.name, w.namespace, w.pod, w.replicas, w.parallelism]).toEqual(['Service', 's', 'default', undefined, {}, {}]);
    expect(w.objectMetadata.map(blockShape)).toEqual([{ level: 'object', path: 'metadata' }]);
    expect(w.objectMetadata[0].annotations.map((a) => a.key)).toEqual([
      'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec',
      'k8s.aliyun.com/eci-with-eip',
    ]);
  });

  test('aliyun text outside metadata (a ConfigMap value) does not make a workload', () => {
    expect(read('kind: ConfigMap\nmetadata:\n  name: c\ndata:\n  registry: registry.cn-hangzhou.aliyuncs.com\n').workloads).toEqual([]);
  });

  test('an ECI label on a ConfigMap makes a workload without pods', () => {
    const result = read('kind: ConfigMap\nmetadata:\n  name: c\n  namespace: ops\n  labels:\n    alibabacloud.com/eci: "true"\n');
    expect(result.workloads.map((w) => [w.kind, w.namespace, w.pod])).toEqual([['ConfigMap', 'ops', undefined]]);
  });
});
