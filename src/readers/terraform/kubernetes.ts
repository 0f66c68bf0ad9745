import type { Count, MapEntry, MetadataBlock, SchedulingHints, SourceString, Workload } from '../../model/index.js';
import { scanContainers } from './containers.js';
import { HclEditor, type EntryTarget, type PodTarget } from './editor.js';
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

/** Kinds whose pod template is `spec.template` in a manifest (any other kind qualifies with `spec.template.spec`). */
const TEMPLATE_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']);
const NO_REPLICAS = new Set(['Job', 'CronJob', 'Pod', 'DaemonSet']);
const NEVER_PODS = new Set(['Service', 'ConfigMap', 'Secret', 'Namespace', 'ServiceAccount', 'Ingress', 'HorizontalPodAutoscaler']);
const ECI_KEY_TEXT = /aliyun|alibabacloud/;

interface Source {
  block: TopBlock;
  address: string;
  kind: string;
  /** The object that holds `metadata` and `spec`: the resource body, or the manifest. */
  root: HclObject;
  shape: Shape;
  /** `manifest.` for a kubernetes_manifest, else ''. */
  prefix: string;
}

/** A hashicorp/kubernetes workload resource. */
export function readProviderWorkload(reader: FileReader, block: TopBlock, kind: string): void {
  const address = `${block.labels[0]}.${block.labels[1]}`;
  readObject(reader, { block, address, kind, root: block.body, shape: PROVIDER, prefix: '' });
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
  readObject(reader, { block, address, kind: kind.value, root, shape: MANIFEST, prefix: 'manifest.' });
}

