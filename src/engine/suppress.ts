import { minimatch } from 'minimatch';
import type { Config, Finding, SuppressedFinding, Workload } from '../model/index.js';
import type { CommentIgnore } from '../suppress/comments.js';

/** What a finding may be suppressed by, besides the config's `ignore:` entries. */
export interface SuppressionSources {
  /** Each file's ignore comments. */
  comments: ReadonlyMap<string, readonly CommentIgnore[]>;
  /** The workload each finding is about, for its ignore annotation. */
  owners: ReadonlyMap<Finding, Workload>;
}

/** The findings reported, and those an ignore comment, annotation or config entry suppresses (with its reason). */
export function separateSuppressed(
  findings: readonly Finding[],
  config: Pick<Config, 'inlineIgnores' | 'ignore'>,
  sources: SuppressionSources,
): { reported: Finding[]; suppressed: SuppressedFinding[] } {
  const reported: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const suppression = findSuppression(finding, config, sources.comments.get(finding.file), sources.owners.get(finding));
    if (suppression) suppressed.push({ finding, ...suppression });
    else reported.push(finding);
  }
  return { reported, suppressed };
}

/**
 * What suppresses a finding, first match wins: a comment on its line or the line above (or for its whole file), the
 * workload's ignore annotation, then the config's `ignore:` entries. Comments and annotations count only with
 * `inlineIgnores`.
 */
export function findSuppression(
  finding: Finding,
  config: Pick<Config, 'inlineIgnores' | 'ignore'>,
  comments: readonly CommentIgnore[] | undefined,
  workload: Workload | undefined,
): Omit<SuppressedFinding, 'finding'> | undefined {
  const names = (rules: string[]) => rules.includes(finding.ruleId);
  const reason = (text: string) => text || '(no reason given)';
  if (config.inlineIgnores) {
    const comment = comments?.find(
      (c) => names(c.rules) && (c.wholeFile || c.line === finding.span.line || c.line === finding.span.line - 1),
    );
    if (comment) return { reason: reason(comment.reason), source: 'comment' };
    const annotation = workload?.ignores.find((i) => names(i.rules));
    if (annotation) return { reason: reason(annotation.reason), source: 'annotation' };
  }
  const entry = config.ignore.find(
    (i) => (i.rule === '*' || i.rule === finding.ruleId) && (!i.path || minimatch(finding.file, i.path, { dot: true })),
  );
  if (entry) return { reason: reason(entry.reason), source: 'config' };
  return undefined;
}
