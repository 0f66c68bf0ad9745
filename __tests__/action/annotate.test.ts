import { annotate } from '../../src/action/annotate.js';
import { resolveConfig } from '../../src/config/load.js';
import { lintSources } from '../../src/engine/index.js';
import type { Finding, Severity } from '../../src/model/index.js';
import { githubReport } from '../../src/report/github.js';
import { captureStdout } from './helpers.js';

function finding(severity: Severity, line: number, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'eip-missing',
    severity,
    message: `finding at ${line}`,
    file: 'k8s/app.yaml',
    span: { line, column: 3, endLine: line, endColumn: 10, offset: 0, endOffset: 0 },
    ...extra,
  };
}

const MISPLACED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.cn-hangzhou.aliyuncs.com/acme/web:1.0
`;

describe('annotate (workflow commands)', () => {
  it('a real finding: title is the rule id, exact position, escaped message', () => {
    const result = lintSources([{ path: 'deploy/web, v2.yaml', text: MISPLACED }], { config: resolveConfig({}, 'test') });
    const lines = captureStdout(() => annotate(result.findings));
    expect(lines).toEqual([
      '::error title=eip-misplaced,file=deploy/web%2C v2.yaml,line=6,endLine=6,col=5,endColumn=32::' +
        "k8s.aliyun.com/eci-with-eip is in the object's own metadata (metadata.annotations), so ECI ignores it and the pods " +
        'of Deployment web get no such setting. ECI reads pod annotations only from spec.template.metadata.annotations. ' +
        'Move it there.',
      'The job summary lists all 1 finding(s).',
    ]);
  });

  it('errors first, then warnings, then notices', () => {
    const lines = captureStdout(() =>
      annotate([finding('notice', 1), finding('warning', 2), finding('error', 3), finding('warning', 4), finding('error', 5)]),
    );
    expect(lines.filter((l) => l.startsWith('::')).map((l) => /^::(\w+) .*line=(\d+),/.exec(l)!.slice(1).join(' '))).toEqual([
      'error 3',
      'error 5',
      'warning 2',
      'warning 4',
      'notice 1',
    ]);
  });

  it('no columns for a finding over several lines', () => {
    const multi = finding('error', 4, { span: { line: 4, column: 20, endLine: 6, endColumn: 1, offset: 0, endOffset: 0 } });
    const [line, last] = captureStdout(() => annotate([multi]));
    expect(last).toBe('The job summary lists all 1 finding(s).');
    expect(line).toBe('::error title=eip-missing,file=k8s/app.yaml,line=4,endLine=6::finding at 4');
  });

  it('shows newlines and control characters in messages as escapes, and escapes percent signs', () => {
    const [line] = captureStdout(() => annotate([finding('warning', 1, { message: '50% of\r\nthe \u001b[2Jpods\u202e' })]));
    expect(line).toBe('::warning title=eip-missing,file=k8s/app.yaml,line=1,endLine=1,col=3,endColumn=10::50%25 of\\r\\nthe \\x1b[2Jpods\\u202e');
  });

  it('past 10 of a level, one line says how many more are in the job summary', () => {
    const many = [
      ...Array.from({ length: 12 }, (_, i) => finding('error', i + 1)),
      ...Array.from({ length: 11 }, (_, i) => finding('warning', i + 100)),
      finding('notice', 500),
    ];
    const lines = captureStdout(() => annotate(many));
    expect(lines.filter((l) => l.startsWith('::error ')).length).toBe(12);
    expect(lines.filter((l) => l.startsWith('::warning ')).length).toBe(11);
    expect(lines.filter((l) => l.startsWith('::notice ')).length).toBe(1);
    expect(lines[lines.length - 1]).toBe('GitHub shows 10 annotations per level; 3 more are in the job summary, which lists all 24.');
  });

  it('nothing for no findings', () => {
    expect(captureStdout(() => annotate([]))).toEqual([]);
  });

  it('says what the github format says: the same level, message and properties for each finding, in the same order', () => {
    const findings = [
      finding('notice', 9, { message: 'a notice: 100%, with a\r\nbreak\u001b[2J', file: 'dir/a:b,c.yaml' }),
      finding('error', 4, { span: { line: 4, column: 3, endLine: 6, endColumn: 2, offset: 0, endOffset: 0 } }),
      finding('warning', 2),
    ];
    // Properties in a fixed order: @actions/core writes title first, the github format file first.
    const parse = (command: string) => {
      const match = /^::(\w+) ([^:]*)::(.*)$/.exec(command)!;
      return [match[1], match[2].split(',').sort().join(','), match[3]];
    };
    const fromAction = captureStdout(() => annotate(findings)).filter((l) => l.startsWith('::'));
    const fromFormat = githubReport({ findings } as Parameters<typeof githubReport>[0]).trimEnd().split('\n');
    expect(fromAction).toHaveLength(3);
    expect(fromAction.map(parse)).toEqual(fromFormat.map(parse));
    expect(fromAction.map((l) => parse(l)[0])).toEqual(['error', 'warning', 'notice']);
  });
});
