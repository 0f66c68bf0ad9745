/**
 * The fix engine: passes, edits that may not go together, re-checking by linting again, failures that leave a file
 * untouched, the findings left out by the caller, and the bound on passes.
 */
import { jest } from '@jest/globals';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { lintSources, sourcesFromPaths } from '../../src/engine/index.js';
import type { SourceFile } from '../../src/model/index.js';
import { applyFixes, isSelected, type FixResult } from '../../src/fix/index.js';
import { prepareReaders } from '../../src/readers/index.js';
import type { MapEntry, TextEdit } from '../../src/model/index.js';
import { YamlEditor } from '../../src/readers/kubernetes/editor.js';
import {
  ALIYUN_IMAGE,
  blockContainers,
  BW,
  config,
  deployment as namedDeployment,
  EIP,
  fixText,
  ISP,
  lines,
  ofRule,
  parseDocs,
  PATH,
  yamlErrors,
} from './helpers.js';

function deployment(meta: string[], pod: string[], image = ALIYUN_IMAGE, name = 'web'): string {
  return namedDeployment(name, meta, pod, blockContainers(image));
}

afterEach(() => jest.restoreAllMocks());

describe('fixes that may not be applied together', () => {
  test('two moves into a pod template without annotations: one pass each, one annotations map', () => {
    const text = deployment(['annotations:', `  ${EIP}: "true"`, `  ${BW}: "10"`], ['metadata:', '  labels: {app: web}']);
    const { before, out, fixed } = fixText(text);
    expect(ofRule(before.findings, 'eip-misplaced')).toHaveLength(2);
    expect(out.passes).toBe(2);
    expect(yamlErrors(fixed)).toEqual([]);
    expect(out.files[0].applied.map((f) => f.ruleId)).toEqual(['eip-misplaced', 'eip-misplaced']);
    expect(out.files[0].failed).toEqual([]);
    const doc = parseDocs(fixed)[0] as { metadata: { annotations: unknown }; spec: { template: { metadata: { annotations: unknown } } } };
    // The moves emptied the object's annotations: the map went with its key.
    expect(doc.metadata.annotations).toBeUndefined();
    expect(doc.spec.template.metadata.annotations).toEqual({ [EIP]: 'true', [BW]: '10' });
    expect(fixed.match(/annotations:/g)).toHaveLength(1);
  });

  test('a move and the missing annotation on one workload: no duplicate annotations map', () => {
    const text = deployment(['annotations:', `  ${BW}: "10"`], ['metadata:', '  labels: {app: web}'], 'nginx:1.27');
    const { before, out, fixed } = fixText(text, { unsafe: ['eip-missing'] });
    expect(before.findings.map((f) => f.ruleId).sort()).toEqual(['eip-misplaced', 'eip-missing']);
    // Both insert `annotations:` at the same place: the second waits for the next pass.
    const [a, b] = before.findings;
    expect(a.fix!.edits.some((x) => b.fix!.edits.some((y) => x.start === y.start && x.end === y.end && x.start === x.end))).toBe(true);
    expect(out.passes).toBe(2);
    expect(yamlErrors(fixed)).toEqual([]);
    expect(out.result.findings).toEqual([]);
    const doc = parseDocs(fixed)[0] as { spec: { template: { metadata: { annotations: unknown } } } };
    expect(doc.spec.template.metadata.annotations).toEqual({ [BW]: '10', [EIP]: 'true' });
  });

  test('eip-misplaced and eip-not-string on the same entry overlap; the move writes the string and both are fixed', () => {
    const text = deployment(['annotations:', `  ${EIP}: true`], ['metadata:', '  labels: {app: web}']);
    const { before, out, fixed } = fixText(text);
    expect(before.findings.map((f) => f.ruleId).sort()).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(out.files[0].applied.map((f) => f.ruleId).sort()).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(out.files[0].followUps).toEqual([]);
    expect(out.result.findings).toEqual([]);
    expect(fixed).toContain(`        ${EIP}: "true"\n`);
  });

  test('a follow-up: a moved `yes` becomes the string "yes", which the next pass writes as "true"', () => {
    const text = deployment(['annotations:', `  ${EIP}: yes`], ['metadata:', '  labels: {app: web}']);
    const { out, fixed } = fixText(text);
    expect(out.passes).toBe(2);
    const [file] = out.files;
    expect(file.applied.map((f) => f.ruleId).sort()).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(file.followUps.map((f) => f.ruleId)).toEqual(['eip-invalid-value']);
    // Its position is in the fixed text.
    const { line, column } = file.followUps[0].span;
    expect(fixed.split('\n')[line - 1].slice(column - 1)).toBe('"true"');
    expect(out.result.findings).toEqual([]);
  });

  test('a rename and a move that would give the same key: the move goes first, the rename then has no fix', () => {
    const text = deployment(['annotations:', `  ${EIP}: "true"`], ['metadata:', '  annotations:', `    k8s.aliyun.com/eci-with-eips: "true"`]);
    const { before, out, fixed } = fixText(text);
    expect(before.findings.map((f) => f.ruleId).sort()).toEqual(['eip-misplaced', 'eip-unknown-key']);
    expect(yamlErrors(fixed)).toEqual([]);
    const [file] = out.files;
    expect(file.applied.map((f) => f.ruleId)).toEqual(['eip-misplaced']);
    expect(file.failed.map((f) => [f.finding.ruleId, f.reason])).toEqual([
      ['eip-unknown-key', 'after the other fixes in this file the finding has no automatic fix; fix it by hand'],
    ]);
    expect(ofRule(out.result.findings, 'eip-unknown-key')[0].message).toContain('remove one');
  });

  test('value fixes of one workload go together in one pass', () => {
    const text = deployment([], ['metadata:', '  annotations:', `    ${EIP}: "True"`, `    ${BW}: 10`, `    ${ISP}: BPG`]);
    const { out } = fixText(text);
    expect(out.passes).toBe(1);
    expect(out.files[0].applied).toHaveLength(3);
  });

  test('key fixes of different workloads go together in one pass', () => {
    const text = [
      deployment(['annotations:', `  ${EIP}: "true"`], ['metadata: {}'], ALIYUN_IMAGE, 'a'),
      deployment(['annotations:', `  ${EIP}: "true"`], ['metadata: {}'], ALIYUN_IMAGE, 'b'),
    ].join('---\n');
    const { out } = fixText(text);
    expect(out.passes).toBe(1);
    expect(out.files[0].applied).toHaveLength(2);
    expect(out.result.findings).toEqual([]);
  });
});

