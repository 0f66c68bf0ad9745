import { parseArgs } from 'node:util';
import type { Severity } from '../model/index.js';
import { TOOL_NAME } from '../version.js';

export type Format = 'text' | 'json' | 'sarif' | 'markdown' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'markdown', 'github'];
export type FailOn = Severity | 'never';
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

export interface CliOptions {
  paths: string[];
  config?: string;
  format: Format;
  output?: string;
  fix: boolean;
  fixUnsafe?: string;
  diff: boolean;
  base?: string;
  newOnly: boolean;
  failOn: FailOn;
  /** Config keys given as flags, in config-file shape. */
  overrides: Record<string, unknown>;
  version: boolean;
  help: boolean;
}

/** A wrong command line: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `Usage: ${TOOL_NAME} [options] [paths...]

Lints Kubernetes YAML and Terraform for Alibaba Cloud ECI egress: per-pod EIP annotations that are
missing, misplaced, malformed or wasteful.

Paths are files or folders (default "."); "-" reads one YAML stream from standard input.

Options:
  -c, --config <file>            config file (default: .github/eci-egress-lint.yml or .eci-egress-lint.yml)
  -f, --format <format>          text | json | sarif | markdown | github (default: text)
  -o, --output <file>            write the report to a file instead of standard output
      --fix                      apply safe fixes in place
      --fix-unsafe <rule-id,...> also apply these rules' unsafe fixes
      --diff                     print the fixes as a unified diff; write nothing
      --base <git-ref>           compare cost with that ref (files read with git)
      --new-only                 report only findings the base does not have
      --cluster <mode>           serverless | virtual-node
      --egress <policy>          auto | eip | nat | none
      --nat-gateway <setting>    auto | present | absent
      --region <region>          price table region, e.g. ap-southeast-1
      --charge-type <type>       PayByTraffic | PayByBandwidth
      --fail-on <level>          error | warning | notice | never (default: error)
      --helm <path>              the helm command or path that renders charts (default: helm on PATH)
      --kustomize <path>         kustomize or kubectl, for overlays (default: kustomize, else kubectl kustomize)
      --no-render                do not render charts and overlays (their templates are skipped)
  -v, --version                  print the version
  -h, --help                     print this help

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config or internal error.
Docs: docs/cli.md, docs/configuration.md, docs/charts.md and docs/rules/ in the project.
`;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        fix: { type: 'boolean' },
        'fix-unsafe': { type: 'string' },
        diff: { type: 'boolean' },
        base: { type: 'string' },
        'new-only': { type: 'boolean' },
        cluster: { type: 'string' },
        egress: { type: 'string' },
        'nat-gateway': { type: 'string' },
        region: { type: 'string' },
        'charge-type': { type: 'string' },
        'fail-on': { type: 'string' },
        helm: { type: 'string' },
        kustomize: { type: 'string' },
        'no-render': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  const pricing: Record<string, unknown> = {};
  if (v.region !== undefined) pricing.region = v.region;
  if (v['charge-type'] !== undefined) pricing['charge-type'] = v['charge-type'];
  const render: Record<string, unknown> = {};
  if (v.helm !== undefined) render.helm = v.helm;
  if (v.kustomize !== undefined) render.kustomize = v.kustomize;
  if (v['no-render']) render.enabled = false;
  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    config: v.config,
    format: oneOf('format', v.format, FORMATS) ?? 'text',
    output: v.output,
    fix: v.fix ?? false,
    fixUnsafe: v['fix-unsafe'],
    diff: v.diff ?? false,
    base: v.base,
    newOnly: v['new-only'] ?? false,
    failOn: oneOf('fail-on', v['fail-on'], FAIL_ON) ?? 'error',
    overrides: {
      cluster: v.cluster,
      egress: v.egress,
      'nat-gateway': v['nat-gateway'],
      pricing: Object.keys(pricing).length > 0 ? pricing : undefined,
      render: Object.keys(render).length > 0 ? render : undefined,
    },
    version: v.version ?? false,
    help: v.help ?? false,
  };
}
