import { textReport, wrap } from '../../src/report/text.js';
import { deployment, lintCost } from '../cost/helpers.js';

describe('wrap', () => {
  it('fills lines up to the width, word by word', () => {
    expect(wrap('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('', 5)).toEqual(['']);
  });

  it('cuts a word longer than a line into pieces', () => {
    expect(wrap('x abcdefghij y', 4)).toEqual(['x', 'abcd', 'efgh', 'ij y']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(wrap('€€€ €€', 6)).toEqual(['€€€ €€']);
  });
});

describe('the text report at a width', () => {
  const long = 'a-very-long-namespace-name-that-goes-on/and-a-workload-name-that-is-just-as-long-as-it';
  const [namespace, name] = long.split('/');
  const result = lintCost({
    'k8s/deep/folder/with/a/long/path/to/the/manifest.yaml': deployment({ name, namespace, replicas: '2' }),
  });

  it.each([60, 80, 100, 140])('no line is wider than %i columns', (width) => {
    const text = textReport(result, { color: false, width });
    const lines = text.split('\n').filter((l) => !l.startsWith('  https://'));
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(width);
  });

  it('a narrow table shortens a long workload name in the middle and keeps the file on its own line', () => {
    const text = textReport(result, { color: false, width: 80 });
    expect(text).toMatch(/\n {2}Deployment a-very…ust-as-long-as-it +2 +PayByTraffic/);
    expect(text).toMatch(/\n {4}k8s\/deep\/folder\/with\/a\/long\/path\/to\/the\/manifest\.yaml:\d+\n/);
  });

  it('a wide terminal has the file beside the workload', () => {
    const text = textReport(result, { color: false, width: 200 });
    expect(text).toMatch(new RegExp(`Deployment ${long} +k8s/deep/folder/with/a/long/path/to/the/manifest\\.yaml:\\d+ +2 `));
  });
});
