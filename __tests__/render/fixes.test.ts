import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources, renderSources, sourcesFromPaths } from '../../src/engine/index.js';
import { applyFixes, fixInWorkspace } from '../../src/fix/index.js';
import * as f from './fixtures.js';
import { realTools } from './tools.js';

interface JsonReport {
  findings: { ruleId: string; file: string; line: number; column: number; message: string }[];
}

const tools = realTools();
const withTools = ['--helm', tools.helm, '--kustomize', tools.kubectl];

afterAll(removeTempTrees);

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

async function findings(dir: string): Promise<string[]> {
  const run = await runCli(['.', '-f', 'json', ...withTools], dir);
  return (JSON.parse(run.stdout) as JsonReport).findings.map((x) => `${x.file}:${x.line} ${x.ruleId}`);
}

const chart = (values: string, template = f.DEPLOYMENT_TEMPLATE): Record<string, string> => ({
  'web/Chart.yaml': f.CHART_YAML,
  'web/values.yaml': values,
  'web/templates/deployment.yaml': template,
});

describe('fixes in charts, verified by rendering again with the real helm', () => {
  it('--fix quotes an unquoted true in a values file, and the chart then renders without the finding', async () => {
    const dir = tempTree(chart(f.VALUES_MISTAKE));
    const run = await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'web/values.yaml')).toBe(f.VALUES_MISTAKE.replace('eci-with-eip: true', 'eci-with-eip: "true"'));
    expect(read(dir, 'web/templates/deployment.yaml')).toBe(f.DEPLOYMENT_TEMPLATE);
    expect(run.code).toBe(0);
    expect(await findings(dir)).toEqual([]);
  });

  it('--diff shows the values-file fix and writes nothing', async () => {
    const dir = tempTree(chart(f.VALUES_MISTAKE));
    const run = await runCli(['.', '--diff', ...withTools], dir);
    expect(run.stdout).toContain('--- a/web/values.yaml');
    expect(run.stdout).toContain('-  k8s.aliyun.com/eci-with-eip: true');
    expect(run.stdout).toContain('+  k8s.aliyun.com/eci-with-eip: "true"');
    expect(read(dir, 'web/values.yaml')).toBe(f.VALUES_MISTAKE);
    // What remains is judged from the fixed rendering.
    expect(run.stderr).toContain('No problems found in 3 files.');
  });

  it('--fix writes the meant value over an invalid one in a values file ("10M" → "10")', async () => {
    const values = f.VALUES_CORRECT.replace('podAnnotations:\n', 'podAnnotations:\n  k8s.aliyun.com/eip-bandwidth: 10M\n');
    const dir = tempTree(chart(values));
    expect(await findings(dir)).toEqual(['web/values.yaml:4 eip-invalid-value']);
    await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'web/values.yaml')).toContain('k8s.aliyun.com/eip-bandwidth: "10"\n');
    expect(await findings(dir)).toEqual([]);
  });

  it('--fix rewrites an invalid literal in a template', async () => {
    const template = f.DEPLOYMENT_TEMPLATE.replace(
      '      labels: {app: web}\n',
      '      labels: {app: web}\n      annotations:\n        k8s.aliyun.com/eci-with-eip: "true"\n        k8s.aliyun.com/eip-bandwidth: "10M"\n',
    ).replace('      {{- with .Values.podAnnotations }}\n      annotations:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}\n', '');
    const dir = tempTree(chart('replicaCount: 1\nimage: nginx\n', template));
    expect(await findings(dir)).toEqual(['web/templates/deployment.yaml:18 eip-invalid-value']);
    await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'web/templates/deployment.yaml')).toContain('k8s.aliyun.com/eip-bandwidth: "10"\n');
    expect(await findings(dir)).toEqual([]);
  });

  it('a fix whose rendering still has the finding is not written: the value is used twice, once unquoted', async () => {
    // The template quotes the pod annotation's value but writes it unquoted into a second object as well: quoting
    // the values entry changes nothing in the rendering, so the fix is refused after rendering again.
    const template = `${f.DEPLOYMENT_TEMPLATE}---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}-worker
spec:
  replicas: 1
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
      annotations:
        k8s.aliyun.com/eci-with-eip: {{ .Values.podAnnotations | values | first | toString }}
    spec:
      containers:
        - name: worker
          image: nginx
`;
    const dir = tempTree(chart(f.VALUES_MISTAKE, template));
    const before = await findings(dir);
    expect(before).toContain('web/values.yaml:4 eip-not-string');
    const run = await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'web/values.yaml')).toBe(f.VALUES_MISTAKE);
    expect(run.stdout).toContain('web/values.yaml:4:32 eip-not-string: rendered again, the chart or overlay still has');
  });

  it('a values file the config lists for a chart, outside its folder, is fixed where it is', async () => {
    const dir = tempTree({
      ...chart(f.VALUES_CORRECT),
      'envs/prod/web.yaml': 'podAnnotations:\n  k8s.aliyun.com/eci-with-eip: true\n',
      '.eci-egress-lint.yml': 'render:\n  charts:\n    - path: web\n      values: [envs/prod/web.yaml]\n',
    });
    expect(await findings(dir)).toEqual(['envs/prod/web.yaml:2 eip-not-string']);
    await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'envs/prod/web.yaml')).toBe('podAnnotations:\n  k8s.aliyun.com/eci-with-eip: "true"\n');
    expect(read(dir, 'web/values.yaml')).toBe(f.VALUES_CORRECT);
    expect(await findings(dir)).toEqual([]);
  });
});

