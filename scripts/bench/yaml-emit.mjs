// A small block-style YAML writer for the synthetic repository. It writes the styles found in real
// manifests (indentation of 2 or 4, indented or flush sequences, either quote style, block and folded
// plain scalars, flow collections, anchors, comments) and lets a value be written verbatim, e.g. an
// unquoted `true` where a string is expected.

/** Written exactly as given (e.g. `true` unquoted, `*alias`). */
export class Raw {
  constructor(text) {
    this.text = text;
  }
}
/** A block scalar: style `|`, `|-`, `>` … */
export class Block {
  constructor(text, style = '|') {
    this.text = text;
    this.style = style;
  }
}
/** A plain scalar folded over several lines (older controller-gen output). The text must be safe as plain. */
export class Wrapped {
  constructor(text, width = 80) {
    this.text = text;
    this.width = width;
  }
}
/** A collection in flow style: `[a, b]`, `{a: 1}`. */
export class Flow {
  constructor(value) {
    this.value = value;
  }
}
/** `&name value` */
export class Anchor {
  constructor(name, value) {
    this.name = name;
    this.value = value;
  }
}

export const raw = (text) => new Raw(text);
export const block = (text, style) => new Block(text, style);
export const wrapped = (text, width) => new Wrapped(text, width);
export const flow = (value) => new Flow(value);
export const anchor = (name, value) => new Anchor(name, value);

let commentCounter = 0;
/** A map key that is written as a comment line: `{ [comment()]: 'text' }`. */
export function comment() {
  return `#${++commentCounter}`;
}

const SPECIAL_PLAIN =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
/** Plain scalars that YAML 1.1 or 1.2 reads as numbers (Kubernetes decodes with YAML 1.1 rules). */
const NUMBER_LIKE = [
  /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*)$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
];

export function needsQuotes(text) {
  return (
    text === '' ||
    SPECIAL_PLAIN.test(text) ||
    NUMBER_LIKE.some((re) => re.test(text)) ||
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) ||
    /[\s]$/.test(text) ||
    /: |:$| #|[\n\r\t{}[\]\\]/.test(text) ||
    /[\u0000-\u001f\u007f-\u009f]/.test(text)
  );
}

export function quote(text, style) {
  if (style === "'" && !/[\n\r\t\u0000-\u001f]/.test(text)) return `'${text.replace(/'/g, "''")}'`;
  return JSON.stringify(text);
}

export class Emitter {
  /**
   * @param {{ indent?: number, seqIndent?: boolean, quote?: '"' | "'" }} options
   *   indent: spaces per level; seqIndent: items of a sequence indented under their key (else flush, kubectl style).
   */
  constructor(options = {}) {
    this.indent = options.indent ?? 2;
    this.seqIndent = options.seqIndent ?? true;
    this.quoteStyle = options.quote ?? '"';
  }

  /** One document (no `---`), ending with a newline. */
  document(value) {
    const lines = [];
    if (Array.isArray(value)) this.seq(value, 0, lines);
    else this.map(value, 0, lines);
    return lines.join('\n') + '\n';
  }

  scalar(value) {
    if (value === null || value === undefined) return 'null';
    if (value instanceof Raw) return value.text;
    if (value instanceof Flow) return this.flow(value.value);
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    const text = String(value);
    return needsQuotes(text) ? quote(text, this.quoteStyle) : text;
  }

  key(key) {
    return needsQuotes(key) ? quote(key, this.quoteStyle) : key;
  }

  flow(value) {
    if (Array.isArray(value)) return `[${value.map((v) => this.flow(v)).join(', ')}]`;
    if (value && typeof value === 'object' && !(value instanceof Raw)) {
      const entries = Object.entries(value).map(([k, v]) => `${this.key(k)}: ${this.flow(v)}`);
      return `{${entries.join(', ')}}`;
    }
    if (typeof value === 'string') return needsQuotes(value) || /[,]/.test(value) ? quote(value, this.quoteStyle) : value;
    return this.scalar(value);
  }

  isScalar(value) {
    return (
      value === null ||
      value === undefined ||
      typeof value !== 'object' ||
      value instanceof Raw ||
      value instanceof Flow
    );
  }

  blockLines(text, column, lines) {
    const pad = ' '.repeat(column);
    for (const line of text.replace(/\n$/, '').split('\n')) lines.push(line === '' ? '' : pad + line);
  }

  wrappedLines(first, text, width, column, lines) {
    const words = text.split(' ');
    let line = first;
    let started = false;
    const pad = ' '.repeat(column);
    for (const word of words) {
      if (started && line.length + 1 + word.length > width) {
        lines.push(line);
        line = pad + word;
      } else {
        line += (started ? ' ' : '') + word;
      }
      started = true;
    }
    lines.push(line);
  }

  /** `key: value` lines of a map written at `column`. */
  map(object, column, lines) {
    const pad = ' '.repeat(column);
    for (const [k, v0] of Object.entries(object)) {
      if (k.startsWith('#')) {
        lines.push(`${pad}# ${v0}`);
        continue;
      }
      let v = v0;
      let tag = '';
      if (v instanceof Anchor) {
        tag = ` &${v.name}`;
        v = v.value;
      }
      const key = this.key(k);
      if (v === null || v === undefined) {
        lines.push(`${pad}${key}:${tag}`);
      } else if (v instanceof Block) {
        lines.push(`${pad}${key}:${tag} ${v.style}`);
        this.blockLines(v.text, column + this.indent, lines);
      } else if (v instanceof Wrapped) {
        this.wrappedLines(`${pad}${key}:${tag} `, v.text, v.width, column + this.indent, lines);
      } else if (this.isScalar(v)) {
        lines.push(`${pad}${key}:${tag} ${this.scalar(v)}`);
      } else if (Array.isArray(v)) {
        if (v.length === 0) lines.push(`${pad}${key}:${tag} []`);
        else {
          lines.push(`${pad}${key}:${tag}`);
          this.seq(v, this.seqIndent ? column + this.indent : column, lines);
        }
      } else if (Object.keys(v).length === 0) {
        lines.push(`${pad}${key}:${tag} {}`);
      } else {
        lines.push(`${pad}${key}:${tag}`);
        this.map(v, column + this.indent, lines);
      }
    }
  }

  /** `- item` lines of a sequence written at `column`. */
  seq(items, column, lines) {
    const pad = ' '.repeat(column);
    for (const item of items) {
      if (item instanceof Block) {
        lines.push(`${pad}- ${item.style}`);
        this.blockLines(item.text, column + this.indent, lines);
      } else if (this.isScalar(item)) {
        lines.push(`${pad}- ${this.scalar(item)}`);
      } else if (Array.isArray(item)) {
        lines.push(`${pad}-`);
        this.seq(item, column + this.indent, lines);
      } else if (Object.keys(item).length === 0) {
        lines.push(`${pad}- {}`);
      } else {
        const start = lines.length;
        this.map(item, column + 2, lines);
        lines[start] = `${pad}- ${lines[start].slice(column + 2)}`;
      }
    }
  }
}

/** Joins documents into a stream; `header` lines (comments) go first. */
export function stream(documents, { header = [], leadingMarker = false } = {}) {
  const parts = [];
  for (const line of header) parts.push(`# ${line}\n`);
  documents.forEach((doc, i) => {
    if (i > 0 || leadingMarker) parts.push('---\n');
    parts.push(doc);
  });
  return parts.join('');
}
