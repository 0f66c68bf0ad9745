import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/load.js';
import { printConfig } from '../config/print.js';
import { lintSources, renderSources } from '../engine/index.js';
import { toPosixRelative } from '../files/discover.js';
import { GitError, readBaseSources } from '../files/git.js';
import { findRepositoryRoot } from '../files/root.js';
import type { Config, LintResult } from '../model/index.js';
import { prepareReaders } from '../readers/index.js';
import { renderAtCommit } from '../render/base.js';
import { formatReport, shouldFail } from '../report/index.js';
import { rulesReport } from '../report/rules.js';
import { plural } from '../report/summary.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';
import { fixFlags, runFixes } from './fix.js';
import { NoFilesError, readCliInput } from './input.js';
import { writeReportFile } from './output.js';
import { terminalWidth } from './terminal.js';
import { RefusedPath } from '../files/workspace.js';
import { escapeLog, escapeTerminal } from '../report/escape.js';

export interface RunEnvironment {
  /** FORCE_COLOR, NO_COLOR and ECI_EGRESS_LINT_DEBUG are read from it; process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Standard input's bytes; read from file descriptor 0 by default. */
  readStdin?: () => Buffer;
}

/**
 * Colours: --color / --no-color first, then FORCE_COLOR (set and not "0" or "false": on), then NO_COLOR (set:
 * off), then whether the report goes to a terminal. A report written to a file has colours only with --color.
 */
export function useColor(options: CliOptions, stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  if (options.color !== undefined) return options.color;
  if (options.output) return false;
  if (env.FORCE_COLOR !== undefined) return !/^(0|false)$/i.test(env.FORCE_COLOR);
  if (env.NO_COLOR) return false;
  return (stream as NodeJS.WriteStream).isTTY === true;
}

/** The folder --output writes into must exist: a typo in it is the user's mistake, said before the scan. */
function checkOutputFolder(cwd: string, output: string | undefined): void {
  if (output === undefined) return;
  const folder = path.dirname(path.resolve(cwd, output));
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`--output ${output}: the folder ${path.dirname(output)} does not exist`);
  if (!stat.isDirectory()) throw new UsageError(`--output ${output}: ${path.dirname(output)} is not a folder`);
}

/** A config error caused by a flag names the flag rather than the config file. */
function blameFlag(error: ConfigError, options: CliOptions): Error {
  const region = (options.overrides.pricing as { region?: string } | undefined)?.region;
  if (region !== undefined && /pricing\.region:/.test(error.message)) {
    const detail = error.message.slice(error.message.indexOf('pricing.region:') + 'pricing.region:'.length).trim();
    return new UsageError(`--region: ${detail}`);
  }
  return error;
}

