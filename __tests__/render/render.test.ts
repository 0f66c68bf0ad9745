import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';
import * as f from './fixtures.js';
import { realTools } from './tools.js';

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; column: number; message: string; severity: string }[];
  files: { path: string; status: string; reason?: string }[];
  cost: { workloads: { file: string; kind: string; name: string; pods: { min: number; max: number } }[]; total: { min: number; max: number } };
}

const tools = realTools();
const withTools = ['--helm', tools.helm, '--kustomize', tools.kubectl];

async function lint(files: Record<string, string>, extra: string[] = []): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const dir = tempTree(files);
  const run = await runCli(['.', '-f', 'json', ...withTools, ...extra], dir);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

const where = (report: JsonReport) => report.findings.map((x) => `${x.file}:${x.line}:${x.column} ${x.ruleId}`);

afterAll(removeTempTrees);

describe('Helm charts, rendered with the real helm', () => {
  it('a values mistake is found on the values-file entry that produced it', async () => {
    const { code, report } = await lint({
      'web/Chart.yaml': f.CHART_YAML,
      'web/values.yaml': f.VALUES_MISTAKE,
      'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE,
    });
    expect(where(report)).toEqual(['web/values.yaml:4:32 eip-not-string']);
    expect(code).toBe(1);
    // The template is linted through the chart, not skipped.
    expect(report.files).toContainEqual({ path: 'web/templates/deployment.yaml', status: 'scanned', reason: 'rendered with the chart web' });
  });

  it('a template mistake is found on the template line that writes it', async () => {
    const { report } = await lint({
      'api/Chart.yaml': f.CHART_YAML,
      'api/values.yaml': '{}\n',
      'api/templates/deployment.yaml': f.TEMPLATE_MISTAKE,
    });
    expect(where(report)).toEqual(['api/templates/deployment.yaml:6:5 eip-misplaced']);
  });

  it('a value the template reads with .Values lands on the values entry, for the key in the template', async () => {
    const { report } = await lint({
      'web/Chart.yaml': f.CHART_YAML,
      'web/values.yaml': f.VALUES_CORRECT.replace('podAnnotations', 'objectAnnotations'),
      'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE,
    });
    expect(where(report)).toEqual(['web/values.yaml:4:3 eip-misplaced']);
  });

  it('a correct chart gives no finding and its pods are priced, with the HPA of the chart', async () => {
    const { code, report } = await lint({
      'web/Chart.yaml': f.CHART_YAML,
      'web/values.yaml': f.VALUES_CORRECT,
      'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE,
      'web/templates/hpa.yaml': f.HPA_TEMPLATE,
    });
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.cost.workloads).toEqual([
      expect.objectContaining({ file: 'web/templates/deployment.yaml', kind: 'Deployment', name: 'web', pods: { min: 3, max: 10 } }),
    ]);
  });

  it('several renderings: one finding naming the values files; ci/*-values.yaml renderings are not priced', async () => {
    const { report } = await lint({
      'web/Chart.yaml': f.CHART_YAML,
      'web/values.yaml': f.VALUES_MISTAKE,
      'web/ci/large-values.yaml': 'replicaCount: 20\n',
      'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE,
    });
    expect(where(report)).toEqual(['web/values.yaml:4:32 eip-not-string']);
    expect(report.findings[0].message).toContain('(rendered with values.yaml; values.yaml + ci/large-values.yaml)');
    // Only the values.yaml rendering counts: the 20 replicas of the ci rendering are not in the cost.
    expect(report.cost.workloads).toEqual([expect.objectContaining({ name: 'web', pods: { min: 2, max: 2 } })]);
  });

  it('values files from the config: each one rendering, priced, with release and namespace', async () => {
    const { report } = await lint({
      '.eci-egress-lint.yml': 'render:\n  charts:\n    - { path: web, release: shop, namespace: prod, values: [envs/prod.yaml] }\n',
      'envs/prod.yaml': 'replicaCount: 4\npodAnnotations:\n  k8s.aliyun.com/eci-with-eip: "true"\n',
      'web/Chart.yaml': f.CHART_YAML,
      'web/values.yaml': 'replicaCount: 1\nimage: docker.io/library/nginx:1.27\n',
      'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE,
    });
    expect(report.cost.workloads).toEqual([expect.objectContaining({ name: 'shop', namespace: 'prod', pods: { min: 4, max: 4 } })]);
    // The default rendering (no EIP, a Docker Hub image) is linted: its missing egress is on the template's line.
    expect(where(report)).toEqual(['web/templates/deployment.yaml:14:5 eip-missing']);
    expect(report.findings[0].message).toContain('rendered with values.yaml');
  });

  it('a chart helm cannot render is one skipped-file with helm’s first error line; the rest is linted', async () => {
    const { code, report } = await lint({
      'bad/Chart.yaml': f.CHART_YAML,
      'bad/values.yaml': '{}\n',
      'bad/templates/deployment.yaml': 'kind: Deployment\nmetadata:\n  name: {{ .Values.name | nosuchfunction }}\n',
      'k8s/app.yaml': f.BASE_DEPLOYMENT.replace('  name: api\n', '  name: api\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n'),
    });
    const skipped = report.findings.filter((x) => x.ruleId === 'skipped-file');
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ file: 'bad/templates/deployment.yaml', line: 3, severity: 'notice' });
    expect(skipped[0].message).toMatch(/helm template failed: .*nosuchfunction/);
    expect(where(report)).toContain('k8s/app.yaml:6:5 eip-misplaced');
    expect(code).toBe(1);
  });

  it('a chart that holds a link out of the workspace is not rendered (helm would follow it)', async () => {
    const dir = tempTree({ 'web/Chart.yaml': f.CHART_YAML, 'web/values.yaml': '{}\n' });
    fs.mkdirSync(`${dir}/web/templates`);
    fs.symlinkSync('/etc/hostname', `${dir}/web/templates/host.yaml`);
    const run = await runCli(['.', '-f', 'json', ...withTools], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    // The link itself is skipped by the file discovery too, as any link out of the workspace.
    expect(report.findings.map((x) => `${x.file} ${x.message}`)).toEqual([
      'web/Chart.yaml Chart not rendered: "web/templates/host.yaml" is a link out of the workspace (or to nothing), which helm would follow',
      'web/templates/host.yaml Not scanned: a link to a place outside the workspace.',
    ]);
  });

  it('a missing dependency is skipped with helm’s reason; nothing is downloaded', async () => {
    const { report } = await lint({
      'deps/Chart.yaml': `${f.CHART_YAML}dependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n`,
      'deps/templates/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'skipped-file', file: 'deps/Chart.yaml', message: expect.stringMatching(/missing in charts\/ directory/) }),
    ]);
  });

  it('a missing helm is one notice saying how to install it, and exit 0 on that alone', async () => {
    const dir = tempTree({
      'one/Chart.yaml': f.CHART_YAML,
      'one/templates/d.yaml': f.TEMPLATE_MISTAKE,
      'two/Chart.yaml': f.CHART_YAML,
      'two/templates/d.yaml': f.TEMPLATE_MISTAKE,
    });
    const run = await runCli(['.', '-f', 'json', '--helm', './no-such-helm'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'skipped-file', file: 'one/Chart.yaml', message: expect.stringMatching(/^2 charts not rendered \(one, two\): helm was not found .*install Helm/) }),
    ]);
    expect(report.files).toContainEqual({ path: 'two/templates/d.yaml', status: 'skipped', reason: 'the chart two was not rendered' });
    expect(run.code).toBe(0);
  });

  it('a rendering past the time limit is stopped and skipped', async () => {
    const { report } = await lint({
      '.eci-egress-lint.yml': 'render: {timeout: 1s}\n',
      'slow/Chart.yaml': f.CHART_YAML,
      'slow/templates/loop.yaml': '{{- range $i := until 100000000 }}{{- end }}\n',
    });
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'skipped-file', file: 'slow/Chart.yaml', message: 'Chart not rendered: helm template failed: stopped after the time limit of 1 s' }),
    ]);
  });

  it('--no-render: templates are skipped as before', async () => {
    const { report } = await lint({ 'api/Chart.yaml': f.CHART_YAML, 'api/templates/d.yaml': f.TEMPLATE_MISTAKE.replace('{{ .Release.Name }}', 'x') }, ['--no-render']);
    expect(where(report)).toEqual(['api/templates/d.yaml:6:5 eip-misplaced']);
  });
});

