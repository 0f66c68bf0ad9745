/**
 * Escapes for text that ends up in a terminal or a CI log. File names, workload names and values come from the
 * repository, which may be an attacker's pull request: they must not move the cursor, clear the screen, reorder
 * what is shown (bidi overrides), add lines of their own, or become workflow commands in a GitHub Actions log.
 * `escapeMarkdown` (below) is the one escape for the Markdown surfaces; the others are for text.
 */

/**
 * C0 and C1 control characters, DEL, and the format characters that reorder or hide text: the Arabic letter mark,
 * zero-width characters, directional marks, line and paragraph separators, bidi embeddings, overrides and
 * isolates, word joiners and invisible operators, the byte order mark and the interlinear annotation characters.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\x1b' };

function hex(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of text, safe to print: every control or reordering character shown as a visible escape (`\n`, `\x1b`, `\u202e`). */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? hex(char));
}

/**
 * A line the GitHub runner would take as a workflow command (`::error::…`, or the older `##[…]`) once leading
 * blanks are trimmed, with its first character escaped so that it is printed as text.
 */
export function escapeCommandStart(line: string): string {
  return line.replace(/^(\s*)(?=::|##\[)(.)/u, (_m, blank: string, first: string) => `${blank}${hex(first)}`);
}

/**
 * Text for a log line by line: each line escaped (controls, bidi) and kept from starting a workflow command. The
 * line breaks of `text` itself are kept, so this is for text whose values were escaped already or that has none.
 */
export function escapeLog(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeCommandStart(escapeTerminal(line)))
    .join('\n');
}

/**
 * A copy of a value with every string in it escaped with `escapeTerminal` (plain objects and arrays are copied;
 * other objects are kept as they are). Reports for terminals run over such a copy, so that no value reaches the
 * output raw, whichever field a reporter prints.
 */
export function escapeStrings<T>(value: T, seen = new Map<object, unknown>()): T {
  if (typeof value === 'string') return escapeTerminal(value) as T;
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(escapeStrings(item, seen));
    return copy as T;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = escapeStrings(item, seen);
  return copy as T;
}

/** At most `max` characters (code points, so that no emoji is cut in half) of a text, with `…` when cut. */
function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** At most `max` characters of a value for an error message, escaped, with `…` when cut. */
export function excerpt(text: string, max = 40): string {
  return escapeTerminal(shorten(text, max));
}

/**
 * At most `max` characters of a line of input for an error message, as a JSON string: quoted, so that where the
 * line starts and ends is plain, with its control characters shown as JSON escapes.
 */
export function quotedExcerpt(text: string, max = 40): string {
  // JSON escapes C0 controls; C1 controls (a lone CSI) and bidirectional overrides are escaped too.
  return JSON.stringify(shorten(text, max)).replace(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The one escape for text from the repository or the config (paths, names, values, messages that quote them,
 * reasons) on every Markdown surface: the Markdown report, the job summary, the check run and the pull-request
 * comment. GitHub renders all of them as GFM and then adds its own links, so the escape has to defeat both:
 * - HTML and Markdown syntax (`<img>`, `[z](http://evil)`, `![x](…)`, `|` in a table, headings, emphasis);
 * - GFM autolinks (`<http://…>`, bare `http://…`, `www.…`, `a@b.example`) and GitHub's references
 *   (`@someone`, `#12`), broken with a zero-width space that readers do not see;
 * - bidirectional controls (U+202E reverses what follows it on screen) and other control characters, shown as
 *   their code point so that nothing hides or reorders the text around them.
 * Strings are escaped exactly once, where they enter Markdown; the surfaces never escape twice.
 */
const ZWSP = '\u200b';

// Bidi embeddings, overrides and isolates, the marks, and C0/C1 controls other than the tab.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~^$])/g, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:/${ZWSP}/`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/#(?=\w)/g, `#${ZWSP}`);
}
