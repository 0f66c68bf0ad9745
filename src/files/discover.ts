import fs from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';

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

function insideWorkspace(cwd: string, real: string): boolean {
  const relative = path.relative(cwd, real);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The files to scan under the given paths. A file named explicitly is scanned whatever its name (unless
 * excluded); folders are walked and filtered by the include globs. Links are followed only inside the
 * working directory.
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

  const visit = (absolute: string, explicit: boolean) => {
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
      if (!insideWorkspace(realCwd, real)) {
        if (explicit || selected(toPosixRelative(cwd, absolute), options)) add(absolute, 'a link to a place outside the workspace');
        return;
      }
      stat = fs.statSync(absolute);
    }
    if (stat.isDirectory()) {
      const real = fs.realpathSync(absolute);
      if (visitedDirectories.has(real)) return;
      visitedDirectories.add(real);
      for (const entry of fs.readdirSync(absolute).sort()) {
        if (NEVER_WALK.has(entry)) continue;
        visit(path.join(absolute, entry), false);
      }
      return;
    }
    if (!stat.isFile()) return;
    const relative = toPosixRelative(cwd, absolute);
    if (explicit ? !options.exclude.some((p) => minimatch(relative, p, { dot: true })) : selected(relative, options)) add(absolute);
  };

  for (const given of paths) visit(path.resolve(cwd, given), true);
  return [...found.values()];
}
