import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { MAX_NESTING, TOO_DEEP, type Expr, type HclObject, type Item, type ParsedHcl, type Range } from './hcl.js';

/**
 * Parses Terraform's JSON syntax (`.tf.json`) into the same syntax tree as native HCL. Strings are templates
 * there: `"${var.replicas}"` is a reference, `"$${x}"` the literal `${x}`. Properties named `//` are comments.
 */
export function parseJsonHcl(text: string): ParsedHcl {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const empty: HclObject = { form: 'json', items: [], start: 0, end: text.length, open: 0, close: text.length };
  if (errors.length > 0 || !root) {
    const error = errors[0];
    const start = error?.offset ?? 0;
    const message = error ? `JSON syntax error: ${words(printParseErrorCode(error.error))}` : 'JSON syntax error: the file is empty';
    return { top: empty, error: { message, range: { start, end: start + (error?.length ?? 0) }, from: 0 } };
  }
  if (root.type !== 'object') {
    return { top: empty, error: { message: 'A .tf.json file must hold a JSON object', range: { start: root.offset, end: root.offset }, from: 0 } };
  }
  return { top: new JsonConverter(text).object(root) };
}

/** `CloseBraceExpected` → `close brace expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

class JsonConverter {
  /** How many objects and arrays the converter is inside (see MAX_NESTING). */
  private nesting = 0;

  constructor(private readonly text: string) {}

  object(node: JsonNode): HclObject {
    const end = node.offset + node.length;
    const object: HclObject = { form: 'json', items: [], start: node.offset, end, open: node.offset + 1, close: end - 1 };
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || typeof keyNode.value !== 'string' || keyNode.value === '//') continue;
      object.items.push({
        start: property.offset,
        end: property.offset + property.length,
        key: keyNode.value,
        keyRange: { start: keyNode.offset, end: keyNode.offset + keyNode.length },
        keyQuoted: true,
        value: valueNode ? this.value(valueNode) : undefined,
      } satisfies Item);
    }
    return object;
  }

  value(node: JsonNode): Expr {
    const range: Range = { start: node.offset, end: node.offset + node.length };
    if ((node.type === 'object' || node.type === 'array') && this.nesting >= MAX_NESTING) {
      return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, Math.min(range.end, range.start + 80)), why: TOO_DEEP };
    }
    this.nesting++;
    try {
      return this.valueHere(node, range);
    } finally {
      this.nesting--;
    }
  }

  private valueHere(node: JsonNode, range: Range): Expr {
    switch (node.type) {
      case 'object':
        return { start: range.start, end: range.end, kind: 'object', object: this.object(node) };
      case 'array':
        return { start: range.start, end: range.end, kind: 'tuple', items: (node.children ?? []).map((c) => this.value(c)) };
      case 'string':
        return this.template(node, range);
      case 'number':
      case 'boolean':
      case 'null':
        return { start: range.start, end: range.end, kind: 'literal', value: node.value as number | boolean | null };
    }
    return { start: range.start, end: range.end, kind: 'other', text: this.text.slice(range.start, range.end) };
  }

  /** A JSON string is an HCL template. Interpolations are read when the string has no JSON escapes. */
  private template(node: JsonNode, range: Range): Expr {
    const value = node.value as string;
    if (!value.includes('${') && !value.includes('%{')) return { start: range.start, end: range.end, kind: 'literal', value };
    const raw = this.text.slice(range.start + 1, range.end - 1);
    const base = raw === value ? range.start + 1 : undefined;
    const parts: (string | Expr)[] = [];
    let directive = false;
    let literal = '';
    let i = 0;
    while (i < value.length) {
      if (value.startsWith('$${', i) || value.startsWith('%%{', i)) {
        literal += value[i + 1] + '{';
        i += 3;
        continue;
      }
      if (value.startsWith('${', i) || value.startsWith('%{', i)) {
        const close = matchingBrace(value, i + 2);
        if (close === -1) return { start: range.start, end: range.end, kind: 'other', text: value };
        if (literal) parts.push(literal);
        literal = '';
        const inner = value.slice(i + 2, close);
        const at = base === undefined ? range : { start: base + i, end: base + close + 1 };
        if (value[i] === '%' || inner.startsWith('~') || inner.endsWith('~')) directive = true;
        parts.push(parseSimpleExpression(inner.trim(), at));
        i = close + 1;
        continue;
      }
      literal += value[i];
      i++;
    }
    if (literal) parts.push(literal);
    if (!directive && parts.every((p) => typeof p === 'string')) return { start: range.start, end: range.end, kind: 'literal', value: parts.join('') };
    return { start: range.start, end: range.end, kind: 'template', parts, directive };
  }
}

/** The offset of the `}` that closes an interpolation whose content starts at `from`, or -1. */
function matchingBrace(text: string, from: number): number {
  let depth = 0;
  let quote = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === '"') quote = false;
    } else if (c === '"') quote = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const TRAVERSAL = /^([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\.\d+|\[\d+\]|\["[^"\\]*"\])*)$/;

/** The expressions of a JSON template that can be resolved: literals and traversals; anything else is `other`. */
function parseSimpleExpression(text: string, range: Range): Expr {
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return { start: range.start, end: range.end, kind: 'literal', value: Number(text) };
  if (text === 'true' || text === 'false') return { start: range.start, end: range.end, kind: 'literal', value: text === 'true' };
  if (text === 'null') return { start: range.start, end: range.end, kind: 'literal', value: null };
  const match = TRAVERSAL.exec(text);
  if (!match) return { start: range.start, end: range.end, kind: 'other', text };
  const steps: (string | number)[] = [];
  for (const step of match[2].matchAll(/\.([A-Za-z_][\w-]*)|\.(\d+)|\[(\d+)\]|\["([^"\\]*)"\]/g)) {
    steps.push(step[1] ?? (step[2] !== undefined ? Number(step[2]) : step[3] !== undefined ? Number(step[3]) : step[4]));
  }
  return { start: range.start, end: range.end, kind: 'traversal', root: match[1], steps };
}
