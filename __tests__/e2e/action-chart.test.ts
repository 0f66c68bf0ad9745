/**
 * A pull request that changes only a chart's values file, with the built action and the real helm: the chart is
 * rendered, the finding and its fix land on the values-file line, and a chart the pull request does not touch is
 * not rendered.
 */
import { jest } from '@jest/globals';
import { parseUnifiedDiff } from '../../src/github/diff.js';
import { FakeGitHub, rightLines } from '../github/fake-github.js';
import { GitRepo } from '../github/git-repo.js';
import { describeIfBuilt } from './helpers.js';
import { commands, prPayload, removeTemps, runAction, temps } from './github-run.js';

jest.setTimeout(180_000);
afterAll(removeTemps);

const CHART = 'apiVersion: v2\nname: NAME\nversion: 0.1.0\n';

const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      containers:
        - name: web
          image: nginx
`;

const VALUES = (eip: string) => `replicaCount: 2
podAnnotations:
  k8s.aliyun.com/eci-with-eip: ${eip}
`;

/** The other chart writes the EIP key on the Deployment's own metadata: eip-misplaced, were it rendered. */
const MISPLACED_TEMPLATE = TEMPLATE.replace('  name: {{ .Release.Name }}\n', '  name: {{ .Release.Name }}\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n');

interface PullRequest {
  repo: GitRepo;
  base: string;
  head: string;
}

/** Base: two charts. Head: only charts/web/values.yaml changes, to an unquoted true on line 3. */
function pullRequest(fake?: FakeGitHub, number = 0): PullRequest {
  const repo = new GitRepo();
  temps.push(repo.dir);
  repo.write({
    'charts/web/Chart.yaml': CHART.replace('NAME', 'web'),
    'charts/web/values.yaml': VALUES('"true"'),
    'charts/web/templates/deployment.yaml': TEMPLATE,
    'charts/api/Chart.yaml': CHART.replace('NAME', 'api'),
    'charts/api/values.yaml': 'replicaCount: 1\n',
    'charts/api/templates/deployment.yaml': MISPLACED_TEMPLATE,
  });
  const base = repo.commit('base');
  repo.git('checkout', '-q', '-b', 'feature');
  repo.write({ 'charts/web/values.yaml': VALUES('true') });
  const head = repo.commit('head');
  if (fake) {
    const files = parseUnifiedDiff(repo.git('diff', base, head)).map((f) => ({
      filename: f.path,
      status: f.status as 'modified',
      ...(f.patch ? { patch: f.patch } : {}),
    }));
    fake.addPull(number, files);
    fake.branches.set('feature', head);
  }
  return { repo, base, head };
}

describeIfBuilt('the action on a pull request that changes a chart’s values file', () => {
  it('act: the chart is rendered, the finding is on the values-file line, the untouched chart is not rendered', async () => {
    const pr = pullRequest();
    const run = await runAction({
      workspace: pr.repo.dir,
      payload: prPayload(7, { base: pr.base, head: pr.head, changedFiles: 1 }),
      env: { ACT: 'true' },
      token: null,
      inputs: { 'INPUT_FAIL-ON': 'never', INPUT_FIX: 'suggest' },
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const errors = commands(run.stdout, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.properties).toMatchObject({ file: 'charts/web/values.yaml', line: '3', col: '32' });
    expect(errors[0]!.message).toContain('eci-with-eip: true is a bool');
    // The other chart would give eip-misplaced if it were rendered; it is not even mentioned.
    expect(run.stdout).not.toContain('charts/api');
    expect(run.summary).not.toContain('charts/api');
    expect(run.outputs.findings).toBe('1');
    // Without the API the fix is a patch in the job summary, on the values file.
    expect(run.summary).toContain('--- a/charts/web/values.yaml');
    expect(run.summary).toContain('+  k8s.aliyun.com/eci-with-eip: "true"');
  });

  it('fix: suggest puts the suggestion on the values-file line of the diff', async () => {
    const fake = new FakeGitHub();
    await fake.start();
    try {
      const pr = pullRequest(fake, 41);
      const run = await runAction({
        workspace: pr.repo.dir,
        fake,
        payload: prPayload(41, { base: pr.base, head: pr.head, changedFiles: 1 }),
        inputs: { 'INPUT_FAIL-ON': 'never', INPUT_FIX: 'suggest' },
      });
      expect(run.stderr).toBe('');
      const reviews = fake.reviews.get(41)!;
      expect(reviews).toHaveLength(1);
      const [comment] = reviews[0].comments;
      expect(reviews[0].comments).toHaveLength(1);
      expect(comment).toMatchObject({ path: 'charts/web/values.yaml', line: 3, side: 'RIGHT' });
      expect(comment.body).toContain('```suggestion\n  k8s.aliyun.com/eci-with-eip: "true"\n```');
      const patch = fake.pulls.get(41)!.files[0].patch;
      expect(rightLines(patch).has(3)).toBe(true);
    } finally {
      await fake.stop();
    }
  });

  it('fix: commit commits the fixed values file only', async () => {
    const fake = new FakeGitHub();
    await fake.start();
    try {
      const pr = pullRequest(fake, 42);
      const run = await runAction({
        workspace: pr.repo.dir,
        fake,
        payload: prPayload(42, { base: pr.base, head: pr.head, changedFiles: 1 }),
        inputs: { 'INPUT_FAIL-ON': 'never', INPUT_FIX: 'commit' },
      });
      expect(run.stderr).toBe('');
      const calls = run.calls.filter((c) => c.operation === 'createCommitOnBranch');
      expect(calls).toHaveLength(1);
      const input = (calls[0].body as { variables: { input: { fileChanges: { additions: { path: string; contents: string }[] } } } }).variables.input;
      const files = Object.fromEntries(input.fileChanges.additions.map((a) => [a.path, Buffer.from(a.contents, 'base64').toString('utf8')]));
      expect(files).toEqual({ 'charts/web/values.yaml': VALUES('"true"') });
      expect(run.outputs['fixed-files']).toBe('charts/web/values.yaml');
    } finally {
      await fake.stop();
    }
  });
});
