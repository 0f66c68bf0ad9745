import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeText } from '../files/read.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export interface WriteOutcome {
  path: string;
  written: boolean;
  /** Why the file was not written. */
  reason?: string;
}

/**
 * Writes a fixed text over a file, atomically: into a temporary file beside it, then renamed over it, so a reader never
 * sees half a file. The file's byte order mark and mode are kept; a link is followed and its target written. The file
 * is written only when it still holds `original` (the text the fixes were made for); otherwise it is left alone.
 */
export function writeFixedFile(absolute: string, original: string, fixed: string): WriteOutcome {
  const shown = absolute;
  let target: string;
  let bytes: Buffer;
  try {
    target = fs.realpathSync(absolute);
    bytes = fs.readFileSync(target);
  } catch (error) {
    return { path: shown, written: false, reason: `it could not be read again: ${(error as Error).message}` };
  }
  const now = decodeText(bytes);
  if (!('text' in now) || now.text !== original) {
    return { path: shown, written: false, reason: 'the file changed on disk while it was being fixed; it was not written' };
  }
  const bom = bytes.subarray(0, 3).equals(BOM);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    const mode = fs.statSync(target).mode & 0o7777;
    fs.writeFileSync(temp, bom ? Buffer.concat([BOM, Buffer.from(fixed, 'utf8')]) : fixed, { flag: 'wx', mode });
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
    return { path: shown, written: true };
  } catch (error) {
    fs.rmSync(temp, { force: true });
    return { path: shown, written: false, reason: `it could not be written: ${(error as Error).message}` };
  }
}

/** Whether the bytes start with a UTF-8 byte order mark (which `decodeText` strips). */
export function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
