/** publishAnnotations and publishSummaryComment: where the findings go when the API is there, refuses, or is closed. */
import { jest } from '@jest/globals';
import { publishAnnotations, publishSummaryComment, type AnnotationsInput } from '../../src/github/publish.js';
import { WriteLog } from '../../src/github/writes.js';
import type { Finding } from '../../src/model/index.js';
import { FakeGitHub } from './fake-github.js';
import { fakeClient, finding, prContext } from './helpers.js';
import type { LintResult } from '../../src/model/index.js';
import { lint } from '../report/helpers.js';

const fake = new FakeGitHub();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => {
  fake.failures = [];
  fake.reset();
  fake.addPull(7, []);
});

function annotations(findings: Finding[], mode: AnnotationsInput['mode'] = 'auto') {
  const written: Finding[][] = [];
  const input: AnnotationsInput = { mode, findings, conclusion: 'failure', title: 't', summary: 's', commands: (f) => written.push(f) };
  return { input, written };
}

const closedLog = () => {
  const writes = new WriteLog(true);
  writes.failed('the check run', { status: 403, types: [], message: 'Resource not accessible by integration' });
  expect(writes.closed).toBeDefined();
  return writes;
};

describe('publishAnnotations', () => {
  beforeEach(() => jest.spyOn(process.stdout, 'write').mockImplementation(() => true));
  afterEach(() => jest.restoreAllMocks());

  it('a check run when it can; no workflow command then', async () => {
    const { input, written } = annotations([finding('error', 3)]);
    const outcome = await publishAnnotations(fakeClient(fake), prContext(fake), new WriteLog(false), input);
    expect(outcome).toMatchObject({ via: 'checks', checkRunId: expect.any(Number) });
    expect(written).toEqual([]);
  });

  it('writes already closed (a refused write on a fork): workflow commands, no API call, the skip noted', async () => {
    const writes = closedLog();
    const { input, written } = annotations([finding('error', 3), finding('warning', 4)]);
    const outcome = await publishAnnotations(fakeClient(fake), prContext(fake), writes, input);
    expect(outcome).toEqual({ via: 'commands' });
    expect(written).toEqual([input.findings]);
    expect(fake.requests).toEqual([]);
    expect(writes.skipped).toHaveLength(2);
  });

  it('no token, no head commit, or mode commands: workflow commands; mode off: nothing', async () => {
    const { input, written } = annotations([finding('error', 3)]);
    expect(await publishAnnotations(undefined, prContext(fake), new WriteLog(false), input)).toEqual({ via: 'commands' });
    expect(await publishAnnotations(fakeClient(fake), prContext(fake), new WriteLog(false), { ...input, mode: 'commands' })).toEqual({ via: 'commands' });
    const noHead = prContext(fake, { pullRequest: undefined, sha: '' });
    expect(await publishAnnotations(fakeClient(fake, noHead), noHead, new WriteLog(false), input)).toEqual({ via: 'commands' });
    expect(await publishAnnotations(fakeClient(fake), prContext(fake), new WriteLog(false), { ...input, mode: 'off' })).toEqual({ via: 'off' });
    expect(written).toHaveLength(3);
    expect(fake.requests).toEqual([]);
  });

  it('a check run refused part-way: the findings not yet published go to workflow commands', async () => {
    const many = Array.from({ length: 60 }, (_, i) => finding('error', i + 1));
    fake.failures = [{ match: /^PATCH .*\/check-runs\/\d+$/, status: 422, times: 5 }];
    const writes = new WriteLog(false);
    const { input, written } = annotations(many);
    expect(await publishAnnotations(fakeClient(fake), prContext(fake), writes, input)).toEqual({ via: 'commands' });
    expect(written).toEqual([many.slice(50)]);
    expect(writes.skipped).toEqual([expect.stringContaining('the other 10 annotations were written as workflow commands')]);
  });
});

describe('publishSummaryComment', () => {
  beforeEach(() => jest.spyOn(process.stdout, 'write').mockImplementation(() => true));
  afterEach(() => jest.restoreAllMocks());

  const resultOf = (findings: Finding[]): LintResult => ({ ...lint({ 'k8s/app.yaml': '{}\n' }), findings });
  const options = { surface: 'action' as const, failOn: 'error' as const };
  const content = { result: resultOf([finding('error', 3)]), options };

  it('posts on the pull request; nothing without a pull request, a token, or with mode off', async () => {
    expect(await publishSummaryComment(fakeClient(fake), prContext(fake), new WriteLog(false), { mode: 'update', content })).toMatchObject({ action: 'created' });
    const push = prContext(fake, { pullRequest: undefined });
    expect(await publishSummaryComment(fakeClient(fake, push), push, new WriteLog(false), { mode: 'update', content })).toBeUndefined();
    expect(await publishSummaryComment(undefined, prContext(fake), new WriteLog(false), { mode: 'update', content })).toBeUndefined();
    expect(await publishSummaryComment(fakeClient(fake), prContext(fake), new WriteLog(false), { mode: 'off', content })).toBeUndefined();
    expect(fake.writes()).toHaveLength(1);
  });

  it('writes closed: not attempted, the skip noted; a refused comment: noted, no throw', async () => {
    const writes = closedLog();
    expect(await publishSummaryComment(fakeClient(fake), prContext(fake), writes, { mode: 'update', content })).toBeUndefined();
    expect(fake.requests).toEqual([]);
    expect(writes.skipped[1]).toMatch(/^the summary comment: not attempted/);

    fake.failures = [{ match: /^POST .*\/issues\/\d+\/comments$/, status: 422 }];
    const open = new WriteLog(false);
    const changed = { ...content, result: resultOf([finding('error', 9)]) };
    expect(await publishSummaryComment(fakeClient(fake), prContext(fake), open, { mode: 'new', content: changed })).toBeUndefined();
    expect(open.skipped).toEqual([expect.stringMatching(/^the summary comment: /)]);
  });
});
