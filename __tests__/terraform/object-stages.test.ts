// The stages of reading a Kubernetes object from Terraform, at their edges: an identity that does not resolve, a
// pod template that is not an object, counts that are not numbers, and the paths of a manifest.
import type { Workload } from '../../src/model/index.js';
import { readTerraform } from '../../src/readers/terraform/index.js';
import { hcl, positionOf, prepareTerraform } from './helpers.js';

beforeAll(prepareTerraform);

const FILE = 'infra/app.tf';
const read = (text: string) => readTerraform(FILE, text);
const only = (text: string): Workload => {
  const result = read(text);
  expect(result.workloads).toHaveLength(1);
  return result.workloads[0];
};

describe('identity', () => {
  const deployment = (namespace: string) => hcl`
    variable "ns" {}
    resource "kubernetes_deployment_v1" "api" {
      metadata {
        name      = "api"
        namespace = ${namespace}
      }
      spec {
        template {
          metadata {}
          spec {}
        }
      }
    }
  `;

  test('a namespace that is an expression: its text names the namespace, written, with a note that says what it means', () => {
    const text = deployment('var.ns');
    const result = read(text);
    expect(result.workloads[0]).toMatchObject({ name: 'api', namespace: 'var.ns', namespaceDefaulted: false });
    expect(result.unresolved).toEqual([
      expect.objectContaining({
        what: 'metadata.namespace of kubernetes_deployment_v1.api',
        why: expect.stringMatching(/; config rules that match a namespace do not match it$/),
        span: expect.objectContaining(positionOf(text, 'var.ns')),
      }),
    ]);
  });

  test('an object that is no workload leaves no note about its namespace or its metadata', () => {
    const text = hcl`
      variable "ns" {}
      variable "team" {}
      resource "kubernetes_manifest" "svc" {
        manifest = {
          kind     = "Service"
          metadata = {
            name        = "web"
            namespace   = var.ns
            annotations = { "eci-egress-lint/ignore" = var.team }
          }
        }
      }
    `;
    const result = read(text);
    expect(result.workloads).toEqual([]);
    expect(result.unresolved).toEqual([]);
  });

  test('kubernetes_annotations names its workload like a resource: by address when the name does not resolve', () => {
    const w = only(hcl`
      resource "kubernetes_annotations" "patch" {
        api_version = "apps/v1"
        kind        = "Deployment"
        metadata {
          name = "legacy-\${terraform.workspace}"
        }
        template_annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
      }
    `);
    expect(w).toMatchObject({ kind: 'Deployment', name: 'kubernetes_annotations.patch', namespace: 'default', namespaceDefaulted: true });
    expect(w.span).toMatchObject({ line: 1, column: 1 });
  });
});

describe('pod template', () => {
  test('a manifest whose template is not an object has no pods; its object metadata still makes it a workload', () => {
    const w = only(hcl`
      resource "kubernetes_manifest" "web" {
        manifest = {
          kind     = "Deployment"
          metadata = {
            name        = "web"
            annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
          }
          spec = {
            replicas = 3
            template = "web-template"
          }
        }
      }
    `);
    expect(w.pod).toBeUndefined();
    expect(w.podTemplatePath).toBeUndefined();
    expect(w.replicas).toEqual({});
    expect(w.scheduling).toEqual({ nodeSelector: {}, nodeAffinityIn: {}, tolerationKeys: [] });
  });

  test('without an ECI key, a manifest whose template is not an object is no workload', () => {
    const result = read(hcl`
      resource "kubernetes_manifest" "web" {
        manifest = {
          kind     = "Deployment"
          metadata = { name = "web" }
          spec     = { template = ["not", "a", "map"] }
        }
      }
    `);
    expect(result.workloads).toEqual([]);
  });

  test('a CronJob manifest: every path starts at manifest and spells jobTemplate as the YAML does', () => {
    const w = only(hcl`
      variable "n" {}
      resource "kubernetes_manifest" "report" {
        manifest = {
          kind     = "CronJob"
          metadata = { name = "report" }
          spec = {
            jobTemplate = {
              metadata = { annotations = { "k8s.aliyun.com/eci-with-eip" = "true" } }
              spec = {
                parallelism = var.n
                template    = { spec = { containers = [{ name = "report", image = "busybox" }] } }
              }
            }
          }
        }
      }
    `);
    expect(w.objectMetadata.map((b) => [b.level, b.path])).toEqual([
      ['object', 'manifest.metadata'],
      ['job-template', 'manifest.spec.jobTemplate.metadata'],
    ]);
    expect(w.podTemplatePath).toBe('manifest.spec.jobTemplate.spec.template');
    expect(w.pod).toMatchObject({ level: 'pod', path: 'manifest.spec.jobTemplate.spec.template.metadata' });
    expect(w.replicas).toEqual({});
    expect(w.parallelism.unknown).toMatch(/^manifest\.spec\.jobTemplate\.spec\.parallelism of kubernetes_manifest\.report is not known: /);
    expect(w.images.map((i) => i.value)).toEqual(['busybox']);
  });

  test('a Pod manifest: its own metadata is the pod level, at manifest.metadata', () => {
    const w = only(hcl`
      resource "kubernetes_manifest" "toolbox" {
        manifest = {
          kind     = "Pod"
          metadata = {
            name        = "toolbox"
            annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
          }
          spec = { containers = [{ name = "shell", image = "busybox" }] }
        }
      }
    `);
    expect(w.objectMetadata).toEqual([]);
    expect(w.pod).toMatchObject({ level: 'pod', path: 'manifest.metadata' });
    expect(w.podTemplatePath).toBe('manifest');
    expect(w.images.map((i) => i.value)).toEqual(['busybox']);
  });

  test('a PodTemplate manifest is read like any other kind: its `template` is not looked at', () => {
    const w = only(hcl`
      resource "kubernetes_manifest" "pt" {
        manifest = {
          kind     = "PodTemplate"
          metadata = { name = "pt", labels = { "alibabacloud.com/eci" = "true" } }
          template = { spec = { containers = [{ name = "app", image = "nginx" }] } }
        }
      }
    `);
    expect(w.pod).toBeUndefined();
    expect(w.podTemplatePath).toBeUndefined();
  });

  test('a manifest of a kind that never has pods has none, even with spec.template.spec', () => {
    const w = only(hcl`
      resource "kubernetes_manifest" "cfg" {
        manifest = {
          kind     = "ConfigMap"
          metadata = { name = "cfg", annotations = { "k8s.aliyun.com/eci-with-eip" = "true" } }
          spec     = { template = { spec = {} } }
        }
      }
    `);
    expect(w.pod).toBeUndefined();
  });
});

