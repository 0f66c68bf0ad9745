/** The read stage alone: each file's status, read result, ignore comments and notices. */
import { readSources } from '../../src/engine/read-sources.js';
import type { RenderedFileStatus } from '../../src/model/index.js';
import { makeConfig } from '../helpers/lint.js';

const POD = '# eci-egress-lint ignore eip-not-string -- why\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec: {}\n';
const TEMPLATE = 'kind: Pod\nmetadata:\n  name: {{ .Release.Name }} # eci-egress-lint ignore-file eip-missing\n';
const options = { config: makeConfig() };
const noRendering = new Map<string, RenderedFileStatus>();

describe('readSources', () => {
  it('a file read: scanned, its workloads and its ignore comments', () => {
    const out = readSources([{ path: 'k8s/a.yaml', text: POD }], options, noRendering);
    expect(out.files).toEqual([{ path: 'k8s/a.yaml', status: 'scanned' }]);
    expect(out.reads.flatMap((r) => r.workloads.map((w) => w.name))).toEqual(['a']);
    expect(out.comments.get('k8s/a.yaml')).toEqual([{ line: 1, rules: ['eip-not-string'], reason: 'why', wholeFile: false }]);
    expect(out.findings).toEqual([]);
  });

  it('a file not read (too large): skipped with the reason, a skipped-file notice, nothing read', () => {
    const out = readSources([{ path: 'k8s/big.yaml', skip: 'too large' }], options, noRendering);
    expect(out.files).toEqual([{ path: 'k8s/big.yaml', status: 'skipped', reason: 'too large' }]);
    expect(out.reads).toEqual([]);
    expect(out.comments.get('k8s/big.yaml')).toEqual([]);
    expect(out.findings).toEqual([expect.objectContaining({ ruleId: 'skipped-file', severity: 'notice', file: 'k8s/big.yaml', message: 'Not scanned: too large.' })]);
  });

  it('a file its reader skips (a template): skipped with the reader\'s reason; its comments still count', () => {
    const out = readSources([{ path: 'k8s/t.yaml', text: TEMPLATE }], options, noRendering);
    expect(out.files[0]).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/^a template/) });
    expect(out.findings.map((f) => f.ruleId)).toEqual(['skipped-file']);
    expect(out.comments.get('k8s/t.yaml')).toEqual([expect.objectContaining({ wholeFile: true, rules: ['eip-missing'] })]);
    expect(out.reads).toHaveLength(1);
  });

  it('a file a chart uses is judged through the rendering: its status from there, its comments read, not itself read', () => {
    const used = new Map<string, RenderedFileStatus>([['web/templates/t.yaml', { status: 'scanned', reason: 'rendered with the chart web' }]]);
    const out = readSources([{ path: 'web/templates/t.yaml', text: TEMPLATE }], options, used);
    expect(out.files).toEqual([{ path: 'web/templates/t.yaml', status: 'scanned', reason: 'rendered with the chart web' }]);
    expect(out.reads).toEqual([]);
    expect(out.findings).toEqual([]);
    expect(out.comments.get('web/templates/t.yaml')).toHaveLength(1);
  });

  it('a reader\'s problems are findings with the rule\'s default severity; aliases read are listed with the status', () => {
    const out = readSources(
      [
        { path: 'k8s/broken.yaml', text: 'kind: Pod\nmetadata: {name: [\n' },
        { path: 'k8s/alias.yaml', text: 'kind: Pod\nmetadata:\n  name: p\n  labels: &a {k8s.aliyun.com/eci-with-eip: "true"}\n  annotations: *a\nspec: {}\n' },
      ],
      options,
      noRendering,
    );
    expect(out.findings.map((f) => [f.file, f.ruleId, f.severity])).toEqual([['k8s/broken.yaml', 'parse-error', 'error']]);
    expect(out.files[1].aliasReads?.length).toBeGreaterThan(0);
    expect(out.files[0]).not.toHaveProperty('aliasReads');
  });

  it('without inlineIgnores no comment is read', () => {
    const out = readSources([{ path: 'k8s/a.yaml', text: POD }], { config: makeConfig({ inlineIgnores: false }) }, noRendering);
    expect(out.comments.get('k8s/a.yaml')).toEqual([]);
  });

  it('a path given twice has a status each time but counts once, with its last reading', () => {
    const out = readSources([{ path: 'k8s/a.yaml', text: POD }, { path: 'k8s/a.yaml', skip: 'gone' }], options, noRendering);
    expect(out.files.map((f) => f.status)).toEqual(['scanned', 'skipped']);
    expect(out.reads).toEqual([]);
    expect(out.comments.get('k8s/a.yaml')).toEqual([]);
  });
});
