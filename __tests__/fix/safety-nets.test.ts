/**
 * The nets of the fix engine (src/fix/checks.ts, isolate.ts, file-state.ts) that keep a bad fix from being written,
 * one test each, each made to fail when its net is taken out: faults are injected through the editor, the way a bug
 * in an editor would show.
 * - the fixed text must hold the same objects;
 * - a finding still reported after its fix (counted, wherever it now is) fails the fix;
 * - a follow-up's position is mapped through every edit of its pass, those before it included;
 * - when no fix of a rejected pass fails on its own, all of them fail together (`isolate`).
 */
import { jest } from '@jest/globals';
import { lintSources } from '../../src/engine/index.js';
import { applyFixes } from '../../src/fix/index.js';
import type { MapEntry, TextEdit } from '../../src/model/index.js';
import { YamlEditor } from '../../src/readers/kubernetes/editor.js';
import { BW, config, deployment, EIP, fixText, ISP, yamlErrors } from './helpers.js';

afterEach(() => jest.restoreAllMocks());

/** The editor's internals a fault needs: its file and the text it edits. */
function internals(editor: YamlEditor): { file: string; text: string } {
  const e = editor as unknown as { file: string; lines: { text: string } };
  return { file: e.file, text: e.lines.text };
}

/** Makes `setStringValue` return `fault(...)` for the entry with `key`; the others are left to the real editor. */
function injectSetStringValue(key: string, fault: (entry: MapEntry, value: string, file: string, text: string) => TextEdit[]): void {
  const original = YamlEditor.prototype.setStringValue;
  jest.spyOn(YamlEditor.prototype, 'setStringValue').mockImplementation(function (this: YamlEditor, entry: MapEntry, value: string) {
    if (entry.key !== key) return original.call(this, entry, value);
    const { file, text } = internals(this);
    return fault(entry, value, file, text);
  });
}

test('a fix that parses and removes its finding but renames the object is not written ("same objects")', () => {
  const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: yes`]);
  // The value is written right, and the workload's name is changed too: the finding is gone, and so is `web`.
  injectSetStringValue(EIP, (entry, value, file, all) => {
    const name = all.indexOf('name: web') + 'name: '.length;
    return [
      { file, start: name, end: name + 'web'.length, newText: 'web2' },
      { file, start: entry.valueSpan.offset, end: entry.valueSpan.endOffset, newText: JSON.stringify(value) },
    ];
  });
  const { out, fixed } = fixText(text);
  expect(fixed).toBe(text);
  expect(out.files[0].failed.map((f) => [f.finding.ruleId, f.reason])).toEqual([
    ['eip-not-string', 'the fixed text no longer holds the same objects'],
  ]);
  expect(out.result.workloads.map((w) => w.name)).toEqual(['web']);
});

test('a fix that leaves its finding where it was, writing elsewhere, is not written (the count of findings)', () => {
  const text = deployment('web', [], ['metadata:', '  annotations:', `    ${BW}: 10`]);
  // Writes a space after the value instead of quoting it: the text parses, the finding stays outside what was written.
  injectSetStringValue(BW, (entry, _value, file) => [{ file, start: entry.valueSpan.endOffset, end: entry.valueSpan.endOffset, newText: ' ' }]);
  const { out, fixed } = fixText(text);
  expect(fixed).toBe(text);
  expect(out.passes).toBe(1);
  expect(out.files[0].failed.map((f) => [f.finding.ruleId, f.reason])).toEqual([['eip-not-string', 'the finding is still reported after its fix']]);
});

test("a follow-up's position is mapped through the edits of its own pass that come before it", () => {
  // `a` has two misplaced keys: one moves in each pass. `b`'s misplaced `yes` moves in pass 1 and becomes the string
  // "yes", a follow-up fixed in pass 2 — the pass in which `a`'s second move, above it, changes the offsets.
  const a = deployment('a', ['annotations:', `  ${BW}: "10"`, `  ${ISP}: "BGP"`], ['metadata:', '  labels: {app: a}', '  annotations:', `    ${EIP}: "true"`]);
  const b = deployment('b', ['annotations:', `  ${EIP}: yes`], ['metadata:', '  labels: {app: b}']);
  const text = a + '---\n' + b;
  const { out, fixed } = fixText(text);
  expect(out.passes).toBe(2);
  const [file] = out.files;
  expect(file.failed).toEqual([]);
  expect(file.followUps.map((f) => [f.ruleId, f.workload!.name])).toEqual([['eip-invalid-value', 'b']]);
  const { line, column, offset, endOffset } = file.followUps[0].span;
  expect(fixed.slice(offset, endOffset)).toBe('"true"');
  expect(fixed.split('\n')[line - 1].slice(column - 1)).toBe('"true"');
  expect(out.result.findings).toEqual([]);
});

test('fixes that each pass alone but break the file together all fail, together (no culprit)', () => {
  // Each value fix also adds an annotation `dup`: alone, each parses; together, the key is written twice.
  const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: 10`, `    ${ISP}: BPG`]);
  const original = YamlEditor.prototype.setStringValue;
  jest.spyOn(YamlEditor.prototype, 'setStringValue').mockImplementation(function (this: YamlEditor, entry: MapEntry, value: string) {
    const edits = original.call(this, entry, value);
    if (!edits) return edits;
    const { file, text: all } = internals(this);
    const lineEnd = all.indexOf('\n', entry.valueSpan.endOffset);
    const indent = ' '.repeat(entry.keySpan.column - 1);
    return [...edits, { file, start: lineEnd, end: lineEnd, newText: `\n${indent}dup: "${entry.key}"` }];
  });
  const sources = [{ path: 'k8s/app.yaml', text }];
  const cfg = config();
  const before = lintSources(sources, { config: cfg });
  expect(before.findings.map((f) => f.ruleId).sort()).toEqual(['eip-invalid-value', 'eip-not-string']);
  // Each alone is a good fix.
  for (const finding of before.findings) {
    const alone = applyFixes(sources, [finding], { config: cfg, maxPasses: 1 });
    expect(alone.files[0].failed).toEqual([]);
    expect(yamlErrors(alone.files[0].fixed)).toEqual([]);
  }
  const out = applyFixes(sources, before.findings, { config: cfg });
  const [file] = out.files;
  expect(file.fixed).toBe(text);
  expect(file.applied).toEqual([]);
  expect(file.failed).toHaveLength(2);
  for (const { reason } of file.failed) {
    expect(reason).toMatch(/^together with the other fixes of its pass, the fixed text does not parse \(YAML syntax error: .*\)$/);
  }
});

test('a fix whose written text is reported again by the same rule is not written (the finding at the edit)', () => {
  const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: "10M"`]);
  // Writes another wrong bandwidth instead of "10": the old finding is gone (its message named "10M"), so the count
  // of that finding drops, but the same rule reports the same workload inside the text the fix wrote.
  injectSetStringValue(BW, (entry, _value, file) => [{ file, start: entry.valueSpan.offset, end: entry.valueSpan.endOffset, newText: '"20M"' }]);
  const { out, fixed } = fixText(text);
  expect(fixed).toBe(text);
  expect(out.files[0].failed.map((f) => [f.finding.ruleId, f.reason])).toEqual([['eip-invalid-value', 'the finding is still reported after its fix']]);
});
