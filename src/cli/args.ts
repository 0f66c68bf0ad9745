import { parseArgs } from 'node:util';
import {
  CHARGE_TYPES,
  CLUSTER_MODES,
  EGRESS_POLICIES,
  FAIL_ON_LEVELS,
  NAT_GATEWAY_SETTINGS,
  SEVERITY_SETTINGS,
  type FailOn,
  type SeveritySetting,
} from '../model/index.js';
import { didYouMean } from '../config/suggest.js';
import { RULE_IDS } from '../rules/index.js';
import { DOCS_URL, TOOL_NAME } from '../version.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'github', 'compact'] as const;
export type Format = (typeof FORMATS)[number];

/** The values a flag takes, for the help. */
const choices = (values: readonly string[]) => values.join(' | ');

export interface CliOptions {
  paths: string[];
  /** True when no path was given (the default "." is used). */
  defaultPaths: boolean;
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
  /** The name standard input stands for: its reader and the path in the report. */
  stdinFilename?: string;
  printConfig: boolean;
  listRules: boolean;
  /** Report errors only. */
  quiet: boolean;
  maxWarnings?: number;
  /** --color / --no-color, whichever came last; undefined when neither was given. */
  color?: boolean;
  debug: boolean;
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

Paths are files or folders (default "."); "-" alone reads standard input (YAML, or what --stdin-filename names).
The config is looked up from the working directory up to the repository root.

Options:
  -c, --config <file>            config file (default: .github/eci-egress-lint.yml or .eci-egress-lint.yml,
                                 in the working directory or a folder above it, up to the repository root)
  -f, --format <format>          ${choices(FORMATS)} (default: text)
  -o, --output <file>            write the report to a file instead of standard output
      --fix                      apply safe fixes in place (in charts and overlays: values files, templates
                                 and kustomizations, each fix checked by rendering again)
      --fix-unsafe <rule-id,...> also apply these rules' unsafe fixes
      --diff                     print the fixes as a unified diff; write nothing
      --base <git-ref>           compare cost with that ref (files read with git)
      --new-only                 report only findings the base does not have
      --cluster <mode>           ${choices(CLUSTER_MODES)}
      --egress <policy>          ${choices(EGRESS_POLICIES)}
      --nat-gateway <setting>    ${choices(NAT_GATEWAY_SETTINGS)}
      --region <region>          price table region, e.g. ap-southeast-1
      --charge-type <type>       ${choices(CHARGE_TYPES)}
      --rule <id>=<severity>     set a rule's severity: ${choices(SEVERITY_SETTINGS)} (repeatable)
      --fail-on <level>          ${choices(FAIL_ON_LEVELS)} (default: error)
  -q, --quiet                    report errors only
      --max-warnings <n>         also fail (exit 1) when there are more than n warnings
      --stdin-filename <name>    the file standard input stands for, e.g. main.tf (picks the reader)
      --allow-no-files           exit 0 when the paths hold no file to lint (default: exit 2)
      --list-rules               print every rule with its default severity, fix and docs, and exit
      --print-config             print the effective config and where it comes from, and exit
      --color, --no-color        force colours on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)
      --debug                    print what the run does (config, files, timings) and stack traces on stderr
      --helm <path>              the helm command or path that renders charts (default: helm on PATH)
      --kustomize <path>         kustomize or kubectl, for overlays (default: kustomize, else kubectl kustomize)
      --no-render                do not render charts and overlays (their templates are skipped)
  -v, --version                  print the version
  -h, --help                     print this help

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (or more than --max-warnings warnings);
2 usage, config or internal error, or no file to lint.
Docs: ${DOCS_URL}/cli.md (rules: ${DOCS_URL}/rules/)
`;

/** Every long option, for "did you mean …?". */
const OPTIONS = {
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
  rule: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  helm: { type: 'string' },
  kustomize: { type: 'string' },
  'no-render': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'allow-no-files': { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const LONG_OPTIONS = Object.keys(OPTIONS).map((name) => `--${name}`);

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")${didYouMean(value, allowed)}`);
  }
  return value as T;
}

