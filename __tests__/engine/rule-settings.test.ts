/** The config's `rules:` settings, applied to the findings of every stage; through the whole engine too. */
import type { Finding } from '../../src/model/index.js';
import { applyRuleSettings } from '../../src/engine/rule-settings.js';
import { LineIndex } from '../../src/readers/line-index.js';
import { lintFiles } from '../helpers/lint.js';

const finding = (ruleId: string, severity: Finding['severity'] = 'error'): Finding => ({ ruleId, severity, message: ruleId, file: 'a.yaml', span: new LineIndex('').span(0) });

describe('applyRuleSettings', () => {
  it('drops the findings of a rule set to off, replaces the severity of a rule given one, leaves the others', () => {
    const kept = applyRuleSettings([finding('eip-missing'), finding('eip-not-string'), finding('eip-misplaced', 'warning')], {
      'eip-missing': 'off',
      'eip-not-string': 'notice',
    });
    expect(kept.map((f) => [f.ruleId, f.severity])).toEqual([
      ['eip-not-string', 'notice'],
      ['eip-misplaced', 'warning'],
    ]);
  });
});

describe('the rule settings in a scan', () => {
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    k8s.aliyun.com/eci-with-eip: yes\nspec: {}\n';

  it('the notices of the read stage obey them too: skipped-file off hides a skipped file, parse-error as warning', () => {
    const files = [
      { path: 'k8s/big.yaml', skip: 'too big' },
      { path: 'k8s/broken.yaml', text: 'kind: Pod\nmetadata: {name: [\n' },
      { path: 'k8s/a.yaml', text: POD },
    ];
    const result = lintFiles(files, { rules: { 'skipped-file': 'off', 'parse-error': 'warning', 'eip-not-string': 'notice' } });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([
      ['k8s/a.yaml', 'eip-not-string', 'notice'],
      ['k8s/broken.yaml', 'parse-error', 'warning'],
    ]);
    expect(result.suppressed).toEqual([]);
  });
});
