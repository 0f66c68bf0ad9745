/**
 * Findings of rendered documents, alone: several renderings of a chart on one line are one finding that names them,
 * a finding moves to the line behind it, and a fix carries over only when that line writes the same scalar.
 */
import type { Finding, RenderedDocument, SourceLocation, Span } from '../../src/model/index.js';
import { carryFix, locateRendered, mergeRenderings, scalarOf } from '../../src/engine/rendered-findings.js';
import { LineIndex } from '../../src/readers/line-index.js';

const VALUES = 'podAnnotations:\n  k8s.aliyun.com/eci-with-eip: true\n';
const RENDERED = 'metadata:\n  annotations:\n    k8s.aliyun.com/eci-with-eip: true\n';
const VALUE_IN_VALUES = VALUES.indexOf('true');
const VALUE_IN_RENDERED = RENDERED.indexOf('true');

/**
 * A rendering of `unit` whose value `true` was written in the values file (exactly), and whose other positions
 * come from line 1 of the template (not exactly).
 */
function rendering(unit: string, name: string, values = VALUES): RenderedDocument {
  const lines = new LineIndex(values);
  return {
    id: `${unit}#${name}`,
    unit,
    rendering: name,
    priced: true,
    text: RENDERED,
    locate(span: Span): SourceLocation {
      if (span.offset === VALUE_IN_RENDERED) return { file: `${unit}/values.yaml`, span: lines.span(VALUE_IN_VALUES, VALUE_IN_VALUES + 4), exact: true };
      return { file: `${unit}/templates/deployment.yaml`, span: new LineIndex('x').span(0), exact: false };
    },
    sourceText: (file) => (file === `${unit}/values.yaml` ? values : undefined),
  };
}

const onValue = (): Finding => ({
  ruleId: 'eip-not-string',
  severity: 'error',
  message: 'not a string',
  file: 'web#values.yaml',
  span: new LineIndex(RENDERED).span(VALUE_IN_RENDERED, VALUE_IN_RENDERED + 4),
  workload: { kind: 'Deployment', name: 'web', namespace: 'shop' },
  fix: { safe: true, description: 'quote it', edits: [{ file: 'web#values.yaml', start: VALUE_IN_RENDERED, end: VALUE_IN_RENDERED + 4, newText: '"true"' }] },
});

describe('mergeRenderings', () => {
  it('one finding per line for the renderings of a chart, naming them when the chart has several', () => {
    const a = rendering('web', 'values.yaml');
    const b = rendering('web', 'values.yaml + ci/large-values.yaml');
    const [fromA, fromB, plain] = [onValue(), onValue(), { ...onValue(), file: 'k8s/plain.yaml' }];
    const merged = mergeRenderings([fromA, fromB, plain], new Map([[fromA, a], [fromB, b]]), [a, b]);
    expect(merged).toEqual([fromA, plain]);
    expect(fromA.message).toBe('not a string (rendered with values.yaml; values.yaml + ci/large-values.yaml)');
    expect(plain.message).toBe('not a string');
  });

  it('a chart rendered once: its findings are not named; a rendering named twice is named once', () => {
    const only = rendering('web', 'values.yaml');
    const [first, again] = [onValue(), onValue()];
    expect(mergeRenderings([first, again], new Map([[first, only], [again, only]]), [only])).toEqual([first]);
    expect(first.message).toBe('not a string');

    const other = rendering('web', 'prod.yaml');
    const [x, y] = [onValue(), onValue()];
    mergeRenderings([x, y], new Map([[x, only], [y, only]]), [only, other]);
    expect(x.message).toBe('not a string (rendered with values.yaml)');
  });

  it('findings with another message or line stay apart; without renderings the list is returned as is', () => {
    const a = rendering('web', 'a.yaml');
    const b = rendering('web', 'b.yaml');
    const [fromA, fromB] = [onValue(), { ...onValue(), message: 'other' }];
    expect(mergeRenderings([fromA, fromB], new Map([[fromA, a], [fromB, b]]), [a, b])).toEqual([fromA, fromB]);
    const raw = [onValue()];
    expect(mergeRenderings(raw, new Map(), [a, b])).toBe(raw);
  });
});

describe('locateRendered', () => {
  it('an exact place: the finding moves to the values-file line, its fix carries over and is verified by rendering', () => {
    const finding = onValue();
    locateRendered(finding, rendering('web', 'values.yaml'));
    expect(finding).toMatchObject({ file: 'web/values.yaml', span: { line: 2, column: 32 }, message: 'not a string' });
    expect(finding.fix).toEqual({
      safe: true,
      description: 'quote it',
      verify: 'render',
      edits: [{ file: 'web/values.yaml', start: VALUE_IN_VALUES, end: VALUE_IN_VALUES + 4, newText: '"true"' }],
    });
  });

  it('no exact place: the message names the rendered object, and the fix is dropped', () => {
    const finding = onValue();
    finding.span = new LineIndex(RENDERED).span(0);
    finding.fix!.edits = [{ file: 'web#values.yaml', start: 0, end: 'metadata'.length, newText: 'meta' }];
    locateRendered(finding, rendering('web', 'values.yaml'));
    expect(finding.file).toBe('web/templates/deployment.yaml');
    expect(finding.message).toBe('not a string (in the rendered Deployment shop/web of web)');
    expect(finding.fix).toBeUndefined();
  });
});

describe('carryFix', () => {
  const edits = onValue().fix!.edits;

  it('only for the rules that rewrite one scalar, with one non-empty edit', () => {
    const document = rendering('web', 'values.yaml');
    expect(carryFix('eip-not-string', edits, document)).toHaveLength(1);
    expect(carryFix('eip-invalid-value', edits, document)).toHaveLength(1);
    expect(carryFix('eip-misplaced', edits, document)).toBeUndefined();
    expect(carryFix('eip-not-string', [...edits, ...edits], document)).toBeUndefined();
    expect(carryFix('eip-not-string', [{ ...edits[0], end: edits[0].start }], document)).toBeUndefined();
  });

  it('only when the line behind writes the same value', () => {
    const written = VALUES.replace('true', 'yes!');
    expect(carryFix('eip-not-string', edits, rendering('web', 'values.yaml', written))).toBeUndefined();
    const noSource = { ...rendering('web', 'values.yaml'), sourceText: undefined };
    expect(carryFix('eip-not-string', edits, noSource)).toBeUndefined();
  });
});

describe('scalarOf', () => {
  it('the value a scalar stands for, as text; undefined for a collection, null or broken YAML', () => {
    expect(scalarOf(' true ')).toBe('true');
    expect(scalarOf('"10M"')).toBe('10M');
    expect(scalarOf('10M')).toBe('10M');
    expect(scalarOf('[1]')).toBeUndefined();
    expect(scalarOf('~')).toBeUndefined();
    expect(scalarOf('"open')).toBeUndefined();
  });
});
