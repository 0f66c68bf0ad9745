import { isMap, isScalar, Pair as YamlPair, Scalar, YAMLMap as YamlMapNode } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { MapEntry, TextEdit, WorkloadEditor } from '../../model/index.js';
import type { LineIndex } from '../line-index.js';
import { carriedCommentEndsItsLine } from '../carried-comment.js';

/** The YAML nodes behind one MapEntry, kept by the reader for the editor. */
export interface EntryNodes {
  pair: Pair;
  map: YAMLMap;
  /** The pair whose value is `map` (e.g. the `annotations:` pair); undefined when the entry came through a merge key. */
  parent?: Pair;
  /** Where `parent` sits in the map that holds it (the `metadata` map), when it is written there. */
  parentSpot?: PairSpot;
  /** Where the pair whose value holds `parent` (`metadata:`) sits in its map, when it is written there. */
  grandparentSpot?: PairSpot;
}

/**
 * Where a pair sits in its map, as offsets in the parsed document: enough to remove it without keeping the map's
 * nodes (a workload must not hold its whole pod template in memory until the scan ends).
 */
export interface PairSpot {
  flow: boolean;
  /** The pair is the map's only one. */
  only: boolean;
  keyStart: number;
  keyEnd: number;
  /** Where the pair's value (or its key, when it has none) ends. */
  end: number;
  /** In a flow map: where the next pair's key starts, or where the previous pair ends. */
  nextStart?: number;
  previousEnd?: number;
}

/** Where a pair sits in its map (see `PairSpot`); undefined when it is not written there. */
export function pairSpot(map: YAMLMap, pair: Pair): PairSpot | undefined {
  const index = map.items.indexOf(pair);
  const key = (pair.key as Node | null)?.range;
  if (index === -1 || !key) return undefined;
  const endOf = (p: Pair) => (p.value as Node | null)?.range?.[1] ?? (p.key as Node | null)?.range?.[1];
  const next = map.items[index + 1];
  const previous = map.items[index - 1];
  return {
    flow: Boolean(map.flow),
    only: map.items.length === 1,
    keyStart: key[0],
    keyEnd: key[1],
    end: endOf(pair) ?? key[1],
    nextStart: next ? (next.key as Node | null)?.range?.[0] : undefined,
    previousEnd: previous ? endOf(previous) : undefined,
  };
}

/** The YAML nodes of a pod template, as far as they exist. */
export interface PodTemplateNodes {
  /** The map that holds `metadata` (`spec.template`, or a Pod's root map), as its outline only. */
  template: YAMLMap | null;
  metadataPair?: Pair;
  metadata: YAMLMap | null;
  annotationsPair?: Pair;
}

/**
 * Writes minimal text edits against the original YAML text: only the bytes that must change, in the
 * indentation and flow/block style the map already uses.
 */
