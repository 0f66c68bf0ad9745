/** new-only: the findings a base does not have, and the count of those hidden; through the whole engine too. */
import type { Finding } from '../../src/model/index.js';
import { lintSources } from '../../src/engine/index.js';
import { keepNewOnly } from '../../src/engine/new-only.js';
import { LineIndex } from '../../src/readers/line-index.js';
import { makeConfig } from '../helpers/lint.js';

const finding = (message: string, line = 1): Finding => ({ ruleId: 'eip-missing', severity: 'error', message, file: 'a.yaml', span: { ...new LineIndex('').span(0), line } });

describe('keepNewOnly', () => {
  it('keeps what the base lacks and counts what it hides; matching counts, positions do not', () => {
    const head = [finding('old', 7), finding('old', 9), finding('new')];
    const { findings, hidden } = keepNewOnly(head, [finding('old', 1)]);
    expect(findings).toEqual([head[1], head[2]]);
    expect(hidden).toBe(1);
  });

  it('without base findings, hides nothing', () => {
    expect(keepNewOnly([finding('a')], [])).toEqual({ findings: [finding('a')], hidden: 0 });
  });
});

describe('newOnly in a scan with a base', () => {
  const pod = (name: string, eip: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  annotations:\n    k8s.aliyun.com/eci-with-eip: ${eip}\nspec: {}\n`;
  const head = [{ path: 'k8s/a.yaml', text: pod('a', 'yes') + '---\n' + pod('b', 'on') }];
  const base = [{ path: 'k8s/a.yaml', text: pod('a', 'yes') }];

  it('reports only the new finding, and the base result says how many were hidden', () => {
    const result = lintSources(head, { config: makeConfig(), base, newOnly: true });
    expect(result.findings.map((f) => f.workload?.name)).toEqual(['b']);
    expect(result.base).toEqual({ findings: [expect.objectContaining({ ruleId: 'eip-not-string' })], hidden: 1 });
  });

  it('without newOnly every finding is reported and none hidden; without a base there is no base result', () => {
    expect(lintSources(head, { config: makeConfig(), base }).findings).toHaveLength(2);
    expect(lintSources(head, { config: makeConfig(), base }).base?.hidden).toBe(0);
    const alone = lintSources(head, { config: makeConfig(), newOnly: true });
    expect(alone.findings).toHaveLength(2);
    expect(alone.base).toBeUndefined();
  });
});
