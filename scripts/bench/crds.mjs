// CustomResourceDefinitions with large openAPIV3Schema trees, as controller-gen writes them.

import { block, wrapped } from './yaml-emit.mjs';
import { CAMEL_WORDS, LOREM } from './words.mjs';

export const CRD_GROUPS = [
  'monitoring.coreos.com', 'cert-manager.io', 'argoproj.io', 'networking.istio.io', 'security.istio.io',
  'kafka.strimzi.io', 'postgresql.cnpg.io', 'apps.kruise.io', 'external-secrets.io', 'keda.sh', 'velero.io',
  'gateway.networking.k8s.io', 'pkg.crossplane.io', 'karpenter.sh', 'tekton.dev', 'kyverno.io',
];
/** Groups whose CRDs mention Alibaba Cloud: the linter must parse these in full. */
export const ALIBABA_GROUPS = ['eci.alibabacloud.com', 'alibabacloud.com'];

const QUANTITY_PATTERN = '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

function camel(r, n = r.int(1, 3)) {
  let out = r.pick(CAMEL_WORDS);
  for (let i = 1; i < n; i++) {
    const w = r.pick(CAMEL_WORDS);
    out += w[0].toUpperCase() + w.slice(1);
  }
  return out;
}

function pascal(r, n) {
  const c = camel(r, n);
  return c[0].toUpperCase() + c.slice(1);
}

function words(r, min, max) {
  const n = r.int(min, max);
  const out = [];
  for (let i = 0; i < n; i++) out.push(r.pick(LOREM));
  return out.join(' ');
}

/** A description: several sentences, as a `|-` block or a plain scalar folded over lines. */
function description(r, state) {
  const sentences = [];
  for (let i = r.int(1, 4); i > 0; i--) {
    const w = words(r, 6, 22);
    sentences.push(w[0].toUpperCase() + w.slice(1) + '.');
  }
  let text = sentences.join(' ');
  if (state.style === 'block') {
    if (r.chance(0.15)) text += '\nMore info: https://kubernetes.io/docs/concepts/' + camel(r, 2).toLowerCase();
    if (r.chance(0.2)) text += `\n\n\nDeprecated: use ${camel(r)} instead.`;
    state.bytes += text.length + 16;
    return block(text, '|-');
  }
  state.bytes += text.length + 16;
  return wrapped(text, 80);
}

function schema(r, depth, state) {
  const node = {};
  if (r.chance(0.85)) node.description = description(r, state);
  state.bytes += 30 + depth * 4;
  const canNest = depth < state.maxDepth && state.bytes < state.budget;
  const type = r.weighted(canNest ? { object: 30, array: 14, string: 32, integer: 10, boolean: 9, quantity: 5 } : { string: 55, integer: 20, boolean: 20, quantity: 5 });
  switch (type) {
    case 'object': {
      if (r.chance(0.12)) {
        node.additionalProperties = { type: 'string' };
        node.type = 'object';
        break;
      }
      if (r.chance(0.06)) {
        node.type = 'object';
        node['x-kubernetes-preserve-unknown-fields'] = true;
        break;
      }
      const properties = {};
      const n = r.int(2, depth < 2 ? 14 : 8);
      for (let i = 0; i < n; i++) properties[camel(r)] = schema(r, depth + 1, state);
      node.properties = properties;
      const keys = Object.keys(properties);
      if (r.chance(0.35)) node.required = r.sample(keys, r.int(1, Math.min(3, keys.length))).sort();
      node.type = 'object';
      if (r.chance(0.1)) node['x-kubernetes-map-type'] = 'atomic';
      break;
    }
    case 'array':
      node.items = schema(r, depth + 1, state);
      node.type = 'array';
      if (r.chance(0.3)) node['x-kubernetes-list-type'] = r.pick(['atomic', 'set', 'map']);
      break;
    case 'string':
      if (r.chance(0.15)) node.enum = r.sample(['Always', 'Never', 'IfNotPresent', 'Retain', 'Delete', 'Recycle', 'TCP', 'UDP', 'SCTP', 'Enabled', 'Disabled'], r.int(2, 4));
      if (r.chance(0.1)) node.format = r.pick(['date-time', 'duration', 'uri', 'byte']);
      if (r.chance(0.05)) node.pattern = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
      node.type = 'string';
      break;
    case 'integer':
      node.format = r.pick(['int32', 'int64']);
      if (r.chance(0.3)) node.minimum = 0;
      node.type = 'integer';
      break;
    case 'boolean':
      node.type = 'boolean';
      break;
    default:
      node.anyOf = [{ type: 'integer' }, { type: 'string' }];
      node.pattern = QUANTITY_PATTERN;
      node['x-kubernetes-int-or-string'] = true;
  }
  return node;
}

