import type { Span } from '../model/index.js';

/** Turns text offsets into 1-based lines and columns. Built once per file. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let at = text.indexOf('\n');
    while (at !== -1) {
      starts.push(at + 1);
      at = text.indexOf('\n', at + 1);
    }
    this.starts = starts;
  }

  /** 0-based line number containing `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line0: number): number {
    return this.starts[line0] ?? this.text.length;
  }

  /** Offset just past the line break of the line containing `offset` (or the text's end). */
  nextLineStart(offset: number): number {
    const line0 = this.lineOf(offset);
    return line0 + 1 < this.starts.length ? this.starts[line0 + 1] : this.text.length;
  }

  private lineBreak: string | undefined;

  /** The file's line break, `\r\n` when it has any, else `\n`: found once, since editors ask for every edit. */
  get newline(): string {
    this.lineBreak ??= this.text.includes('\r\n') ? '\r\n' : '\n';
    return this.lineBreak;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  span(offset: number, endOffset: number = offset): Span {
    const line0 = this.lineOf(offset);
    const endLine0 = endOffset === offset ? line0 : this.lineOf(endOffset);
    return {
      line: line0 + 1,
      column: offset - this.starts[line0] + 1,
      endLine: endLine0 + 1,
      endColumn: endOffset - this.starts[endLine0] + 1,
      offset,
      endOffset,
    };
  }
}
