import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../src/config/load.js';
import { lintPaths } from '../../src/engine/index.js';
import { jsonReport } from '../../src/report/json.js';
import { formatReport } from '../../src/report/index.js';
import { TOOL_VERSION } from '../../src/version.js';
import { lint, MIXED_YAML, misplacedDeployment, ORPHAN_YAML, TEMPLATE_YAML } from './helpers.js';

const sorted = (o: object) => Object.keys(o).sort();
const FINDING_KEYS = ['column', 'endColumn', 'endLine', 'file', 'line', 'message', 'ruleId', 'severity'];

const SUPPRESSED_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
  annotations:
    # eci-egress-lint ignore eip-misplaced -- moved by the deploy pipeline
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  replicas: 1
  selector:
    matchLabels: {app: legacy}
  template:
    metadata:
      labels: {app: legacy}
    spec:
      containers:
        - name: legacy
          image: registry.cn-hangzhou.aliyuncs.com/acme/legacy:1.0
`;

function report(files: Record<string, string>) {
  const result = lint(files);
  return { result, json: JSON.parse(jsonReport(result)) };
}

describe('json report (PRODUCT.md §7, schema version 1)', () => {
  const { result, json } = report({
    'k8s/app.yaml': misplacedDeployment('app', 'default'),
    'k8s/worker.yaml': ORPHAN_YAML,
    'k8s/jobs.yaml': MIXED_YAML,
    'chart/templates/x.yaml': TEMPLATE_YAML,
    'k8s/legacy.yaml': SUPPRESSED_YAML,
  });

  it('has the top-level keys of the schema and version 1', () => {
    expect(sorted(json)).toEqual(['cost', 'files', 'findings', 'suppressed', 'tool', 'version']);
    expect(json.version).toBe(1);
    expect(json.tool).toEqual({ name: 'eci-egress-lint', version: TOOL_VERSION });
  });

  it('a finding with a workload and a safe fix: exactly the schema fields', () => {
    const finding = json.findings.find((f: { file: string }) => f.file === 'k8s/app.yaml');
    expect(finding).toEqual({
      ruleId: 'eip-misplaced',
      severity: 'error',
      message:
        "k8s.aliyun.com/eci-with-eip is in the object's own metadata (metadata.annotations), so ECI ignores it and the pods " +
        'of Deployment app get no such setting. ECI reads pod annotations only from spec.template.metadata.annotations. ' +
        'Move it there.',
      file: 'k8s/app.yaml',
      line: 7,
      column: 5,
      endLine: 7,
      endColumn: 32,
      workload: { kind: 'Deployment', name: 'app', namespace: 'default' },
      fix: { safe: true, description: 'move to spec.template.metadata.annotations' },
    });
  });

  it('leaves out the engine-only fields (span, edits) that the LintResult carries', () => {
    const engineFinding = result.findings.find((f) => f.file === 'k8s/app.yaml')!;
    expect(engineFinding.fix?.edits.length).toBeGreaterThan(0); // so the test means something
    const text = jsonReport(result);
    expect(text).not.toContain('"edits"');
    expect(text).not.toContain('"span"');
    expect(text).not.toContain('"offset"');
    // A suppression's `source`; the cost's `prices.source` is a field of the schema.
    expect(JSON.stringify({ ...JSON.parse(text), cost: undefined })).not.toContain('"source"');
  });

  it('every finding has only the schema keys', () => {
    for (const f of json.findings) {
      const extra = sorted(f).filter((k) => !FINDING_KEYS.includes(k) && k !== 'workload' && k !== 'fix');
      expect(extra).toEqual([]);
      for (const key of FINDING_KEYS) expect(f).toHaveProperty(key);
      for (const key of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(f[key])).toBe(true);
      if (f.workload) expect(sorted(f.workload)).toEqual(['kind', 'name', 'namespace']);
      if (f.fix) expect(sorted(f.fix)).toEqual(['description', 'safe']);
    }
  });

  it('a finding with a workload and no fix has no fix key', () => {
    const finding = json.findings.find((f: { ruleId: string }) => f.ruleId === 'eip-orphan-setting');
    expect(sorted(finding)).toEqual([...FINDING_KEYS, 'workload'].sort());
    expect(finding).toMatchObject({ file: 'k8s/worker.yaml', line: 13, column: 9, severity: 'warning' });
    expect(finding.workload).toEqual({ kind: 'Deployment', name: 'worker', namespace: 'default' });
  });

  it('a file finding has no workload', () => {
    const finding = json.findings.find((f: { ruleId: string }) => f.ruleId === 'skipped-file');
    expect(sorted(finding)).toEqual(FINDING_KEYS);
    expect(finding).toMatchObject({ file: 'chart/templates/x.yaml', severity: 'notice', line: 1, column: 1 });
  });

  it('findings are sorted by file, then line', () => {
    expect(json.findings.map((f: { file: string; line: number; ruleId: string }) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([
      'chart/templates/x.yaml:1 skipped-file',
      'k8s/app.yaml:7 eip-misplaced',
      'k8s/jobs.yaml:9 eip-missing',
      'k8s/jobs.yaml:31 eip-not-string',
      'k8s/worker.yaml:13 eip-orphan-setting',
    ]);
  });

  it('suppressed: exactly {ruleId, file, line, reason}', () => {
    expect(json.suppressed).toEqual([
      { ruleId: 'eip-misplaced', file: 'k8s/legacy.yaml', line: 7, reason: 'moved by the deploy pipeline' },
    ]);
  });

  it('files: {path, status} and a reason only for skipped ones, in the order given', () => {
    expect(json.files).toEqual([
      { path: 'k8s/app.yaml', status: 'scanned' },
      { path: 'k8s/worker.yaml', status: 'scanned' },
      { path: 'k8s/jobs.yaml', status: 'scanned' },
      {
        path: 'chart/templates/x.yaml',
        status: 'skipped',
        reason: 'a template (Helm or Jinja markers outside quotes at line 4); render it and lint the output',
      },
      { path: 'k8s/legacy.yaml', status: 'scanned' },
    ]);
  });

  it('is one JSON object followed by a newline, the same as formatReport("json")', () => {
    const text = jsonReport(result);
    expect(text.endsWith('}\n')).toBe(true);
    expect(formatReport('json', result, { color: true })).toBe(text);
  });

  it('an empty run', () => {
    expect(JSON.parse(jsonReport(lint({})))).toEqual({
      version: 1,
      tool: { name: 'eci-egress-lint', version: TOOL_VERSION },
      findings: [],
      suppressed: [],
      files: [],
      // The cost projection is always there (docs/cost.md), here with no workload.
      cost: expect.objectContaining({ region: 'ap-southeast-1', currency: 'USD', workloads: [], total: { min: 0, max: 0 } }),
    });
  });
});

describe('json report paths', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-json-'));
    fs.mkdirSync(path.join(dir, 'deploy', 'prod'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'deploy', 'prod', 'app.yaml'), misplacedDeployment('app'));
    fs.writeFileSync(path.join(dir, 'top.yml'), ORPHAN_YAML);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are relative to the working directory, with /', () => {
    const result = lintPaths(dir, ['.'], { config: resolveConfig({}, 'test') });
    const json = JSON.parse(jsonReport(result));
    expect(json.files.map((f: { path: string }) => f.path)).toEqual(['deploy/prod/app.yaml', 'top.yml']);
    expect(json.findings.map((f: { file: string }) => f.file)).toEqual(['deploy/prod/app.yaml', 'top.yml']);
    for (const f of json.findings) {
      expect(f.file).not.toContain('\\');
      expect(path.isAbsolute(f.file)).toBe(false);
    }
  });

  it('a folder given by name keeps its prefix', () => {
    const result = lintPaths(dir, [path.join('deploy', 'prod')], { config: resolveConfig({}, 'test') });
    expect(JSON.parse(jsonReport(result)).files).toEqual([{ path: 'deploy/prod/app.yaml', status: 'scanned' }]);
  });
});
