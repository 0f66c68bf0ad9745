import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/load.js';
import { lintPathsPrepared, lintSources, type LintResult } from '../engine.js';
import { decodeText } from '../files/read.js';
import { GitError, readBaseSources } from '../files/git.js';
import { renderAtCommit } from '../render/base.js';
import { formatReport, shouldFail } from '../report/index.js';
import { TOOL_VERSION } from '../version.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { fixFlags, runFixes } from './fix.js';

async function lintStdinOrPaths(options: CliOptions, cwd: string, config: ReturnType<typeof loadConfig>['config']): Promise<LintResult> {
  if (options.paths.length === 1 && options.paths[0] === '-') {
    if (options.base !== undefined) throw new UsageError('--base reads the files with git, so it cannot be used with "-" (standard input)');
    const decoded = decodeText(fs.readFileSync(0));
    const source = 'text' in decoded ? { path: '<stdin>', text: decoded.text } : { path: '<stdin>', skip: decoded.skip };
    return lintSources([source], { config });
  }
  // A path that does not exist is the user's mistake, not an internal error.
  const missing = options.paths.find((p) => !fs.lstatSync(path.resolve(cwd, p), { throwIfNoEntry: false }));
  if (missing !== undefined) throw new UsageError(`no such file or folder: ${missing}`);
  // The base's version of the same files, read with git (docs/cost.md); the engine stays free of git.
  const base = options.base === undefined ? undefined : readBaseSources(options.base, { cwd, paths: options.paths, ...config });
  // The base's charts and overlays, rendered from the base's files (docs/charts.md), for the cost change.
  const baseRendered = options.base === undefined || !base ? undefined : await renderAtCommit(cwd, options.base, base.map((s) => s.path), config);
  // Loads the Terraform parser only when Terraform files are among the sources.
  return lintPathsPrepared(cwd, options.paths, { config, base, newOnly: options.newOnly, baseRendered });
}

export async function run(argv: string[], cwd: string, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) {
      stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    }
    const unsafeRules = fixFlags(options);
    if (options.newOnly && options.base === undefined) throw new UsageError('--new-only needs --base <git-ref>: the findings of the base to compare with');
    const { config } = loadConfig(cwd, options.config, options.overrides);
    if (options.fix || options.diff) return await runFixes(options, cwd, config, unsafeRules, { stdout, stderr });
    const result = await lintStdinOrPaths(options, cwd, config);
    const color = !options.output && (stdout as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
    const report = formatReport(options.format, result, { color });
    if (options.output) fs.writeFileSync(path.resolve(cwd, options.output), report);
    else stdout.write(report);
    return shouldFail(result.findings, options.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`eci-egress-lint: ${error.message}\nRun eci-egress-lint --help for usage.\n`);
    } else if (error instanceof ConfigError || error instanceof GitError) {
      stderr.write(`eci-egress-lint: ${error.message}\n`);
    } else {
      const detail = process.env.ECI_EGRESS_LINT_DEBUG ? (error as Error).stack : (error as Error).message;
      stderr.write(`eci-egress-lint: internal error: ${detail}\n`);
    }
    return 2;
  }
}
