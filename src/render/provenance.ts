import { isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { SourceLocation, Span } from '../model/index.js';
import { LineIndex } from '../readers/line-index.js';

/** A file that a rendering read, with its lines. */
export class SourceText {
  readonly lines: LineIndex;
  private readonly rows: string[];
  private parsed: Document.Parsed | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
    this.rows = text.split('\n').map((row) => row.replace(/\r$/, ''));
  }

  row(line0: number): string {
    return this.rows[line0] ?? '';
  }

  /** The text as a YAML document, parsed on first use: a values file is looked up once per finding and reference. */
  get document(): Document.Parsed {
    this.parsed ??= parseDocument(this.text, { logLevel: 'silent', uniqueKeys: false });
    return this.parsed;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** A span on one line, from a 0-based column, `length` characters long. */
  spanAt(line0: number, column0: number, length: number): Span {
    const start = this.lines.lineStart(line0) + column0;
    return this.lines.span(start, start + Math.max(0, length));
  }

  firstLine(): Span {
    return this.spanAt(0, 0, this.row(0).length);
  }
}

/** A `key: value` line of rendered YAML, split. Columns are 0-based. */
export interface RenderedLine {
  indent: number;
  trimmed: string;
  key?: string;
  keyColumn?: number;
  value?: string;
  valueColumn?: number;
}

const KEY_LINE = /^(\s*(?:-\s+)?)(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{[\]},:][^:#]*?))\s*:(?:\s+(.*?))?\s*$/;

export function parseRenderedLine(row: string): RenderedLine {
  const indent = row.length - row.trimStart().length;
  const out: RenderedLine = { indent, trimmed: row.trim() };
  const match = KEY_LINE.exec(row);
  if (!match) return out;
  out.key = match[2] ?? match[3]?.replace(/''/g, "'") ?? match[4];
  out.keyColumn = match[1].length;
  if (match[5] !== undefined && match[5] !== '' && !/^[|>]/.test(match[5])) {
    out.value = unquote(match[5].replace(/\s+#.*$/, ''));
    out.valueColumn = row.lastIndexOf(match[5]);
  }
  return out;
}

function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface KeyHit {
  line0: number;
  keyColumn: number;
  keyLength: number;
  value?: string;
  valueColumn?: number;
}

/**
 * Where a file writes `key` as a YAML key (block or flow style, quoted or not) or as the last step of a JSON
 * patch path (`/metadata/annotations/k8s.aliyun.com~1eci-with-eip`). Found by its text, so that keys inside
 * block scalars (inline patches of a kustomization) are found too.
 */
export function findKey(source: SourceText, key: string): KeyHit[] {
  const hits: KeyHit[] = [];
  const pointer = key.replace(/~/g, '~0').replace(/\//g, '~1');
  const asKey = new RegExp(`(^|[\\s{,])(["']?)${escapeRegExp(key)}\\2\\s*:(?=\\s|$)(\\s*)([^,}#\\n]*)`);
  const asPointer = new RegExp(`/${escapeRegExp(pointer)}(?=["'\\s]|$)`);
  for (let line0 = 0; line0 < source.rowCount; line0++) {
    const row = source.row(line0);
    if (!row.includes(key) && !row.includes(pointer)) continue;
    if (/^\s*#/.test(row)) continue;
    const match = asKey.exec(row);
    if (match) {
      const keyColumn = match.index + match[1].length;
      const raw = match[4].trim();
      hits.push({
        line0,
        keyColumn,
        keyLength: match[0].length - match[1].length - match[3].length - match[4].length,
        ...(raw ? { value: unquote(raw), valueColumn: row.indexOf(raw, keyColumn + key.length) } : {}),
      });
      continue;
    }
    const pointed = asPointer.exec(row);
    if (pointed) {
      // A JSON patch: the op's value is usually on a following `value:` line of the same op.
      const hit: KeyHit = { line0, keyColumn: pointed.index + 1, keyLength: pointer.length };
      for (let next = line0 + 1; next < Math.min(source.rowCount, line0 + 4); next++) {
        const valueMatch = /^(\s*-?\s*value\s*:\s*)(.+?)\s*$/.exec(source.row(next));
        if (valueMatch) {
          hit.value = unquote(valueMatch[2]);
          hit.valueColumn = valueMatch[1].length;
          (hit as KeyHit & { valueLine0?: number }).valueLine0 = next;
          break;
        }
      }
      hits.push(hit);
    }
  }
  return hits;
}

/** The hit to point at: the first whose value is the rendered one, else the first. */
export function bestHit(hits: KeyHit[], value: string | undefined): KeyHit | undefined {
  if (value !== undefined) {
    const same = hits.find((h) => h.value === value);
    if (same) return same;
  }
  return hits[0];
}

/** The location of a key hit: its value when the finding is about the value, else its key. */
export function hitLocation(source: SourceText, hit: KeyHit, onValue: boolean): SourceLocation {
  const valueLine0 = (hit as KeyHit & { valueLine0?: number }).valueLine0 ?? hit.line0;
  if (onValue && hit.value !== undefined && hit.valueColumn !== undefined && hit.valueColumn >= 0) {
    const raw = source.row(valueLine0).slice(hit.valueColumn).replace(/\s+#.*$/, '').replace(/[,}\s]+$/, '');
    return { file: source.path, span: source.spanAt(valueLine0, hit.valueColumn, raw.length), exact: true };
  }
  return { file: source.path, span: source.spanAt(hit.line0, hit.keyColumn, hit.keyLength), exact: true };
}

/**
 * The line of a template or resource file that writes `trimmed` literally (no template action on it): the
 * `occurrence`-th such line when the text has several, else the last.
 */
export function findLiteralLine(source: SourceText, trimmed: string, occurrence: number): number | undefined {
  if (!trimmed || trimmed === '-' || trimmed === '---') return undefined;
  const found: number[] = [];
  for (let line0 = 0; line0 < source.rowCount; line0++) {
    const row = source.row(line0).trim();
    if (row === trimmed && !row.includes('{{')) found.push(line0);
  }
  if (found.length === 0) return undefined;
  return found[Math.min(occurrence, found.length - 1)];
}

/** The `.Values.a.b` paths a template line reads. */
export function valuesReferences(row: string): string[][] {
  return [...row.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)].map((m) => m[1].slice(1).split('.'));
}

/** Where a values file writes the entry at `path` (the key of the last step). */
export function findValuesEntry(source: SourceText, path: string[]): KeyHit | undefined {
  const doc = source.document;
  if (doc.errors.length > 0) return undefined;
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const step of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === step);
    if (!pair) return undefined;
    keyNode = pair.key as Node;
    node = pair.value;
  }
  if (!keyNode?.range) return undefined;
  const start = source.lines.span(keyNode.range[0]);
  const hit: KeyHit = { line0: start.line - 1, keyColumn: start.column - 1, keyLength: keyNode.range[1] - keyNode.range[0] };
  if (isScalar(node) && (node as Node).range) {
    const valueStart = source.lines.span((node as Node).range![0]);
    if (valueStart.line === start.line) {
      hit.value = String((node as { value: unknown }).value);
      hit.valueColumn = valueStart.column - 1;
    }
  }
  return hit;
}

/** Counts how many lines before `line0` of a text are the same trimmed line. */
export function occurrenceBefore(text: SourceText, line0: number): number {
  const trimmed = text.row(line0).trim();
  let count = 0;
  for (let i = 0; i < line0; i++) if (text.row(i).trim() === trimmed) count++;
  return count;
}

/** The rendered line at a position, split, and whether the position is on its value (else on its key). */
export function renderedLineAt(rendered: SourceText, span: Span): { line0: number; parsed: RenderedLine; onValue: boolean } {
  const line0 = span.line - 1;
  const parsed = parseRenderedLine(rendered.row(line0));
  return { line0, parsed, onValue: parsed.valueColumn !== undefined && span.column - 1 >= parsed.valueColumn };
}

/** The position on the line of `source` that writes a rendered line literally, when one does. */
export function literalLocation(source: SourceText, rendered: SourceText, span: Span): SourceLocation | undefined {
  const { line0, parsed } = renderedLineAt(rendered, span);
  const at = findLiteralLine(source, parsed.trimmed, occurrenceBefore(rendered, line0));
  return at === undefined ? undefined : shiftedLocation(source, at, span, parsed.indent);
}

/** The same position on a line that another file writes literally (its indentation may differ). */
function shiftedLocation(target: SourceText, line0: number, span: Span, renderedIndent: number): SourceLocation {
  const row = target.row(line0);
  const indent = row.length - row.trimStart().length;
  const column0 = Math.max(indent, span.column - 1 - renderedIndent + indent);
  const length = span.endLine === span.line ? span.endColumn - span.column : row.length - column0;
  return { file: target.path, span: target.spanAt(line0, column0, Math.min(length, row.length - column0)), exact: true };
}

/**
 * The entry of the first source, in order, that writes the rendered line's key with its rendered value; else the
 * best entry with the key of the first source that has one.
 */
export function keyLocation(sources: readonly SourceText[], parsed: RenderedLine, onValue: boolean): SourceLocation | undefined {
  if (parsed.key === undefined) return undefined;
  for (const requireValue of [true, false]) {
    if (requireValue && parsed.value === undefined) continue;
    for (const source of sources) {
      const hits = findKey(source, parsed.key);
      const hit = requireValue ? hits.find((h) => h.value === parsed.value) : bestHit(hits, parsed.value);
      if (hit) return hitLocation(source, hit, onValue);
    }
  }
  return undefined;
}

/** Line 1 of the file a rendered document came from, when nothing closer is known. */
export function firstLineLocation(source: SourceText | undefined, file: string): SourceLocation {
  if (source) return { file: source.path, span: source.firstLine(), exact: false };
  return { file, span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }, exact: false };
}
