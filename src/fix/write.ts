import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../files/read.js';
import { readOnlyReason, realPathInside, RefusedPath, writeConfined, type Confinement } from '../files/workspace.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface WriteOutcome {
  path: string;
  written: boolean;
  /** Why the file was not written. */
  reason?: string;
}

/**
 * Writes a fixed text over a file, atomically: into a temporary file beside it, then renamed over it, so a reader never
 * sees half a file (src/files/workspace.ts). The file's byte order mark and mode are kept. A link is followed only
 * when its real location is inside the confinement (by default the file's own folder), and its target is written.
 * The file is written only when it still holds `original` (the text the fixes were made for) and when its mode lets
 * the user write it (a 0444 file is reported, never replaced); otherwise it is left alone.
 */
export function writeFixedFile(absolute: string, original: string, fixed: string, confinement?: Confinement): WriteOutcome {
  const shown = absolute;
  const place = confinement ?? { root: path.dirname(absolute) };
  let target: string | undefined;
  let bytes: Buffer;
  try {
    target = realPathInside(absolute, place);
    if (target === undefined) return { path: shown, written: false, reason: 'it could not be read again: the file is gone' };
    bytes = fs.readFileSync(target);
  } catch (error) {
    if (error instanceof RefusedPath) return { path: shown, written: false, reason: `it was not written: ${error.message}` };
    return { path: shown, written: false, reason: `it could not be read again: ${(error as Error).message}` };
  }
  const now = decodeText(bytes);
  if (!('text' in now) || now.text !== original) {
    return { path: shown, written: false, reason: 'the file changed on disk while it was being fixed; it was not written' };
  }
  const readOnly = readOnlyReason(target);
  if (readOnly) return { path: shown, written: false, reason: readOnly };
  const bom = bytes.subarray(0, 3).equals(BOM);
  try {
    const mode = fs.statSync(target).mode & 0o7777;
    writeConfined(target, bom ? Buffer.concat([BOM, Buffer.from(fixed, 'utf8')]) : fixed, { ...place, alsoUnder: [path.dirname(target)] }, mode);
    return { path: shown, written: true };
  } catch (error) {
    return { path: shown, written: false, reason: `it could not be written: ${(error as Error).message}` };
  }
}

/** Whether the bytes start with a UTF-8 byte order mark (which `decodeText` strips). */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
