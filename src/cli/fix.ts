/**
 * `--fix`, `--fix-unsafe` and `--diff`: lint, apply the fixes (src/fix), then write the files, print the fixed stream
 * (standard input) or print a diff, and report what remains.
 */
import path from 'node:path';
import { lintSources, renderSources, sourcesFromPaths, type LintOptions } from '../engine/index.js';
import { readBaseSources } from '../files/git.js';
import { renderAtCommit } from '../render/base.js';
import { fixedTextRenderer } from '../render/fixed.js';
import { fixEntries, fixInWorkspace, FixSelectionError, parseUnsafeRules, unifiedDiffs, writeFixedFile } from '../fix/index.js';
import type { Config, FixSummary, LintResult } from '../model/index.js';
import { prepareReaders } from '../readers/index.js';
import { UsageError, type CliOptions } from './args.js';
import type { CliInput } from './input.js';

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

/**
 * Runs a lint with fixes from the root (the engine's working directory; `input.paths` are relative to it);
 * returns the result after the fixes and the stream the report goes to.
 */
export async function runFixes(
  options: CliOptions,
  root: string,
  config: Config,
  unsafeRules: string[],
  input: CliInput,
  io: Io,
): Promise<{ after: LintResult; summary: FixSummary; reportStream: NodeJS.WritableStream }> {
  const { sources, stdin, bom } = input;
  const base = options.base === undefined ? undefined : readBaseSources(options.base, { cwd: root, paths: input.paths, ...config });
  await prepareReaders([...sources, ...(base ?? [])]);
  const rendered = stdin ? undefined : await renderSources(root, sources, config);
  const baseRendered = options.base === undefined || !base ? undefined : await renderAtCommit(root, options.base, base.map((s) => s.path), config);
  const lintOptions: LintOptions = { config, base, newOnly: options.newOnly, rendered, baseRendered };

  // The findings as reported (with --new-only, only the new ones): those are the ones fixed.
  const before = lintSources(sources, lintOptions);
  const paths = sources.map((s) => s.path);
  const fixes = await fixInWorkspace(sources, before.findings, { config, unsafeRules, linted: base === undefined ? before : undefined, rendered, cwd: root, paths });
  const changed = fixes.files.filter((f) => f.fixed !== f.original);
  // A fixed file that a chart or overlay uses changes what it renders: what remains is linted from a new rendering.
  const rendersAgain = rendered !== undefined && changed.some((f) => rendered.used.has(f.path));

  let after: LintResult;
  let summary: FixSummary;
  if (options.diff || stdin) {
    const fixedText = new Map(changed.map((f) => [f.path, f.fixed]));
    const usedTexts = new Map(changed.filter((f) => rendered?.used.has(f.path)).map((f) => [f.path, f.fixed]));
    const again = rendered && rendersAgain ? await fixedTextRenderer(root, paths, config, rendered)(usedTexts) : undefined;
    try {
      after = lintSources(
        sources.map((s) => (fixedText.has(s.path) ? { ...s, text: fixedText.get(s.path) } : s)),
        again ? { ...lintOptions, rendered: again.rendered } : lintOptions,
      );
    } finally {
      again?.release();
    }
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
      // Files are written where they were read: in the repository, or under a path the user gave as absolute.
      const confinement = { root, alsoUnder: input.paths.filter((p) => path.isAbsolute(p)) };
      const outcome = writeFixedFile(path.resolve(root, file.path), file.original, file.fixed, confinement);
      if (!outcome.written) unwritten.set(file.path, outcome.reason ?? 'not written');
    }
    // What remains is what the files now hold: read them again.
    const written = sourcesFromPaths(root, input.paths, config, true);
    after = lintSources(written, rendersAgain ? { ...lintOptions, rendered: await renderSources(root, written, config) } : lintOptions);
    summary = { mode: 'write', entries: fixEntries(fixes.files, unwritten) };
  }

  // The report goes where it always goes, unless standard output holds the diff or the fixed stream.
  return { after, summary, reportStream: options.diff || stdin ? io.stderr : io.stdout };
}
