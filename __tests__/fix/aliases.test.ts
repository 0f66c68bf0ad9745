/**
 * Anchors, aliases and merge keys: the reader reads `<<` as Kubernetes does, and a fix that edits a node which an
 * alias or a merge key also reads is written only when every such reader reads the same afterwards.
 */
import { lintSources } from '../../src/engine/index.js';
import { blockContainers, config, deployment as namedDeployment, EIP, fixText, lines, ofRule, parseDocs } from './helpers.js';

/** A Deployment with a Docker Hub image (evidence of egress): `meta` under metadata, `pod` under spec.template. */
function deployment(meta: string[], pod: string[], name = 'web'): string {
  return namedDeployment(name, meta, pod, blockContainers('nginx:1.27'));
}

interface PodDoc {
  metadata: { annotations?: Record<string, unknown> };
  spec: { template: { metadata: { annotations?: Record<string, unknown> } } };
}

/** The pod template annotations as Kubernetes reads them (the `yaml` package with merge keys on). */
function podAnnotations(text: string): Record<string, unknown> | undefined {
  return (parseDocs(text, { merge: true })[0] as PodDoc).spec.template.metadata.annotations;
}

describe('merge keys are read as Kubernetes reads them', () => {
  test('an EIP set through `<<:` in the pod template annotations is not missing', () => {
    const text = lines(
      'x-eip: &eip',
      `  ${EIP}: "true"`,
      '---',
      ...deployment([], ['metadata:', '  annotations:', '    <<: {' + EIP + ': "true"}', '    team: x']).split('\n'),
    );
    const result = lintSources([{ path: 'k8s/app.yaml', text }], { config: config() });
    expect(ofRule(result.findings, 'eip-missing')).toEqual([]);
    expect(result.workloads[0].pod!.annotations.map((a) => [a.key, a.value])).toEqual([
      ['team', 'x'],
      [EIP, 'true'],
    ]);
  });

  test('`<<: *anchor` and `<<: [*a, *b]`: a key written in the map wins, then the earlier merged map', () => {
    const text = deployment(
      ['annotations: &a', `  ${EIP}: "true"`, '  team: a'],
      ['metadata:', '  annotations:', '    <<: [*a, &b {team: b, tier: b}]', '    owner: me'],
    );
    const result = lintSources([{ path: 'k8s/app.yaml', text }], { config: config() });
    const pod = Object.fromEntries(result.workloads[0].pod!.annotations.map((a) => [a.key, a.value]));
    expect(pod).toEqual({ owner: 'me', [EIP]: 'true', team: 'a', tier: 'b' });
    expect(pod).toEqual(podAnnotations(text));
    expect(ofRule(result.findings, 'eip-missing')).toEqual([]);
  });

  test('a quoted "<<" is an ordinary key, not a merge', () => {
    const text = deployment([], ['metadata:', '  annotations:', `    "<<": {${EIP}: "true"}`]);
    const result = lintSources([{ path: 'k8s/app.yaml', text }], { config: config() });
    expect(ofRule(result.findings, 'eip-missing')).toHaveLength(1);
  });

  test('metadata brought in by a merge key is read too', () => {
    const text = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - &base',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata: {name: one}',
      '    spec:',
      '      template:',
      '        metadata: &podmeta',
      `          annotations: {${EIP}: "true"}`,
      '        spec:',
      '          containers: [{name: app, image: nginx:1.27}]',
      '  - <<: *base',
      '    metadata: {name: two}',
    );
    const result = lintSources([{ path: 'k8s/app.yaml', text }], { config: config() });
    expect(result.workloads.map((w) => [w.name, w.pod!.annotations.map((a) => a.key)])).toEqual([
      ['one', [EIP]],
      ['two', [EIP]],
    ]);
    expect(ofRule(result.findings, 'eip-missing')).toEqual([]);
  });
});

