import type { Span, TextEdit } from './position.js';

/**
 * The type a value has once Kubernetes has read it. Kubernetes reads YAML by YAML 1.1 rules, so an
 * unquoted `yes` is a bool there even though a YAML 1.2 parser reads a string.
 */
export type ValueType = 'string' | 'bool' | 'number' | 'null' | 'collection' | 'unknown';

/** A key/value pair of an annotations or labels map, as written in the source. */
export interface MapEntry {
  key: string;
  keySpan: Span;
  /** The value's text as the author wrote it, without quotes (empty for a missing value). */
  value: string;
  valueType: ValueType;
  valueSpan: Span;
  /** Key and value together, used to point at the whole entry. */
  span: Span;
  /**
   * How messages name the entry when the source does not write it as this key: a Terraform argument of an
   * alicloud ECI resource (`eip_bandwidth` for `k8s.aliyun.com/eip-bandwidth`).
   */
  label?: string;
}

/**
 * Where a metadata block sits. Only `pod` reaches ECI; the others are the places ECI ignores.
 * - pod: the pod template's metadata (or a bare Pod's own metadata)
 * - object: a controller's own metadata
 * - job-template: a CronJob's spec.jobTemplate.metadata
 * - object-annotations: the object-level annotations of a Terraform `kubernetes_annotations` resource
 */
export type MetadataLevel = 'pod' | 'object' | 'job-template' | 'object-annotations';

export interface MetadataBlock {
  level: MetadataLevel;
  /** The path shown to users, e.g. `spec.template.metadata`. */
  path: string;
  annotations: MapEntry[];
  labels: MapEntry[];
  /** Where the block (or its parent, when the block is absent) is written. */
  span: Span;
  /** False when the map exists but is not a map (e.g. `annotations: []`). */
  annotationsValid: boolean;
  labelsValid: boolean;
  /**
   * Why some of the block's keys or values could not be read (a Terraform expression that is not a literal):
   * rules never conclude from it that a key is absent.
   */
  unresolved?: string;
}

/** A whole number read from the source, or why it could not be read. */
export interface Count {
  value?: number;
  unknown?: string;
  /**
   * Set (with `unknown`) when the written value is one Kubernetes or Terraform refuses: not a whole number, negative,
   * or above the int32 range of a replica count. The value is then a finding, never a cost.
   */
  invalid?: string;
  span?: Span;
  /** How messages name the number when it is not the workload's own field (e.g. `max_size of alicloud_ess_scaling_group.web`). */
  what?: string;
}

export interface SourceString {
  value: string;
  /** Where it was found, e.g. `container app image` or `container app env WEBHOOK`. */
  where: string;
  span: Span;
}

export interface Evidence {
  kind: 'image' | 'url';
  /** The image reference or URL. */
  value: string;
  /** Where it was found, e.g. `container app image` or `container app env WEBHOOK`. */
  where: string;
  span: Span;
}

export interface SchedulingHints {
  nodeSelector: Record<string, string>;
  nodeName?: string;
  /** Values of node-affinity `In` requirements, per key. */
  nodeAffinityIn: Record<string, string[]>;
  /** Keys of the tolerations; '' for one that tolerates every taint (`operator: Exists` without a key). */
  tolerationKeys: string[];
}

/**
 * Edits that a format reader knows how to write for one workload. Rules ask for edits through this
 * interface so that a rule never needs to know whether the workload came from YAML or Terraform.
 * A method returns undefined when it cannot write the edit safely.
 */
export interface WorkloadEditor {
  /** Rewrite the value as a quoted string with the given text. */
  setStringValue(entry: MapEntry, value: string): TextEdit[] | undefined;
  renameKey(entry: MapEntry, newKey: string): TextEdit[] | undefined;
  /** Remove the entry from its map, as `removeEntries([entry])`. */
  removeEntry(entry: MapEntry): TextEdit[] | undefined;
  /**
   * Remove entries in one edit. A map they leave empty goes too (`annotations:` with it) when nothing else, such as a
   * comment, is written in it; otherwise it stays as an empty map. A map that was empty before is never touched.
   */
  removeEntries(entries: readonly MapEntry[]): TextEdit[] | undefined;
  /** Add an annotation to the pod template, creating the annotations map or metadata block as needed. */
  addPodAnnotation(key: string, value: string): TextEdit[] | undefined;
  /** Move an entry from any metadata block into the pod template's annotations. */
  moveToPodAnnotations(entry: MapEntry): TextEdit[] | undefined;
}

