/**
 * `config-from: base`: the config as the base of the change has it. A pull request can edit the config in its own
 * checkout (switch every rule off, ignore every file); read from the base commit, the config is the one the target
 * branch already accepted. The file is read with git (or the API when the checkout lacks the commit), never from
 * the working tree, so no link or file of the pull request is involved.
 */
import { CONFIG_LOCATIONS, ConfigError, MAX_CONFIG_BYTES, parseConfigText, type LoadedConfig } from '../config/load.js';
import { decodeText } from '../files/read.js';
import { escapeTerminal } from '../report/escape.js';
import { readBlobsWithApi } from './base.js';
import type { GitHub } from './client.js';
import { ZERO_SHA, type RunContext } from './context.js';
import { hasCommit, showFileIfPresent } from './git.js';

export const CONFIG_SOURCES = ['workspace', 'base'] as const;
export type ConfigSource = (typeof CONFIG_SOURCES)[number];

export interface BaseConfig {
  /** The config to use; undefined when the run has no base (then the workspace's config is used, with `note`). */
  loaded?: LoadedConfig;
  /** What the log and the job summary say about it. */
  note: string;
}

/** The commit the change is compared with: the pull request's base, or the commit before a push. */
export function baseCommitOf(context: RunContext): string | undefined {
  const sha = context.pullRequest?.baseSha || context.push?.before;
  // A commit id, never something git could read as an option or a ref expression.
  return sha && /^[0-9a-f]{40,64}$/.test(sha) && !ZERO_SHA.test(sha) ? sha : undefined;
}

/**
 * The config file at the base commit: the `config` input's path, else the first of the usual locations that the
 * base has; defaults when it has none. No base (a scheduled or manual run, a new branch): undefined, and the
 * workspace's config is used, which is then the trusted branch's own. A base that cannot be read is a ConfigError:
 * the run must not fall back to the pull request's config that the setting exists to avoid.
 */
export async function readBaseConfig(workspace: string, context: RunContext, github: GitHub | undefined, explicit?: string): Promise<BaseConfig> {
  const sha = baseCommitOf(context);
  if (!sha) return { note: 'config-from: base: this run has no base commit (not a pull request or a push); the config of the checkout is used.' };
  const short = sha.slice(0, 7);
  if (explicit !== undefined && (explicit.startsWith('/') || explicit.split('/').includes('..'))) {
    throw new ConfigError(`config ${escapeTerminal(explicit)}: with config-from: base, the config must be a path inside the repository`);
  }
  const candidates = explicit !== undefined ? [explicit.replace(/^\.\//, '')] : CONFIG_LOCATIONS;
  const texts = await readAtBase(workspace, sha, candidates, github);
  for (const candidate of candidates) {
    const bytes = texts.get(candidate);
    if (bytes === undefined) continue;
    const name = `${escapeTerminal(candidate)} (at the base ${short})`;
    if (bytes.length > MAX_CONFIG_BYTES) throw new ConfigError(`config ${name}: not read: larger than the limit of ${MAX_CONFIG_BYTES} bytes`);
    const decoded = decodeText(bytes);
    if (!('text' in decoded)) throw new ConfigError(`config ${name}: not read: ${decoded.skip}`);
    return { loaded: { raw: parseConfigText(decoded.text, name), file: `${candidate}@${short}` }, note: `config-from: base: the config is ${candidate} at the base ${short}.` };
  }
  if (explicit !== undefined) throw new ConfigError(`config ${escapeTerminal(explicit)}: the base ${short} has no such file (config-from: base)`);
  return { loaded: { raw: {} }, note: `config-from: base: the base ${short} has no config file; the defaults are used.` };
}

/** The candidates' bytes at the base, with git when the checkout has the commit, else through the API. */
async function readAtBase(workspace: string, sha: string, candidates: readonly string[], github: GitHub | undefined): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  if (hasCommit(workspace, sha)) {
    for (const candidate of candidates) {
      const bytes = showFileIfPresent(workspace, sha, candidate);
      if (bytes) found.set(candidate, bytes);
    }
    return found;
  }
  if (!github) {
    throw new ConfigError(
      `config-from: base: the base commit ${sha.slice(0, 7)} is not in the checkout and there is no API access to read it; check out with fetch-depth: 0 (or give a token)`,
    );
  }
  const blobs = await readBlobsWithApi(github, sha, [...candidates]);
  for (const candidate of candidates) {
    const blob = blobs.get(candidate);
    if (!blob) continue;
    // The API gives no text for a binary file; its size stands in, so that the limit and the message still apply.
    found.set(candidate, blob.text === null || blob.isBinary ? Buffer.alloc(Math.min(blob.byteSize, MAX_CONFIG_BYTES + 1)) : Buffer.from(blob.text, 'utf8'));
  }
  return found;
}
