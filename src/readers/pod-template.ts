import type { Count, SchedulingHints, Workload } from '../model/index.js';

/*
 * Where a Kubernetes object keeps its pod template and how many pods it asks for, decided the same way for a YAML
 * manifest and for a Terraform `kubernetes_*` resource or `kubernetes_manifest`. Each reader brings how it gets a map
 * out of its own syntax tree, how it spells the keys, and how it reads a count.
 */

/** Kinds whose pod template is `spec.template` (any other kind qualifies when it has `spec.template.spec`). */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
/** Kinds whose pods `replicas` does not count: a Job's and a CronJob's run to completion, a DaemonSet's one per node. */
const NO_REPLICAS = new Set(['Job', 'CronJob', 'Pod', 'DaemonSet']);

/** How a reader walks its syntax tree and spells an object's keys. */
export interface ObjectSyntax<T> {
  /** The map under a key of a map, when the value there is one. */
  section(parent: T | undefined, key: string): T | undefined;
  /** How a CronJob's `jobTemplate` is spelled (`job_template` in the Kubernetes provider's schema). */
  jobTemplate: string;
  /** Where the object sits, as the start of every path: '' at a document's root, `manifest` in a kubernetes_manifest. */
  base: string;
  /** Kinds that never have pods, even with a `spec.template.spec`. */
  neverPods(kind: string): boolean;
  /** Whether a PodTemplate's pod template is its `template`. */
  readsPodTemplateKind: boolean;
}

/** A pod template that is there: the map that holds the pods' `metadata` and `spec` (a Pod's root). */
export interface PodTemplate<T> {
  map: T;
  path: string;
  /** The path of the pods' metadata. */
  metadataPath: string;
  /** The map that holds the `template` key; undefined for a Pod. */
  holder?: T;
}

/** Where an object keeps its pods. Paths are for messages. */
export interface PodTemplatePlace<T> {
  /** Undefined when the object has no pods. */
  template?: PodTemplate<T>;
  /** The template's path: wherever one is found, and for a PodTemplate or a CronJob also when it is not written. */
  path?: string;
  /** A CronJob's job template: its metadata is a level of its own. */
  jobTemplate?: { map?: T; metadataPath: string };
  /** Where `replicas` is read. */
  replicas: { from?: T; path: string };
  /** The map that holds `parallelism` (a Job's spec, a CronJob's job spec), when there is one. */
  parallelism?: { from: T; path: string };
}

/** `base.rest`, or `rest` at the root. */
export function joinPath(base: string, rest: string): string {
  return base === '' ? rest : `${base}.${rest}`;
}

/** Finds an object's pod template by its kind: a Pod's root, a CronJob's job template, else `spec.template`. */
export function locatePodTemplate<T>(kind: string, root: T, syntax: ObjectSyntax<T>): PodTemplatePlace<T> {
  const { section, base } = syntax;
  const spec = section(root, 'spec');
  const replicas = { from: spec, path: joinPath(base, 'spec.replicas') };
  if (kind === 'Pod') return placed(templateAt(root, base), base, replicas);
  if (kind === 'PodTemplate' && syntax.readsPodTemplateKind) {
    const path = joinPath(base, 'template');
    return placed(templateAt(section(root, 'template'), path, root), path, replicas);
  }
  if (kind === 'CronJob') {
    const jobTemplatePath = joinPath(base, `spec.${syntax.jobTemplate}`);
    const jobTemplate = section(spec, syntax.jobTemplate);
    const jobSpec = section(jobTemplate, 'spec');
    const path = `${jobTemplatePath}.spec.template`;
    const parallelism = jobSpec !== undefined ? { from: jobSpec, path: `${jobTemplatePath}.spec.parallelism` } : undefined;
    const jobTemplateLevel = { map: jobTemplate, metadataPath: `${jobTemplatePath}.metadata` };
    return placed(templateAt(section(jobSpec, 'template'), path, jobSpec), path, replicas, parallelism, jobTemplateLevel);
  }
  const parallelism = kind === 'Job' && spec !== undefined ? { from: spec, path: joinPath(base, 'spec.parallelism') } : undefined;
  const candidate = section(spec, 'template');
  const hasPods =
    candidate !== undefined && (TEMPLATE_KINDS.has(kind) || (section(candidate, 'spec') !== undefined && !syntax.neverPods(kind)));
  if (!hasPods) return placed(undefined, undefined, replicas, parallelism);
  const path = joinPath(base, 'spec.template');
  return placed(templateAt(candidate, path, spec), path, replicas, parallelism);
}

/** The template at `path`, when it is written there (a map). */
function templateAt<T>(map: T | undefined, path: string, holder?: T): PodTemplate<T> | undefined {
  return map === undefined ? undefined : { map, path, metadataPath: joinPath(path, 'metadata'), holder };
}

// Every place has the same fields, so that the code that reads places sees one object shape.
function placed<T>(
  template: PodTemplate<T> | undefined,
  path: string | undefined,
  replicas: PodTemplatePlace<T>['replicas'],
  parallelism?: PodTemplatePlace<T>['parallelism'],
  jobTemplate?: PodTemplatePlace<T>['jobTemplate'],
): PodTemplatePlace<T> {
  return { template, path, jobTemplate, replicas, parallelism };
}

/** Whether `replicas` counts a kind's pods. */
export function countsReplicas(kind: string): boolean {
  return !NO_REPLICAS.has(kind);
}

/** Reads a whole number under `key` of a map; `path` names it in messages. */
export type CountReader<T> = (from: T | undefined, key: string, path: string) => Count;

/** How many pods an object asks for: `replicas` of an object with pods, `parallelism` of a Job's or CronJob's. */
export function podCounts<T>(kind: string, place: PodTemplatePlace<T>, count: CountReader<T>): { replicas: Count; parallelism: Count } {
  const replicas = place.template !== undefined && countsReplicas(kind) ? count(place.replicas.from, 'replicas', place.replicas.path) : {};
  const parallelism = place.parallelism ? count(place.parallelism.from, 'parallelism', place.parallelism.path) : {};
  return { replicas, parallelism };
}

/** What a pod spec tells: where the pods run, and the images and URLs that are evidence of egress. */
export type PodSpecFacts = Pick<Workload, 'scheduling' | 'images' | 'urls'>;

/** The scheduling hints of an object whose pod spec is not read: none. */
export function noScheduling(): SchedulingHints {
  return { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] };
}

/** The facts of an object without a pod spec: none. */
export function noPodSpec(): PodSpecFacts {
  return { scheduling: noScheduling(), images: [], urls: [] };
}
