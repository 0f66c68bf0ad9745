import type { LintResult } from '../model/index.js';
import { budgetedPage, COMMENT_LIMIT, type PageLinks } from '../report/page.js';
import type { PresentOptions } from '../report/presentation.js';

export { COMMENT_LIMIT };

/** The hidden first line of the action's summary comment; only a comment that starts with it (and is the token's own) is the action's. */
export const COMMENT_MARKER = '<!-- eci-egress-lint:summary-comment -->';
/** A hidden line with data of the run (head commit …); it is left out when comparing an old body with a new one. */
const META_PREFIX = '<!-- eci-egress-lint:meta ';
const META_LINE = /^<!-- eci-egress-lint:meta .* -->$/m;

export interface CommentLinks {
  serverUrl: string;
  owner: string;
  repo: string;
  /** The pull request's head commit: links to lines point there. */
  headSha: string;
  /** The workflow run, whose job summary has the full report. */
  runUrl?: string;
}

export interface CommentContent {
  result: LintResult;
  /** The surface options (fail-on, the fix input) the headline follows. */
  options: PresentOptions;
  links: CommentLinks;
  /** What was scanned, in words (e.g. "the 4 files pull request #12 changes"). */
  scope?: string;
  /** More Markdown sections (already escaped), e.g. fixes outside the diff as a patch. */
  extra?: string[];
  /** Data for the hidden metadata line. */
  meta?: Record<string, unknown>;
}

/** A path inside a link: every segment percent-encoded, and the characters Markdown treats specially in a URL too. */
export function encodePath(file: string): string {
  return file
    .split('/')
    .map((s) => encodeURIComponent(s).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

export function lineUrl(links: CommentLinks, file: string, line?: number): string {
  const base = `${links.serverUrl}/${encodePath(links.owner)}/${encodePath(links.repo)}/blob/${links.headSha}/${encodePath(file)}`;
  return line ? `${base}#L${line}` : base;
}

/** The page's links for a pull request: files at its head commit, and the run. */
export function pageLinks(links: CommentLinks): PageLinks {
  return { file: (file, line) => lineUrl(links, file, line), ...(links.runUrl ? { run: links.runUrl } : {}) };
}

/**
 * The summary comment: the marker, the hidden metadata line, then the run's page within GitHub's limit (see
 * budgetedPage: headline, findings, cost, how the cost is estimated, details, the link to the full report).
 */
export function commentBody(content: CommentContent): string {
  const head = [COMMENT_MARKER, `${META_PREFIX}${JSON.stringify(content.meta ?? {}).replace(/--/g, '\\u002d\\u002d')} -->`, '', ''].join('\n');
  const page = budgetedPage(
    { result: content.result, options: content.options, links: pageLinks(content.links), scope: content.scope, extra: content.extra },
    COMMENT_LIMIT,
    head.length,
  );
  return head + page;
}

/** The body without its hidden metadata line, for comparing an earlier comment with a new one. */
export function withoutMeta(body: string): string {
  return body.replace(META_LINE, '').replace(/\r\n/g, '\n').trimEnd();
}

export function sameBody(a: string, b: string): boolean {
  return withoutMeta(a) === withoutMeta(b);
}

/** The metadata an earlier body of the action carries; {} when there is none. */
export function readMeta(body: string): Record<string, unknown> {
  const line = META_LINE.exec(body)?.[0];
  if (!line) return {};
  try {
    return JSON.parse(line.slice(META_PREFIX.length, -' -->'.length)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