export class YamlEditor implements WorkloadEditor {
  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    /** Offset of the parsed document in the file: node ranges are relative to it. */
    private readonly base: number,
    private readonly entries: Map<MapEntry, EntryNodes>,
    private readonly pod: PodTemplateNodes | undefined,
    private readonly indentUnit: number,
  ) {}

  private get text(): string {
    return this.lines.text;
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { file: this.file, start, end, newText };
  }

  private start(node: Node | null | undefined): number | undefined {
    return node?.range ? this.base + node.range[0] : undefined;
  }

  private valueEnd(node: Node | null | undefined): number | undefined {
    return node?.range ? this.base + node.range[1] : undefined;
  }

  /** Offset of the `:` after a pair's key (undefined when the pair has none, e.g. `{a, b: 1}`). */
  private colonAfter(pair: Pair): number | undefined {
    const keyEnd = this.valueEnd(pair.key as Node);
    if (keyEnd === undefined) return undefined;
    const at = this.text.indexOf(':', keyEnd);
    return at === -1 || this.text.slice(keyEnd, at).trim() !== '' ? undefined : at;
  }

  private column0(offset: number): number {
    return offset - this.lines.lineStart(this.lines.lineOf(offset));
  }

  /** Where the line after a pair ends: just past the line break that follows its value. */
  private afterPairLine(pair: Pair): number {
    const value = pair.value as Node | null;
    const end = this.valueEnd(value) ?? this.valueEnd(pair.key as Node) ?? 0;
    if (end > 0 && this.text[end - 1] === '\n') return end;
    return this.lines.nextLineStart(end);
  }

  private quote(value: string): string {
    return JSON.stringify(value);
  }

  setStringValue(entry: MapEntry, value: string): TextEdit[] | undefined {
    const nodes = this.entries.get(entry);
    if (!nodes) return undefined;
    const valueNode = nodes.pair.value as Node | null;
    if (valueNode && !isScalar(valueNode)) return undefined;
    const start = this.start(valueNode);
    let end = this.valueEnd(valueNode);
    if (start !== undefined && end !== undefined) {
      // A block scalar's range takes in its last line break (and trailing blank lines): keep them.
      if (isScalar(valueNode) && (valueNode.type === 'BLOCK_LITERAL' || valueNode.type === 'BLOCK_FOLDED')) {
        while (end > start && /\s/.test(this.text[end - 1])) end--;
      }
      // An empty value sits right after the `:` or right before a comment: keep both apart from the quotes.
      const before = start === end && !/\s/.test(this.text[start - 1] ?? ' ') ? ' ' : '';
      const after = start === end && this.text[end] === '#' ? ' ' : '';
      return [this.edit(start, end, before + this.quote(value) + after)];
    }
    const colon = this.colonAfter(nodes.pair);
    if (colon === undefined) return undefined;
    return [this.edit(colon + 1, colon + 1, ' ' + this.quote(value))];
  }

  renameKey(entry: MapEntry, newKey: string): TextEdit[] | undefined {
    const nodes = this.entries.get(entry);
    const keyNode = nodes?.pair.key as Node | undefined;
    const start = this.start(keyNode);
    const end = this.valueEnd(keyNode);
    if (start === undefined || end === undefined) return undefined;
    const quoteChar = this.text[start];
    const written = quoteChar === '"' || quoteChar === "'" ? quoteChar + newKey + quoteChar : newKey;
    return [this.edit(start, end, written)];
  }

  removeEntry(entry: MapEntry): TextEdit[] | undefined {
    return this.removeEntries([entry]);
  }

  /**
   * Removes entries from their maps. A map the removal leaves empty goes with its key (`annotations:` and all), when
   * nothing else is written in it (a comment stays, and so the map stays, as `{}`); a map that was empty before is
   * never touched.
   */
  removeEntries(entries: readonly MapEntry[]): TextEdit[] | undefined {
    return this.removal(entries, true);
  }

  /** The edits that remove entries; `dropEmptied`: a map they empty goes with its key (else it stays as `{}`). */
  private removal(entries: readonly MapEntry[], dropEmptied: boolean): TextEdit[] | undefined {
    const groups = new Map<YAMLMap, EntryNodes[]>();
    for (const entry of entries) {
      const nodes = this.entries.get(entry);
      if (!nodes) return undefined;
      const group = groups.get(nodes.map) ?? [];
      if (!group.some((g) => g.pair === nodes.pair)) group.push(nodes);
      groups.set(nodes.map, group);
    }
    const edits: TextEdit[] = [];
    for (const [map, group] of groups) {
      const removal = this.removeFromMap(map, group, dropEmptied);
      if (!removal) return undefined;
      edits.push(...removal);
    }
    return edits;
  }

  private removeFromMap(map: YAMLMap, group: readonly EntryNodes[], dropEmptied: boolean): TextEdit[] | undefined {
    const pairs = group.map((g) => g.pair);
    const own: TextEdit[] = [];
    for (const pair of pairs) {
      const removal = this.removePair(map, pair);
      if (!removal) return undefined;
      own.push(...removal);
    }
    if (pairs.length < map.items.length) return own;
    // The map is left empty: remove its key as well, unless a comment (or anything but the entries) is written in it.
    const { parent, parentSpot, grandparentSpot } = group[0];
    if (!parent) return undefined;
    const whole = parentSpot && dropEmptied ? this.removeSpot(parentSpot) : undefined;
    if (whole && whole.length === 1 && this.onlyRemovedText(whole[0], own)) {
      // `metadata:` left with nothing goes too (a bare `metadata:` says nothing), when nothing else is written in it.
      if (parentSpot!.only && grandparentSpot) {
        const outer = this.removeSpot(grandparentSpot);
        if (outer && outer.length === 1 && this.onlyRemovedText(outer[0], whole)) return outer;
      }
      return whole;
    }
    if (map.flow) return own;
    // A block map keeps its key as `key: {}`, so that the comment lines between the key and the entries stay valid.
    const colon = this.colonAfter(parent);
    if (colon === undefined) return undefined;
    return [this.edit(colon + 1, colon + 1, ' {}'), ...own];
  }

  /**
   * Whether the text `whole` removes is only the text of `parts`, the key, brackets, commas and blanks: no comment, and
   * no anchor, alias or tag (an anchored map that empties stays, as `{}`, for its aliases).
   */
  private onlyRemovedText(whole: TextEdit, parts: readonly TextEdit[]): boolean {
    let rest = '';
    let at = whole.start;
    for (const part of [...parts].sort((a, b) => a.start - b.start)) {
      if (part.start < whole.start || part.end > whole.end) return false;
      rest += this.text.slice(at, Math.max(at, part.start));
      at = Math.max(at, part.end);
    }
    rest += this.text.slice(at, whole.end);
    return !/[#&*!]/.test(rest);
  }

  /** The edits that remove one pair from a map, its separator or its whole lines with it; undefined when unsure. */
  private removePair(map: YAMLMap, pair: Pair): TextEdit[] | undefined {
    const spot = pairSpot(map, pair);
    return spot ? this.removeSpot(spot) : undefined;
  }

  /** The edits that remove a pair, given where it sits (see `PairSpot`). */
  private removeSpot(spot: PairSpot): TextEdit[] | undefined {
    const keyStart = this.base + spot.keyStart;
    const pairEnd = this.base + spot.end;
    if (spot.flow) {
      if (spot.only) {
        const open = this.text.lastIndexOf('{', keyStart);
        const close = this.text.indexOf('}', pairEnd);
        return open === -1 || close === -1 ? undefined : [this.edit(open + 1, close, '')];
      }
      if (spot.nextStart !== undefined) return [this.edit(keyStart, this.base + spot.nextStart, '')];
      return spot.previousEnd === undefined ? undefined : [this.edit(this.base + spot.previousEnd, pairEnd, '')];
    }
    const lineStart = this.lines.lineStart(this.lines.lineOf(keyStart));
    if (this.text.slice(lineStart, keyStart).trim() !== '') return undefined;
    const lineEnd = this.text[pairEnd - 1] === '\n' ? pairEnd : this.lines.nextLineStart(pairEnd);
    return [this.edit(lineStart, lineEnd, '')];
  }

  addPodAnnotation(key: string, value: string): TextEdit[] | undefined {
    return this.addAnnotationLine(`${key}: ${this.quote(value)}`);
  }

  /** Adds one `key: "value"` entry (written as given) to the pod template's annotations. */
  private addAnnotationLine(entry: string): TextEdit[] | undefined {
    const pod = this.pod;
    if (!pod) return undefined;
    const annotations = pod.annotationsPair?.value as Node | null | undefined;
    if (pod.annotationsPair) {
      if (isMap(annotations)) return this.addToMap(annotations, entry, [], 'last');
      if (annotations === null || (isScalar(annotations) && annotations.value === null)) {
        return this.addUnderKey(pod.annotationsPair, [entry]);
      }
      return undefined;
    }
    if (pod.metadataPair) {
      const metadata = pod.metadataPair.value as Node | null;
      if (isMap(metadata)) return this.addToMap(metadata, `annotations:`, [entry], 'last');
      if (metadata === null || (isScalar(metadata) && metadata.value === null)) {
        return this.addUnderKey(pod.metadataPair, ['annotations:', ' '.repeat(this.indentUnit) + entry]);
      }
      return undefined;
    }
    if (pod.template) {
      const unit = ' '.repeat(this.indentUnit);
      return this.addToMap(pod.template, 'metadata:', [`annotations:`, `${unit}${entry}`], 'first');
    }
    return undefined;
  }

  /**
   * Adds `first` (with `children` nested below it in block style, or as a flow map in flow style) to a map,
   * as whole new lines before its first key or after its last entry, never inside a multi-line value.
   */
  private addToMap(map: YAMLMap, first: string, children: string[], at: 'first' | 'last'): TextEdit[] | undefined {
    if (map.flow) {
      const open = this.start(map);
      if (open === undefined || this.text[open] !== '{') return undefined;
      const flowChildren = children.map((c) => c.trim());
      const written = flowChildren.length === 0 ? first : nestFlow(first, flowChildren);
      return [this.edit(open + 1, open + 1, map.items.length === 0 ? written : `${written}, `)];
    }
    if (map.items.length === 0) return undefined;
    const firstKeyStart = this.start(map.items[0].key as Node);
    if (firstKeyStart === undefined) return undefined;
    const lineStart = this.lines.lineStart(this.lines.lineOf(firstKeyStart));
    if (at === 'last' || this.text.slice(lineStart, firstKeyStart).trim() !== '') {
      // New keys go last (after `labels:`, after the existing annotations), so that comments above the
      // first key stay with it; also when the first key shares its line with a `- `.
      return this.appendToBlockMap(map, first, children);
    }
    const indent = ' '.repeat(firstKeyStart - lineStart);
    const nl = this.newline();
    const unit = ' '.repeat(this.indentUnit);
    const lines = [indent + first, ...children.map((c) => indent + unit + c)];
    return [this.edit(lineStart, lineStart, lines.join(nl) + nl)];
  }

  private appendToBlockMap(map: YAMLMap, first: string, children: string[]): TextEdit[] | undefined {
    const last = map.items[map.items.length - 1];
    const firstKeyStart = this.start(map.items[0].key as Node);
    if (firstKeyStart === undefined) return undefined;
    const indent = ' '.repeat(this.column0(firstKeyStart));
    const unit = ' '.repeat(this.indentUnit);
    const at = this.afterPairLine(last);
    const nl = this.newline();
    const lines = [indent + first, ...children.map((c) => indent + unit + c)];
    const prefix = at === this.text.length && !this.text.endsWith('\n') ? nl : '';
    return [this.edit(at, at, prefix + lines.join(nl) + nl)];
  }

  /** Adds lines nested below a key whose value is empty (`annotations:` with nothing after it). */
  private addUnderKey(pair: Pair, lines: string[]): TextEdit[] | undefined {
    const keyStart = this.start(pair.key as Node);
    const colon = this.colonAfter(pair);
    if (keyStart === undefined || colon === undefined) return undefined;
    const indent = ' '.repeat(this.column0(keyStart) + this.indentUnit);
    const nl = this.newline();
    const lineEnd = this.lines.nextLineStart(colon);
    const at = this.text[lineEnd - 1] === '\n' ? lineEnd - (this.text[lineEnd - 2] === '\r' ? 2 : 1) : lineEnd;
    const added = lines.map((l) => nl + indent + l).join('');
    // A written null (`annotations: ~`) must go, or the lines below would continue it; keep a comment after it.
    const valueStart = this.start(pair.value as Node | null);
    const valueEnd = this.valueEnd(pair.value as Node | null);
    if (valueStart !== undefined && valueEnd !== undefined && valueEnd > valueStart && valueEnd <= at) {
      return [this.edit(colon + 1, at, this.text.slice(valueEnd, at).trimEnd() + added)];
    }
    return [this.edit(at, at, added)];
  }

  /**
   * Moves an entry to the pod template's annotations. A comment at the end of the entry's line (`# keep me`) moves
   * with it; where the new entry cannot carry one (a flow map), the comment stays where it was, on a line of its own.
   */
  moveToPodAnnotations(entry: MapEntry): TextEdit[] | undefined {
    const nodes = this.entries.get(entry);
    if (!nodes) return undefined;
    const written = `${entry.key}: ${this.quote(entry.value)}`;
    const comment = this.trailingComment(nodes);
    const carried = comment === undefined ? undefined : this.addAnnotationLine(`${written} ${comment}`);
    const moved = carried !== undefined && carriedCommentEndsItsLine(this.text, carried, comment!);
    const add = moved ? carried : this.addAnnotationLine(written);
    if (!add) return undefined;
    let remove = this.removal([entry], moved || comment === undefined);
    // Where the new annotation goes right where the emptied map would go (`{labels: {k: v}}` becoming
    // `{annotations: {k: v}}`), the emptied map stays as `{}`: the two edits would otherwise leave a stray separator.
    const touches = (r: TextEdit) => add.some((a) => r.end > r.start && a.start >= r.start && a.start <= r.end);
    if (remove?.some(touches)) remove = this.removal([entry], false);
    if (!remove) return undefined;
    if (comment !== undefined && !moved) remove = this.keepCommentLine(remove, nodes, comment);
    return remove ? [...add, ...remove] : undefined;
  }

  /** The comment at the end of a block map entry's line (`key: value # why`), when there is one. */
  private trailingComment(nodes: EntryNodes): string | undefined {
    if (nodes.map.flow) return undefined;
    const valueEnd = this.valueEnd(nodes.pair.value as Node) ?? this.valueEnd(nodes.pair.key as Node);
    if (valueEnd === undefined) return undefined;
    const keyLine = this.lines.lineOf(this.start(nodes.pair.key as Node) ?? valueEnd);
    if (this.lines.lineOf(valueEnd) !== keyLine) return undefined; // a multi-line value: its comments are its own
    const lineEnd = this.lines.nextLineStart(valueEnd);
    const rest = this.text.slice(valueEnd, lineEnd).replace(/\r?\n$/, '');
    const match = /^[ \t]+(#.*?)[ \t]*$/.exec(rest);
    return match?.[1];
  }

  /** The removal of an entry, with the comment at the end of its line kept on a line of its own, where it was. */
  private keepCommentLine(remove: TextEdit[], nodes: EntryNodes, comment: string): TextEdit[] | undefined {
    const keyStart = this.start(nodes.pair.key as Node);
    if (keyStart === undefined) return undefined;
    const lineStart = this.lines.lineStart(this.lines.lineOf(keyStart));
    const own = remove.find((r) => r.start === lineStart && r.newText === '');
    if (!own) return undefined;
    const indent = this.text.slice(lineStart, keyStart);
    return remove.map((r) => (r === own ? { ...r, newText: indent + comment + this.newline() } : r));
  }

  private newline(): string {
    return this.lines.newline;
  }
}

function nestFlow(first: string, children: string[]): string {
  // ['annotations:', '  key: "v"'] in flow style is `annotations: {key: "v"}`.
  if (children.length === 1) return `${first} {${children[0]}}`;
  const [head, ...rest] = children;
  return `${first} {${nestFlow(head, rest)}}`;
}

/** A stand-in node that keeps only where the original was written. */
function rangeOnly(node: unknown): Scalar | null {
  const range = (node as Node | null)?.range;
  if (!range) return null;
  const stand = new Scalar(null);
  stand.range = [range[0], range[1], range[2]];
  return stand;
}

/**
 * The outline of a map: its style, where it is written, and its first and last entries' positions. The
 * editor keeps this instead of the map, so that a workload does not hold its whole pod spec in memory
 * until the scan ends.
 */
export function mapOutline(map: YAMLMap | null): YAMLMap | null {
  if (!map) return null;
  const outline = new YamlMapNode();
  outline.flow = map.flow;
  outline.range = map.range;
  const ends = map.items.length > 1 ? [map.items[0], map.items[map.items.length - 1]] : map.items;
  outline.items = ends.map((pair) => new YamlPair(rangeOnly(pair.key), rangeOnly(pair.value)));
  return outline;
}
