/**
 * The choice of the fixes of a pass (src/fix/batches.ts), on its own: which findings of a lint go into a file's
 * batch, which wait for the next pass, and which can never be applied, with why.
 */
import { chooseBatches, type BatchScope } from '../../src/fix/batches.js';
import { editsConflict, editsOf } from '../../src/fix/edits.js';
import { identity } from '../../src/fix/identity.js';
import type { Finding } from '../../src/model/index.js';
import type { Snapshot } from '../../src/fix/snapshot.js';
import { BW, deployment, EIP, flowContainers, ISP, PATH, snapshot } from './helpers.js';

/** The same lint with its findings replaced. */
function withFindings(snap: Snapshot, findings: Finding[]): Snapshot {
  return { ...snap, result: { ...snap.result, findings } };
}

function scope(overrides: Partial<BatchScope> = {}): BatchScope {
  return { open: () => true, unsafeRules: [], excluded: new Set(), renders: false, ...overrides };
}

/** Each file's batch as `ruleId workload-name`. */
function named(batches: Map<string, Finding[]>): Record<string, string[]> {
  return Object.fromEntries([...batches].map(([file, batch]) => [file, batch.map((f) => `${f.ruleId} ${f.workload?.name}`)]));
}

test('value fixes of one workload all go into one batch', () => {
  const snap = snapshot({ [PATH]: deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "True"`, `    ${BW}: 10`, `    ${ISP}: BPG`]) });
  expect(named(chooseBatches(snap, scope(), new Map()))).toEqual({
    [PATH]: ['eip-invalid-value web', 'eip-not-string web', 'eip-invalid-value web'],
  });
});

test('of two key fixes of one workload whose edits do not touch, only the first is taken', () => {
  const text = deployment('web', ['annotations:', `  ${BW}: "10"`], ['metadata:', '  annotations:', `    k8s.aliyun.com/eci-with-eips: "true"`, '    team: x']);
  const snap = snapshot({ [PATH]: text });
  const [misplaced, unknown] = ['eip-misplaced', 'eip-unknown-key'].map((id) => snap.result.findings.find((f) => f.ruleId === id)!);
  // The rename and the move are both key fixes of `web`, and their edits are apart: only the workload limit holds one back.
  expect(editsConflict(editsOf(misplaced), editsOf(unknown))).toBe(false);
  expect(named(chooseBatches(snap, scope(), new Map()))).toEqual({ [PATH]: ['eip-misplaced web'] });
});

test('key fixes of different workloads go into one batch', () => {
  const snap = snapshot({
    [PATH]: ['a', 'b'].map((name) => deployment(name, ['annotations:', `  ${EIP}: "true"`], ['metadata: {}'])).join('---\n'),
  });
  expect(named(chooseBatches(snap, scope(), new Map()))).toEqual({ [PATH]: ['eip-misplaced a', 'eip-misplaced b'] });
});

test('of two fixes whose edits overlap, the first in the file is taken and the other waits', () => {
  // The move of a misplaced `true` and the quoting of that same value edit the same entry.
  const snap = snapshot({ [PATH]: deployment('web', ['annotations:', `  ${EIP}: true`], ['metadata:', '  labels: {app: web}']) });
  const [first, second] = [...snap.result.findings].sort((a, b) => a.span.offset - b.span.offset);
  expect(editsConflict(editsOf(first), editsOf(second))).toBe(true);
  // A value fix is not held back by the workload limit, so only the overlap keeps the second out.
  expect(second.ruleId).toBe('eip-not-string');
  const unfixable = new Map<string, string>();
  expect(chooseBatches(snap, scope(), unfixable).get(PATH)).toEqual([first]);
  expect(unfixable.size).toBe(0);
});

test('batches are per file, in the order of the files, and each in the order of the findings in its file', () => {
  const a = deployment('a', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: 10`, `    ${ISP}: BPG`]);
  const snap = snapshot({ 'k8s/b.yaml': a.replaceAll('name: a', 'name: b'), 'k8s/a.yaml': a });
  const reversed = withFindings(snap, [...snap.result.findings].reverse());
  const batches = chooseBatches(reversed, scope(), new Map());
  expect([...batches.keys()]).toEqual(['k8s/a.yaml', 'k8s/b.yaml']);
  for (const batch of batches.values()) expect(batch.map((f) => f.span.offset)).toEqual(batch.map((f) => f.span.offset).sort((x, y) => x - y));
  expect(named(batches)['k8s/a.yaml']).toEqual(['eip-not-string a', 'eip-invalid-value a']);
});

describe('what is left out', () => {
  const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: 10`, `    ${ISP}: BPG`]);

  test('findings the caller left out, and the findings of a file that is no longer open', () => {
    const snap = snapshot({ [PATH]: text, 'k8s/closed.yaml': text });
    const notString = snap.result.findings.find((f) => f.ruleId === 'eip-not-string' && f.file === PATH)!;
    const batches = chooseBatches(snap, scope({ open: (file) => file === PATH, excluded: new Set([identity(notString, text)]) }), new Map());
    expect(named(batches)).toEqual({ [PATH]: ['eip-invalid-value web'] });
  });

  test('unsafe fixes, unless their rule is named', () => {
    const snap = snapshot({ [PATH]: deployment('web', [], ['metadata:', '  annotations:', '    team: x'], flowContainers('nginx:1.27')) });
    expect(snap.result.findings.map((f) => [f.ruleId, f.fix?.safe])).toEqual([['eip-missing', false]]);
    expect(chooseBatches(snap, scope(), new Map()).size).toBe(0);
    expect(named(chooseBatches(snap, scope({ unsafeRules: ['eip-missing'] }), new Map()))).toEqual({ [PATH]: ['eip-missing web'] });
  });

  describe('a fix no pass can apply, with why', () => {
    const snap = snapshot({ [PATH]: text });
    const notString = snap.result.findings.find((f) => f.ruleId === 'eip-not-string')!;
    const [edit] = notString.fix!.edits;

    test.each([
      [
        'a fix in a chart or overlay, in a run that does not render again',
        { ...notString.fix!, verify: 'render' as const },
        'the fix is in a chart or overlay and must be verified by rendering it again, which this run does not do',
      ],
      [
        'a fix that edits another file',
        { ...notString.fix!, edits: [{ ...edit, file: 'k8s/other.yaml' }] },
        'the fix edits another file, which is not supported',
      ],
      [
        'a fix whose edits overlap each other',
        { ...notString.fix!, edits: [edit, { ...edit, start: edit.start + 1, newText: 'x' }] },
        'the edits of the fix overlap each other',
      ],
    ])('%s', (_name, fix, reason) => {
      const broken = { ...notString, fix };
      const unfixable = new Map<string, string>();
      const batches = chooseBatches(withFindings(snap, snap.result.findings.map((f) => (f === notString ? broken : f))), scope(), unfixable);
      expect(named(batches)).toEqual({ [PATH]: ['eip-invalid-value web'] });
      expect([...unfixable]).toEqual([[identity(broken, text), reason]]);
    });

    test('a fix in a chart or overlay is taken when the run renders again', () => {
      const rendered = { ...notString, fix: { ...notString.fix!, verify: 'render' as const } };
      const only = withFindings(snap, [rendered]);
      const unfixable = new Map<string, string>();
      expect(chooseBatches(only, scope({ renders: true }), unfixable).get(PATH)).toEqual([rendered]);
      expect(unfixable.size).toBe(0);
    });
  });
});
