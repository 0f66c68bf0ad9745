/** The finding constructors: a rule's report as a finding (severity, fix and its safety), and the notices. */
import { fileFinding, fixIsSafe, problemFinding, toFinding, uncheckedWorkload } from '../../src/engine/findings.js';
import type { Workload } from '../../src/model/index.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import { LineIndex } from '../../src/readers/line-index.js';
import { ruleById } from '../../src/rules/index.js';
import type { RuleMeta, RuleReport } from '../../src/rules/rule.js';

const workload: Workload = readKubernetesYaml('k8s/a.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  namespace: shop\nspec: {}\n').workloads[0];
const span = new LineIndex('x: 1\n').span(3, 4);
const edits = [{ file: 'k8s/a.yaml', start: 3, end: 4, newText: '"1"' }];
const meta = (fix: RuleMeta['fix']): RuleMeta => ({ id: 'r', defaultSeverity: 'error', docs: { description: '', url: '' }, fix, appliesTo: ['kubernetes'] });

describe('toFinding', () => {
  it('a report on a workload: the rule\'s default severity, the workload\'s file and name, the fix with the rule\'s description', () => {
    const finding = toFinding('eip-not-string', workload, { message: 'm', span, edits });
    expect(finding).toEqual({
      ruleId: 'eip-not-string',
      severity: ruleById('eip-not-string')!.meta.defaultSeverity,
      message: 'm',
      file: 'k8s/a.yaml',
      span,
      workload: { kind: 'Pod', name: 'a', namespace: 'shop' },
      fix: { safe: true, description: ruleById('eip-not-string')!.meta.fixDescription, edits },
    });
  });

  it('the report\'s severity and fix description win; no edits, or a rule without fixes: no fix', () => {
    const finding = toFinding('eip-not-string', workload, { message: 'm', span, edits, severity: 'notice', fixDescription: 'd' });
    expect(finding.severity).toBe('notice');
    expect(finding.fix?.description).toBe('d');
    expect(toFinding('eip-not-string', workload, { message: 'm', span, edits: [] }).fix).toBeUndefined();
    expect(toFinding('eip-conflict', workload, { message: 'm', span, edits })).not.toHaveProperty('fix');
  });
});

describe('fixIsSafe', () => {
  const report = (fixSafety?: RuleReport['fixSafety']): RuleReport => ({ message: '', span, ...(fixSafety ? { fixSafety } : {}) });

  it('by the rule\'s meta; a per-finding fix only when the report says safe, never by default', () => {
    expect(fixIsSafe(meta('safe'), report('unsafe'))).toBe(true);
    expect(fixIsSafe(meta('unsafe'), report('safe'))).toBe(false);
    expect(fixIsSafe(meta('per-finding'), report('safe'))).toBe(true);
    expect(fixIsSafe(meta('per-finding'), report('unsafe'))).toBe(false);
    expect(fixIsSafe(meta('per-finding'), report())).toBe(false);
  });
});

describe('the notices', () => {
  it('fileFinding: at the file\'s first line, with the rule\'s default severity', () => {
    expect(fileFinding('skipped-file', 'k8s/b.yaml', 'why')).toEqual({ ruleId: 'skipped-file', severity: 'notice', message: 'why', file: 'k8s/b.yaml', span: new LineIndex('').span(0) });
  });

  it('uncheckedWorkload: on the workload, naming it, the rule when one threw, and why', () => {
    const byRule = uncheckedWorkload(workload, new TypeError('boom'), 'eip-missing');
    expect(byRule).toMatchObject({ ruleId: 'skipped-file', file: 'k8s/a.yaml', span: workload.span });
    expect(byRule.message).toBe('Not checked by eip-missing: Pod shop/a, because the reader failed on it (boom).');
    expect(uncheckedWorkload(workload, new TypeError('boom')).message).toMatch(/^Not checked: Pod shop\/a, because/);
  });

  it('problemFinding: a reader\'s problem where it is given, with its own message unless another is', () => {
    const problem = { ruleId: 'parse-error' as const, message: 'bad', span };
    expect(problemFinding(problem, 'k8s/a.yaml', span)).toEqual({ ruleId: 'parse-error', severity: 'error', message: 'bad', file: 'k8s/a.yaml', span });
    expect(problemFinding(problem, 'web/values.yaml', span, 'bad (in the output of web)').message).toBe('bad (in the output of web)');
  });
});
