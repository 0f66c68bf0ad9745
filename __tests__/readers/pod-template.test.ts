import { jest } from '@jest/globals';
import type { Count } from '../../src/model/index.js';
import { countsReplicas, joinPath, locatePodTemplate, noScheduling, podCounts, type ObjectSyntax } from '../../src/readers/pod-template.js';

// The stage works over any syntax tree: here plain objects, where a map is an object that is not an array.
type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

const syntax = (overrides: Partial<ObjectSyntax<Tree>> = {}): ObjectSyntax<Tree> => ({
  section: (parent, key) => {
    const value = parent?.[key];
    return isTree(value) ? value : undefined;
  },
  jobTemplate: 'jobTemplate',
  base: '',
  neverPods: (kind) => kind === 'Service',
  readsPodTemplateKind: true,
  ...overrides,
});

const podTemplate = { metadata: { annotations: {} }, spec: { containers: [] } };

describe('locatePodTemplate', () => {
  test('a Pod: the root is the template, with the object\'s paths', () => {
    const root = { metadata: {}, spec: {} };
    const place = locatePodTemplate('Pod', root, syntax());
    expect(place.template).toEqual({ map: root, path: '', metadataPath: 'metadata', holder: undefined });
    expect(place.path).toBe('');
    expect(place.jobTemplate).toBeUndefined();
    expect(place.parallelism).toBeUndefined();
    expect(place.replicas).toEqual({ from: root.spec, path: 'spec.replicas' });
  });

  test('paths start at the base (a kubernetes_manifest\'s `manifest`)', () => {
    const root = { spec: { template: podTemplate } };
    expect(locatePodTemplate('Pod', root, syntax({ base: 'manifest' })).template).toMatchObject({ path: 'manifest', metadataPath: 'manifest.metadata' });
    const place = locatePodTemplate('Deployment', root, syntax({ base: 'manifest' }));
    expect(place.template).toMatchObject({ path: 'manifest.spec.template', metadataPath: 'manifest.spec.template.metadata' });
    expect(place.replicas.path).toBe('manifest.spec.replicas');
  });

  test('a Deployment: spec.template, held by spec, replicas from spec, no parallelism', () => {
    const root = { spec: { replicas: 2, template: podTemplate } };
    const place = locatePodTemplate('Deployment', root, syntax());
    expect(place.template).toEqual({ map: podTemplate, path: 'spec.template', metadataPath: 'spec.template.metadata', holder: root.spec });
    expect(place.replicas.from).toBe(root.spec);
    expect(place.parallelism).toBeUndefined();
  });

  test('a known kind qualifies without a pod spec; another kind needs `spec.template.spec`', () => {
    const bare = { spec: { template: { metadata: {} } } };
    expect(locatePodTemplate('StatefulSet', bare, syntax()).template).toBeDefined();
    expect(locatePodTemplate('Rollout', bare, syntax())).toEqual({ replicas: { from: bare.spec, path: 'spec.replicas' } });
    expect(locatePodTemplate('Rollout', { spec: { template: podTemplate } }, syntax()).template?.path).toBe('spec.template');
  });

  test('a kind that never has pods has no template, even with `spec.template.spec`', () => {
    expect(locatePodTemplate('Service', { spec: { template: podTemplate } }, syntax()).template).toBeUndefined();
  });

  test.each([
    ['a scalar', 'nginx'],
    ['a list', [podTemplate]],
    ['null', null],
  ])('a template that is %s is no template', (_, template) => {
    const place = locatePodTemplate('Deployment', { spec: { template } }, syntax());
    expect(place.template).toBeUndefined();
    expect(place.path).toBeUndefined();
  });

  test('a spec that is not a map: no template, and replicas are read from nothing', () => {
    const place = locatePodTemplate('Deployment', { spec: 'replicas: 3' }, syntax());
    expect(place).toEqual({ replicas: { from: undefined, path: 'spec.replicas' } });
  });

  test('a Job: parallelism from spec, when spec is a map', () => {
    const root = { spec: { parallelism: 3, template: podTemplate } };
    expect(locatePodTemplate('Job', root, syntax()).parallelism).toEqual({ from: root.spec, path: 'spec.parallelism' });
    expect(locatePodTemplate('Job', { spec: [] }, syntax()).parallelism).toBeUndefined();
  });

  test('a CronJob: the template under the job template, whose metadata is a level; parallelism from the job spec', () => {
    const jobSpec = { parallelism: 2, template: podTemplate };
    const jobTemplate = { metadata: {}, spec: jobSpec };
    const root = { spec: { jobTemplate } };
    const place = locatePodTemplate('CronJob', root, syntax());
    expect(place.template).toEqual({ map: podTemplate, path: 'spec.jobTemplate.spec.template', metadataPath: 'spec.jobTemplate.spec.template.metadata', holder: jobSpec });
    expect(place.jobTemplate).toEqual({ map: jobTemplate, metadataPath: 'spec.jobTemplate.metadata' });
    expect(place.parallelism).toEqual({ from: jobSpec, path: 'spec.jobTemplate.spec.parallelism' });
  });

  test('a CronJob spells its job template as the syntax does (job_template in the provider\'s schema)', () => {
    const root = { spec: { job_template: { spec: { template: podTemplate } } } };
    const place = locatePodTemplate('CronJob', root, syntax({ jobTemplate: 'job_template' }));
    expect(place.template?.path).toBe('spec.job_template.spec.template');
    expect(place.jobTemplate?.metadataPath).toBe('spec.job_template.metadata');
  });

  test('a CronJob without a job template keeps its paths, with no template, job template map or parallelism', () => {
    const place = locatePodTemplate('CronJob', { spec: {} }, syntax());
    expect(place.template).toBeUndefined();
    expect(place.path).toBe('spec.jobTemplate.spec.template');
    expect(place.jobTemplate).toEqual({ map: undefined, metadataPath: 'spec.jobTemplate.metadata' });
    expect(place.parallelism).toBeUndefined();
  });

  test('a PodTemplate: `template` at the root, held by the root; a reader that does not read the kind looks at spec.template', () => {
    const root = { template: podTemplate };
    expect(locatePodTemplate('PodTemplate', root, syntax()).template).toEqual({
      map: podTemplate,
      path: 'template',
      metadataPath: 'template.metadata',
      holder: root,
    });
    expect(locatePodTemplate('PodTemplate', { template: 'x' }, syntax())).toEqual({ path: 'template', replicas: { from: undefined, path: 'spec.replicas' } });
    expect(locatePodTemplate('PodTemplate', root, syntax({ readsPodTemplateKind: false })).template).toBeUndefined();
  });
});

