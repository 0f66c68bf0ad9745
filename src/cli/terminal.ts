/** The terminal's width when the report goes to one, else undefined (the text format then fits 100 columns). */
export function terminalWidth(stream: NodeJS.WritableStream, output?: string): number | undefined {
  const tty = stream as NodeJS.WriteStream;
  return !output && tty.isTTY === true && tty.columns > 0 ? tty.columns : undefined;
}
