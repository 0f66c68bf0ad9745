/** A mistake of the program that calls the readers (not of any file): it stops the scan. */
export class ReaderSetupError extends Error {}

/** A file a reader declines, with the reason in words for the finding (its message is used as it is). */
export class UnreadableFileError extends Error {}

/**
 * Why reading or checking a file failed, in words fit for a finding: one short line, never the error's stack or
 * more than a short excerpt of its message (an error message may quote the file). A ReaderSetupError is thrown on.
 */
export function failureReason(error: unknown): string {
  if (error instanceof ReaderSetupError) throw error;
  if (error instanceof UnreadableFileError) return error.message;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'it nests too deeply to read (the reader ran out of stack)';
  }
  if (error instanceof RangeError && /allocation|array length|string length/i.test(error.message)) {
    return 'it is too large to read (out of memory)';
  }
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0].trim();
  const short = first.length > 100 ? `${first.slice(0, 99)}…` : first;
  return `the reader failed on it (${short || 'no reason given'})`;
}
