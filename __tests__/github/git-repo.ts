import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A scratch git repository for the tests: write files, commit, read commit ids. */
export class GitRepo {
  readonly dir: string;

  constructor(prefix = 'eci-egress-lint-repo-') {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 }).trim();
  }

  write(files: Record<string, string | null>): this {
    for (const [file, text] of Object.entries(files)) {
      const full = path.join(this.dir, file);
      if (text === null) fs.rmSync(full, { force: true });
      else {
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, text);
      }
    }
    return this;
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message = 'change'): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
