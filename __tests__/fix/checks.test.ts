/**
 * The checks of a fixed text (src/fix/checks.ts), each on its own: the lint before and after a fix, made from real
 * texts, and the reason each check gives for refusing the fixed text (or none, for a good fix).
 */
import {
  changedAliasRead,
  newParseProblem,
  otherObjects,
  renderingChange,
  reportedInWrittenText,
  stillReported,
  whyRefused,
  type FixedText,
} from '../../src/fix/checks.js';
import { applyEdits, editsOf } from '../../src/fix/edits.js';
import type { Snapshot } from '../../src/fix/snapshot.js';
import type { Finding } from '../../src/model/index.js';
import { BW, deployment, EIP, ISP, PATH, snapshot } from './helpers.js';

function only(snap: Snapshot, ruleId: string, file = PATH): Finding {
  const found = snap.result.findings.filter((f) => f.ruleId === ruleId && f.file === file);
  expect(found).toHaveLength(1);
  return found[0];
}

/**
 * The fixed text of `file` with `batch` applied as its edits say (or `fixed` instead), the other files as they were
 * (or as `others` has them after the fix).
 */
function fixedText(
  before: Record<string, string>,
  batch: (snap: Snapshot) => Finding[],
  options: { file?: string; fixed?: string; others?: Record<string, string>; renderedFiles?: string[] } = {},
): FixedText {
  const file = options.file ?? PATH;
  const beforeSnap = snapshot(before);
  const fixes = batch(beforeSnap);
  const fixed = options.fixed ?? applyEdits(before[file], fixes.flatMap(editsOf));
  const after = snapshot({ ...before, ...options.others, [file]: fixed });
  return { file, batch: fixes, before: beforeSnap, after, renderedFiles: new Set(options.renderedFiles ?? []) };
}

/** A finding with its fix's edits replaced: a fault in the editor. */
function withEdits(finding: Finding, newText: string, at: 'value' | 'after' = 'value'): Finding {
  const [edit] = finding.fix!.edits;
  const start = at === 'value' ? finding.span.offset : finding.span.endOffset;
  return { ...finding, fix: { ...finding.fix!, edits: [{ ...edit, start, end: finding.span.endOffset, newText }] } };
}

const CHECKS = { newParseProblem, otherObjects, changedAliasRead, renderingChange, stillReported, reportedInWrittenText };

/** What every check says of a fixed text: only the failing ones are listed. */
function reasons(fixed: FixedText): Record<string, string> {
  return Object.fromEntries(Object.entries(CHECKS).flatMap(([name, check]) => (check(fixed) ? [[name, check(fixed)!]] : [])));
}

