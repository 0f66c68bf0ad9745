/** The rule stage alone: a rule that throws on a rendered workload puts its notice on the line a person edits. */
import { runWorkloadRules } from '../../src/engine/run-rules.js';
import type { RenderedDocument, Span } from '../../src/model/index.js';
import { gatherScanFacts } from '../../src/engine/scan-facts.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import { LineIndex } from '../../src/readers/line-index.js';
import { RULES } from '../../src/rules/index.js';
import { makeConfig } from '../helpers/lint.js';

const RENDERED = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    k8s.aliyun.com/eci-with-eip: true\nspec: {}\n';
const TEMPLATE = '# a\n# b\n# c\n# d\n# e\n# f\napiVersion: v1\nkind: Pod\n';
const templateLines = new LineIndex(TEMPLATE);

/** Every position of the rendering comes from line 7 of the template. */
const document: RenderedDocument = {
  id: 'charts/web#values.yaml',
  unit: 'charts/web',
  rendering: 'values.yaml',
  priced: true,
  text: RENDERED,
  locate: (_span: Span) => ({ file: 'charts/web/templates/pod.yaml', span: templateLines.span(TEMPLATE.indexOf('apiVersion')), exact: false }),
};

function runWithThrowingRule(rendered: boolean) {
  const read = readKubernetesYaml(document.id, RENDERED);
  const [workload] = read.workloads;
  workload.file = 'charts/web/templates/pod.yaml';
  const scan = gatherScanFacts(makeConfig(), [read], undefined);
  const rule = RULES.find((r) => r.meta.id === 'eip-not-string')!;
  const original = rule.check!;
  rule.check = () => {
    throw new TypeError('boom');
  };
  try {
    return runWorkloadRules([workload], scan, new Map(rendered ? [[workload, document]] : []));
  } finally {
    rule.check = original;
  }
}

describe('runWorkloadRules', () => {
  it('a rule that throws on a rendered workload: the notice is on the template line behind the workload', () => {
    const notice = runWithThrowingRule(true).findings.find((f) => f.ruleId === 'skipped-file')!;
    expect(notice.message).toMatch(/^Not checked by eip-not-string: Pod default\/web, because/);
    expect(notice.file).toBe('charts/web/templates/pod.yaml');
    expect(notice.span.line).toBe(7);
  });

  it('without a rendering, the notice keeps the workload\'s own position', () => {
    const notice = runWithThrowingRule(false).findings.find((f) => f.ruleId === 'skipped-file')!;
    expect(notice.span).toEqual(readKubernetesYaml(document.id, RENDERED).workloads[0].span);
  });
});
