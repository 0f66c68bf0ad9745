/**
 * Every fixable rule, through the fix engine, in several layouts: the fixed text parses, the finding is gone, and every
 * line the fix did not have to touch is byte-identical (checked line by line, where the edits moved it).
 */
import { applyEdits } from '../../src/fix/index.js';
import { normalizeEdits } from '../../src/fix/edits.js';
import type { Config } from '../../src/model/index.js';
import { crlf, expectUntouchedLinesIdentical, fixText, indent4, lines, ofRule, parseDocs, yamlErrors } from './helpers.js';

interface Case {
  name: string;
  rule: string;
  text: string;
  /** 1-based lines of the text the fix must touch (the same in every layout). */
  touched: number[];
  /** What the fixed document must be, checked on the parsed YAML. */
  expect: (doc: Doc) => void;
  config?: Partial<Config>;
  unsafe?: string[];
  /** Layouts the text allows (flow containers keep it valid when re-indented). Default: all. */
  layouts?: Layout[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
type Layout = 'indent 2' | 'indent 4' | 'CRLF' | 'indent 4 + CRLF';
const LAYOUTS: Record<Layout, (t: string) => string> = {
  'indent 2': (t) => t,
  'indent 4': indent4,
  CRLF: crlf,
  'indent 4 + CRLF': (t) => crlf(indent4(t)),
};

const EIP = 'k8s.aliyun.com/eci-with-eip';
const BW = 'k8s.aliyun.com/eip-bandwidth';
const ISP = 'k8s.aliyun.com/eip-isp';
const CHARGE = 'k8s.aliyun.com/eip-internet-charge-type';
const POOL = 'k8s.aliyun.com/eip-public-ip-address-pool-id';
const IMAGE = 'registry.cn-hangzhou.aliyuncs.com/acme/app:1.0';

/** A Deployment: `meta` lines go under its metadata (after `name:`), `pod` lines under spec.template. */
function deployment(meta: string[], pod: string[], image = IMAGE): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    ...meta.map((l) => '  ' + l),
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    ...pod.map((l) => '    ' + l),
    '    spec:',
    `      containers: [{name: app, image: "${image}"}]`,
  );
}

const podAnnotations = (doc: Doc) => doc.spec.template.metadata?.annotations;

