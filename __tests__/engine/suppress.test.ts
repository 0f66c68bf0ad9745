/**
 * The suppression stage alone: which of a comment, the workload's ignore annotation and a config `ignore:` entry
 * suppresses a finding when several could, and what `inlineIgnores: false` leaves.
 */
import type { Config, Finding, Workload } from '../../src/model/index.js';
import { findSuppression, separateSuppressed } from '../../src/engine/suppress.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import { LineIndex } from '../../src/readers/line-index.js';
import { commentIgnores } from '../../src/suppress/comments.js';
import { makeConfig } from '../helpers/lint.js';

const TEXT = [
  '# eci-egress-lint ignore eip-not-string -- the comment',
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: a',
  '  annotations:',
  '    eci-egress-lint/ignore: "eip-not-string,eip-misplaced -- the annotation"',
  '    k8s.aliyun.com/eci-with-eip: true',
  'spec: {}',
  '',
].join('\n');

const workload: Workload = readKubernetesYaml('k8s/a.yaml', TEXT).workloads[0];
const comments = commentIgnores(TEXT);

/** A finding of `ruleId` on `line` of k8s/a.yaml. */
function finding(ruleId: string, line: number, file = 'k8s/a.yaml'): Finding {
  return { ruleId, severity: 'error', message: 'm', file, span: { ...new LineIndex('').span(0), line, endLine: line } };
}

const everyIgnore = (overrides: Partial<Config> = {}) =>
  makeConfig({ ignore: [{ rule: '*', path: 'k8s/**', reason: 'the config' }], ...overrides });

describe('findSuppression: the first that applies wins, comment > annotation > config', () => {
  it('a comment on the line above beats the annotation and the config entry', () => {
    expect(findSuppression(finding('eip-not-string', 2), everyIgnore(), comments, workload)).toEqual({ reason: 'the comment', source: 'comment' });
  });

  it('where the comment does not reach (two lines down, or another rule), the annotation wins over the config', () => {
    expect(findSuppression(finding('eip-not-string', 8), everyIgnore(), comments, workload)).toEqual({ reason: 'the annotation', source: 'annotation' });
    expect(findSuppression(finding('eip-misplaced', 2), everyIgnore(), comments, workload)).toEqual({ reason: 'the annotation', source: 'annotation' });
  });

  it('a rule neither the comment nor the annotation names: the config entry', () => {
    expect(findSuppression(finding('eip-missing', 2), everyIgnore(), comments, workload)).toEqual({ reason: 'the config', source: 'config' });
  });

  it('with inlineIgnores off, comments and annotations do nothing; the config still applies', () => {
    const config = everyIgnore({ inlineIgnores: false });
    expect(findSuppression(finding('eip-not-string', 2), config, comments, workload)).toEqual({ reason: 'the config', source: 'config' });
  });

  it('a config entry for another rule or another path does not apply; nothing else: no suppression', () => {
    const config = makeConfig({ ignore: [{ rule: 'eip-missing', reason: 'x' }, { rule: '*', path: 'infra/**', reason: 'y' }] });
    expect(findSuppression(finding('eip-not-string', 5), config, [], undefined)).toBeUndefined();
    expect(findSuppression(finding('eip-missing', 5), config, [], undefined)).toEqual({ reason: 'x', source: 'config' });
  });

  it('an empty reason is recorded as "(no reason given)"', () => {
    const config = makeConfig({ ignore: [{ rule: 'eip-missing', reason: '' }] });
    expect(findSuppression(finding('eip-missing', 5), config, [], undefined)).toEqual({ reason: '(no reason given)', source: 'config' });
  });
});

describe('separateSuppressed', () => {
  it('splits the findings, in their order, looking up comments by file and the annotation by owner', () => {
    const onA = finding('eip-not-string', 2);
    const owned = finding('eip-misplaced', 8);
    const unowned = finding('eip-misplaced', 8);
    const elsewhere = finding('eip-not-string', 2, 'k8s/b.yaml');
    const { reported, suppressed } = separateSuppressed([onA, owned, unowned, elsewhere], makeConfig(), {
      comments: new Map([['k8s/a.yaml', comments]]),
      owners: new Map([[owned, workload]]),
    });
    expect(reported).toEqual([unowned, elsewhere]);
    expect(suppressed).toEqual([
      { finding: onA, reason: 'the comment', source: 'comment' },
      { finding: owned, reason: 'the annotation', source: 'annotation' },
    ]);
  });
});