describe('which findings are fixed', () => {
  test('only the findings given: the others are not fixed, not even in a later pass', () => {
    const text = deployment(['annotations:', `  ${EIP}: "true"`], ['metadata:', '  annotations:', `    ${BW}: 10`]);
    const sources = [{ path: PATH, text }];
    const cfg = config();
    const result = lintSources(sources, { config: cfg });
    const notString = ofRule(result.findings, 'eip-not-string');
    const out = applyFixes(sources, notString, { config: cfg });
    expect(out.files[0].applied).toEqual(notString);
    expect(ofRule(out.result.findings, 'eip-misplaced')).toHaveLength(1);
    expect(out.files[0].fixed).toContain(`  ${EIP}: "true"\nspec:`);
  });

  test('findings without a selected fix are not in the result', () => {
    const text = deployment([], ['metadata:', '  annotations:', `    ${EIP}: "true"`], ALIYUN_IMAGE);
    const { out, before } = fixText(text, { config: { egress: 'nat' } });
    expect(ofRule(before.findings, 'eip-redundant')).toHaveLength(1);
    expect(out.files).toEqual([]);
    expect(out.passes).toBe(0);
  });

  test('a file whose other document does not parse is still fixed; the parse error stays as it was', () => {
    const text = deployment([], ['metadata:', '  annotations:', `    ${EIP}: true`]) + '---\nkind: Service\nmetadata:\n  name: x\n spec: {}\n';
    const { before, out, fixed } = fixText(text);
    expect(ofRule(before.findings, 'parse-error')).toHaveLength(1);
    expect(out.files[0].applied.map((f) => f.ruleId)).toEqual(['eip-not-string']);
    expect(fixed).toContain(`${EIP}: "true"`);
    expect(ofRule(out.result.findings, 'parse-error')).toHaveLength(1);
  });

  test('sources without text (skipped files) are left alone', () => {
    const cfg = config();
    const sources: SourceFile[] = [{ path: 'big.yaml', skip: 'too big' }, { path: PATH, text: deployment([], ['metadata:', '  annotations:', `    ${EIP}: on`]) }];
    const result = lintSources(sources, { config: cfg });
    const out = applyFixes(sources, result.findings, { config: cfg });
    expect(out.files.map((f) => f.path)).toEqual([PATH]);
    expect(out.result.files.map((f) => f.status)).toEqual(['skipped', 'scanned']);
  });

  test('facts from other files count when the fixed text is linted again (a Namespace in another file)', () => {
    const namespace = lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: shop', '  labels: {alibabacloud.com/eci: "true"}');
    const app = deployment(['namespace: shop', 'annotations:', `  ${EIP}: "true"`], ['metadata:', '  labels: {app: web}']);
    const cfg = config({ cluster: 'virtual-node' });
    const sources = [
      { path: 'k8s/ns.yaml', text: namespace },
      { path: PATH, text: app },
    ];
    const result = lintSources(sources, { config: cfg });
    expect(ofRule(result.findings, 'eip-misplaced')).toHaveLength(1);
    const out = applyFixes(sources, result.findings, { config: cfg });
    expect(out.files.map((f) => [f.path, f.applied.length, f.failed.length])).toEqual([[PATH, 1, 0]]);
    expect(out.result.findings).toEqual([]);
  });
});

