/**
 * Every fixable rule in Terraform (HCL and .tf.json), through the fix engine: the fixed text parses (checked with
 * Terraform's own HCL parser, @cdktf/hcl2json, as well as by linting it again), the finding is gone, the parsed result
 * is the parsed original with only the intended change, every line the fix did not touch is byte-identical, and
 * fixing again changes nothing.
 */
import { parse as hcl2json } from '@cdktf/hcl2json';
import { lintSources } from '../../src/engine/index.js';
import { applyEdits, applyFixes } from '../../src/fix/index.js';
import { normalizeEdits } from '../../src/fix/edits.js';
import type { Config } from '../../src/model/index.js';
import { prepareReaders } from '../../src/readers/index.js';
import { config, crlf, expectUntouchedLinesIdentical, ofRule } from './helpers.js';

beforeAll(async () => {
  await prepareReaders(['x.tf']);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

interface Case {
  name: string;
  rule: string;
  text: string;
  path?: string;
  /** The change the fix is meant to make, on the parsed original (changed in place). */
  change: (tf: Obj) => void;
  config?: Partial<Config>;
  unsafe?: string[];
}

const EIP = 'k8s.aliyun.com/eci-with-eip';
const BW = 'k8s.aliyun.com/eip-bandwidth';

function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}

/** A kubernetes_deployment_v1 `web`: `meta` lines in its metadata block (after name), `pod` lines in the template's. */
function deployment(meta: string[], pod: string[], image = 'registry.cn-hangzhou.aliyuncs.com/acme/web:1.0'): string {
  return lines(
    'resource "kubernetes_deployment_v1" "web" {',
    '  metadata {',
    '    name = "web"',
    ...meta.map((l) => '    ' + l),
    '  }',
    '',
    '  spec {',
    '    replicas = 2',
    '    template {',
    '      metadata {',
    ...pod.map((l) => '        ' + l),
    '      }',
    '      spec {',
    '        container {',
    '          name  = "web"',
    `          image = "${image}"`,
    '        }',
    '      }',
    '    }',
    '  }',
    '}',
  );
}

const web = (tf: Obj) => tf.resource.kubernetes_deployment_v1.web[0];
const podMeta = (tf: Obj) => web(tf).spec[0].template[0].metadata[0];

const CASES: Case[] = [
  {
    name: "the Deployment's own annotations → the pod template's",
    rule: 'eip-misplaced',
    text: deployment(['annotations = {', '  team = "shop"', `  "${EIP}" = "true"`, '}'], ['labels = {', '  app = "web"', '}']),
    change: (tf) => {
      delete web(tf).metadata[0].annotations[EIP];
      podMeta(tf).annotations = { [EIP]: 'true' };
    },
  },
  {
    name: 'kubernetes_annotations: annotations → template_annotations',
    rule: 'eip-misplaced',
    text: lines(
      'resource "kubernetes_annotations" "search" {',
      '  api_version = "apps/v1"',
      '  kind        = "Deployment"',
      '  metadata {',
      '    name = "search"',
      '  }',
      '  annotations = {',
      '    "owner"                       = "search-team"',
      `    "${EIP}" = "true"`,
      '  }',
      '}',
    ),
    change: (tf) => {
      const r = tf.resource.kubernetes_annotations.search[0];
      delete r.annotations[EIP];
      r.template_annotations = { [EIP]: 'true' };
    },
  },
  {
    name: "a CronJob's job_template metadata → the pod template",
    rule: 'eip-misplaced',
    text: lines(
      'resource "kubernetes_cron_job_v1" "report" {',
      '  metadata {',
      '    name = "report"',
      '  }',
      '  spec {',
      '    schedule = "0 3 * * *"',
      '    job_template {',
      '      metadata {',
      '        annotations = {',
      `          "${EIP}" = "true"`,
      '        }',
      '      }',
      '      spec {',
      '        template {',
      '          metadata {}',
      '          spec {',
      '            container {',
      '              name  = "report"',
      '              image = "registry.cn-hangzhou.aliyuncs.com/acme/report:1.0"',
      '            }',
      '          }',
      '        }',
      '      }',
      '    }',
      '  }',
      '}',
    ),
    change: (tf) => {
      const job = tf.resource.kubernetes_cron_job_v1.report[0].spec[0].job_template[0];
      // The fix emptied the map: `annotations = {…}` goes with it.
      delete job.metadata[0].annotations;
      job.spec[0].template[0].metadata[0].annotations = { [EIP]: 'true' };
    },
  },
  {
    name: 'a bandwidth with a unit and a misspelt ISP',
    rule: 'eip-invalid-value',
    text: deployment([], ['annotations = {', `  "${EIP}" = "true"`, `  "${BW}" = "10M"`, '  "k8s.aliyun.com/eip-isp" = "BPG"', '}']),
    change: (tf) => Object.assign(podMeta(tf).annotations, { [BW]: '10', 'k8s.aliyun.com/eip-isp': 'BGP' }),
  },
  {
    name: 'a misspelt key',
    rule: 'eip-unknown-key',
    text: deployment([], ['annotations = {', '  "k8s.aliyun.com/eci-with-eips" = "true"', '}']),
    change: (tf) => {
      podMeta(tf).annotations = { [EIP]: 'true' };
    },
  },
  {
    name: 'the missing annotation, with a new annotations map',
    rule: 'eip-missing',
    unsafe: ['eip-missing'], // unsafe under egress: auto
    text: deployment([], ['labels = {', '  app = "web"', '}'], 'nginx:1.27'),
    change: (tf) => {
      podMeta(tf).annotations = { [EIP]: 'true' };
    },
  },
  {
    name: 'an EIP behind a NAT gateway',
    rule: 'eip-redundant',
    text: deployment([], ['annotations = {', '  "prometheus.io/scrape" = "true"', `  "${EIP}" = "true"`, `  "${BW}" = "20"`, '}']),
    change: (tf) => {
      podMeta(tf).annotations = { 'prometheus.io/scrape': 'true' };
    },
    config: { natGateway: 'present' },
    unsafe: ['eip-redundant'],
  },
  {
    name: 'an EIP under egress: none',
    rule: 'eip-unexpected',
    text: deployment([], ['annotations = {', `  "${EIP}" = "true"`, '  "team" = "finance"', '}']),
    change: (tf) => {
      podMeta(tf).annotations = { team: 'finance' };
    },
    config: { egress: 'none' },
    unsafe: ['eip-unexpected'],
  },
  {
    name: 'the only object annotation, in a map with a comment: the map stays, as {}, with its comment',
    rule: 'eip-misplaced',
    text: deployment(['annotations = {', `  "${EIP}" = "true" # public IP`, '  # set by the release tool', '}'], ['labels = {', '  app = "web"', '}']),
    change: (tf) => {
      web(tf).metadata[0].annotations = {};
      podMeta(tf).annotations = { [EIP]: 'true' };
    },
  },
  {
    name: '.tf.json: the Deployment\'s own annotations → the pod template\'s',
    rule: 'eip-misplaced',
    path: 'infra/app.tf.json',
    text: JSON.stringify(
      {
        resource: {
          kubernetes_deployment_v1: {
            web: {
              metadata: { name: 'web', annotations: { [EIP]: 'true' } },
              spec: {
                replicas: 2,
                template: {
                  metadata: { labels: { app: 'web' } },
                  spec: { container: [{ name: 'web', image: 'registry.cn-hangzhou.aliyuncs.com/acme/web:1.0' }] },
                },
              },
            },
          },
        },
      },
      null,
      2,
    ) + '\n',
    change: () => undefined, // compared as JSON below
  },
];

/** The parsed Terraform: HCL through Terraform's parser, .tf.json as JSON in the same shape for the checks here. */
async function parseTf(path: string, text: string): Promise<Obj> {
  return path.endsWith('.json') ? JSON.parse(text) : ((await hcl2json(path, text)) as Obj);
}

describe.each(CASES)('$rule: $name', (c) => {
  const path = c.path ?? 'infra/app.tf';
  const layouts: [string, string][] = path.endsWith('.json') ? [['as written', c.text]] : [['LF', c.text], ['CRLF', crlf(c.text)]];

  test.each(layouts)('%s', async (_layout, text) => {
    const cfg = config(c.config);
    const sources = [{ path, text }];
    const before = lintSources(sources, { config: cfg });
    const targets = ofRule(before.findings, c.rule);
    expect(targets.length).toBeGreaterThan(0);
    for (const t of targets) expect(t.fix).toBeDefined();

    const out = applyFixes(sources, before.findings, { config: cfg, unsafeRules: c.unsafe });
    const [file] = out.files;
    expect(file.failed).toEqual([]);
    expect(file.applied).toEqual(expect.arrayContaining(targets));
    const fixed = file.fixed;
    expect(fixed).not.toBe(text);

    // Parses (Terraform's parser), and linting it again reports neither the finding nor a parse error.
    const parsed = await parseTf(path, fixed);
    expect(ofRule(out.result.findings, c.rule)).toEqual([]);
    expect(ofRule(out.result.findings, 'parse-error')).toEqual([]);

    // Only the intended change.
    const expected = await parseTf(path, text);
    if (path.endsWith('.json')) {
      const w = expected.resource.kubernetes_deployment_v1.web;
      delete w.metadata.annotations; // emptied by the fix: it goes
      w.spec.template.metadata.annotations = { [EIP]: 'true' };
    } else {
      c.change(expected);
    }
    expect(parsed).toEqual(expected);

    // Lines the fix did not touch are byte-identical, line breaks included.
    const edits = normalizeEdits(file.applied.flatMap((f) => f.fix!.edits));
    if (out.passes === 1) {
      expect(fixed).toBe(applyEdits(text, edits));
      expectUntouchedLinesIdentical(text, fixed, edits);
    }
    if (text.includes('\r\n')) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');

    // Fixing again changes nothing.
    const again = applyFixes([{ path, text: fixed }], out.result.findings, { config: cfg, unsafeRules: c.unsafe });
    expect(again.files.every((f) => f.fixed === fixed)).toBe(true);
  });
});
