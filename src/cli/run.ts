import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/load.js';
import { lintPaths, lintSources, type LintResult } from '../engine.js';
import { decodeText } from '../files/read.js';
import { formatReport, shouldFail } from '../report/index.js';
import { TOOL_VERSION } from '../version.js';
import { HELP, parseCliArgs, UsageError, type CliOptions } from './args.js';

const NOT_YET = ['fix', 'fixUnsafe', 'diff', 'base', 'newOnly'] as const;
const FLAG_NAMES: Record<(typeof NOT_YET)[number], string> = {
  fix: '--fix',
  fixUnsafe: '--fix-unsafe',
  diff: '--diff',
  base: '--base',
  newOnly: '--new-only',
};

function lintStdinOrPaths(options: CliOptions, cwd: string, config: ReturnType<typeof loadConfig>['config']): LintResult {
  if (options.paths.length === 1 && options.paths[0] === '-') {
    const decoded = decodeText(fs.readFileSync(0));
    const source = 'text' in decoded ? { path: '<stdin>', text: decoded.text } : { path: '<stdin>', skip: decoded.skip };
    return lintSources([source], { config });
  }
  // A path that does not exist is the user's mistake, not an internal error.
  const missing = options.paths.find((p) => !fs.lstatSync(path.resolve(cwd, p), { throwIfNoEntry: false }));
  if (missing !== undefined) throw new UsageError(`no such file or folder: ${missing}`);
  return lintPaths(cwd, options.paths, { config });
}

export function run(argv: string[], cwd: string, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream): number {
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
    for (const key of NOT_YET) {
      if (options[key]) throw new UsageError(`${FLAG_NAMES[key]} is not yet supported by this version`);
    }
    const { config } = loadConfig(cwd, options.config, options.overrides);
    const result = lintStdinOrPaths(options, cwd, config);
    const color = !options.output && (stdout as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
    const report = formatReport(options.format, result, { color });
    if (options.output) fs.writeFileSync(path.resolve(cwd, options.output), report);
    else stdout.write(report);
    return shouldFail(result.findings, options.failOn) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      stderr.write(`eci-egress-lint: ${error.message}\nRun eci-egress-lint --help for usage.\n`);
    } else if (error instanceof ConfigError) {
      stderr.write(`eci-egress-lint: ${error.message}\n`);
    } else {
      const detail = process.env.ECI_EGRESS_LINT_DEBUG ? (error as Error).stack : (error as Error).message;
      stderr.write(`eci-egress-lint: internal error: ${detail}\n`);
    }
    return 2;
  }
}
