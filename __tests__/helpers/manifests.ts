/**
 * Builders of the Kubernetes manifests that the rule tests lint. They write the frame only (apiVersion, kind, names,
 * the one container); the lines a test is about (annotations, labels, replicas) are passed in as written, so that the
 * test shows them. A shape that is itself under test (flow style, four-space indentation, a CronJob's job template)
 * stays written out in its test.
 */

/** The kinds whose pod template is at spec.template. */
export type TemplateKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'ReplicaSet' | 'Job' | 'Rollout';

const API_VERSIONS: Record<TemplateKind, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  Rollout: 'argoproj.io/v1alpha1',
};

export interface WorkloadShape {
  /** `Deployment` unless given. */
  kind?: TemplateKind;
  /** The workload's name and its container's (`web` unless given). */
  name?: string;
  /** Written only when given. */
  namespace?: string;
  /** Lines of the object's own metadata.annotations. */
  metadataAnnotations?: string[];
  /** `replicas:` as written (`3`, `three`, `"3"`); no line when undefined. */
  replicas?: string;
  /** More lines of the workload's spec, after replicas (`parallelism: 2`, a strategy). */
  spec?: string[];
  /** Lines of spec.template.metadata.labels. */
  labels?: string[];
  /** Lines of spec.template.metadata.annotations. */
  annotations?: string[];
  /**
   * Lines under spec.template.metadata, after the labels and annotations, for the shapes those two do not write
   * (annotations before labels, an empty or null map). `[]` writes an empty `metadata:`; the template has no metadata
   * at all when this, the labels and the annotations are all missing.
   */
  podMetadata?: string[];
  /** Lines of the pod spec before its containers (`restartPolicy: Never`, a nodeSelector). */
  podSpec?: string[];
  /** The container's image (`nginx` unless given). */
  image?: string;
  /** The container's name when it is not the workload's. */
  containerName?: string;
  /** More lines of the container, after its image (env, args, command). */
  container?: string[];
}

/** `key:` followed by the lines indented under it, or nothing when there are no lines. */
function block(key: string, lines: readonly string[] | undefined, indent: string): string[] {
  if (lines === undefined || lines.length === 0) return [];
  return [`${indent}${key}:`, ...lines.map((l) => `${indent}  ${l}`)];
}

const under = (lines: readonly string[] | undefined, indent: string): string[] => (lines ?? []).map((l) => indent + l);

/** A workload with a pod template at spec.template, one container, and the given lines where they belong. */
export function workload(shape: WorkloadShape = {}): string {
  const { kind = 'Deployment', name = 'web', image = 'nginx' } = shape;
  const hasPodMetadata = shape.podMetadata !== undefined || (shape.labels ?? []).length > 0 || (shape.annotations ?? []).length > 0;
  return [
    `apiVersion: ${API_VERSIONS[kind]}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    ...(shape.namespace !== undefined ? [`  namespace: ${shape.namespace}`] : []),
    ...block('annotations', shape.metadataAnnotations, '  '),
    'spec:',
    ...(shape.replicas !== undefined ? [`  replicas: ${shape.replicas}`] : []),
    ...under(shape.spec, '  '),
    '  template:',
    ...(hasPodMetadata ? ['    metadata:'] : []),
    ...block('labels', shape.labels, '      '),
    ...block('annotations', shape.annotations, '      '),
    ...under(shape.podMetadata, '      '),
    '    spec:',
    ...under(shape.podSpec, '      '),
    '      containers:',
    `        - name: ${shape.containerName ?? name}`,
    `          image: ${image}`,
    ...under(shape.container, '          '),
    '',
  ].join('\n');
}

export interface PodShape {
  name?: string;
  labels?: string[];
  annotations?: string[];
  image?: string;
}

/** A bare Pod, whose own metadata is the pod's: its labels and annotations are the pod's. */
export function pod(shape: PodShape = {}): string {
  const { name = 'web', image = 'nginx' } = shape;
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    ...block('labels', shape.labels, '  '),
    ...block('annotations', shape.annotations, '  '),
    'spec:',
    '  containers:',
    `    - name: ${name}`,
    `      image: ${image}`,
    '',
  ].join('\n');
}

export interface ProfileSelector {
  name: string;
  matchLabels: Record<string, string>;
  /** What the selector injects into the pods it matches. */
  annotations: Record<string, string>;
}

/** The eci-profile ConfigMap of kube-system with one selector, written as one line of JSON. */
export function eciProfile(selector: ProfileSelector): string {
  const { name, matchLabels, annotations } = selector;
  const selectors = JSON.stringify([{ name, objectSelector: { matchLabels }, effect: { annotations } }]);
  const head = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: eci-profile', '  namespace: kube-system'];
  return [...head, 'data:', `  selectors: '${selectors}'`, ''].join('\n');
}
