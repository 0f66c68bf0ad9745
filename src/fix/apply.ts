/**
 * The fix engine: applies the text edits of findings to the files, and checks every result by linting it again
 * through the same engine, so it works for any format a reader knows (YAML, and HCL through the Terraform reader).
 *
 * A pass applies, per file, every selected fix whose edits neither overlap nor touch the edits already taken, and at
 * most one fix per workload that adds, moves, renames or removes keys (fixes that only rewrite a value are not limited).
 * The texts are then linted again: a file whose new text has more parse problems than before, holds other objects, or
 * still has a finding that was fixed, is left untouched (its original text) and its findings say why. What is left is
 * fixed in the next pass, from the re-read text, until nothing is left or `maxPasses` is reached.
 */
import { lintSources, type LintOptions } from '../engine/index.js';
import type { Config, Finding, LintResult, RenderOutcome, SourceFile, TextEdit } from '../model/index.js';
import type { ReaderOptions } from '../readers/index.js';
import { LineIndex } from '../readers/line-index.js';
import { applyEdits, editsConflict, mapOffset, normalizeEdits, overlapsItself } from './edits.js';
import { isSelected } from './select.js';

export interface FixOptions extends ReaderOptions {
  /** The config the findings were made with; every fixed text is linted again with it. */
  config: Config;
  /** Rules whose unsafe fixes are applied as well (see `parseUnsafeRules`); safe fixes are always applied. */
  unsafeRules?: readonly string[];
  /** The most passes over the files; default 10. */
  maxPasses?: number;
  /**
   * The lint `findings` came from, when it was made from exactly these sources with exactly this config (and no
   * base): it saves linting them once more. Ignored when the config turns parse-error or skipped-file off.
   */
  linted?: LintResult;
  /**
   * The charts and overlays rendered from these sources, when the findings were made with them: every fixed text is
   * linted with it (and, with `applyFixesRendered`, with a new rendering when the fix edits a file it uses).
   */
  rendered?: RenderOutcome;
}

/**
 * Renders the charts and overlays again with some files' texts replaced (path → fixed text; the other files as
 * on disk): the whole render outcome to lint with, and what to call once it is linted (`fixedTextRenderer` in
 * src/render makes one).
 */
export type RenderFixedTexts = (texts: ReadonlyMap<string, string>) => Promise<{ rendered: RenderOutcome; release(): void }>;

export interface RenderedFixOptions extends FixOptions {
  rendered: RenderOutcome;
  render: RenderFixedTexts;
}

export interface FailedFix {
  finding: Finding;
  reason: string;
}

export interface FileFix {
  path: string;
  /** The text as given (as read: without a byte order mark). */
  original: string;
  /** The text with the fixes; the same string as `original` when nothing was applied or the file was left untouched. */
  fixed: string;
  /** The findings given whose fix is in `fixed` (spans in `original`). */
  applied: Finding[];
  /**
   * Findings that only appeared after an earlier fix (a moved `eci-with-eip: yes` becomes the string "yes", an invalid
   * value) and were fixed in a later pass; their spans are positions in `fixed`.
   */
  followUps: Finding[];
  /** The findings given whose fix could not be applied, and why (spans in `original`). */
  failed: FailedFix[];
}

export interface FixResult {
  /** Every file that has a selected fix or was changed, in the order of the sources. */
  files: FileFix[];
  /** The lint of the texts after the fixes, with the same config: the findings that remain. */
  result: LintResult;
  /** How many passes changed something or tried to. */
  passes: number;
}

export const DEFAULT_MAX_PASSES = 10;

/** Fixes that only rewrite a value in place; any number of them may be applied to one workload in a pass. */
const VALUE_FIXES = new Set(['eip-not-string', 'eip-invalid-value']);

/** Problems with a file's text itself: a fix must never add one. */
const TEXT_PROBLEMS = new Set(['parse-error', 'skipped-file']);

/** A lint result and the texts it was made from. */
interface Snapshot {
  result: LintResult;
  text(file: string): string;
}

