/**
 * The one git runner (src/files/git.ts) and its two behaviours: where git's answer is required it throws a GitError
 * that says why, and where it is optional it gives undefined; both give the same output when git succeeds.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitError, gitOrThrow, gitOrUndefined, resolveCommit } from '../../src/files/git.js';
import { hasCommit, resolveCommitIfPresent } from '../../src/github/git.js';

let repo: string;
let notRepo: string;
let head: string;

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-git-'));
  notRepo = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-nogit-'));
  const run = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' });
  run('init', '-q');
  fs.writeFileSync(path.join(repo, 'a.yaml'), 'kind: Pod\n');
  run('add', 'a.yaml');
  run('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'one');
  head = run('rev-parse', 'HEAD').toString('utf8').trim();
});
afterAll(() => {
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(notRepo, { recursive: true, force: true });
});

describe('the git runner', () => {
  it('gives the same output in both behaviours when git succeeds', () => {
    expect(gitOrThrow(repo, ['show', `${head}:a.yaml`]).toString('utf8')).toBe('kind: Pod\n');
    expect(gitOrUndefined(repo, ['show', `${head}:a.yaml`])?.toString('utf8')).toBe('kind: Pod\n');
  });

  it('where the answer is required, a failure is a GitError naming the command and git\'s first line of error', () => {
    let thrown: unknown;
    try {
      gitOrThrow(repo, ['show', `${head}:missing.yaml`]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GitError);
    expect((thrown as GitError).message).toMatch(/^git show failed: fatal: .*missing\.yaml/);
    expect((thrown as GitError).message).not.toContain('\n');
  });

  it('where the answer is optional, a failure is undefined', () => {
    expect(gitOrUndefined(repo, ['show', `${head}:missing.yaml`])).toBeUndefined();
    expect(gitOrUndefined(notRepo, ['rev-parse', 'HEAD'])).toBeUndefined();
    expect(hasCommit(repo, head)).toBe(true);
    expect(hasCommit(repo, '0'.repeat(40))).toBe(false);
    expect(resolveCommitIfPresent(repo, 'no-such-branch')).toBeUndefined();
  });

  it('output over the buffer limit is a failure, not a truncated answer', () => {
    expect(gitOrUndefined(repo, ['show', `${head}:a.yaml`], 4)).toBeUndefined();
    expect(() => gitOrThrow(repo, ['show', `${head}:a.yaml`], 4)).toThrow(GitError);
  });

  it('the throwing resolveCommit names the ref; the optional one gives the commit or undefined', () => {
    expect(resolveCommit(repo, 'HEAD')).toBe(head);
    expect(resolveCommitIfPresent(repo, 'HEAD')).toBe(head);
    expect(() => resolveCommit(repo, 'no-such-branch')).toThrow('unknown git ref "no-such-branch"');
    expect(() => resolveCommit(repo, '--output=x')).toThrow('"--output=x" is not a git ref');
  });
});
