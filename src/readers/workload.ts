import type { Count, MetadataBlock, Workload, WorkloadEditor } from '../model/index.js';
import type { PodSpecFacts } from './pod-template.js';

/** What names a workload: the reader, the file, and the object's kind, name, namespace and start. */
export type WorkloadIdentity = Pick<Workload, 'source' | 'file' | 'kind' | 'name' | 'namespace' | 'namespaceDefaulted' | 'span'>;

/** What the stages of a Kubernetes object's reader work out besides its identity. */
export interface WorkloadParts {
  levels: { objectMetadata: MetadataBlock[]; pod?: MetadataBlock };
  podTemplatePath?: string;
  podAnnotationsPath?: string;
  counts: { replicas: Count; parallelism: Count };
  instances?: Count;
  podSpec: PodSpecFacts;
  ignores: Workload['ignores'];
  editor: WorkloadEditor;
}

/**
 * A Kubernetes object's workload, with every field written out: a workload built by spreading the stages' results
 * takes a larger object shape in V8, which a scan of thousands of workloads keeps until it ends.
 */
export function workloadOf(identity: WorkloadIdentity, parts: WorkloadParts): Workload {
  return {
    source: identity.source,
    file: identity.file,
    kind: identity.kind,
    name: identity.name,
    namespace: identity.namespace,
    namespaceDefaulted: identity.namespaceDefaulted,
    span: identity.span,
    objectMetadata: parts.levels.objectMetadata,
    pod: parts.levels.pod,
    podTemplatePath: parts.podTemplatePath,
    podAnnotationsPath: parts.podAnnotationsPath,
    replicas: parts.counts.replicas,
    parallelism: parts.counts.parallelism,
    instances: parts.instances,
    scheduling: parts.podSpec.scheduling,
    images: parts.podSpec.images,
    urls: parts.podSpec.urls,
    ignores: parts.ignores,
    editor: parts.editor,
  };
}
