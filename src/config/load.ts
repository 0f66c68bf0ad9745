import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import type { Config, SeveritySetting } from '../model/index.js';
import { defaultConfig, parseSize } from './defaults.js';
import { CONFIG_SCHEMA } from './schema.js';
import { PricingError, resolvePricing } from '../cost/pricing.js';
import { foldersUpTo } from '../files/root.js';
import { RULE_IDS } from '../rules/index.js';
import { didYouMean } from './suggest.js';

/** A config that cannot be used: the run stops with exit code 2 and this message. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

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
  const at = keyPath(error.instancePath);
  const got = JSON.stringify(valueAt(raw, error.instancePath));
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const where = error.instancePath ? `${at}.${key}` : key;
      return `${where}: unknown key${didYouMean(key, knownKeys(error.schemaPath))}`;
    }
    case 'propertyNames': {
      const name = (error.params as { propertyName: string }).propertyName;
      return `${at}: ${JSON.stringify(name)} is not a rule id${didYouMean(name, RULE_IDS)}`;
    }
    case 'enum':
      return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')} (got ${got})`;
    case 'oneOf':
      return `${at}: must be a number of bytes or a size such as "5MB" (got ${got})`;
    case 'required':
      return `${at}: the key ${(error.params as { missingProperty: string }).missingProperty} is required`;
    default:
      return `${at}: ${error.message ?? 'is invalid'} (got ${got})`;
  }
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
  if (r.ignore) config.ignore = r.ignore as Config['ignore'];
  if (r['inline-ignores'] !== undefined) config.inlineIgnores = r['inline-ignores'] as boolean;
  if (r.pricing) config.pricing = r.pricing as Record<string, unknown>;
  if (r.budget) config.budget = r.budget as Config['budget'];
  if (r['allow-no-files'] !== undefined) config.allowNoFiles = r['allow-no-files'] as boolean;
  // The price table must have the region and currency, unless the config gives every price (docs/cost.md).
  try {
    resolvePricing(config.pricing);
  } catch (error) {
    if (error instanceof PricingError) throw new ConfigError(`config ${source}: ${error.message}`);
    throw error;
  }
  return config;
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
 * `searchUpTo`, or when the working directory is not under it, only the working directory is searched.
 */
export function readConfigFile(cwd: string, explicit?: string, searchUpTo?: string): LoadedConfig {
  const candidates = explicit
    ? [path.resolve(cwd, explicit)]
    : foldersUpTo(cwd, searchUpTo).flatMap((dir) => CONFIG_LOCATIONS.map((location) => path.join(dir, location)));
  for (const full of candidates) {
    const candidate = explicit ?? path.relative(cwd, full).split(path.sep).join('/');
    if (!fs.existsSync(full)) {
      if (explicit) throw new ConfigError(`config ${explicit}: no such file`);
      continue;
    }
    const text = fs.readFileSync(full, 'utf8');
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      // file:line:column first, which editors and terminals turn into a link.
      const pos = e.linePos?.[0];
      const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new ConfigError(
        pos ? `config ${candidate}:${pos.line}:${pos.col}: not valid YAML at line ${pos.line}, column ${pos.col}: ${reason}` : `config ${candidate}: not valid YAML: ${reason}`,
      );
    }
    const raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ConfigError(`config ${candidate}: (top level): must be a map of keys (got ${JSON.stringify(raw)})`);
    }
    return { raw: raw as Record<string, unknown>, file: candidate, absolute: full };
  }
  return { raw: {} };
}

/** Reads, merges the overrides (flags or action inputs, already in config-file shape) and validates. */
export function loadConfig(
  cwd: string,
  explicit?: string,
  overrides: Record<string, unknown> = {},
  searchUpTo?: string,
): { config: Config; file?: string; absolute?: string } {
  const { raw, file, absolute } = readConfigFile(cwd, explicit, searchUpTo);
  const merged: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    // Maps given as overrides add to the file's (a --rule for one rule keeps the file's other rules).
    if (key === 'pricing' || key === 'rules') merged[key] = { ...(raw[key] as object | undefined), ...(value as object) };
    else merged[key] = value;
  }
  const flagged = Object.values(overrides).some((v) => v !== undefined);
  const source = `${file ?? '(defaults)'}${flagged ? ' with the command-line or action overrides' : ''}`;
  return { config: resolveConfig(merged, source), file, absolute };
}
