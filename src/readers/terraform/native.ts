import type { Node, TreeCursor } from 'web-tree-sitter';
import { MAX_NESTING, TOO_DEEP, type Expr, type HclObject, type Item, type ParsedHcl, type Range } from './hcl.js';
import { parseHclTree } from './wasm.js';

/**
 * How much of a top-level block to convert: `false` keeps only its type, labels and range; `true` converts it in
 * full; a set of names converts, at every depth of its block bodies, only the attributes and blocks with those
 * names (the others keep their name and range, enough for the editor to place new lines). Expressions are always
 * converted in full.
 */
export type BlockFilter = (type: string, labels: string[]) => boolean | ReadNames;

/**
 * The names of the attributes and blocks to convert inside a block; a name mapped to a pattern is converted only
 * when its source text matches it (`env` only when it holds a URL, say).
 */
export type ReadNames = ReadonlyMap<string, true | RegExp>;

/**
 * Parses native HCL with tree-sitter and converts it into the small syntax tree of hcl.ts. Only the top-level
 * blocks that `wanted` accepts are converted in full; tree-sitter's own tree is freed before returning.
 */
export function parseNativeHcl(text: string, wanted: BlockFilter = () => true): ParsedHcl {
  const tree = parseHclTree(maskIntegerExponents(text));
  const cursor = tree.walk();
  try {
    const root = tree.rootNode;
    const error = root.hasError ? firstError(root, text) : undefined;
    const top: HclObject = { form: 'body', items: [], start: 0, end: text.length, open: 0, close: text.length };
    if (cursor.nodeType === 'config_file') {
      const converter = new Converter(text, cursor);
      converter.each(() => {
        if (cursor.nodeType === 'body') top.items = converter.bodyItems(wanted);
      });
    }
    return { top, error };
  } finally {
    cursor.delete();
    tree.delete();
  }
}

/**
 * The first ERROR or MISSING node, in text order, as a message and a range, and `from`: the start of the top-level
 * block that holds it (that block and the ones after it are not read).
 */
