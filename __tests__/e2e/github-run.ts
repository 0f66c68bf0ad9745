/** Running the built action (dist/index.js) the way the runner does, against the tests' fake GitHub API. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { parseUnifiedDiff } from '../../src/github/diff.js';
import { addedPatch, type FakeFile, type FakeGitHub } from '../github/fake-github.js';
import { GitRepo } from '../github/git-repo.js';
import { ACTION, cleanEnv, nodeAsync, parseCommand, parseOutputs, ROOT } from './helpers.js';

export const TOKEN = 'ghs_e2eSecretToken0123456789';
export const HEAD = '1111111111111111111111111111111111111111';
export const BASE = '2222222222222222222222222222222222222222';
export const MERGE = '3333333333333333333333333333333333333333';
/** Comments list (GraphQL) + one comment write + one query for the base side: the constant of every bound. */
export const CONSTANT = 3;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** API calls of this run. */
  calls: FakeGitHub['requests'];
}

function defaultInputs(): Record<string, string> {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    // The runner fills in ${{ github.token }}; the tests give their own token (or none).
    if (input.default !== undefined && !String(input.default).includes('${{')) env[`INPUT_${name.toUpperCase()}`] = String(input.default);
  }
  return env;
}

/** Scratch folders of the run; the test files remove them in afterAll. */
export const temps: string[] = [];

export function removeTemps(): void {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

export interface RunOptions {
  workspace: string;
  fake?: FakeGitHub;
  payload?: Record<string, unknown>;
  event?: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  token?: string | null;
}

/** The files and variables the runner gives a step: event payload, output and summary files, GITHUB_*, INPUT_*. */
export function runnerEnv(options: RunOptions): { env: NodeJS.ProcessEnv; outputFile: string; summaryFile: string } {
  const temp = tempDir('eci-egress-lint-run-');
  const eventFile = path.join(temp, 'event.json');
  fs.writeFileSync(eventFile, JSON.stringify(options.payload ?? {}));
  const outputFile = path.join(temp, 'output');
  const summaryFile = path.join(temp, 'summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.event ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: MERGE,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.fake?.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: options.fake?.graphqlUrl ?? 'http://127.0.0.1:9/graphql',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    // Only the tests set this: retry and rate-limit waits of 1 ms per second.
    ECI_EGRESS_LINT_TIME_UNIT_MS: '1',
    ...defaultInputs(),
    ...(options.token === null ? {} : { INPUT_TOKEN: options.token ?? TOKEN }),
    ...options.inputs,
    ...options.env,
  };
  return { env, outputFile, summaryFile };
}

export async function runAction(options: RunOptions): Promise<Run> {
  const before = options.fake?.requests.length ?? 0;
  const { env, outputFile, summaryFile } = runnerEnv(options);
  const r = await nodeAsync([ACTION], { cwd: options.workspace, env });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    calls: options.fake ? options.fake.requests.slice(before) : [],
  };
}

export function prPayload(number: number, options: { fork?: boolean; changedFiles?: number; base?: string; head?: string } = {}) {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      changed_files: options.changedFiles,
      head: { sha: options.head ?? HEAD, ref: 'feature', repo: { full_name: options.fork ? 'mallory/shop' : 'acme/shop' } },
      base: { sha: options.base ?? BASE, ref: 'main', repo: { full_name: 'acme/shop' } },
    },
  };
}

/** A Deployment with the EIP key on its own metadata: one eip-misplaced error at line 7 of each document. */
export function misplaced(name: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: web
          image: registry.cn-hangzhou.aliyuncs.com/acme/web:1.0
`;
}

export const CLEAN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.cn-hangzhou.aliyuncs.com/acme/api:1.0
`;

/** A workspace with the given files, and the fake's list of them as added files of the pull request. */
export function workspaceWith(files: Record<string, string>): { dir: string; list: FakeFile[] } {
  const dir = tempDir('eci-egress-lint-ws-');
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { dir, list: Object.entries(files).map(([filename, text]) => ({ filename, status: 'added', patch: addedPatch(text) })) };
}

/** 12 files of 10 misplaced Deployments: 120 errors. */
export function manyFindings(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let f = 0; f < 12; f++) {
    files[`k8s/team-${String(f).padStart(2, '0')}.yaml`] = Array.from({ length: 10 }, (_, i) => misplaced(`svc-${f}-${i}`)).join('---\n');
  }
  return files;
}

export const pages = (calls: Run['calls']) => calls.filter((c) => /\/pulls\/\d+\/files$/.test(c.path)).length;
export const checkCalls = (calls: Run['calls']) => calls.filter((c) => /\/check-runs/.test(c.path));
export const commands = (stdout: string, level?: string) =>
  stdout
    .split('\n')
    .map(parseCommand)
    .filter((c) => c && (level ? c.command === level : ['error', 'warning', 'notice'].includes(c.command) && c.properties.file));

/** A Deployment whose template has an unquoted `true` (eip-not-string, fixed in place). */
export function unquoted(name: string, tail = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
      annotations:
        k8s.aliyun.com/eci-with-eip: true
    spec:
      containers:
        - name: web
          image: registry.cn-hangzhou.aliyuncs.com/acme/web:1.0
${tail}`;
}

/** 20 lines of padding, so that a change at the end of a file leaves its top outside the diff's hunks. */
export const PADDING = Array.from({ length: 20 }, (_, i) => `          # line ${i}`).join('\n') + '\n';

export interface PullRequest {
  repo: GitRepo;
  base: string;
  head: string;
  number: number;
}

/**
 * Base: legacy.yaml with an unquoted true at line 14 (and padding). Head: app.yaml added (misplaced key),
 * values.yaml added (unquoted true), legacy.yaml changed at its last line only.
 */
export function pullRequest(fake: FakeGitHub, number: number): PullRequest {
  const repo = new GitRepo();
  temps.push(repo.dir);
  repo.write({ 'k8s/legacy.yaml': unquoted('legacy', PADDING + '          # end\n') });
  const base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({
    'k8s/app.yaml': misplaced('app'),
    'k8s/values.yaml': unquoted('values'),
    'k8s/legacy.yaml': unquoted('legacy', PADDING + '          # the end\n'),
  });
  return openPull(fake, { repo, base, head: repo.commit('head'), number });
}

/** Opens `pr` on the fake API from branch `feature`: its file list (with patches) is git's diff of base..head. */
export function openPull(fake: FakeGitHub, pr: PullRequest): PullRequest {
  const files = parseUnifiedDiff(pr.repo.git('diff', pr.base, pr.head)).map((f) => ({
    filename: f.path,
    status: f.status as 'added' | 'modified',
    ...(f.patch ? { patch: f.patch } : {}),
  }));
  fake.addPull(pr.number, files);
  fake.branches.set('feature', pr.head);
  return pr;
}