export async function run(
  argv: string[],
  cwd: string,
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  environment: RunEnvironment = {},
): Promise<number> {
  const env = environment.env ?? process.env;
  let debug = Boolean(env.ECI_EGRESS_LINT_DEBUG);
  const log = (line: string) => {
    if (debug) stderr.write(`${TOOL_NAME} debug: ${line}\n`);
  };
  try {
    const options = parseCliArgs(argv);
    debug ||= options.debug;
    if (options.help) {
      stdout.write(HELP);
      return 0;
    }
    if (options.version) {
      stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (options.listRules) {
      stdout.write(rulesReport(options.format === 'json' ? 'json' : 'text'));
      return 0;
    }
    const unsafeRules = fixFlags(options);
    if (options.newOnly && options.base === undefined) throw new UsageError('--new-only needs --base <git-ref>: the findings of the base to compare with');
    checkOutputFolder(cwd, options.output);

    // Every path is relative to the repository root, whatever the working directory (docs/cli.md).
    const repositoryRoot = findRepositoryRoot(cwd);
    const root = repositoryRoot ?? path.resolve(cwd);
    log(`root: ${root}${repositoryRoot ? ' (the git repository)' : ' (not in a git repository: the working directory)'}`);
    let loaded: ReturnType<typeof loadConfig>;
    try {
      loaded = loadConfig(cwd, options.config, options.overrides, { absoluteOutside: true, searchUpTo: root });
    } catch (error) {
      throw error instanceof ConfigError ? blameFlag(error, options) : error;
    }
    const { config } = loaded;
    const configFile = loaded.absolute === undefined ? null : toPosixRelative(root, loaded.absolute);
    log(`config: ${configFile ?? 'none found, defaults used'}`);
    if (options.printConfig) {
      stdout.write(printConfig(config, configFile, options.format === 'json' ? 'json' : 'yaml'));
      return 0;
    }

    const started = Date.now();
    const input = readCliInput(options, cwd, root, config, environment.readStdin ?? (() => fs.readFileSync(0)));
    log(`read ${input.sources.length} file(s) in ${Date.now() - started} ms`);
    let result: LintResult;
    let reportStream = stdout;
    let fixes;
    if (options.fix || options.diff) {
      ({ after: result, summary: fixes, reportStream } = await runFixes(options, root, config, unsafeRules, input, { stdout, stderr }));
    } else {
      result = await lint(options, root, config, input);
    }
    log(`linted in ${Date.now() - started} ms: ${result.files.length} file(s), ${result.findings.length} finding(s)`);
    return report(options, { cwd, root, configFile, env }, result, fixes, reportStream, stderr);
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`${TOOL_NAME}: ${escapeTerminal(error.message)}\nRun ${TOOL_NAME} --help for usage.\n`);
    } else if (error instanceof ConfigError || error instanceof GitError || error instanceof NoFilesError || error instanceof RefusedPath) {
      stderr.write(`${TOOL_NAME}: ${escapeTerminal(error.message)}\n`);
    } else {
      const detail = debug ? (error as Error).stack : (error as Error).message;
      stderr.write(`${TOOL_NAME}: internal error: ${escapeLog(detail ?? '')}\n${debug ? '' : `Run with --debug for the stack trace.\n`}`);
    }
    return 2;
  }
}

async function lint(options: CliOptions, root: string, config: Config, input: ReturnType<typeof readCliInput>): Promise<LintResult> {
  // The base's version of the same files, read with git (docs/cost.md); the engine stays free of git.
  const base = options.base === undefined ? undefined : readBaseSources(options.base, { cwd: root, paths: input.paths, ...config });
  // Loads the Terraform parser only when Terraform files are among the sources.
  await prepareReaders([...input.sources, ...(base ?? [])]);
  // Charts and overlays among the files, rendered with the real tools (docs/charts.md); standard input is never rendered.
  const rendered = input.stdin ? undefined : await renderSources(root, input.sources, config);
  // The base's charts and overlays, rendered from the base's files, for the cost change.
  const baseRendered = options.base === undefined || !base ? undefined : await renderAtCommit(root, options.base, base.map((s) => s.path), config);
  return lintSources(input.sources, { config, base, newOnly: options.newOnly, rendered, baseRendered });
}

/** Writes the report and returns the exit code. */
function report(
  options: CliOptions,
  where: { cwd: string; root: string; configFile: string | null; env: NodeJS.ProcessEnv },
  result: LintResult,
  fixes: Parameters<typeof formatReport>[2]['fixes'],
  stream: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
): number {
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  // --quiet: errors only, in the report and in the exit code; --max-warnings still counts the warnings.
  const shown = options.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === 'error') } : result;
  const text = formatReport(options.format, shown, {
    color: useColor(options, stream, where.env),
    fixes,
    configFile: where.configFile,
    root: where.root,
    width: terminalWidth(stream, options.output),
  });
  if (options.output) {
    try {
      // Never through a link at that name, never outside the working tree unless the path is absolute.
      writeReportFile(where.cwd, options.output, text);
    } catch (error) {
      if (error instanceof RefusedPath) throw error;
      throw new UsageError(`--output ${options.output}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  } else stream.write(text);
  let code = shouldFail(shown.findings, options.failOn) ? 1 : 0;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    stderr.write(`${TOOL_NAME}: ${plural(warnings, 'warning')}, more than --max-warnings ${options.maxWarnings} allows.\n`);
    code = 1;
  }
  return code;
}
