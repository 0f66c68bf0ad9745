/**
 * A small syntax tree for Terraform, the same for native HCL (`.tf`, from tree-sitter) and JSON (`.tf.json`):
 * only what the reader and the editor need, with the offsets of every part. Offsets index the file's text
 * (UTF-16 code units), like the rest of the project.
 */

/**
 * A part of the text. The converters (native.ts, json.ts) write a node's range field by field
 * (`start: range.start, end: range.end`), never as `{ ...range, … }`: V8 gives each object built from a spread and
 * more fields its own hidden class, about 300 bytes apiece, which made the trees of a large scan take twice the
 * memory (the lint config forbids the spread there).
 */
export interface Range {
  start: number;
  end: number;
}

export type Literal = string | number | boolean | null;

export type Expr =
  /** A string without interpolation, a number, a bool or null. `quoted` for strings. */
  | (Range & { kind: 'literal'; value: Literal; heredoc?: boolean })
  /** A string with `${…}` interpolation: literal parts and expressions; `directive` when it has `%{…}`. */
  | (Range & { kind: 'template'; parts: (string | Expr)[]; directive: boolean })
  | (Range & { kind: 'object'; object: HclObject })
  | (Range & { kind: 'tuple'; items: Expr[] })
  /** `var.x`, `local.y[0]`, `alicloud_nat_gateway.main.snat_table_ids`, `count.index`. */
  | (Range & { kind: 'traversal'; root: string; steps: (string | number)[] })
  | (Range & { kind: 'call'; name: string; args: Expr[] })
  /** Anything else: conditionals, operators, for expressions, splats, a parenthesised expression. */
  | (Range & { kind: 'other'; text: string; why?: string });

/**
 * How deep the converters follow nested expressions and blocks. Terraform has no limit, but real files nest a few
 * levels; deeper parts are kept as unread expressions (`other`) so that no input can exhaust the stack.
 */
export const MAX_NESTING = 200;
export const TOO_DEEP = `it nests more than ${MAX_NESTING} levels deep and is not read`;

/**
 * A map-like part of the file: a block's body (`metadata { … }`), an object expression (`{ a = 1 }`) or a JSON
 * object. `open` is the offset just after its `{` and `close` the offset of its `}` (both equal to the text's
 * start and end for the file's top level).
 */
export interface HclObject extends Range {
  form: 'body' | 'object' | 'json';
  items: Item[];
  open: number;
  close: number;
}

/** An attribute, a block, an object element or a JSON property. */
export interface Item extends Range {
  /** The name or key; undefined when it is computed (`(var.key) = …`, `"${x}" = …`). */
  key: string | undefined;
  keyRange: Range;
  /** The key is written as a quoted string. */
  keyQuoted: boolean;
  /** An attribute's, element's or property's value. */
  value?: Expr;
  /** A block: its labels and body. */
  block?: { labels: string[]; labelRanges: Range[]; body: HclObject };
}

export interface ParsedHcl {
  top: HclObject;
  /** The first syntax error, when there is one; `from`: where the first top-level block it spoils starts. */
  error?: { message: string; range: Range; from: number };
}

/** Items with this key, in order. */
export function itemsNamed(object: HclObject | undefined, key: string): Item[] {
  return object ? object.items.filter((i) => i.key === key) : [];
}

/** The value of the first attribute (or object element, JSON property) with this key. */
export function attr(object: HclObject | undefined, key: string): Expr | undefined {
  if (!object) return undefined;
  for (const item of object.items) if (item.key === key && item.value) return item.value;
  return undefined;
}

export function attrItem(object: HclObject | undefined, key: string): Item | undefined {
  return object?.items.find((i) => i.key === key && i.value !== undefined);
}

/**
 * The nested sections with this name, whatever their syntax: repeated blocks (`container { … }`), an object
 * (`metadata = { … }`, a JSON object) or a list of objects (`containers = [{ … }]`, a JSON array of objects).
 */
export function sections(object: HclObject | undefined, key: string): HclObject[] {
  const out: HclObject[] = [];
  for (const item of itemsNamed(object, key)) {
    if (item.block) out.push(item.block.body);
    else if (item.value?.kind === 'object') out.push(item.value.object);
    else if (item.value?.kind === 'tuple') {
      for (const element of item.value.items) if (element.kind === 'object') out.push(element.object);
    }
  }
  return out;
}

export function section(object: HclObject | undefined, key: string): HclObject | undefined {
  return sections(object, key)[0];
}

/** The item that holds a section (the block, or the attribute whose value is the object). */
export function sectionItem(object: HclObject | undefined, key: string): Item | undefined {
  return itemsNamed(object, key).find((i) => i.block || i.value?.kind === 'object');
}

/** A resource (or other labelled top-level block) of a file. */
export interface TopBlock {
  /** `resource`, `data`, `variable`, `locals`, `module` … */
  type: string;
  labels: string[];
  body: HclObject;
  /** The block's whole range (for a JSON resource: its property). */
  range: Range;
  /** Where the block's type (or the JSON property's key) is written: findings about the block point here. */
  head: Range;
  item: Item;
}

/**
 * The top-level blocks of a file. Native HCL has them as blocks; JSON as nested properties
 * (`{"resource": {"type": {"name": {…}}}}`, where every level may also be an array of objects).
 */
export function topBlocks(parsed: ParsedHcl): TopBlock[] {
  const out: TopBlock[] = [];
  const top = parsed.top;
  if (top.form === 'body') {
    for (const item of top.items) {
      if (!item.block || item.key === undefined) continue;
      out.push({ type: item.key, labels: item.block.labels, body: item.block.body, range: item, head: item.keyRange, item });
    }
    return out;
  }
  const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, module: 1, output: 1, provider: 1, locals: 0 };
  for (const item of top.items) {
    if (item.key === undefined || !(item.key in LABELS)) continue;
    const depth = LABELS[item.key];
    const walk = (value: Expr | undefined, labels: string[], owner: Item) => {
      if (!value) return;
      if (value.kind === 'tuple') {
        for (const element of value.items) walk(element, labels, owner);
        return;
      }
      if (value.kind !== 'object') return;
      if (labels.length === depth) {
        out.push({ type: item.key!, labels, body: value.object, range: owner, head: owner.keyRange, item: owner });
        return;
      }
      for (const child of value.object.items) {
        if (child.key !== undefined) walk(child.value, [...labels, child.key], child);
      }
    };
    walk(item.value, [], item);
  }
  return out;
}