describe('Kustomize overlays, rendered with the real kubectl kustomize', () => {
  const base = { 'base/deployment.yaml': f.BASE_DEPLOYMENT, 'base/kustomization.yaml': f.BASE_KUSTOMIZATION };

  it('a JSON patch that adds the key at /metadata/annotations is found on the patch', async () => {
    const { report } = await lint({ ...base, 'overlays/prod/kustomization.yaml': f.MISPLACED_OVERLAY });
    expect(where(report)).toEqual(['overlays/prod/kustomization.yaml:8:17 eip-misplaced']);
    // The base is judged as its overlay renders it: not also alone.
    expect(report.files).toContainEqual({ path: 'base/deployment.yaml', status: 'scanned', reason: 'rendered with the overlay overlays/prod' });
  });

  it('a correct overlay gives no finding and its pods are priced; its base alone is not "missing egress"', async () => {
    const { code, report } = await lint({ ...base, 'overlays/prod/kustomization.yaml': f.CORRECT_OVERLAY, 'overlays/prod/eip.yaml': f.EIP_PATCH });
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
    expect(report.cost.workloads).toEqual([expect.objectContaining({ file: 'base/deployment.yaml', name: 'api', pods: { min: 2, max: 2 } })]);
  });

  it('a finding on a key from a patch file lands on the patch line', async () => {
    const { report } = await lint({
      ...base,
      'overlays/prod/kustomization.yaml': f.CORRECT_OVERLAY,
      'overlays/prod/eip.yaml': f.EIP_PATCH.replace('eci-with-eip: "true"', 'eci-with-eips: "true"'),
    });
    expect(where(report)).toContain('overlays/prod/eip.yaml:9:9 eip-unknown-key');
  });

  it('remote resources, helmCharts and plugins are never run: the overlay is skipped with the reason', async () => {
    const { report } = await lint({
      'remote/kustomization.yaml': 'resources:\n  - https://github.com/example/app//deploy?ref=v1\n',
      'charts/kustomization.yaml': 'helmCharts:\n  - name: redis\n',
      'plugin/kustomization.yaml': 'resources: [d.yaml]\ntransformers:\n  - t.yaml\n',
      'plugin/d.yaml': f.BASE_DEPLOYMENT,
    });
    expect(report.findings.map((x) => `${x.file}:${x.line} ${x.message}`)).toEqual([
      'charts/kustomization.yaml:1 Overlay not rendered: it inflates Helm charts (helmCharts): kustomize would need --enable-helm, which is never used',
      'plugin/kustomization.yaml:2 Overlay not rendered: it runs transformer plugins (transformers:), which are never run',
      expect.stringMatching(/^remote\/kustomization.yaml:1 Overlay not rendered: it uses the remote resource/),
    ]);
  });

  it('a resource or patch outside the workspace is never read: the overlay is skipped with the reason', async () => {
    const outside = tempTree({ 'base/kustomization.yaml': f.BASE_KUSTOMIZATION, 'base/deployment.yaml': f.BASE_DEPLOYMENT, 'eip.yaml': f.EIP_PATCH });
    const workspace = tempTree({});
    const up = path.relative(path.join(workspace, 'prod'), outside).split(path.sep).join('/');
    fs.mkdirSync(path.join(workspace, 'prod'));
    fs.writeFileSync(path.join(workspace, 'prod', 'kustomization.yaml'), `resources:\n  - ${up}/base\n`);
    fs.mkdirSync(path.join(workspace, 'patched'));
    fs.writeFileSync(path.join(workspace, 'patched', 'kustomization.yaml'), `resources: []\npatches:\n  - path: ${up}/eip.yaml\n`);
    const run = await runCli(['.', '-f', 'json', ...withTools], workspace);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((x) => `${x.file}:${x.line} ${x.ruleId} ${x.message.split(',')[0]}`)).toEqual([
      `patched/kustomization.yaml:2 skipped-file Overlay not rendered: its patch "${path.posix.normalize(`patched/${up}/eip.yaml`)}" is outside the workspace and is never read`,
      `prod/kustomization.yaml:1 skipped-file Overlay not rendered: it uses "${up}/base"`,
    ]);
  });

  it('commonAnnotations are checked as written: an unquoted true is eip-not-string on its line (kustomize rejects it too)', async () => {
    const { report } = await lint({
      ...base,
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncommonAnnotations:\n  k8s.aliyun.com/eci-with-eip: true\n',
    });
    expect(where(report)).toEqual(['overlays/prod/kustomization.yaml:1:1 skipped-file', 'overlays/prod/kustomization.yaml:4:32 eip-not-string']);
    expect(report.findings[0].message).toMatch(/cannot unmarshal bool into Go struct field Kustomization.commonAnnotations/);
  });

  it('a commonAnnotations entry is where findings on the key land', async () => {
    const { report } = await lint({
      ...base,
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncommonAnnotations:\n  k8s.aliyun.com/eip-bandwidht: "10"\n',
    });
    // kustomize copies commonAnnotations to the object and to its pod template: both copies land on the one entry,
    // reported once. The pods have no EIP, so the Docker Hub image makes eip-missing, on the base's pod template.
    expect(where(report)).toEqual(['base/deployment.yaml:10:5 eip-missing', 'overlays/prod/kustomization.yaml:4:3 eip-unknown-key']);
  });

  it('an EIP key in commonAnnotations reaches the pods; its copy on the object’s own metadata is kustomize’s, not reported', async () => {
    const { report } = await lint({
      ...base,
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncommonAnnotations:\n  k8s.aliyun.com/eci-with-eip: "true"\n',
    });
    expect(report.findings).toEqual([]);
    expect(report.cost.workloads).toEqual([expect.objectContaining({ name: 'api', pods: { min: 2, max: 2 } })]);
  });

  it('an overlay kustomize rejects is skipped with kustomize’s first error line', async () => {
    const { report } = await lint({ 'bad/kustomization.yaml': 'resources:\n  - missing.yaml\n' });
    expect(report.findings).toEqual([
      expect.objectContaining({ ruleId: 'skipped-file', file: 'bad/kustomization.yaml', message: expect.stringMatching(/^Overlay not rendered: kustomize build failed: .*missing\.yaml: no such file or directory$/) }),
    ]);
    // No temporary or absolute paths: the folders are named as in the repository.
    expect(report.findings[0].message).not.toMatch(/eci-egress-lint-|\/tmp\//);
  });
});