describe('what the fix engine refuses in charts', () => {
  const config = () => {
    const c = defaultConfig();
    return { ...c, render: { ...c.render, helm: tools.helm, kustomize: tools.kubectl } };
  };

  it('a fix after which the chart no longer renders is not written, and says why', async () => {
    // The chart itself insists on the written value: after the fix, helm fails.
    const template = `{{- if ne (index .Values.podAnnotations "k8s.aliyun.com/eip-bandwidth") "10M" }}{{ fail "the bandwidth must stay 10M" }}{{- end }}\n${f.DEPLOYMENT_TEMPLATE}`;
    const values = f.VALUES_CORRECT.replace('podAnnotations:\n', 'podAnnotations:\n  k8s.aliyun.com/eip-bandwidth: 10M\n');
    const dir = tempTree(chart(values, template));
    const run = await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'web/values.yaml')).toBe(values);
    const words = run.stdout.replace(/\s+/g, ' ');
    expect(words).toContain('web/values.yaml:4:33 eip-invalid-value: rendered again, the chart or overlay has a new finding at web/templates/deployment.yaml:1');
    expect(words).toContain('the bandwidth must stay 10M');
  });

  it('the fix of a values file is verified by rendering a copy: the files on disk are never written while checking', async () => {
    const dir = tempTree(chart(f.VALUES_MISTAKE));
    const c = config();
    const sources = sourcesFromPaths(dir, ['.'], c);
    const rendered = await renderSources(dir, sources, c);
    const before = lintSources(sources, { config: c, rendered });
    expect(before.findings.map((x) => [x.file, x.span.line, x.ruleId, x.fix?.verify])).toEqual([['web/values.yaml', 4, 'eip-not-string', 'render']]);
    const fixed = await fixInWorkspace(sources, before.findings, { config: c, rendered, cwd: dir, paths: sources.map((s) => s.path) });
    expect(fixed.files.map((x) => [x.path, x.fixed !== x.original, x.failed])).toEqual([['web/values.yaml', true, []]]);
    expect(fixed.result.findings).toEqual([]);
    expect(read(dir, 'web/values.yaml')).toBe(f.VALUES_MISTAKE);
  });

  it('without rendering again (applyFixes), a fix in a chart is not applied, with the reason', async () => {
    const dir = tempTree(chart(f.VALUES_MISTAKE));
    const c = config();
    const sources = sourcesFromPaths(dir, ['.'], c);
    const rendered = await renderSources(dir, sources, c);
    const before = lintSources(sources, { config: c, rendered });
    const fixed = applyFixes(sources, before.findings, { config: c, rendered, linted: before });
    expect(fixed.files.map((x) => [x.path, x.fixed === x.original, x.failed.map((y) => y.reason)])).toEqual([
      ['web/values.yaml', true, ['the fix is in a chart or overlay and must be verified by rendering it again, which this run does not do']],
    ]);
  });

  it('a misplaced key in a chart carries no fix: moving it between values maps is not done', async () => {
    const dir = tempTree(chart(f.VALUES_CORRECT.replace('podAnnotations', 'objectAnnotations')));
    const c = config();
    const sources = sourcesFromPaths(dir, ['.'], c);
    const before = lintSources(sources, { config: c, rendered: await renderSources(dir, sources, c) });
    expect(before.findings.map((x) => [x.file, x.span.line, x.ruleId, x.fix])).toEqual([['web/values.yaml', 4, 'eip-misplaced', undefined]]);
  });
});