function readObject(reader: FileReader, source: Source): void {
  const { block, address, kind, root, shape, prefix } = source;
  // Notes about an object that turns out not to be a workload are dropped with it.
  const notesBefore = reader.out.unresolved?.length ?? 0;
  const entries = new Map<MapEntry, EntryTarget>();
  const metadata = section(root, 'metadata');
  const name = reader.string(metadata, 'name');
  const namespace = reader.string(metadata, 'namespace');
  const spec = section(root, 'spec');
  const objectMetadata: MetadataBlock[] = [
    reader.metadataBlock(metadata, 'object', `${prefix}metadata`, sectionItem(root, 'metadata')?.keyRange ?? block.head, entries, undefined, address),
  ];

  let template: HclObject | undefined;
  let templateHead: Range = block.head;
  let templatePath: string | undefined;
  let parallelismFrom: HclObject | undefined;
  let parallelismPath = '';
  if (kind === 'Pod') {
    template = root;
    templatePath = prefix.replace(/\.$/, '');
  } else if (kind === 'CronJob') {
    const jobTemplate = section(spec, shape.jobTemplate);
    objectMetadata.push(
      reader.metadataBlock(section(jobTemplate, 'metadata'), 'job-template', `${prefix}spec.${shape.jobTemplate}.metadata`, sectionItem(jobTemplate, 'metadata')?.keyRange ?? block.head, entries, undefined, address),
    );
    const jobSpec = section(jobTemplate, 'spec');
    template = section(jobSpec, 'template');
    templateHead = sectionItem(jobSpec, 'template')?.keyRange ?? block.head;
    templatePath = `${prefix}spec.${shape.jobTemplate}.spec.template`;
    parallelismFrom = jobSpec;
    parallelismPath = `${prefix}spec.${shape.jobTemplate}.spec.parallelism`;
  } else {
    const candidate = section(spec, 'template');
    if (candidate && (shape === PROVIDER || TEMPLATE_KINDS.has(kind) || (section(candidate, 'spec') && !NEVER_PODS.has(kind)))) {
      template = candidate;
      templateHead = sectionItem(spec, 'template')?.keyRange ?? block.head;
      templatePath = `${prefix}spec.template`;
    }
    if (kind === 'Job') {
      parallelismFrom = spec;
      parallelismPath = `${prefix}spec.parallelism`;
    }
  }

  const hasPods = template !== undefined;
  if (!hasPods && !objectMetadata.some((b) => [...b.annotations, ...b.labels].some((e) => ECI_KEY_TEXT.test(e.key)))) {
    reader.out.unresolved?.splice(notesBefore);
    return;
  }
  if (namespace.why) reader.note(`metadata.namespace of ${address}`, `${namespace.why}; config rules that match a namespace do not match it`, namespace.expr!);

  let pod: MetadataBlock | undefined;
  let podTarget: PodTarget | undefined;
  let scheduling: SchedulingHints = { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] };
  const images: SourceString[] = [];
  const urls: SourceString[] = [];
  if (template) {
    const podMetadata = section(template, 'metadata');
    if (kind === 'Pod') {
      pod = { ...objectMetadata[0], level: 'pod' };
      objectMetadata.length = 0;
    } else {
      pod = reader.metadataBlock(podMetadata, 'pod', `${templatePath}.metadata`, sectionItem(template, 'metadata')?.keyRange ?? templateHead, entries, undefined, address);
      if (!podMetadata && template.items.some((i) => i.key === 'dynamic' && i.block?.labels[0] === 'metadata')) {
        pod.unresolved = `${templatePath}.metadata is a dynamic block`;
        reader.note(`${templatePath}.metadata of ${address}`, 'a dynamic block is not read', template);
      }
    }
    podTarget = {
      kind: 'template',
      template,
      metadata: podMetadata,
      annotations: attrItem(podMetadata, 'annotations'),
      metadataStyle: shape.metadataStyle,
    };
    const podSpec = kind === 'Pod' ? section(root, 'spec') : section(template, 'spec');
    scheduling = readScheduling(reader, podSpec, shape);
    scanContainers(
      reader,
      podSpec,
      { initContainers: shape.initContainers, containers: shape.containers, env: 'env', envName: 'name', command: 'command' },
      images,
      urls,
    );
  }

  const replicas: Count =
    hasPods && !NO_REPLICAS.has(kind) ? reader.count(spec, 'replicas', `${prefix}spec.replicas of ${address}`) : {};
  const parallelism: Count = parallelismFrom ? reader.count(parallelismFrom, 'parallelism', `${parallelismPath} of ${address}`) : {};
  const instances = reader.instances(block, address);

  const workload: Workload = {
    source: 'terraform',
    file: reader.path,
    kind,
    name: name.value ?? address,
    namespace: namespace.value ?? (namespace.expr ? reader.text(namespace.expr) : 'default'),
    namespaceDefaulted: namespace.expr === undefined,
    span: reader.headSpan(block),
    objectMetadata,
    pod,
    podTemplatePath: templatePath,
    replicas,
    parallelism,
    ...(instances ? { instances } : {}),
    scheduling,
    images,
    urls,
    ignores: reader.ignores([pod, ...objectMetadata]),
    editor: new HclEditor(reader.path, reader.file.lines, entries, podTarget, reader.indentUnit, reader.json),
  };
  reader.out.workloads.push(workload);
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
  const metadata = section(body, 'metadata');
  const name = reader.string(metadata, 'name');
  const namespace = reader.string(metadata, 'namespace');
  const entries = new Map<MapEntry, EntryTarget>();
  const podKind = kind.value === 'Pod';
  const hasTemplate = !podKind && !NEVER_PODS.has(kind.value);
  const own = reader.metadataBlock(body, podKind ? 'pod' : 'object-annotations', '', block.head, entries, { annotations: 'annotations' });
  own.path = address;
  own.span = reader.span(attrItem(body, 'annotations')?.keyRange ?? block.head);
  let pod: MetadataBlock | undefined = podKind ? own : undefined;
  let podTarget: PodTarget | undefined;
  if (hasTemplate) {
    pod = reader.metadataBlock(body, 'pod', '', block.head, entries, { annotations: 'template_annotations' });
    pod.path = address;
    pod.span = reader.span(attrItem(body, 'template_annotations')?.keyRange ?? block.head);
    podTarget = {
      kind: 'attribute',
      holder: body,
      name: 'template_annotations',
      annotations: attrItem(body, 'template_annotations'),
      after: attrItem(body, 'annotations'),
    };
  }
  const objectMetadata = podKind ? [] : [own];
  if (!pod && !own.annotations.some((e) => ECI_KEY_TEXT.test(e.key))) return;
  const replicas: Count = hasTemplate && !NO_REPLICAS.has(kind.value)
    ? { unknown: `${address} patches a ${kind.value} defined elsewhere; its replicas are not known here` }
    : {};
  const parallelism: Count = kind.value === 'Job' || kind.value === 'CronJob'
    ? { unknown: `${address} patches a ${kind.value} defined elsewhere; its parallelism is not known here` }
    : {};
  reader.out.workloads.push({
    source: 'terraform',
    file: reader.path,
    kind: kind.value,
    name: name.value ?? address,
    namespace: namespace.value ?? (namespace.expr ? reader.text(namespace.expr) : 'default'),
    namespaceDefaulted: namespace.expr === undefined,
    span: reader.headSpan(block),
    objectMetadata,
    pod,
    podTemplatePath: hasTemplate ? 'spec.template' : undefined,
    podAnnotationsPath: hasTemplate ? 'template_annotations' : podKind ? 'annotations' : undefined,
    replicas,
    parallelism,
    scheduling: { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] },
    images: [],
    urls: [],
    ignores: reader.ignores([pod, ...objectMetadata]),
    editor: new HclEditor(reader.path, reader.file.lines, entries, podTarget, reader.indentUnit, reader.json),
  });
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
