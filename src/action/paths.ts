import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../model/index.js';
import { selected, toPosixRelative } from '../files/discover.js';

/** The `paths` input: lines naming a file or folder are scan roots; other lines are globs. */
export function scanRoots(workspace: string, lines: string[]): { roots: string[]; globs: string[] } {
  const roots: string[] = [];
  const globs: string[] = [];
  for (const line of lines) {
    if (fs.existsSync(path.resolve(workspace, line))) roots.push(line);
    else globs.push(line);
  }
  return { roots: roots.length > 0 ? roots : ['.'], globs };
}

/** Whether a path (relative to the workspace, with `/`) is one of the roots or inside one. */
export function underRoots(workspace: string, roots: string[], file: string): boolean {
  return roots.some((root) => {
    const r = toPosixRelative(workspace, path.resolve(workspace, root));
    return r === '.' || file === r || file.startsWith(`${r}/`);
  });
}

/**
 * Which of a change's paths the scan reads: inside the `paths` roots, matched by the config's include globs
 * (or the `paths` globs, which replace them) and not excluded.
 */
export function wanted(workspace: string, roots: string[], config: Pick<Config, 'include' | 'exclude'>, file: string): boolean {
  return underRoots(workspace, roots, file) && selected(file, config);
}
