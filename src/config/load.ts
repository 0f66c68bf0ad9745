import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import type { ClusterMode, Config, NatGatewaySetting, SeveritySetting } from '../model/index.js';
import { defaultConfig, parseDuration, parseSize } from './defaults.js';
import { CONFIG_SCHEMA } from './schema.js';
import { PricingError, resolvePricing } from '../cost/index.js';
import { decodeText } from '../files/read.js';
import { readConfined, RefusedPath } from '../files/workspace.js';
import { escapeTerminal, excerpt } from '../report/escape.js';
import { foldersUpTo } from '../files/root.js';
import { RULE_IDS } from '../rules/index.js';
import { didYouMean } from './suggest.js';

/** A config that cannot be used: the run stops with exit code 2 and this message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A config file is small; anything larger is refused before it is parsed (docs/security.md). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** YAML aliases (`*name`) a config may use; past this, an alias bomb is refused before it expands. */
export const MAX_CONFIG_ALIASES = 100;

export const CONFIG_LOCATIONS = ['.github/eci-egress-lint.yml', '.github/eci-egress-lint.yaml', '.eci-egress-lint.yml', '.eci-egress-lint.yaml'];

let validator: ReturnType<Ajv['compile']> | undefined;

function validate(raw: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(CONFIG_SCHEMA);
  return validator(raw) ? [] : (validator.errors ?? []);
}

/** `/workloads/0/egress` → `workloads[0].egress` */
function keyPath(pointer: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '') || '(top level)';
}

