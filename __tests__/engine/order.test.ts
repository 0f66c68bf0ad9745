/** The order of the reported findings: file, line, column, rule id; equal findings keep the order they were found in. */
import type { Finding } from '../../src/model/index.js';
import { byPosition, sortByPosition } from '../../src/engine/order.js';
import { LineIndex } from '../../src/readers/line-index.js';

const at = (file: string, line: number, column: number, ruleId: string, message = ''): Finding => ({
  ruleId,
  severity: 'error',
  message,
  file,
  span: { ...new LineIndex('').span(0), line, column },
});

describe('byPosition', () => {
  it('sorts by file, then line, then column, then rule id', () => {
    const findings = [at('b.yaml', 1, 1, 'a'), at('a.yaml', 2, 1, 'a'), at('a.yaml', 1, 5, 'a'), at('a.yaml', 1, 1, 'z'), at('a.yaml', 1, 1, 'b'), at('a.yaml', 10, 1, 'a')];
    expect(findings.sort(byPosition).map((f) => `${f.file}:${f.span.line}:${f.span.column} ${f.ruleId}`)).toEqual([
      'a.yaml:1:1 b',
      'a.yaml:1:1 z',
      'a.yaml:1:5 a',
      'a.yaml:2:1 a',
      'a.yaml:10:1 a',
      'b.yaml:1:1 a',
    ]);
  });
});

describe('sortByPosition', () => {
  it('sorts the reported and the suppressed findings; ties keep the order they came in', () => {
    const reported = [at('b.yaml', 1, 1, 'r', 'second'), at('a.yaml', 1, 1, 'r', 'first'), at('b.yaml', 1, 1, 'r', 'third')];
    const suppressed = [at('z.yaml', 1, 1, 'r'), at('y.yaml', 1, 1, 'r')].map((finding) => ({ finding, reason: '', source: 'config' as const }));
    sortByPosition(reported, suppressed);
    expect(reported.map((f) => f.message)).toEqual(['first', 'second', 'third']);
    expect(suppressed.map((s) => s.finding.file)).toEqual(['y.yaml', 'z.yaml']);
  });
});
