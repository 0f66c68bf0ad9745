import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How to reach the rendering tools; commands are looked up on PATH unless they contain a `/`. */
export interface RenderTools {
  /** The helm command or path. */
  helm: string;
  /** `auto`: kustomize on PATH, else `kubectl kustomize`; otherwise a kustomize or kubectl command or path. */
  kustomize: string;
  /** Each rendering's time limit, in milliseconds. */
  timeoutMs: number;
}

export interface ToolCommand {
  /** The absolute path of the executable. */
  file: string;
  /** Arguments that come before the tool's own (`kustomize` for kubectl). */
  prefix: string[];
}

/** Why a tool cannot be used, with how to install it. */
export class MissingTool {
  constructor(
    readonly tool: 'helm' | 'kustomize',
    readonly message: string,
  ) {}
}

const INSTALL: Record<'helm' | 'kustomize', string> = {
  helm: 'install Helm (https://helm.sh/docs/intro/install/; GitHub-hosted runners have it), or give its path with --helm or render.helm',
  kustomize:
    'install kubectl or kustomize (GitHub-hosted runners have both), or give its path with --kustomize or render.kustomize',
};

/** The absolute path of a command: as given when it has a `/`, else the first executable of that name on PATH. */
export function findExecutable(command: string, cwd: string, searchPath = process.env.PATH ?? ''): string | undefined {
  const executable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (command.includes('/') || command.includes(path.sep)) {
    const file = path.resolve(cwd, command);
    return executable(file) ? file : undefined;
  }
  for (const folder of searchPath.split(path.delimiter)) {
    if (!folder || !path.isAbsolute(folder)) continue;
    const file = path.join(folder, command);
    if (executable(file)) return file;
  }
  return undefined;
}

export function resolveHelm(tools: RenderTools, cwd: string): ToolCommand | MissingTool {
  const file = findExecutable(tools.helm, cwd);
  if (!file) return new MissingTool('helm', `helm was not found (${JSON.stringify(tools.helm)}): ${INSTALL.helm}`);
  return { file, prefix: [] };
}

/** kustomize itself when it is there, else kubectl's built-in `kubectl kustomize`. */
export function resolveKustomize(tools: RenderTools, cwd: string): ToolCommand | MissingTool {
  const candidates = tools.kustomize === 'auto' ? ['kustomize', 'kubectl'] : [tools.kustomize];
  for (const candidate of candidates) {
    const file = findExecutable(candidate, cwd);
    if (!file) continue;
    const isKubectl = /^kubectl(?:\.exe)?$/i.test(path.basename(file));
    // `kustomize build <dir>` and `kubectl kustomize <dir>` take the same folder argument.
    return { file, prefix: isKubectl ? ['kustomize'] : ['build'] };
  }
  const what = tools.kustomize === 'auto' ? 'neither kustomize nor kubectl was found on PATH' : `${JSON.stringify(tools.kustomize)} was not found`;
  return new MissingTool('kustomize', `${what}: ${INSTALL.kustomize}`);
}

export interface ToolRun {
  ok: boolean;
  stdout: string;
  stderr: string;
  /** Set when the run was stopped at the time limit or its output passed the size limit. */
  stopped?: string;
}

/** The most output a rendering may write before it is stopped (a chart that loops, or prints a huge file). */
const MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * Runs a tool with a clean environment: nothing of ours (no GitHub token, no cloud credentials), HOME and every
 * cache and config folder in a fresh temporary folder (so no plugin, repository list or kubeconfig of the user is
 * seen), and proxies pointed at a closed local port so that no network request can leave.
 */
export function runTool(command: ToolCommand, args: string[], options: { cwd: string; timeoutMs: number }): Promise<ToolRun> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-render-'));
  const plugins = path.join(home, 'plugins');
  fs.mkdirSync(plugins);
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/bin:/bin',
    HOME: home,
    TMPDIR: home,
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    HELM_CACHE_HOME: path.join(home, 'helm-cache'),
    HELM_CONFIG_HOME: path.join(home, 'helm-config'),
    HELM_DATA_HOME: path.join(home, 'helm-data'),
    HELM_PLUGINS: plugins,
    KUBECONFIG: path.join(home, 'kubeconfig'),
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    http_proxy: 'http://127.0.0.1:9',
    https_proxy: 'http://127.0.0.1:9',
    NO_PROXY: '',
    no_proxy: '',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C',
  };
  return new Promise((resolve) => {
    const child = spawn(command.file, [...command.prefix, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped ??= why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop(`stopped after the time limit of ${Math.round(options.timeoutMs / 1000)} s`), options.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) stop(`stopped: its output passed ${MAX_OUTPUT / 1024 / 1024} MB`);
      else into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    const finish = (ok: boolean, extra = '') => {
      clearTimeout(timer);
      fs.rmSync(home, { recursive: true, force: true });
      resolve({
        ok: ok && !stopped,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + extra,
        ...(stopped ? { stopped } : {}),
      });
    };
    child.on('error', (error) => finish(false, error.message));
    child.on('close', (code) => finish(code === 0));
  });
}

/** Runs the tasks with at most `limit` at a time, keeping their order in the results. */
export async function inParallel<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function cpuCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * The tool's first error line, for a skipped-file notice: `Error: ` prefixes dropped, control characters removed,
 * and cut to a readable length (a tool may quote the file it could not read).
 */
export function firstErrorLine(run: ToolRun, rewrite: (line: string) => string = (line) => line): string {
  if (run.stopped) return run.stopped;
  const lines = run.stderr.split('\n').map((l) => l.trimEnd());
  const noise = (l: string) => !l.trim() || /^(?:WARNING|walk\.go|W\d{4})/i.test(l.trim());
  let start = lines.findIndex((l) => /^(?:Error|error)\b/.test(l.trim()));
  if (start < 0) start = lines.findIndex((l) => !noise(l) && /error/i.test(l));
  if (start < 0) start = lines.findIndex((l) => !noise(l));
  if (start < 0) return 'the tool failed without a message';
  // Helm 4 writes one error over several indented lines (position, then what it was executing, then the cause).
  const block = [lines[start].trim()];
  for (let i = start + 1; i < lines.length && lines[i].trim() && block.length < 8; i++) block.push(lines[i].trim());
  const line = rewrite(block.join(' '))
    .replace(/^(?:Error|error):\s*/, '')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  // Kustomize chains its errors (`accumulating resources: … : <cause>`): keep the start and the cause.
  return line.length > 300 ? `${line.slice(0, 120)} … ${line.slice(-170)}` : line;
}
