import { compactReport } from '../../src/report/compact.js';
import { configLine, formatReport } from '../../src/report/index.js';
import { rulesReport } from '../../src/report/rules.js';
import { RULES } from '../../src/rules/index.js';
import { lint, misplacedDeployment, ORPHAN_YAML } from './helpers.js';

describe('the compact format', () => {
  it('one line per finding: file:line:col: severity rule-id message', () => {
    const result = lint({ 'k8s/web.yaml': misplacedDeployment('web'), 'k8s/worker.yaml': ORPHAN_YAML });
    const lines = compactReport(result).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(result.findings.length);
    result.findings.forEach((f, i) => {
      expect(lines[i]).toBe(`${f.file}:${f.span.line}:${f.span.column}: ${f.severity} ${f.ruleId} ${f.message}`);
    });
  });

  it('control characters in a path or message cannot start a new line or a terminal escape', () => {
    const result = lint({ 'k8s/web.yaml': misplacedDeployment('web') });
    result.findings[0] = { ...result.findings[0], file: 'a\nb.yaml', message: 'x\u001b[31my\rz' };
    expect(compactReport({ ...result, findings: [result.findings[0]] })).toBe(
      `a\\x0ab.yaml:${result.findings[0].span.line}:${result.findings[0].span.column}: error eip-misplaced x\\x1b[31my\\x0dz\n`,
    );
  });

  it('nothing at all when there are no findings', () => {
    expect(compactReport(lint({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' }))).toBe('');
  });
});

describe('the config in the reports', () => {
  const result = lint({ 'k8s/web.yaml': misplacedDeployment('web') });

  it('text: a first line names the config file, or says the defaults are used', () => {
    expect(formatReport('text', result, { color: false, configFile: '.github/eci-egress-lint.yml' })).toMatch(/^Config: \.github\/eci-egress-lint\.yml\n\n/);
    expect(configLine(null)).toBe('Config: none found, defaults used');
    expect(formatReport('text', result, { color: false })).not.toContain('Config:');
  });

  it('json: the config field, null for the defaults, absent when not said', () => {
    expect(JSON.parse(formatReport('json', result, { color: false, configFile: null })).config).toBeNull();
    expect(JSON.parse(formatReport('json', result, { color: false, configFile: 'x.yml' })).config).toBe('x.yml');
    expect('config' in JSON.parse(formatReport('json', result, { color: false }))).toBe(false);
  });
});

describe('--list-rules', () => {
  it('json: every rule with its default severity, fix and page', () => {
    const listed = JSON.parse(rulesReport('json')).rules as { id: string; defaultSeverity: string; fix: string; docs: string }[];
    expect(listed.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const rule of RULES) {
      expect(listed.find((r) => r.id === rule.meta.id)).toMatchObject({
        defaultSeverity: rule.meta.defaultSeverity,
        fix: rule.meta.fix,
        docs: `https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/${rule.meta.id}.md`,
      });
    }
  });

  it('text: a line per rule and its link under it', () => {
    const text = rulesReport('text');
    for (const rule of RULES) expect(text).toMatch(new RegExp(`^${rule.meta.id} +${rule.meta.defaultSeverity} +${rule.meta.fix} `, 'm'));
  });
});
