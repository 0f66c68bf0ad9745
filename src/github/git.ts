import { gitOrUndefined } from '../files/git.js';
import { parseUnifiedDiff, type FileDiff } from './diff.js';

/** Whether the checkout holds this commit (a shallow clone may not). */
export function hasCommit(cwd: string, ref: string): boolean {
  if (!ref || /^0+$/.test(ref)) return false;
  return gitOrUndefined(cwd, ['cat-file', '-e', `${ref}^{commit}`]) !== undefined;
}

/** The commit a ref names, e.g. origin/main; undefined when the checkout does not have it. */
export function resolveCommitIfPresent(cwd: string, ref: string): string | undefined {
  const out = gitOrUndefined(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return out?.toString('utf8').trim() || undefined;
}

/** Where two commits' histories meet; undefined when a shallow checkout does not reach it. */
export function mergeBase(cwd: string, a: string, b: string): string | undefined {
  return gitOrUndefined(cwd, ['merge-base', a, b])?.toString('utf8').trim() || undefined;
}

/**
 * The files changed between two commits, as a unified diff parsed into files with their hunks (3 lines of
 * context, as GitHub's pull-request diff has). Renames are detected as GitHub does.
 */
export function diffCommits(cwd: string, base: string, head: string): FileDiff[] | undefined {
  const out = gitOrUndefined(cwd, ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '-M', '--unified=3', base, head, '--']);
  return out ? parseUnifiedDiff(out.toString('utf8')) : undefined;
}

/** A file's bytes at a commit; undefined when it is not there. */
export function showFileIfPresent(cwd: string, commit: string, file: string): Buffer | undefined {
  return gitOrUndefined(cwd, ['show', `${commit}:${file}`]);
}
