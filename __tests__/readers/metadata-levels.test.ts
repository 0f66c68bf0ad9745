import { jest } from '@jest/globals';
import type { MapEntry, MetadataBlock, Span } from '../../src/model/index.js';
import { emptyLevel, hasEciKey, markInvalid, podLevels } from '../../src/readers/metadata-levels.js';

const span: Span = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
const entry = (key: string): MapEntry => ({ key, keySpan: span, value: 'v', valueType: 'string', valueSpan: span, span });

test('emptyLevel: no entries, valid', () => {
  expect(emptyLevel('object', 'metadata', span)).toEqual({
    level: 'object',
    path: 'metadata',
    annotations: [],
    labels: [],
    span,
    annotationsValid: true,
    labelsValid: true,
  });
});

test('markInvalid marks only the field named', () => {
  const annotations = emptyLevel('pod', 'spec.template.metadata', span);
  markInvalid(annotations, 'annotations');
  expect([annotations.annotationsValid, annotations.labelsValid]).toEqual([false, true]);
  const labels = emptyLevel('pod', 'spec.template.metadata', span);
  markInvalid(labels, 'labels');
  expect([labels.annotationsValid, labels.labelsValid]).toEqual([true, false]);
});

describe('hasEciKey', () => {
  test.each([
    ['an aliyun annotation', ['k8s.aliyun.com/eci-with-eip'], []],
    ['an alibabacloud label', [], ['alibabacloud.com/eci']],
  ])('%s is an ECI key', (_, annotations, labels) => {
    expect(hasEciKey({ ...emptyLevel('object', 'metadata', span), annotations: annotations.map(entry), labels: labels.map(entry) })).toBe(true);
  });

  test('other keys, and an ECI word in a value only, are not', () => {
    const level = { ...emptyLevel('object', 'metadata', span), annotations: [{ ...entry('team'), value: 'aliyun' }], labels: [entry('app')] };
    expect(hasEciKey(level)).toBe(false);
  });
});

describe('podLevels', () => {
  const object = { ...emptyLevel('object', 'metadata', span), annotations: [entry('k8s.aliyun.com/eci-with-eip')] };

  test('a bare Pod: its own metadata is the pod level, and there is no object level', () => {
    const readPodLevel = jest.fn(() => emptyLevel('pod', 'metadata', span));
    const levels = podLevels('Pod', [object], readPodLevel);
    expect(levels.objectMetadata).toEqual([]);
    expect(levels.pod).toEqual({ ...object, level: 'pod' });
    expect(object.level).toBe('object');
    expect(readPodLevel).not.toHaveBeenCalled();
  });

  test('another kind keeps its levels and reads its pod level from the template', () => {
    const pod: MetadataBlock = emptyLevel('pod', 'spec.template.metadata', span);
    const jobTemplate = emptyLevel('job-template', 'spec.jobTemplate.metadata', span);
    expect(podLevels('CronJob', [object, jobTemplate], () => pod)).toEqual({ objectMetadata: [object, jobTemplate], pod });
  });

  test('an object without a pod template has no pod level', () => {
    expect(podLevels('Service', [object], undefined)).toEqual({ objectMetadata: [object], pod: undefined });
  });
});
