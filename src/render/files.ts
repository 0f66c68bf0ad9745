import fs from 'node:fs';
import path from 'node:path';
import { readTextFile } from '../files/read.js';
import { isInside } from '../files/workspace.js';
import { inFolder } from './paths.js';
import { SourceText } from './provenance.js';

/**
 * The files that renderings read, for finding the lines behind rendered documents. Read once each, only inside
 * the working directory (a link out of it is never followed) and within the size limit.
 */
export class WorkspaceFiles {
  private readonly cache = new Map<string, SourceText | undefined>();
  private readonly realCwd: string;

  constructor(
    readonly cwd: string,
    private readonly maxSize: number,
  ) {
    this.realCwd = fs.realpathSync(cwd);
  }

  get(file: string): SourceText | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    let text: SourceText | undefined;
    try {
      const absolute = path.resolve(this.cwd, file);
      const real = fs.realpathSync(absolute);
      if (isInside(this.realCwd, real) && fs.statSync(real).isFile()) {
        const outcome = readTextFile(real, this.maxSize);
        if ('text' in outcome) text = new SourceText(file, outcome.text);
      }
    } catch {
      text = undefined;
    }
    this.cache.set(file, text);
    return text;
  }

  /**
   * The first link under `folder` (a relative path) whose target is outside the working directory or missing, or
   * undefined. The tools follow links, so a chart or overlay that holds one is not rendered. At most `limit` entries
   * are looked at, so that a huge folder costs bounded work (the files discovery already refuses links out of the
   * workspace among the scanned files).
   */
  linkOutside(folder: string, limit = 20_000): string | undefined {
    let seen = 0;
    const walk = (relative: string): string | undefined => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(path.join(this.cwd, relative), { withFileTypes: true });
      } catch {
        return undefined;
      }
      for (const entry of entries) {
        if (++seen > limit) return undefined;
        const child = inFolder(relative, entry.name);
        if (entry.isSymbolicLink()) {
          try {
            if (!isInside(this.realCwd, fs.realpathSync(path.join(this.cwd, child)))) return child;
          } catch {
            return child;
          }
        } else if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') {
          const found = walk(child);
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(folder);
  }

  exists(file: string): boolean {
    return this.get(file) !== undefined;
  }
}