/**
 * One CRD document (as a JS value) whose schema tree is about `targetBytes` of YAML.
 * `style`: 'block' (`description: |-`) or 'plain' (folded plain scalars).
 */
export function crd(r, { group, targetBytes, style }) {
  const kind = pascal(r, r.int(1, 3));
  const plural = kind.toLowerCase() + 's';
  const versions = r.pick([['v1'], ['v1'], ['v1beta1', 'v1'], ['v1alpha1', 'v1beta1', 'v1']]);
  // Every version repeats the schema, as in real CRDs; the YAML is ~1.6× the estimate at these depths.
  const state = { bytes: 0, budget: targetBytes / versions.length / 1.6, maxDepth: r.int(7, 11), style };
  const specProperties = {};
  while (state.bytes < state.budget) specProperties[camel(r)] = schema(r, 3, state);
  const statusState = { ...state, bytes: 0, budget: state.budget / 10 };
  const statusProperties = {
    conditions: {
      description: description(r, statusState),
      items: {
        description: description(r, statusState),
        properties: {
          lastTransitionTime: { description: description(r, statusState), format: 'date-time', type: 'string' },
          message: { description: description(r, statusState), maxLength: 32768, type: 'string' },
          reason: { description: description(r, statusState), maxLength: 1024, minLength: 1, pattern: '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$', type: 'string' },
          status: { description: description(r, statusState), enum: ['True', 'False', 'Unknown'], type: 'string' },
          type: { description: description(r, statusState), maxLength: 316, type: 'string' },
        },
        required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'],
        type: 'object',
      },
      type: 'array',
      'x-kubernetes-list-map-keys': ['type'],
      'x-kubernetes-list-type': 'map',
    },
    observedGeneration: { format: 'int64', type: 'integer' },
  };
  const openAPIV3Schema = {
    description: description(r, state),
    properties: {
      apiVersion: { description: description(r, state), type: 'string' },
      kind: { description: description(r, state), type: 'string' },
      metadata: { type: 'object' },
      spec: { description: description(r, state), properties: specProperties, type: 'object' },
      status: { description: description(r, state), properties: statusProperties, type: 'object' },
    },
    required: ['spec'],
    type: 'object',
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      annotations: { 'controller-gen.kubebuilder.io/version': r.pick(['v0.13.0', 'v0.14.0', 'v0.16.1']) },
      name: `${plural}.${group}`,
    },
    spec: {
      group,
      names: { categories: ['all'], kind, listKind: `${kind}List`, plural, shortNames: [kind.slice(0, 3).toLowerCase()], singular: kind.toLowerCase() },
      scope: r.pick(['Namespaced', 'Namespaced', 'Cluster']),
      versions: versions.map((name, i) => ({
        additionalPrinterColumns: [
          { jsonPath: '.status.conditions[?(@.type=="Ready")].status', name: 'Ready', type: 'string' },
          { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
        ],
        name,
        schema: { openAPIV3Schema },
        served: true,
        storage: i === versions.length - 1,
        subresources: { status: {} },
      })),
    },
  };
}