const notString = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: 10`]);

test('a good fix passes every check', () => {
  const fixed = fixedText({ [PATH]: notString }, (s) => [only(s, 'eip-not-string')]);
  expect(fixed.after.text(PATH)).toContain(`${BW}: "10"`);
  expect(reasons(fixed)).toEqual({});
  expect(whyRefused(fixed)).toBeUndefined();
});

describe('a new parse problem', () => {
  test('is refused, with the first sentence of the problem and its line in the fixed text', () => {
    const fixed = fixedText({ [PATH]: notString }, (s) => [withEdits(only(s, 'eip-not-string'), '"10"\n  : [')]);
    expect(newParseProblem(fixed)).toMatch(/^the fixed text does not parse \(YAML syntax error: [^.]*, at line 13 of the fixed text\)$/);
    expect(whyRefused(fixed)).toBe(newParseProblem(fixed));
  });

  test('a parse problem the text had before is not new', () => {
    const broken = notString + '---\nkind: Service\nmetadata:\n  name: x\n spec: {}\n';
    const fixed = fixedText({ [PATH]: broken }, (s) => [only(s, 'eip-not-string')]);
    expect(fixed.after.result.findings.filter((f) => f.ruleId === 'parse-error')).toHaveLength(1);
    expect(newParseProblem(fixed)).toBeUndefined();
    expect(whyRefused(fixed)).toBeUndefined();
  });
});

test('a fixed text that holds other objects is refused', () => {
  const renamed = notString.replace('name: web', 'name: web2').replace(': 10\n', ': "10"\n');
  const fixed = fixedText({ [PATH]: notString }, (s) => [only(s, 'eip-not-string')], { fixed: renamed });
  expect(otherObjects(fixed)).toBe('the fixed text no longer holds the same objects');
  expect(reasons(fixed)).toEqual({ otherObjects: 'the fixed text no longer holds the same objects' });
});

describe('what an alias or a merge key reads', () => {
  test('a fix that changes what an alias reads is refused, naming the alias line', () => {
    // The copy in metadata is misplaced; the pod template reads the same map through `*ann`.
    const text = deployment('web', ['annotations: &ann', `  ${EIP}: "true"`, '  team: x'], ['metadata:', '  annotations: *ann']);
    const fixed = fixedText({ [PATH]: text }, (s) => [only(s, 'eip-misplaced')]);
    expect(changedAliasRead(fixed)).toBe(
      'the fix edits a node that an alias at line 11 also reads, and would change what it reads there; fix it by hand',
    );
    expect(whyRefused(fixed)).toBe(changedAliasRead(fixed));
  });

  test('a fix that changes what a merge key reads is refused, naming the map with the merge key', () => {
    const text = deployment('web', ['annotations: &ann', `  ${EIP}: "true"`, '  team: x'], ['metadata:', '  annotations:', '    <<: *ann', '    team: y']);
    const fixed = fixedText({ [PATH]: text }, (s) => [only(s, 'eip-misplaced')]);
    expect(changedAliasRead(fixed)).toBe(
      'the fix edits a node that a merge key (<<) at line 12 also reads, and would change what it reads there; fix it by hand',
    );
  });

  test('an alias inside the text a fix removes goes with it', () => {
    const text = deployment('web', ['annotations: &ann', `  ${EIP}: "true"`, 'labels: *ann'], ['metadata:', '  annotations:', `    ${EIP}: "true"`]);
    const before = snapshot({ [PATH]: text });
    const aliasAt = text.indexOf('*ann');
    const removeLabels = { file: PATH, start: aliasAt - 'labels: '.length, end: aliasAt + '*ann\n'.length, newText: '' };
    const removal: Finding = { ...before.result.findings[0], fix: { safe: true, description: '', edits: [removeLabels] } };
    const after = snapshot({ [PATH]: applyEdits(text, editsOf(removal)) });
    const fixed: FixedText = { file: PATH, batch: [removal], before, after, renderedFiles: new Set() };
    expect(before.result.files[0].aliasReads).toHaveLength(1);
    expect(changedAliasRead(fixed)).toBeUndefined();
  });
});

describe('a finding still reported', () => {
  test('a fix that writes beside its finding: the finding is counted as often as before', () => {
    // A space after the value: the text parses, and the finding stays outside what the fix wrote.
    const fixed = fixedText({ [PATH]: notString }, (s) => [withEdits(only(s, 'eip-not-string'), ' ', 'after')]);
    expect(fixed.after.text(PATH)).toContain(`${BW}: 10 \n`);
    expect(reasons(fixed)).toEqual({ stillReported: 'the finding is still reported after its fix' });
    expect(whyRefused(fixed)).toBe('the finding is still reported after its fix');
  });

  test('a fix that writes another mistake of the same kind: the old finding is gone, the rule reports what it wrote', () => {
    const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: "10M"`]);
    const fixed = fixedText({ [PATH]: text }, (s) => [withEdits(only(s, 'eip-invalid-value'), '"20M"')]);
    expect(reasons(fixed)).toEqual({ reportedInWrittenText: 'the finding is still reported after its fix' });
  });

  test('the text a fix wrote is found where the earlier edits of the batch moved it', () => {
    // Two value fixes lengthen the text before the third (by more than it writes), which writes a wrong bandwidth again.
    const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: on`, `    ${ISP}: BPG`, `    ${BW}: "10M"`]);
    const fixed = fixedText({ [PATH]: text }, (s) => {
      const [isp, bandwidth] = s.result.findings.filter((f) => f.ruleId === 'eip-invalid-value').sort((x, y) => x.span.offset - y.span.offset);
      return [only(s, 'eip-not-string'), isp, withEdits(bandwidth, '"20M"')];
    });
    expect(fixed.after.text(PATH)).toContain(`${EIP}: "true"\n        ${ISP}: "BGP"\n        ${BW}: "20M"`);
    expect(reasons(fixed)).toEqual({ reportedInWrittenText: 'the finding is still reported after its fix' });
  });
});

describe('what a chart or overlay renders (fixes with verify: render)', () => {
  // A stand-in: `values` is the file the fix edits; `rendered` the document the chart renders from it.
  const VALUES = 'web/values.yaml';
  const RENDERED = 'web/rendered.yaml';
  const rendered = (pod: string[], name = 'web') => deployment(name, [], ['metadata:', '  annotations:', ...pod.map((l) => '  ' + l)]);
  const texts = { [VALUES]: deployment('values', [], ['metadata:', '  annotations:', `    ${EIP}: true`]), [RENDERED]: rendered([`  ${EIP}: "true"`]) };
  const viaRendering = (s: Snapshot) => {
    const finding = only(s, 'eip-not-string', VALUES);
    return [{ ...finding, fix: { ...finding.fix!, verify: 'render' as const } }];
  };
  const check = (others: Record<string, string>, fixed?: string) =>
    fixedText(texts, viaRendering, { file: VALUES, others, fixed, renderedFiles: [RENDERED] });

  test('the same rendering: accepted', () => {
    expect(renderingChange(check({}))).toBeUndefined();
  });

  test('the finding again, on the line of the fix', () => {
    const fixed = check({}, texts[VALUES].replace(`${EIP}: true`, `${EIP}: yes`));
    expect(renderingChange(fixed)).toBe('rendered again, the chart or overlay still has the finding');
  });

  test('a new finding on a file of the rendering, with its rule and first sentence', () => {
    const fixed = check({ [RENDERED]: rendered([`  ${EIP}: "true"`, `  ${BW}: "10M"`]) });
    // The message's first sentence only: not its `Write "10".`
    expect(renderingChange(fixed)).toBe(
      'rendered again, the chart or overlay has a new finding at web/rendered.yaml:10 ' +
        '(eip-invalid-value: k8s.aliyun.com/eip-bandwidth: "10M" is not a whole number of Mbit/s without a unit; ECI rejects or ignores it)',
    );
  });

  test('a rendering that no longer parses, with the first sentence of the problem', () => {
    const fixed = check({ [RENDERED]: rendered([`  ${EIP}: "true"`]) + ' spec: {\n' });
    expect(renderingChange(fixed)).toMatch(/^rendered again, the chart or overlay has a new finding at web\/rendered\.yaml:\d+ \(YAML syntax error: [^.]+\)$/);
  });

  test('other objects rendered', () => {
    const fixed = check({ [RENDERED]: rendered([`  ${EIP}: "true"`], 'web2') });
    expect(renderingChange(fixed)).toBe('rendered again, the chart or overlay no longer renders the same objects');
  });

  test('a fix that is not verified by rendering is not judged by the rendering', () => {
    const others = { [RENDERED]: rendered([`  ${EIP}: "true"`], 'web2') };
    const plain = fixedText(texts, (s) => [only(s, 'eip-not-string', VALUES)], { file: VALUES, others, renderedFiles: [RENDERED] });
    expect(renderingChange(plain)).toBeUndefined();
    expect(whyRefused(plain)).toBeUndefined();
  });
});

test('the checks are asked in order: the first reason is given', () => {
  // Does not parse and holds other objects: the parse problem is named.
  const broken = notString.replace('name: web', 'name: web2').replace(`${BW}: 10`, `${BW}: "10"\n  : [`);
  const fixed = fixedText({ [PATH]: notString }, (s) => [only(s, 'eip-not-string')], { fixed: broken });
  expect(Object.keys(reasons(fixed))).toEqual(['newParseProblem', 'otherObjects']);
  expect(whyRefused(fixed)).toBe(newParseProblem(fixed));
});
