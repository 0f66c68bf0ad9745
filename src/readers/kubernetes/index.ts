import { parseAllDocuments, visit } from 'yaml';
import type { Alias, Document } from 'yaml';
import { emptyReadResult, type ReadResult } from '../../model/index.js';
import { LineIndex } from '../line-index.js';
import { aliasReads } from './alias-reads.js';
import { documentCanMatter, splitDocuments } from './documents.js';
import { ObjectReader } from './objects.js';
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
    const docs = parseAllDocuments(chunk.text, { prettyErrors: false, logLevel: 'silent', uniqueKeys: true });
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

/** Why the document's aliases cannot be expanded: an alias bomb, or an alias whose anchor is missing. */
function aliasProblem(doc: Document.Parsed): { message: string; offset: number } | undefined {
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

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/[.:]\s*$/, '');
}
