/**
 * `--fix`, `--fix-unsafe` and `--diff`: lint, apply the fixes (src/fix), then write the files, print the fixed stream
 * (standard input) or print a diff, and report what remains.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lintSources, renderSources, sourcesFromPaths, type LintOptions, type LintResult, type SourceFile } from '../engine.js';
import { readBaseSources } from '../files/git.js';
import { renderAtCommit } from '../render/base.js';
import { decodeText } from '../files/read.js';
import { applyFixes, fixEntries, FixSelectionError, hasBom, parseUnsafeRules, unifiedDiffs, writeFixedFile, type FixSummary } from '../fix/index.js';
import type { Config } from '../model/index.js';
import { prepareReaders } from '../readers/index.js';
import { formatReport, shouldFail } from '../report/index.js';
import { UsageError, type CliOptions } from './args.js';

export const STDIN_PATH = '<stdin>';

/** The rules whose unsafe fixes were asked for; a usage error for flags that do not go together. */
export function fixFlags(options: CliOptions): string[] {
  if (options.fix && options.diff) throw new UsageError('--fix and --diff cannot be used together: --diff shows the fixes and writes nothing');
  if (options.fixUnsafe !== undefined && !options.fix && !options.diff) {
    throw new UsageError('--fix-unsafe adds unsafe fixes to --fix or --diff; give one of them too');
  }
  try {
    return parseUnsafeRules(options.fixUnsafe);
  } catch (error) {
    if (error instanceof FixSelectionError) throw new UsageError(error.message);
    throw error;
  }
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

function isTty(stream: NodeJS.WritableStream): boolean {
  return (stream as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
}

/** Runs a lint with fixes; returns the exit code, which follows the findings that remain after the fixes. */
export async function runFixes(options: CliOptions, cwd: string, config: Config, unsafeRules: string[], io: Io): Promise<number> {
  const stdin = options.paths.length === 1 && options.paths[0] === '-';
  let sources: SourceFile[];
  let bom = false;
  if (stdin) {
    if (options.base !== undefined) throw new UsageError('--base reads the files with git, so it cannot be used with "-" (standard input)');
    const bytes = fs.readFileSync(0);
    bom = hasBom(bytes);
    const decoded = decodeText(bytes);
    sources = ['text' in decoded ? { path: STDIN_PATH, text: decoded.text } : { path: STDIN_PATH, skip: decoded.skip }];
  } else {
    const missing = options.paths.find((p) => !fs.lstatSync(path.resolve(cwd, p), { throwIfNoEntry: false }));
    if (missing !== undefined) throw new UsageError(`no such file or folder: ${missing}`);
    sources = sourcesFromPaths(cwd, options.paths, config);
  }
  const base = options.base === undefined ? undefined : readBaseSources(options.base, { cwd, paths: options.paths, ...config });
  await prepareReaders([...sources, ...(base ?? [])]);
  // Findings in charts and overlays carry no fix (docs/charts.md), so one rendering serves before and after.
  const rendered = stdin ? undefined : await renderSources(cwd, sources, config);
  const baseRendered = options.base === undefined || !base ? undefined : await renderAtCommit(cwd, options.base, base.map((s) => s.path), config);
  const lintOptions: LintOptions = { config, base, newOnly: options.newOnly, rendered, baseRendered };

  // The findings as reported (with --new-only, only the new ones): those are the ones fixed.
  const before = lintSources(sources, lintOptions);
  const fixes = applyFixes(sources, before.findings, { config, unsafeRules, linted: base === undefined ? before : undefined });
  const changed = fixes.files.filter((f) => f.fixed !== f.original);

  let after: LintResult;
  let summary: FixSummary;
  if (options.diff || stdin) {
    const fixedText = new Map(changed.map((f) => [f.path, f.fixed]));
    after = lintSources(
      sources.map((s) => (fixedText.has(s.path) ? { ...s, text: fixedText.get(s.path) } : s)),
      lintOptions,
    );
    summary = { mode: options.diff ? 'diff' : 'stdout', entries: fixEntries(fixes.files) };
    if (options.diff) {
      const withBom = (text: string) => (bom ? '\uFEFF' + text : text);
      io.stdout.write(unifiedDiffs(changed.map((f) => ({ path: f.path, original: withBom(f.original), fixed: withBom(f.fixed) }))));
    } else {
      const source = sources[0];
      if (source.text !== undefined) io.stdout.write((bom ? '\uFEFF' : '') + (fixedText.get(source.path) ?? source.text));
    }
  } else {
    const unwritten = new Map<string, string>();
    for (const file of changed) {
      const outcome = writeFixedFile(path.resolve(cwd, file.path), file.original, file.fixed);
      if (!outcome.written) unwritten.set(file.path, outcome.reason ?? 'not written');
    }
    // What remains is what the files now hold: read them again.
    after = lintSources(sourcesFromPaths(cwd, options.paths, config), lintOptions);
    summary = { mode: 'write', entries: fixEntries(fixes.files, unwritten) };
  }

  // The report goes where it always goes, unless standard output holds the diff or the fixed stream.
  const reportStream = options.diff || stdin ? io.stderr : io.stdout;
  const report = formatReport(options.format, after, { color: !options.output && isTty(reportStream), fixes: summary });
  if (options.output) fs.writeFileSync(path.resolve(cwd, options.output), report);
  else reportStream.write(report);
  return shouldFail(after.findings, options.failOn) ? 1 : 0;
}
