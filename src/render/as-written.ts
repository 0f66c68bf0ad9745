import { isMap, isScalar, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { MapEntry, MetadataBlock, Workload } from '../model/index.js';
import { YamlEditor } from '../readers/kubernetes/editor.js';
import { kubernetesValueType } from '../readers/kubernetes/yaml-nodes.js';
import { LineIndex } from '../readers/line-index.js';

/**
 * A kustomization's `commonAnnotations` and `commonLabels` as written, for the one check that must see them before
 * kustomize does: a value that is not a string (kustomize itself rejects it, so no rendering would show it). The
 * result is a workload of kind Kustomization whose pod block holds those entries; only `eip-not-string` runs on it,
 * and it is never priced.
 */
export function kustomizationAsWritten(file: string, folder: string, text: string): Workload | undefined {
  const doc = parseDocument(text, { logLevel: 'silent', uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const lines = new LineIndex(text);
  const span = (node: Node) => lines.span(node.range![0], node.range![1]);
  const entries = new Map<MapEntry, { pair: Pair; map: YAMLMap }>();
  const block: MetadataBlock = {
    level: 'pod',
    path: 'commonAnnotations',
    annotations: [],
    labels: [],
    span: lines.span(0),
    annotationsValid: true,
    labelsValid: true,
  };
  for (const [field, into] of [['commonAnnotations', block.annotations], ['commonLabels', block.labels]] as const) {
    const map = doc.contents.get(field, true);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      if (!isScalar(pair.key) || pair.key.value === null || !pair.key.range) continue;
      const value = pair.value as Node | null;
      const keySpan = span(pair.key);
      const valueSpan = value?.range ? span(value) : lines.span(keySpan.endOffset);
      const entry: MapEntry = {
        key: String(pair.key.value),
        keySpan,
        value: isScalar(value) && value.value !== null ? String(value.type === 'PLAIN' ? (value.source ?? value.value) : value.value) : '',
        valueType: kubernetesValueType(value),
        valueSpan,
        span: lines.span(keySpan.offset, Math.max(keySpan.endOffset, valueSpan.endOffset)),
      };
      entries.set(entry, { pair, map });
      into.push(entry);
    }
  }
  if (entries.size === 0) return undefined;
  return {
    source: 'kubernetes',
    file,
    kind: 'Kustomization',
    name: folder,
    namespace: '',
    namespaceDefaulted: true,
    span: lines.span(0),
    objectMetadata: [],
    pod: block,
    replicas: {},
    parallelism: {},
    scheduling: { nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] },
    images: [],
    urls: [],
    ignores: [],
    editor: new YamlEditor(file, lines, 0, entries as never, undefined, 2),
  };
}
