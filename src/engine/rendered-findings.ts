import { parse as parseYaml } from 'yaml';
import type { Finding, RenderedDocument, TextEdit } from '../model/index.js';
import { LineIndex } from '../readers/line-index.js';

/**
 * Puts a finding from a rendered document on the line a person edits, with its fix when the fix carries over:
 * see `carryFix`.
 */
export function locateRendered(finding: Finding, document: RenderedDocument): void {
  const where = document.locate(finding.span);
  finding.file = where.file;
  finding.span = where.span;
  if (!where.exact && finding.workload) {
    const { kind, namespace, name } = finding.workload;
    finding.message += ` (in the rendered ${kind} ${namespace}/${name} of ${document.unit})`;
  }
  const fix = finding.fix && carryFix(finding.ruleId, finding.fix.edits, document);
  if (fix && finding.fix) finding.fix = { ...finding.fix, edits: fix, verify: 'render' };
  else delete finding.fix;
}

/** The rules whose fixes only rewrite one scalar value: those carry over from a rendering to the line behind it. */
const CARRIED_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);

/**
 * The edits of a fix made on a rendered document, moved to the file a person edits, or undefined. Only a fix that
 * rewrites one scalar carries over, and only when the line behind it writes that same value (a values-file entry,
 * a template literal, a kustomization entry or patch): the new value is then written there. Whether it removes the
 * finding, and adds none, is known only after rendering again (`verify: 'render'`, docs/fixes.md).
 */
export function carryFix(ruleId: string, edits: readonly TextEdit[], document: RenderedDocument): TextEdit[] | undefined {
  if (!CARRIED_FIXES.has(ruleId) || edits.length !== 1) return undefined;
  const [edit] = edits;
  if (edit.end <= edit.start) return undefined;
  const lines = new LineIndex(document.text);
  const where = document.locate(lines.span(edit.start, edit.end));
  if (!where.exact || where.span.endOffset <= where.span.offset) return undefined;
  const source = document.sourceText?.(where.file);
  if (source === undefined) return undefined;
  const written = scalarOf(source.slice(where.span.offset, where.span.endOffset));
  const rendered = scalarOf(document.text.slice(edit.start, edit.end));
  if (written === undefined || written !== rendered) return undefined;
  return [{ file: where.file, start: where.span.offset, end: where.span.endOffset, newText: edit.newText.trim() }];
}

/** The value a scalar's text stands for in YAML (`true`, `"10M"`, `10M`), as text; undefined when it is not one. */
export function scalarOf(text: string): string | undefined {
  try {
    const value: unknown = parseYaml(text.trim());
    return value === null || typeof value === 'object' ? undefined : String(value);
  } catch {
    return undefined;
  }
}

/**
 * Findings that several renderings of a chart put on the same line are one finding, naming the renderings (values
 * files) that produce it when the chart has more than one.
 */
export function mergeRenderings(raw: Finding[], renderings: ReadonlyMap<Finding, RenderedDocument>, documents: readonly RenderedDocument[]): Finding[] {
  if (renderings.size === 0) return raw;
  const perUnit = new Map<string, Set<string>>();
  for (const document of documents) {
    if (!perUnit.has(document.unit)) perUnit.set(document.unit, new Set());
    perUnit.get(document.unit)!.add(document.rendering);
  }
  const out: Finding[] = [];
  const groups = new Map<string, { finding: Finding; names: string[] }>();
  const named: { finding: Finding; names: string[] }[] = [];
  for (const finding of raw) {
    const document = renderings.get(finding);
    if (!document) {
      out.push(finding);
      continue;
    }
    const key = [finding.ruleId, finding.file, finding.span.line, finding.span.column, finding.message].join('\u0000');
    const group = groups.get(key);
    if (group) {
      if (!group.names.includes(document.rendering)) group.names.push(document.rendering);
      continue;
    }
    const entry = { finding, names: [document.rendering] };
    groups.set(key, entry);
    out.push(finding);
    if ((perUnit.get(document.unit)?.size ?? 0) > 1) named.push(entry);
  }
  for (const { finding, names } of named) finding.message += ` (rendered with ${names.join('; ')})`;
  return out;
}
