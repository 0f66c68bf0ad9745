import { parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { emptyReadResult, type ReadResult } from '../../model/index.js';
import { LineIndex } from '../line-index.js';
import { documentCanMatter, splitDocuments } from './documents.js';
import { ObjectReader } from './objects.js';
import { looksValid } from './syntax-screen.js';
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
    if (!mustCompose && looksValid(chunk.text)) continue;
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
      if (ALIAS_TEXT.test(chunk.text) && !aliasesWithinLimit(doc)) {
        const start = chunk.start + (doc.range?.[0] ?? 0);
        out.problems.push({
          ruleId: 'parse-error',
          message: `This document expands to more than ${MAX_ALIAS_COUNT} aliases (an alias bomb?); it is not checked.`,
          span: lines.span(start),
        });
        continue;
      }
      if (!mustCompose) continue;
      new ObjectReader(file, lines, chunk.start, doc, out).readRoot(doc.contents);
    }
  }
  return out;
}

function aliasesWithinLimit(doc: Document.Parsed): boolean {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return true;
  } catch (error) {
    if (error instanceof ReferenceError) return false;
    throw error;
  }
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/[.:]\s*$/, '');
}
