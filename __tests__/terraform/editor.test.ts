/** The HCL editor's edits, in native syntax and in JSON: minimal, parseable, idempotent. */
import fs from 'node:fs';
import { applyEdits, applyTfFix, hcl, lintTf, only, prepareTerraform, syntaxError } from './helpers.js';

beforeAll(prepareTerraform);

const JSON_PATH = 'infra/app.tf.json';

describe('.tf.json', () => {
  const deployment = (metadata: string, template: string) => `{
  "resource": {
    "kubernetes_deployment_v1": {
      "web": {
        "metadata": ${metadata},
        "spec": {
          "template": ${template}
        }
      }
    }
  }
}
`;

  it('moves a misplaced annotation into an existing annotations object', () => {
    const text = deployment(
      '{ "name": "web", "annotations": { "team": "a", "k8s.aliyun.com/eci-with-eip": "true" } }',
      '{ "metadata": { "annotations": { "owner": "b" } }, "spec": { "container": [{ "name": "w", "image": "nginx" }] } }',
    );
    const finding = only(lintTf(text, {}, JSON_PATH), 'eip-misplaced');
    const { fixed } = applyTfFix(text, finding, {}, JSON_PATH);
    expect(fixed).toContain('"annotations": { "team": "a" }');
    expect(fixed).toContain('"annotations": { "owner": "b", "k8s.aliyun.com/eci-with-eip": "true" }');
    expect(JSON.parse(fixed)).toBeTruthy();
  });

  it('creates the pod template\'s metadata when it is absent', () => {
    const text = deployment(
      '{ "name": "web", "annotations": { "k8s.aliyun.com/eci-with-eip": "true" } }',
      '{ "spec": { "container": [{ "name": "w", "image": "nginx" }] } }',
    );
    const finding = only(lintTf(text, {}, JSON_PATH), 'eip-misplaced');
    const { fixed } = applyTfFix(text, finding, {}, JSON_PATH);
    const parsed = JSON.parse(fixed);
    const web = parsed.resource.kubernetes_deployment_v1.web;
    expect(web.metadata).toEqual({ name: 'web' }); // the emptied map went with its key
    expect(web.spec.template.metadata).toEqual({ annotations: { 'k8s.aliyun.com/eci-with-eip': 'true' } });
  });

  it('in a multi-line object the new property gets a line of its own (examples/terraform/json/queue-worker.tf.json)', () => {
    const file = 'examples/terraform/json/queue-worker.tf.json';
    const text = fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const { fixed } = applyTfFix(text, only(lintTf(text, {}, file), 'eip-misplaced'), {}, file);
    expect(fixed).toContain('"metadata": {\n              "labels": { "app": "queue-worker" },\n              "annotations": {"k8s.aliyun.com/eci-with-eip": "true"}\n            },');
    // The emptied map went with its key, and its separator.
    expect(fixed).toContain('"namespace": "shop"\n        },');
  });

  it('renames a key and rewrites a value', () => {
    const text = deployment(
      '{ "name": "web" }',
      '{ "metadata": { "annotations": { "k8s.aliyun.com/eci-with-eips": "true", "k8s.aliyun.com/eip-isp": "BPG" } }, "spec": {} }',
    );
    const result = lintTf(text, {}, JSON_PATH);
    const renamed = applyEdits(text, only(result, 'eip-unknown-key').fix!.edits);
    expect(renamed).toContain('"k8s.aliyun.com/eci-with-eip": "true"');
    const rewritten = applyEdits(text, only(result, 'eip-invalid-value').fix!.edits);
    expect(rewritten).toContain('"k8s.aliyun.com/eip-isp": "BGP"');
  });
});

describe('native HCL', () => {
  it('a one-line annotations object takes the new element with a comma', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "web" {
        metadata {
          name        = "web"
          annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
        }
        spec {
          template {
            metadata {
              annotations = { owner = "b" }
            }
            spec {}
          }
        }
      }
    `;
    const { fixed } = applyTfFix(text, only(lintTf(text), 'eip-misplaced'));
    expect(fixed).toContain('metadata {\n    name        = "web"\n  }\n'); // the emptied map went with its key
    expect(fixed).toContain('annotations = { owner = "b", "k8s.aliyun.com/eci-with-eip" = "true" }');
  });

  it('a one-line metadata block becomes multi-line to take the annotations', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "web" {
        metadata {
          name = "web"
          annotations = {
            "k8s.aliyun.com/eci-with-eip" = "true"
            team                          = "a"
          }
        }
        spec {
          template {
            metadata { labels = { app = "web" } }
            spec {}
          }
        }
      }
    `;
    const { fixed } = applyTfFix(text, only(lintTf(text), 'eip-misplaced'));
    expect(fixed).toContain(
      '      metadata {\n        labels = { app = "web" }\n        annotations = {\n          "k8s.aliyun.com/eci-with-eip" = "true"\n        }\n      }\n',
    );
    expect(fixed).toContain('  annotations = {\n      team                          = "a"\n    }');
  });

  it('tabs and CRLF line ends are kept', () => {
    const text = [
      'resource "kubernetes_pod_v1" "p" {',
      '\tmetadata {',
      '\t\tname = "p"',
      '\t\tannotations = {',
      '\t\t\t"k8s.aliyun.com/eip-bandwidth" = "10"',
      '\t\t}',
      '\t}',
      '\tspec {',
      '\t\tcontainer {',
      '\t\t\timage = "docker.io/acme/p:1"',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\r\n');
    const finding = only(lintTf(text), 'eip-missing');
    const fixed = applyEdits(text, finding.fix!.edits);
    expect(syntaxError(fixed)).toBeUndefined();
    expect(fixed).toContain('\t\t\t"k8s.aliyun.com/eip-bandwidth" = "10"\r\n\t\t\t"k8s.aliyun.com/eci-with-eip" = "true"\r\n\t\t}');
  });

  it('a value with template characters is escaped', () => {
    const text = hcl`
      resource "kubernetes_pod_v1" "p" {
        metadata {
          name        = "p"
          annotations = { "k8s.aliyun.com/eip-isp" = " BGP " }
        }
        spec {}
      }
    `;
    const finding = only(lintTf(text), 'eip-invalid-value');
    expect(finding.fix).toBeDefined();
    // The editor writes strings so that `${` stays literal.
    const workload = lintTf(text).workloads[0];
    const edits = workload.editor.setStringValue(workload.pod!.annotations[0], 'a${b}%{c}');
    expect(applyEdits(text, edits!)).toContain('"a$${b}%%{c}"');
  });

  it('applying a fix twice equals applying it once (the relinted text has no fix left)', () => {
    const text = hcl`
      resource "kubernetes_deployment" "api" {
        metadata {
          name        = "api"
          annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
        }
        spec {
          template {
            spec {}
          }
        }
      }
    `;
    const { fixed, relinted } = applyTfFix(text, only(lintTf(text), 'eip-misplaced'));
    expect(relinted.findings.filter((f) => f.fix)).toEqual([]);
    expect(lintTf(fixed).findings).toEqual(relinted.findings);
  });
});
