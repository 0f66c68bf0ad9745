import fs from 'node:fs';
import path from 'node:path';
import { readTextFile } from '../files/read.js';
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

  /** A path relative to the working directory, with `/`, for an absolute one; undefined outside it. */
  relative(absolute: string): string | undefined {
    const relative = path.relative(this.cwd, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/') || '.';
  }

  get(file: string): SourceText | undefined {
    if (this.cache.has(file)) return this.cache.get(file);
    let text: SourceText | undefined;
    try {
      const absolute = path.resolve(this.cwd, file);
      const real = fs.realpathSync(absolute);
      const inside = path.relative(this.realCwd, real);
      if (!inside.startsWith('..') && !path.isAbsolute(inside) && fs.statSync(real).isFile()) {
        const outcome = readTextFile(real, this.maxSize);
        if ('text' in outcome) text = new SourceText(file, outcome.text);
      }
    } catch {
      text = undefined;
    }
    this.cache.set(file, text);
    return text;
  }

  exists(file: string): boolean {
    return this.get(file) !== undefined;
  }
}