describe('a fix never changes what an alias or a merge key reads', () => {
  test('removing "the copy" from an anchored map that the pod template reads with an alias is not written', () => {
    // metadata.annotations: &ann {…eci-with-eip…} and the pod template's annotations: *ann
    const text = deployment([`annotations: &ann {${EIP}: "true", team: x}`], ['metadata:', '  annotations: *ann']);
    const { before, out, fixed } = fixText(text);
    const [misplaced] = ofRule(before.findings, 'eip-misplaced');
    expect(misplaced.fix?.description).toMatch(/remove the copy/);
    expect(fixed).toBe(text);
    expect(out.files[0].applied).toEqual([]);
    expect(out.files[0].failed).toEqual([
      {
        finding: misplaced,
        reason: 'the fix edits a node that an alias at line 9 also reads, and would change what it reads there; fix it by hand',
      },
    ]);
    // The pods keep their EIP.
    expect(podAnnotations(fixed)).toEqual({ [EIP]: 'true', team: 'x' });
    expect(ofRule(out.result.findings, 'eip-missing')).toEqual([]);
  });

  test('the same through a merge key: the anchored map is left alone', () => {
    const text = deployment([`annotations: &eip {${EIP}: "true"}`], ['metadata:', '  annotations:', '    <<: *eip', '    team: x']);
    const { before, out, fixed } = fixText(text);
    expect(ofRule(before.findings, 'eip-missing')).toEqual([]);
    expect(fixed).toBe(text);
    expect(out.files[0].failed.map((f) => f.reason)).toEqual([
      'the fix edits a node that a merge key (<<) at line 10 also reads, and would change what it reads there; fix it by hand',
    ]);
    expect(podAnnotations(fixed)).toEqual({ [EIP]: 'true', team: 'x' });
  });

  test('when the map that merges writes the key itself, the merged copy does not reach it: the fix is written', () => {
    const text = deployment(
      [`annotations: &ann {${EIP}: "true", team: x}`],
      ['metadata:', '  annotations:', '    <<: *ann', `    ${EIP}: "true"`],
    );
    const { out, fixed } = fixText(text);
    expect(out.files[0].failed).toEqual([]);
    expect(fixed).toContain('annotations: &ann {team: x}');
    expect(podAnnotations(fixed)).toEqual({ [EIP]: 'true', team: 'x' });
    expect(out.result.findings).toEqual([]);
  });

  test("an unsafe removal for one workload does not take the EIP of another that aliases the same map", () => {
    const text = lines(
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata: {name: behind-nat}',
      '    spec:',
      '      template:',
      '        metadata:',
      `          annotations: &eip {${EIP}: "true"}`,
      '        spec: {containers: [{name: app, image: nginx:1.27}]}',
      '  - apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata: {name: public}',
      '    spec:',
      '      template:',
      '        metadata:',
      '          annotations: *eip',
      '        spec: {containers: [{name: app, image: nginx:1.27}]}',
    );
    const workloads = [
      { match: { name: 'behind-nat' }, egress: 'nat' as const },
      { match: { name: 'public' }, egress: 'eip' as const },
    ];
    const { before, out, fixed } = fixText(text, { config: { workloads }, unsafe: ['eip-redundant'] });
    expect(ofRule(before.findings, 'eip-redundant').map((f) => f.workload!.name)).toEqual(['behind-nat']);
    expect(fixed).toBe(text);
    expect(out.files[0].failed.map((f) => f.reason)).toEqual([
      'the fix edits a node that an alias at line 18 also reads, and would change what it reads there; fix it by hand',
    ]);
  });

  test('a fix elsewhere in a document with aliases is written', () => {
    const text = deployment(
      ['labels: &labels {app: web}'],
      ['metadata:', '  labels: *labels', '  annotations:', `    ${EIP}: yes`],
    );
    const { out, fixed } = fixText(text);
    expect(out.files[0].failed).toEqual([]);
    expect(fixed).toContain(`    ${EIP}: "true"`);
    expect(out.result.findings).toEqual([]);
  });

  test('a value that an alias reads is not rewritten under the alias', () => {
    // The bool is anchored in the object's annotations and read by the pod template through an alias: quoting it
    // would change what both read, so it is left for a person to decide.
    const text = deployment([`annotations: &ann {${EIP}: yes}`], ['metadata:', '  annotations: *ann']);
    const { before, out, fixed } = fixText(text);
    expect(ofRule(before.findings, 'eip-not-string').map((f) => f.fix?.safe)).toEqual([true, true]);
    expect(fixed).toBe(text);
    const failed = out.files[0].failed;
    expect(failed.filter((f) => f.finding.ruleId === 'eip-not-string')).toHaveLength(2);
    for (const { reason } of failed) expect(reason).toContain('the fix edits a node that an alias at line 9 also reads, and would change what it reads there');
  });

  test('an alias written as the value itself has no fix: the editor never writes over an alias', () => {
    const text = deployment(['annotations: {other.io/flag: &flag yes}'], ['metadata:', '  annotations:', `    ${EIP}: *flag`]);
    const { before, out } = fixText(text);
    const [notString] = ofRule(before.findings, 'eip-not-string');
    expect(notString.fix).toBeUndefined();
    expect(out.files).toEqual([]);
  });
});
