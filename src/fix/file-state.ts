/** Each file's text through the passes of a fix run, and the file's result at the end. */
import type { Finding, SourceFile, TextEdit } from '../model/index.js';
import { LineIndex } from '../readers/line-index.js';
import { mapOffset } from './edits.js';
import type { Given } from './tracking.js';
import type { FileFix } from './types.js';

export interface FileState {
  path: string;
  original: string;
  /** The text after the passes accepted so far. */
  current: string;
  /** Set when a fix of the file was refused: the file is left untouched and no later pass fixes it. */
  frozen: boolean;
  /** The edits of each accepted pass, in order: each against the text the previous one left. */
  passes: { pass: number; edits: TextEdit[] }[];
  /** The fixes of findings that only an earlier fix brought up, with the pass that applied them. */
  followUps: { finding: Finding; pass: number }[];
}

/** A state for each source with a text (the first of a path), in the order of the sources. */
export function fileStates(sources: readonly SourceFile[]): Map<string, FileState> {
  const states = new Map<string, FileState>();
  for (const source of sources) {
    if (source.text !== undefined && !states.has(source.path)) {
      states.set(source.path, { path: source.path, original: source.text, current: source.text, frozen: false, passes: [], followUps: [] });
    }
  }
  return states;
}

/** Takes the fixed text of a pass: its edits, and the fixes of findings that only an earlier fix brought up. */
export function acceptPass(state: FileState, pass: number, fixed: string, edits: TextEdit[], followUps: readonly Finding[]): void {
  state.current = fixed;
  state.passes.push({ pass, edits });
  for (const finding of followUps) state.followUps.push({ finding, pass });
}

/** Goes back to the original text (not only the last pass undone) and takes no more fixes. */
export function leaveUntouched(state: FileState): void {
  state.current = state.original;
  state.frozen = true;
  state.passes = [];
  state.followUps = [];
}

/** The result of every file that has a finding given or was changed, in the order of the sources. */
export function fileFixes(states: ReadonlyMap<string, FileState>, given: Given): FileFix[] {
  const files: FileFix[] = [];
  for (const state of states.values()) {
    const mine = given.byFile.get(state.path) ?? [];
    if (mine.length === 0 && state.current === state.original) continue;
    files.push({
      path: state.path,
      original: state.original,
      fixed: state.current,
      applied: mine.filter((t) => !t.failed).map((t) => t.finding),
      followUps: followUpsInFixedText(state),
      failed: mine.filter((t) => t.failed).map((t) => ({ finding: t.finding, reason: t.failed! })),
    });
  }
  return files;
}

/**
 * The follow-ups of a file with their spans in the fixed text: a follow-up's span is in the text before its own
 * pass, so it is mapped through the edits of that pass and of every later one.
 */
function followUpsInFixedText(state: FileState): Finding[] {
  const finalLines = new LineIndex(state.current);
  return state.followUps.map(({ finding, pass }) => {
    const later = state.passes.filter((p) => p.pass >= pass);
    const map = (offset: number) => later.reduce((o, p) => mapOffset(o, p.edits), offset);
    const start = map(finding.span.offset);
    return { ...finding, span: finalLines.span(start, Math.max(start, map(finding.span.endOffset))) };
  });
}