export interface Workload {
  /** The format reader that produced this workload. */
  source: 'kubernetes' | 'terraform';
  file: string;
  kind: string;
  name: string;
  namespace: string;
  /** True when `namespace` was not written and the default was assumed. */
  namespaceDefaulted: boolean;
  /** Where the object starts (its `kind`, or the Terraform resource block). */
  span: Span;
  /** A Terraform resource's address (`alicloud_eci_container_group.web`): what identifies it on both sides of a change. */
  address?: string;
  /** The object's own metadata and, for CronJobs, the job template's metadata. */
  objectMetadata: MetadataBlock[];
  /** The pod template's metadata; undefined for objects without pods (Service, ConfigMap, Namespace …). */
  pod?: MetadataBlock;
  /** The path of the pod template (e.g. `spec.template`), for messages. */
  podTemplatePath?: string;
  /**
   * Where the pod's annotations are written, for messages, when it is not `<podTemplatePath>.metadata.annotations`
   * (a Terraform `kubernetes_annotations`' `template_annotations`, the arguments of an alicloud ECI resource).
   */
  podAnnotationsPath?: string;
  /**
   * How this workload's source writes the EIP keys, for messages, when not as annotations: the arguments of an
   * alicloud ECI resource (`k8s.aliyun.com/eci-with-eip` → `auto_create_eip`).
   */
  keyNames?: Record<string, string>;
  /**
   * Set when the workload's pods are ECI instances whatever the cluster mode (an `alicloud_eci_container_group`):
   * the reason, for messages.
   */
  eciByConstruction?: string;
  replicas: Count;
  parallelism: Count;
  /**
   * How many copies of this workload its source declares: a Terraform resource's `count`, or the size of its
   * `for_each`. Undefined means one. The cost projection multiplies the workload's pods by it.
   */
  instances?: Count;
  /** Set by the engine when a HorizontalPodAutoscaler targets this workload. */
  autoscaler?: { min: Count; max: Count; file: string; span: Span; name: string };
  scheduling: SchedulingHints;
  /** Container images, for the egress evidence of the policy. */
  images: SourceString[];
  /** http(s) URLs found in env values, command and args. */
  urls: SourceString[];
  /** `eci-egress-lint/ignore` annotations on the object or its pod template. */
  ignores: { rules: string[]; reason: string; span: Span }[];
  /**
   * EIP arguments written on a Terraform resource type that does not have them (`eip_instance_id` on an
   * `alicloud_ess_eci_scaling_configuration`): Terraform rejects the configuration, so they are not read as keys.
   */
  rejectedArguments?: { name: string; key: string; span: Span; why: string }[];
  /**
   * Where a Terraform workload runs: its folder, and its VPC and vSwitches when its references say so. Kubernetes
   * manifests have none (which cluster runs them is not written in them).
   */
  network?: NetworkPlace;
  editor: WorkloadEditor;
}

/**
 * Where a Terraform resource sits in the network, as far as its references say. Identities are a literal id
 * (`vpc-…`, `vsw-…`) or a resource of the folder (`infra:alicloud_vpc.main`); references cannot be followed
 * across folders, so two folders meet only through literal ids.
 */
export interface NetworkPlace {
  /** The folder (Terraform module) the resource is written in. */
  folder: string;
  /** The VPC, when the references name one. */
  vpc?: string;
  /**
   * Of a workload: the vSwitches it runs in. Of a NAT fact: the vSwitches its SNAT entries cover; absent when it
   * covers the whole VPC (or which vSwitches is not known).
   */
  vswitches?: string[];
}

export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
  file: string;
  span: Span;
}

export interface AutoscalerInfo {
  name: string;
  namespace: string;
  target: { kind: string; name: string };
  min: Count;
  max: Count;
  file: string;
  span: Span;
}

export interface EciProfileSelector {
  name: string;
  namespaceLabels: Record<string, string>;
  objectLabels: Record<string, string>;
  annotations: Record<string, string>;
  labels: Record<string, string>;
}

export interface EciProfile {
  file: string;
  span: Span;
  selectors: EciProfileSelector[];
}

/** A fact about NAT egress found in the scanned infrastructure code. */
export interface NatFact {
  present: boolean;
  resource: string;
  file: string;
  span: Span;
  /** Why the resource gives (or does not give) egress, for the summary. */
  why?: string;
  /** Set, with the reason, when whether the resource gives egress could not be resolved; `present` is then false. */
  unknown?: string;
  /** The workloads it can speak for: those of its VPC (or vSwitches), else those of its folder. */
  place: NetworkPlace;
}

/** Every metadata block of a workload: the object's own (and a CronJob's job template's), then the pod's. */
export function metadataBlocks(workload: Workload): MetadataBlock[] {
  return workload.pod ? [...workload.objectMetadata, workload.pod] : workload.objectMetadata;
}
