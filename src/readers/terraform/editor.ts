import type { MapEntry, TextEdit, WorkloadEditor } from '../../model/index.js';
import type { LineIndex } from '../line-index.js';
import type { HclObject, Item } from './hcl.js';
import { carriedCommentEndsItsLine } from '../carried-comment.js';

/** What the editor knows about one MapEntry. */
export type EntryTarget =
  /** An element of an object written in this file (`annotations = { "k" = "v" }`, or a JSON property). */
  | {
      kind: 'element';
      item: Item;
      object: HclObject;
      /** The attribute whose value `object` is (`annotations = {…}`) and the object that holds it. */
      owner?: { item: Item; in: HclObject };
    }
  /** An argument of an alicloud ECI resource standing for an annotation (`eip_bandwidth = 10`). */
  | { kind: 'argument'; item: Item; body: HclObject; valueType: 'bool' | 'number' | 'string' }
  /** Resolved through a variable or a local, or otherwise not written here as is: no edits. */
  | { kind: 'indirect' };

/** Where the pod's annotations go, as far as the sections exist. */
export type PodTarget =
  | {
      kind: 'template';
      /** The section that holds (or would hold) the pod's `metadata`. */
      template?: HclObject;
      metadata?: HclObject;
      /** The `annotations` item of the pod metadata. */
      annotations?: Item;
      /** `metadata { … }` is a block in the provider's schema, an object attribute in a manifest. */
      metadataStyle: 'block' | 'attribute';
    }
  /** A `kubernetes_annotations` resource: `template_annotations` in the resource body. */
  | { kind: 'attribute'; holder: HclObject; name: string; annotations?: Item; after?: Item }
  /** An alicloud ECI resource: arguments in the resource body. */
  | { kind: 'arguments'; body: HclObject; names: Record<string, { name: string; valueType: 'bool' | 'number' | 'string' }> };

/**
 * Writes minimal text edits against a Terraform file, native HCL or JSON: only the bytes that must change,
 * with new lines indented like their neighbours.
 */
