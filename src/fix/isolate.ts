/** Finding the fix to blame when the fixed text of a file is refused. */
import type { Finding } from '../model/index.js';
import { whyRefused } from './checks.js';
import { applyEdits, editsOf } from './edits.js';
import type { Lint, Snapshot, Steps } from './snapshot.js';

/**
 * Which fixes of a rejected batch fail on their own, and why; when none does, all of them fail together. Each fix is
 * applied alone to the text before the pass, linted with the other files as they are now, and checked.
 */
export function* isolate(
  file: string,
  batch: readonly Finding[],
  reason: string,
  before: Snapshot,
  lint: Lint,
  renderedFiles: ReadonlySet<string>,
): Steps<Map<Finding, string>> {
  if (batch.length === 1) return new Map([[batch[0], reason]]);
  const culprits = new Map<Finding, string>();
  for (const finding of batch) {
    const alone = yield* lint(new Map([[file, applyEdits(before.text(file), editsOf(finding))]]));
    const why = whyRefused({ file, batch: [finding], before, after: alone, renderedFiles });
    if (why) culprits.set(finding, why);
  }
  if (culprits.size === 0) for (const finding of batch) culprits.set(finding, `together with the other fixes of its pass, ${reason}`);
  return culprits;
}
