/**
 * The one place that decides where the tool may read and write. A pull request controls the workspace's file names
 * and links: a path is judged by its real location (every link resolved), never by how it is spelled, and files
 * are opened without following a link at the last step (docs/security.md).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where reads and writes are allowed. */
export interface Confinement {
  /** The workspace (the action's GITHUB_WORKSPACE, the CLI's working directory). */
  root: string;
  /**
   * Whether an absolute path given by the user may be outside the workspace. The CLI allows it (the user typed
   * it); the action does not (its inputs are relative to a checkout that the pull request controls).
   */
  absoluteOutside?: boolean;
  /** Other folders where files may be written, e.g. $RUNNER_TEMP. */
  alsoUnder?: string[];
}

/** A path the tool will not read or write, with the reason in words. */
export class RefusedPath extends Error {
  override name = 'RefusedPath';
}

/** Whether `real` is `folder` or inside it (both real paths). */
export function isInside(folder: string, real: string): boolean {
  const relative = path.relative(folder, real);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function realOrSelf(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

/** Whether a real location is one the confinement allows, for a path given as `given`. */
export function allowed(confinement: Confinement, given: string, real: string): boolean {
  if (isInside(realOrSelf(confinement.root), real)) return true;
  if (confinement.absoluteOutside && path.isAbsolute(given)) return true;
  return (confinement.alsoUnder ?? []).some((folder) => isInside(realOrSelf(folder), real));
}

const OUTSIDE = 'outside the workspace (links are resolved; a path must really be inside it)';

/**
 * The real location of an existing path, checked against the confinement. Throws RefusedPath for a link whose
 * target is missing, a link loop, or a place outside; returns undefined when nothing is there.
 */
export function realPathInside(given: string, confinement: Confinement): string | undefined {
  const absolute = path.resolve(confinement.root, given);
  if (!fs.lstatSync(absolute, { throwIfNoEntry: false })) return undefined;
  let real: string;
  try {
    real = fs.realpathSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new RefusedPath(code === 'ELOOP' ? 'a loop of links' : code === 'ENOENT' ? 'a link whose target does not exist' : `it cannot be resolved (${code ?? 'error'})`);
  }
  if (!allowed(confinement, given, real)) throw new RefusedPath(OUTSIDE);
  return real;
}

/**
 * Reads a regular file of at most `maxBytes`, through its real location (checked with `realPathInside`), without
 * following a link at the last step and without blocking on a pipe or a device. Undefined when nothing is there.
 */
export function readConfined(given: string, confinement: Confinement, maxBytes: number): Buffer | undefined {
  const real = realPathInside(given, confinement);
  if (real === undefined) return undefined;
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw new RefusedPath(`it cannot be opened (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new RefusedPath(stat.isDirectory() ? 'a folder, not a file' : 'not a regular file (a device, pipe or socket)');
    if (stat.size > maxBytes) throw new RefusedPath(`larger than the limit of ${maxBytes} bytes`);
    // The size of a file can change while it is read: never read more than the limit.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) throw new RefusedPath(`larger than the limit of ${maxBytes} bytes`);
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The real folder a new file at `given` goes into, created folder by folder (never through a link, never with a
 * recursive mkdir that could wander into /proc), after checking that its real location is allowed.
 */
function realFolderFor(given: string, confinement: Confinement): string {
  const absolute = path.resolve(confinement.root, given);
  const missing: string[] = [];
  let existing = path.dirname(absolute);
  while (!fs.lstatSync(existing, { throwIfNoEntry: false })) {
    missing.unshift(path.basename(existing));
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  let folder: string;
  try {
    folder = fs.realpathSync(existing);
  } catch {
    throw new RefusedPath('its folder is a link whose target does not exist');
  }
  if (!allowed(confinement, given, path.join(folder, ...missing, path.basename(absolute)))) throw new RefusedPath(OUTSIDE);
  if (!fs.statSync(folder).isDirectory()) throw new RefusedPath(`${path.basename(existing)} is not a folder`);
  for (const name of missing) {
    folder = path.join(folder, name);
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // Made by someone else meanwhile: only a real folder will do.
    if (!fs.lstatSync(folder).isDirectory()) throw new RefusedPath(`${name} is not a folder`);
  }
  return folder;
}

/**
 * Writes a file without ever writing through a link: the bytes go into a new temporary file (exclusive create)
 * in the real folder, which is then renamed over the name. A link at that name is replaced, its target is never
 * touched; so is a hard link's other name. `mode` is the new file's permissions. Returns the path written, as given
 * (resolved against the root).
 */
export function writeConfined(given: string, bytes: string | Uint8Array, confinement: Confinement, mode = 0o644): string {
  const absolute = path.resolve(confinement.root, given);
  const folder = realFolderFor(given, confinement);
  const name = path.basename(absolute);
  const target = path.join(folder, name);
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new RefusedPath('a folder is there');
  const temp = path.join(folder, `.${name}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx', mode });
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  return absolute;
}

/**
 * Why a file the user owns must not be replaced, or undefined: a file nobody may write (mode 0444) is left as it
 * is, even where the folder would let a rename replace it and even for root, who ignores the mode.
 */
export function readOnlyReason(real: string): string | undefined {
  const stat = fs.statSync(real);
  if ((stat.mode & 0o222) === 0) return 'the file is read-only (no write permission); it was not written';
  try {
    fs.accessSync(real, fs.constants.W_OK);
  } catch {
    return 'the file is not writable by this user; it was not written';
  }
  return undefined;
}
