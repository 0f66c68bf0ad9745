/**
 * eip-change-needs-recreate: with a base, a change to the EIP arguments of an alicloud_eci_container_group that
 * exists on both sides. The files are minimal copies of a container group like the provider's own example.
 */
import { lintSources } from '../../engine/index.js';
import type { LintResult } from '../../model/index.js';
import { formatReport } from '../../report/index.js';
import { hcl, makeConfig, prepareTerraform } from '../../../__tests__/terraform/helpers.js';
import { positionOf } from '../../../__tests__/helpers/lint.js';

beforeAll(prepareTerraform);

const group = (args: string, name = 'default') => hcl`
  resource "alicloud_eci_container_group" "${name}" {
    container_group_name = "tf-example"
    vswitch_id           = "vsw-0abc"
    ${args}
    containers {
      image = "registry.cn-beijing.aliyuncs.com/eci_open/nginx:alpine"
      name  = "nginx"
    }
  }
`;

function lintChange(head: Record<string, string>, base: Record<string, string>, overrides = {}): LintResult {
  const sources = (files: Record<string, string>) => Object.entries(files).map(([path, text]) => ({ path, text }));
  return lintSources(sources(head), { config: makeConfig(overrides), base: sources(base) });
}

const findings = (result: LintResult) => result.findings.filter((f) => f.ruleId === 'eip-change-needs-recreate');

describe('eip-change-needs-recreate', () => {
  it.each([
    ['auto_create_eip = true', '', 'auto_create_eip', 'changes from not set (false) to true'],
    ['auto_create_eip = false', 'auto_create_eip = true', 'auto_create_eip', 'changes from true to false'],
    ['auto_create_eip = true\n    eip_bandwidth = 20', 'auto_create_eip = true\n    eip_bandwidth = 10', 'eip_bandwidth', 'changes from 10 to 20'],
    ['eip_instance_id = "eip-new"', 'eip_instance_id = "eip-old"', 'eip_instance_id', 'changes from eip-old to eip-new'],
  ])('%s (base: %s): a warning on the %s line', (head, base, argument, change) => {
    const text = group(head);
    const result = lintChange({ 'eci/main.tf': text }, { 'eci/main.tf': group(base) });
    const [finding] = findings(result);
    expect(findings(result)).toHaveLength(1);
    expect(finding.severity).toBe('warning');
    expect(finding.fix).toBeUndefined();
    expect({ line: finding.span.line, column: finding.span.column }).toEqual(positionOf(text, argument));
    expect(finding.message).toContain(`${argument} of alicloud_eci_container_group.default ${change}`);
    expect(finding.message).toContain('terraform apply -replace=alicloud_eci_container_group.default');
  });

  it('an argument removed: on the resource line', () => {
    const result = lintChange({ 'eci/main.tf': group('') }, { 'eci/main.tf': group('eip_instance_id = "eip-old"') });
    const [finding] = findings(result);
    expect(finding.span.line).toBe(1);
    expect(finding.message).toContain('eip_instance_id of alicloud_eci_container_group.default changes from eip-old to not set');
  });

  it('one finding per changed argument', () => {
    const result = lintChange(
      { 'eci/main.tf': group('auto_create_eip = true\n    eip_bandwidth = 20') },
      { 'eci/main.tf': group('') },
    );
    expect(findings(result).map((f) => f.message.split(' ')[0])).toEqual(['auto_create_eip', 'eip_bandwidth']);
  });

  it('no finding: no base, a new group, an unchanged group, other arguments changed, or writing the service default', () => {
    expect(findings(lintSources([{ path: 'eci/main.tf', text: group('auto_create_eip = true') }], { config: makeConfig() }))).toEqual([]);
    expect(findings(lintChange({ 'eci/main.tf': group('auto_create_eip = true') }, {}))).toEqual([]);
    expect(findings(lintChange({ 'eci/main.tf': group('auto_create_eip = true', 'web') }, { 'eci/main.tf': group('', 'api') }))).toEqual([]);
    expect(findings(lintChange({ 'eci/main.tf': group('auto_create_eip = true') }, { 'eci/main.tf': group('auto_create_eip = true').replace('nginx:alpine', 'nginx:1.27') }))).toEqual([]);
    expect(findings(lintChange({ 'eci/main.tf': group('auto_create_eip = true\n    eip_bandwidth = 5') }, { 'eci/main.tf': group('auto_create_eip = true') }))).toEqual([]);
  });

  it('the same address moved to another file of its folder is the same group; in another folder it is another one', () => {
    const base = { 'eci/main.tf': group('') };
    expect(findings(lintChange({ 'eci/eci.tf': group('auto_create_eip = true') }, base))).toHaveLength(1);
    expect(findings(lintChange({ 'other/main.tf': group('auto_create_eip = true') }, base))).toEqual([]);
  });

  it('no finding rests on an unknown value', () => {
    const result = lintChange(
      { 'eci/main.tf': 'variable "eip" {}\n' + group('auto_create_eip = var.eip') },
      { 'eci/main.tf': group('auto_create_eip = true') },
    );
    expect(findings(result)).toEqual([]);
  });

  it('a scaling configuration is updated by the provider: no finding', () => {
    const scaling = (bandwidth: number) =>
      `resource "alicloud_ess_eci_scaling_configuration" "web" {\n  auto_create_eip = true\n  eip_bandwidth   = ${bandwidth}\n}\n`;
    expect(findings(lintChange({ 'ess/main.tf': scaling(20) }, { 'ess/main.tf': scaling(10) }))).toEqual([]);
  });

  it('can be turned off and suppressed like any rule, and is in the SARIF rules', () => {
    const head = { 'eci/main.tf': group('auto_create_eip = true') };
    const base = { 'eci/main.tf': group('') };
    expect(findings(lintChange(head, base, { rules: { 'eip-change-needs-recreate': 'off' } }))).toEqual([]);
    const ignored = group('# eci-egress-lint ignore eip-change-needs-recreate -- replaced in the release pipeline\n    auto_create_eip = true');
    const result = lintChange({ 'eci/main.tf': ignored }, base);
    expect(findings(result)).toEqual([]);
    expect(result.suppressed.map((s) => s.finding.ruleId)).toEqual(['eip-change-needs-recreate']);
    const sarif = JSON.parse(formatReport('sarif', lintChange(head, base), { color: false }));
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('eip-change-needs-recreate');
  });
});
