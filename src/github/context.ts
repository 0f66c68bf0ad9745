import fs from 'node:fs';

/** The pull request the run is about, from the event payload. */
export interface PullRequestInfo {
  number: number;
  /** The head commit of the pull request: annotations, links, suggestions and commits are made against it, never the merge commit. */
  headSha: string;
  headRef: string;
  /** owner/name of the repository the head branch lives in. */
  headRepo: string;
  baseSha: string;
  baseRef: string;
  /** The head branch is in another repository (a fork). */
  fork: boolean;
  /** The payload's count of changed files, when it has one. */
  changedFiles?: number;
}

/** Where and why the run happens: the runner's GITHUB_* variables and the event payload. */
export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** The commit the workflow runs on (for pull requests, the merge commit). */
  sha: string;
  serverUrl: string;
  apiUrl: string;
  graphqlUrl: string;
  /** Running under act (ACT=true): no API calls. */
  act: boolean;
  pullRequest?: PullRequestInfo;
  /** A push: the range it pushed (before is all zeros for a new branch). */
  push?: { before: string; after: string };
  /** GITHUB_BASE_REF, set on pull-request events. */
  baseRef?: string;
}

export const ZERO_SHA = /^0+$/;

type Payload = Record<string, unknown>;

function object(value: unknown): Payload | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Payload) : undefined;
}

function string(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads the event payload; a missing or unreadable file is an empty payload. */
export function readPayload(file: string | undefined): Payload {
  if (!file || !fs.existsSync(file)) return {};
  try {
    return object(JSON.parse(fs.readFileSync(file, 'utf8'))) ?? {};
  } catch {
    return {};
  }
}

/** The event payload may be large (a push of many commits), but not without bound. */
const MAX_EVENT_BYTES = 64 * 1024 * 1024;

/**
 * What is wrong with the event file GITHUB_EVENT_PATH names, or undefined when it is fine or not set. @actions/github
 * parses it when it is imported and throws from there; the action checks it first and fails with this message.
 */
export function eventFileProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  const where = `GITHUB_EVENT_PATH (${JSON.stringify(file.length > 200 ? `${file.slice(0, 200)}…` : file)})`;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file, { throwIfNoEntry: false });
  } catch (error) {
    return `${where}: the event file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  if (!stat) return `${where}: no such file; the runner writes the event payload there`;
  if (!stat.isFile()) return `${where}: not a file`;
  if (stat.size === 0) return `${where}: the event file is empty; it must hold the event payload (JSON)`;
  if (stat.size > MAX_EVENT_BYTES) return `${where}: the event file is larger than ${MAX_EVENT_BYTES} bytes`;
  let payload: unknown;
  try {
    payload = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${where}: the event file cannot be read (${code})` : `${where}: the event file is not valid JSON`;
  }
  if (object(payload) === undefined) return `${where}: the event payload must be a JSON object`;
  return undefined;
}

export function pullRequestFrom(payload: Payload): PullRequestInfo | undefined {
  const pr = object(payload.pull_request);
  const head = object(pr?.head);
  const base = object(pr?.base);
  const number = typeof pr?.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : undefined;
  if (!pr || !head || number === undefined) return undefined;
  const headRepo = string(object(head.repo)?.full_name) ?? '';
  const baseRepo = string(object(base?.repo)?.full_name) ?? '';
  return {
    number,
    headSha: string(head.sha) ?? '',
    headRef: string(head.ref) ?? '',
    headRepo,
    baseSha: string(base?.sha) ?? '',
    baseRef: string(base?.ref) ?? '',
    // A head repository that was deleted has repo: null; treat it as a fork (nothing can be written to it).
    fork: headRepo === '' || (baseRepo !== '' && headRepo.toLowerCase() !== baseRepo.toLowerCase()),
    changedFiles: typeof pr.changed_files === 'number' ? pr.changed_files : undefined,
  };
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const apiUrl = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const context: RunContext = {
    eventName,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl,
    graphqlUrl: (env.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/api\/v3$/, '/api')}/graphql`).replace(/\/+$/, ''),
    act: env.ACT === 'true',
    pullRequest: pullRequestFrom(payload),
    baseRef: env.GITHUB_BASE_REF || undefined,
  };
  if (eventName === 'push') {
    const before = string(payload.before);
    const after = string(payload.after) ?? context.sha;
    if (before && after) context.push = { before, after };
  }
  return context;
}

/** The commit annotations and links point at: the pull request's head, else the workflow's commit. */
export function headSha(context: RunContext): string {
  return context.pullRequest?.headSha || context.sha;
}
