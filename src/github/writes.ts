import type { ApiFailure } from './client.js';
import { failureText } from './client.js';

/**
 * Bookkeeping of the run's API writes that did not happen: each failure or skip is one entry, and the action
 * turns them into one notice at the end. A 403 on a pull request from a fork means the token is read-only, so
 * every later write is skipped without a call; a 401 means the token is refused, the same.
 */
export class WriteLog {
  readonly skipped: string[] = [];
  /** Why every further write is skipped, once that is known. */
  closed?: string;

  constructor(private readonly fork: boolean) {}

  /** A write that failed: what it was, what happens instead. */
  failed(what: string, failure: ApiFailure, instead?: string): void {
    this.skipped.push(`${what}: ${describe(failure)}${instead ? `; ${instead}` : ''}`);
    if (failure.status === 401) this.closed = 'the token was refused (401)';
    else if (failure.status === 403 && this.fork) this.closed = 'the token is read-only (a pull request from a fork gets a read-only token)';
  }

  /** A write not attempted, because of an earlier failure. */
  skip(what: string, instead?: string): void {
    this.skipped.push(`${what}: not attempted, ${this.closed}${instead ? `; ${instead}` : ''}`);
  }

  /** The one notice for the run, or undefined when every write went through. */
  notice(): string | undefined {
    if (this.skipped.length === 0) return undefined;
    return (
      `Some results could not be written to GitHub. ${this.skipped.map((s) => s.replace(/\.$/, '')).join('. ')}. ` +
      'The findings are in the log, the annotations and the job summary, and the result still follows fail-on.'
    );
  }
}

function describe(failure: ApiFailure): string {
  const text = failureText(failure);
  if (failure.status === 403 && /rate limit/i.test(failure.message)) return `rate limited (${text})`;
  if (failure.status === 403) return `the token may not do this (${text}); grant the permission in the workflow's permissions`;
  if (failure.status === 404) return `not found or not visible to the token (${text})`;
  if (failure.status === 422) return `GitHub refused it (${text})`;
  if (failure.status && failure.status >= 500) return `GitHub failed after retries (${text})`;
  return text;
}