function firstError(root: Node, text: string): ParsedHcl['error'] {
  let node: Node | null = root;
  let parent: Node | null = null;
  let from: number | undefined;
  while (node) {
    if (from === undefined && parent?.type === 'body' && parent.parent?.type === 'config_file') from = node.startIndex;
    if (node.isMissing) {
      const atEnd = text.slice(node.startIndex).trim() === '';
      // The missing `}` of a block (tree-sitter: a block_end holding a missing `}`).
      const block = node.type === 'block_end' ? parent : parent?.type === 'block_end' ? parent.parent : null;
      if (block?.type === 'block') {
        // As HashiCorp's parser does: point at the `{` of the block that is never closed.
        const open = block.children.find((c) => c.type === 'block_start') ?? block;
        const message = atEnd
          ? 'HCL syntax error: this block has no closing brace before the end of the file (check the brace nesting above)'
          : 'HCL syntax error: missing `}` for this block';
        return { message, range: { start: open.startIndex, end: open.endIndex }, from: from ?? node.startIndex };
      }
      // Nothing after `=`: tree-sitter invents the start of a value on a later line; HCL points after the `=`.
      const before = text.slice(0, node.startIndex).trimEnd();
      if (before.endsWith('=')) {
        return { message: 'HCL syntax error: a value is expected after `=`', range: { start: before.length, end: before.length }, from: from ?? node.startIndex };
      }
      return { message: `HCL syntax error: missing ${describeToken(node.type)}`, range: { start: node.startIndex, end: node.startIndex }, from: from ?? node.startIndex };
    }
    if (node.type === 'ERROR') {
      // An unfinished construct (`command = ["sh",` then `}`): the error is the token after it, as HCL says.
      const last = node.lastChild;
      if (last && /^[,[{(=:?]$/.test(last.type)) {
        const next = node.endIndex + (text.slice(node.endIndex).length - text.slice(node.endIndex).trimStart().length);
        if (next < text.length) {
          const token = /^(?:[\w.-]+|\S)/.exec(text.slice(next))![0];
          return { message: `HCL syntax error: unexpected \`${token}\``, range: { start: next, end: next + token.length }, from: from ?? node.startIndex };
        }
      }
      const written = text.slice(node.startIndex, node.endIndex);
      const first = written.trim().split('\n')[0].trim().slice(0, 40);
      const message = first ? `HCL syntax error: unexpected \`${first}\`` : 'HCL syntax error';
      const lineEnd = text.indexOf('\n', node.startIndex);
      return {
        message,
        range: { start: node.startIndex, end: Math.min(node.endIndex, lineEnd === -1 ? text.length : lineEnd) },
        from: from ?? node.startIndex,
      };
    }
    let next: Node | null = null;
    for (const child of node.children) {
      if (child.hasError || child.isMissing || child.type === 'ERROR') {
        next = child;
        break;
      }
    }
    if (!next) break;
    parent = node;
    node = next;
  }
  return { message: 'HCL syntax error', range: { start: 0, end: 0 }, from: 0 };
}

function describeToken(type: string): string {
  const names: Record<string, string> = { block_end: '`}`', object_end: '`}`', tuple_end: '`]`', quoted_template_end: 'closing `"`' };
  return names[type] ?? (/^[\w]+$/.test(type) ? type.replace(/_/g, ' ') : `\`${type}\``);
}

/**
 * Converts tree-sitter's tree with a cursor: no Node objects are made for the nodes it walks, which keeps the
 * conversion a small share of the parse. Every method starts and ends with the cursor on the same node.
 */
class Converter {
  /** How many expressions and blocks the cursor is inside (see MAX_NESTING). */
  private nesting = 0;

  constructor(
    private readonly text: string,
    private readonly c: TreeCursor,
  ) {}

  /** Calls `visit` with the cursor on each child of the current node in turn. */
  each(visit: () => void): void {
    const c = this.c;
    if (!c.gotoFirstChild()) return;
    do visit();
    while (c.gotoNextSibling());
    c.gotoParent();
  }

  /** The end of the current node's parent, without moving. */
  private endOfParent(): number {
    const c = this.c;
    c.gotoParent();
    const end = c.endIndex;
    c.gotoFirstChild();
    return end;
  }

  private range(): Range {
    return { start: this.c.startIndex, end: this.c.endIndex };
  }

  private nodeText(): string {
    return this.text.slice(this.c.startIndex, this.c.endIndex);
  }

  /** An expression that is not read (an operator, a conditional, a splat …): its text as written. */
  private asWritten(range: Range): Expr {
    return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, range.end) };
  }

  /**
   * The attributes and blocks of a body (the cursor on a `body`). `wanted` decides for each block how much of it to
   * convert; the top level passes the BlockFilter, nested levels the set of names.
   */
  bodyItems(wanted: BlockFilter | ReadNames | undefined): Item[] {
    const c = this.c;
    const items: Item[] = [];
    const only = wanted instanceof Map ? (wanted as ReadNames) : undefined;
    this.each(() => {
      const type = c.nodeType;
      if (type !== 'attribute' && type !== 'block') return;
      if (only) {
        // The name is the first child of an attribute or a block.
        c.gotoFirstChild();
        const isName = (c.nodeType as string) === 'identifier';
        const nameStart = c.startIndex;
        const nameEnd = c.endIndex;
        const key = this.text.slice(nameStart, nameEnd);
        const guard = only.get(key);
        if (isName && (guard === undefined || (guard !== true && !guard.test(this.text.slice(c.startIndex, this.endOfParent()))))) {
          // Not read: its name and range only (a dynamic block keeps its label, for the reader to notice it).
          let label: Range | undefined;
          if (key === 'dynamic' && c.gotoNextSibling() && (c.nodeType as string) === 'string_lit') label = this.range();
          c.gotoParent();
          const range = this.range();
          const item: Item = { start: range.start, end: range.end, key, keyRange: { start: nameStart, end: nameEnd }, keyQuoted: false };
          if (label) {
            const empty: HclObject = { form: 'body', items: [], start: range.end, end: range.end, open: range.end, close: range.end };
            item.block = { labels: [decodeQuoted(this.text.slice(label.start + 1, label.end - 1))], labelRanges: [label], body: empty };
          }
          items.push(item);
          return;
        }
        c.gotoParent();
      }
      const item = type === 'attribute' ? this.attribute() : this.block(only ?? (wanted as BlockFilter | undefined));
      if (item) items.push(item);
    });
    return items;
  }

  attribute(): Item | undefined {
    const c = this.c;
    const range = this.range();
    if (!c.gotoFirstChild()) return undefined;
    let name: Range | undefined;
    let value: Expr | undefined;
    do {
      const type = c.nodeType;
      if (!name && type === 'identifier') name = this.range();
      else if (type === 'expression') {
        value = this.expression();
        break;
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    if (!name) return undefined;
    return { start: range.start, end: range.end, key: this.text.slice(name.start, name.end), keyRange: name, keyQuoted: false, value };
  }

  block(wanted: BlockFilter | ReadNames | undefined): Item | undefined {
    // Blocks nested past the limit keep their name and range only, like blocks the reader does not need.
    if (this.nesting >= MAX_NESTING) wanted = new Map();
    this.nesting++;
    try {
      return this.blockHere(wanted);
    } finally {
      this.nesting--;
    }
  }

  private blockHere(wanted: BlockFilter | ReadNames | undefined): Item | undefined {
    const c = this.c;
    const range = this.range();
    let type: Range | undefined;
    const labels: string[] = [];
    const labelRanges: Range[] = [];
    let open = range.end;
    let close = range.end;
    let items: Item[] = [];
    this.each(() => {
      const nodeType = c.nodeType;
      if (!type) {
        if (nodeType === 'identifier') type = this.range();
        return;
      }
      if (nodeType === 'string_lit') {
        labels.push(decodeQuoted(this.text.slice(c.startIndex + 1, c.endIndex - 1)));
        labelRanges.push(this.range());
      } else if (nodeType === 'identifier') {
        labels.push(this.nodeText());
        labelRanges.push(this.range());
      } else if (nodeType === 'block_start') open = c.endIndex;
      else if (nodeType === 'block_end') close = c.startIndex;
      else if (nodeType === 'body') {
        const keep = wanted === undefined ? true : wanted instanceof Map ? wanted : (wanted as BlockFilter)(this.text.slice(type.start, type.end), labels);
        if (keep !== false) items = this.bodyItems(keep === true ? undefined : keep);
      }
    });
    if (!type) return undefined;
    const body: HclObject = { form: 'body', items, start: open - 1, end: close + 1, open, close };
    return { start: range.start, end: range.end, key: this.text.slice(type.start, type.end), keyRange: type, keyQuoted: false, block: { labels, labelRanges, body } };
  }

  /** The cursor on an `expression` (or on a node that is one by itself). */
  expression(): Expr {
    const range = this.range();
    if (this.nesting >= MAX_NESTING) return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, Math.min(range.end, range.start + 80)), why: TOO_DEEP };
    this.nesting++;
    try {
      return this.expressionHere(range);
    } finally {
      this.nesting--;
    }
  }

  private expressionHere(range: Range): Expr {
    const c = this.c;
    // Most values are plain literals or references: read from the text, without walking their nodes.
    const simple = simpleExpression(this.text.slice(range.start, range.end), range);
    if (simple) return simple;
    if (c.nodeType !== 'expression') return this.single(range);
    if (!c.gotoFirstChild()) return { start: range.start, end: range.end, kind: 'other', text: this.nodeText() };
    let result: Expr;
    if (!c.gotoNextSibling()) {
      result = this.single(range);
    } else {
      c.gotoPreviousSibling();
      const first: string = c.nodeType;
      result = first === 'variable_expr' ? this.traversal(range) : this.asWritten(range);
    }
    c.gotoParent();
    return result;
  }

  /** The cursor on the only child of an expression. */
  private single(range: Range): Expr {
    const c = this.c;
    switch (c.nodeType) {
      case 'literal_value':
        return this.literal(range);
      case 'template_expr':
        return this.inFirstChild(() => this.template(range)) ?? { start: range.start, end: range.end, kind: 'other', text: this.nodeText() };
      case 'collection_value':
        return this.inFirstChild(() => this.collection(range)) ?? { start: range.start, end: range.end, kind: 'other', text: this.nodeText() };
      case 'variable_expr':
        return { start: range.start, end: range.end, kind: 'traversal', root: this.nodeText(), steps: [] };
      case 'function_call':
        return this.call(range);
      case 'expression':
        return this.expression();
    }
    return this.asWritten(range);
  }

  private inFirstChild<T>(fn: () => T): T | undefined {
    if (!this.c.gotoFirstChild()) return undefined;
    const result = fn();
    this.c.gotoParent();
    return result;
  }

  /** The cursor on the `variable_expr` that starts a traversal; its siblings are the steps. */
  private traversal(range: Range): Expr {
    const c = this.c;
    const root = this.nodeText();
    const steps: (string | number)[] = [];
    let ok = true;
    while (ok && c.gotoNextSibling()) {
      const step = this.step();
      if (step === undefined) ok = false;
      else steps.push(step);
    }
    if (!ok) return this.asWritten(range);
    return { start: range.start, end: range.end, kind: 'traversal', root, steps };
  }

  /** `.name`, `[0]`, `["key"]`, `.0` of a traversal; undefined for splats and computed indexes. */
  private step(): string | number | undefined {
    const c = this.c;
    let out: string | number | undefined;
    if (c.nodeType === 'get_attr') {
      this.each(() => {
        if (c.nodeType === 'identifier') out = this.nodeText();
      });
    } else if (c.nodeType === 'index') {
      this.each(() => {
        if (c.nodeType === 'legacy_index') {
          const digits = /\d+/.exec(this.nodeText());
          out = digits ? Number(digits[0]) : undefined;
        } else if (c.nodeType === 'new_index') {
          this.each(() => {
            if (c.nodeType !== 'expression') return;
            const value = this.expression();
            if (value.kind === 'literal' && (typeof value.value === 'number' || typeof value.value === 'string')) out = value.value;
          });
        }
      });
    }
    return out;
  }

  /** The cursor on a `literal_value`. */
  private literal(range: Range): Expr {
    const c = this.c;
    let out: Expr | undefined;
    this.each(() => {
      if (out) return;
      const start = c.startIndex;
      const end = c.endIndex;
      switch (c.nodeType) {
        case 'numeric_lit':
          out = { start: range.start, end: range.end, kind: 'literal', value: Number(this.text.slice(start, end)) };
          break;
        case 'bool_lit':
          out = { start: range.start, end: range.end, kind: 'literal', value: this.text.slice(start, end) === 'true' };
          break;
        case 'null_lit':
          out = { start: range.start, end: range.end, kind: 'literal', value: null };
          break;
        case 'string_lit':
          out = { start: range.start, end: range.end, kind: 'literal', value: decodeQuoted(this.text.slice(start + 1, end - 1)) };
          break;
      }
    });
    return out ?? this.asWritten(range);
  }

  /** The cursor on a `quoted_template` or `heredoc_template`. */
  private template(outer: Range): Expr {
    const c = this.c;
    const range = outer;
    if (c.nodeType === 'heredoc_template') return this.heredoc(range);
    if (c.nodeType !== 'quoted_template') return this.asWritten(range);
    // Literal parts are the raw text between the interpolations: tree-sitter does not cover every byte of them.
    const parts: (string | Expr)[] = [];
    let directive = false;
    let at = c.startIndex + 1;
    const end = c.endIndex - 1;
    this.each(() => {
      const type = c.nodeType;
      if (type !== 'template_interpolation' && type !== 'template_directive') return;
      if (c.startIndex > at) parts.push(decodeQuoted(this.text.slice(at, c.startIndex)));
      const written = this.nodeText();
      if (type === 'template_directive' || /^\$\{~|~\}$/.test(written)) directive = true;
      let expression: Expr | undefined;
      this.each(() => {
        if (!expression && c.nodeType === 'expression') expression = this.expression();
      });
      parts.push(expression ?? { start: c.startIndex, end: c.endIndex, kind: 'other', text: written });
      at = c.endIndex;
    });
    if (end > at) parts.push(decodeQuoted(this.text.slice(at, end)));
    if (!directive && parts.every((p) => typeof p === 'string')) {
      return { start: range.start, end: range.end, kind: 'literal', value: parts.join('') };
    }
    return { start: range.start, end: range.end, kind: 'template', parts, directive };
  }

  /** A heredoc without interpolation is a literal string; with one it is not resolved. */
  private heredoc(range: Range): Expr {
    const c = this.c;
    let flush = false;
    let interpolated = false;
    const markers: Range[] = [];
    this.each(() => {
      const type = c.nodeType;
      if (type === 'heredoc_start') flush = this.nodeText() === '<<-';
      else if (type === 'heredoc_identifier') markers.push(this.range());
      else if (type === 'template_interpolation' || type === 'template_directive') interpolated = true;
    });
    if (markers.length < 2 || interpolated) return this.asWritten(range);
    const afterOpen = this.text.indexOf('\n', markers[0].end);
    const closeLineStart = this.text.lastIndexOf('\n', markers[markers.length - 1].start - 1) + 1;
    let content = afterOpen === -1 || closeLineStart <= afterOpen ? '' : this.text.slice(afterOpen + 1, closeLineStart);
    content = content.replace(/\r\n/g, '\n');
    if (flush) content = dedent(content);
    content = content.replace(/\$\$\{/g, () => '${').replace(/%%\{/g, () => '%{');
    return { start: range.start, end: range.end, kind: 'literal', value: content, heredoc: true };
  }

  /** The cursor on a `tuple` or `object`. */
  private collection(range: Range): Expr {
    const c = this.c;
    if (c.nodeType === 'tuple') {
      const items: Expr[] = [];
      this.each(() => {
        if (c.nodeType === 'expression') items.push(this.expression());
      });
      return { start: range.start, end: range.end, kind: 'tuple', items };
    }
    if (c.nodeType === 'object') {
      const object: HclObject = { form: 'object', items: [], start: range.start, end: range.end, open: range.start + 1, close: range.end - 1 };
      this.each(() => {
        const type = c.nodeType;
        if (type === 'object_start') object.open = c.endIndex;
        else if (type === 'object_end') object.close = c.startIndex;
        else if (type === 'object_elem') {
          const item = this.element();
          if (item) object.items.push(item);
        }
      });
      return { start: range.start, end: range.end, kind: 'object', object };
    }
    return this.asWritten(range);
  }

  private element(): Item | undefined {
    const c = this.c;
    const range = this.range();
    const expressions: Expr[] = [];
    this.each(() => {
      if (c.nodeType === 'expression') expressions.push(this.expression());
    });
    if (expressions.length < 2) return undefined;
    const [keyExpr, value] = expressions;
    let key: string | undefined;
    let keyQuoted = false;
    if (keyExpr.kind === 'traversal' && keyExpr.steps.length === 0) key = keyExpr.root;
    else if (keyExpr.kind === 'literal' && typeof keyExpr.value === 'string') {
      key = keyExpr.value;
      keyQuoted = true;
    } else if (keyExpr.kind === 'literal' && keyExpr.value !== null) key = String(keyExpr.value);
    return { start: range.start, end: range.end, key, keyRange: { start: keyExpr.start, end: keyExpr.end }, keyQuoted, value };
  }

  /** The cursor on a `function_call`. */
  private call(range: Range): Expr {
    const c = this.c;
    let name = '';
    const args: Expr[] = [];
    let expands = false;
    this.each(() => {
      if (c.nodeType === 'identifier' && !name) name = this.nodeText();
      else if (c.nodeType === 'function_arguments') {
        this.each(() => {
          if (c.nodeType === 'expression') args.push(this.expression());
          else if (c.nodeType === 'ellipsis' || this.nodeText() === '...') expands = true;
        });
      }
    });
    // `f(list...)` expands its last argument: not resolved.
    if (expands) return this.asWritten(range);
    return { start: range.start, end: range.end, kind: 'call', name, args };
  }
}

/**
 * A number written with an exponent and no fraction (`1e3`, `2E+9`): HCL reads it as one number (1000), but the
 * tree-sitter grammar only knows exponents after a fraction (`1.5e3`) and splits `1e3` into `1` and a name, losing
 * the rest of the block. Not after a name character, a dot, or a name and a dash (`web-1e3` is one name).
 */
const INTEGER_EXPONENT = /(?<![\w.])(?<![A-Za-z_][\w-]*-)\d+[eE][+-]?\d+(?![\w.])/g;

/**
 * The text tree-sitter is given: each integer with an exponent replaced by as many `1`s, so the grammar sees a plain
 * number at the same offsets. The converter reads every value from the real text, so `1e3` is still 1000.
 * (Inside a string or a comment the replacement changes nothing the converter reads.)
 */
export function maskIntegerExponents(text: string): string {
  if (!/\d[eE]/.test(text)) return text;
  return text.replace(INTEGER_EXPONENT, (number) => '1'.repeat(number.length));
}

const PLAIN_STRING = /^"[^"\\\n$%]*"$/;
const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;
const PLAIN_TRAVERSAL = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;

/**
 * The expressions whose meaning the text alone gives: a string without escapes or templates, a decimal number,
 * a bool, null, a reference made of names (`var.replicas`). Undefined for anything else (the tree then decides).
 */
function simpleExpression(text: string, range: Range): Expr | undefined {
  const first = text.charCodeAt(0);
  if (first === 34 /* " */) return PLAIN_STRING.test(text) ? { start: range.start, end: range.end, kind: 'literal', value: text.slice(1, -1) } : undefined;
  if (first >= 48 && first <= 57) return PLAIN_NUMBER.test(text) ? { start: range.start, end: range.end, kind: 'literal', value: Number(text) } : undefined;
  if (text === 'true' || text === 'false') return { start: range.start, end: range.end, kind: 'literal', value: text === 'true' };
  if (text === 'null') return { start: range.start, end: range.end, kind: 'literal', value: null };
  if (!PLAIN_TRAVERSAL.test(text)) return undefined;
  const [root, ...steps] = text.split('.');
  return { start: range.start, end: range.end, kind: 'traversal', root, steps };
}

/** Decodes the escapes of a quoted HCL string: `\n`, `\"`, `\\`, `\uNNNN`, `$${` and `%%{`. */
export function decodeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(/\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))|\$\$\{|%%\{/g, (match, u4: string, u8: string, c: string) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    if (u4) return String.fromCharCode(parseInt(u4, 16));
    if (u8) return String.fromCodePoint(parseInt(u8, 16));
    switch (c) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      default:
        return match;
    }
  });
}

/** A flush heredoc (`<<-`) loses the smallest indentation of its non-blank lines. */
function dedent(content: string): string {
  const lines = content.split('\n');
  const last = lines.pop() ?? '';
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const strip = indents.length > 0 ? Math.min(...indents) : 0;
  return [...lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)![0].length))), last].join('\n');
}
