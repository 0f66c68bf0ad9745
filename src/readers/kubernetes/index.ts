import { parseAllDocuments, visit } from 'yaml';
import type { Alias, Document, EmptyStream } from 'yaml';
import { emptyReadResult, type ReadResult } from '../../model/index.js';
import { LineIndex } from '../line-index.js';
import { aliasReads } from './alias-reads.js';
import { documentCanMatter, splitDocuments } from './documents.js';
import { ObjectReader } from './objects.js';
import { maskScalars, multilineQuotedScalars } from './quoted-continuations.js';
import { screenSyntax } from './syntax-screen.js';
import { templateMarkerLine } from './template-files.js';

export interface KubernetesReadOptions {
  /** Parse every document, even those that cannot matter (used to prove the shortcut changes nothing). */
  everyDocument?: boolean;
}

/** The most aliases a document may expand to before it is treated as an alias bomb. */
const MAX_ALIAS_COUNT = 100;
const ALIAS_TEXT = /(?:^|[\s,[{:-])\*[^\s,\]}]/;

export function readKubernetesYaml(file: string, text: string, options: KubernetesReadOptions = {}): ReadResult {
  const out = emptyReadResult();
  const templateLine = templateMarkerLine(text);
  if (templateLine !== undefined) {
    out.skipped = `a template (Helm or Jinja markers outside quotes at line ${templateLine}); render it and lint the output`;
    return out;
  }
  const lines = new LineIndex(text);
  for (const chunk of splitDocuments(text)) {
    const mustCompose = options.everyDocument || documentCanMatter(chunk.text);
    // A document that cannot matter is only checked for syntax, unless the quick check finds a problem.
    // js-yaml does not expand aliases: a document with anchors is parsed for the alias-bomb check below.
    if (!mustCompose && screenSyntax(chunk.text) === 'valid') continue;
    const docs = parseDocuments(chunk.text);
    if ('empty' in docs) {
      for (const error of docs.errors.slice(0, 1)) {
        out.problems.push({
          ruleId: 'parse-error',
          message: `YAML syntax error: ${firstSentence(error.message)}`,
          span: lines.span(chunk.start + error.pos[0], chunk.start + error.pos[1]),
        });
      }
      continue;
    }
    for (const doc of docs as Document.Parsed[]) {
      if (doc.errors.length > 0) {
        const error = doc.errors[0];
        out.problems.push({
          ruleId: 'parse-error',
          message: `YAML syntax error: ${firstSentence(error.message)}. This document is not checked; the others are.`,
          span: lines.span(chunk.start + error.pos[0], chunk.start + Math.max(error.pos[0], error.pos[1])),
        });
        continue;
      }
      const aliasError = ALIAS_TEXT.test(chunk.text) ? aliasProblem(doc) : undefined;
      if (aliasError) {
        out.problems.push({ ruleId: 'parse-error', message: aliasError.message, span: lines.span(chunk.start + aliasError.offset) });
        continue;
      }
      if (!mustCompose) continue;
      new ObjectReader(file, lines, chunk.start, doc, out).readRoot(doc.contents);
      if (ALIAS_TEXT.test(chunk.text)) (out.aliasReads ??= []).push(...aliasReads(doc, lines, chunk.start));
    }
  }
  return out;
}

const PARSE_OPTIONS = { prettyErrors: false, logLevel: 'silent', uniqueKeys: true } as const;

/**
 * The documents of a chunk as Kubernetes reads them. When `yaml` rejects the text only because quoted scalars
 * continue at their key's indentation (PyYAML's style, which libyaml and go-yaml accept), the text is read again
 * with those scalars masked, and they get the values js-yaml reads; otherwise the first reading stands.
 */
function parseDocuments(text: string): Document.Parsed[] | EmptyStream {
  const docs = parseAllDocuments(text, PARSE_OPTIONS);
  const failed = 'empty' in docs ? docs.errors.length > 0 : docs.some((d) => d.errors.length > 0);
  if (!failed) return docs;
  const scalars = multilineQuotedScalars(text);
  if (!scalars || scalars.length === 0) return docs;
  const lenient = parseAllDocuments(maskScalars(text, scalars), PARSE_OPTIONS);
  if ('empty' in lenient || lenient.some((d) => d.errors.length > 0)) return docs;
  const values = new Map(scalars.map((s) => [s.start, s.value]));
  for (const doc of lenient) {
    visit(doc, {
      Scalar(_key, node) {
        const value = node.range ? values.get(node.range[0]) : undefined;
        if (value !== undefined) node.value = value;
      },
    });
  }
  return lenient;
}

/**
 * Why the document's aliases cannot be expanded: an alias inside the node it refers to (a cycle), an alias bomb,
 * or an alias whose anchor is missing.
 */
function aliasProblem(doc: Document.Parsed): { message: string; offset: number } | undefined {
  const cycle = selfContainingAlias(doc);
  if (cycle) {
    // Kubernetes' YAML decoder refuses these too ("anchor … value contains itself").
    return {
      message: `YAML error: the alias *${cycle.source} is inside the node its anchor &${cycle.source} marks (a cycle). This document is not checked; the others are.`,
      offset: cycle.offset,
    };
  }
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return undefined;
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // `yaml` does not report an alias without an anchor as a parse error; toJS throws a ReferenceError for it too.
    let unresolved: Alias | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (node.resolve(doc)) return undefined;
        unresolved = node;
        return visit.BREAK;
      },
    });
    if (unresolved) {
      return {
        message: `YAML syntax error: ${firstSentence(error.message)}. This document is not checked; the others are.`,
        offset: unresolved.range?.[0] ?? 0,
      };
    }
    return {
      message: `This document expands to more than ${MAX_ALIAS_COUNT} aliases (an alias bomb?); it is not checked.`,
      offset: doc.range?.[0] ?? 0,
    };
  }
}

/** The first alias that sits inside the node its anchor marks (ranges are offsets in the document's text). */
function selfContainingAlias(doc: Document.Parsed): { source: string; offset: number } | undefined {
  let found: { source: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc) as { range?: [number, number, number] } | undefined;
      const at = node.range?.[0];
      if (!target?.range || at === undefined) return undefined;
      if (at >= target.range[0] && at < target.range[1]) {
        found = { source: node.source.slice(0, 40), offset: at };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/[.:]\s*$/, '');
}
