import type { Config, FileStatus, Finding, ReadResult, RenderedFileStatus, SourceFile } from '../model/index.js';
import { emptyReadResult } from '../model/index.js';
import { failureReason } from '../readers/failure.js';
import { readContext, readerFor, type ReadContext, type ReaderOptions } from '../readers/index.js';
import { commentIgnores, type CommentIgnore } from '../suppress/comments.js';
import { fileFinding, problemFinding } from './findings.js';

export type ReadSourcesOptions = ReaderOptions & { config: Pick<Config, 'inlineIgnores'> };

/** What reading the files gives the later stages. */
export interface ReadSources {
  /** How each file was judged, in the order of the sources. */
  files: FileStatus[];
  /** The read results of the files read alone (not those judged through a chart or overlay). */
  reads: ReadResult[];
  /** Each file's ignore comments, for suppressing its findings (empty when `inlineIgnores` is off). */
  comments: Map<string, CommentIgnore[]>;
  /** The skipped-file notices and the readers' problems. */
  findings: Finding[];
}

interface ReadSource {
  status: FileStatus;
  read?: ReadResult;
  comments: CommentIgnore[];
  findings: Finding[];
}

/**
 * The read stage: each file's text → its read result (workloads, namespaces, NAT facts…), its status and its
 * findings. The files that charts and overlays use (`used`) are not read here: the rendered documents are.
 */
export function readSources(sources: readonly SourceFile[], options: ReadSourcesOptions, used: ReadonlyMap<string, RenderedFileStatus>): ReadSources {
  const files: FileStatus[] = [];
  const findings: Finding[] = [];
  // A path given twice is read twice but counts once, with its last reading, at its first place.
  const byPath = new Map<string, ReadSource>();
  // First pass: what a reader needs from the other files (Terraform variables and locals of each folder).
  const context = readContext(sources);
  for (const source of sources) {
    const one = readSource(source, options, context, used.get(source.path));
    files.push(one.status);
    findings.push(...one.findings);
    byPath.set(source.path, one);
  }
  return {
    files,
    reads: [...byPath.values()].flatMap((one) => (one.read ? [one.read] : [])),
    comments: new Map([...byPath].map(([path, one]) => [path, one.comments])),
    findings,
  };
}

function readSource(source: SourceFile, options: ReadSourcesOptions, context: ReadContext, used: RenderedFileStatus | undefined): ReadSource {
  const { config } = options;
  if (used && source.text !== undefined) {
    // Judged through the charts and overlays that use it (docs/charts.md), never alone.
    const comments = config.inlineIgnores ? commentIgnores(source.text) : [];
    return { status: { path: source.path, status: used.status, reason: used.reason }, comments, findings: [] };
  }
  if (source.text === undefined) return skippedSource(source.path, source.skip, { comments: [] });
  const reader = readerFor(source.path);
  let read: ReadResult;
  let comments: CommentIgnore[] = [];
  // One file never stops the scan: whatever its reader throws (a stack overflow on deep nesting included)
  // makes that file skipped, with the reason.
  try {
    read = reader.read(source.path, source.text, { ...options, context });
    if (config.inlineIgnores) comments = commentIgnores(source.text);
  } catch (error) {
    read = { ...emptyReadResult(), skipped: failureReason(error) };
  }
  if (read.skipped) return skippedSource(source.path, read.skipped, { read, comments });
  return {
    status: {
      path: source.path,
      status: 'scanned',
      ...(read.unresolved?.length ? { unresolved: read.unresolved } : {}),
      ...(read.aliasReads?.length ? { aliasReads: read.aliasReads } : {}),
    },
    read,
    comments,
    findings: read.problems.map((problem) => problemFinding(problem, source.path, problem.span)),
  };
}

function skippedSource(file: string, reason: string | undefined, rest: Pick<ReadSource, 'read' | 'comments'>): ReadSource {
  return {
    status: { path: file, status: 'skipped', reason },
    ...rest,
    findings: [fileFinding('skipped-file', file, `Not scanned: ${reason}.`)],
  };
}
