import { commentIgnores } from '../../src/suppress/comments.js';
import { lint, lintFiles, yaml } from '../helpers/lint.js';

/** A Deployment with one misplaced key (eip-misplaced, line 6) and one unquoted bandwidth (eip-not-string, line 13). */
function manifest({ objectAnnotations = [] as string[], podAnnotations = [] as string[], misplacedSuffix = '', above = '' } = {}): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  annotations:',
    ...(above ? [`    ${above}`] : []),
    `    k8s.aliyun.com/eip-isp: BGP${misplacedSuffix}`,
    ...objectAnnotations.map((l) => `    ${l}`),
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    '        k8s.aliyun.com/eci-with-eip: "true"',
    '        k8s.aliyun.com/eip-bandwidth: 10',
    ...podAnnotations.map((l) => `        ${l}`),
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: registry.cn-hangzhou.aliyuncs.com/acme/web:1',
    '',
  ].join('\n');
}

const ids = (findings: { ruleId: string }[]) => findings.map((f) => f.ruleId);

describe('suppressions', () => {
  it('reports both findings without a suppression', () => {
    const result = lint(manifest());
    expect(ids(result.findings)).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(result.suppressed).toEqual([]);
  });

  it("honours a comment on the finding's line and records it with its reason and source", () => {
    const result = lint(manifest({ misplacedSuffix: '  # eci-egress-lint ignore eip-misplaced -- moved by the platform team' }));
    expect(ids(result.findings)).toEqual(['eip-not-string']);
    expect(result.suppressed).toHaveLength(1);
    expect(result.suppressed[0]).toMatchObject({ reason: 'moved by the platform team', source: 'comment' });
    expect(result.suppressed[0].finding).toMatchObject({ ruleId: 'eip-misplaced', file: 'k8s/app.yaml', span: { line: 6, column: 5 } });
  });

  it('honours a comment on the line above', () => {
    const result = lint(manifest({ above: '# eci-egress-lint ignore eip-misplaced -- reviewed' }));
    expect(ids(result.findings)).toEqual(['eip-not-string']);
    expect(result.suppressed.map((s) => [s.finding.ruleId, s.finding.span.line, s.reason])).toEqual([['eip-misplaced', 7, 'reviewed']]);
  });

  it('does not reach two lines down', () => {
    const text = manifest({ above: '# eci-egress-lint ignore eip-misplaced -- reviewed' }).replace(
      '-- reviewed\n',
      '-- reviewed\n    team: web\n',
    );
    expect(text).toContain('reviewed\n    team: web\n    k8s.aliyun.com/eip-isp: BGP\n');
    expect(ids(lint(text).findings)).toEqual(['eip-misplaced', 'eip-not-string']);
  });

  it('does not suppress another rule', () => {
    const result = lint(manifest({ misplacedSuffix: '  # eci-egress-lint ignore eip-not-string -- wrong id' }));
    expect(ids(result.findings)).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(result.suppressed).toEqual([]);
  });

  it('takes several rule ids in one comment', () => {
    const text = manifest().replace('k8s.aliyun.com/eip-bandwidth: 10', 'k8s.aliyun.com/eip-bandwidth: 10  # eci-egress-lint ignore eip-misplaced, eip-not-string -- legacy');
    const result = lint(text);
    expect(ids(result.findings)).toEqual(['eip-misplaced']);
    expect(result.suppressed.map((s) => s.finding.ruleId)).toEqual(['eip-not-string']);
  });

  it('honours ignore-file anywhere in the file, for the rules it names', () => {
    const text = `${manifest()}# eci-egress-lint ignore-file eip-misplaced,eip-not-string -- generated file\n`;
    const result = lint(text);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((s) => [s.finding.ruleId, s.source, s.reason])).toEqual([
      ['eip-misplaced', 'comment', 'generated file'],
      ['eip-not-string', 'comment', 'generated file'],
    ]);
    // Only in its own file.
    const other = lintFiles([
      { path: 'a.yaml', text },
      { path: 'b.yaml', text: manifest() },
    ]);
    expect(other.findings.map((f) => f.file)).toEqual(['b.yaml', 'b.yaml']);
  });

  it("records '(no reason given)' when a comment gives none", () => {
    const result = lint(manifest({ misplacedSuffix: ' # eci-egress-lint ignore eip-misplaced' }));
    expect(result.suppressed[0].reason).toBe('(no reason given)');
  });

  it("honours the eci-egress-lint/ignore annotation on the object's metadata, for the whole workload", () => {
    const result = lint(manifest({ objectAnnotations: ['eci-egress-lint/ignore: "eip-misplaced,eip-not-string -- migrating in Q3"'] }));
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((s) => [s.finding.ruleId, s.source, s.reason])).toEqual([
      ['eip-misplaced', 'annotation', 'migrating in Q3'],
      ['eip-not-string', 'annotation', 'migrating in Q3'],
    ]);
  });

  it("honours the annotation on the pod template's metadata", () => {
    const result = lint(manifest({ podAnnotations: ['eci-egress-lint/ignore: "eip-not-string -- quoted by the chart"'] }));
    expect(ids(result.findings)).toEqual(['eip-misplaced']);
    expect(result.suppressed.map((s) => [s.finding.ruleId, s.source])).toEqual([['eip-not-string', 'annotation']]);
  });

  it('does not let one workload’s annotation suppress another workload', () => {
    const first = manifest({ objectAnnotations: ['eci-egress-lint/ignore: "eip-misplaced -- ok"'] });
    const second = manifest().replace('name: web', 'name: api');
    const result = lint(`${first}---\n${second}`);
    expect(result.findings.map((f) => [f.ruleId, f.workload?.name])).toEqual([
      ['eip-not-string', 'web'],
      ['eip-misplaced', 'api'],
      ['eip-not-string', 'api'],
    ]);
  });

  it('honours config ignore entries, with and without a path glob', () => {
    const text = manifest();
    const all = lint(text, { ignore: [{ rule: 'eip-misplaced', reason: 'org-wide' }] });
    expect(ids(all.findings)).toEqual(['eip-not-string']);
    expect(all.suppressed.map((s) => [s.finding.ruleId, s.source, s.reason])).toEqual([['eip-misplaced', 'config', 'org-wide']]);

    const scoped = { ignore: [{ rule: 'eip-not-string', path: 'legacy/**', reason: 'old charts' }] };
    expect(ids(lint(text, scoped, 'legacy/app/web.yaml').findings)).toEqual(['eip-misplaced']);
    expect(ids(lint(text, scoped, 'k8s/web.yaml').findings)).toEqual(['eip-misplaced', 'eip-not-string']);

    expect(lint(text, { ignore: [{ rule: '*', reason: 'everything' }] }).findings).toEqual([]);
  });

  it('with inline-ignores: false, comments and annotations do nothing but config ignores still apply', () => {
    const text = manifest({
      misplacedSuffix: '  # eci-egress-lint ignore eip-misplaced -- comment',
      podAnnotations: ['eci-egress-lint/ignore: "eip-not-string -- annotation"'],
    });
    expect(lint(text).findings).toEqual([]);
    const strict = lint(text, { inlineIgnores: false });
    expect(ids(strict.findings)).toEqual(['eip-misplaced', 'eip-not-string']);
    expect(strict.suppressed).toEqual([]);
    const withConfig = lint(text, { inlineIgnores: false, ignore: [{ rule: 'eip-not-string', reason: 'config' }] });
    expect(ids(withConfig.findings)).toEqual(['eip-misplaced']);
    expect(withConfig.suppressed.map((s) => s.source)).toEqual(['config']);
  });

  it('does not report a rule turned off, not even as suppressed', () => {
    const result = lint(manifest({ misplacedSuffix: '  # eci-egress-lint ignore eip-misplaced -- x' }), { rules: { 'eip-misplaced': 'off' } });
    expect(result.suppressed).toEqual([]);
  });

  it('suppresses eip-missing from a comment above the pod template metadata', () => {
    const text = yaml`
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        template:
          # eci-egress-lint ignore eip-missing -- egress through the office proxy
          metadata:
            labels:
              app: web
          spec:
            containers:
              - name: web
                image: nginx
    `;
    const result = lint(text);
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((s) => [s.finding.ruleId, s.reason])).toEqual([['eip-missing', 'egress through the office proxy']]);
  });
});

describe('commentIgnores', () => {
  it('reads YAML and HCL comments, their lines, rules and reasons', () => {
    const text = 'a: 1 # eci-egress-lint ignore eip-missing -- why -- really\n\n// eci-egress-lint ignore-file eip-redundant, eip-unexpected\n';
    expect(commentIgnores(text)).toEqual([
      { line: 1, rules: ['eip-missing'], reason: 'why -- really', wholeFile: false },
      { line: 3, rules: ['eip-redundant', 'eip-unexpected'], reason: '', wholeFile: true },
    ]);
  });
});
