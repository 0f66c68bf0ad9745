import type { Finding, SuppressedFinding } from '../model/index.js';
import { escapeMarkdown } from '../report/markdown.js';
import { plural } from '../report/summary.js';

/** The hidden first line of the action's summary comment; only a comment that starts with it (and is the token's own) is the action's. */
export const COMMENT_MARKER = '<!-- eci-egress-lint:summary-comment -->';
/** A hidden line with data of the run (head commit …); it is left out when comparing an old body with a new one. */
const META_PREFIX = '<!-- eci-egress-lint:meta ';
const META_LINE = /^<!-- eci-egress-lint:meta .* -->$/m;

/** GitHub refuses comment bodies of 65,536 characters or more; stay clear of it. */
export const COMMENT_LIMIT = 65_000;
/** A single message in the comment is cut at this length; the job summary has it whole. */
const MESSAGE_LIMIT = 2_000;

const DOCS = 'https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules';

export interface CommentLinks {
  serverUrl: string;
  owner: string;
  repo: string;
  /** The pull request's head commit: links to lines point there. */
  headSha: string;
}

export interface CommentContent {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  scannedFiles: number;
  skippedFiles: number;
  failOn: string;
  failed: boolean;
  links: CommentLinks;
  /** What was scanned, in words (e.g. "the 4 files pull request #12 changes"). */
  scope?: string;
  /** The cost table, already Markdown with every repository string escaped, when the cost projection has one. */
  cost?: string;
  /** More Markdown sections (already escaped), e.g. fixes outside the diff as a patch. */
  extra?: string[];
  /** Data for the hidden metadata line. */
  meta?: Record<string, unknown>;
}

/**
 * Escapes a string from the repository for the comment: escapeMarkdown (no HTML, Markdown links, images or
 * @mentions), and bare URLs broken with a zero-width space so that GitHub does not turn them into links.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text)
    .replace(/:\/\//g, ':/\u200b/')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
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

export function verdict(content: Pick<CommentContent, 'findings' | 'failOn' | 'failed' | 'scannedFiles'>): string {
  const count = (s: Finding['severity']) => content.findings.filter((f) => f.severity === s).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), plural(count('notice'), 'notice')].join(', ');
  if (content.findings.length === 0) return `:white_check_mark: **All clear**: no problems in ${plural(content.scannedFiles, 'scanned file')}.`;
  if (content.failed) return `:x: **Fails**: ${parts} (fail-on: ${content.failOn}).`;
  return `:warning: **Passes with findings**: ${parts} (fail-on: ${content.failOn}).`;
}

function findingLine(f: Finding, links: CommentLinks): string {
  const message = f.message.length > MESSAGE_LIMIT ? f.message.slice(0, MESSAGE_LIMIT) + '…' : f.message;
  const fix = f.fix ? ` _Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${escapeText(f.fix.description)}._` : '';
  return `| [${f.span.line}:${f.span.column}](${lineUrl(links, f.file, f.span.line)}) | ${f.severity} | [\`${f.ruleId}\`](${DOCS}/${f.ruleId}.md) | ${escapeText(message)}${fix} |`;
}

function fileSection(file: string, findings: Finding[], links: CommentLinks): string {
  return [
    `#### [${escapeText(file)}](${lineUrl(links, file)})`,
    '',
    '| line | severity | rule | message |',
    '| ---: | --- | --- | --- |',
    ...findings.map((f) => findingLine(f, links)),
  ].join('\n');
}

function suppressedSection(suppressed: SuppressedFinding[]): string {
  const by = (source: SuppressedFinding['source']) => suppressed.filter((s) => s.source === source).length;
  const how = (['comment', 'annotation', 'config'] as const)
    .filter((s) => by(s) > 0)
    .map((s) => `${by(s)} by ${s}`)
    .join(', ');
  const lines = suppressed.map(
    (s) => `- ${escapeText(s.finding.file)}:${s.finding.span.line} \`${s.finding.ruleId}\`: ${escapeText(s.reason)}`,
  );
  return [`<details><summary>${plural(suppressed.length, 'suppressed finding')} (${how})</summary>`, '', ...lines, '', '</details>'].join('\n');
}

/**
 * The summary comment: the marker, the hidden metadata line, a one-line verdict, the cost table, the
 * findings grouped by file with links to their lines at the head commit, the suppressed findings, then
 * the extra sections. Sections that would take the body over GitHub's limit are left out, with a note.
 */
export function commentBody(content: CommentContent): string {
  const head = [
    COMMENT_MARKER,
    `${META_PREFIX}${JSON.stringify(content.meta ?? {}).replace(/--/g, '\\u002d\\u002d')} -->`,
    '### eci-egress-lint',
    '',
    verdict(content),
  ];
  if (content.scope) head.push('', `<sub>Scanned: ${escapeText(content.scope)}.</sub>`);
  const footer = '\n\n<sub>The full report is in the job summary of the workflow run.</sub>\n';

  const groups = new Map<string, Finding[]>();
  for (const f of content.findings) groups.set(f.file, [...(groups.get(f.file) ?? []), f]);
  const sections: { text: string; findings: number }[] = [];
  if (content.cost) sections.push({ text: content.cost, findings: 0 });
  for (const [file, findings] of groups) sections.push({ text: fileSection(file, findings, content.links), findings: findings.length });
  if (content.suppressed.length > 0) sections.push({ text: suppressedSection(content.suppressed), findings: 0 });
  if (content.skippedFiles > 0) sections.push({ text: `${plural(content.skippedFiles, 'file')} not scanned (see the job summary).`, findings: 0 });
  for (const extra of content.extra ?? []) sections.push({ text: extra, findings: 0 });

  let body = head.join('\n');
  const left: { text: string; findings: number }[] = [];
  const reserve = 400; // for the note about what was left out, and the footer
  for (const section of sections) {
    if (left.length === 0 && body.length + 2 + section.text.length + reserve <= COMMENT_LIMIT) body += `\n\n${section.text}`;
    else left.push(section);
  }
  if (left.length > 0) {
    const findings = left.reduce((n, s) => n + s.findings, 0);
    const what = findings > 0 ? `${plural(findings, 'more finding')} and other details` : 'Some details';
    body += `\n\n> [!NOTE]\n> ${what} did not fit in this comment (GitHub's limit is 65,536 characters); the job summary has the full report.`;
  }
  return body + footer;
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
