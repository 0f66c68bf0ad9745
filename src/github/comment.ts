import type { GitHub } from './client.js';
import { COMMENT_MARKER, sameBody } from './comment-body.js';

export type CommentMode = 'update' | 'new' | 'hide-and-new' | 'delete-and-new' | 'off';
export const COMMENT_MODES: readonly CommentMode[] = ['update', 'new', 'hide-and-new', 'delete-and-new', 'off'];

/** One of the action's earlier summary comments on the pull request. */
export interface OwnComment {
  /** GraphQL node id (for minimizeComment). */
  nodeId: string;
  /** REST id (for updating and deleting). */
  id: number;
  body: string;
  isMinimized: boolean;
}

interface CommentsPage {
  viewer: { login: string };
  repository: {
    pullRequest: {
      comments: {
        nodes: ({ id: string; databaseId: number; body: string; isMinimized: boolean; author: { login: string } | null } | null)[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  } | null;
}

const COMMENTS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  viewer { login }
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      comments(first: 100, after: $after) {
        nodes { id databaseId body isMinimized author { login } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}`;

/** GraphQL names an app "github-actions" where its viewer login is "github-actions[bot]". */
function sameLogin(a: string, b: string): boolean {
  const plain = (s: string) => s.replace(/\[bot\]$/i, '').toLowerCase();
  return plain(a) === plain(b);
}

/**
 * The action's own summary comments, oldest first: written by the token's own user or app and starting
 * with the marker. A person's comment that quotes the marker is never one of them.
 */
export async function findOwnComments(github: GitHub, number: number): Promise<OwnComment[]> {
  const { owner, repo } = github.context;
  const own: OwnComment[] = [];
  let after: string | null = null;
  for (;;) {
    const page: CommentsPage = await github.graphql<CommentsPage>(COMMENTS_QUERY, { owner, repo, number, after });
    const comments = page.repository?.pullRequest?.comments;
    if (!comments) break;
    for (const node of comments.nodes) {
      if (!node?.author || !sameLogin(node.author.login, page.viewer.login)) continue;
      if (!node.body.startsWith(COMMENT_MARKER)) continue;
      own.push({ nodeId: node.id, id: node.databaseId, body: node.body, isMinimized: node.isMinimized });
    }
    if (!comments.pageInfo.hasNextPage || !comments.pageInfo.endCursor) break;
    after = comments.pageInfo.endCursor;
  }
  return own;
}

export type CommentAction = 'created' | 'updated' | 'unchanged' | 'none-needed';

export interface CommentOutcome {
  action: CommentAction;
  /** Earlier comments hidden or deleted. */
  hidden: number;
  deleted: number;
  url?: string;
}

/**
 * Posts the summary comment the way `mode` says:
 * - update: edit the latest visible comment of the action in place (post one when there is none);
 * - new: post a new comment; hide-and-new / delete-and-new: post a new one, then minimise / delete the earlier ones.
 * Nothing is written when the latest comment already has this body (apart from its metadata line), nor when the
 * run is clean and the action has never commented.
 */
export async function publishComment(
  github: GitHub,
  options: { number: number; mode: Exclude<CommentMode, 'off'>; body: string; clean: boolean },
): Promise<CommentOutcome> {
  const { owner, repo } = github.context;
  const { number, mode, body, clean } = options;
  const own = await findOwnComments(github, number);
  const visible = own.filter((c) => !c.isMinimized);
  const latest = visible[visible.length - 1];
  const outcome: CommentOutcome = { action: 'unchanged', hidden: 0, deleted: 0 };
  if (own.length === 0 && clean) return { ...outcome, action: 'none-needed' };
  if (latest && sameBody(latest.body, body)) return outcome;

  if (mode === 'update' && latest) {
    const { data } = await github.octokit.rest.issues.updateComment({ owner, repo, comment_id: latest.id, body });
    return { ...outcome, action: 'updated', url: data.html_url };
  }
  const { data } = await github.octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  outcome.action = 'created';
  outcome.url = data.html_url;
  if (mode === 'hide-and-new') {
    for (const earlier of visible) {
      await github.graphql(
        `mutation($id: ID!) { minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } } }`,
        { id: earlier.nodeId },
      );
      outcome.hidden++;
    }
  } else if (mode === 'delete-and-new') {
    for (const earlier of own) {
      await github.octokit.rest.issues.deleteComment({ owner, repo, comment_id: earlier.id });
      outcome.deleted++;
    }
  }
  return outcome;
}
