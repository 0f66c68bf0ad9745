import type { Finding } from '../model/index.js';
import type { GitHub } from './client.js';
import { PER_PAGE } from './files.js';
import { SUGGESTION_MARKER, suggestionBody, type Suggestion } from './suggestions.js';

/** GitHub takes many comments in one review, but a review of more than 30 suggestions is hard to read; the rest wait for the next run. */
export const SUGGESTIONS_PER_REVIEW = 30;

/** The keys of the suggestions already on the pull request (every page of its review comments). */
export async function postedSuggestionKeys(github: GitHub, number: number): Promise<Set<string>> {
  const { owner, repo } = github.context;
  const keys = new Set<string>();
  const pattern = new RegExp(`<!-- ${SUGGESTION_MARKER} ([0-9a-f]{16}) -->`);
  for (let page = 1; ; page++) {
    const { data } = await github.octokit.rest.pulls.listReviewComments({ owner, repo, pull_number: number, per_page: PER_PAGE, page });
    for (const comment of data) {
      const key = pattern.exec(comment.body)?.[1];
      if (key) keys.add(key);
    }
    if (data.length < PER_PAGE) break;
  }
  return keys;
}

/** One review on the head commit with a suggested-change comment per suggestion (at most 30). */
export async function postSuggestions(
  github: GitHub,
  options: { number: number; headSha: string; suggestions: Suggestion[]; describe: (f: Finding) => string },
): Promise<{ url?: string }> {
  const { owner, repo } = github.context;
  const suggestions = options.suggestions.slice(0, SUGGESTIONS_PER_REVIEW);
  const comments = suggestions.map((s) => ({
    path: s.path,
    body: suggestionBody(s, options.describe),
    side: 'RIGHT' as const,
    line: s.endLine,
    ...(s.startLine < s.endLine ? { start_line: s.startLine, start_side: 'RIGHT' as const } : {}),
  }));
  const { data } = await github.octokit.rest.pulls.createReview({
    owner,
    repo,
    pull_number: options.number,
    commit_id: options.headSha,
    event: 'COMMENT',
    body: `eci-egress-lint suggests ${suggestions.length === 1 ? 'a fix' : `${suggestions.length} fixes`}. Each can be committed from here.`,
    comments,
  });
  return { url: data.html_url };
}

