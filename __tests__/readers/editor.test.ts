import type { TextEdit, Workload } from '../../src/model/index.js';
import { applyEdits, crlf, entry, expectUntouchedLinesKept, onlyWorkload, podAnnotations, read, yamlErrors } from './helpers.js';

/** Doubles every leading indentation: an indent-2 file becomes an indent-4 file. */
const indent4 = (text: string) => text.replace(/^( +)/gm, '$1$1');

/** The same document in four layouts; the edits must work the same way in each. */
const layouts = (text: string): [string, string][] => [
  ['indent 2', text],
  ['indent 4', indent4(text)],
  ['CRLF', crlf(text)],
  ['indent 4 + CRLF', crlf(indent4(text))],
];

interface Expectation {
  /** The pod annotations after the edit, as key → written value. */
  annotations: Record<string, string>;
  /** 1-based lines of the original the edits may touch (all others must stay byte-identical). */
  touched: number[];
}

/** Applies the edits of one operation and checks the result; returns it. */
function check(text: string, operation: (w: Workload) => TextEdit[] | undefined, expected: Expectation): string {
  const workload = onlyWorkload(text);
  const edits = operation(workload);
  if (!edits) throw new Error('the editor wrote no edit');
  expect(edits.length).toBeGreaterThan(0);
  for (const edit of edits) expect(edit.file).toBe('test.yaml');
  const out = applyEdits(text, edits);
  expect(yamlErrors(out)).toEqual([]);
  expect(podAnnotations(out)).toEqual(expected.annotations);
  expect(expectUntouchedLinesKept(text, out, edits)).toEqual(expected.touched);
  if (text.includes('\r\n')) expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  return out;
}

// Containers are written in flow style so that `indent4` gives valid YAML.
const DEPLOYMENT = [
  'apiVersion: apps/v1', //                       1
  'kind: Deployment', //                          2
  'metadata:', //                                 3
  '  name: web', //                               4
  '  # the EIP was put here by mistake', //       5
  '  annotations:', //                            6
  '    k8s.aliyun.com/eci-with-eip: "true"', //   7
  '    team: shop', //                            8
  'spec:', //                                     9
  '  replicas: 2', //                             10
  '  template:', //                               11
  '    # the pod template', //                    12
  '    metadata:', //                             13
  '      labels:', //                             14
  '        app: web', //                          15
  '      annotations:', //                        16
  '        # bandwidth in Mbit/s', //             17
  '        k8s.aliyun.com/eip-bandwidth: 10', //  18
  '        k8s.aliyun.com/eip-isp: BGP', //       19
  '        prometheus.io/scrape: "true"', //      20
  '    spec:', //                                 21
  '      containers: [{name: app, image: nginx}]', // 22
  '',
].join('\n');

const BASE = { 'k8s.aliyun.com/eip-bandwidth': '10', 'k8s.aliyun.com/eip-isp': 'BGP', 'prometheus.io/scrape': 'true' };

/** A Deployment whose pod template metadata is `podMetadata` (lines after `template:`). */
const withTemplate = (...templateLines: string[]) =>
  ['kind: Deployment', 'metadata:', '  name: d', 'spec:', '  template:', ...templateLines, ''].join('\n');