describe('fixes in overlays, verified by rendering again with the real kubectl kustomize', () => {
  it('--fix writes the meant value in a patch file', async () => {
    const dir = tempTree({
      'base/kustomization.yaml': f.BASE_KUSTOMIZATION,
      'base/deployment.yaml': f.BASE_DEPLOYMENT,
      'overlays/prod/kustomization.yaml': f.CORRECT_OVERLAY,
      'overlays/prod/eip.yaml': `${f.EIP_PATCH}        k8s.aliyun.com/eip-bandwidth: 10M\n`,
    });
    expect(await findings(dir)).toEqual(['overlays/prod/eip.yaml:10 eip-invalid-value']);
    await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'overlays/prod/eip.yaml')).toContain('k8s.aliyun.com/eip-bandwidth: "10"\n');
    expect(read(dir, 'base/deployment.yaml')).toBe(f.BASE_DEPLOYMENT);
    expect(await findings(dir)).toEqual([]);
  });

  it('--fix writes the meant value in commonAnnotations', async () => {
    const dir = tempTree({
      'base/kustomization.yaml': f.BASE_KUSTOMIZATION,
      'base/deployment.yaml': f.BASE_DEPLOYMENT,
      'overlays/prod/kustomization.yaml': `${f.CORRECT_OVERLAY}commonAnnotations:\n  k8s.aliyun.com/eip-bandwidth: 5m\n`,
      'overlays/prod/eip.yaml': f.EIP_PATCH,
    });
    const before = await findings(dir);
    expect(before).toContain('overlays/prod/kustomization.yaml:6 eip-invalid-value');
    await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'overlays/prod/kustomization.yaml')).toContain('k8s.aliyun.com/eip-bandwidth: "5"\n');
    expect(await findings(dir)).not.toContain('overlays/prod/kustomization.yaml:6 eip-invalid-value');
  });

  it('a fix in a base used by two overlays is checked through both, and written once', async () => {
    const overlay = `resources:\n  - ../../base\n`;
    const dir = tempTree({
      'base/kustomization.yaml': f.BASE_KUSTOMIZATION,
      'base/deployment.yaml': f.BASE_DEPLOYMENT.replace('      labels: {app: api}\n', '      labels: {app: api}\n      annotations:\n        k8s.aliyun.com/eci-with-eip: yes\n'),
      'overlays/prod/kustomization.yaml': overlay,
      'overlays/staging/kustomization.yaml': overlay,
    });
    // kustomize writes the YAML 1.1 `yes` as the string "yes": an invalid value, meant as "true".
    expect(await findings(dir)).toEqual(['base/deployment.yaml:13 eip-invalid-value']);
    await runCli(['.', '--fix', ...withTools], dir);
    expect(read(dir, 'base/deployment.yaml')).toContain('        k8s.aliyun.com/eci-with-eip: "true"\n');
    expect(await findings(dir)).toEqual([]);
  });

});
