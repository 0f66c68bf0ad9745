import type { Finding } from '../../src/model/index.js';
import { annotations, githubReport, workflowCommand } from '../../src/report/github.js';
import { lint, MIXED_YAML, misplacedDeployment, ORPHAN_YAML, TEMPLATE_YAML } from './helpers.js';

const PERCENT_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: uploader
spec:
  replicas: 1
  selector:
    matchLabels: {app: uploader}
  template:
    metadata:
      labels: {app: uploader}
      annotations:
        k8s.aliyun.com/eci-with-eip: "true"
        k8s.aliyun.com/eip-bandwidth: "10%"
    spec:
      containers:
        - name: uploader
          image: registry.cn-hangzhou.aliyuncs.com/acme/uploader:1.0
`;

/** A value in a folded block scalar: the finding spans lines 14 to 16. */
const MULTILINE_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: billing
spec:
  replicas: 1
  selector:
    matchLabels: {app: billing}
  template:
    metadata:
      labels: {app: billing}
      annotations:
        k8s.aliyun.com/eci-with-eip: "true"
        k8s.aliyun.com/eip-internet-charge-type: >-
          PayBy
          Traffic2
    spec:
      containers:
        - name: billing
          image: registry.cn-hangzhou.aliyuncs.com/acme/billing:1.0
`;

describe('github format (workflow commands)', () => {
  it('one line per finding: ::<level> file,line,col,endLine,endColumn,title::message', () => {
    const out = githubReport(lint({ 'k8s/app.yaml': misplacedDeployment('app') }));
    expect(out).toBe(
      '::error file=k8s/app.yaml,line=7,col=5,endLine=7,endColumn=32,title=eip-misplaced::' +
        "k8s.aliyun.com/eci-with-eip is in the object's own metadata (metadata.annotations), so ECI ignores it and the pods " +
        'of Deployment app get no such setting. ECI reads pod annotations only from spec.template.metadata.annotations. ' +
        'Move it there.\n',
    );
  });

  it('uses the levels error, warning and notice', () => {
    const out = githubReport(lint({ 'w.yaml': ORPHAN_YAML, 't.yaml': TEMPLATE_YAML }));
    expect(out.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['::warning', '::notice']);
  });

  it('errors first, then warnings, then notices, whatever the file order', () => {
    const result = lint({
      'a-template.yaml': TEMPLATE_YAML, // notice, first by file
      'b-worker.yaml': ORPHAN_YAML, // warning
      'c-jobs.yaml': MIXED_YAML, // warning (line 9) then error (line 31)
      'd-app.yaml': misplacedDeployment('app'), // error
    });
    expect(result.findings.map((f) => f.severity)).toEqual(['notice', 'warning', 'warning', 'error', 'error']);
    const lines = githubReport(result).trimEnd().split('\n');
    expect(lines.map((l) => /^::(\w+) file=([^,]+),line=(\d+)/.exec(l)!.slice(1).join(' '))).toEqual([
      'error c-jobs.yaml 31',
      'error d-app.yaml 7',
      'warning b-worker.yaml 13',
      'warning c-jobs.yaml 9',
      'notice a-template.yaml 1',
    ]);
  });

  it('escapes %, CR and LF in the message, and also : and , in properties', () => {
    const [line] = githubReport(lint({ 'we%ird,na:me.yaml': PERCENT_YAML })).split('\n');
    expect(line).toBe(
      '::error file=we%25ird%2Cna%3Ame.yaml,line=14,col=39,endLine=14,endColumn=44,title=eip-invalid-value::' +
        'k8s.aliyun.com/eip-bandwidth: "10%25" is not a whole number of Mbit/s (1–200 Mbit/s for PayByTraffic); ECI rejects or ignores it.',
    );
  });

  it('shows CR, LF and other controls in a message as escapes, so that one finding stays one command', () => {
    const finding: Finding = {
      ruleId: 'eip-missing',
      severity: 'warning',
      message: 'line one\r\nline two: 100%, done\u001b[2J\u202e',
      file: 'dir/a:b,c.yaml',
      span: { line: 3, column: 2, endLine: 3, endColumn: 9, offset: 0, endOffset: 0 },
    };
    expect(annotations([finding]).map(workflowCommand)).toEqual([
      '::warning file=dir/a%3Ab%2Cc.yaml,line=3,col=2,endLine=3,endColumn=9,title=eip-missing::line one\\r\\nline two: 100%25, done\\x1b[2J\\u202e',
    ]);
  });

  it('a finding over several lines has no columns (they may only be sent for one line)', () => {
    const result = lint({ 'billing.yaml': MULTILINE_YAML });
    const finding = result.findings.find((f) => f.ruleId === 'eip-invalid-value')!;
    expect(finding.span.line).toBe(14);
    expect(finding.span.endLine).toBeGreaterThan(14);
    const line = githubReport(result).split('\n').find((l) => l.includes('title=eip-invalid-value'))!;
    expect(line).toMatch(new RegExp(`^::error file=billing\\.yaml,line=14,endLine=${finding.span.endLine},title=eip-invalid-value::`));
    expect(line).not.toContain('col=');
    expect(line).not.toContain('endColumn=');
  });

  it('nothing for a clean run', () => {
    expect(githubReport(lint({}))).toBe('');
  });
});
