import { jest } from '@jest/globals';
import { createGitHub, describeFailure, timeUnit } from '../../src/github/client.js';
import { FakeGitHub } from './fake-github.js';
import { fakeClient, prContext } from './helpers.js';

/** What the client logs (core.info writes to standard output), kept out of the test run's output. */
async function capturingStdout(fn: () => Promise<unknown>): Promise<string> {
  const log: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    log.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    write.mockRestore();
  }
  return log.join('');
}

describe('the API client (retries and rate limits)', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.failures = [];
    fake.addPull(1, [{ filename: 'a.yaml', status: 'added' }]);
  });
  const list = () => fakeClient(fake).octokit.rest.pulls.listFiles({ owner: 'acme', repo: 'shop', pull_number: 1 });

  it('a 502 is retried', async () => {
    fake.failures = [{ match: 'GET /repos/acme/shop/pulls/1/files', status: 502, times: 1 }];
    expect((await list()).data).toHaveLength(1);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it('a secondary rate limit (403 with retry-after) is waited out and retried', async () => {
    fake.failures = [
      { match: 'GET /repos/acme/shop/pulls/1/files', status: 403, message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', headers: { 'retry-after': '1' }, times: 1 },
    ];
    const log = await capturingStdout(async () => expect((await list()).data).toHaveLength(1));
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(log).toMatch(/secondary rate limit .*: retrying in 1 s$/m);
  });

  it('a primary rate limit (x-ratelimit-remaining: 0) past its reset is retried', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    fake.failures = [{ match: 'GET /repos/acme/shop/pulls/1/files', status: 403, message: 'API rate limit exceeded', headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, times: 1 }];
    const log = await capturingStdout(async () => expect((await list()).data).toHaveLength(1));
    expect(log).toMatch(/primary rate limit .*: retrying in \d+ s$/m);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('a rate limit that does not end gives up after 2 retries, and says so in the log', async () => {
    fake.failures = [{ match: 'GET /repos/acme/shop/pulls/1/files', status: 403, message: 'You have exceeded a secondary rate limit', headers: { 'retry-after': '1' } }];
    // The log lines are expected here: captured and checked rather than printed among the test results.
    const log = await capturingStdout(() => expect(list()).rejects.toMatchObject({ status: 403 }));
    expect(fake.requests).toHaveLength(3);
    expect(log).toMatch(/^GitHub secondary rate limit on GET \/repos\/\{owner\}\/\{repo\}\/pulls\/\{pull_number\}\/files: giving up$/m);
  });

  it('a 5xx that does not end gives up after 3 retries', async () => {
    fake.failures = [{ match: 'GET /repos/acme/shop/pulls/1/files', status: 503 }];
    await expect(list()).rejects.toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(4);
  });

  it('403, 404 and 422 are not retried', async () => {
    for (const status of [403, 404, 422]) {
      fake.reset();
      fake.failures = [{ match: 'GET /repos/acme/shop/pulls/1/files', status, message: 'no' }];
      await expect(list()).rejects.toMatchObject({ status });
      expect(fake.requests).toHaveLength(1);
    }
  });

  it('sends the token as authorization, and never puts it in an error message', async () => {
    fake.failures = [{ match: 'GET /repos/acme/shop/pulls/1/files', status: 404, message: 'Not Found' }];
    const error = await list().catch((e: unknown) => e);
    expect(fake.requests[0].authorization).toBe('token test-token-123');
    expect(describeFailure(error)).toEqual({ status: 404, types: [], message: 'Not Found' });
    expect(JSON.stringify(describeFailure(error))).not.toContain('test-token-123');
  });

  it('GraphQL goes to GITHUB_GRAPHQL_URL; GraphQL errors keep their types', async () => {
    fake.failures = [{ match: 'graphql:comments', status: 200, graphqlErrors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] }];
    const github = createGitHub('t', prContext(fake), { ECI_EGRESS_LINT_TIME_UNIT_MS: '1' });
    const error = await github.graphql('query { viewer { login } repository { pullRequest { comments(first: 100) { nodes { id } } } } }').catch((e: unknown) => e);
    expect(fake.requests[0].path).toBe('/graphql');
    expect(describeFailure(error)).toMatchObject({ types: ['FORBIDDEN'], message: 'Resource not accessible by integration' });
  });

  it('timeUnit: 1000 ms unless the tests set it', () => {
    expect(timeUnit({})).toBe(1000);
    expect(timeUnit({ ECI_EGRESS_LINT_TIME_UNIT_MS: '1' })).toBe(1);
    expect(timeUnit({ ECI_EGRESS_LINT_TIME_UNIT_MS: 'x' })).toBe(1000);
  });
});
