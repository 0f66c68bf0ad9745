import fs from 'node:fs';
import path from 'node:path';

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