export class HclEditor implements WorkloadEditor {
  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly entries: Map<MapEntry, EntryTarget>,
    private readonly pod: PodTarget | undefined,
    private readonly indentUnit: string,
    private readonly json: boolean,
  ) {}

  private get text(): string {
    return this.lines.text;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { file: this.file, start, end, newText };
  }

  private newline(): string {
    return this.lines.newline;
  }

  /** A string as written in this file's syntax. */
  quote(value: string): string {
    const escaped = JSON.stringify(value);
    // `${` and `%{` start templates in both syntaxes; `$${` and `%%{` write them literally.
    return escaped.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  }

  setStringValue(entry: MapEntry, value: string): TextEdit[] | undefined {
    const target = this.entries.get(entry);
    if (!target || target.kind === 'indirect' || !target.item.value) return undefined;
    const written = target.item.value;
    if (target.kind === 'argument') {
      if (target.valueType === 'bool' && (value === 'true' || value === 'false')) return [this.edit(written.start, written.end, value)];
      if (target.valueType === 'number' && /^\d+$/.test(value)) return [this.edit(written.start, written.end, value)];
      if (target.valueType !== 'string') return undefined;
    }
    return [this.edit(written.start, written.end, this.quote(value))];
  }

  renameKey(entry: MapEntry, newKey: string): TextEdit[] | undefined {
    const target = this.entries.get(entry);
    if (target?.kind !== 'element') return undefined;
    return [this.edit(target.item.keyRange.start, target.item.keyRange.end, JSON.stringify(newKey))];
  }

  removeEntry(entry: MapEntry): TextEdit[] | undefined {
    return this.removeEntries([entry]);
  }

  /**
   * Removes entries (map elements or arguments). When they are every element of a map written here, the map's
   * attribute goes with them (`annotations = {…}`), unless a comment is written in it; a map empty before is never
   * touched.
   */
  removeEntries(entries: readonly MapEntry[]): TextEdit[] | undefined {
    const groups = new Map<HclObject, { items: Item[]; owner?: { item: Item; in: HclObject } }>();
    for (const entry of entries) {
      const target = this.entries.get(entry);
      if (!target || target.kind === 'indirect') return undefined;
      const object = target.kind === 'element' ? target.object : target.body;
      const group = groups.get(object) ?? { items: [], owner: target.kind === 'element' ? target.owner : undefined };
      if (!group.items.includes(target.item)) group.items.push(target.item);
      groups.set(object, group);
    }
    const edits: TextEdit[] = [];
    for (const [object, { items, owner }] of groups) {
      const whole = owner && object.form !== 'body' && items.length === object.items.length ? this.removeEmptied(object, owner) : undefined;
      if (whole) {
        edits.push(...whole);
        continue;
      }
      for (const item of items) {
        const removal = this.removeItem(object, item);
        if (!removal) return undefined;
        edits.push(...removal);
      }
    }
    return edits;
  }

  /**
   * Removes the attribute of a map that loses every element, when no comment would go with it: none inside the map,
   * none before it on its first line or after it on its last.
   */
  private removeEmptied(object: HclObject, owner: { item: Item; in: HclObject }): TextEdit[] | undefined {
    const from = this.lines.lineStart(this.lines.lineOf(owner.item.start));
    const to = this.lines.nextLineStart(owner.item.end);
    // The lines of the elements themselves go with them (a comment at the end of one belongs to it); look at the rest.
    let rest = '';
    let at = from;
    for (const item of object.items) {
      const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
      const lineEnd = this.lines.nextLineStart(item.end);
      const after = this.text.slice(item.end, lineEnd).replace(/\r?\n$/, '');
      if (lineStart < at || this.text.slice(lineStart, item.start).trim() !== '' || lineEnd > to) continue;
      if (!/^[ \t]*,?[ \t]*(?:(?:#|\/\/).*)?$/.test(after)) continue;
      rest += this.text.slice(at, lineStart);
      at = lineEnd;
    }
    rest += this.text.slice(at, to);
    if (/#|\/\/|\/\*/.test(rest)) return undefined;
    return this.removeItem(owner.in, owner.item);
  }

  /** Removes one item with its line or separator. */
  private removeItem(object: HclObject, item: Item): TextEdit[] | undefined {
    const index = object.items.indexOf(item);
    if (index === -1) return undefined;
    if (object.form === 'json') {
      if (object.items.length === 1) return [this.edit(object.open, object.close, '')];
      if (index < object.items.length - 1) return [this.edit(item.start, object.items[index + 1].start, '')];
      return [this.edit(object.items[index - 1].end, item.end, '')];
    }
    // The last item of a map: `annotations = {}` (unless a comment inside would go with it).
    const around = this.text.slice(object.open, item.start) + this.text.slice(item.end, object.close);
    if (object.items.length === 1 && object.form === 'object' && !/#|\/\/|\/\*/.test(around)) {
      return [this.edit(object.open, object.close, '')];
    }
    const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
    const ownLine = this.text.slice(lineStart, item.start).trim() === '';
    const after = this.text.slice(item.end, this.lines.nextLineStart(item.end));
    const restOfLine = after.replace(/\r?\n$/, '');
    // The item is alone on its line(s), perhaps with a comma or a comment after it: remove the whole lines.
    if (ownLine && /^\s*,?\s*(?:(?:#|\/\/).*)?$/.test(restOfLine) && item.end <= object.close) {
      return [this.edit(lineStart, this.lines.nextLineStart(item.end), '')];
    }
    // On a line with others (`{ a = "1", b = "2" }`): remove it with its separator.
    const next = object.items[index + 1];
    if (next) return [this.edit(item.start, next.start, '')];
    const previous = object.items[index - 1];
    if (previous) return [this.edit(previous.end, item.end, '')];
    return [this.edit(object.open, object.close, object.form === 'object' ? '' : ' ')];
  }

  addPodAnnotation(key: string, value: string): TextEdit[] | undefined {
    return this.addAnnotation(key, value);
  }

  /** Adds an annotation to the pod template; `comment` ends the new element's line (native HCL only). */
  private addAnnotation(key: string, value: string, comment?: string): TextEdit[] | undefined {
    const pod = this.pod;
    if (!pod) return undefined;
    const written = this.json ? `${JSON.stringify(key)}: ${this.quote(value)}` : `${JSON.stringify(key)} = ${this.quote(value)}`;
    const element = comment === undefined ? written : `${written} ${comment}`;
    if (pod.kind === 'arguments') {
      const argument = pod.names[key];
      if (!argument || pod.body.items.some((i) => i.key === argument.name)) return undefined;
      const written =
        argument.valueType === 'bool' && (value === 'true' || value === 'false')
          ? value
          : argument.valueType === 'number' && /^\d+$/.test(value)
            ? value
            : argument.valueType === 'string'
              ? this.quote(value)
              : undefined;
      if (written === undefined) return undefined;
      return this.insert(pod.body, [this.json ? `${JSON.stringify(argument.name)}: ${written}` : `${argument.name} = ${written}`], 'last');
    }
    if (pod.kind === 'attribute') {
      if (pod.annotations) return this.addToMap(pod.annotations, element);
      return this.insert(pod.holder, this.mapAttribute(pod.name, element), 'last');
    }
    if (pod.annotations) return this.addToMap(pod.annotations, element);
    if (pod.metadata) return this.insert(pod.metadata, this.mapAttribute('annotations', element), 'last');
    if (pod.template) {
      const unit = this.indentUnit;
      const annotations = this.mapAttribute('annotations', element);
      const lines = this.json
        ? [`"metadata": {${annotations[0]}}`]
        : [pod.metadataStyle === 'block' ? 'metadata {' : 'metadata = {', ...annotations.map((l) => unit + l), '}'];
      return this.insert(pod.template, lines, 'first');
    }
    return undefined;
  }

  /** `annotations = {` / element / `}` as lines (one line in JSON). */
  private mapAttribute(name: string, element: string): string[] {
    if (this.json) return [`${JSON.stringify(name)}: {${element}}`];
    return [`${name} = {`, this.indentUnit + element, '}'];
  }

  /** Adds an element to the object an `annotations` item holds, when it is an object written here. */
  private addToMap(item: Item, element: string): TextEdit[] | undefined {
    if (item.value?.kind !== 'object') return undefined;
    return this.insert(item.value.object, [element], 'last');
  }

  /**
   * Inserts new items (given as lines, the first one at the items' indentation, the next ones relative to it)
   * as the first or last items of an object.
   */
  private insert(object: HclObject, lines: string[], at: 'first' | 'last'): TextEdit[] | undefined {
    const nl = this.newline();
    if (object.form === 'json') {
      const written = lines.join(' ');
      if (object.items.length === 0) return [this.edit(object.open, object.open, written)];
      // A multi-line object gets a line of its own, indented like its items.
      const multiLine = this.text.slice(object.open, object.close).includes('\n');
      const first = object.items[0];
      const last = object.items[object.items.length - 1];
      const separator = multiLine ? `,${nl}${this.indentOf(first.start)}` : ', ';
      if (at === 'first') return [this.edit(first.start, first.start, `${written}${separator}`)];
      return [this.edit(last.end, last.end, `${separator}${written}`)];
    }
    const inner = this.text.slice(object.open, object.close);
    const openLineIndent = this.indentOf(object.open - 1);
    if (!inner.includes('\n')) {
      // A one-line object or block: `{}`, `{ a = "b" }`. Objects take a comma; a block body becomes multi-line.
      const trimmed = inner.trim();
      if (object.form === 'object' && lines.length === 1) {
        const written = trimmed === '' ? ` ${lines[0]} ` : at === 'first' ? ` ${lines[0]}, ${trimmed} ` : ` ${trimmed}, ${lines[0]} `;
        return [this.edit(object.open, object.close, written)];
      }
      const indent = openLineIndent + this.indentUnit;
      const body = (at === 'first' ? [...lines, ...(trimmed ? [trimmed] : [])] : [...(trimmed ? [trimmed] : []), ...lines])
        .map((l) => indent + l)
        .join(nl);
      return [this.edit(object.open, object.close, nl + body + nl + openLineIndent)];
    }
    const first = object.items[0];
    const indent =
      first && this.text.slice(this.lines.lineStart(this.lines.lineOf(first.start)), first.start).trim() === ''
        ? this.indentOf(first.start)
        : openLineIndent + this.indentUnit;
    const block = lines.map((l) => indent + l).join(nl) + nl;
    if (at === 'first') {
      const position = this.lines.nextLineStart(object.open);
      if (position > object.close) return undefined;
      return [this.edit(position, position, block)];
    }
    const closeLineStart = this.lines.lineStart(this.lines.lineOf(object.close));
    if (this.text.slice(closeLineStart, object.close).trim() === '') return [this.edit(closeLineStart, closeLineStart, block)];
    // `}` shares its line with the last item: break the line before it.
    return [this.edit(object.close, object.close, nl + block + openLineIndent)];
  }

  /** The whitespace that starts the line holding `offset`. */
  private indentOf(offset: number): string {
    const start = this.lines.lineStart(this.lines.lineOf(offset));
    return /^[ \t]*/.exec(this.text.slice(start, offset))![0];
  }

  /**
   * Moves a map element to the pod template's annotations. A comment at the end of its line (`# keep me`,
   * `// keep me`) moves with it; where the new element cannot end a line (a one-line object), the comment stays where
   * it was, on a line of its own.
   */
  moveToPodAnnotations(entry: MapEntry): TextEdit[] | undefined {
    const target = this.entries.get(entry);
    if (target?.kind !== 'element') return undefined;
    const comment = this.json ? undefined : this.trailingComment(target.item);
    const carried = comment === undefined ? undefined : this.addAnnotation(entry.key, entry.value, comment);
    const moved = carried !== undefined && carriedCommentEndsItsLine(this.text, carried, comment!);
    const add = moved ? carried : this.addPodAnnotation(entry.key, entry.value);
    let remove = this.removeEntry(entry);
    if (remove && comment !== undefined && !moved) remove = this.keepCommentLine(remove, target.item, comment);
    if (!remove || !add) return undefined;
    // The two must not touch: an insertion inside the removed range would be lost.
    for (const a of add) for (const r of remove) if (a.start >= r.start && a.start < r.end && r.end > r.start) return undefined;
    return [...add, ...remove];
  }

  /** The comment at the end of an element's line (`"k" = "v" # why`, `// why`), when the element has the line to itself. */
  private trailingComment(item: Item): string | undefined {
    const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
    if (this.text.slice(lineStart, item.start).trim() !== '') return undefined;
    const rest = this.text.slice(item.end, this.lines.nextLineStart(item.end)).replace(/\r?\n$/, '');
    return /^[ \t]*,?[ \t]*((?:#|\/\/).*?)[ \t]*$/.exec(rest)?.[1];
  }

  /** The removal of an element, with the comment at the end of its line kept on a line of its own, where it was. */
  private keepCommentLine(remove: TextEdit[], item: Item, comment: string): TextEdit[] | undefined {
    const lineStart = this.lines.lineStart(this.lines.lineOf(item.start));
    const own = remove.find((r) => r.start === lineStart && r.newText === '');
    if (!own) return undefined;
    const indent = this.text.slice(lineStart, item.start);
    return remove.map((r) => (r === own ? { ...r, newText: indent + comment + this.newline() } : r));
  }
}

/** The file's indentation step: from the first line nested under a line ending in `{`; two spaces by default. */
export function detectIndentUnit(text: string): string {
  const match = /\{[ \t]*\r?\n([ \t]*)\S/.exec(text);
  if (!match) return '  ';
  const open = text.lastIndexOf('\n', match.index) + 1;
  const outer = /^[ \t]*/.exec(text.slice(open))![0];
  const unit = match[1].slice(outer.length);
  return unit.length > 0 && unit.length <= 8 && /^( +|\t+)$/.test(unit) ? unit : '  ';
}
