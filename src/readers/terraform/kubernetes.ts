import type { Count, MapEntry, MetadataBlock, MetadataLevel, SchedulingHints, SourceString } from '../../model/index.js';
import { hasEciKey, podLevels } from '../metadata-levels.js';
import { countsReplicas, joinPath, locatePodTemplate, noPodSpec, podCounts, type ObjectSyntax, type PodSpecFacts, type PodTemplate, type PodTemplatePlace } from '../pod-template.js';
import { workloadOf, type WorkloadIdentity } from '../workload.js';
import { scanContainers } from './containers.js';
import type { EntryTarget, PodTarget } from './editor.js';
import { attr, attrItem, section, sectionItem, sections, type HclObject, type Range, type TopBlock } from './hcl.js';
import type { FileReader } from './reader.js';

/** hashicorp/kubernetes resources with a pod template, legacy and `_v1` names, and the kind they stand for. */
export const KUBERNETES_KINDS: Record<string, string> = {
  kubernetes_deployment: 'Deployment',
  kubernetes_deployment_v1: 'Deployment',
  kubernetes_stateful_set: 'StatefulSet',
  kubernetes_stateful_set_v1: 'StatefulSet',
  kubernetes_daemonset: 'DaemonSet',
  kubernetes_daemon_set_v1: 'DaemonSet',
  kubernetes_job: 'Job',
  kubernetes_job_v1: 'Job',
  kubernetes_cron_job: 'CronJob',
  kubernetes_cron_job_v1: 'CronJob',
  kubernetes_replication_controller: 'ReplicationController',
  kubernetes_replication_controller_v1: 'ReplicationController',
  kubernetes_pod: 'Pod',
  kubernetes_pod_v1: 'Pod',
};

/** Field names: the provider's schema is snake_case blocks; a `kubernetes_manifest` has the YAML's camelCase. */
interface Shape {
  jobTemplate: string;
  nodeSelector: string;
  nodeName: string;
  containers: string;
  initContainers: string;
  tolerations: string;
  nodeAffinity: string;
  required: string;
  terms: string;
  expressions: string;
  metadataStyle: 'block' | 'attribute';
}

const PROVIDER: Shape = {
  jobTemplate: 'job_template',
  nodeSelector: 'node_selector',
  nodeName: 'node_name',
  containers: 'container',
  initContainers: 'init_container',
  tolerations: 'toleration',
  nodeAffinity: 'node_affinity',
  required: 'required_during_scheduling_ignored_during_execution',
  terms: 'node_selector_term',
  expressions: 'match_expressions',
  metadataStyle: 'block',
};

const MANIFEST: Shape = {
  jobTemplate: 'jobTemplate',
  nodeSelector: 'nodeSelector',
  nodeName: 'nodeName',
  containers: 'containers',
  initContainers: 'initContainers',
  tolerations: 'tolerations',
  nodeAffinity: 'nodeAffinity',
  required: 'requiredDuringSchedulingIgnoredDuringExecution',
  terms: 'nodeSelectorTerms',
  expressions: 'matchExpressions',
  metadataStyle: 'attribute',
};