/**
 * What makes two findings "the same" across texts: rule, file, workload and the source text the finding points at
 * (the key or value it is about). Positions are left out: a fix above a finding moves it.
 */
function identity(finding: Finding, text: string): string {
  const w = finding.workload ? `${finding.workload.kind}/${finding.workload.namespace}/${finding.workload.name}` : '';
  const subject = text.slice(finding.span.offset, Math.min(finding.span.endOffset, finding.span.offset + 500));
  return [finding.ruleId, finding.file, w, subject].join('\u0000');
}

/**
 * A finding without its position, for fingerprints that must not change when lines move (e.g. which findings a fix
 * commit was for): rule, file, workload and message, with line numbers inside the message left out.
 */
export function findingIdentity(finding: Finding): string {
  const w = finding.workload ? `${finding.workload.kind}/${finding.workload.namespace}/${finding.workload.name}` : '';
  return [finding.ruleId, finding.file, w, finding.message.replace(/:\d+\b/g, ':#')].join('\u0000');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function workloadKey(finding: Finding): string {
  return finding.workload ? `${finding.workload.kind}/${finding.workload.namespace}/${finding.workload.name}` : '';
}

/** A fix's edits, with overlapping deletions merged (see `normalizeEdits`). */
function editsOf(finding: Finding): TextEdit[] {
  return normalizeEdits(finding.fix!.edits);
}

/** The config used to lint fixed texts: parse problems are always reported, whatever the config says, and then hidden again. */
function checkingConfig(config: Config): Config {
  const rules = { ...config.rules };
  for (const id of TEXT_PROBLEMS) if (rules[id] === 'off') delete rules[id];
  return { ...config, rules };
}

/** The result as the given config reports it (rules it turns off are left out). */
function asConfigured(result: LintResult, config: Config): LintResult {
  const off = (f: Finding) => TEXT_PROBLEMS.has(f.ruleId) && config.rules[f.ruleId] === 'off';
  return { ...result, findings: result.findings.filter((f) => !off(f)), suppressed: result.suppressed.filter((s) => !off(s.finding)) };
}

interface Tracked {
  finding: Finding;
  id: string;
  failed?: string;
}

interface FileState {
  path: string;
  original: string;
  current: string;
  frozen: boolean;
  /** The edits of each accepted pass, in order: each against the text the previous one left. */
  passes: { pass: number; edits: TextEdit[] }[];
  followUps: { finding: Finding; pass: number }[];
}

/**
 * Applies the fixes of `findings` (every safe fix, and the unsafe fixes of `options.unsafeRules`) to `sources`.
 * `findings` must come from linting these sources with `options.config`; a subset is fine (e.g. only the new findings):
 * a finding left out is never fixed, not even in a later pass. Nothing is written: the caller writes `fixed` or shows a
 * diff. Synchronous: when Terraform files are among the sources, load the readers first (as for `lintSources`).
 */
export function applyFixes(sources: readonly SourceFile[], findings: readonly Finding[], options: FixOptions): FixResult {
  const lintOptions = lintOptionsOf(options);
  const steps = fixSteps(sources, findings, options, false);
  let step = steps.next();
  while (!step.done) step = steps.next(lintSources(withTexts(sources, step.value), lintOptions));
  return step.value;
}

/**
 * `applyFixes` for sources among which charts and overlays were rendered (`options.rendered`), with the fixes of
 * their files too (values files, templates, kustomizations: `verify: 'render'`): each text that changes a file a
 * chart or overlay uses is rendered again with `options.render`, and the fix is kept only when the new rendering no
 * longer has the finding, still renders the same objects and has no finding the old one did not have.
 */
export async function applyFixesRendered(sources: readonly SourceFile[], findings: readonly Finding[], options: RenderedFixOptions): Promise<FixResult> {
  const lintOptions = lintOptionsOf(options);
  const originals = new Map(sources.flatMap((s) => (s.text === undefined ? [] : [[s.path, s.text] as const])));
  const steps = fixSteps(sources, findings, options, true);
  let step = steps.next();
  while (!step.done) {
    const texts = step.value;
    const changed = new Map([...texts].filter(([file, text]) => originals.get(file) !== text && options.rendered.used.has(file)));
    if (changed.size === 0) {
      step = steps.next(lintSources(withTexts(sources, texts), lintOptions));
      continue;
    }
    const again = await options.render(changed);
    try {
      step = steps.next(lintSources(withTexts(sources, texts), { ...lintOptions, rendered: again.rendered }));
    } finally {
      again.release();
    }
  }
  return step.value;
}

function lintOptionsOf(options: FixOptions): LintOptions {
  const { config, unsafeRules: _unsafe, maxPasses: _passes, linted: _linted, rendered, ...readerOptions } = options;
  return { ...readerOptions, config: checkingConfig(config), ...(rendered ? { rendered } : {}) };
}

function withTexts(sources: readonly SourceFile[], texts: ReadonlyMap<string, string>): SourceFile[] {
  return sources.map((s) => (s.text === undefined ? s : { ...s, text: texts.get(s.path) ?? s.text }));
}

/** The texts to lint (every source's), handed out by the fix algorithm; the driver answers with their lint. */
type LintTexts = Map<string, string>;
type Steps<T> = Generator<LintTexts, T, LintResult>;

/**
 * The fix algorithm, written once for a synchronous lint (`applyFixes`) and one that renders again
 * (`applyFixesRendered`): it yields the texts to lint and is resumed with their lint.
 */
function* fixSteps(sources: readonly SourceFile[], findings: readonly Finding[], options: FixOptions, renders: boolean): Steps<FixResult> {
  const { config, unsafeRules = [], maxPasses = DEFAULT_MAX_PASSES, linted } = options;
  const renderedFiles = new Set([...(options.rendered?.used.keys() ?? []), ...(options.rendered?.skipped.map((s) => s.file) ?? [])]);
  const states = new Map<string, FileState>();
  for (const source of sources) {
    if (source.text !== undefined && !states.has(source.path)) {
      states.set(source.path, { path: source.path, original: source.text, current: source.text, frozen: false, passes: [], followUps: [] });
    }
  }
  /** Lints the current texts, with some replaced. */
  function* lint(replace: ReadonlyMap<string, string> = new Map()): Steps<Snapshot> {
    const texts = new Map([...states.values()].map((s) => [s.path, replace.get(s.path) ?? s.current]));
    const result = yield texts;
    return { result, text: (file: string) => texts.get(file) ?? '' };
  }
  const idIn = (snapshot: Snapshot) => (f: Finding) => identity(f, snapshot.text(f.file));

  const reusable = linted && ![...TEXT_PROBLEMS].some((id) => config.rules[id] === 'off');
  const baseline: Snapshot = reusable
    ? { result: linted, text: (file) => states.get(file)?.original ?? '' }
    : yield* lint();
  const originalId = idIn(baseline);
  const tracked: Tracked[] = findings
    .filter((f) => isSelected(f, unsafeRules) && states.has(f.file))
    .map((finding) => ({ finding, id: originalId(finding) }));
  const trackedIds = new Set(tracked.map((t) => t.id));
  const trackedByFile = new Map<string, Tracked[]>();
  for (const t of tracked) {
    const list = trackedByFile.get(t.finding.file);
    if (list) list.push(t);
    else trackedByFile.set(t.finding.file, [t]);
  }
  const baselineCounts = countBy(baseline.result.findings, originalId);
  // Findings the linter reports that the caller left out (suppressed elsewhere, not new …) are never fixed.
  const givenCounts = countBy(findings, originalId);
  const excluded = new Set([...baselineCounts].filter(([id, n]) => n > (givenCounts.get(id) ?? 0)).map(([id]) => id));
  for (const t of tracked) {
    if (!baselineCounts.has(t.id)) t.failed = 'the finding is not reported for this text of the file; lint it again';
  }
  /** Why a finding's fix cannot be applied at all, by identity. */
  const unfixable = new Map<string, string>();

  let before = baseline;
  let passes = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const batches = chooseBatches(before, states, unsafeRules, excluded, unfixable, renders);
    if (batches.size === 0) break;
    passes = pass;
    const candidates = new Map<string, string>();
    for (const [file, batch] of batches) candidates.set(file, applyEdits(states.get(file)!.current, batch.flatMap(editsOf)));

    // Lint the candidates; a rejected file goes back to its original text, and the others are checked again without it.
    const rejected = new Map<string, string>();
    let after: Snapshot;
    for (;;) {
      const replace = new Map([...candidates].filter(([file]) => !rejected.has(file)));
      for (const file of rejected.keys()) replace.set(file, states.get(file)!.original);
      after = yield* lint(replace);
      let more = false;
      for (const [file, batch] of batches) {
        if (rejected.has(file)) continue;
        const reason = check(file, batch, before, after, renderedFiles);
        if (reason) {
          rejected.set(file, reason);
          more = true;
        }
      }
      if (!more) break;
    }

    const beforeId = idIn(before);
    for (const [file, batch] of batches) {
      const state = states.get(file)!;
      const reason = rejected.get(file);
      if (reason === undefined) {
        state.current = candidates.get(file)!;
        state.passes.push({ pass, edits: batch.flatMap(editsOf) });
        for (const f of batch) if (!trackedIds.has(beforeId(f))) state.followUps.push({ finding: f, pass });
        continue;
      }
      const culprits = yield* isolate(file, batch, reason, before, lint, renderedFiles);
      const lines = new LineIndex(state.current);
      state.current = state.original;
      state.frozen = true;
      state.passes = [];
      state.followUps = [];
      failFile(file, trackedByFile.get(file) ?? [], culprits, lines, beforeId);
    }
    before = rejected.size > 0 ? yield* lint() : after!;
  }

  // What is still reported after the last pass was not fixed.
  const finalId = idIn(before);
  const remaining = countBy(before.result.findings, finalId);
  for (const t of tracked) {
    if (t.failed) continue;
    const left = remaining.get(t.id) ?? 0;
    if (left === 0) continue;
    remaining.set(t.id, left - 1);
    const now = viewOf(before.result, t.finding.file).findings.find((f) => finalId(f) === t.id);
    t.failed =
      unfixable.get(t.id) ??
      (now && isSelected(now, unsafeRules)
        ? `not fixed within ${maxPasses} pass${maxPasses === 1 ? '' : 'es'}; run the fix again`
        : 'after the other fixes in this file the finding has no automatic fix; fix it by hand');
  }

  const files: FileFix[] = [];
  for (const state of states.values()) {
    const mine = trackedByFile.get(state.path) ?? [];
    if (mine.length === 0 && state.current === state.original) continue;
    const finalLines = new LineIndex(state.current);
    files.push({
      path: state.path,
      original: state.original,
      fixed: state.current,
      applied: mine.filter((t) => !t.failed).map((t) => t.finding),
      followUps: state.followUps.map(({ finding, pass }) => {
        const later = state.passes.filter((p) => p.pass >= pass);
        const map = (offset: number) => later.reduce((o, p) => mapOffset(o, p.edits), offset);
        const start = map(finding.span.offset);
        return { ...finding, span: finalLines.span(start, Math.max(start, map(finding.span.endOffset))) };
      }),
      failed: mine.filter((t) => t.failed).map((t) => ({ finding: t.finding, reason: t.failed! })),
    });
  }
  return { files, result: asConfigured(before.result, config), passes };
}