describe('the base side of a change', () => {
  it('--base renders the base’s chart from git: the cost change counts the rendered pods on both sides', async () => {
    const { GitRepo } = await import('../github/git-repo.js');
    const repo = new GitRepo();
    repo.write({ 'web/Chart.yaml': f.CHART_YAML, 'web/values.yaml': f.VALUES_CORRECT, 'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE });
    repo.commit('base');
    repo.write({ 'web/values.yaml': f.VALUES_CORRECT.replace('replicaCount: 3', 'replicaCount: 5') });
    const run = await runCli(['.', '-f', 'json', '--base', 'HEAD', ...withTools], repo.dir);
    const report = JSON.parse(run.stdout) as JsonReport & { cost: { base: { total: { max: number } }; change: { max: number } } };
    expect(report.cost.workloads).toEqual([expect.objectContaining({ name: 'web', pods: { min: 5, max: 5 } })]);
    expect(report.cost.base.total.max).toBeCloseTo(3 * 1.17, 2);
    expect(report.cost.change.max).toBeCloseTo(2 * 1.17, 2);
    fs.rmSync(repo.dir, { recursive: true, force: true });
  });
});

describe('kustomize Components', () => {
  it('a Component no kustomization lists is skipped with the reason; one that is listed is rendered through it', async () => {
    const { report } = await lint({
      'base/deployment.yaml': f.BASE_DEPLOYMENT,
      'base/kustomization.yaml': f.BASE_KUSTOMIZATION,
      'components/eip/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: eip.yaml\n',
      'components/eip/eip.yaml': f.EIP_PATCH,
      'components/unused/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n',
      'overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\ncomponents:\n  - ../../components/eip\n',
    });
    expect(report.findings.map((x) => `${x.file}:${x.line} ${x.ruleId}`)).toEqual(['components/unused/kustomization.yaml:2 skipped-file']);
    expect(report.findings[0].message).toMatch(/a kustomize Component is built only through/);
    expect(report.cost.workloads).toEqual([expect.objectContaining({ name: 'api', pods: { min: 2, max: 2 } })]);
  });
});

describe('renderings for a change (the action in a pull request)', () => {
  it('renders the charts and overlays that use a changed file, even one outside their folder; no others', async () => {
    const { filesUnder, renderSources } = await import('../../src/engine/index.js');
    const { defaultConfig } = await import('../../src/config/defaults.js');
    const dir = tempTree({
      'web/Chart.yaml': f.CHART_YAML,
      'web/values.yaml': f.VALUES_CORRECT,
      'web/templates/deployment.yaml': f.DEPLOYMENT_TEMPLATE,
      'api/Chart.yaml': f.CHART_YAML,
      'api/templates/deployment.yaml': f.TEMPLATE_MISTAKE,
      'base/deployment.yaml': f.BASE_DEPLOYMENT,
      'base/kustomization.yaml': f.BASE_KUSTOMIZATION,
      'overlays/prod/kustomization.yaml': f.CORRECT_OVERLAY,
      'overlays/prod/eip.yaml': f.EIP_PATCH,
    });
    const config = defaultConfig();
    config.render = { ...config.render, helm: tools.helm, kustomize: tools.kubectl };
    const units = async (changed: string[]) => [...new Set((await renderSources(dir, filesUnder(dir, ['.'], config), config, new Set(changed))).documents.map((d) => d.unit))].sort();
    expect(await units(['web/values.yaml'])).toEqual(['web']);
    // A base's file renders the overlays that use it.
    expect(await units(['base/deployment.yaml'])).toEqual(['overlays/prod']);
    expect(await units(['api/templates/deployment.yaml', 'overlays/prod/eip.yaml'])).toEqual(['api', 'overlays/prod']);
    expect(await units(['README.md'])).toEqual([]);
  });
});
