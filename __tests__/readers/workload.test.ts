import type { Span, Workload, WorkloadEditor } from '../../src/model/index.js';
import { workloadOf, type WorkloadIdentity, type WorkloadParts } from '../../src/readers/workload.js';

const span: Span = { offset: 4, endOffset: 8, line: 2, column: 1, endLine: 2, endColumn: 5 };
const identity: WorkloadIdentity = { source: 'terraform', file: 'infra/app.tf', kind: 'Deployment', name: 'web', namespace: 'shop', namespaceDefaulted: false, span };
const parts: WorkloadParts = {
  objectMetadata: [],
  pod: undefined,
  podTemplatePath: 'spec.template',
  podAnnotationsPath: 'template_annotations',
  replicas: { value: 3, span },
  parallelism: {},
  instances: { value: 2, what: 'count' },
  scheduling: { nodeSelector: { type: 'virtual-kubelet' }, nodeAffinityIn: {}, tolerationKeys: [] },
  images: [{ value: 'nginx', where: 'container web image', span }],
  urls: [],
  ignores: [{ rules: ['eip-missing'], reason: 'reviewed', span }],
  editor: {} as WorkloadEditor,
};

test('workloadOf: the identity and every part, the same objects, nothing else', () => {
  const workload = workloadOf(identity, parts);
  const expected: Workload = { ...identity, ...parts };
  expect(workload).toStrictEqual(expected);
  expect(workload.editor).toBe(parts.editor);
  expect(workload.images).toBe(parts.images);
});

test('workloadOf: parts a reader does not have stay undefined', () => {
  const { podAnnotationsPath: _path, instances: _instances, ...yamlParts } = parts;
  const workload = workloadOf({ ...identity, source: 'kubernetes' }, yamlParts);
  expect(workload.podAnnotationsPath).toBeUndefined();
  expect(workload.instances).toBeUndefined();
  expect(workload.replicas).toEqual({ value: 3, span });
});