describe('setStringValue', () => {
  test.each(layouts(DEPLOYMENT))('quotes a number (%s)', (_layout, text) => {
    const out = check(text, (w) => w.editor.setStringValue(entry(w.pod?.annotations, 'k8s.aliyun.com/eip-bandwidth'), '10'), {
      annotations: BASE,
      touched: [18],
    });
    expect(out.split(/\r?\n/)[17].trim()).toBe('k8s.aliyun.com/eip-bandwidth: "10"');
    expect(onlyWorkload(out).pod!.annotations[0].valueType).toBe('string');
  });

  test('replaces a value with another, escaped as a JSON string', () => {
    const out = check(DEPLOYMENT, (w) => w.editor.setStringValue(entry(w.pod?.annotations, 'k8s.aliyun.com/eip-isp'), 'say "BGP"'), {
      annotations: { ...BASE, 'k8s.aliyun.com/eip-isp': 'say "BGP"' },
      touched: [19],
    });
    expect(out.split('\n')[18]).toBe('        k8s.aliyun.com/eip-isp: "say \\"BGP\\""');
  });

  test('writes an empty string as ""', () => {
    const out = check(DEPLOYMENT, (w) => w.editor.setStringValue(entry(w.pod?.annotations, 'k8s.aliyun.com/eip-isp'), ''), {
      annotations: { ...BASE, 'k8s.aliyun.com/eip-isp': '' },
      touched: [19],
    });
    expect(out.split('\n')[18]).toBe('        k8s.aliyun.com/eip-isp: ""');
  });

  test.each(layouts(withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eci-with-eip:', '        other: x', '    spec: {}')))(
    'fills an empty value, keeping a space after the colon (%s)',
    (_layout, text) => {
      const out = check(text, (w) => w.editor.setStringValue(entry(w.pod?.annotations, 'k8s.aliyun.com/eci-with-eip'), 'true'), {
        annotations: { 'k8s.aliyun.com/eci-with-eip': 'true', other: 'x' },
        touched: [8],
      });
      expect(out.split(/\r?\n/)[7].trim()).toBe('k8s.aliyun.com/eci-with-eip: "true"');
    },
  );

  test('fills an empty value with an empty string', () => {
    const text = withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eci-with-eip:', '    spec: {}');
    const out = check(text, (w) => w.editor.setStringValue(w.pod!.annotations[0], ''), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': '' },
      touched: [8],
    });
    expect(out.split('\n')[7]).toBe('        k8s.aliyun.com/eci-with-eip: ""');
  });

  test('fills an empty value followed by a comment, keeping the comment a comment', () => {
    const text = withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eci-with-eip: # set me', '    spec: {}');
    const out = check(text, (w) => w.editor.setStringValue(w.pod!.annotations[0], 'true'), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
      touched: [8],
    });
    expect(out.split('\n')[7]).toBe('        k8s.aliyun.com/eci-with-eip: "true" # set me');
  });

  test('keeps a comment after a plain value', () => {
    const text = withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eci-with-eip: yes # EIP on', '    spec: {}');
    const out = check(text, (w) => w.editor.setStringValue(w.pod!.annotations[0], 'true'), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
      touched: [8],
    });
    expect(out.split('\n')[7]).toBe('        k8s.aliyun.com/eci-with-eip: "true" # EIP on');
  });

  test.each(layouts(withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eci-with-eip: |', '          True', '        other: x', '    spec: {}')))(
    'replaces a block scalar and keeps the line after it (%s)',
    (_layout, text) => {
      const out = check(text, (w) => w.editor.setStringValue(w.pod!.annotations[0], 'true'), {
        annotations: { 'k8s.aliyun.com/eci-with-eip': 'true', other: 'x' },
        touched: [8, 9],
      });
      expect(out.split(/\r?\n/).map((l) => l.trim())).toContain('other: x');
    },
  );

  test('works in a flow map', () => {
    const text = withTemplate('    metadata:', '      annotations: {k8s.aliyun.com/eip-bandwidth: 10, a: b}', '    spec: {}');
    const out = check(text, (w) => w.editor.setStringValue(w.pod!.annotations[0], '10'), {
      annotations: { 'k8s.aliyun.com/eip-bandwidth': '10', a: 'b' },
      touched: [7],
    });
    expect(out.split('\n')[6]).toBe('      annotations: {k8s.aliyun.com/eip-bandwidth: "10", a: b}');
  });

  test('refuses a value that is a collection, and a flow pair without a colon', () => {
    const w = onlyWorkload(withTemplate('    metadata:', '      annotations: {a: [1], b}', '    spec: {}'));
    expect(w.editor.setStringValue(entry(w.pod?.annotations, 'a'), 'x')).toBeUndefined();
    expect(w.editor.setStringValue(entry(w.pod?.annotations, 'b'), 'x')).toBeUndefined();
  });

  test('refuses an entry of another workload', () => {
    const other = onlyWorkload(DEPLOYMENT);
    const w = onlyWorkload(DEPLOYMENT);
    expect(w.editor.setStringValue(other.pod!.annotations[0], 'x')).toBeUndefined();
    expect(w.editor.removeEntry(other.pod!.annotations[0])).toBeUndefined();
    expect(w.editor.renameKey(other.pod!.annotations[0], 'x')).toBeUndefined();
  });
});