/** Kinds that never have pods: a manifest or a `kubernetes_annotations` of one has no pod template. */
const NEVER_PODS = new Set(['Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'Ingress', 'HorizontalPodAutoscaler']);

/**
 * How the pod template of a resource or manifest is found. A provider resource's kind always has its template at
 * `spec.template` (or is a Pod or a CronJob); a manifest's kind may be any. A manifest of a PodTemplate is read like
 * any other kind: its `template` is not looked at.
 */
const PROVIDER_SYNTAX: ObjectSyntax<HclObject> = {
  section,
  jobTemplate: PROVIDER.jobTemplate,
  base: '',
  neverPods: (kind) => NEVER_PODS.has(kind),
  readsPodTemplateKind: false,
};
const MANIFEST_SYNTAX: ObjectSyntax<HclObject> = { ...PROVIDER_SYNTAX, jobTemplate: MANIFEST.jobTemplate, base: 'manifest' };

interface Source {
  block: TopBlock;
  address: string;
  kind: string;
  /** The object that holds `metadata` and `spec`: the resource body, or the manifest. */
  root: HclObject;
  shape: Shape;
  syntax: ObjectSyntax<HclObject>;
}

/** A hashicorp/kubernetes workload resource. */
export function readProviderWorkload(reader: FileReader, block: TopBlock, kind: string): void {
  const address = `${block.labels[0]}.${block.labels[1]}`;
  readObject(reader, { block, address, kind, root: block.body, shape: PROVIDER, syntax: PROVIDER_SYNTAX });
}

/** `kubernetes_manifest`: the manifest is an HCL object with the YAML's shape. */
export function readManifest(reader: FileReader, block: TopBlock): void {
  const address = `${block.labels[0]}.${block.labels[1]}`;
  const manifest = attr(block.body, 'manifest');
  if (!manifest) return;
  if (manifest.kind !== 'object') {
    const value = reader.evaluate(manifest);
    reader.note(`manifest of ${address}`, value.known ? 'the manifest is not written as an object here' : value.why, manifest);
    return;
  }
  const kind = reader.string(manifest.object, 'kind');
  if (kind.value === undefined) {
    if (kind.why) reader.note(`manifest.kind of ${address}`, kind.why, kind.expr!);
    return;
  }
  const root = manifest.object;
  if (kind.value === 'Namespace') {
    readNamespace(reader, section(root, 'metadata'), block);
    return;
  }
  if (kind.value === 'HorizontalPodAutoscaler') {
    readAutoscaler(reader, root, block, MANIFEST, address);
    return;
  }
  readObject(reader, { block, address, kind: kind.value, root, shape: MANIFEST, syntax: MANIFEST_SYNTAX });
}

function readObject(reader: FileReader, source: Source): void {
  const { block, address, kind, root, shape, syntax } = source;
  // Notes about an object that turns out not to be a workload are dropped with it.
  const notesBefore = reader.out.unresolved?.length ?? 0;
  const entries = new Map<MapEntry, EntryTarget>();
  const { identity, namespace } = readIdentity(reader, block, address, kind, section(root, 'metadata'));
  const place = locatePodTemplate(kind, root, syntax);
  const objectLevels = readObjectLevels(reader, source, place, entries);
  if (place.template === undefined && !objectLevels.some(hasEciKey)) {
    reader.out.unresolved?.splice(notesBefore);
    return;
  }
  noteUnresolvedNamespace(reader, namespace, address);
  const template = place.template;
  const levels = podLevels(kind, objectLevels, template && (() => podLevel(reader, source, template, entries)));
  const podSpec = readPodSpec(reader, template?.map, shape);
  const counts = podCounts(kind, place, (from, key, path) => reader.count(from, key, `${path} of ${address}`));
  const instances = reader.instances(block, address);
  reader.out.workloads.push(
    workloadOf(identity, {
      levels,
      podTemplatePath: place.path,
      counts,
      instances,
      podSpec,
      ignores: reader.ignores([levels.pod, ...levels.objectMetadata]),
      editor: reader.editor(entries, template && podTarget(template.map, shape)),
    }),
  );
}

/** The object's kind, name and namespace, as the workload names them, and the namespace as written. */
function readIdentity(reader: FileReader, block: TopBlock, address: string, kind: string, metadata: HclObject | undefined) {
  const name = reader.string(metadata, 'name');
  const namespace = reader.string(metadata, 'namespace');
  const identity: WorkloadIdentity = {
    source: 'terraform',
    file: reader.path,
    kind,
    name: name.value ?? address,
    namespace: namespace.value ?? (namespace.expr ? reader.text(namespace.expr) : 'default'),
    namespaceDefaulted: namespace.expr === undefined,
    span: reader.headSpan(block),
  };
  return { identity, namespace };
}

/** A namespace that does not resolve names the workload by its text, which no namespace a config rule names can match. */
function noteUnresolvedNamespace(reader: FileReader, namespace: ReturnType<FileReader['string']>, address: string): void {
  if (namespace.why) reader.note(`metadata.namespace of ${address}`, `${namespace.why}; config rules that match a namespace do not match it`, namespace.expr!);
}

/** The metadata written in `holder`, pointing at its key (at `head` where it is not written). */
function metadataIn(
  reader: FileReader,
  holder: HclObject | undefined,
  level: MetadataLevel,
  path: string,
  head: Range,
  entries: Map<MapEntry, EntryTarget>,
  address: string,
): MetadataBlock {
  return reader.metadataBlock(section(holder, 'metadata'), level, path, sectionItem(holder, 'metadata')?.keyRange ?? head, entries, undefined, address);
}

/** The object's own metadata and, for a CronJob, its job template's. */
function readObjectLevels(reader: FileReader, source: Source, place: PodTemplatePlace<HclObject>, entries: Map<MapEntry, EntryTarget>): MetadataBlock[] {
  const { block, root, address, syntax } = source;
  const levels = [metadataIn(reader, root, 'object', joinPath(syntax.base, 'metadata'), block.head, entries, address)];
  const jobTemplate = place.jobTemplate;
  if (jobTemplate) levels.push(metadataIn(reader, jobTemplate.map, 'job-template', jobTemplate.metadataPath, block.head, entries, address));
  return levels;
}

/** The pod template's metadata; a `dynamic "metadata"` block is not read, and says so. */
function podLevel(reader: FileReader, source: Source, template: PodTemplate<HclObject>, entries: Map<MapEntry, EntryTarget>): MetadataBlock {
  const { block, address } = source;
  const templateHead = sectionItem(template.holder, 'template')?.keyRange ?? block.head;
  const pod = metadataIn(reader, template.map, 'pod', template.metadataPath, templateHead, entries, address);
  if (!section(template.map, 'metadata') && template.map.items.some((i) => i.key === 'dynamic' && i.block?.labels[0] === 'metadata')) {
    pod.unresolved = `${template.metadataPath} is a dynamic block`;
    reader.note(`${template.metadataPath} of ${address}`, 'a dynamic block is not read', template.map);
  }
  return pod;
}

/** Where the pods run and what they reach, from the pod spec; nothing for an object without pods. */
function readPodSpec(reader: FileReader, template: HclObject | undefined, shape: Shape): PodSpecFacts {
  if (!template) return noPodSpec();
  const images: SourceString[] = [];
  const urls: SourceString[] = [];
  const podSpec = section(template, 'spec');
  const scheduling = readScheduling(reader, podSpec, shape);
  const fields = { initContainers: shape.initContainers, containers: shape.containers, env: 'env', envName: 'name', command: 'command' };
  scanContainers(reader, podSpec, fields, images, urls);
  return { scheduling, images, urls };
}

/** Where the editor writes pod annotations: the template's `metadata`, as far as it is written. */
function podTarget(template: HclObject, shape: Shape): PodTarget {
  const metadata = section(template, 'metadata');
  return { kind: 'template', template, metadata, annotations: attrItem(metadata, 'annotations'), metadataStyle: shape.metadataStyle };
}

/**
 * `kubernetes_annotations` patches the annotations of an existing object: `annotations` are the object's own,
 * `template_annotations` reach its pod template.
 */
export function readAnnotationsResource(reader: FileReader, block: TopBlock): void {
  const address = `${block.labels[0]}.${block.labels[1]}`;
  const body = block.body;
  const kind = reader.string(body, 'kind');
  if (kind.value === undefined) {
    if (kind.why) reader.note(`kind of ${address}`, kind.why, kind.expr!);
    return;
  }
  const { identity } = readIdentity(reader, block, address, kind.value, section(body, 'metadata'));
  const entries = new Map<MapEntry, EntryTarget>();
  const podKind = kind.value === 'Pod';
  const hasTemplate = !podKind && !NEVER_PODS.has(kind.value);
  const own = patchedLevel(reader, block, podKind ? 'pod' : 'object-annotations', 'annotations', entries);
  const pod = podKind ? own : hasTemplate ? patchedLevel(reader, block, 'pod', 'template_annotations', entries) : undefined;
  const objectMetadata = podKind ? [] : [own];
  if (!pod && !hasEciKey(own)) return;
  const podTarget: PodTarget | undefined = hasTemplate
    ? { kind: 'attribute', holder: body, name: 'template_annotations', annotations: attrItem(body, 'template_annotations'), after: attrItem(body, 'annotations') }
    : undefined;
  reader.out.workloads.push(
    workloadOf(identity, {
      levels: { objectMetadata, pod },
      podTemplatePath: hasTemplate ? 'spec.template' : undefined,
      podAnnotationsPath: hasTemplate ? 'template_annotations' : podKind ? 'annotations' : undefined,
      counts: patchedCounts(address, kind.value, hasTemplate),
      podSpec: noPodSpec(),
      ignores: reader.ignores([pod, ...objectMetadata]),
      editor: reader.editor(entries, podTarget),
    }),
  );
}

/** A kubernetes_annotations resource patches an object defined elsewhere: its pod counts are not known here. */
function patchedCounts(address: string, kind: string, hasTemplate: boolean): { replicas: Count; parallelism: Count } {
  const replicas: Count = hasTemplate && countsReplicas(kind)
    ? { unknown: `${address} patches a ${kind} defined elsewhere; its replicas are not known here` }
    : {};
  const parallelism: Count = kind === 'Job' || kind === 'CronJob'
    ? { unknown: `${address} patches a ${kind} defined elsewhere; its parallelism is not known here` }
    : {};
  return { replicas, parallelism };
}

/** The annotations a kubernetes_annotations resource writes in one attribute, as a metadata level named by its address. */
function patchedLevel(reader: FileReader, block: TopBlock, level: MetadataLevel, attribute: string, entries: Map<MapEntry, EntryTarget>): MetadataBlock {
  const patched = reader.metadataBlock(block.body, level, '', block.head, entries, { annotations: attribute });
  patched.path = `${block.labels[0]}.${block.labels[1]}`;
  patched.span = reader.span(attrItem(block.body, attribute)?.keyRange ?? block.head);
  return patched;
}

/** `kubernetes_namespace`: its labels decide ECI pods under `cluster: virtual-node`. */
export function readNamespace(reader: FileReader, metadata: HclObject | undefined, block: TopBlock): void {
  const name = reader.string(metadata, 'name');
  if (name.value === undefined) return;
  reader.out.namespaces.push({ name: name.value, labels: reader.stringMap(metadata, 'labels'), file: reader.path, span: reader.headSpan(block) });
}

/** `kubernetes_horizontal_pod_autoscaler` (and a manifest of one). */
export function readAutoscaler(reader: FileReader, root: HclObject, block: TopBlock, shape: Shape | 'provider', address: string): void {
  const provider = shape === 'provider';
  const metadata = section(root, 'metadata');
  const spec = section(root, 'spec');
  const target = section(spec, provider ? 'scale_target_ref' : 'scaleTargetRef');
  const kind = reader.string(target, 'kind').value;
  const name = reader.string(target, 'name').value;
  if (kind === undefined || name === undefined) return;
  reader.out.autoscalers.push({
    name: reader.string(metadata, 'name').value ?? address,
    namespace: reader.string(metadata, 'namespace').value ?? 'default',
    target: { kind, name },
    min: reader.count(spec, provider ? 'min_replicas' : 'minReplicas', `min replicas of ${address}`),
    max: reader.count(spec, provider ? 'max_replicas' : 'maxReplicas', `max replicas of ${address}`),
    file: reader.path,
    span: reader.headSpan(block),
  });
}

function readScheduling(reader: FileReader, podSpec: HclObject | undefined, shape: Shape): SchedulingHints {
  const nodeAffinityIn: Record<string, string[]> = {};
  const required = section(section(section(podSpec, 'affinity'), shape.nodeAffinity), shape.required);
  for (const term of sections(required, shape.terms)) {
    for (const expression of sections(term, shape.expressions)) {
      if (reader.string(expression, 'operator').value !== 'In') continue;
      const key = reader.string(expression, 'key').value;
      if (key === undefined) continue;
      (nodeAffinityIn[key] ??= []).push(...reader.strings(expression, 'values').map((v) => v.value));
    }
  }
  const tolerationKeys: string[] = [];
  for (const toleration of sections(podSpec, shape.tolerations)) {
    const key = reader.string(toleration, 'key');
    if (key.value !== undefined) tolerationKeys.push(key.value);
    else if (!key.expr && reader.string(toleration, 'operator').value === 'Exists') tolerationKeys.push('');
  }
  return {
    nodeSelector: reader.stringMap(podSpec, shape.nodeSelector),
    nodeName: reader.string(podSpec, shape.nodeName).value,
    nodeAffinityIn,
    tolerationKeys,
  };
}
