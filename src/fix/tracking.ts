/** The findings the caller gave to fix, and what became of each: fixed, or failed and why. */
import type { Finding } from '../model/index.js';
import type { LineIndex } from '../readers/line-index.js';
import { countBy } from './identity.js';
import { isSelected } from './select.js';
import { idIn, viewOf, type Snapshot } from './snapshot.js';

export interface Tracked {
  finding: Finding;
  id: string;
  failed?: string;
}

/** The findings given whose fix is selected, in the order given, by file and by identity. */
export interface Given {
  tracked: Tracked[];
  byFile: Map<string, Tracked[]>;
  ids: ReadonlySet<string>;
}

/**
 * The findings given whose fix is selected and whose file has a text, each with its identity in the lint the fixes
 * start from; one that lint does not report fails at once (it was made from another text of the file).
 */
export function trackFindings(
  findings: readonly Finding[],
  baseline: Snapshot,
  unsafeRules: readonly string[],
  hasText: (file: string) => boolean,
): Given {
  const originalId = idIn(baseline);
  const tracked: Tracked[] = findings
    .filter((f) => isSelected(f, unsafeRules) && hasText(f.file))
    .map((finding) => ({ finding, id: originalId(finding) }));
  const byFile = new Map<string, Tracked[]>();
  for (const t of tracked) {
    const list = byFile.get(t.finding.file);
    if (list) list.push(t);
    else byFile.set(t.finding.file, [t]);
  }
  const baselineCounts = countBy(baseline.result.findings, originalId);
  for (const t of tracked) {
    if (!baselineCounts.has(t.id)) t.failed = 'the finding is not reported for this text of the file; lint it again';
  }
  return { tracked, byFile, ids: new Set(tracked.map((t) => t.id)) };
}

/** The identities of the findings the lint reports more often than they were given: the others are left out. */
export function leftOutIds(findings: readonly Finding[], baseline: Snapshot): Set<string> {
  const originalId = idIn(baseline);
  const baselineCounts = countBy(baseline.result.findings, originalId);
  // Findings the linter reports that the caller left out (suppressed elsewhere, not new …) are never fixed.
  const givenCounts = countBy(findings, originalId);
  return new Set([...baselineCounts].filter(([id, n]) => n > (givenCounts.get(id) ?? 0)).map(([id]) => id));
}

/** Marks every finding given for a file that is left untouched: the culprits with their reason, the others with theirs. */
export function failFile(
  file: string,
  /** The tracked findings of this file. */
  tracked: Tracked[],
  culprits: ReadonlyMap<Finding, string>,
  lines: LineIndex,
  idOf: (f: Finding) => string,
): void {
  const byId = new Map([...culprits].map(([f, why]) => [idOf(f), why]));
  const [first, why] = [...culprits][0];
  const where = `${first.ruleId} at line ${lines.span(first.span.offset).line}`;
  for (const t of tracked) {
    if (t.finding.file !== file || t.failed) continue;
    t.failed = byId.get(t.id) ?? `not applied: the file was left untouched because the fix of ${where} failed (${why})`;
  }
}

/**
 * Marks the findings given that the lint after the last pass still reports as failed, with why: no pass could apply
 * the fix (`unfixable`, by identity), the passes ran out, or the fix went away with the other fixes.
 */
export function markNotFixed(
  tracked: readonly Tracked[],
  last: Snapshot,
  unfixable: ReadonlyMap<string, string>,
  unsafeRules: readonly string[],
  maxPasses: number,
): void {
  const finalId = idIn(last);
  const remaining = countBy(last.result.findings, finalId);
  for (const t of tracked) {
    if (t.failed) continue;
    const left = remaining.get(t.id) ?? 0;
    if (left === 0) continue;
    remaining.set(t.id, left - 1);
    const now = viewOf(last.result, t.finding.file).findings.find((f) => finalId(f) === t.id);
    t.failed =
      unfixable.get(t.id) ??
      (now && isSelected(now, unsafeRules)
        ? `not fixed within ${maxPasses} pass${maxPasses === 1 ? '' : 'es'}; run the fix again`
        : 'after the other fixes in this file the finding has no automatic fix; fix it by hand');
  }
}
