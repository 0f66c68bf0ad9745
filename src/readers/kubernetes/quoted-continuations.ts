import jsYaml from 'js-yaml';

/**
 * Quoted scalars continued at their key's own indentation, as PyYAML writes long strings:
 *
 *     source: "import os\nfrom datasets\
 *     \ import load_from_disk"
 *
 * The YAML spec wants the continuation lines indented further than the key, and the `yaml` package rejects
 * them, but libyaml (and so PyYAML), go-yaml (a libyaml port, which Kubernetes uses) and js-yaml accept them:
 * `kubectl apply` takes such a file. To read it as Kubernetes does, each such scalar is masked with a scalar of
 * the same length on one line (positions stay exact), the masked text is parsed with `yaml`, and the masked
 * nodes get the value js-yaml read from the original text.
 */

export interface QuotedScalar {
  /** Offsets of the scalar in the text, quotes included. */
  start: number;
  end: number;
  /** The value js-yaml reads from it. */
  value: string;
}

/** The most multi-line quoted scalars a document may have for the lenient reading (a bound on the work). */
const MAX_SCALARS = 10_000;

/**
 * The quoted scalars of a text that span more than one line, as js-yaml reads them; undefined when js-yaml
 * rejects the text too (then the text is not one that Kubernetes accepts either).
 */
export function multilineQuotedScalars(text: string): QuotedScalar[] | undefined {
  const found: QuotedScalar[] = [];
  const opened: number[] = [];
  const listener = (event: jsYaml.EventType, state: jsYaml.State) => {
    if (event === 'open') {
      opened.push(state.position);
      return;
    }
    const from = opened.pop() ?? 0;
    const end = state.position;
    const quote = text[end - 1];
    if (state.kind !== 'scalar' || typeof state.result !== 'string' || (quote !== '"' && quote !== "'")) return;
    const start = quoteStart(text, from, end, quote);
    if (start === undefined || !/[\r\n]/.test(text.slice(start, end))) return;
    if (found.length < MAX_SCALARS) found.push({ start, end, value: state.result });
  };
  try {
    // The default schema knows YAML 1.1's tags (`!!int "3"`, `!!binary`) as go-yaml does; only strings are taken.
    jsYaml.loadAll(text, () => undefined, { schema: jsYaml.DEFAULT_SCHEMA, listener });
  } catch {
    return undefined;
  }
  return found;
}

/**
 * Where the quoted scalar that ends at `end` opens: js-yaml's "open" position is before the node's separating
 * space, comments and properties (`!tag`, `&anchor`), which are skipped here.
 */
function quoteStart(text: string, from: number, end: number, quote: string): number | undefined {
  let at = from;
  while (at < end) {
    const c = text[at];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') at++;
    else if (c === '#') at = lineEnd(text, at);
    else if (c === '!' || c === '&') at = tokenEnd(text, at);
    else break;
  }
  return text[at] === quote && at < end - 1 ? at : undefined;
}

function lineEnd(text: string, at: number): number {
  const next = text.indexOf('\n', at);
  return next === -1 ? text.length : next;
}

function tokenEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length && !/\s/.test(text[i])) i++;
  return i;
}

/**
 * The text with each scalar replaced by a quoted scalar of the same length on one line: the quotes stay, every
 * other character becomes `x` and every line break a space, so no offset moves.
 */
export function maskScalars(text: string, scalars: readonly QuotedScalar[]): string {
  let out = '';
  let last = 0;
  for (const s of [...scalars].sort((a, b) => a.start - b.start)) {
    if (s.start < last) continue;
    const inner = text.slice(s.start + 1, s.end - 1).replace(/[\r\n]/g, ' ').replace(/[^ ]/g, 'x');
    out += text.slice(last, s.start) + text[s.start] + inner + text[s.end - 1];
    last = s.end;
  }
  return out + text.slice(last);
}
