import fs from 'node:fs';
import path from 'node:path';

/**
 * The top folder of the git repository that holds `cwd`: the nearest folder, `cwd` or above, with a `.git` entry
 * (a folder, or the file a worktree or submodule has). Found on disk rather than by running git, so it works
 * where git is not installed. Undefined outside a repository.
 */
export function findRepositoryRoot(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.lstatSync(path.join(dir, '.git'), { throwIfNoEntry: false })) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folders from `cwd` up to `root` (both included), nearest first; only `cwd` when it is not under `root`. */
export function foldersUpTo(cwd: string, root: string | undefined): string[] {
  const start = path.resolve(cwd);
  if (root === undefined) return [start];
  const relative = path.relative(root, start);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return [start];
  const folders = [start];
  for (let dir = start; dir !== root; ) {
    dir = path.dirname(dir);
    folders.push(dir);
  }
  return folders;
}
