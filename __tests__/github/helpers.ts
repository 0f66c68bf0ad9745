import { createGitHub, type GitHub } from '../../src/github/client.js';
import type { RunContext } from '../../src/github/context.js';
import type { Finding, Severity } from '../../src/model/index.js';
import { FakeGitHub } from './fake-github.js';

/** A run context for pull request #7 of acme/shop against the fake API. */
export function prContext(fake: FakeGitHub, extra: Partial<RunContext> = {}): RunContext {
  return {
    eventName: 'pull_request',
    owner: fake.owner,
    repo: fake.repo,
    sha: 'merge0000000000000000000000000000000000',
    serverUrl: 'https://github.com',
    apiUrl: fake.apiUrl,
    graphqlUrl: fake.graphqlUrl,
    act: false,
    pullRequest: {
      number: 7,
      headSha: 'head111111111111111111111111111111111111',
      headRef: 'feature',
      headRepo: `${fake.owner}/${fake.repo}`,
      baseSha: 'base000000000000000000000000000000000000',
      baseRef: 'main',
      fork: false,
    },
    ...extra,
  };
}

/** The API client against the fake, with waits of 1 ms per second (as the e2e tests set them). */
export function fakeClient(fake: FakeGitHub, context: RunContext = prContext(fake)): GitHub {
  return createGitHub('test-token-123', context, { ECI_EGRESS_LINT_TIME_UNIT_MS: '1' });
}

export function startFake(): { fake: FakeGitHub } {
  const holder = { fake: new FakeGitHub() };
  beforeAll(async () => {
    await holder.fake.start();
  });
  afterAll(async () => {
    await holder.fake.stop();
  });
  return holder;
}

export function finding(severity: Severity, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'eip-missing',
    severity,
    message: `finding at ${line}`,
    file: 'k8s/app.yaml',
    span: { line, column: 3, endLine: line, endColumn: 10, offset: 0, endOffset: 0 },
    ...extra,
  };
}
