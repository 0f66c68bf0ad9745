/** A source range. Lines and columns are 1-based; offsets index the file's text (UTF-16 code units). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** Replace `text[start, end)` of `file` with `newText`. Insertions have start === end. */
export interface TextEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
}