describe('pod counts', () => {
  const deployment = (replicas: string, type = 'kubernetes_deployment_v1') => hcl`
    variable "n" {}
    resource "${type}" "api" {
      metadata { name = "api" }
      spec {
        replicas = ${replicas}
        template {
          metadata {}
          spec {}
        }
      }
    }
  `;

  test('replicas that are not a number are invalid, named by path and address, without a note', () => {
    const result = read(deployment('"three"'));
    const replicas = result.workloads[0].replicas;
    expect(replicas.invalid).toMatch(/^spec\.replicas of kubernetes_deployment_v1\.api: /);
    expect(replicas.unknown).toMatch(/^spec\.replicas of kubernetes_deployment_v1\.api is not known: /);
    expect(replicas.span).toMatchObject(positionOf(deployment('"three"'), '"three"'));
    expect(result.unresolved).toEqual([]);
  });

  test('replicas that do not resolve are unknown, with a note', () => {
    const result = read(deployment('var.n'));
    expect(result.workloads[0].replicas.invalid).toBeUndefined();
    expect(result.workloads[0].replicas.unknown).toMatch(/^spec\.replicas of kubernetes_deployment_v1\.api is not known: /);
    expect(result.unresolved).toEqual([expect.objectContaining({ what: 'spec.replicas of kubernetes_deployment_v1.api' })]);
  });

  test('a DaemonSet\'s replicas are not read, even when they do not resolve', () => {
    const result = read(deployment('var.n', 'kubernetes_daemon_set_v1'));
    expect(result.workloads[0].replicas).toEqual({});
    expect(result.unresolved).toEqual([]);
  });

  test('a manifest\'s replicas are named by their path under manifest', () => {
    const w = only(hcl`
      resource "kubernetes_manifest" "web" {
        manifest = {
          kind     = "StatefulSet"
          metadata = { name = "web" }
          spec     = { replicas = "three", template = { spec = {} } }
        }
      }
    `);
    expect(w.replicas.invalid).toMatch(/^manifest\.spec\.replicas of kubernetes_manifest\.web: /);
  });

  test.each([
    ['Deployment', { unknown: 'kubernetes_annotations.patch patches a Deployment defined elsewhere; its replicas are not known here' }, {}],
    ['DaemonSet', {}, {}],
    ['Job', {}, { unknown: 'kubernetes_annotations.patch patches a Job defined elsewhere; its parallelism is not known here' }],
    ['CronJob', {}, { unknown: 'kubernetes_annotations.patch patches a CronJob defined elsewhere; its parallelism is not known here' }],
  ])('kubernetes_annotations of a %s: its counts are not known here', (kind, replicas, parallelism) => {
    const w = only(hcl`
      resource "kubernetes_annotations" "patch" {
        kind                 = "${kind}"
        metadata { name = "legacy" }
        template_annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
      }
    `);
    expect(w.replicas).toEqual(replicas);
    expect(w.parallelism).toEqual(parallelism);
  });
});

describe('kubernetes_annotations levels', () => {
  test('of a Pod: its annotations are the pod level, there is no object level', () => {
    const w = only(hcl`
      resource "kubernetes_annotations" "patch" {
        kind        = "Pod"
        metadata { name = "toolbox" }
        annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
      }
    `);
    expect(w.objectMetadata).toEqual([]);
    expect(w.pod).toMatchObject({ level: 'pod', path: 'kubernetes_annotations.patch' });
    expect(w.podTemplatePath).toBeUndefined();
    expect(w.podAnnotationsPath).toBe('annotations');
  });

  test('of a kind without pods: an object level only, a workload only with an ECI key', () => {
    const text = (key: string) => hcl`
      resource "kubernetes_annotations" "patch" {
        kind        = "Service"
        metadata { name = "web" }
        annotations = { "${key}" = "true" }
      }
    `;
    const w = only(text('k8s.aliyun.com/eci-with-eip'));
    expect(w.objectMetadata.map((b) => [b.level, b.path])).toEqual([['object-annotations', 'kubernetes_annotations.patch']]);
    expect(w.pod).toBeUndefined();
    expect(w.podAnnotationsPath).toBeUndefined();
    expect(read(text('example.com/team')).workloads).toEqual([]);
  });
});
