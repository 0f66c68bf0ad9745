import { createHash } from 'node:crypto';
import { diffLines } from 'diff';
import { unifiedDiff, type FileFix } from '../fix/index.js';
import type { Finding } from '../model/index.js';
import { LineIndex } from '../readers/line-index.js';
import { commentableLines } from './diff.js';

/**
 * A fix as GitHub shows it in a review: lines `startLine`..`endLine` of the file at the head commit, replaced by
 * `replacement`. One suggestion carries one fix (a fix that moves a key spans from where the key was to where it
 * goes); fixes whose lines touch are one suggestion.
 */
export interface Suggestion {
  path: string;
  startLine: number;
  endLine: number;
  /** The new lines, without line breaks; none deletes the lines. */
  replacement: string[];
  /** The fixes it carries, as findings of the head text. */
  findings: Finding[];
}

interface Block {
  start: number;
  end: number;
  findings: Finding[];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

/** The suggestions of one fixed file: the changed lines of `original` → `fixed`, grouped by the fixes that made them. */
export function suggestionsFor(file: FileFix): Suggestion[] {
  if (file.original === file.fixed) return [];
  const original = splitLines(file.original);
  const fixed = splitLines(file.fixed);
  /** For each unchanged line of the original (1-based), its line in the fixed text. */
  const common = new Map<number, number>();
  const blocks: Block[] = [];
  let o = 1;
  let n = 1;
  for (const change of diffLines(file.original, file.fixed)) {
    const count = change.count ?? splitLines(change.value).length;
    if (change.added) {
      // Lines inserted before original line o: anchored on the line above (or the first line).
      const anchor = o > 1 ? o - 1 : 1;
      blocks.push({ start: anchor, end: anchor, findings: [] });
      n += count;
    } else if (change.removed) {
      blocks.push({ start: o, end: o + count - 1, findings: [] });
      o += count;
    } else {
      for (let k = 0; k < count; k++) common.set(o + k, n + k);
      o += count;
      n += count;
    }
  }

  // A fix's own lines: from its first edit to its last, so that a key moved away and added elsewhere is one suggestion.
  const lines = new LineIndex(file.original);
  const lineOf = (offset: number) => lines.span(offset).line;
  /** The original lines an edit touches; an insertion at the start of a line belongs to the line above. */
  const editLines = (e: { start: number; end: number }): [number, number] => {
    if (e.end > e.start) return [lineOf(e.start), lineOf(e.end - 1)];
    const line = lineOf(e.start);
    const atLineStart = e.start === 0 || file.original[e.start - 1] === '\n';
    return atLineStart && line > 1 ? [line - 1, line - 1] : [line, line];
  };
  for (const finding of file.applied) {
    const edits = finding.fix?.edits ?? [];
    if (edits.length === 0) continue;
    const ranges = edits.map(editLines);
    const from = Math.min(...ranges.map((r) => r[0]));
    const to = Math.max(...ranges.map((r) => r[1]));
    blocks.push({ start: from, end: Math.max(from, to), findings: [finding] });
  }

  // Merge blocks that overlap or touch, so that each begins and ends next to unchanged lines.
  blocks.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Block[] = [];
  for (const block of blocks) {
    const last = merged[merged.length - 1];
    if (last && block.start <= last.end + 1) {
      last.end = Math.max(last.end, block.end);
      last.findings.push(...block.findings);
    } else merged.push({ ...block, findings: [...block.findings] });
  }

  const fixedLineOf = (line: number): number | undefined => {
    if (line <= 0) return 0;
    if (line > original.length) return fixed.length + 1;
    return common.get(line);
  };
  const suggestions: Suggestion[] = [];
  for (const block of merged) {
    const before = fixedLineOf(block.start - 1);
    const after = fixedLineOf(block.end + 1);
    if (before === undefined || after === undefined) continue; // cannot happen: merged blocks end next to unchanged lines
    const replacement = fixed.slice(before, after - 1);
    const replaced = original.slice(block.start - 1, block.end);
    if (replacement.length === replaced.length && replacement.every((l, i) => l === replaced[i])) continue;
    suggestions.push({ path: file.path, startLine: block.start, endLine: block.end, replacement, findings: block.findings });
  }
  return suggestions;
}

/** Whether every line of the suggestion lies inside the hunks of the file's patch (GitHub refuses others). */
export function insideDiff(suggestion: Suggestion, patch: string | undefined): boolean {
  const lines = commentableLines(patch);
  for (let l = suggestion.startLine; l <= suggestion.endLine; l++) if (!lines.has(l)) return false;
  return true;
}

/** A stable key of a suggestion: the same fix on the same lines of the same text gets the same key. */
export function suggestionKey(s: Suggestion): string {
  return createHash('sha256')
    .update([s.path, s.startLine, s.endLine, ...s.replacement].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export const SUGGESTION_MARKER = 'eci-egress-lint:suggestion';

/** A fence longer than any run of backticks in the text. */
export function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** The review comment of a suggestion: a hidden key (so a second run does not post it again), what it fixes, the change. */
export function suggestionBody(s: Suggestion, describe: (f: Finding) => string): string {
  const what = s.findings.length > 0 ? s.findings.map(describe).join('\n') : 'A fix that an earlier fix on these lines made possible.';
  const text = s.replacement.join('\n');
  const f = fence(text);
  return `<!-- ${SUGGESTION_MARKER} ${suggestionKey(s)} -->\n${what}\n\n${f}suggestion\n${text}${text ? '\n' : ''}${f}\n`;
}

/**
 * The text of `file` with only the given suggestions applied, as a unified diff (for fixes that cannot be
 * suggestions: outside the diff, or past the review's limit).
 */
export function patchOf(file: FileFix, suggestions: Suggestion[]): string {
  if (suggestions.length === 0) return '';
  const eol = file.original.includes('\r\n') ? '\r\n' : '\n';
  const lines = file.original.split(/\r?\n/);
  const trailing = lines[lines.length - 1] === '' ? lines.pop() : undefined;
  const sorted = [...suggestions].sort((a, b) => b.startLine - a.startLine);
  for (const s of sorted) lines.splice(s.startLine - 1, s.endLine - s.startLine + 1, ...s.replacement);
  const text = lines.join(eol) + (trailing !== undefined ? eol : '');
  return unifiedDiff(file.path, file.original, text);
}
