import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { isInside } from './workspace.js';

export interface DiscoveredFile {
  /** Relative to the working directory, with `/`. */
  path: string;
  absolute: string;
  /** Set when the file must not be read, with the reason (e.g. a link out of the workspace). */
  skip?: string;
}

export interface DiscoverOptions {
  cwd: string;
  include: string[];
  exclude: string[];
  /**
   * Whether a path given as absolute may be outside `cwd` (the CLI: the user typed it). Otherwise every path,
   * with its links resolved, must be inside `cwd`; one that is not is skipped with the reason.
   */
  absoluteOutside?: boolean;
}

const NEVER_WALK = new Set(['.git', 'node_modules']);

export function toPosixRelative(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute).split(path.sep).join('/');
  return relative === '' ? '.' : relative;
}

/** Whether a file should be scanned, by the include and exclude globs. */
export function selected(relative: string, options: Pick<DiscoverOptions, 'include' | 'exclude'>): boolean {
  // Globs are written for the workspace; a folder outside it is matched as if it were inside.
  relative = relative.replace(/^(?:\.\.\/)+/, '');
  const match = (pattern: string) => minimatch(relative, pattern, { dot: true, matchBase: !pattern.includes('/') });
  return options.include.some(match) && !options.exclude.some(match);
}


/**
 * The files to scan under the given paths. A file named explicitly is scanned whatever its name (unless
 * excluded); folders are walked and filtered by the include globs. Links are followed only inside the
 * working directory (or inside an absolute path given outside it, when allowed). A path whose real location is
 * outside (a link in a parent folder too), or a folder that cannot be read, is a file to skip with the reason:
 * the others are still scanned.
 */
export function discoverFiles(paths: string[], options: DiscoverOptions): DiscoveredFile[] {
  const cwd = path.resolve(options.cwd);
  const realCwd = fs.realpathSync(cwd);
  const found = new Map<string, DiscoveredFile>();
  const visitedDirectories = new Set<string>();

  const add = (absolute: string, skip?: string) => {
    const relative = toPosixRelative(cwd, absolute);
    if (!found.has(relative)) found.set(relative, { path: relative, absolute, skip });
  };

  const visit = (absolute: string, explicit: boolean, boundary: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(absolute);
    } catch {
      if (explicit) throw new Error(`no such file or folder: ${toPosixRelative(cwd, absolute)}`);
      return;
    }
    if (stat.isSymbolicLink()) {
      let real: string;
      try {
        real = fs.realpathSync(absolute);
      } catch {
        if (explicit || selected(toPosixRelative(cwd, absolute), options)) add(absolute, 'a link whose target does not exist');
        return;
      }
      if (!isInside(boundary, real)) {
        if (explicit || selected(toPosixRelative(cwd, absolute), options)) add(absolute, 'a link to a place outside the workspace');
        return;
      }
      stat = fs.statSync(absolute);
    }
    if (stat.isDirectory()) {
      const real = fs.realpathSync(absolute);
      if (visitedDirectories.has(real)) return;
      visitedDirectories.add(real);
      let entries: string[];
      try {
        entries = fs.readdirSync(absolute).sort();
      } catch (error) {
        add(absolute, `a folder that cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        return;
      }
      for (const entry of entries) {
        if (NEVER_WALK.has(entry)) continue;
        visit(path.join(absolute, entry), false, boundary);
      }
      return;
    }
    if (!stat.isFile()) return;
    const relative = toPosixRelative(cwd, absolute);
    if (explicit ? !options.exclude.some((p) => minimatch(relative, p, { dot: true })) : selected(relative, options)) add(absolute);
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    if (!fs.lstatSync(absolute, { throwIfNoEntry: false })) throw new Error(`no such file or folder: ${toPosixRelative(cwd, absolute)}`);
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      add(absolute, 'a link whose target does not exist');
      continue;
    }
    // A link in a parent folder (deploy -> ../outside, then deploy/manifests) leads out as surely as a link itself.
    if (isInside(realCwd, real)) visit(absolute, true, realCwd);
    else if (options.absoluteOutside && path.isAbsolute(given)) visit(absolute, true, real);
    else add(absolute, 'outside the workspace (with its links resolved)');
  }
  return [...found.values()];
}
