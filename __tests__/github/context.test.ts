import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headSha, readRunContext } from '../../src/github/context.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-context-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function payloadFile(payload: unknown): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

const pr = (head: string, base = 'acme/shop') => ({
  number: 12,
  pull_request: {
    number: 12,
    changed_files: 4,
    head: { sha: 'h'.repeat(40), ref: 'feature', repo: { full_name: head } },
    base: { sha: 'b'.repeat(40), ref: 'main', repo: { full_name: base } },
  },
});

describe('readRunContext', () => {
  it('a pull request: head commit (not the merge commit), base, number, changed file count', () => {
    const context = readRunContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: payloadFile(pr('acme/shop')),
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SHA: 'm'.repeat(40),
      GITHUB_API_URL: 'http://127.0.0.1:9/',
      GITHUB_GRAPHQL_URL: 'http://127.0.0.1:9/graphql',
    });
    expect(context).toMatchObject({ eventName: 'pull_request', owner: 'acme', repo: 'shop', apiUrl: 'http://127.0.0.1:9', graphqlUrl: 'http://127.0.0.1:9/graphql', act: false });
    expect(context.pullRequest).toEqual({
      number: 12,
      headSha: 'h'.repeat(40),
      headRef: 'feature',
      headRepo: 'acme/shop',
      baseSha: 'b'.repeat(40),
      baseRef: 'main',
      fork: false,
      changedFiles: 4,
    });
    expect(headSha(context)).toBe('h'.repeat(40));
  });

  it('a fork: the head repository is another one (or was deleted)', () => {
    expect(readRunContext({ GITHUB_EVENT_PATH: payloadFile(pr('mallory/shop')), GITHUB_REPOSITORY: 'acme/shop' }).pullRequest?.fork).toBe(true);
    const deleted = pr('x');
    (deleted.pull_request.head as { repo: unknown }).repo = null;
    expect(readRunContext({ GITHUB_EVENT_PATH: payloadFile(deleted) }).pullRequest?.fork).toBe(true);
  });

  it('a push: the pushed range; other events: neither', () => {
    const push = readRunContext({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: payloadFile({ before: 'a'.repeat(40), after: 'c'.repeat(40) }), GITHUB_SHA: 'c'.repeat(40) });
    expect(push.push).toEqual({ before: 'a'.repeat(40), after: 'c'.repeat(40) });
    expect(headSha(push)).toBe('c'.repeat(40));
    const other = readRunContext({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: payloadFile({}) });
    expect(other.push).toBeUndefined();
    expect(other.pullRequest).toBeUndefined();
  });

  it('defaults to github.com; GHES API URLs get their GraphQL URL; ACT=true is act', () => {
    expect(readRunContext({})).toMatchObject({ apiUrl: 'https://api.github.com', graphqlUrl: 'https://api.github.com/graphql', serverUrl: 'https://github.com', act: false });
    expect(readRunContext({ GITHUB_API_URL: 'https://ghe.example/api/v3' }).graphqlUrl).toBe('https://ghe.example/api/graphql');
    expect(readRunContext({ ACT: 'true' }).act).toBe(true);
  });

  it('a missing or broken payload is an empty one', () => {
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{');
    expect(readRunContext({ GITHUB_EVENT_PATH: broken }).pullRequest).toBeUndefined();
    expect(readRunContext({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }).pullRequest).toBeUndefined();
  });
});