function valueAt(raw: unknown, pointer: string): unknown {
  let value = raw;
  for (const part of pointer.split('/').slice(1)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

/** The keys the schema allows where an additionalProperties error was raised (`#/properties/pricing/additionalProperties`). */
function knownKeys(schemaPath: string): string[] {
  let node: unknown = CONFIG_SCHEMA;
  for (const part of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) {
    if (node === null || typeof node !== 'object') return [];
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  const properties = (node as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

export function describeSchemaError(error: ErrorObject, raw: unknown): string {
  const at = excerpt(keyPath(error.instancePath), 80);
  const got = shortJson(valueAt(raw, error.instancePath));
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = excerpt((error.params as { additionalProperty: string }).additionalProperty);
      const where = error.instancePath ? `${at}.${key}` : key;
      return `${where}: unknown key${didYouMean(key, knownKeys(error.schemaPath))}`;
    }
    case 'propertyNames': {
      const name = (error.params as { propertyName: string }).propertyName;
      return `${at}: ${shortJson(name)} is not a rule id${didYouMean(name, RULE_IDS)}`;
    }
    case 'enum':
      return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')} (got ${got})`;
    case 'oneOf':
      if (at.endsWith('timeout')) return `${at}: must be a number of seconds or a duration such as "60s" (got ${got})`;
      return `${at}: must be a number of bytes or a size such as "5MB" (got ${got})`;
    case 'required':
      return `${at}: the key ${(error.params as { missingProperty: string }).missingProperty} is required`;
    default:
      return `${at}: ${error.message ?? 'is invalid'} (got ${got})`;
  }
}

/** A value for an error message: a short escaped excerpt of its JSON, never the whole of it. */
function shortJson(value: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return excerpt(json ?? String(value));
}

/** Whether a value holds itself (a YAML alias inside the node it names): such a config cannot be used. */
function isCyclic(value: unknown, path = new Set<object>(), checked = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object' || checked.has(value)) return false;
  if (path.has(value)) return true;
  path.add(value);
  const cyclic = Object.values(value as Record<string, unknown>).some((item) => isCyclic(item, path, checked));
  path.delete(value);
  checked.add(value);
  return cyclic;
}

/** Validates a raw config object (from a file or flags) and fills in the defaults. */
export function resolveConfig(raw: unknown, source: string): Config {
  // The branches of a oneOf each fail in their own words; the oneOf error itself says it best.
  // Likewise a propertyNames error says it better than the enum inside it (which lists every rule id).
  const errors = validate(raw ?? {}).filter((e) => !e.schemaPath.includes('/oneOf/') && !e.schemaPath.includes('/propertyNames/'));
  if (errors.length > 0) {
    const lines = [...new Set(errors.map((e) => describeSchemaError(e, raw)))];
    throw new ConfigError(`config ${source}: ${lines.join('; ')}`);
  }
  const r = (raw ?? {}) as Record<string, unknown>;
  const config = defaultConfig();
  if (r.cluster) config.cluster = r.cluster as Config['cluster'];
  if (r.egress) config.egress = r.egress as Config['egress'];
  if (r['nat-gateway']) config.natGateway = r['nat-gateway'] as Config['natGateway'];
  if (r.include) config.include = r.include as string[];
  if (r.exclude) config.exclude = r.exclude as string[];
  if (r['max-file-size'] !== undefined) config.maxFileSize = parseSize(r['max-file-size'] as number | string);
  if (r.rules) config.rules = r.rules as Record<string, SeveritySetting>;
  if (r.workloads) config.workloads = r.workloads as Config['workloads'];
  if (r.clusters) {
    config.clusters = (r.clusters as Record<string, string>[]).map((c) => ({
      path: c.path,
      ...(c.cluster ? { cluster: c.cluster as ClusterMode } : {}),
      ...(c['nat-gateway'] ? { natGateway: c['nat-gateway'] as NatGatewaySetting } : {}),
      ...(c.region ? { region: c.region } : {}),
    }));
  }
  if (r.ignore) config.ignore = r.ignore as Config['ignore'];
  if (r['inline-ignores'] !== undefined) config.inlineIgnores = r['inline-ignores'] as boolean;
  if (r.pricing) config.pricing = r.pricing as Record<string, unknown>;
  if (r.budget) config.budget = r.budget as Config['budget'];
  if (r['allow-no-files'] !== undefined) config.allowNoFiles = r['allow-no-files'] as boolean;
  if (r.render) config.render = renderSettings(r.render as Record<string, unknown>, config.render);
  // The price table must have the region and currency, unless the config gives every price (docs/cost.md).
  try {
    resolvePricing(config.pricing);
    config.clusters.forEach((c, i) => {
      if (c.region === undefined) return;
      try {
        resolvePricing({ ...config.pricing, region: c.region });
      } catch (error) {
        if (!(error instanceof PricingError)) throw error;
        const message = error.message.startsWith('pricing.region:')
          ? error.message.replace(/^pricing\.region/, `clusters[${i}].region`)
          : `clusters[${i}].region ${JSON.stringify(c.region)}: ${error.message}`;
        throw new PricingError(message);
      }
    });
  } catch (error) {
    if (error instanceof PricingError) throw new ConfigError(`config ${source}: ${error.message}`);
    throw error;
  }
  return config;
}

function renderSettings(raw: Record<string, unknown>, defaults: Config['render']): Config['render'] {
  const charts = (raw.charts as { path: string; release?: string; namespace?: string; values?: string[] }[] | undefined) ?? [];
  return {
    enabled: (raw.enabled as boolean | undefined) ?? defaults.enabled,
    helm: (raw.helm as string | undefined) ?? defaults.helm,
    kustomize: (raw.kustomize as string | undefined) ?? defaults.kustomize,
    timeoutMs: raw.timeout === undefined ? defaults.timeoutMs : parseDuration(raw.timeout as number | string),
    ciValues: (raw['ci-values'] as boolean | undefined) ?? defaults.ciValues,
    charts: charts.map((c) => ({
      path: c.path.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, ''),
      release: c.release,
      namespace: c.namespace,
      values: c.values ?? [],
    })),
  };
}

export interface LoadedConfig {
  raw: Record<string, unknown>;
  /** The file it came from, relative to the working directory; undefined when defaults are used. */
  file?: string;
  /** The same file, absolute. */
  absolute?: string;
}

/**
 * Reads the config file: the given one, else the first of CONFIG_LOCATIONS that exists in the working directory,
 * then in each folder above it up to `searchUpTo` (the repository root, as ESLint and Prettier look). Without
 * `searchUpTo`, or when the working directory is not under it, only the working directory is searched. The file
 * must be a regular file really inside the workspace (or the search root), and is read with a size limit.
 */
export function readConfigFile(cwd: string, explicit?: string, options: ConfigReadOptions = {}): LoadedConfig {
  const candidates = explicit
    ? [path.resolve(cwd, explicit)]
    : foldersUpTo(cwd, options.searchUpTo).flatMap((dir) => CONFIG_LOCATIONS.map((location) => path.join(dir, location)));
  for (const full of candidates) {
    const candidate = explicit ?? path.relative(cwd, full).split(path.sep).join('/');
    const name = escapeTerminal(candidate);
    let bytes: Buffer | undefined;
    try {
      bytes = explicit
        ? readConfined(explicit, { root: cwd, absoluteOutside: options.absoluteOutside, alsoUnder: options.alsoUnder }, MAX_CONFIG_BYTES)
        : readConfined(full, { root: options.searchUpTo ?? cwd, alsoUnder: [cwd] }, MAX_CONFIG_BYTES);
    } catch (error) {
      if (error instanceof RefusedPath) throw new ConfigError(`config ${name}: not read: ${error.message}`);
      throw error;
    }
    if (bytes === undefined) {
      if (explicit) throw new ConfigError(`config ${name}: no such file`);
      continue;
    }
    const decoded = decodeText(bytes);
    if (!('text' in decoded)) throw new ConfigError(`config ${name}: not read: ${decoded.skip}`);
    return { raw: parseConfigText(decoded.text, name), file: candidate, absolute: full };
  }
  return { raw: {} };
}

export interface ConfigReadOptions {
  /** An absolute `explicit` path may be outside `cwd` (the CLI's --config; never the action's input). */
  absoluteOutside?: boolean;
  /** Other folders a config may be read from (the action: $RUNNER_TEMP, where a workflow step may put a shared config). */
  alsoUnder?: string[];
  /** Look upward from the working directory to this folder (the repository root); only the working directory without it. */
  searchUpTo?: string;
}

/** A config file's text as a raw config object; `name` (escaped) is the file named in errors. */
export function parseConfigText(text: string, name: string): Record<string, unknown> {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    // file:line:column first, which editors and terminals turn into a link.
    const pos = e.linePos?.[0];
    const reason = escapeTerminal(e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
    throw new ConfigError(
      pos ? `config ${name}:${pos.line}:${pos.col}: not valid YAML at line ${pos.line}, column ${pos.col}: ${reason}` : `config ${name}: not valid YAML: ${reason}`,
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_CONFIG_ALIASES }) ?? {};
  } catch (error) {
    if (/alias/i.test((error as Error).message)) {
      throw new ConfigError(`config ${name}: its YAML aliases (*name) expand too much (more than ${MAX_CONFIG_ALIASES} uses, or an alias bomb); write the values out`);
    }
    throw new ConfigError(`config ${name}: cannot be read: ${excerpt((error as Error).message, 80)}`);
  }
  if (isCyclic(raw)) throw new ConfigError(`config ${name}: a YAML alias (*name) is used inside the node it names, which makes an endless value`);
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`config ${name}: (top level): must be a map of keys (got ${shortJson(raw)})`);
  }
  return raw as Record<string, unknown>;
}

/** Reads, merges the overrides (flags or action inputs, already in config-file shape) and validates. */
export function loadConfig(
  cwd: string,
  explicit?: string,
  overrides: Record<string, unknown> = {},
  options: ConfigReadOptions & { raw?: LoadedConfig } = {},
): { config: Config; file?: string; absolute?: string } {
  const { raw, file, absolute } = options.raw ?? readConfigFile(cwd, explicit, options);
  const merged: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    // Maps given as overrides add to the file's (a --rule for one rule keeps the file's other rules).
    if (key === 'pricing' || key === 'rules' || key === 'render') merged[key] = { ...(raw[key] as object | undefined), ...(value as object) };
    else merged[key] = value;
  }
  const flagged = Object.values(overrides).some((v) => v !== undefined);
  const source = `${file ? escapeTerminal(file) : '(defaults)'}${flagged ? ' with the command-line or action overrides' : ''}`;
  return { config: resolveConfig(merged, source), file, absolute };
}
