import type { TextEdit } from '../model/index.js';

/**
 * Whether a comment carried along by a fix ends its line in the fixed text: right after it in the added text comes a
 * line break, or, at the end of an added text, the end of the file or of the line. A comment followed by anything
 * else would swallow it (`# why: b` in YAML, `// why` in HCL), so both editors keep the comment where it was instead.
 */
export function carriedCommentEndsItsLine(text: string, edits: readonly TextEdit[], comment: string): boolean {
  return edits.some((e) => {
    const at = e.newText.indexOf(comment);
    if (at === -1) return false;
    const after = e.newText.slice(at + comment.length);
    if (after !== '') return /^\r?\n/.test(after);
    const next = text.slice(e.end, e.end + 2);
    return next === '' || next.startsWith('\n') || next === '\r\n';
  });
}