/** Per file, the fixes of this pass: selected, not left out by the caller, and compatible with each other. */
function chooseBatches(
  snapshot: Snapshot,
  states: ReadonlyMap<string, FileState>,
  unsafeRules: readonly string[],
  excluded: ReadonlySet<string>,
  unfixable: Map<string, string>,
  renders: boolean,
): Map<string, Finding[]> {
  const batches = new Map<string, Finding[]>();
  const keyChanges = new Set<string>();
  const ordered = snapshot.result.findings
    .filter((f) => isSelected(f, unsafeRules) && states.has(f.file) && !states.get(f.file)!.frozen)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.offset - b.span.offset));
  for (const finding of ordered) {
    const id = identity(finding, snapshot.text(finding.file));
    if (excluded.has(id)) continue;
    const edits = editsOf(finding);
    if (finding.fix!.verify === 'render' && !renders) {
      unfixable.set(id, 'the fix is in a chart or overlay and must be verified by rendering it again, which this run does not do');
      continue;
    }
    if (edits.some((e) => e.file !== finding.file)) {
      unfixable.set(id, 'the fix edits another file, which is not supported');
      continue;
    }
    if (overlapsItself(edits)) {
      unfixable.set(id, 'the edits of the fix overlap each other');
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

/** What one file has in a lint result: its findings, its parse problems (suppressed too) and its objects. */
interface FileView {
  findings: Finding[];
  problems: Finding[];
  objects: string[];
}

/**
 * A lint result by file, built once per result: checking each file against the whole result would make a fix over
 * many files quadratic in their number.
 */
const views = new WeakMap<LintResult, Map<string, FileView>>();
const NO_VIEW: FileView = { findings: [], problems: [], objects: [] };

function viewOf(result: LintResult, file: string): FileView {
  let byFile = views.get(result);
  if (!byFile) {
    byFile = new Map();
    const of = (path: string) => {
      let view = byFile!.get(path);
      if (!view) {
        view = { findings: [], problems: [], objects: [] };
        byFile!.set(path, view);
      }
      return view;
    };
    for (const f of result.findings) {
      of(f.file).findings.push(f);
      if (TEXT_PROBLEMS.has(f.ruleId)) of(f.file).problems.push(f);
    }
    for (const { finding } of result.suppressed) if (TEXT_PROBLEMS.has(finding.ruleId)) of(finding.file).problems.push(finding);
    for (const w of result.workloads) of(w.file).objects.push(`${w.kind}/${w.namespace}/${w.name}`);
    views.set(result, byFile);
  }
  return byFile.get(file) ?? NO_VIEW;
}

function textProblems(result: LintResult, file: string): Finding[] {
  return viewOf(result, file).problems;
}

function objectsOf(result: LintResult, file: string): string {
  return viewOf(result, file).objects.join('\n');
}

/**
 * Why the fixed text of a file is not accepted, or undefined when it is: it has a new parse problem, holds other
 * objects, or still has a finding of the batch (the same finding, or one of the same rule and workload inside the text
 * the fix wrote).
 */
function check(file: string, batch: readonly Finding[], before: Snapshot, after: Snapshot, renderedFiles: ReadonlySet<string>): string | undefined {
  const problemsBefore = textProblems(before.result, file);
  const problemsAfter = textProblems(after.result, file);
  if (problemsAfter.length > problemsBefore.length) {
    const known = new Set(problemsBefore.map((p) => p.message));
    const added = problemsAfter.find((p) => !known.has(p.message)) ?? problemsAfter[problemsAfter.length - 1];
    const message = added.message.split(/\.(?:\s|$)/)[0];
    return `the fixed text does not parse (${message}, at line ${added.span.line} of the fixed text)`;
  }
  if (objectsOf(after.result, file) !== objectsOf(before.result, file)) return 'the fixed text no longer holds the same objects';
  const shared = changedAliasRead(file, batch.flatMap(editsOf), before, after);
  if (shared) return shared;
  if (batch.some((f) => f.fix!.verify === 'render')) {
    const changedRendering = renderingChange(file, batch, before, after, renderedFiles);
    if (changedRendering) return changedRendering;
  }

  const beforeId = (f: Finding) => identity(f, before.text(file));
  const afterId = (f: Finding) => identity(f, after.text(file));
  const countsBefore = countBy(viewOf(before.result, file).findings, beforeId);
  const countsAfter = countBy(viewOf(after.result, file).findings, afterId);
  for (const [id, n] of countBy(batch, beforeId)) {
    if ((countsAfter.get(id) ?? 0) > (countsBefore.get(id) ?? 0) - n) return 'the finding is still reported after its fix';
  }
  // Where the text each fix wrote is now.
  const all = batch.flatMap(editsOf);
  for (const finding of batch) {
    for (const edit of editsOf(finding)) {
      if (edit.newText === '') continue;
      const start = edit.start + all.filter((e) => e !== edit && e.end <= edit.start).reduce((s, e) => s + e.newText.length - (e.end - e.start), 0);
      const end = start + edit.newText.length;
      const again = viewOf(after.result, file).findings.some(
        (f) => f.ruleId === finding.ruleId && workloadKey(f) === workloadKey(finding) && f.span.offset >= start && f.span.offset < end,
      );
      if (again) return 'the finding is still reported after its fix';
    }
  }
  return undefined;
}

/**
 * Why the fixed text is refused because of a node read through an alias or a merge key, or undefined: every place
 * that reads a node written elsewhere (`*ann`, `<<: *defaults`) must read the same after the fix, so that a fix made
 * for one reader (removing a copy of a key from `metadata.annotations: &ann`) never changes another (the pod
 * template's `annotations: *ann`). A reader inside the text a fix removes goes with it.
 */
function changedAliasRead(file: string, edits: readonly TextEdit[], before: Snapshot, after: Snapshot): string | undefined {
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

/** Which fixes of a rejected batch fail on their own, and why; when none does, all of them fail together. */
function* isolate(
  file: string,
  batch: readonly Finding[],
  reason: string,
  before: Snapshot,
  lint: (replace: ReadonlyMap<string, string>) => Steps<Snapshot>,
  renderedFiles: ReadonlySet<string>,
): Steps<Map<Finding, string>> {
  if (batch.length === 1) return new Map([[batch[0], reason]]);
  const culprits = new Map<Finding, string>();
  for (const finding of batch) {
    const alone = yield* lint(new Map([[file, applyEdits(before.text(file), editsOf(finding))]]));
    const why = check(file, [finding], before, alone, renderedFiles);
    if (why) culprits.set(finding, why);
  }
  if (culprits.size === 0) for (const finding of batch) culprits.set(finding, `together with the other fixes of its pass, ${reason}`);
  return culprits;
}

/**
 * Why a fix of a chart or overlay file (`verify: 'render'`) is refused after rendering again, or undefined: the
 * charts and overlays must render the same objects, without a new notice (a rendering that now fails) and without a
 * finding the old rendering did not have, on any of their files.
 */
function renderingChange(file: string, batch: readonly Finding[], before: Snapshot, after: Snapshot, renderedFiles: ReadonlySet<string>): string | undefined {
  const inRendering = (f: Finding) => f.file === file || renderedFiles.has(f.file);
  const objects = (snapshot: Snapshot) =>
    snapshot.result.workloads.filter((w) => renderedFiles.has(w.file)).map((w) => `${w.kind}/${w.namespace}/${w.name}`).sort().join('\n');
  const idOf = (snapshot: Snapshot) => (f: Finding) => identity(f, snapshot.text(f.file));
  const countsBefore = countBy(before.result.findings.filter(inRendering), idOf(before));
  const added = after.result.findings.filter(inRendering).find((f) => {
    const id = idOf(after)(f);
    const left = countsBefore.get(id) ?? 0;
    countsBefore.set(id, left - 1);
    return left <= 0;
  });
  if (added && batch.some((f) => f.ruleId === added.ruleId && f.file === added.file && f.span.line === added.span.line)) {
    // The value written is not what the rendering reads (or not all of it): the finding is there again, on the fixed text.
    return 'rendered again, the chart or overlay still has the finding';
  }
  if (added) {
    const what = TEXT_PROBLEMS.has(added.ruleId) ? added.message.split(/\.(?:\s|$)/)[0] : `${added.ruleId}: ${added.message.split(/\.(?:\s|$)/)[0]}`;
    return `rendered again, the chart or overlay has a new finding at ${added.file}:${added.span.line} (${what})`;
  }
  if (objects(after) !== objects(before)) return 'rendered again, the chart or overlay no longer renders the same objects';
  return undefined;
}

/** Marks every finding given for a file that is left untouched: the culprits with their reason, the others with theirs. */
function failFile(
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
