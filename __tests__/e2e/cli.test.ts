import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI, describeIfBuilt, FIXTURES, locate, node, ROOT } from './helpers.js';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  workload?: { kind: string; name: string; namespace: string };
}

const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

jest.setTimeout(120_000);

describeIfBuilt('node dist/cli.js', () => {
  it('--version prints the version and exits 0', () => {
    const r = node([CLI, '--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${packageJson.version}\n`);
    expect(r.stderr).toBe('');
  });

  it('is executable with a node shebang (the package bin)', () => {
    expect(fs.readFileSync(CLI, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(CLI).mode & 0o111).not.toBe(0);
  });

  it('--help exits 0', () => {
    const r = node([CLI, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: eci-egress-lint/);
  });

  it('an unknown flag exits 2 with a message and no stack trace', () => {
    const r = node([CLI, '--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--frobnicate');
    expect(r.stderr).toContain('--help');
    expect(r.stderr).not.toContain('    at ');
  });

  it('a missing path exits 2 with a clear message and no stack trace', () => {
    const r = node([CLI, 'examples/no-such-file.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file or folder: examples/no-such-file.yaml');
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toContain('    at ');
  });

  describe('examples --format text', () => {
    const r = node([CLI, 'examples']);
    const lines = r.stdout.split('\n');

    it('fits 100 columns when the output is not a terminal', () => {
      expect(r.status).toBe(1);
      expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
      expect(r.stdout).not.toMatch(/\u001b\[/);
    });

    it('ends with the counts, notices apart from problems, how to fix and the cost, unknowns left out', () => {
      const tail = lines.slice(-4, -1);
      expect(tail[0]).toMatch(/^\d+ problems \(\d+ errors, \d+ warnings\) in \d+ scanned files; 1 file not scanned\.$/);
      expect(tail[1]).toMatch(/^\d+ findings can be fixed safely: run with --fix\.$/);
      expect(tail[2]).toMatch(/^EIP cost USD [\d.]+ \+ \d+ unknown a month; existing EIPs of \d+ workloads billed elsewhere\.$/);
      expect(r.stdout).not.toMatch(/\b0 (errors|warnings|notices)\b|\b0 pods\b|10,000/);
    });

    it('links the rules it reports to their pages, and shows existing EIPs as billed elsewhere', () => {
      expect(r.stdout).toContain('  https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/eip-misplaced.md\n');
      expect(r.stdout).toMatch(/existing EIP +billed elsewhere\n/);
      expect(r.stdout).not.toContain('alicloud_eci_container_group alicloud_eci_container_group.');
    });
  });

  describe('examples --format json', () => {
    let status: number | null;
    let report: { version: number; findings: JsonFinding[]; suppressed: { ruleId: string; file: string; reason: string }[]; files: { path: string }[] };
    beforeAll(() => {
      const r = node([CLI, 'examples', '--format', 'json']);
      status = r.status;
      report = JSON.parse(r.stdout);
    });

    const at = (ruleId: string, file: string, where: { line: number; column: number }) =>
      report.findings.find((f) => f.ruleId === ruleId && f.file === file && f.line === where.line && f.column === where.column);

    it('exits 1 (there are errors)', () => {
      expect(status).toBe(1);
      expect(report.version).toBe(1);
    });

    it('reports every rule that Kubernetes YAML can trigger', () => {
      const ids = new Set(report.findings.map((f) => f.ruleId));
      const expected = [
        'eip-misplaced',
        'eip-not-string',
        'eip-invalid-value',
        'eip-unknown-key',
        'eip-orphan-setting',
        'eip-shared-instance',
        'eip-conflict',
        'eip-missing',
        'eip-no-effect',
        'parse-error',
        'skipped-file',
        // These two need the workloads rules of the repository's .github/eci-egress-lint.yml
        // (egress: nat for examples/k8s/behind-nat/**, egress: none for namespace finance).
        'eip-redundant',
        'eip-unexpected',
        // The repository config's budget.monthly (USD 30) is below the examples' projected cost.
        'eip-cost-budget',
      ];
      expect(expected.filter((id) => !ids.has(id))).toEqual([]);
      // And nothing else: every rule of the tool is shown by the examples.
      expect([...ids].sort()).toEqual([...expected].sort());
    });

    it('every path is relative, with /, under examples/', () => {
      for (const f of report.findings) expect(f.file).toMatch(/^examples\/[^\\]+$/);
      for (const f of report.files) expect(f.path).toMatch(/^examples\/[^\\]+$/);
    });

    it('eip-misplaced on the key in the Deployment\'s own metadata (notification-service.yaml 12:5)', () => {
      const where = locate('examples/k8s/notification-service.yaml', 'k8s.aliyun.com/eci-with-eip');
      expect(where).toEqual({ line: 12, column: 5 });
      const f = at('eip-misplaced', 'examples/k8s/notification-service.yaml', where);
      expect(f).toMatchObject({ severity: 'error', endLine: 12, endColumn: 32 });
      expect(f?.workload).toEqual({ kind: 'Deployment', name: 'notification-service', namespace: 'shop' });
    });

    it.each([
      ['examples/k8s/storefront-rollout.yaml', 1],
      ['examples/k8s/search-indexer.yaml', 1],
      ['examples/k8s/cronjobs.yaml', 2], // sitemap-refresh; fx-rates-sync (the first) is right
    ])('eip-misplaced in %s', (file, occurrence) => {
      expect(at('eip-misplaced', file, locate(file, 'k8s.aliyun.com/eci-with-eip', occurrence))).toBeDefined();
    });

    it('eip-not-string on each unquoted value in payments.yaml', () => {
      const file = 'examples/k8s/payments.yaml';
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      const unquoted = lines.flatMap((text, i) => {
        const m = /^(\s*k8s\.aliyun\.com\/[\w-]+: )([^"'\s][^\s#]*)\s*$/.exec(text);
        return m ? [{ line: i + 1, column: m[1].length + 1 }] : [];
      });
      expect(unquoted.length).toBe(3);
      for (const where of unquoted) expect(at('eip-not-string', file, where)).toBeDefined();
      expect(report.findings.filter((f) => f.file === file).map((f) => f.ruleId)).toEqual([
        'eip-not-string',
        'eip-not-string',
        'eip-not-string',
      ]);
    });

    it.each(['"10M"', '"BPG"', '"True"', '"paybytraffic"', '"300"'])('eip-invalid-value on the value %s in media.yaml', (value) => {
      const file = 'examples/k8s/media.yaml';
      expect(at('eip-invalid-value', file, locate(file, value))).toBeDefined();
    });

    it.each(['k8s.aliyun.com/eci-with-eips', 'k8s.aliyun.com/eip-common-bandwith-package-id', 'network.alibabacloud.com/pod-with-eip'])(
      'eip-unknown-key on %s in crm.yaml',
      (key) => {
        const file = 'examples/k8s/crm.yaml';
        expect(at('eip-unknown-key', file, locate(file, key))).toMatchObject({ severity: 'warning' });
      },
    );

    it('eip-shared-instance and eip-conflict in partner-gateways.yaml', () => {
      const file = 'examples/k8s/partner-gateways.yaml';
      const key = 'k8s.aliyun.com/eci-eip-instanceid';
      expect(at('eip-shared-instance', file, locate(file, key, 1))).toMatchObject({ severity: 'error' });
      expect(at('eip-shared-instance', file, locate(file, key, 2))).toMatchObject({ severity: 'error' });
      expect(at('eip-conflict', file, locate(file, key, 3))).toMatchObject({ severity: 'warning' });
    });

    it('eip-no-effect and eip-orphan-setting in observability.yaml; eip-no-effect on a Service and a Namespace', () => {
      const obs = 'examples/k8s/observability.yaml';
      expect(at('eip-no-effect', obs, locate(obs, 'k8s.aliyun.com/eci-with-eip'))?.workload?.kind).toBe('DaemonSet');
      expect(at('eip-orphan-setting', obs, locate(obs, 'k8s.aliyun.com/eip-bandwidth'))).toBeDefined();
      const docs = 'examples/k8s/docs-site.yaml';
      expect(at('eip-no-effect', docs, locate(docs, 'k8s.aliyun.com/eci-with-eip'))).toBeDefined();
      const ns = 'examples/k8s/namespaces.yaml';
      expect(at('eip-no-effect', ns, locate(ns, 'k8s.aliyun.com/eci-with-eip'))).toBeDefined();
    });

    it('eip-missing on the pod template of docs-site and alert-forwarder', () => {
      // (Terraform's findings are checked in __tests__/terraform/examples.test.ts.)
      const missing = report.findings.filter((f) => f.ruleId === 'eip-missing' && !f.file.startsWith('examples/terraform/'));
      expect(missing.map((f) => `${f.file} ${f.workload?.name}`)).toEqual([
        'examples/k8s/docs-site.yaml docs-site',
        'examples/k8s/observability.yaml alert-forwarder',
      ]);
      for (const f of missing) {
        const text = fs.readFileSync(path.join(ROOT, f.file), 'utf8').split('\n')[f.line - 1];
        expect(text.slice(f.column - 1)).toBe('metadata:');
      }
    });

    it('crm.yaml\'s legacy-crm-sync eip-missing is suppressed by its annotation, with the reason', () => {
      expect(report.suppressed).toContainEqual(
        expect.objectContaining({ ruleId: 'eip-missing', file: 'examples/k8s/crm.yaml', reason: 'egress goes through the corporate proxy' }),
      );
    });

    it('eip-redundant behind the NAT gateway and eip-unexpected under egress: none (repository config)', () => {
      const nat = 'examples/k8s/behind-nat/warehouse-sync.yaml';
      expect(at('eip-redundant', nat, locate(nat, 'k8s.aliyun.com/eci-with-eip'))).toMatchObject({ severity: 'warning' });
      const ledger = 'examples/k8s/ledger.yaml';
      expect(at('eip-unexpected', ledger, locate(ledger, 'k8s.aliyun.com/eci-with-eip'))).toMatchObject({ severity: 'warning' });
    });

    it('parse-error at the badly indented line; the valid document before it is still checked', () => {
      const file = 'examples/broken/syntax-error.yaml';
      const parse = report.findings.filter((f) => f.ruleId === 'parse-error' && !f.file.startsWith('examples/terraform/'));
      expect(parse.map((f) => [f.file, f.line])).toEqual([[file, locate(file, 'targetPort').line]]);
      const unquoted = locate(file, 'k8s.aliyun.com/eci-with-eip: true');
      expect(report.findings.find((f) => f.ruleId === 'eip-not-string' && f.file === file)?.line).toBe(unquoted.line);
    });

    it('skipped-file (notice) for the chart helm cannot render (a dependency missing from charts/), with helm’s reason', () => {
      const chart = 'examples/broken/legacy-admin';
      expect(report.findings.filter((f) => f.ruleId === 'skipped-file')).toEqual([
        expect.objectContaining({ file: `${chart}/Chart.yaml`, severity: 'notice', line: 1, column: 1, message: expect.stringMatching(/helm template failed: .*missing in charts\/ directory/) }),
      ]);
      expect(report.files).toContainEqual({ path: `${chart}/templates/deployment.yaml`, status: 'skipped', reason: `the chart ${chart} was not rendered` });
    });

    it('charts are rendered with the real helm: a values mistake on the values file, a template mistake on the template', () => {
      const values = 'examples/charts/newsletter/values.yaml';
      expect(at('eip-not-string', values, { line: 9, column: 32 })?.workload).toEqual({ kind: 'Deployment', name: 'newsletter', namespace: 'default' });
      expect(locate(values, 'true')).toEqual({ line: 9, column: 32 });
      const template = 'examples/charts/checkout/templates/deployment.yaml';
      expect(at('eip-misplaced', template, locate(template, 'k8s.aliyun.com/eci-with-eip'))?.workload).toEqual({ kind: 'Deployment', name: 'checkout', namespace: 'default' });
      expect(report.files).toContainEqual({ path: 'examples/charts/web/templates/deployment.yaml', status: 'scanned', reason: 'rendered with the chart examples/charts/web' });
      expect(report.findings.filter((f) => f.file.startsWith('examples/charts/web/'))).toEqual([]);
    });

    it('overlays are rendered with the real kubectl kustomize: the misplaced JSON patch is found on its line; the correct one and the base are clean', () => {
      const eu = 'examples/kustomize/product-reviews/overlays/eu/kustomization.yaml';
      expect(at('eip-misplaced', eu, locate(eu, 'k8s.aliyun.com/eci-with-eip'))?.workload).toEqual({ kind: 'Deployment', name: 'product-reviews', namespace: 'shop-eu' });
      const others = report.findings.filter((f) => f.file.startsWith('examples/kustomize/') && f.file !== eu);
      expect(others).toEqual([]);
    });

    it('rendered workloads are priced: replicas from values and patches, the chart’s HPA', () => {
      const cost = (report as unknown as { cost: { workloads: { file: string; name: string; namespace: string; pods: { min: number; max: number }; monthly?: { max: number } }[] } }).cost;
      const row = (name: string) => cost.workloads.find((w) => w.name === name);
      expect(row('marketing-web')).toMatchObject({ file: 'examples/charts/web/templates/deployment.yaml', namespace: 'shop', pods: { min: 2, max: 2 }, monthly: { max: 2.5 } });
      expect(row('product-reviews')).toMatchObject({ file: 'examples/kustomize/product-reviews/base/deployment.yaml', namespace: 'shop', pods: { min: 3, max: 3 } });
      expect(row('newsletter')).toMatchObject({ pods: { min: 1, max: 1 } });
    });
  });

  describe('standard input', () => {
    const yaml = fs.readFileSync(path.join(FIXTURES, 'stdin.yaml'), 'utf8');

    it('`-` reads one YAML stream from stdin and reports it as <stdin>', () => {
      const r = node([CLI, '-', '--format', 'json'], { input: yaml });
      expect(r.status).toBe(1);
      const report = JSON.parse(r.stdout);
      expect(report.files).toEqual([{ path: '<stdin>', status: 'scanned' }]);
      expect(report.findings).toEqual([
        expect.objectContaining({
          ruleId: 'eip-misplaced',
          file: '<stdin>',
          line: 7,
          column: 5,
          workload: { kind: 'Deployment', name: 'piped', namespace: 'tools' },
        }),
      ]);
    });

    it('text format: grouped under <stdin>, no colour on a pipe', () => {
      const r = node([CLI, '-'], { input: yaml });
      expect(r.status).toBe(1);
      expect(r.stdout.startsWith('Config: .github/eci-egress-lint.yml\n\n<stdin>\n  7:5     error   ')).toBe(true);
      expect(r.stdout).not.toContain('\u001b[');
    });

    it('a clean stream exits 0', () => {
      const r = node([CLI, '-', '--format', 'json'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n' });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).findings).toEqual([]);
    });
  });

  it('-o writes the report to the file and nothing to stdout', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-e2e-')), 'report.sarif');
    try {
      const r = node([CLI, 'examples/k8s/notification-service.yaml', '-f', 'sarif', '-o', out]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
      expect(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['eip-misplaced']);
    } finally {
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
    }
  });
});
