/** What makes findings "the same" across texts (src/fix/identity.ts): positions never count. */
import { identity } from '../../src/fix/identity.js';
import { BW, deployment, EIP, PATH, snapshot } from './helpers.js';

const text = deployment('web', [], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: 10`]);
const [finding] = snapshot({ [PATH]: text }).result.findings;
const moved = '# a comment line above\n' + text;
const [movedFinding] = snapshot({ [PATH]: moved }).result.findings;

test('a finding moved by a line above it keeps its identity; another subject, rule or workload does not', () => {
  expect(finding.ruleId).toBe('eip-not-string');
  expect(movedFinding.span.line).toBe(finding.span.line + 1);
  expect(identity(movedFinding, moved)).toBe(identity(finding, text));
  const otherSubject = { ...finding, span: { ...finding.span, offset: finding.span.offset - 1 } };
  expect(identity(otherSubject, text)).not.toBe(identity(finding, text));
  expect(identity({ ...finding, ruleId: 'eip-invalid-value' }, text)).not.toBe(identity(finding, text));
  expect(identity({ ...finding, workload: { ...finding.workload!, name: 'api' } }, text)).not.toBe(identity(finding, text));
});
