/**
 * A fake GitHub API on 127.0.0.1 for the tests: the REST and GraphQL calls the action makes, with pagination,
 * a record of every request, and failures on demand (403 on checks, a 502 once, a secondary rate limit, 422 …).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
  patch?: string;
}

export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  /** REST login (bots end in [bot]); GraphQL shows bots without the suffix. */
  login: string;
  minimized: boolean;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string };
  annotations: Record<string, unknown>[];
}

export interface FakeReviewComment {
  id: number;
  body: string;
  path: string;
  line?: number;
  side?: string;
  start_line?: number;
  login: string;
  commit_id?: string;
}

export interface FakeReview {
  id: number;
  commit_id?: string;
  event?: string;
  body?: string;
  comments: { path: string; line?: number; side?: string; start_line?: number; start_side?: string; body: string }[];
}

export interface RecordedRequest {
  method: string;
  /** The path without the query. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** For GraphQL: the operation, as the fake understood it. */
  operation?: string;
  status: number;
  authorization?: string;
}

/** A failure to answer with: the first `times` requests that match get it. */
export interface FailureRule {
  /** `METHOD /path` (a RegExp on it), or a GraphQL operation name: `graphql:createCommitOnBranch`. */
  match: RegExp | string;
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** GraphQL: answer 200 with these errors instead. */
  graphqlErrors?: { type?: string; message: string }[];
  times?: number;
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** The login of the token's user (the viewer): REST `github-actions[bot]`. */
  viewer?: string;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  viewer: string;
  readonly requests: RecordedRequest[] = [];
  readonly pulls = new Map<number, { files: FakeFile[] }>();
  readonly comments = new Map<number, FakeComment[]>();
  readonly checkRuns: FakeCheckRun[] = [];
  readonly reviews = new Map<number, FakeReview[]>();
  readonly reviewComments = new Map<number, FakeReviewComment[]>();
  /** `sha:path` → text, for GraphQL `object(expression:)`. */
  readonly blobs = new Map<string, string>();
  /** `before...after` → files, for the compare API. */
  readonly compares = new Map<string, FakeFile[]>();
  readonly commits: { input: Record<string, unknown>; oid: string }[] = [];
  /** Commit messages by sha, for GET /git/commits/{sha}. */
  readonly commitMessages = new Map<string, string>();
  /** The head of each branch, for createCommitOnBranch's expectedHeadOid. */
  readonly branches = new Map<string, string>();
  failures: FailureRule[] = [];
  private server?: http.Server;
  private nextId = 1000;
  url = '';

  constructor(options: FakeGitHubOptions = {}) {
    this.owner = options.owner ?? 'acme';
    this.repo = options.repo ?? 'shop';
    this.viewer = options.viewer ?? 'github-actions[bot]';
  }

  get apiUrl(): string {
    return this.url;
  }

