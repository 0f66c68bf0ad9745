import { RULES } from '../../src/rules/index.js';
import { sarifReport } from '../../src/report/sarif.js';
import { TOOL_VERSION } from '../../src/version.js';
import { lint, MIXED_YAML, misplacedDeployment, ORPHAN_YAML, TEMPLATE_YAML } from './helpers.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}

function sarif(files: Record<string, string>) {
  return JSON.parse(sarifReport(lint(files)));
}

describe('sarif report', () => {
  const log = sarif({
    'k8s/app.yaml': misplacedDeployment('app'),
    'k8s/worker.yaml': ORPHAN_YAML,
    'k8s/jobs.yaml': MIXED_YAML,
    'chart/x.yaml': TEMPLATE_YAML,
  });
  const driver = log.runs[0].tool.driver;
  const results: SarifResult[] = log.runs[0].results;

  it('is SARIF 2.1.0 with one run by eci-egress-lint', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(driver.name).toBe('eci-egress-lint');
    expect(driver.version).toBe(TOOL_VERSION);
  });

  it('lists every rule of RULES, with help text', () => {
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const rule of driver.rules) {
      expect(typeof rule.help.text).toBe('string');
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.help.text).toContain(`docs/rules/${rule.id}.md`);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('default levels follow the rules: error, warning, notice → note', () => {
    for (const r of RULES) {
      const level = driver.rules.find((x: { id: string }) => x.id === r.meta.id).defaultConfiguration.level;
      expect(level).toBe({ error: 'error', warning: 'warning', notice: 'note' }[r.meta.defaultSeverity]);
    }
  });

  it('a result per finding with ruleId, level, message and region', () => {
    expect(results.map((r) => [r.ruleId, r.level])).toEqual([
      ['skipped-file', 'note'],
      ['eip-misplaced', 'error'],
      ['eip-missing', 'warning'],
      ['eip-not-string', 'error'],
      ['eip-orphan-setting', 'warning'],
    ]);
    const misplaced = results[1];
    expect(misplaced.locations[0].physicalLocation.artifactLocation.uri).toBe('k8s/app.yaml');
    expect(misplaced.locations[0].physicalLocation.region).toEqual({ startLine: 7, startColumn: 5, endLine: 7, endColumn: 32 });
    expect(misplaced.message.text).toMatch(/^k8s\.aliyun\.com\/eci-with-eip is in the object's own metadata/);
    for (const r of results) {
      expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(Object.keys(r.partialFingerprints)).toHaveLength(1);
      expect(Object.values(r.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('fingerprints differ between findings', () => {
    const prints = results.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('a fingerprint does not change when the finding moves down the file', () => {
    const before: SarifResult[] = sarif({ 'k8s/jobs.yaml': MIXED_YAML }).runs[0].results;
    const after: SarifResult[] = sarif({ 'k8s/jobs.yaml': '\n\n\n' + MIXED_YAML }).runs[0].results;
    expect(before.map((r) => r.ruleId)).toEqual(['eip-missing', 'eip-not-string']);
    expect(after.map((r) => r.ruleId)).toEqual(before.map((r) => r.ruleId));
    for (let i = 0; i < before.length; i++) {
      expect(after[i].locations[0].physicalLocation.region.startLine).toBe(
        before[i].locations[0].physicalLocation.region.startLine + 3,
      );
      expect(after[i].partialFingerprints).toEqual(before[i].partialFingerprints);
    }
  });

  it('a clean run has no results but still the rules', () => {
    const empty = sarif({});
    expect(empty.runs[0].results).toEqual([]);
    expect(empty.runs[0].tool.driver.rules).toHaveLength(RULES.length);
  });
});
