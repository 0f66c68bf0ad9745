import type { Workload } from '../model/index.js';

/** What names a workload: the reader, the file, and the object's kind, name, namespace and start. */
export type WorkloadIdentity = Pick<Workload, 'source' | 'file' | 'kind' | 'name' | 'namespace' | 'namespaceDefaulted' | 'span'>;

/** What the stages of a Kubernetes object's reader work out besides its identity. */
export type WorkloadParts = Pick<
  Workload,
  'objectMetadata' | 'pod' | 'podTemplatePath' | 'replicas' | 'parallelism' | 'scheduling' | 'images' | 'urls' | 'ignores' | 'editor'
> &
  Partial<Pick<Workload, 'podAnnotationsPath' | 'instances'>>;

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
    objectMetadata: parts.objectMetadata,
    pod: parts.pod,
    podTemplatePath: parts.podTemplatePath,
    podAnnotationsPath: parts.podAnnotationsPath,
    replicas: parts.replicas,
    parallelism: parts.parallelism,
    instances: parts.instances,
    scheduling: parts.scheduling,
    images: parts.images,
    urls: parts.urls,
    ignores: parts.ignores,
    editor: parts.editor,
  };
}
