/**
 * The checks that keep a bad fix from being written. The fixed text of a file is linted again, and each check reads
 * the lint before and after the fixes: it returns why the fixed text is refused, or undefined when it has nothing
 * against it.
 */
import type { Finding, TextEdit } from '../model/index.js';
import { editsOf } from './edits.js';
import { countBy, identity, objectName, workloadKey } from './identity.js';
import { idIn, objectsOf, textProblems, viewOf, type Snapshot } from './snapshot.js';
import { TEXT_PROBLEMS } from './text-problems.js';

/** The fixed text of one file: the fixes applied to it in this pass, and the lint before and after them. */
export interface FixedText {
  file: string;
  batch: readonly Finding[];
  before: Snapshot;
  after: Snapshot;
  /** The files the charts and overlays use or skipped: their findings and objects are the rendering's. */
  renderedFiles: ReadonlySet<string>;
}

/**
 * Why the fixed text of a file is not accepted, or undefined when it is: it has a new parse problem, holds other
 * objects, changes what an alias or a merge key reads, changes what a chart or overlay renders, or still has a finding
 * of the batch (the same finding, or one of the same rule and workload inside the text the fix wrote).
 */
export function whyRefused(fixed: FixedText): string | undefined {
  for (const check of CHECKS) {
    const why = check(fixed);
    if (why) return why;
  }
  return undefined;
}

/** The checks, in the order their reasons are given. */
const CHECKS: readonly ((fixed: FixedText) => string | undefined)[] = [
  newParseProblem,
  otherObjects,
  changedAliasRead,
  renderingChange,
  stillReported,
  reportedInWrittenText,
];

/** The fixed text has more parse problems than the text before it. */
export function newParseProblem({ file, before, after }: FixedText): string | undefined {
  const problemsBefore = textProblems(before.result, file);
  const problemsAfter = textProblems(after.result, file);
  if (problemsAfter.length > problemsBefore.length) {
    const known = new Set(problemsBefore.map((p) => p.message));
    const added = problemsAfter.find((p) => !known.has(p.message)) ?? problemsAfter[problemsAfter.length - 1];
    return `the fixed text does not parse (${firstSentence(added.message)}, at line ${added.span.line} of the fixed text)`;
  }
  return undefined;
}

/** The fixed text holds other objects: one was added, dropped or renamed. */
export function otherObjects({ file, before, after }: FixedText): string | undefined {
  if (objectsOf(after.result, file) !== objectsOf(before.result, file)) return 'the fixed text no longer holds the same objects';
  return undefined;
}

/**
 * Why the fixed text is refused because of a node read through an alias or a merge key, or undefined: every place
 * that reads a node written elsewhere (`*ann`, `<<: *defaults`) must read the same after the fix, so that a fix made
 * for one reader (removing a copy of a key from `metadata.annotations: &ann`) never changes another (the pod
 * template's `annotations: *ann`). A reader inside the text a fix removes goes with it.
 */
export function changedAliasRead({ file, batch, before, after }: FixedText): string | undefined {
  const edits = batch.flatMap(editsOf);
  const readsOf = (snapshot: Snapshot) => snapshot.result.files.find((f) => f.path === file)?.aliasReads ?? [];
  const kept = readsOf(before).filter((r) => !edits.some((e) => e.start <= r.offset && r.offset < e.end));
  const now = readsOf(after);
  for (let i = 0; i < Math.max(kept.length, now.length); i++) {
    const reader = kept[i] ?? kept[kept.length - 1];
    if (kept[i] && now[i] && kept[i].via === now[i].via && kept[i].reading === now[i].reading) continue;
    const how = reader.via === 'alias' ? 'an alias' : 'a merge key (<<)';
    return `the fix edits a node that ${how} at line ${reader.span.line} also reads, and would change what it reads there; fix it by hand`;
  }
  return undefined;
}

