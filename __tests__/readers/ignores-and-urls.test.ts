import type { MapEntry, MetadataBlock, Span, ValueType } from '../../src/model/index.js';
import { ignoresIn, IGNORE_ANNOTATION, parseIgnoreValue } from '../../src/readers/ignores.js';
import { urlsIn } from '../../src/readers/urls.js';

const at = (line: number): Span => ({ offset: line, endOffset: line, line, column: 1, endLine: line, endColumn: 1 });
const entry = (key: string, value: string, line: number, valueType: ValueType = 'string'): MapEntry => ({
  key,
  keySpan: at(line),
  value,
  valueType,
  valueSpan: at(line),
  span: at(line),
});
const level = (annotations: MapEntry[], labels: MapEntry[] = []): MetadataBlock => ({
  level: 'object',
  path: 'metadata',
  annotations,
  labels,
  span: at(1),
  annotationsValid: true,
  labelsValid: true,
});

describe('parseIgnoreValue', () => {
  test.each([
    ['eip-missing', { rules: ['eip-missing'], reason: '' }],
    ['eip-missing, eip-redundant -- egress through the proxy', { rules: ['eip-missing', 'eip-redundant'], reason: 'egress through the proxy' }],
    ['eip-missing -- a reason -- with dashes', { rules: ['eip-missing'], reason: 'a reason -- with dashes' }],
    [' , ,eip-unexpected,', { rules: ['eip-unexpected'], reason: '' }],
    ['', { rules: [], reason: '' }],
  ])('%j', (value, parsed) => {
    expect(parseIgnoreValue(value)).toEqual(parsed);
  });
});

describe('ignoresIn', () => {
  test('the ignore annotations of every level, in order, with their spans; labels and other keys are not ignores', () => {
    const pod = level([entry(IGNORE_ANNOTATION, 'eip-redundant -- reviewed', 7)]);
    const object = level([entry('team', 'shop', 2), entry(IGNORE_ANNOTATION, 'eip-missing', 3)], [entry(IGNORE_ANNOTATION, 'eip-unexpected', 4)]);
    expect(ignoresIn([pod, undefined, object])).toEqual([
      { rules: ['eip-redundant'], reason: 'reviewed', span: at(7) },
      { rules: ['eip-missing'], reason: '', span: at(3) },
    ]);
  });

  test('`accept` leaves entries out (a Terraform value that does not resolve)', () => {
    const blocks = [level([entry(IGNORE_ANNOTATION, '', 3, 'unknown'), entry(IGNORE_ANNOTATION, 'eip-missing', 4)])];
    expect(ignoresIn(blocks, (a) => a.valueType === 'string')).toEqual([{ rules: ['eip-missing'], reason: '', span: at(4) }]);
    expect(ignoresIn(blocks)).toHaveLength(2);
  });
});

describe('urlsIn', () => {
  test('every http(s) URL, whatever the case of the scheme, up to a space, quote or angle bracket', () => {
    expect(urlsIn('curl -s HTTPS://api.example.com/v1?x=1 "http://b.example.org/" <https://c.example.net>')).toEqual([
      'HTTPS://api.example.com/v1?x=1',
      'http://b.example.org/',
      'https://c.example.net',
    ]);
  });

  test('no URL: text without `://`, or another scheme', () => {
    expect(urlsIn('api.example.com')).toEqual([]);
    expect(urlsIn('ftp://files.example.com redis://cache:6379')).toEqual([]);
  });
});
