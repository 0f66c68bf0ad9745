import { decodeText } from '../../src/files/read.js';
import { at, crlf, read } from './helpers.js';

const deployment = (name: string) => `kind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec: {}\n`;
const names = (text: string, everyDocument = false) => read(text, 'bad.yaml', everyDocument).workloads.map((w) => w.name);

describe('YAML syntax errors', () => {
  // Line 1–6: deployment a; 7: ---; 8–15: the broken document; 16: ---; 17–22: deployment c.
  const brokenDeployment = [
    deployment('a') + '---',
    'kind: Deployment',
    'metadata:',
    '  name: broken',
    '  annotations:',
    '    k8s.aliyun.com/eci-with-eip: "true": extra',
    'spec:',
    '  template:',
    '    spec: {}',
    '---',
    deployment('c'),
  ].join('\n');

  test.each([false, true])('a broken Deployment is a parse-error at its line; the other documents are read (everyDocument: %s)', (every) => {
    const result = read(brokenDeployment, 'bad.yaml', every);
    expect(result.workloads.map((w) => w.name)).toEqual(['a', 'c']);
    expect(result.problems).toEqual([
      {
        ruleId: 'parse-error',
        message: 'YAML syntax error: Nested mappings are not allowed in compact mappings. This document is not checked; the others are.',
        span: expect.objectContaining({ line: 12, column: 34, endLine: 12, endColumn: 35 }),
      },
    ]);
  });

  test.each([false, true])('a broken Service (a kind the quick check would skip) is reported too (everyDocument: %s)', (every) => {
    const text = `${deployment('a')}---\nkind: Service\nmetadata:\n  name: s\n  labels:\n    app: web: x\n---\n${deployment('c')}`;
    const result = read(text, 'bad.yaml', every);
    expect(result.workloads.map((w) => w.name)).toEqual(['a', 'c']);
    expect(result.problems.map((p) => [p.ruleId, p.message, at(p.span)])).toEqual([
      [
        'parse-error',
        'YAML syntax error: Nested mappings are not allowed in compact mappings. This document is not checked; the others are.',
        [12, 10, 12, 11],
      ],
    ]);
  });

  test('an unclosed flow sequence is reported where yaml notices it: the next document marker', () => {
    const text = `${deployment('a')}---\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [80\n---\n${deployment('c')}`;
    const result = read(text);
    expect(names(text)).toEqual(['a', 'c']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].message).toMatch(/^YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a \]/);
    expect(at(result.problems[0].span)).toEqual([13, 1, 13, 2]);
  });

  test('tabs as indentation are a parse-error at the tab', () => {
    const result = read(`kind: Service\nmetadata:\n\tname: s\n---\n${deployment('c')}`);
    expect(result.problems.map((p) => [p.message, at(p.span)])).toEqual([
      ['YAML syntax error: Tabs are not allowed as indentation. This document is not checked; the others are.', [3, 1, 3, 2]],
    ]);
    expect(result.workloads.map((w) => w.name)).toEqual(['c']);
  });

  test.each([
    ['Deployment', 'kind: Deployment\nmetadata:\n  name: a\n  name: b\nspec:\n  template:\n    spec: {}\n'],
    ['Service', 'kind: Service\nmetadata:\n  name: a\n  name: b\n'],
  ])('duplicate keys in a %s are a parse-error at the second key', (_kind, text) => {
    const result = read(text);
    expect(result.workloads).toEqual([]);
    expect(result.problems.map((p) => [p.ruleId, p.message, at(p.span)])).toEqual([
      ['parse-error', 'YAML syntax error: Map keys must be unique. This document is not checked; the others are.', [4, 3, 4, 4]],
    ]);
  });

  test('an alias without its anchor is a parse-error at the alias', () => {
    const result = read(`kind: Service\nmetadata:\n  name: *nope\n---\n${deployment('c')}`);
    expect(result.problems.map((p) => [p.message, at(p.span)])).toEqual([
      [
        'YAML syntax error: Unresolved alias (the anchor must be set before the alias): nope. This document is not checked; the others are.',
        [3, 9, 3, 9],
      ],
    ]);
    expect(result.workloads.map((w) => w.name)).toEqual(['c']);
  });

  test('CRLF line endings keep the error column', () => {
    const result = read(crlf(`${deployment('a')}---\nkind: Service\nmetadata:\n  name: s\n  labels:\n    app: web: x\n`));
    expect(at(result.problems[0].span)).toEqual([12, 10, 12, 11]);
  });
});

