/**
 * Which fixes go into a pass. Per file, every selected fix is taken unless its edits overlap or touch the edits
 * already taken, and at most one fix per workload that adds, moves, renames or removes keys (fixes that only rewrite a
 * value are not limited); the fixes are taken in the order of the findings in the file. What is not taken waits for
 * the next pass, which re-reads the text.
 */
import type { Finding, TextEdit } from '../model/index.js';
import { editsConflict, editsOf, overlapsItself } from './edits.js';
import { identity, workloadKey } from './identity.js';
import { isSelected } from './select.js';
import type { Snapshot } from './snapshot.js';

/** Fixes that only rewrite a value in place; any number of them may be applied to one workload in a pass. */
const VALUE_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);

/** What a pass may fix, besides what the lint reports. */
export interface BatchScope {
  /** Whether a file's fixes may be applied: it is a source with text that has not been left untouched after a failure. */
  open(file: string): boolean;
  /** Rules whose unsafe fixes are applied as well; safe fixes always are. */
  unsafeRules: readonly string[];
  /** The identities of the findings the caller left out: they are never fixed. */
  excluded: ReadonlySet<string>;
  /** Whether this run renders the charts and overlays again, which a fix with `verify: 'render'` needs. */
  renders: boolean;
}

/**
 * Per file, the fixes of this pass: selected, not left out by the caller, and compatible with each other. A fix that
 * no pass of this run can apply is left out, with why in `unfixable` (by identity).
 */
export function chooseBatches(snapshot: Snapshot, scope: BatchScope, unfixable: Map<string, string>): Map<string, Finding[]> {
  const batches = new Map<string, Finding[]>();
  const keyChanges = new Set<string>();
  const ordered = snapshot.result.findings
    .filter((f) => isSelected(f, scope.unsafeRules) && scope.open(f.file))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.offset - b.span.offset));
  for (const finding of ordered) {
    const id = identity(finding, snapshot.text(finding.file));
    if (scope.excluded.has(id)) continue;
    const edits = editsOf(finding);
    const never = whyNeverApplied(finding, edits, scope.renders);
    if (never) {
      unfixable.set(id, never);
      continue;
    }
    const batch = batches.get(finding.file) ?? [];
    if (batch.some((f) => editsConflict(editsOf(f), edits))) continue;
    if (!VALUE_FIXES.has(finding.ruleId)) {
      const key = `${finding.file}\u0000${workloadKey(finding)}`;
      if (keyChanges.has(key)) continue;
      keyChanges.add(key);
    }
    batch.push(finding);
    batches.set(finding.file, batch);
  }
  return batches;
}

/** Why a fix (with its normalised `edits`) cannot be applied in any pass of this run, or undefined. */
export function whyNeverApplied(finding: Finding, edits: readonly TextEdit[], renders: boolean): string | undefined {
  if (finding.fix!.verify === 'render' && !renders) {
    return 'the fix is in a chart or overlay and must be verified by rendering it again, which this run does not do';
  }
  if (edits.some((e) => e.file !== finding.file)) return 'the fix edits another file, which is not supported';
  if (overlapsItself(edits)) return 'the edits of the fix overlap each other';
  return undefined;
}
