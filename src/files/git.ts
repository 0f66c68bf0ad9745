import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { decodeText } from './read.js';
import { selected, toPosixRelative } from './discover.js';

/** Git cannot give what was asked: not a repository, an unknown ref, no git. The run stops (exit 2). */
export class GitError extends Error {
  override name = 'GitError';
}

/** The one way this project runs git: its output, or a GitError that says why there is none. */
function runGit(cwd: string, args: string[], maxBuffer: number): { stdout: Buffer } | { error: GitError } {
  const result = spawnSync('git', args, { cwd, maxBuffer, stdio: ['ignore', 'pipe', 'pipe'] });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    return { error: new GitError('git is not installed or not on the PATH') };
  }
  if (result.error || result.status !== 0) {
    const detail = result.stderr?.toString('utf8').trim().split('\n')[0];
    return { error: new GitError(`git ${args[0]} failed${detail ? `: ${detail}` : ''}`) };
  }
  return { stdout: result.stdout };
}

/** Runs git where its answer is required (reading a base): the output, or a GitError that stops the run. */
export function gitOrThrow(cwd: string, args: string[], maxBuffer = 1024 * 1024 * 1024): Buffer {
  const outcome = runGit(cwd, args, maxBuffer);
  if ('error' in outcome) throw outcome.error;
  return outcome.stdout;
}

/**
 * Runs git where its answer is optional (the action asks what a checkout holds, and goes on without it): the output,
 * or undefined when git is missing or the command fails.
 */
export function gitOrUndefined(cwd: string, args: string[], maxBuffer = 256 * 1024 * 1024): Buffer | undefined {
  const outcome = runGit(cwd, args, maxBuffer);
  return 'error' in outcome ? undefined : outcome.stdout;
}

/** The top folder of the repository that holds `cwd`. */
export function repositoryRoot(cwd: string): string {
  try {
    return gitOrThrow(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && /not installed/.test(error.message)) throw error;
    throw new GitError(`${cwd} is not in a git repository, so there is no base to read`);
  }
}

/** The commit a ref names; an error when the repository has no such commit. */
export function resolveCommit(cwd: string, ref: string): string {
  if (ref.startsWith('-')) throw new GitError(`"${ref}" is not a git ref`);
  try {
    return gitOrThrow(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).toString('utf8').trim();
  } catch {
    throw new GitError(`unknown git ref "${ref}": no such commit in this repository (a shallow clone may need fetch-depth: 0)`);
  }
}

export interface GitBlob {
  /** Relative to the repository root, with `/`. */
  path: string;
  size: number;
}

/** The regular files of a commit's tree (no links, no submodules), relative to the repository root. */
export function listCommitFiles(root: string, commit: string): GitBlob[] {
  const out = gitOrThrow(root, ['ls-tree', '-r', '-z', '-l', '--full-tree', commit]).toString('utf8');
  const files: GitBlob[] = [];
  for (const record of out.split('\0')) {
    // <mode> SP <type> SP <object> SP+ <size> TAB <path>
    const match = /^(\d+) (\w+) [0-9a-f]+ +(-|\d+)\t(.*)$/s.exec(record);
    if (!match || match[2] !== 'blob' || (match[1] !== '100644' && match[1] !== '100755')) continue;
    files.push({ path: match[4], size: match[3] === '-' ? 0 : Number(match[3]) });
  }
  return files;
}

/** A file's bytes at a commit. */
export function showFile(root: string, commit: string, repoPath: string): Buffer {
  return gitOrThrow(root, ['show', `${commit}:${repoPath}`]);
}

export interface BaseSource {
  /** Relative to the working directory, with `/`, as the scan of the working tree names it. */
  path: string;
  text?: string;
  skip?: string;
}

export interface BaseScanOptions {
  cwd: string;
  /** The paths given to the scan (files or folders), relative to `cwd` or absolute. */
  paths: string[];
  include: string[];
  exclude: string[];
  maxFileSize: number;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The base's version of the files the scan reads: the files of `ref` under the same paths, filtered by the same
 * include and exclude globs as a walk of the working tree (a path named exactly is read whatever its name,
 * unless excluded), each read with `git show <ref>:<path>`. A file that is only in the working tree is absent
 * here, and one deleted since the ref is present: each counts as empty on the other side.
 */
export function readBaseSources(ref: string, options: BaseScanOptions): BaseSource[] {
  const cwd = path.resolve(options.cwd);
  const root = repositoryRoot(cwd);
  const commit = resolveCommit(cwd, ref);
  const given = options.paths.map((p) => toPosixRelative(cwd, path.resolve(cwd, p)));
  const sources: BaseSource[] = [];
  for (const blob of listCommitFiles(root, commit)) {
    const relative = toPosixRelative(cwd, path.join(root, blob.path));
    if (relative.split('/').some((part) => part === '.git' || part === 'node_modules')) continue;
    const explicit = given.includes(relative);
    const under = given.some((g) => (g === '.' ? !relative.startsWith('../') : relative.startsWith(`${g}/`)));
    const chosen = explicit
      ? !options.exclude.some((p) => minimatch(relative, p, { dot: true }))
      : under && selected(relative, options);
    if (!chosen) continue;
    if (blob.size > options.maxFileSize) {
      sources.push({
        path: relative,
        skip: `${formatSize(blob.size)} is over the size limit of ${formatSize(options.maxFileSize)} (max-file-size)`,
      });
      continue;
    }
    const decoded = decodeText(showFile(root, commit, blob.path));
    sources.push('text' in decoded ? { path: relative, text: decoded.text } : { path: relative, skip: decoded.skip });
  }
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
