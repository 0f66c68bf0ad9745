/** A lint of the texts of a fix run, and the views of it that the passes and checks read. */
import type { Finding, LintResult } from '../model/index.js';
import { identity, objectName } from './identity.js';
import { TEXT_PROBLEMS } from './text-problems.js';

/** A lint result and the texts it was made from. */
export interface Snapshot {
  result: LintResult;
  text(file: string): string;
}

/** The texts to lint (every source's), handed out by the fix algorithm; the driver answers with their lint. */
export type LintTexts = Map<string, string>;
export type Steps<T> = Generator<LintTexts, T, LintResult>;

/** Lints the current texts, with some replaced (path → text). */
export type Lint = (replace?: ReadonlyMap<string, string>) => Steps<Snapshot>;

/** The identity of a finding of `snapshot`, read in the text the snapshot was made from. */
export function idIn(snapshot: Snapshot): (finding: Finding) => string {
  return (f) => identity(f, snapshot.text(f.file));
}

/** What one file has in a lint result: its findings, its parse problems (suppressed too) and its objects. */
export interface FileView {
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

export function viewOf(result: LintResult, file: string): FileView {
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
    for (const w of result.workloads) of(w.file).objects.push(objectName(w));
    views.set(result, byFile);
  }
  return byFile.get(file) ?? NO_VIEW;
}

export function textProblems(result: LintResult, file: string): Finding[] {
  return viewOf(result, file).problems;
}

export function objectsOf(result: LintResult, file: string): string {
  return viewOf(result, file).objects.join('\n');
}
