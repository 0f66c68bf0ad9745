import type { Finding, TextEdit } from '../model/index.js';

/** Edits sorted from the end of the text to its start, so that applying one leaves the offsets of the rest valid. */
function lastFirst(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
}

/**
 * The edits of one fix with deletions that overlap merged into one: removing two entries of a flow map one by one
 * gives `[a, c)` and `[b, d)` with b < c; both gone is `[a, d)` gone.
 */
export function normalizeEdits(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const last = out[out.length - 1];
    if (last && last.newText === '' && edit.newText === '' && last.file === edit.file && edit.start < last.end) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, edit.end) };
    } else {
      out.push(edit);
    }
  }
  return out;
}

/** A fix's edits, with overlapping deletions merged (see `normalizeEdits`). */
export function editsOf(finding: Finding): TextEdit[] {
  return normalizeEdits(finding.fix!.edits);
}

/** Whether the edits of one fix overlap each other (they may touch: a removal may end where an insertion starts). */
export function overlapsItself(edits: readonly TextEdit[]): boolean {
  const sorted = lastFirst(edits);
  for (let i = 1; i < sorted.length; i++) {
    const later = sorted[i - 1];
    const earlier = sorted[i];
    if (earlier.end > later.start) return true;
    // Two insertions at one offset: their order would be a guess.
    if (earlier.start === later.start && earlier.end === earlier.start && later.end === later.start) return true;
  }
  return false;
}

/**
 * Whether two fixes may not be applied in one pass. Their edits conflict when their ranges overlap or merely touch:
 * two insertions at the same offset (two fixes that each create `annotations:` at the same place) or an insertion at
 * the edge of a replacement could give duplicate keys or text whose order is a guess, so one of them waits for the
 * next pass, which re-reads the text.
 */
export function editsConflict(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.file === y.file && x.start <= y.end && y.start <= x.end));
}

/** Applies edits that do not overlap to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of lastFirst(edits)) {
    if (edit.start < 0 || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) is outside the text (length ${text.length})`);
    }
    out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  }
  return out;
}

/**
 * Where an offset of the text before the edits is in the text after them: text inserted at or before it pushes it on;
 * an offset inside a replaced range maps to the start of the replacement.
 */
export function mapOffset(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    if (edit.end <= offset) {
      shift += edit.newText.length - (edit.end - edit.start);
    } else if (edit.start < offset && offset < edit.end) {
      return edit.start + shiftBefore(edit.start, edits);
    }
  }
  return offset + shift;
}

function shiftBefore(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) if (edit.end <= offset && edit.start < offset) shift += edit.newText.length - (edit.end - edit.start);
  return shift;
}
