import { WriteLog } from '../../src/github/writes.js';

describe('WriteLog (what was skipped, for the one notice)', () => {
  it('nothing skipped: no notice', () => {
    expect(new WriteLog(false).notice()).toBeUndefined();
  });

  it('a 403 on a fork closes every later write; the notice names each and why', () => {
    const log = new WriteLog(true);
    log.failed('the check run', { status: 403, types: [], message: 'Resource not accessible by integration' }, 'the annotations were written as workflow commands');
    expect(log.closed).toMatch(/read-only/);
    log.skip('the summary comment');
    expect(log.notice()).toBe(
      'Some results could not be written to GitHub. ' +
        "the check run: the token may not do this (403 Resource not accessible by integration); grant the permission in the workflow's permissions; the annotations were written as workflow commands. " +
        'the summary comment: not attempted, the token is read-only (a pull request from a fork gets a read-only token). ' +
        'The findings are in the log, the annotations and the job summary, and the result still follows fail-on.',
    );
  });

  it('a 403 outside a fork closes nothing (another permission may still be granted); a 401 closes everything', () => {
    const log = new WriteLog(false);
    log.failed('the check run', { status: 403, types: [], message: 'Resource not accessible by integration' });
    expect(log.closed).toBeUndefined();
    log.failed('the summary comment', { status: 401, types: [], message: 'Bad credentials' });
    expect(log.closed).toBe('the token was refused (401)');
  });

  it('says rate limits, 404, 422 and 5xx in words', () => {
    const log = new WriteLog(false);
    log.failed('a', { status: 403, types: [], message: 'You have exceeded a secondary rate limit' });
    log.failed('b', { status: 404, types: [], message: 'Not Found' });
    log.failed('c', { status: 422, types: [], message: 'Validation Failed' });
    log.failed('d', { status: 502, types: [], message: 'Bad Gateway' });
    expect(log.skipped).toEqual([
      'a: rate limited (403 You have exceeded a secondary rate limit)',
      'b: not found or not visible to the token (404 Not Found)',
      'c: GitHub refused it (422 Validation Failed)',
      'd: GitHub failed after retries (502 Bad Gateway)',
    ]);
  });
});
