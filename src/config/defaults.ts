import type { Config } from '../model/index.js';

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function defaultConfig(): Config {
  return {
    cluster: 'serverless',
    egress: 'auto',
    natGateway: 'auto',
    include: ['**/*.yaml', '**/*.yml', '**/*.tf', '**/*.tf.json'],
    exclude: ['**/node_modules/**'],
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    rules: {},
    workloads: [],
    clusters: [],
    ignore: [],
    inlineIgnores: true,
    pricing: {},
    budget: {},
    render: { enabled: true, helm: 'helm', kustomize: 'auto', timeoutMs: 60_000, charts: [], ciValues: true },
  };
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** "5MB" → 5242880; a number is bytes. Sizes use powers of 1024. */
export function parseSize(value: number | string): number {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgb]?)i?b?\s*$/i.exec(value);
  if (!match) throw new Error(`not a size: ${value}`);
  return Math.round(Number(match[1]) * UNITS[match[2].toLowerCase()]);
}

/** "60s", "2m", "1500ms" or a number of seconds → milliseconds. */
export function parseDuration(value: number | string): number {
  if (typeof value === 'number') return Math.round(value * 1000);
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(value);
  if (!match) throw new Error(`not a duration: ${value}`);
  const factor = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  return Math.round(Number(match[1]) * factor);
}
