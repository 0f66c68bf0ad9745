import type { MapEntry, MetadataBlock, Span } from '../model/index.js';

export const IGNORE_ANNOTATION = 'eci-egress-lint/ignore';

export interface IgnoreAnnotation {
  rules: string[];
  reason: string;
  span: Span;
}

/** `"eip-missing,eip-redundant -- reason"` → rules and reason. */
export function parseIgnoreValue(value: string): { rules: string[]; reason: string } {
  const [rulesPart, ...reasonParts] = value.split('--');
  return {
    rules: rulesPart
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    reason: reasonParts.join('--').trim(),
  };
}

/** The `eci-egress-lint/ignore` annotations of an object's metadata levels, those that `accept` lets through. */
export function ignoresIn(
  blocks: (MetadataBlock | undefined)[],
  accept: (entry: MapEntry) => boolean = () => true,
): IgnoreAnnotation[] {
  return blocks
    .filter((b): b is MetadataBlock => b !== undefined)
    .flatMap((b) => b.annotations.filter((a) => a.key === IGNORE_ANNOTATION && accept(a)))
    .map((a) => ({ ...parseIgnoreValue(a.value), span: a.span }));
}