  get graphqlUrl(): string {
    return `${this.url}/graphql`;
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks).toString('utf8'), res);
        } catch (error) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: `fake: ${(error as Error).message}` }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Forgets the recorded requests (the state stays). */
  reset(): void {
    this.requests.length = 0;
  }

  addPull(number: number, files: FakeFile[]): void {
    this.pulls.set(number, { files });
    if (!this.comments.has(number)) this.comments.set(number, []);
  }

  /** A comment made by someone, as the REST API would list it. */
  addComment(number: number, body: string, login: string): FakeComment {
    const comment = { id: this.nextId++, node_id: `IC_${this.nextId}`, body, login, minimized: false };
    this.comments.set(number, [...(this.comments.get(number) ?? []), comment]);
    return comment;
  }

  /** Requests other than the given method+path pattern, e.g. writes: `requestsMatching(/^(POST|PATCH|DELETE|PUT) /)`. */
  requestsMatching(pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => pattern.test(`${r.method} ${r.path}`) || (r.operation !== undefined && pattern.test(`graphql:${r.operation}`)));
  }

  /** Writes: REST POST/PATCH/PUT/DELETE and GraphQL mutations. */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => (r.path !== '/graphql' && r.method !== 'GET') || (r.operation !== undefined && MUTATIONS.has(r.operation)));
  }

  private failureFor(key: string, operation?: string): FailureRule | undefined {
    const rule = this.failures.find((f) => {
      if ((f.times ?? Infinity) <= 0) return false;
      if (typeof f.match === 'string') return f.match === key || (operation !== undefined && f.match === `graphql:${operation}`);
      return f.match.test(key) || (operation !== undefined && f.match.test(`graphql:${operation}`));
    });
    if (rule && rule.times !== undefined) rule.times--;
    return rule;
  }

  private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined;
    const operation = url.pathname === '/graphql' ? graphqlOperation(String(body?.query ?? '')) : undefined;
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      operation,
      status: 0,
      authorization: req.headers.authorization,
    };
    this.requests.push(record);
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    const failure = this.failureFor(`${method} ${url.pathname}`, operation);
    if (failure) {
      if (failure.graphqlErrors) return send(200, { data: null, errors: failure.graphqlErrors });
      return send(failure.status, { message: failure.message ?? `fake failure ${failure.status}`, documentation_url: 'https://docs.github.com/rest' }, failure.headers);
    }
    if (url.pathname === '/graphql' && method === 'POST') return this.graphql(body ?? {}, operation, send);
    this.rest(method, url, body ?? {}, send);
  }

  private rest(method: string, url: URL, body: Record<string, unknown>, send: (status: number, data?: unknown, headers?: Record<string, string>) => void): void {
    const repoPrefix = `/repos/${this.owner}/${this.repo}`;
    const path = url.pathname;
    if (!path.startsWith(repoPrefix)) return send(404, { message: 'Not Found' });
    const rest = path.slice(repoPrefix.length);
    let m: RegExpExecArray | null;

    if ((m = /^\/pulls\/(\d+)\/files$/.exec(rest)) && method === 'GET') {
      const pull = this.pulls.get(Number(m[1]));
      if (!pull) return send(404, { message: 'Not Found' });
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      // GitHub lists at most 3,000 files of a pull request.
      const capped = pull.files.slice(0, 3000);
      return send(200, capped.slice((page - 1) * perPage, page * perPage).map((f) => ({ sha: 'x', additions: 1, deletions: 0, changes: 1, ...f })));
    }
    if (rest === '/check-runs' && method === 'POST') {
      const run: FakeCheckRun = {
        id: this.nextId++,
        name: String(body.name),
        head_sha: String(body.head_sha),
        status: String(body.status ?? 'queued'),
        conclusion: body.conclusion as string | undefined,
        output: body.output as FakeCheckRun['output'],
        annotations: [...(((body.output as { annotations?: Record<string, unknown>[] })?.annotations) ?? [])],
      };
      if (((body.output as { annotations?: unknown[] })?.annotations?.length ?? 0) > 50) return send(422, { message: 'Only 50 annotations are allowed per request' });
      this.checkRuns.push(run);
      return send(201, { id: run.id, head_sha: run.head_sha, status: run.status });
    }
    if ((m = /^\/check-runs\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const run = this.checkRuns.find((r) => r.id === Number(m![1]));
      if (!run) return send(404, { message: 'Not Found' });
      const annotations = (body.output as { annotations?: Record<string, unknown>[] })?.annotations ?? [];
      if (annotations.length > 50) return send(422, { message: 'Only 50 annotations are allowed per request' });
      run.annotations.push(...annotations);
      if (body.status) run.status = String(body.status);
      if (body.conclusion) run.conclusion = String(body.conclusion);
      if (body.output) run.output = body.output as FakeCheckRun['output'];
      return send(200, { id: run.id, status: run.status });
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest)) && method === 'POST') {
      const number = Number(m[1]);
      const comment = this.addComment(number, String(body.body), this.viewer);
      return send(201, this.restComment(comment));
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest))) {
      const id = Number(m[1]);
      for (const [number, list] of this.comments) {
        const comment = list.find((c) => c.id === id);
        if (!comment) continue;
        if (method === 'PATCH') {
          comment.body = String(body.body);
          return send(200, this.restComment(comment));
        }
        if (method === 'DELETE') {
          this.comments.set(number, list.filter((c) => c.id !== id));
          return send(204);
        }
      }
      return send(404, { message: 'Not Found' });
    }
    if ((m = /^\/pulls\/(\d+)\/comments$/.exec(rest)) && method === 'GET') {
      const list = this.reviewComments.get(Number(m[1])) ?? [];
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      return send(
        200,
        list.slice((page - 1) * perPage, page * perPage).map((c) => ({ ...c, user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' } })),
      );
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest)) && method === 'POST') {
      const number = Number(m[1]);
      const pull = this.pulls.get(number);
      const comments = (body.comments as FakeReview['comments']) ?? [];
      // GitHub refuses a review comment on a line outside the diff.
      for (const c of comments) {
        const file = pull?.files.find((f) => f.filename === c.path);
        const lines = rightLines(file?.patch);
        if (!lines.has(c.line ?? -1) || (c.start_line !== undefined && !lines.has(c.start_line))) {
          return send(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] });
        }
      }
      const review: FakeReview = { id: this.nextId++, commit_id: body.commit_id as string, event: body.event as string, body: body.body as string, comments };
      this.reviews.set(number, [...(this.reviews.get(number) ?? []), review]);
      const stored = this.reviewComments.get(number) ?? [];
      for (const c of comments) stored.push({ id: this.nextId++, body: c.body, path: c.path, line: c.line, side: c.side, start_line: c.start_line, login: this.viewer, commit_id: review.commit_id });
      this.reviewComments.set(number, stored);
      return send(200, { id: review.id, html_url: `https://github.com/${this.owner}/${this.repo}/pull/${number}#pullrequestreview-${review.id}` });
    }
    if ((m = /^\/git\/commits\/([0-9a-f]+)$/.exec(rest)) && method === 'GET') {
      const message = this.commitMessages.get(m[1]);
      return message === undefined ? send(404, { message: 'Not Found' }) : send(200, { sha: m[1], message });
    }
    if ((m = /^\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(rest)) && method === 'GET') {
      const files = this.compares.get(`${m[1]}...${m[2]}`);
      if (!files) return send(404, { message: 'Not Found' });
      return send(200, { files, commits: [] });
    }
    send(404, { message: `fake: no route for ${method} ${path}` });
  }

  private restComment(c: FakeComment) {
    return {
      id: c.id,
      node_id: c.node_id,
      body: c.body,
      user: { login: c.login, type: c.login.endsWith('[bot]') ? 'Bot' : 'User' },
      html_url: `https://github.com/${this.owner}/${this.repo}/pull/1#issuecomment-${c.id}`,
    };
  }

  private graphql(body: Record<string, unknown>, operation: string | undefined, send: (status: number, data?: unknown) => void): void {
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    const graphqlLogin = (login: string) => login.replace(/\[bot\]$/, '');
    switch (operation) {
      case 'comments': {
        const number = Number(variables.number);
        const all = this.comments.get(number) ?? [];
        const start = variables.after ? Number(variables.after) : 0;
        const page = all.slice(start, start + 100);
        const end = start + page.length;
        return send(200, {
          data: {
            viewer: { login: this.viewer },
            repository: {
              pullRequest: this.pulls.has(number)
                ? {
                    comments: {
                      nodes: page.map((c) => ({ id: c.node_id, databaseId: c.id, body: c.body, isMinimized: c.minimized, author: { login: graphqlLogin(c.login) } })),
                      pageInfo: { hasNextPage: end < all.length, endCursor: end < all.length ? String(end) : null },
                    },
                  }
                : null,
            },
          },
        });
      }
      case 'minimizeComment': {
        const id = String(variables.id);
        for (const list of this.comments.values()) {
          const c = list.find((x) => x.node_id === id);
          if (c) c.minimized = true;
        }
        return send(200, { data: { minimizeComment: { minimizedComment: { isMinimized: true } } } });
      }
      case 'blobs': {
        const repository: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(variables)) {
          if (!/^e\d+$/.test(key)) continue;
          const text = this.blobs.get(String(value));
          repository[`f${key.slice(1)}`] = text === undefined ? null : { text, isBinary: false, byteSize: Buffer.byteLength(text) };
        }
        return send(200, { data: { repository } });
      }
      case 'createCommitOnBranch': {
        const input = (variables.input ?? {}) as Record<string, unknown>;
        const branch = (input.branch ?? {}) as { branchName?: string };
        const head = this.branches.get(String(branch.branchName));
        if (head !== undefined && head !== input.expectedHeadOid) {
          return send(200, { data: null, errors: [{ type: 'STALE_DATA', message: `Expected branch to point to "${String(input.expectedHeadOid)}" but it did not. Pull and try again.` }] });
        }
        const oid = `c0ffee${String(this.commits.length).padStart(34, '0')}`;
        this.commits.push({ input, oid });
        const message = (input.message ?? {}) as { headline?: string; body?: string };
        this.commitMessages.set(oid, `${message.headline ?? ''}\n\n${message.body ?? ''}`);
        this.branches.set(String(branch.branchName), oid);
        return send(200, { data: { createCommitOnBranch: { commit: { oid, url: `https://github.com/${this.owner}/${this.repo}/commit/${oid}` } } } });
      }
      default:
        return send(200, { data: null, errors: [{ message: `fake: unknown GraphQL operation in ${String(body.query).slice(0, 80)}` }] });
    }
  }
}

const MUTATIONS = new Set(['minimizeComment', 'createCommitOnBranch']);

function graphqlOperation(query: string): string | undefined {
  if (/\bminimizeComment\b/.test(query)) return 'minimizeComment';
  if (/\bcreateCommitOnBranch\b/.test(query)) return 'createCommitOnBranch';
  if (/\bobject\(expression:/.test(query)) return 'blobs';
  if (/\bcomments\(first:/.test(query)) return 'comments';
  return undefined;
}

/** The head-side lines inside a patch's hunks (where GitHub accepts a review comment). */
export function rightLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  let right = 0;
  let inHunk = false;
  for (const line of (patch ?? '').split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (h) {
      right = Number(h[1]);
      inHunk = true;
    } else if (inHunk && (line.startsWith('+') || line.startsWith(' '))) lines.add(right++);
  }
  return lines;
}

/** A patch that adds every line of a text (a new file). */
export function addedPatch(text: string): string {
  const lines = text.replace(/\n$/, '').split('\n');
  return [`@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join('\n');
}