describe('templates', () => {
  test('an unquoted Helm expression makes the file skipped, naming the line', () => {
    const text = `${deployment('a')}  replicas: {{ .Values.replicas }}\n`;
    const result = read(text);
    expect(result.skipped).toBe('a template (Helm or Jinja markers outside quotes at line 7); render it and lint the output');
    expect([result.workloads, result.problems]).toEqual([[], []]);
  });

  test('Jinja blocks make the file skipped', () => {
    expect(read(`{% if eip %}\n${deployment('a')}{% endif %}\n`).skipped).toMatch(/at line 1\)/);
  });

  test('`{{ }}` inside quotes or in a comment is plain YAML', () => {
    const text = [
      '# {{ a comment is not a template }}',
      'kind: Deployment',
      'metadata:',
      '  name: "{{ .Values.name }}"',
      "  labels: {chart: '{{ .Chart.Name }}', note: \"it's {{ x }}\"}",
      'spec:',
      '  template:',
      '    spec: {}',
      '',
    ].join('\n');
    const result = read(text);
    expect(result.skipped).toBeUndefined();
    expect(result.workloads.map((w) => w.name)).toEqual(['{{ .Values.name }}']);
  });
});

describe('alias bombs', () => {
  // The classic "billion laughs": 9 levels of 9 aliases each, 9^9 (387 million) strings once expanded.
  const levels = 'abcdefghi'.split('');
  const bomb = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: lol',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...levels.slice(1).map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(',')}]`),
    '',
  ].join('\n');

  test('the bomb is small to write', () => {
    expect(bomb.length).toBeLessThan(1000);
  });

  // Never expanded: the parser's alias limit stops it (speed is the benchmark's business, not a test's).
  test.each([false, true])('is a parse-error at the document start, and other documents are read (everyDocument: %s)', (every) => {
    const text = `${deployment('before')}---\n${bomb}---\n${deployment('after')}`;
    const result = read(text, 'bomb.yaml', every);
    expect(result.workloads.map((w) => w.name)).toEqual(['before', 'after']);
    expect(result.problems.map((p) => [p.ruleId, p.message, at(p.span)])).toEqual([
      ['parse-error', 'This document expands to more than 100 aliases (an alias bomb?); it is not checked.', [7, 1, 7, 1]],
    ]);
  });

  test('in a kind that cannot hold pods it is still found', () => {
    const result = read(bomb.replace('kind: Pod', 'kind: ConfigMap'));
    expect(result.problems.map((p) => p.message)).toEqual([
      'This document expands to more than 100 aliases (an alias bomb?); it is not checked.',
    ]);
  });

  test('a few ordinary aliases are fine', () => {
    const text = 'kind: Deployment\nmetadata:\n  name: d\n  labels: &labels {app: d}\nspec:\n  selector: {matchLabels: *labels}\n  template:\n    metadata:\n      labels: *labels\n    spec: {}\n';
    const result = read(text);
    expect(result.problems).toEqual([]);
    expect(result.workloads[0].pod!.labels.map((l) => [l.key, l.value])).toEqual([['app', 'd']]);
  });
});

describe('documents with nothing to read', () => {
  test.each([
    ['an empty file', ''],
    ['only blank lines', '  \n\n'],
    ['only comments', '# one\n# two\n---\n# three\n'],
    ['only a marker', '---\n'],
    ['a scalar', 'hello\n'],
    ['null', 'null\n'],
    ['a sequence', '- kind: Pod\n  metadata: {name: p}\n'],
    ['a map without kind', 'metadata:\n  name: x\nspec:\n  template:\n    spec: {}\n'],
  ])('%s yields nothing and no problem', (_name, text) => {
    for (const every of [false, true]) {
      const result = read(text, 'x.yaml', every);
      expect(result).toEqual({ workloads: [], namespaces: [], autoscalers: [], profiles: [], natFacts: [], problems: [] });
    }
  });

  test('such documents do not stop the others', () => {
    expect(names(`hello\n---\nnull\n---\n- a\n---\n${deployment('z')}`)).toEqual(['z']);
  });
});

describe('decodeText (files/read.ts)', () => {
  test('a UTF-8 BOM is dropped, so positions start at line 1 column 1', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${deployment('bom')}`);
    expect(bytes.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const outcome = decodeText(bytes);
    if (!('text' in outcome)) throw new Error(outcome.skip);
    expect(outcome.text.charCodeAt(0)).toBe(0x6b); // "k"
    const w = read(outcome.text).workloads[0];
    expect([w.name, at(w.span)]).toEqual(['bom', [1, 1, 1, 5]]);
  });

  test('bytes that are not UTF-8 are a skip reason', () => {
    expect(decodeText(new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]))).toEqual({ skip: 'not UTF-8 text' });
    // Latin-1 "é" alone is not valid UTF-8.
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toEqual({ skip: 'not UTF-8 text' });
  });

  test('a NUL byte is a skip reason (a binary file)', () => {
    expect(decodeText(new Uint8Array([0x6b, 0x00, 0x69]))).toEqual({ skip: 'a binary file (it contains NUL bytes)' });
  });

  test('plain UTF-8, including multi-byte characters, is text', () => {
    expect(decodeText(new TextEncoder().encode('name: café ☕\n'))).toEqual({ text: 'name: café ☕\n' });
  });
});