describe('renameKey', () => {
  test.each(layouts(DEPLOYMENT))('renames a plain key (%s)', (_layout, text) => {
    const out = check(text, (w) => w.editor.renameKey(entry(w.pod?.annotations, 'k8s.aliyun.com/eip-isp'), 'k8s.aliyun.com/eip-isp-x'), {
      annotations: { 'k8s.aliyun.com/eip-bandwidth': '10', 'k8s.aliyun.com/eip-isp-x': 'BGP', 'prometheus.io/scrape': 'true' },
      touched: [19],
    });
    expect(out.split(/\r?\n/)[18].trim()).toBe('k8s.aliyun.com/eip-isp-x: BGP');
  });

  test.each([
    ['double', '"k8s.aliyun.com/pod-with-eip": "true"', '"k8s.aliyun.com/eci-with-eip": "true"'],
    ['single', "'k8s.aliyun.com/pod-with-eip': \"true\"", "'k8s.aliyun.com/eci-with-eip': \"true\""],
  ])('keeps %s quotes around the key', (_style, written, expectedLine) => {
    const text = withTemplate('    metadata:', '      annotations:', `        ${written}`, '    spec: {}');
    const out = check(text, (w) => w.editor.renameKey(w.pod!.annotations[0], 'k8s.aliyun.com/eci-with-eip'), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
      touched: [8],
    });
    expect(out.split('\n')[7]).toBe(`        ${expectedLine}`);
  });

  test('renames inside a flow map', () => {
    const text = withTemplate('    metadata:', '      annotations: {a: "1", k8s.aliyun.com/eip-charge-type: PayByTraffic}', '    spec: {}');
    const out = check(text, (w) => w.editor.renameKey(w.pod!.annotations[1], 'k8s.aliyun.com/eip-internet-charge-type'), {
      annotations: { a: '1', 'k8s.aliyun.com/eip-internet-charge-type': 'PayByTraffic' },
      touched: [7],
    });
    expect(out.split('\n')[6]).toBe('      annotations: {a: "1", k8s.aliyun.com/eip-internet-charge-type: PayByTraffic}');
  });
});

