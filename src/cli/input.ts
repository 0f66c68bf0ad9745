/**
 * What the command line lints: standard input (YAML, or what --stdin-filename names) or the files under the paths
 * given, read from the repository root so that every path in every report is relative to it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sourcesFromPaths } from '../engine/index.js';
import { toPosixRelative } from '../files/discover.js';
import { decodeText } from '../files/read.js';
import { hasBom } from '../fix/index.js';
import type { Config, SourceFile } from '../model/index.js';
import { isTerraformPath } from '../readers/index.js';
import { yamlStartProblem } from '../readers/sniff.js';
import { quotedExcerpt } from '../report/escape.js';
import { UsageError, type CliOptions } from './args.js';

export const STDIN_PATH = '<stdin>';

/** Nothing to lint where the user pointed: exit code 2, without the pointer to --help (the command line is fine). */
export class NoFilesError extends Error {
  override name = 'NoFilesError';
}

export interface CliInput {
  sources: SourceFile[];
  /** The paths given, relative to the root (the engine's working directory). */
  paths: string[];
  stdin: boolean;
  /** Standard input started with a byte order mark (kept when the fixed stream is printed). */
  bom: boolean;
}

const ALLOW_HINT = 'use --allow-no-files (or allow-no-files: true in the config) to exit 0 instead';

function stdinSource(options: CliOptions, cwd: string, root: string, config: Config, bytes: Buffer): SourceFile {
  const name = options.stdinFilename === undefined ? STDIN_PATH : toPosixRelative(root, path.resolve(cwd, options.stdinFilename));
  const decoded = decodeText(bytes);
  if (!('text' in decoded)) return { path: name, skip: decoded.skip };
  if (options.stdinFilename !== undefined && isTerraformPath(name)) return { path: name, text: decoded.text };
  const problem = yamlStartProblem(decoded.text);
  if (problem === 'empty') {
    if (config.allowNoFiles) return { path: name, text: decoded.text };
    throw new NoFilesError(`standard input is empty: there is nothing to lint (did the command before the pipe fail?); ${ALLOW_HINT}`);
  }
  if (problem !== undefined) {
    const hint = options.stdinFilename === undefined
      ? '; standard input is read as YAML: for Terraform, name it with --stdin-filename <name>.tf (or .tf.json)'
      : '';
    throw new UsageError(`${name === STDIN_PATH ? 'standard input' : name} is not YAML: line ${problem.line} (${quotedExcerpt(problem.text)}) does not start a key, a list item or a document${hint}`);
  }
  return { path: name, text: decoded.text };
}

export function readCliInput(options: CliOptions, cwd: string, root: string, config: Config, readStdin: () => Buffer): CliInput {
  if (options.paths.length === 1 && options.paths[0] === '-') {
    if (options.base !== undefined) throw new UsageError('--base reads the files with git, so it cannot be used with "-" (standard input)');
    const bytes = readStdin();
    return { sources: [stdinSource(options, cwd, root, config, bytes)], paths: [], stdin: true, bom: hasBom(bytes) };
  }
  // A path that does not exist is the user's mistake, not an internal error.
  const missing = options.paths.find((p) => !fs.lstatSync(path.resolve(cwd, p), { throwIfNoEntry: false }));
  if (missing !== undefined) throw new UsageError(`no such file or folder: ${missing}`);
  // Relative to the root, except a path the user gave as absolute outside it: that one is read where it is.
  const paths = options.paths.map((p) => {
    const relative = toPosixRelative(root, path.resolve(cwd, p));
    return path.isAbsolute(p) && relative.startsWith('../') ? path.resolve(p) : relative;
  });
  const sources = sourcesFromPaths(root, paths, config, true);
  if (sources.length === 0 && !config.allowNoFiles) {
    const given = options.paths.map((p) => JSON.stringify(p)).join(', ');
    throw new NoFilesError(
      `No files matching ${given} were found: no file there matches include (${config.include.join(', ')}) ` +
        `without matching exclude (${config.exclude.join(', ')}); ${ALLOW_HINT}`,
    );
  }
  return { sources, paths, stdin: false, bom: false };
}
