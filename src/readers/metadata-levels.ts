import type { MetadataBlock, MetadataLevel, Span } from '../model/index.js';

const ECI_KEY_TEXT = /aliyun|alibabacloud/;

/** A metadata level with no entries yet, valid until a reader finds its annotations or labels not to be a map. */
export function emptyLevel(level: MetadataLevel, path: string, span: Span): MetadataBlock {
  return { level, path, annotations: [], labels: [], span, annotationsValid: true, labelsValid: true };
}

/** Records that a level's annotations or labels are written as something other than a map. */
export function markInvalid(block: MetadataBlock, field: 'annotations' | 'labels'): void {
  if (field === 'annotations') block.annotationsValid = false;
  else block.labelsValid = false;
}

/** Whether a level has an annotation or label whose key looks like an ECI key. */
export function hasEciKey(block: MetadataBlock): boolean {
  return [...block.annotations, ...block.labels].some((e) => ECI_KEY_TEXT.test(e.key));
}

/**
 * Splits an object's metadata levels into the object's own and the pod's. A bare Pod's own metadata is its pod
 * level, and it has no object level; any other object's pod level is read from its pod template, when it has one
 * (`readPodLevel`).
 */
export function podLevels(
  kind: string,
  objectLevels: MetadataBlock[],
  readPodLevel: (() => MetadataBlock) | undefined,
): { objectMetadata: MetadataBlock[]; pod?: MetadataBlock } {
  if (kind === 'Pod') return { objectMetadata: [], pod: { ...objectLevels[0], level: 'pod' } };
  return { objectMetadata: objectLevels, pod: readPodLevel?.() };
}
