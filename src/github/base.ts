import type { SourceFile } from '../model/index.js';
import { decodeText } from '../files/read.js';
import type { GitHub } from './client.js';
import type { ChangedFile } from './diff.js';
import { showFileIfPresent } from './git.js';

/** Base files read through GraphQL per request (each is one `object(expression:)` in the query). */
export const BASE_FILES_PER_QUERY = 50;

/** A base file to read: where it was at the base, and the name the scan of the head gives it. */
export interface BaseFile {
  /** The path at the base commit. */
  basePath: string;
  /** The path the head has for it (a renamed file keeps its findings and costs under one name). */
  path: string;
}

/** The base side of changed files: every file but the added ones, under its head name. */
export function baseFilesOf(files: ChangedFile[], wanted: (path: string) => boolean): BaseFile[] {
  return files
    .filter((f) => f.status !== 'added')
    .map((f) => ({ basePath: f.previousPath ?? f.path, path: f.path }))
    .filter((f) => wanted(f.path) || wanted(f.basePath));
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function sized(path: string, size: number, maxSize: number): SourceFile | undefined {
  return size > maxSize ? { path, skip: `${formatSize(size)} is over the size limit of ${formatSize(maxSize)} (max-file-size)` } : undefined;
}

/** The base files from the checkout's history (git show); a file git does not have is left out (empty at the base). */
export function readBaseWithGit(workspace: string, commit: string, files: BaseFile[], maxSize: number): SourceFile[] {
  const sources: SourceFile[] = [];
  for (const file of files) {
    const bytes = showFileIfPresent(workspace, commit, file.basePath);
    if (!bytes) continue;
    const tooBig = sized(file.path, bytes.length, maxSize);
    if (tooBig) {
      sources.push(tooBig);
      continue;
    }
    const decoded = decodeText(bytes);
    sources.push('text' in decoded ? { path: file.path, text: decoded.text } : { path: file.path, skip: decoded.skip });
  }
  return sources;
}

type Blob = { text: string | null; isBinary: boolean | null; byteSize: number } | null;

/** Files at a commit through the API: one GraphQL query for every 50 files; null for a file not at that commit. */
export async function readBlobsWithApi(github: GitHub, commit: string, paths: string[]): Promise<Map<string, Blob>> {
  const { owner, repo } = github.context;
  const blobs = new Map<string, Blob>();
  for (let start = 0; start < paths.length; start += BASE_FILES_PER_QUERY) {
    const batch = paths.slice(start, start + BASE_FILES_PER_QUERY);
    const declarations = batch.map((_, i) => `$e${i}: String!`).join(', ');
    const fields = batch.map((_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { text isBinary byteSize } }`).join('\n    ');
    const variables: Record<string, unknown> = { owner, repo };
    // Paths travel as variables, never inside the query text.
    batch.forEach((p, i) => (variables[`e${i}`] = `${commit}:${p}`));
    const data = await github.graphql<{ repository: Record<string, Blob> | null }>(
      `query($owner: String!, $repo: String!, ${declarations}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields}\n  }\n}`,
      variables,
    );
    batch.forEach((p, i) => blobs.set(p, data.repository?.[`f${i}`] ?? null));
  }
  return blobs;
}

/** The base files through the API (one GraphQL query for every 50 files); a file not at the base is left out. */
export async function readBaseWithApi(github: GitHub, commit: string, files: BaseFile[], maxSize: number): Promise<SourceFile[]> {
  const blobs = await readBlobsWithApi(github, commit, files.map((f) => f.basePath));
  const sources: SourceFile[] = [];
  for (const file of files) {
    const blob = blobs.get(file.basePath);
    if (!blob) continue; // not at the base: empty there
    const tooBig = sized(file.path, blob.byteSize, maxSize);
    if (tooBig) sources.push(tooBig);
    else if (blob.isBinary || blob.text === null) sources.push({ path: file.path, skip: 'a binary file' });
    else sources.push({ path: file.path, text: blob.text.charCodeAt(0) === 0xfeff ? blob.text.slice(1) : blob.text });
  }
  return sources;
}