/**
 * Why a fix of a chart or overlay file (`verify: 'render'`) is refused after rendering again, or undefined: the
 * charts and overlays must render the same objects, without a new notice (a rendering that now fails) and without a
 * finding the old rendering did not have, on any of their files. Other fixes are not checked here.
 */
export function renderingChange({ file, batch, before, after, renderedFiles }: FixedText): string | undefined {
  if (!batch.some((f) => f.fix!.verify === 'render')) return undefined;
  const inRendering = (f: Finding) => f.file === file || renderedFiles.has(f.file);
  const objects = (snapshot: Snapshot) =>
    snapshot.result.workloads.filter((w) => renderedFiles.has(w.file)).map(objectName).sort().join('\n');
  const added = firstNewFinding(before, after, inRendering);
  if (added && batch.some((f) => f.ruleId === added.ruleId && f.file === added.file && f.span.line === added.span.line)) {
    // The value written is not what the rendering reads (or not all of it): the finding is there again, on the fixed text.
    return 'rendered again, the chart or overlay still has the finding';
  }
  if (added) {
    const what = TEXT_PROBLEMS.has(added.ruleId) ? firstSentence(added.message) : `${added.ruleId}: ${firstSentence(added.message)}`;
    return `rendered again, the chart or overlay has a new finding at ${added.file}:${added.span.line} (${what})`;
  }
  if (objects(after) !== objects(before)) return 'rendered again, the chart or overlay no longer renders the same objects';
  return undefined;
}

/** The first finding `after` has among those `of` takes that `before` did not have (counted: a second copy is new). */
function firstNewFinding(before: Snapshot, after: Snapshot, of: (f: Finding) => boolean): Finding | undefined {
  const countsBefore = countBy(before.result.findings.filter(of), idIn(before));
  const afterId = idIn(after);
  return after.result.findings.filter(of).find((f) => {
    const id = afterId(f);
    const left = countsBefore.get(id) ?? 0;
    countsBefore.set(id, left - 1);
    return left <= 0;
  });
}

/** A finding of the batch is reported as often as before its fix, wherever it now is (counted by identity). */
export function stillReported({ file, batch, before, after }: FixedText): string | undefined {
  const beforeId = (f: Finding) => identity(f, before.text(file));
  const afterId = (f: Finding) => identity(f, after.text(file));
  const countsBefore = countBy(viewOf(before.result, file).findings, beforeId);
  const countsAfter = countBy(viewOf(after.result, file).findings, afterId);
  for (const [id, n] of countBy(batch, beforeId)) {
    if ((countsAfter.get(id) ?? 0) > (countsBefore.get(id) ?? 0) - n) return 'the finding is still reported after its fix';
  }
  return undefined;
}

/**
 * The rule of a fix reports its workload again inside the text the fix wrote: the old finding is gone (its message
 * named the old value), and the fix wrote another mistake of the same kind.
 */
export function reportedInWrittenText({ file, batch, after }: FixedText): string | undefined {
  // Where the text each fix wrote is now.
  const all = batch.flatMap(editsOf);
  for (const finding of batch) {
    for (const edit of editsOf(finding)) {
      if (edit.newText === '') continue;
      const { start, end } = writtenRange(edit, all);
      const again = viewOf(after.result, file).findings.some(
        (f) => f.ruleId === finding.ruleId && workloadKey(f) === workloadKey(finding) && f.span.offset >= start && f.span.offset < end,
      );
      if (again) return 'the finding is still reported after its fix';
    }
  }
  return undefined;
}

/** Where the text an edit wrote is, once all the edits of its pass are applied (the edits before it move it). */
function writtenRange(edit: TextEdit, all: readonly TextEdit[]): { start: number; end: number } {
  const start = edit.start + all.filter((e) => e !== edit && e.end <= edit.start).reduce((s, e) => s + e.newText.length - (e.end - e.start), 0);
  return { start, end: start + edit.newText.length };
}

/** A message up to its first full stop: what a reason quotes of it. */
function firstSentence(message: string): string {
  return message.split(/\.(?:\s|$)/)[0];
}