describe('podCounts', () => {
  const counted = (from: Tree | undefined, key: string, path: string): Count => ({ value: Number(from?.[key]), what: path });

  test('replicas of a kind they count, when it has pods', () => {
    const place = locatePodTemplate('Deployment', { spec: { replicas: 4, template: podTemplate } }, syntax());
    expect(podCounts('Deployment', place, counted)).toEqual({ replicas: { value: 4, what: 'spec.replicas' }, parallelism: {} });
  });

  test('no replicas without pods: the count is not read', () => {
    const place = locatePodTemplate('Deployment', { spec: { replicas: 4 } }, syntax());
    const count = jest.fn(counted);
    expect(podCounts('Deployment', place, count)).toEqual({ replicas: {}, parallelism: {} });
    expect(count).not.toHaveBeenCalled();
  });

  test.each(['Job', 'CronJob', 'Pod', 'DaemonSet'])('%s: replicas do not count its pods', (kind) => {
    expect(countsReplicas(kind)).toBe(false);
  });

  test('a Job: parallelism, and no replicas even when written', () => {
    const place = locatePodTemplate('Job', { spec: { replicas: 9, parallelism: 3, template: podTemplate } }, syntax());
    expect(podCounts('Job', place, counted)).toEqual({ replicas: {}, parallelism: { value: 3, what: 'spec.parallelism' } });
  });

  test('the count reader decides what a value that is not a number is', () => {
    const place = locatePodTemplate('StatefulSet', { spec: { replicas: 'three', template: podTemplate } }, syntax());
    const strict = (from: Tree | undefined, key: string, path: string): Count =>
      typeof from?.[key] === 'number' ? { value: from[key] as number } : { unknown: `${path} is not a number`, invalid: `${path} is not a number` };
    expect(podCounts('StatefulSet', place, strict).replicas).toEqual({ unknown: 'spec.replicas is not a number', invalid: 'spec.replicas is not a number' });
  });
});

test('joinPath: a path at the root has no leading dot', () => {
  expect(joinPath('', 'metadata')).toBe('metadata');
  expect(joinPath('manifest', 'spec.template')).toBe('manifest.spec.template');
});

test('noScheduling: empty hints, a new object each time', () => {
  expect(noScheduling()).toEqual({ nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] });
  expect(noScheduling()).not.toBe(noScheduling());
});
