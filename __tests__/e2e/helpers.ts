import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const ACTION = path.join(ROOT, 'dist', 'index.js');
export const FIXTURES = path.join(ROOT, '__tests__', 'fixtures', 'e2e');

/** The end-to-end tests run the bundles; without them (no `npm run build` yet) they are skipped, and say so. */
export function describeIfBuilt(name: string, fn: () => void): void {
  const missing = [CLI, ACTION].filter((f) => !fs.existsSync(f));
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  describe.skip(`${name} (skipped: ${missing.map((f) => path.relative(ROOT, f)).join(', ')} missing; run npm run build)`, fn);
  console.warn(`e2e "${name}" skipped: ${missing.map((f) => path.relative(ROOT, f)).join(', ')} missing; run \`npm run build\` first.`);
}

/** The real helm and kubectl that the test setup unpacked (scripts/render-tools.mjs). */
export const RENDER_TOOLS = path.join(ROOT, 'node_modules', '.cache', 'eci-egress-lint-tools');

/**
 * The environment without anything a CI runner or the developer's shell may have set for GitHub Actions, with the
 * real helm and kubectl first on PATH, as on GitHub's hosted runners (the charts and overlays of examples/ render).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(key) || key === 'NO_COLOR' || key === 'FORCE_COLOR' || key === 'ACT') continue;
    env[key] = value;
  }
  if (!fs.existsSync(path.join(RENDER_TOOLS, 'helm')) || !fs.existsSync(path.join(RENDER_TOOLS, 'kubectl'))) {
    throw new Error(`the real helm and kubectl are missing from ${RENDER_TOOLS}: ${process.env.ECI_EGRESS_LINT_RENDER_TOOLS_ERROR ?? 'run node scripts/render-tools.mjs'}`);
  }
  env.PATH = `${RENDER_TOOLS}${path.delimiter}${env.PATH ?? ''}`;
  return env;
}

export function node(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, args, {
    cwd: options.cwd ?? ROOT,
    env: options.env ?? cleanEnv(),
    input: options.input,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return result;
}

/** 1-based line and column of the `occurrence`-th (1-based) appearance of `needle` in a file of the repository. */
export function locate(file: string, needle: string, occurrence = 1): { line: number; column: number } {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    const at = lines[i].indexOf(needle);
    if (at >= 0 && ++seen === occurrence) return { line: i + 1, column: at + 1 };
  }
  throw new Error(`${needle} (occurrence ${occurrence}) is not in ${file}`);
}

/** Reads a GITHUB_OUTPUT file: `name<<delimiter` blocks (as @actions/core writes them) and `name=value` lines. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`unterminated output ${heredoc[1]}`);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const simple = /^([^=]+)=(.*)$/.exec(lines[i]);
    if (simple) outputs[simple[1]] = simple[2];
  }
  return outputs;
}

/** The properties and message of a workflow command line `::name k=v,k=v::message`. */
export function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return undefined;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { command: match[1], properties, message: match[3] };
}

/** Like `node`, but without blocking the event loop: the tests' fake GitHub API answers while the child runs. */
export function nodeAsync(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, env: options.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