describe('removeEntry', () => {
  test.each(layouts(DEPLOYMENT))('removes the first, middle or last line of a block map, comments kept (%s)', (_layout, text) => {
    const remove = (key: string) => (w: Workload) => w.editor.removeEntry(entry(w.pod?.annotations, key));
    const first = check(text, remove('k8s.aliyun.com/eip-bandwidth'), {
      annotations: { 'k8s.aliyun.com/eip-isp': 'BGP', 'prometheus.io/scrape': 'true' },
      touched: [18],
    });
    expect(first.split(/\r?\n/)).toHaveLength(text.split(/\r?\n/).length - 1);
    expect(first).toContain('# bandwidth in Mbit/s');
    check(text, remove('k8s.aliyun.com/eip-isp'), {
      annotations: { 'k8s.aliyun.com/eip-bandwidth': '10', 'prometheus.io/scrape': 'true' },
      touched: [19],
    });
    check(text, remove('prometheus.io/scrape'), {
      annotations: { 'k8s.aliyun.com/eip-bandwidth': '10', 'k8s.aliyun.com/eip-isp': 'BGP' },
      touched: [20],
    });
  });

  test('removing the exact line of a block map entry, nothing else', () => {
    const w = onlyWorkload(DEPLOYMENT);
    const edits = w.editor.removeEntry(entry(w.pod?.annotations, 'k8s.aliyun.com/eip-isp'))!;
    expect(edits).toEqual([
      {
        file: 'test.yaml',
        start: DEPLOYMENT.indexOf('        k8s.aliyun.com/eip-isp'),
        end: DEPLOYMENT.indexOf('        prometheus.io'),
        newText: '',
      },
    ]);
  });

  test.each(layouts(withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eip-isp: BGP', '      labels:', '        app: d', '    spec: {}')))(
    'the only entry of a block map: the emptied map goes with its key (%s)',
    (_layout, text) => {
      const out = check(text, (w) => w.editor.removeEntry(w.pod!.annotations[0]), { annotations: {}, touched: [7, 8] });
      expect(out.split(/\r?\n/)[6].trim()).toBe('labels:');
      expect(out).not.toContain('annotations');
      expect(onlyWorkload(out).pod!.labels.map((l) => l.key)).toEqual(['app']);
    },
  );

  test('the only entry of a block map leaves `{}` and keeps a comment line above the entry', () => {
    const text = withTemplate('    metadata:', '      annotations: # egress', '        # APNs and FCM are on the internet', '        a: "1"', '    spec: {}');
    const out = check(text, (w) => w.editor.removeEntry(entry(w.pod?.annotations, 'a')), { annotations: {}, touched: [7, 9] });
    expect(out).toBe(withTemplate('    metadata:', '      annotations: {} # egress', '        # APNs and FCM are on the internet', '    spec: {}'));
  });

  test('a multi-line value goes with its entry', () => {
    const text = withTemplate('    metadata:', '      annotations:', '        a: |', '          line 1', '          line 2', '        b: x', '    spec: {}');
    const out = check(text, (w) => w.editor.removeEntry(entry(w.pod?.annotations, 'a')), { annotations: { b: 'x' }, touched: [8, 9, 10] });
    expect(out).toBe(withTemplate('    metadata:', '      annotations:', '        b: x', '    spec: {}'));
  });

  const flow = (map: string) => withTemplate('    metadata:', `      annotations: ${map}`, '    spec: {}');

  test.each([
    ['first', 'a', '{b: "2", c: "3"}', { b: '2', c: '3' }],
    ['middle', 'b', '{a: "1", c: "3"}', { a: '1', c: '3' }],
    ['last', 'c', '{a: "1", b: "2"}', { a: '1', b: '2' }],
  ])('removes the %s entry of a flow map', (_position, key, expectedMap, annotations) => {
    const text = flow('{a: "1", b: "2", c: "3"}');
    const out = check(text, (w) => w.editor.removeEntry(entry(w.pod?.annotations, key)), { annotations, touched: [7] });
    expect(out).toBe(flow(expectedMap));
  });

  test('the only entry of a flow map: the emptied map goes with its key', () => {
    const out = check(flow('{ k8s.aliyun.com/eci-with-eip: "true" }'), (w) => w.editor.removeEntry(w.pod!.annotations[0]), {
      annotations: {},
      touched: [6, 7],
    });
    // The pod template's metadata is left with nothing: it goes too.
    expect(out).toBe(withTemplate('    spec: {}'));
  });

  test('a map that was empty before is never touched; only the map the fix empties goes', () => {
    const text = withTemplate('    metadata:', '      labels: {}', '      annotations: {a: "1", b: "2"}', '    spec: {}');
    const out = check(text, (w) => w.editor.removeEntries(w.pod!.annotations), { annotations: {}, touched: [8] });
    expect(out).toBe(withTemplate('    metadata:', '      labels: {}', '    spec: {}'));
  });

  test('removing some entries of a map leaves the map', () => {
    const text = withTemplate('    metadata:', '      annotations:', '        a: "1"', '        b: "2"', '        c: "3"', '    spec: {}');
    const out = check(text, (w) => w.editor.removeEntries(w.pod!.annotations.filter((a) => a.key !== 'b')), {
      annotations: { b: '2' },
      touched: [8, 10],
    });
    expect(out).toBe(withTemplate('    metadata:', '      annotations:', '        b: "2"', '    spec: {}'));
  });

  test('an emptied flow map with a comment on its line keeps the key and the comment, as {}', () => {
    const text = withTemplate('    metadata:', '      annotations: {a: "1"} # set by the release tool', '      labels: {app: d}', '    spec: {}');
    const out = check(text, (w) => w.editor.removeEntries(w.pod!.annotations), { annotations: {}, touched: [7] });
    expect(out).toBe(withTemplate('    metadata:', '      annotations: {} # set by the release tool', '      labels: {app: d}', '    spec: {}'));
  });

  test('a flow map over several lines keeps its other lines', () => {
    const text = withTemplate('    metadata:', '      annotations: {', '        a: "1",', '        b: "2"', '      }', '    spec: {}');
    check(text, (w) => w.editor.removeEntry(entry(w.pod?.annotations, 'a')), { annotations: { b: '2' }, touched: [8, 9] });
    check(text, (w) => w.editor.removeEntry(entry(w.pod?.annotations, 'b')), { annotations: { a: '1' }, touched: [8, 9] });
  });
});

describe('addPodAnnotation', () => {
  const add = (w: Workload) => w.editor.addPodAnnotation('k8s.aliyun.com/eci-with-eip', 'true');
  const EIP = { 'k8s.aliyun.com/eci-with-eip': 'true' };

  test.each(layouts(DEPLOYMENT))('to an existing block annotations map: a new line after the last entry, same indentation (%s)', (layout, text) => {
    const out = check(text, add, { annotations: { ...EIP, ...BASE }, touched: [] });
    const unit = layout.startsWith('indent 4') ? '    ' : '  ';
    const lines = out.split(/\r?\n/);
    expect(lines[19]).toBe(`${unit.repeat(4)}prometheus.io/scrape: "true"`);
    expect(lines[20]).toBe(`${unit.repeat(4)}k8s.aliyun.com/eci-with-eip: "true"`);
    expect(lines[21]).toBe(`${unit.repeat(2)}spec:`);
    expect(lines.slice(16, 18)).toEqual([`${unit.repeat(4)}# bandwidth in Mbit/s`, `${unit.repeat(4)}k8s.aliyun.com/eip-bandwidth: 10`]);
  });

  test('to an existing flow annotations map, and to an empty one', () => {
    const flow = (map: string) => withTemplate('    metadata:', `      annotations: ${map}`, '    spec: {}');
    expect(check(flow('{a: "1"}'), add, { annotations: { ...EIP, a: '1' }, touched: [7] })).toBe(
      flow('{k8s.aliyun.com/eci-with-eip: "true", a: "1"}'),
    );
    expect(check(flow('{}'), add, { annotations: EIP, touched: [7] })).toBe(flow('{k8s.aliyun.com/eci-with-eip: "true"}'));
  });

  test.each(layouts(withTemplate('    metadata:', '      annotations:', '      labels:', '        app: d', '    spec: {}')))(
    'under an empty `annotations:` (%s)',
    (layout, text) => {
      const out = check(text, add, { annotations: EIP, touched: [7] });
      const unit = layout.startsWith('indent 4') ? '    ' : '  ';
      expect(out.split(/\r?\n/).slice(6, 9)).toEqual([
        `${unit.repeat(3)}annotations:`,
        `${unit.repeat(4)}k8s.aliyun.com/eci-with-eip: "true"`,
        `${unit.repeat(3)}labels:`,
      ]);
    },
  );

  test.each([
    ['annotations: ~', '      annotations:'],
    ['annotations: null # none yet', '      annotations: # none yet'],
  ])('under a written null `%s`, which goes', (written, expectedLine) => {
    const text = withTemplate('    metadata:', `      ${written}`, '    spec: {}');
    const out = check(text, add, { annotations: EIP, touched: [7] });
    expect(out).toBe(withTemplate('    metadata:', expectedLine, '        k8s.aliyun.com/eci-with-eip: "true"', '    spec: {}'));
  });

  test.each(layouts(withTemplate('    metadata:', '      # labels first', '      labels:', '        app: d', '    spec: {}')))(
    'to block metadata without annotations: after its last entry (%s)',
    (layout, text) => {
      const out = check(text, add, { annotations: EIP, touched: [] });
      const unit = layout.startsWith('indent 4') ? '    ' : '  ';
      expect(out.split(/\r?\n/).slice(5, 12)).toEqual([
        `${unit.repeat(2)}metadata:`,
        `${unit.repeat(3)}# labels first`,
        `${unit.repeat(3)}labels:`,
        `${unit.repeat(4)}app: d`,
        `${unit.repeat(3)}annotations:`,
        `${unit.repeat(4)}k8s.aliyun.com/eci-with-eip: "true"`,
        `${unit.repeat(2)}spec: {}`,
      ]);
    },
  );

  test('to flow metadata without annotations', () => {
    const text = withTemplate('    metadata: {labels: {app: d}}', '    spec: {}');
    expect(check(text, add, { annotations: EIP, touched: [6] })).toBe(
      withTemplate('    metadata: {annotations: {k8s.aliyun.com/eci-with-eip: "true"}, labels: {app: d}}', '    spec: {}'),
    );
  });

  test('under an empty `metadata:` or `metadata: ~`', () => {
    for (const written of ['    metadata:', '    metadata: ~']) {
      const text = withTemplate(written, '    spec: {}');
      expect(check(text, add, { annotations: EIP, touched: [6] })).toBe(
        withTemplate('    metadata:', '      annotations:', '        k8s.aliyun.com/eci-with-eip: "true"', '    spec: {}'),
      );
    }
  });

  test.each(layouts(withTemplate('    spec:', '      containers: [{name: a, image: nginx}]')))(
    'when the template has no metadata: metadata and annotations are created in the file\'s indentation (%s)',
    (layout, text) => {
      const out = check(text, add, { annotations: EIP, touched: [] });
      const unit = layout.startsWith('indent 4') ? '    ' : '  ';
      expect(out.split(/\r?\n/).slice(4, 9)).toEqual([
        `${unit}template:`,
        `${unit.repeat(2)}metadata:`,
        `${unit.repeat(3)}annotations:`,
        `${unit.repeat(4)}k8s.aliyun.com/eci-with-eip: "true"`,
        `${unit.repeat(2)}spec:`,
      ]);
    },
  );

  test('when the template is a flow map without metadata', () => {
    const text = withTemplate('    {spec: {containers: []}}').replace('  template:\n    {', '  template: {').replace('}}\n', '}}\n');
    expect(text).toBe('kind: Deployment\nmetadata:\n  name: d\nspec:\n  template: {spec: {containers: []}}\n');
    expect(check(text, add, { annotations: EIP, touched: [5] })).toBe(
      'kind: Deployment\nmetadata:\n  name: d\nspec:\n  template: {metadata: {annotations: {k8s.aliyun.com/eci-with-eip: "true"}}, spec: {containers: []}}\n',
    );
  });

  test.each(layouts('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: p\nspec:\n  containers: [{name: a, image: nginx}]\n'))(
    'to a bare Pod: its own metadata (%s)',
    (_layout, text) => {
      check(text, add, { annotations: EIP, touched: [] });
    },
  );

  test('to a bare Pod without metadata, and without a final line break', () => {
    const text = 'kind: Pod\nspec:\n  containers: []';
    expect(check(text, add, { annotations: EIP, touched: [] })).toBe(
      'metadata:\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\nkind: Pod\nspec:\n  containers: []',
    );
  });

  test('to a Pod that is an item of a List (its first key shares the line with `- `)', () => {
    const text = 'kind: List\nitems:\n- kind: Pod\n  spec:\n    containers: []\n- kind: Service\n  metadata: {name: s}\n';
    const result = read(text);
    const out = applyEdits(text, add(result.workloads[0])!);
    expect(yamlErrors(out)).toEqual([]);
    expect(out).toBe(
      'kind: List\nitems:\n- kind: Pod\n  spec:\n    containers: []\n  metadata:\n    annotations:\n      k8s.aliyun.com/eci-with-eip: "true"\n- kind: Service\n  metadata: {name: s}\n',
    );
  });

  test('the edit lands in the right document of a multi-document file', () => {
    const first = 'kind: Service\nmetadata:\n  name: s\n';
    const text = `${first}---\n${withTemplate('    spec: {}')}`;
    const w = read(text).workloads[0];
    const out = applyEdits(text, add(w)!);
    expect(out.startsWith(`${first}---\n`)).toBe(true);
    expect(read(out).workloads[0].pod!.annotations.map((a) => [a.key, a.value])).toEqual([['k8s.aliyun.com/eci-with-eip', 'true']]);
  });

  test('refuses when annotations is not a map, and for objects without pods', () => {
    for (const written of ['annotations: []', 'annotations: "text"']) {
      const w = onlyWorkload(withTemplate('    metadata:', `      ${written}`, '    spec: {}'));
      expect(add(w)).toBeUndefined();
    }
    const service = onlyWorkload('kind: Service\nmetadata:\n  name: s\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n');
    expect(add(service)).toBeUndefined();
    expect(service.editor.moveToPodAnnotations(service.objectMetadata[0].annotations[0])).toBeUndefined();
  });
});

describe('moveToPodAnnotations', () => {
  test.each(layouts(DEPLOYMENT))('from the controller metadata to the pod template (%s)', (_layout, text) => {
    const out = check(text, (w) => w.editor.moveToPodAnnotations(entry(w.objectMetadata[0].annotations, 'k8s.aliyun.com/eci-with-eip')), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true', ...BASE },
      touched: [7],
    });
    expect(onlyWorkload(out).objectMetadata[0].annotations.map((a) => [a.key, a.value])).toEqual([['team', 'shop']]);
    expect(out).toContain('# the EIP was put here by mistake');
  });

  test('the only controller annotation: its emptied map goes with its key; an unquoted value is quoted on the way', () => {
    const text = [
      'kind: Deployment',
      'metadata:',
      '  name: d',
      '  annotations:',
      '    k8s.aliyun.com/eci-with-eip: true',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels: {app: d}',
      '    spec: {}',
      '',
    ].join('\n');
    const out = check(text, (w) => w.editor.moveToPodAnnotations(w.objectMetadata[0].annotations[0]), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
      touched: [4, 5],
    });
    expect(out).toBe(
      [
        'kind: Deployment',
        'metadata:',
        '  name: d',
        'spec:',
        '  template:',
        '    metadata:',
        '      labels: {app: d}',
        '      annotations:',
        '        k8s.aliyun.com/eci-with-eip: "true"',
        '    spec: {}',
        '',
      ].join('\n'),
    );
    expect(onlyWorkload(out).pod!.annotations[0].valueType).toBe('string');
  });

  const CRONJOB = [
    'apiVersion: batch/v1', //                          1
    'kind: CronJob', //                                 2
    'metadata:', //                                     3
    '  name: nightly', //                               4
    'spec:', //                                         5
    '  schedule: "0 3 * * *"', //                       6
    '  jobTemplate:', //                                7
    '    metadata:', //                                 8
    '      annotations:', //                            9
    '        k8s.aliyun.com/eci-with-eip: "true"', //   10
    '        k8s.aliyun.com/eip-bandwidth: "20"', //    11
    '    spec:', //                                     12
    '      template:', //                               13
    '        spec:', //                                 14
    '          restartPolicy: OnFailure', //            15
    '          containers: [{name: job, image: alpine}]', // 16
    '',
  ].join('\n');

  test.each(layouts(CRONJOB))('from a CronJob\'s jobTemplate metadata to its pod template (%s)', (_layout, text) => {
    const out = check(text, (w) => w.editor.moveToPodAnnotations(entry(w.objectMetadata[1].annotations, 'k8s.aliyun.com/eci-with-eip')), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
      touched: [10],
    });
    const moved = onlyWorkload(out);
    expect(moved.objectMetadata[1].annotations.map((a) => a.key)).toEqual(['k8s.aliyun.com/eip-bandwidth']);
    expect(moved.pod!.path).toBe('spec.jobTemplate.spec.template.metadata');
  });

  test('two moves from the same map, applied one after the other (re-reading in between)', () => {
    let text = CRONJOB;
    for (let i = 0; i < 2; i++) {
      const current = onlyWorkload(text);
      text = applyEdits(text, current.editor.moveToPodAnnotations(current.objectMetadata[1].annotations[0])!);
      expect(yamlErrors(text)).toEqual([]);
    }
    expect(podAnnotations(text)).toEqual({ 'k8s.aliyun.com/eci-with-eip': 'true', 'k8s.aliyun.com/eip-bandwidth': '20' });
    expect(onlyWorkload(text).objectMetadata[1].annotations).toEqual([]);
  });

  test.each(layouts(withTemplate('    metadata:', '      labels:', '        app: d', '        k8s.aliyun.com/eci-with-eip: "true"', '    spec: {}')))(
    'from the pod labels to the pod annotations (%s)',
    (_layout, text) => {
      const out = check(text, (w) => w.editor.moveToPodAnnotations(entry(w.pod?.labels, 'k8s.aliyun.com/eci-with-eip')), {
        annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
        touched: [9],
      });
      expect(onlyWorkload(out).pod!.labels.map((l) => [l.key, l.value])).toEqual([['app', 'd']]);
    },
  );

  test('from flow pod labels, the only entry, to new flow annotations', () => {
    const text = withTemplate('    metadata: {labels: {k8s.aliyun.com/eci-with-eip: "true"}}', '    spec: {}');
    const out = check(text, (w) => w.editor.moveToPodAnnotations(w.pod!.labels[0]), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' },
      touched: [6],
    });
    expect(out).toBe(withTemplate('    metadata: {annotations: {k8s.aliyun.com/eci-with-eip: "true"}, labels: {}}', '    spec: {}'));
  });

  test('into a bare Pod\'s annotations from its labels', () => {
    const text = 'kind: Pod\nmetadata:\n  name: p\n  labels:\n    k8s.aliyun.com/eci-with-eip: "true"\n  annotations:\n    a: b\n';
    const out = check(text, (w) => w.editor.moveToPodAnnotations(w.pod!.labels[0]), {
      annotations: { 'k8s.aliyun.com/eci-with-eip': 'true', a: 'b' },
      touched: [4, 5],
    });
    expect(out).toBe('kind: Pod\nmetadata:\n  name: p\n  annotations:\n    a: b\n    k8s.aliyun.com/eci-with-eip: "true"\n');
  });
});