describe('a fix that fails leaves its file untouched', () => {
  /** Makes the editor write `newText` for the value of `key` when a rule asks it to set a string. */
  function breakSetStringValue(key: string, write: (entry: MapEntry) => string): void {
    const original = YamlEditor.prototype.setStringValue;
    jest.spyOn(YamlEditor.prototype, 'setStringValue').mockImplementation(function (this: YamlEditor, entry: MapEntry, value: string) {
      if (entry.key !== key) return original.call(this, entry, value);
      const file = (this as unknown as { file: string }).file;
      const edit: TextEdit = { file, start: entry.valueSpan.offset, end: entry.valueSpan.endOffset, newText: write(entry) };
      return [edit];
    });
  }

  const broken = deployment(['annotations:', `  ${ISP}: "BGP"`], ['metadata:', '  annotations:', `    ${BW}: 10`, `    ${EIP}: "true"`]);
  const other = deployment([], ['metadata:', '  annotations:', `    ${EIP}: yes`], ALIYUN_IMAGE, 'other');

  test.each([
    ['it does not parse', () => '"10"\n  : [', /^the fixed text does not parse \(YAML syntax error: .*, at line \d+ of the fixed text\)$/],
    ['the finding is still there', (e: MapEntry) => e.value, /^the finding is still reported after its fix$/],
  ])('when %s; other files are still fixed', (_name, write, reason) => {
    breakSetStringValue(BW, write);
    const cfg = config();
    const sources = [
      { path: 'k8s/broken.yaml', text: broken },
      { path: 'k8s/other.yaml', text: other },
    ];
    const result = lintSources(sources, { config: cfg });
    const out = applyFixes(sources, result.findings, { config: cfg });
    const [brokenFile, otherFile] = out.files;
    expect(brokenFile.fixed).toBe(broken);
    expect(brokenFile.applied).toEqual([]);
    const failed = Object.fromEntries(brokenFile.failed.map((f) => [f.finding.ruleId, f.reason]));
    expect(failed['eip-not-string']).toMatch(reason);
    expect(failed['eip-misplaced']).toMatch(/^not applied: the file was left untouched because the fix of eip-not-string at line 11 failed \(/);
    expect(otherFile.fixed).not.toBe(other);
    expect(otherFile.failed).toEqual([]);
    // What remains is what the files hold: the broken file's findings are all still there.
    expect(out.result.findings.filter((f) => f.file === 'k8s/broken.yaml').map((f) => f.ruleId).sort()).toEqual(['eip-misplaced', 'eip-not-string']);
  });

  test('a parse error is caught even when the config turns parse-error off', () => {
    breakSetStringValue(BW, () => '"10"\n  : [');
    const { out, fixed } = fixText(broken, { config: { rules: { 'parse-error': 'off' } } });
    expect(fixed).toBe(broken);
    expect(out.files[0].failed.map((f) => f.finding.ruleId).sort()).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(out.result.findings.map((f) => f.ruleId)).not.toContain('parse-error');
  });

  test('a fix whose edits overlap each other is not applied', () => {
    jest.spyOn(YamlEditor.prototype, 'renameKey').mockImplementation(function (this: YamlEditor, entry: MapEntry, key: string) {
      const file = (this as unknown as { file: string }).file;
      return [
        { file, start: entry.keySpan.offset, end: entry.keySpan.endOffset, newText: key },
        { file, start: entry.keySpan.offset + 2, end: entry.keySpan.endOffset, newText: 'x' },
      ];
    });
    const text = deployment([], ['metadata:', '  annotations:', `    k8s.aliyun.com/eci-with-eips: "true"`, `    ${BW}: 10`]);
    const { out } = fixText(text);
    const [file] = out.files;
    expect(file.applied.map((f) => f.ruleId)).toEqual(['eip-not-string']);
    expect(file.failed.map((f) => [f.finding.ruleId, f.reason])).toEqual([['eip-unknown-key', 'the edits of the fix overlap each other']]);
  });
});

test('a lint the caller already has is used as is, and gives the same result', () => {
  const text = deployment(['annotations:', `  ${EIP}: "true"`], ['metadata:', '  annotations:', `    ${BW}: 10`]);
  const sources = [{ path: PATH, text }];
  for (const cfg of [config(), config({ rules: { 'parse-error': 'off' } })]) {
    const linted = lintSources(sources, { config: cfg });
    const given = applyFixes(sources, linted.findings, { config: cfg, linted });
    const own = applyFixes(sources, linted.findings, { config: cfg });
    expect(given.files.map((f) => [f.fixed, f.applied, f.failed])).toEqual(own.files.map((f) => [f.fixed, f.applied, f.failed]));
    expect(given.result.findings).toEqual(own.result.findings);
  }
});

test('the passes are bounded; what is left says so', () => {
  const text = deployment(['annotations:', `  ${EIP}: "true"`, `  ${BW}: "10"`, `  ${ISP}: "BGP"`], ['metadata:', '  labels: {app: web}']);
  const { out } = fixText(text, { maxPasses: 2 });
  expect(out.passes).toBe(2);
  const [file] = out.files;
  expect(file.applied).toHaveLength(2);
  expect(file.failed.map((f) => f.reason)).toEqual(['not fixed within 2 passes; run the fix again']);
  expect(yamlErrors(file.fixed)).toEqual([]);
});

describe('the examples', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const { config: cfg } = loadConfig(root, undefined, {});
  const sources: SourceFile[] = sourcesFromPaths(root, ['examples'], cfg);
  const unsafeRules = ['eip-missing', 'eip-redundant', 'eip-unexpected'];
  let first: FixResult;
  beforeAll(async () => {
    await prepareReaders(sources);
    first = applyFixes(sources, lintSources(sources, { config: cfg }).findings, { config: cfg, unsafeRules });
  });

  test('every fix applies; nothing with a selected fix is left; no fix fails', () => {
    expect(first.files.flatMap((f) => f.failed.map((x) => [f.path, x.finding.ruleId, x.reason]))).toEqual([]);
    expect(first.result.findings.filter((f) => isSelected(f, unsafeRules))).toEqual([]);
    const fixedRules = new Set(first.files.flatMap((f) => f.applied.map((a) => a.ruleId)));
    expect([...fixedRules].sort()).toEqual(
      ['eip-invalid-value', 'eip-misplaced', 'eip-missing', 'eip-not-string', 'eip-redundant', 'eip-unexpected', 'eip-unknown-key'],
    );
  });

  test('fixing the fixed files again changes nothing', () => {
    const fixedSources = sources.map((s) => (s.text === undefined ? s : { ...s, text: first.files.find((f) => f.path === s.path)?.fixed ?? s.text }));
    const second = applyFixes(fixedSources, lintSources(fixedSources, { config: cfg }).findings, { config: cfg, unsafeRules });
    expect(second.passes).toBe(0);
    expect(second.files).toEqual([]);
  });
});
