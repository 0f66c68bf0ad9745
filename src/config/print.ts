import { stringify } from 'yaml';
import type { Config } from '../model/index.js';
import { escapeStrings, escapeTerminal } from '../report/escape.js';

/** `maxFileSize` → `max-file-size`: the config file's name of a Config field. */
function fileKey(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * The effective config in the shape of the config file (every key, defaults filled in, sizes in bytes), so that
 * what --print-config prints can be saved and used as a config file as it is.
 */
export function configAsFile(config: Config): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config)) {
    if (value !== undefined) out[fileKey(field)] = value;
  }
  return out;
}

/** --print-config: YAML with the source as a comment, or JSON with the source in `config`. */
export function printConfig(config: Config, source: string | null, format: 'yaml' | 'json'): string {
  // The config comes from the repository: no value may reach the terminal raw.
  const effective = escapeStrings(configAsFile(config));
  if (format === 'json') return JSON.stringify({ config: source, effective }, null, 2) + '\n';
  const header = source === null ? '# No config file found: the defaults.' : `# From ${escapeTerminal(source)}, with the defaults filled in.`;
  return `${header}\n${stringify(effective, { lineWidth: 0 })}`;
}
