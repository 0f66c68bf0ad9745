/**
 * Shared helpers for the rule, policy and suppression tests: lint inline YAML, apply a fix's edits and check
 * that the fix is clean (parses, removes the finding, leaves untouched lines byte for byte).
 */
import { parseAllDocuments } from 'yaml';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult, SourceFile } from '../../src/model/index.js';
import type { Config, Finding, TextEdit } from '../../src/model/index.js';

export const DEFAULT_PATH = 'k8s/app.yaml';

/** The default config with some keys replaced. */
export function makeConfig(overrides: Partial<Config> = {}): Config {
  return { ...defaultConfig(), ...overrides };
}

/** Strips the common leading indentation of a template literal and its first and last blank lines. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((out, s, i) => out + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const strip = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(strip)).join('\n');
}

/** Lints one YAML text as `k8s/app.yaml` (or `path`). */
export function lint(text: string, overrides: Partial<Config> = {}, path = DEFAULT_PATH): LintResult {
  return lintSources([{ path, text }], { config: makeConfig(overrides) });
}

/** Lints several files in one run. */
export function lintFiles(files: SourceFile[], overrides: Partial<Config> = {}): LintResult {
  return lintSources(files, { config: makeConfig(overrides) });
}

export function findingsOf(result: LintResult, ruleId: string): Finding[] {
  return result.findings.filter((f) => f.ruleId === ruleId);
}

/** The only finding of a rule; fails when there are none or several. */
export function only(result: LintResult, ruleId: string): Finding {
  const found = findingsOf(result, ruleId);
  if (found.length !== 1) {
    throw new Error(`expected one ${ruleId} finding, got ${found.length}: ${JSON.stringify(result.findings.map((f) => [f.ruleId, f.span.line, f.message]), null, 1)}`);
  }
  return found[0];
}

/** A rule follows its `rules:` setting: `notice` changes the severity of its one finding in `text`, `off` drops it. */
export function expectRuleConfigFollowed(text: string, ruleId: string, overrides: Partial<Config> = {}): void {
  expect(only(lint(text, { ...overrides, rules: { [ruleId]: 'notice' } }), ruleId).severity).toBe('notice');
  expect(findingsOf(lint(text, { ...overrides, rules: { [ruleId]: 'off' } }), ruleId)).toEqual([]);
}

/** 1-based line and column of the first occurrence of `needle` in `text` (the `nth` one, 0-based). */
export function positionOf(text: string, needle: string, nth = 0): { line: number; column: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) not in the text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Applies edits to a text, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].end > sorted[i - 1].start) throw new Error('overlapping edits');
  }
  let out = text;
  for (const edit of sorted) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

/** The lines of `text` that no edit touches (an insertion at a line's start does not touch it). */
function untouchedLines(text: string, edits: readonly TextEdit[]): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  let start = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const end = start + line.length; // excluding the line break
    const touched = edits.some((e) => (e.start === e.end ? e.start > start && e.start <= end : e.start <= end && e.end > start));
    if (!touched) out.push({ index, text: line });
    start = end + 1;
  });
  return out;
}

export function parseErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors.map((e) => e.message) : []));
}

export interface FixOutcome {
  fixed: string;
  relinted: LintResult;
}

/**
 * Applies a finding's fix and checks the promises of a fix: the result parses without errors, linting it no longer
 * reports the finding's rule for the same workload, and every line the edits do not touch is unchanged and in order.
 */
export function applyFixAndCheck(text: string, finding: Finding, overrides: Partial<Config> = {}, path = DEFAULT_PATH): FixOutcome {
  expect(finding.fix).toBeDefined();
  const edits = finding.fix!.edits;
  expect(edits.length).toBeGreaterThan(0);
  for (const edit of edits) expect(edit.file).toBe(path);
  const fixed = applyEdits(text, edits);
  expect(fixed).not.toBe(text);
  expect(parseErrors(fixed)).toEqual([]);

  // Lines outside the edits keep their bytes and their order.
  const kept = untouchedLines(text, edits).map((l) => l.text);
  const fixedLines = fixed.split('\n');
  let cursor = 0;
  for (const line of kept) {
    while (cursor < fixedLines.length && fixedLines[cursor] !== line) cursor++;
    if (cursor === fixedLines.length) throw new Error(`untouched line lost or reordered by the fix: ${JSON.stringify(line)}\n--- fixed ---\n${fixed}`);
    cursor++;
  }
  // Everything before the first edit's line and after the last edit's line is byte-identical.
  const first = Math.min(...edits.map((e) => e.start));
  const last = Math.max(...edits.map((e) => e.end));
  const prefixEnd = text.lastIndexOf('\n', first - 1) + 1;
  expect(fixed.slice(0, prefixEnd)).toBe(text.slice(0, prefixEnd));
  const nl = text.indexOf('\n', last);
  const suffix = nl === -1 ? '' : text.slice(nl);
  expect(fixed.endsWith(suffix)).toBe(true);

  const relinted = lint(fixed, overrides, path);
  const again = relinted.findings.filter(
    (f) => f.ruleId === finding.ruleId && f.workload?.name === finding.workload?.name && f.workload?.kind === finding.workload?.kind,
  );
  expect(again).toEqual([]);
  return { fixed, relinted };
}

/** Applies a finding's fix as applyFixAndCheck does, and expects the fixed text to be `expected` with nothing reported on it. */
export function expectCleanFix(text: string, finding: Finding, expected: string, overrides: Partial<Config> = {}, path = DEFAULT_PATH): void {
  const { fixed, relinted } = applyFixAndCheck(text, finding, overrides, path);
  expect(fixed).toBe(expected);
  expect(relinted.findings).toEqual([]);
}
