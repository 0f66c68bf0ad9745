import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parseDocument } from 'yaml';
import type { Config, SeveritySetting } from '../model/index.js';
import { defaultConfig, parseDuration, parseSize } from './defaults.js';
import { CONFIG_SCHEMA } from './schema.js';
import { PricingError, resolvePricing } from '../cost/pricing.js';

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

export function describeSchemaError(error: ErrorObject, raw: unknown): string {
  const at = keyPath(error.instancePath);
  const got = JSON.stringify(valueAt(raw, error.instancePath));
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const where = error.instancePath ? `${at}.${key}` : key;
      return `${where}: unknown key`;
    }
    case 'propertyNames':
      return `${at}: ${JSON.stringify((error.params as { propertyName: string }).propertyName)} is not a rule id`;
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

/** Validates a raw config object (from a file or flags) and fills in the defaults. */
export function resolveConfig(raw: unknown, source: string): Config {
  // The branches of a oneOf each fail in their own words; the oneOf error itself says it best.
  const errors = validate(raw ?? {}).filter((e) => !e.schemaPath.includes('/oneOf/'));
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
  if (r.render) config.render = renderSettings(r.render as Record<string, unknown>, config.render);
  // The price table must have the region and currency, unless the config gives every price (docs/cost.md).
  try {
    resolvePricing(config.pricing);
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
}

/** Reads the config file (the given one, else the first of CONFIG_LOCATIONS that exists). */
export function readConfigFile(cwd: string, explicit?: string): LoadedConfig {
  const candidates = explicit ? [explicit] : CONFIG_LOCATIONS;
  for (const candidate of candidates) {
    const full = path.resolve(cwd, candidate);
    if (!fs.existsSync(full)) {
      if (explicit) throw new ConfigError(`config ${explicit}: no such file`);
      continue;
    }
    const text = fs.readFileSync(full, 'utf8');
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      throw new ConfigError(`config ${candidate}: not valid YAML at line ${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`);
    }
    const raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ConfigError(`config ${candidate}: (top level): must be a map of keys (got ${JSON.stringify(raw)})`);
    }
    return { raw: raw as Record<string, unknown>, file: candidate };
  }
  return { raw: {} };
}

/** Reads, merges the overrides (flags or action inputs, already in config-file shape) and validates. */
export function loadConfig(cwd: string, explicit?: string, overrides: Record<string, unknown> = {}): { config: Config; file?: string } {
  const { raw, file } = readConfigFile(cwd, explicit);
  const merged: Record<string, unknown> = { ...raw };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (key === 'pricing' || key === 'render') merged[key] = { ...(raw[key] as object | undefined), ...(value as object) };
    else merged[key] = value;
  }
  const flagged = Object.values(overrides).some((v) => v !== undefined);
  const source = `${file ?? '(defaults)'}${flagged ? ' with the command-line or action overrides' : ''}`;
  return { config: resolveConfig(merged, source), file };
}
