/**
 * Splitting a YAML stream into documents by its text, and telling which documents can matter, so that
 * documents which cannot hold a pod template or an ECI key (CRD bundles, RBAC …) are never parsed.
 * A line that starts with `---` or `...` always ends a document in YAML (no content may start with
 * them at column 0), so a split at those lines is exact.
 */

export interface DocumentChunk {
  /** Offset of the chunk in the file. */
  start: number;
  text: string;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): DocumentChunk[] {
  // Directives (%YAML, %TAG) bind to the next document; leave such streams whole.
  if (/^%/m.test(text)) return [{ start: 0, text }];
  const chunks: DocumentChunk[] = [];
  let start = 0;
  for (const match of text.matchAll(MARKER)) {
    const at = match.index;
    if (match[0] === '---' && at > start) {
      chunks.push({ start, text: text.slice(start, at) });
      start = at;
    } else if (match[0] === '...') {
      // `...` ends the document; a bare document may follow it without a `---`. Keep one document per chunk.
      const lineEnd = text.indexOf('\n', at);
      const end = lineEnd === -1 ? text.length : lineEnd + 1;
      chunks.push({ start, text: text.slice(start, end) });
      start = end;
    }
  }
  if (start < text.length || chunks.length === 0) chunks.push({ start, text: text.slice(start) });
  return chunks;
}

/** Kinds that never have pods. Their documents matter only when they carry an ECI-related key. */
const KINDS_WITHOUT_PODS = new Set([
  'APIService',
  'Certificate',
  'ClusterIssuer',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  'CustomResourceDefinition',
  'Endpoints',
  'EndpointSlice',
  'Gateway',
  'HTTPRoute',
  'Ingress',
  'IngressClass',
  'Issuer',
  'LimitRange',
  'MutatingWebhookConfiguration',
  'NetworkPolicy',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'PodDisruptionBudget',
  'PodSecurityPolicy',
  'PriorityClass',
  'PrometheusRule',
  'ResourceQuota',
  'Role',
  'RoleBinding',
  'Secret',
  'Service',
  'ServiceAccount',
  'ServiceMonitor',
  'PodMonitor',
  'StorageClass',
  'ValidatingWebhookConfiguration',
  'VerticalPodAutoscaler',
  'VirtualService',
  'DestinationRule',
]);

/** Whether a kind never has pods, even with a `spec.template.spec` (the reader agrees, so the shortcut is exact). */
export function kindNeverHasPods(kind: string): boolean {
  return KINDS_WITHOUT_PODS.has(kind);
}

const ECI_TEXT = /aliyun|alibabacloud|eci-egress-lint|eci-profile/;
/**
 * A top-level `kind:` whose whole value is on its line: not followed by an indented line that would
 * continue a plain scalar (`kind: Service` + `  List` is the kind "Service List").
 */
const TOP_LEVEL_KIND = /^kind:[ \t]*(["']?)([A-Za-z0-9_.-]+)\1(?:[ \t]+#.*|[ \t]*)$(?!\s*?\n[ \t]+[^\s#])/m;
/** Any key spelled `template`, in block or flow style, quoted or not. */
const POD_TEMPLATE_TEXT = /template/;

/**
 * Whether a document may yield a workload, a Namespace, an HPA, the eci-profile or an ECI key.
 * When in doubt (no top-level `kind:` line, e.g. a flow-style document) it answers yes.
 */
export function documentCanMatter(text: string): boolean {
  // A stream with directives is left whole by splitDocuments and may hold several documents.
  if (/^%/m.test(text)) return true;
  const kind = TOP_LEVEL_KIND.exec(text)?.[2];
  if (kind === undefined) return /\S/.test(stripComments(text));
  if (ECI_TEXT.test(text)) return true;
  if (KINDS_WITHOUT_PODS.has(kind)) return false;
  switch (kind) {
    case 'Pod':
    case 'Namespace':
    case 'HorizontalPodAutoscaler':
    case 'PodTemplate':
      return true;
  }
  if (kind.endsWith('List')) return true;
  // Every other pod-bearing kind (Deployment, Job, CronJob, Rollout, CloneSet, PodTemplate …) has a `template:` key.
  return POD_TEMPLATE_TEXT.test(text);
}

function stripComments(text: string): string {
  return text.replace(/^[ \t]*#.*$/gm, '').replace(/^(?:---|\.\.\.).*$/gm, '');
}
