import type { Config } from '../../model/index.js';
import { expectCleanFix, expectRuleConfigFollowed, findingsOf, lint, lintFiles, only, yaml } from '../../../__tests__/helpers/lint.js';
import { eciProfile, workload } from '../../../__tests__/helpers/manifests.js';

const RULE = 'eip-unexpected';

const cronJob = yaml`
  apiVersion: batch/v1
  kind: CronJob
  metadata:
    name: report-daily
    namespace: batch
    labels:
      team: data
  spec:
    schedule: "0 1 * * *"
    jobTemplate:
      spec:
        template:
          metadata:
            annotations:
              k8s.aliyun.com/eci-with-eip: "true"
              k8s.aliyun.com/eip-bandwidth: "5"
              sidecar.istio.io/inject: "false"
          spec:
            restartPolicy: OnFailure
            containers:
              - name: report
                image: registry.cn-hangzhou.aliyuncs.com/data/report:3
`;

const noneForReports: Partial<Config> = {
  workloads: [{ match: { path: 'jobs/**', kind: 'CronJob', name: 'report-*', namespace: 'batch', labels: { team: 'data' } }, egress: 'none' }],
};
const PATH = 'jobs/report.yaml';

describe('eip-unexpected', () => {
  it('reports an EIP on a workload matched by a workloads rule with egress: none', () => {
    const result = lint(cronJob, noneForReports, PATH);
    const finding = only(result, RULE);
    expect(finding.severity).toBe('warning');
    expect(finding.file).toBe(PATH);
    expect(finding.span).toMatchObject({ line: 15, column: 13, endLine: 15, endColumn: 40 });
    expect(finding.message).toContain('The pods of CronJob report-daily get a public EIP although its egress policy is none');
    expect(finding.message).toContain('security group');
    expect(result.findings.map((f) => f.ruleId)).toEqual([RULE]);
  });

  it('has an unsafe fix that removes the EIP keys only', () => {
    const finding = only(lint(cronJob, noneForReports, PATH), RULE);
    expect(finding.fix?.safe).toBe(false);
    const withoutEipKeys = cronJob.replace('            k8s.aliyun.com/eci-with-eip: "true"\n            k8s.aliyun.com/eip-bandwidth: "5"\n', '');
    expectCleanFix(cronJob, finding, withoutEipKeys, noneForReports, PATH);
  });

  it('gives no finding when the workloads rule does not match', () => {
    expect(findingsOf(lint(cronJob, noneForReports, 'k8s/report.yaml'), RULE)).toEqual([]);
    const otherTeam = cronJob.replace('team: data', 'team: web');
    expect(findingsOf(lint(otherTeam, noneForReports, PATH), RULE)).toEqual([]);
    const otherName = cronJob.replace('name: report-daily', 'name: export-daily');
    expect(findingsOf(lint(otherName, noneForReports, PATH), RULE)).toEqual([]);
  });

  it('reports under a top-level egress: none', () => {
    expect(only(lint(cronJob, { egress: 'none' }), RULE).span.line).toBe(15);
  });

  it('gives no finding for a pod without an EIP, or under the other policies', () => {
    const withoutEip = cronJob.replace(/ +k8s\.aliyun\.com.*\n/g, '');
    expect(lint(withoutEip, { egress: 'none' }).findings).toEqual([]);
    expect(findingsOf(lint(cronJob, { egress: 'auto' }), RULE)).toEqual([]);
    expect(findingsOf(lint(cronJob, { egress: 'eip' }), RULE)).toEqual([]);
  });

  it('follows the rules config: notice changes the severity, off drops it', () => {
    expectRuleConfigFollowed(cronJob, RULE, { egress: 'none' });
  });

  it('an EIP injected by the eci-profile gets no fix even when the manifest writes an EIP setting', () => {
    const app = workload({
      namespace: 'shop',
      labels: ['app: web'],
      annotations: ['k8s.aliyun.com/eip-bandwidth: "10"'],
      image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1',
    });
    const profile = eciProfile({ name: 'all-web', matchLabels: { app: 'web' }, annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' } });
    const result = lintFiles(
      [
        { path: 'k8s/app.yaml', text: app },
        { path: 'k8s/profile.yaml', text: profile },
      ],
      { egress: 'none', cluster: 'serverless' },
    );
    const finding = only(result, RULE);
    expect(finding.message).toContain('injected by the eci-profile selector "all-web"');
    expect(finding.fix).toBeUndefined();
  });
});
