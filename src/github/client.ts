import * as core from '@actions/core';
import { logInfo } from './log.js';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling, type ThrottlingOptions } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import type { RunContext } from './context.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

export type Octokit = ReturnType<typeof getOctokit>;

/** Retries of a request that hit a rate limit; past them, or when GitHub asks for a longer wait, the call fails. */
const RATE_LIMIT_RETRIES = 2;
/** The longest wait (seconds) the action accepts before retrying a rate-limited call. */
const LONGEST_WAIT = 120;

/**
 * Milliseconds per second of the waits between retries and between write calls. GitHub asks for a second
 * between mutating calls, and the retry and throttling plugins count their waits in seconds. Only the
 * project's own tests set ECI_EGRESS_LINT_TIME_UNIT_MS (to 1), so that a retry-after of 1 waits 1 ms; a
 * workflow never should.
 */
export function timeUnit(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ECI_EGRESS_LINT_TIME_UNIT_MS;
  const value = raw ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : 1000;
}

/** The API client: octokit with retries on 5xx and waits on rate limits, pointed at the run's API. */
export interface GitHub {
  octokit: Octokit;
  context: RunContext;
  /** A GraphQL call to the run's GraphQL endpoint (GITHUB_GRAPHQL_URL). */
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export function createGitHub(token: string, context: RunContext, env: NodeJS.ProcessEnv = process.env): GitHub {
  const unit = timeUnit(env);
  const waitOrGiveUp = (kind: string) => (after: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
    const retrying = retryCount < RATE_LIMIT_RETRIES && after <= LONGEST_WAIT;
    logInfo(`GitHub ${kind} rate limit on ${options.method} ${options.url}: ${retrying ? `retrying in ${after} s` : 'giving up'}`);
    return retrying;
  };
  const throttle: ThrottlingOptions = {
    onRateLimit: waitOrGiveUp('primary'),
    onSecondaryRateLimit: waitOrGiveUp('secondary'),
    retryAfterBaseValue: unit,
    // The plugin spaces write calls by 1 s (notifications by 3 s); scale those waits too.
    ...(unit !== 1000
      ? {
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: unit }),
          notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * unit }),
        }
      : {}),
  };
  const octokit = getOctokit(
    token,
    {
      baseUrl: context.apiUrl,
      userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
      retry: { retryAfterBaseValue: unit, retries: 3 },
      throttle,
      // octokit logs some warnings itself; keep them in the debug log, never with request details on stdout.
      log: { debug: () => undefined, info: () => undefined, warn: (m: string) => core.debug(m), error: (m: string) => core.debug(m) },
    },
    retry,
    throttling,
  );
  return {
    octokit,
    context,
    graphql: <T>(query: string, variables: Record<string, unknown> = {}) =>
      octokit.graphql<T>({ query, url: context.graphqlUrl, ...variables }),
  };
}

/** An API failure, as a status and a short reason for the notice. */
export interface ApiFailure {
  status?: number;
  /** GraphQL error types (e.g. STALE_DATA). */
  types: string[];
  message: string;
}

export function describeFailure(error: unknown): ApiFailure {
  const e = error as { status?: number; message?: string; errors?: { type?: string; message?: string }[] };
  const types = (e.errors ?? []).map((x) => x.type ?? '').filter(Boolean);
  const raw = e.errors?.[0]?.message ?? e.message ?? String(error);
  // The first line only, without the documentation link octokit appends.
  const message = raw.split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*$/, '').slice(0, 300);
  return { status: typeof e.status === 'number' ? e.status : undefined, types, message };
}

export function failureText(failure: ApiFailure): string {
  return failure.status ? `${failure.status} ${failure.message}` : failure.message;
}
