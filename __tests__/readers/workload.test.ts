import type { Span, WorkloadEditor } from '../../src/model/index.js';
import { workloadOf, type WorkloadIdentity, type WorkloadParts } from '../../src/readers/workload.js';

const span: Span = { offset: 4, endOffset: 8, line: 2, column: 1, endLine: 2, endColumn: 5 };
const identity: WorkloadIdentity = { source: 'terraform', file: 'infra/app.tf', kind: 'Deployment', name: 'web', namespace: 'shop', namespaceDefaulted: false, span };
const pod = { level: 'pod' as const, path: 'spec.template.metadata', annotations: [], labels: [], span, annotationsValid: true, labelsValid: true };
const parts: WorkloadParts = {
  levels: { objectMetadata: [{ ...pod, level: 'object', path: 'metadata' }], pod },
  podTemplatePath: 'spec.template',
  podAnnotationsPath: 'template_annotations',
  counts: { replicas: { value: 3, span }, parallelism: {} },
  instances: { value: 2, what: 'count' },
  podSpec: { scheduling: { nodeSelector: { type: 'virtual-kubelet' }, nodeAffinityIn: {}, tolerationKeys: [] }, images: [{ value: 'nginx', where: 'container web image', span }], urls: [] },
  ignores: [{ rules: ['eip-missing'], reason: 'reviewed', span }],
  editor: {} as WorkloadEditor,
};

test('workloadOf: the identity and every part, the same objects, nothing else', () => {
  const workload = workloadOf(identity, parts);
  expect(workload).toStrictEqual({
    ...identity,
    objectMetadata: parts.levels.objectMetadata,
    pod,
    podTemplatePath: 'spec.template',
    podAnnotationsPath: 'template_annotations',
    replicas: { value: 3, span },
    parallelism: {},
    instances: { value: 2, what: 'count' },
    ...parts.podSpec,
    ignores: parts.ignores,
    editor: parts.editor,
  });
  expect(workload.pod).toBe(pod);
  expect(workload.images).toBe(parts.podSpec.images);
  expect(workload.editor).toBe(parts.editor);
});

test('workloadOf: parts a reader does not have stay undefined', () => {
  const { podAnnotationsPath: _path, instances: _instances, ...yamlParts } = parts;
  const workload = workloadOf({ ...identity, source: 'kubernetes' }, { ...yamlParts, levels: { objectMetadata: [] } });
  expect(workload.podAnnotationsPath).toBeUndefined();
  expect(workload.instances).toBeUndefined();
  expect(workload.pod).toBeUndefined();
});