const CASES: Case[] = [
  // eip-misplaced
  {
    name: 'object annotations → existing pod annotations',
    rule: 'eip-misplaced',
    text: deployment(
      ['annotations:', '  team: shop', '  # asked for by the partner team', `  ${EIP}: "true"`],
      ['metadata:', '  labels: {app: web}', '  annotations:', '    prometheus.io/scrape: "true"'],
    ),
    touched: [8],
    expect: (doc) => {
      expect(doc.metadata.annotations).toEqual({ team: 'shop' });
      expect(podAnnotations(doc)).toEqual({ 'prometheus.io/scrape': 'true', [EIP]: 'true' });
    },
  },
  {
    name: 'the only object annotation → a new pod annotations map',
    rule: 'eip-misplaced',
    text: deployment(['annotations:', `  ${EIP}: "true"`], ['metadata:', '  labels:', '    app: web']),
    touched: [5, 6],
    expect: (doc) => {
      // The fix emptied the map: it goes with its key.
      expect(doc.metadata.annotations).toBeUndefined();
      expect(podAnnotations(doc)).toEqual({ [EIP]: 'true' });
      expect(doc.spec.template.metadata.labels).toEqual({ app: 'web' });
    },
  },
  {
    name: 'flow maps on both sides',
    rule: 'eip-misplaced',
    text: deployment([`annotations: {team: shop, "${EIP}": "true"}`], ['metadata:', '  labels: {app: web}', '  annotations: {a: b}']),
    touched: [5, 12],
    expect: (doc) => {
      expect(doc.metadata.annotations).toEqual({ team: 'shop' });
      expect(podAnnotations(doc)).toEqual({ a: 'b', [EIP]: 'true' });
    },
  },
  {
    name: 'a pod template label → pod annotations',
    rule: 'eip-misplaced',
    text: deployment([], ['metadata:', '  labels:', '    app: web', `    ${EIP}: "true"`]),
    touched: [12],
    expect: (doc) => {
      expect(doc.spec.template.metadata.labels).toEqual({ app: 'web' });
      expect(podAnnotations(doc)).toEqual({ [EIP]: 'true' });
    },
  },
  {
    name: 'a pod template without metadata gets one',
    rule: 'eip-misplaced',
    text: deployment(['annotations:', `  '${BW}': '10'`, '  team: shop'], ['# no metadata here']),
    touched: [6],
    expect: (doc) => {
      expect(doc.metadata.annotations).toEqual({ team: 'shop' });
      expect(doc.spec.template.metadata).toEqual({ annotations: { [BW]: '10' } });
    },
  },
  {
    name: "a CronJob's spec.jobTemplate.metadata → the pod template",
    rule: 'eip-misplaced',
    text: lines(
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata:',
      '  name: nightly',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    metadata:',
      '      annotations:',
      `        ${EIP}: "true"`,
      '    spec:',
      '      template:',
      '        metadata:',
      '          labels: {app: nightly}',
      '        spec:',
      `          containers: [{name: job, image: "${IMAGE}"}]`,
    ),
    touched: [8, 9, 10],
    expect: (doc) => {
      // The map and its key go, and so does the Job's metadata that it leaves with nothing.
      expect(doc.spec.jobTemplate.metadata).toBeUndefined();
      expect(doc.spec.jobTemplate.spec.template.metadata.annotations).toEqual({ [EIP]: 'true' });
    },
  },
  // eip-not-string
  {
    name: 'unquoted true, number and yes',
    rule: 'eip-not-string',
    text: deployment([], ['metadata:', '  annotations:', `    ${EIP}: yes  # on`, `    ${BW}: 10`, '    other: x']),
    touched: [11, 12],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true', [BW]: '10', other: 'x' }),
  },
  {
    name: 'unquoted values in a flow map',
    rule: 'eip-not-string',
    text: deployment([], ['metadata:', `  annotations: {${EIP}: true, ${BW}: 20}`]),
    touched: [10],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true', [BW]: '20' }),
  },
  // eip-invalid-value
  {
    name: 'a unit, a misspelt ISP, a capital True, a charge type in lower case',
    rule: 'eip-invalid-value',
    text: deployment([], [
      'metadata:',
      '  annotations:',
      `    ${EIP}: "True"`,
      `    ${BW}: '10M'`,
      `    ${ISP}: BPG`,
      `    ${CHARGE}: "paybytraffic" # lower case`,
    ]),
    touched: [11, 12, 13, 14],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true', [BW]: '10', [ISP]: 'BGP', [CHARGE]: 'PayByTraffic' }),
  },
  {
    name: 'an id with spaces around it',
    rule: 'eip-invalid-value',
    text: deployment([], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${POOL}: " pippool-abc123 "`]),
    touched: [12],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true', [POOL]: 'pippool-abc123' }),
  },
  // eip-unknown-key
  {
    name: 'a typo and a look-alike; quotes stay',
    rule: 'eip-unknown-key',
    text: deployment([], ['metadata:', '  annotations:', '    "k8s.aliyun.com/eci-with-eips": "true"', '    k8s.aliyun.com/eip-bandwith: "10"']),
    touched: [11, 12],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true', [BW]: '10' }),
  },
  {
    name: "another add-on's look-alike in a flow map",
    rule: 'eip-unknown-key',
    text: deployment([], ['metadata:', '  annotations: {network.alibabacloud.com/pod-with-eip: "true"}']),
    touched: [10],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true' }),
  },
  // eip-missing
  {
    name: 'no annotations map',
    rule: 'eip-missing',
    // Under egress: auto (the default) the fix is unsafe; named, it is applied.
    unsafe: ['eip-missing'],
    text: deployment([], ['metadata:', '  # pod labels', '  labels:', '    app: web'], 'nginx:1.27'),
    touched: [],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true' }),
  },
  {
    name: 'an existing annotations map',
    rule: 'eip-missing',
    unsafe: ['eip-missing'],
    text: deployment([], ['metadata:', '  annotations:', '    a: b', '  labels: {app: web}'], 'nginx:1.27'),
    touched: [],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ a: 'b', [EIP]: 'true' }),
  },
  {
    name: 'an empty annotations key',
    rule: 'eip-missing',
    unsafe: ['eip-missing'],
    text: deployment([], ['metadata:', '  labels: {app: web}', '  annotations: # none yet'], 'nginx:1.27'),
    touched: [11],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ [EIP]: 'true' }),
  },
  {
    name: 'no pod template metadata at all',
    rule: 'eip-missing',
    unsafe: ['eip-missing'],
    text: deployment([], [], 'docker.io/library/nginx:1.27'),
    touched: [],
    expect: (doc) => expect(doc.spec.template.metadata).toEqual({ annotations: { [EIP]: 'true' } }),
  },
  {
    name: 'a flow metadata map',
    rule: 'eip-missing',
    unsafe: ['eip-missing'],
    text: deployment([], ['metadata: {labels: {app: web}}'], 'nginx:1.27'),
    touched: [9],
    expect: (doc) => expect(doc.spec.template.metadata).toEqual({ labels: { app: 'web' }, annotations: { [EIP]: 'true' } }),
  },
  // eip-redundant (unsafe)
  {
    name: 'EIP keys behind a NAT gateway, with another annotation left',
    rule: 'eip-redundant',
    text: deployment([], ['metadata:', '  annotations:', '    prometheus.io/scrape: "true"', `    ${EIP}: "true"`, '    # Mbit/s', `    ${BW}: "10"`]),
    touched: [12, 14],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({ 'prometheus.io/scrape': 'true' }),
    config: { natGateway: 'present' },
    unsafe: ['eip-redundant'],
  },
  {
    name: 'the only keys, in a flow map, under egress: nat',
    rule: 'eip-redundant',
    text: deployment([], ['metadata:', `  annotations: {${EIP}: "true", ${ISP}: BGP}`, '  labels: {app: web}']),
    touched: [10],
    // The fix emptied the map: `annotations:` goes with it.
    expect: (doc) => {
      expect(podAnnotations(doc)).toBeUndefined();
      expect(doc.spec.template.metadata).toEqual({ labels: { app: 'web' } });
    },
    config: { egress: 'nat' },
    unsafe: ['eip-redundant'],
  },
  // eip-unexpected (unsafe)
  {
    name: 'two EIP keys in a block map under egress: none',
    rule: 'eip-unexpected',
    text: deployment([], ['metadata:', '  annotations:', `    ${EIP}: "true"`, `    ${BW}: "5"`, '  labels: {app: web}']),
    touched: [10, 11, 12],
    // The fix removes every key of the map: the map goes with its key, no bare `annotations:` or `{}` is left.
    expect: (doc) => {
      expect(podAnnotations(doc)).toBeUndefined();
      expect(doc.spec.template.metadata).toEqual({ labels: { app: 'web' } });
    },
    config: { egress: 'none' },
    unsafe: ['eip-unexpected'],
  },
  {
    name: 'an EIP under egress: none; the emptied map goes with its key',
    rule: 'eip-unexpected',
    text: deployment([], ['metadata:', '  labels: {app: web}', '  annotations:', `    ${EIP}: "true"`]),
    touched: [11, 12],
    expect: (doc) => expect(podAnnotations(doc)).toBeUndefined(),
    config: { egress: 'none' },
    unsafe: ['eip-unexpected'],
  },
  {
    name: 'an emptied map that holds a comment stays, as {}: the comment is kept',
    rule: 'eip-unexpected',
    text: deployment([], ['metadata:', '  labels: {app: web}', '  annotations:', '    # public IP for the webhook', `    ${EIP}: "true"`]),
    touched: [11, 13],
    expect: (doc) => expect(podAnnotations(doc)).toEqual({}),
    config: { egress: 'none' },
    unsafe: ['eip-unexpected'],
  },
];

describe.each(CASES)('$rule: $name', (c) => {
  const layouts = (c.layouts ?? (Object.keys(LAYOUTS) as Layout[])).map((l) => [l, LAYOUTS[l](c.text)] as const);

  test.each(layouts)('%s', (_layout, text) => {
    const { before, out, fixed } = fixText(text, { config: c.config, unsafe: c.unsafe });
    const targets = ofRule(before.findings, c.rule);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t.fix).toBeDefined();

    // Reported as fixed; the fixes of these cases do not depend on each other, so the result is the edits of the
    // findings as first reported, applied together, whatever number of passes the engine took.
    const [file] = out.files;
    expect(file.failed).toEqual([]);
    expect(file.applied).toEqual(expect.arrayContaining(targets));
    expect(out.passes).toBeLessThanOrEqual(targets.length);
    const edits = normalizeEdits(file.applied.flatMap((f) => f.fix!.edits));
    expect(fixed).toBe(applyEdits(text, edits));

    // Parses, and the finding is gone (linted again, and read by a YAML parser with duplicate keys as errors).
    expect(yamlErrors(fixed)).toEqual([]);
    expect(ofRule(out.result.findings, c.rule)).toEqual([]);
    expect(out.result.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
    c.expect(parseDocs(fixed)[0]);

    // Every line the fix did not have to touch is byte-identical; the line breaks stay the file's own.
    expect(expectUntouchedLinesIdentical(text, fixed, edits).sort((a, b) => a - b)).toEqual(c.touched);
    if (text.includes('\r\n')) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');

    // Fixing again changes nothing.
    expect(fixText(fixed, { config: c.config, unsafe: c.unsafe }).fixed).toBe(fixed);
  });
});

test('unsafe fixes are applied only for the rules named', () => {
  const text = deployment([], ['metadata:', '  annotations:', `    ${EIP}: "true"`]);
  const without = fixText(text, { config: { egress: 'none' } });
  expect(without.fixed).toBe(text);
  expect(without.out.files).toEqual([]);
  expect(ofRule(without.out.result.findings, 'eip-unexpected')).toHaveLength(1);
  const otherRule = fixText(text, { config: { egress: 'none' }, unsafe: ['eip-redundant'] });
  expect(otherRule.fixed).toBe(text);
  const named = fixText(text, { config: { egress: 'none' }, unsafe: ['eip-unexpected'] });
  expect(named.fixed).not.toBe(text);
  expect(ofRule(named.out.result.findings, 'eip-unexpected')).toEqual([]);
});
