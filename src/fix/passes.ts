/**
 * The fix algorithm. A pass applies, per file, every selected fix whose edits neither overlap nor touch the edits
 * already taken, and at most one fix per workload that adds, moves, renames or removes keys (fixes that only rewrite a
 * value are not limited). The texts are then linted again: a file whose new text has more parse problems than before,
 * holds other objects, or still has a finding that was fixed, is left untouched (its original text) and its findings
 * say why. What is left is fixed in the next pass, from the re-read text, until nothing is left or `maxPasses` is
 * reached.
 */
import type { Finding, SourceFile } from '../model/index.js';
import { LineIndex } from '../readers/line-index.js';
import { chooseBatches, type BatchScope } from './batches.js';
import { whyRefused } from './checks.js';
import { applyEdits, editsOf } from './edits.js';
import { acceptPass, fileFixes, fileStates, leaveUntouched, type FileState } from './file-state.js';
import { isolate } from './isolate.js';
import { idIn, type Lint, type Snapshot, type Steps } from './snapshot.js';
import { asConfigured, reportsTextProblems } from './text-problems.js';
import { failFile, leftOutIds, markNotFixed, trackFindings, type Given } from './tracking.js';
import type { FixOptions, FixResult } from './types.js';

export const DEFAULT_MAX_PASSES = 10;

/** What every pass of a run works with. */
interface Run {
  states: ReadonlyMap<string, FileState>;
  lint: Lint;
  given: Given;
  /** The files the charts and overlays use or skipped. */
  renderedFiles: ReadonlySet<string>;
}

/**
 * The fix algorithm, written once for a synchronous lint (`applyFixes`) and one that renders again
 * (`applyFixesRendered`): it yields the texts to lint and is resumed with their lint.
 */
export function* fixSteps(sources: readonly SourceFile[], findings: readonly Finding[], options: FixOptions, renders: boolean): Steps<FixResult> {
  const { config, unsafeRules = [], maxPasses = DEFAULT_MAX_PASSES } = options;
  const states = fileStates(sources);
  const lint: Lint = (replace) => lintCurrent(states, replace);
  const baseline = yield* startingLint(options, states, lint);
  const given = trackFindings(findings, baseline, unsafeRules, (file) => states.has(file));
  const run: Run = { states, lint, given, renderedFiles: renderedFilesOf(options) };
  const scope: BatchScope = { open: (file) => states.get(file)?.frozen === false, unsafeRules, excluded: leftOutIds(findings, baseline), renders };
  /** Why a finding's fix cannot be applied at all, by identity. */
  const unfixable = new Map<string, string>();

  let before = baseline;
  let passes = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const batches = chooseBatches(before, scope, unfixable);
    if (batches.size === 0) break;
    passes = pass;
    before = yield* runPass(run, pass, batches, before);
  }

  // What is still reported after the last pass was not fixed.
  markNotFixed(given.tracked, before, unfixable, unsafeRules, maxPasses);
  return { files: fileFixes(states, given), result: asConfigured(before.result, config), passes };
}

/** Lints the current texts, with some replaced. */
function* lintCurrent(states: ReadonlyMap<string, FileState>, replace: ReadonlyMap<string, string> = new Map()): Steps<Snapshot> {
  const texts = new Map([...states.values()].map((s) => [s.path, replace.get(s.path) ?? s.current]));
  const result = yield texts;
  return { result, text: (file: string) => texts.get(file) ?? '' };
}

/** The lint the fixes start from: the caller's when it can stand for one of these texts (see `FixOptions.linted`). */
function* startingLint(options: FixOptions, states: ReadonlyMap<string, FileState>, lint: Lint): Steps<Snapshot> {
  const { config, linted } = options;
  if (linted && reportsTextProblems(config)) return { result: linted, text: (file) => states.get(file)?.original ?? '' };
  return yield* lint();
}

function renderedFilesOf(options: FixOptions): Set<string> {
  return new Set([...(options.rendered?.used.keys() ?? []), ...(options.rendered?.skipped.map((s) => s.file) ?? [])]);
}

/**
 * One pass: applies each file's batch, keeps the fixed texts that the checks accept, and leaves every refused file
 * untouched with its findings failed (the fixes to blame isolated). Returns the lint of the texts after the pass.
 */
function* runPass(run: Run, pass: number, batches: ReadonlyMap<string, Finding[]>, before: Snapshot): Steps<Snapshot> {
  const candidates = new Map<string, string>();
  for (const [file, batch] of batches) candidates.set(file, applyEdits(run.states.get(file)!.current, batch.flatMap(editsOf)));
  const { after, rejected } = yield* checkCandidates(run, batches, candidates, before);

  const beforeId = idIn(before);
  for (const [file, batch] of batches) {
    const state = run.states.get(file)!;
    const reason = rejected.get(file);
    if (reason === undefined) {
      const followUps = batch.filter((f) => !run.given.ids.has(beforeId(f)));
      acceptPass(state, pass, candidates.get(file)!, batch.flatMap(editsOf), followUps);
      continue;
    }
    const culprits = yield* isolate(file, batch, reason, before, run.lint, run.renderedFiles);
    const lines = new LineIndex(state.current);
    leaveUntouched(state);
    failFile(file, run.given.byFile.get(file) ?? [], culprits, lines, beforeId);
  }
  // `after` was made with every refused file at its original text, which is what leaveUntouched gives it back.
  return after;
}

/** Lints the fixed texts of a pass and checks each: the last lint, and why each refused file is refused. */
function* checkCandidates(
  run: Run,
  batches: ReadonlyMap<string, Finding[]>,
  candidates: ReadonlyMap<string, string>,
  before: Snapshot,
): Steps<{ after: Snapshot; rejected: Map<string, string> }> {
  // Lint the candidates; a rejected file goes back to its original text, and the others are checked again without it.
  const rejected = new Map<string, string>();
  for (;;) {
    const replace = new Map([...candidates].filter(([file]) => !rejected.has(file)));
    for (const file of rejected.keys()) replace.set(file, run.states.get(file)!.original);
    const after = yield* run.lint(replace);
    let more = false;
    for (const [file, batch] of batches) {
      if (rejected.has(file)) continue;
      const reason = whyRefused({ file, batch, before, after, renderedFiles: run.renderedFiles });
      if (reason) {
        rejected.set(file, reason);
        more = true;
      }
    }
    if (!more) return { after, rejected };
  }
}
