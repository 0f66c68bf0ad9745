import { checkAnnotation, publishCheckRun } from '../../src/github/checks.js';
import { FakeGitHub } from './fake-github.js';
import { fakeClient, finding, prContext } from './helpers.js';

describe('checkAnnotation', () => {
  it('title is the rule id; columns only on one line; error → failure', () => {
    expect(checkAnnotation(finding('error', 4))).toEqual({
      path: 'k8s/app.yaml',
      start_line: 4,
      end_line: 4,
      start_column: 3,
      end_column: 10,
      annotation_level: 'failure',
      title: 'eip-missing',
      message: 'finding at 4',
    });
    const multi = checkAnnotation(finding('notice', 4, { span: { line: 4, column: 3, endLine: 6, endColumn: 1, offset: 0, endOffset: 0 } }));
    expect(multi).not.toHaveProperty('start_column');
    expect(multi).not.toHaveProperty('end_column');
    expect(multi.annotation_level).toBe('notice');
  });

  it('a fix becomes the raw details', () => {
    const f = finding('warning', 1, { fix: { safe: true, description: 'quote it', edits: [] } });
    expect(checkAnnotation(f)).toMatchObject({ annotation_level: 'warning', raw_details: 'Fix (safe): quote it' });
  });
});

describe('publishCheckRun', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    fake.failures = [];
    fake.checkRuns.length = 0;
  });
  const input = (n: number) => ({
    headSha: 'head111111111111111111111111111111111111',
    findings: Array.from({ length: n }, (_, i) => finding('error', i + 1)),
    conclusion: 'failure' as const,
    title: 't',
    summary: 's',
  });

  it('120 findings: created with 50, then 50 and 20; the last request completes it', async () => {
    const outcome = await publishCheckRun(fakeClient(fake, prContext(fake)), input(120));
    expect(outcome).toMatchObject({ ok: true, requests: 3 });
    const calls = fake.requests.map((r) => [r.method, r.path.replace(/\d+$/, 'ID'), (r.body as { output: { annotations: unknown[] } }).output.annotations.length, (r.body as { status: string }).status]);
    expect(calls).toEqual([
      ['POST', '/repos/acme/shop/check-runs', 50, 'in_progress'],
      ['PATCH', '/repos/acme/shop/check-runs/ID', 50, 'in_progress'],
      ['PATCH', '/repos/acme/shop/check-runs/ID', 20, 'completed'],
    ]);
    expect(fake.checkRuns[0]).toMatchObject({ head_sha: input(0).headSha, status: 'completed', conclusion: 'failure', name: 'eci-egress-lint' });
    expect(fake.checkRuns[0].annotations).toHaveLength(120);
  });

  it('no findings or up to 50: one request that completes it', async () => {
    expect(await publishCheckRun(fakeClient(fake), { ...input(0), conclusion: 'success' })).toMatchObject({ ok: true, requests: 1 });
    expect(await publishCheckRun(fakeClient(fake), input(50))).toMatchObject({ ok: true, requests: 1 });
    expect(fake.checkRuns.map((r) => [r.status, r.conclusion, r.annotations.length])).toEqual([
      ['completed', 'success', 0],
      ['completed', 'failure', 50],
    ]);
  });

  it('a 403 on create: not ok, nothing published, one request (403 is not retried)', async () => {
    fake.failures = [{ match: 'POST /repos/acme/shop/check-runs', status: 403, message: 'Resource not accessible by integration' }];
    const outcome = await publishCheckRun(fakeClient(fake), input(3));
    expect(outcome).toMatchObject({ ok: false, published: 0, failure: { status: 403, message: 'Resource not accessible by integration' } });
    expect(fake.requests).toHaveLength(1);
  });

  it('a 422 on a later batch: the check run is completed with what it has, and the rest is reported', async () => {
    fake.failures = [{ match: /^PATCH \/repos\/acme\/shop\/check-runs\/\d+$/, status: 422, message: 'Invalid annotation', times: 1 }];
    const outcome = await publishCheckRun(fakeClient(fake), input(120));
    expect(outcome).toMatchObject({ ok: false, published: 50, failure: { status: 422 } });
    expect(fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.requests).toHaveLength(3);
  });
});