/** What parseArgs says, in the words of this tool. */
function describeParseError(error: Error & { code?: string }): string {
  const unknown = /^Unknown option '([^']+)'/.exec(error.message);
  if (unknown) {
    const written = unknown[1];
    const name = written.split('=')[0];
    return `unknown option ${name}${name.startsWith('--') ? didYouMean(name, LONG_OPTIONS) : ''}`;
  }
  const missing = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(error.message);
  if (missing) return `${missing[1]} needs a value`;
  const ambiguous = /^Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(error.message);
  if (ambiguous) return `${ambiguous[1]} needs a value (one that starts with "-" is written ${ambiguous[1]}=<value>)`;
  const needless = /^Option '(--[\w-]+)' does not take an argument/.exec(error.message);
  if (needless) return `${needless[1]} takes no value`;
  return error.message.split('\n')[0];
}

/** `--rule eip-missing=off`, repeatable: rule id → severity, the last one for a rule winning. */
function ruleOverrides(values: string[] | undefined): Record<string, SeveritySetting> | undefined {
  if (!values || values.length === 0) return undefined;
  const rules: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(value);
    if (!match) throw new UsageError(`--rule takes <rule-id>=<severity>, e.g. --rule eip-missing=off (got "${value}")`);
    const [, id, setting] = match;
    if (!RULE_IDS.includes(id)) throw new UsageError(`--rule: unknown rule "${id}"${didYouMean(id, RULE_IDS)} (--list-rules lists them)`);
    rules[id] = oneOf(`rule ${id}=`, setting, SEVERITY_SETTINGS)!;
  }
  return rules;
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim())) throw new UsageError(`--${flag} must be a whole number of 0 or more (got "${value}")`);
  return Number(value.trim());
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, tokens: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(describeParseError(error as Error));
  }
  const v = parsed.values;
  if (parsed.positionals.includes('-') && parsed.positionals.length > 1) {
    throw new UsageError(`"-" (standard input) must be the only path; got ${parsed.positionals.length} paths`);
  }
  if (v['stdin-filename'] !== undefined && !(parsed.positionals.length === 1 && parsed.positionals[0] === '-')) {
    throw new UsageError('--stdin-filename names standard input: give "-" as the only path too');
  }
  const pricing: Record<string, unknown> = {};
  if (v.region !== undefined) pricing.region = v.region;
  if (v['charge-type'] !== undefined) pricing['charge-type'] = oneOf('charge-type', v['charge-type'], CHARGE_TYPES);
  // The last of --color and --no-color wins, as with most command-line tools.
  const colorFlags = parsed.tokens.filter((t) => t.kind === 'option' && (t.name === 'color' || t.name === 'no-color'));
  const lastColor = colorFlags.at(-1);
  const render: Record<string, unknown> = {};
  if (v.helm !== undefined) render.helm = v.helm;
  if (v.kustomize !== undefined) render.kustomize = v.kustomize;
  if (v['no-render']) render.enabled = false;
  return {
    paths: parsed.positionals.length > 0 ? parsed.positionals : ['.'],
    defaultPaths: parsed.positionals.length === 0,
    config: v.config,
    format: oneOf('format', v.format, FORMATS) ?? 'text',
    output: v.output,
    fix: v.fix ?? false,
    fixUnsafe: v['fix-unsafe'],
    diff: v.diff ?? false,
    base: v.base,
    newOnly: v['new-only'] ?? false,
    failOn: oneOf('fail-on', v['fail-on'], FAIL_ON_LEVELS) ?? 'error',
    overrides: {
      cluster: oneOf('cluster', v.cluster, CLUSTER_MODES),
      egress: oneOf('egress', v.egress, EGRESS_POLICIES),
      'nat-gateway': oneOf('nat-gateway', v['nat-gateway'], NAT_GATEWAY_SETTINGS),
      pricing: Object.keys(pricing).length > 0 ? pricing : undefined,
      rules: ruleOverrides(v.rule),
      'allow-no-files': v['allow-no-files'] ? true : undefined,
      render: Object.keys(render).length > 0 ? render : undefined,
    },
    stdinFilename: v['stdin-filename'],
    printConfig: v['print-config'] ?? false,
    listRules: v['list-rules'] ?? false,
    quiet: v.quiet ?? false,
    maxWarnings: count('max-warnings', v['max-warnings']),
    color: lastColor === undefined ? undefined : lastColor.kind === 'option' && lastColor.name === 'color',
    debug: v.debug ?? false,
    version: v.version ?? false,
    help: v.help ?? false,
  };
}
