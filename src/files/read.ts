import fs from 'node:fs';

export type ReadOutcome = { text: string } | { skip: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Reads a file as UTF-8 text, or says why it is not read. */
export function readTextFile(absolute: string, maxSize: number): ReadOutcome {
  try {
    const size = fs.statSync(absolute).size;
    if (size > maxSize) return { skip: `${formatSize(size)} is over the size limit of ${formatSize(maxSize)} (max-file-size)` };
    return decodeText(fs.readFileSync(absolute));
  } catch (error) {
    // Permissions (EACCES), a file removed meanwhile, an I/O error: this file is skipped, the others are read.
    return { skip: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
}

export function decodeText(bytes: Uint8Array): ReadOutcome {
  if (bytes.includes(0)) return { skip: 'a binary file (it contains NUL bytes)' };
  try {
    const text = utf8.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { skip: 'not UTF-8 text' };
  }
}
