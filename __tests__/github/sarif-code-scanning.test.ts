import { resolveConfig } from '../../src/config/load.js';
import { lintSources } from '../../src/engine/index.js';
import { sarifReport } from '../../src/report/sarif.js';

/** What GitHub code scanning requires of an uploaded SARIF file (docs: "SARIF support for code scanning"). */
describe('SARIF for code scanning', () => {
  const misplaced = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  selector: {matchLabels: {app: x}}
  template:
    metadata: {labels: {app: x}}
    spec: {containers: [{name: x, image: nginx}]}
`;
  const result = lintSources(
    [
      { path: 'k8s/app.yaml', text: misplaced('app') },
      { path: 'k8s/with space (1).yaml', text: misplaced('other') },
      { path: 'k8s/binary.yaml', skip: 'a binary file' },
    ],
    { config: resolveConfig({}, 'test') },
  );
  const log = JSON.parse(sarifReport(result));
  const run = log.runs[0];

  it('SARIF 2.1.0 with a schema and a named tool', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/^https:\/\/.*sarif.*2\.1\.0.*\.json$/);
    expect(run.tool.driver.name).toBe('eci-egress-lint');
  });

  it('columns are UTF-16 code units, said outright; no relative originalUriBaseIds (SARIF wants them absolute)', () => {
    expect(run.columnKind).toBe('utf16CodeUnits');
    for (const base of Object.values((run.originalUriBaseIds ?? {}) as Record<string, { uri: string }>)) expect(base.uri).toMatch(/^[a-z]+:\/\/.*\/$/);
  });

  it('every rule has an id, a short description and help text', () => {
    for (const rule of run.tool.driver.rules) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }
  });

  it('every result: rule, message, a repository-relative URI and a region from line 1, and a partial fingerprint', () => {
    expect(run.results).toHaveLength(result.findings.length);
    for (const r of run.results) {
      expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(r.message.text.length).toBeGreaterThan(0);
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^(\/|\.\/|[a-z]+:)|\\/);
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
      expect(Object.keys(r.partialFingerprints).length).toBeGreaterThan(0);
    }
    expect(run.results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri)).toContain(
      'k8s/with%20space%20(1).yaml',
    );
  });
});
