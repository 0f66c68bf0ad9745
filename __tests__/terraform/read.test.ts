import { hcl, lintTf, lintTfFiles, positionOf, prepareTerraform, workloadNamed } from './helpers.js';
import { readTerraform } from '../../src/readers/terraform/index.js';

beforeAll(prepareTerraform);

const TEMPLATE_RESOURCES: [string, string][] = [
  ['kubernetes_deployment', 'Deployment'],
  ['kubernetes_deployment_v1', 'Deployment'],
  ['kubernetes_stateful_set', 'StatefulSet'],
  ['kubernetes_stateful_set_v1', 'StatefulSet'],
  ['kubernetes_daemonset', 'DaemonSet'],
  ['kubernetes_daemon_set_v1', 'DaemonSet'],
  ['kubernetes_job', 'Job'],
  ['kubernetes_job_v1', 'Job'],
  ['kubernetes_replication_controller', 'ReplicationController'],
  ['kubernetes_replication_controller_v1', 'ReplicationController'],
];

function templateResource(type: string): string {
  return hcl`
    resource "${type}" "web" {
      metadata {
        name      = "web"
        namespace = "shop"
        annotations = {
          "team" = "storefront"
        }
      }
      spec {
        replicas = 3
        template {
          metadata {
            labels = { app = "web" }
            annotations = {
              "k8s.aliyun.com/eci-with-eip" = "true"
            }
          }
          spec {
            container {
              name  = "web"
              image = "nginx:1.27"
            }
          }
        }
      }
    }
  `;
}

describe('hashicorp/kubernetes resources with a pod template (legacy and _v1 names)', () => {
  it.each(TEMPLATE_RESOURCES)('%s is a %s with its pod template at spec.template.metadata', (type, kind) => {
    const text = templateResource(type);
    const result = lintTf(text);
    const w = workloadNamed(result, 'web');
    expect(w.source).toBe('terraform');
    expect(w.kind).toBe(kind);
    expect(w.namespace).toBe('shop');
    expect(w.namespaceDefaulted).toBe(false);
    expect(w.objectMetadata[0]).toMatchObject({ level: 'object', path: 'metadata' });
    expect(w.objectMetadata[0].annotations.map((a) => a.key)).toEqual(['team']);
    expect(w.pod).toMatchObject({ level: 'pod', path: 'spec.template.metadata' });
    const entry = w.pod!.annotations[0];
    expect(entry).toMatchObject({ key: 'k8s.aliyun.com/eci-with-eip', value: 'true', valueType: 'string' });
    expect(entry.keySpan).toMatchObject(positionOf(text, '"k8s.aliyun.com/eci-with-eip"'));
    expect(entry.valueSpan).toMatchObject(positionOf(text, '"true"'));
    expect(w.podTemplatePath).toBe('spec.template');
    expect(w.images.map((i) => i.value)).toEqual(['nginx:1.27']);
    expect(w.images[0].span).toMatchObject(positionOf(text, '"nginx:1.27"'));
    expect(w.span).toMatchObject({ line: 1, column: 1 });
    if (kind === 'Job' || kind === 'DaemonSet') expect(w.replicas).toEqual({});
    else {
      const at = positionOf(text, 'replicas = 3');
      expect(w.replicas).toMatchObject({ value: 3, span: { line: at.line, column: at.column + 'replicas = '.length } });
    }
  });

  it.each([['kubernetes_cron_job'], ['kubernetes_cron_job_v1']])('%s: job_template.metadata is the job-template level, the pods are under job_template.spec.template', (type) => {
    const text = hcl`
      resource "${type}" "report" {
        metadata { name = "report" }
        spec {
          schedule = "0 1 * * *"
          job_template {
            metadata {
              annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
            }
            spec {
              parallelism = 2
              template {
                metadata {}
                spec {
                  container {
                    name  = "report"
                    image = "registry.cn-hangzhou.aliyuncs.com/acme/report:1"
                  }
                }
              }
            }
          }
        }
      }
    `;
    const w = workloadNamed(lintTf(text), 'report');
    expect(w.kind).toBe('CronJob');
    expect(w.objectMetadata.map((b) => [b.level, b.path])).toEqual([
      ['object', 'metadata'],
      ['job-template', 'spec.job_template.metadata'],
    ]);
    expect(w.objectMetadata[1].annotations[0].key).toBe('k8s.aliyun.com/eci-with-eip');
    expect(w.pod).toMatchObject({ level: 'pod', path: 'spec.job_template.spec.template.metadata', annotations: [] });
    expect(w.podTemplatePath).toBe('spec.job_template.spec.template');
    expect(w.parallelism.value).toBe(2);
  });

  it.each([['kubernetes_pod'], ['kubernetes_pod_v1']])('%s: the top-level metadata is the pod\'s own', (type) => {
    const text = hcl`
      resource "${type}" "toolbox" {
        metadata {
          name = "toolbox"
          annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
        }
        spec {
          container {
            name  = "shell"
            image = "busybox:1.36"
          }
          node_selector = { type = "virtual-kubelet" }
          toleration {
            key      = "virtual-kubelet.io/provider"
            operator = "Exists"
          }
        }
      }
    `;
    const w = workloadNamed(lintTf(text), 'toolbox');
    expect(w.kind).toBe('Pod');
    expect(w.objectMetadata).toEqual([]);
    expect(w.pod).toMatchObject({ level: 'pod', path: 'metadata' });
    expect(w.pod!.annotations[0].key).toBe('k8s.aliyun.com/eci-with-eip');
    expect(w.scheduling.nodeSelector).toEqual({ type: 'virtual-kubelet' });
    expect(w.scheduling.tolerationKeys).toEqual(['virtual-kubelet.io/provider']);
    expect(w.images.map((i) => i.where)).toEqual(['container shell image']);
  });

  it('reads env values, command and args for URLs, init containers too, and node affinity', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "api" {
        metadata { name = "api" }
        spec {
          template {
            metadata {}
            spec {
              init_container {
                name    = "migrate"
                image   = "registry.cn-hangzhou.aliyuncs.com/acme/migrate:1"
                command = ["migrate", "--source", "https://github.com/acme/schema"]
              }
              container {
                name  = "api"
                image = "registry.cn-hangzhou.aliyuncs.com/acme/api:1"
                args  = ["--upstream=https://api.example.com/v2"]
                env {
                  name  = "WEBHOOK"
                  value = "https://hooks.slack.com/services/T000"
                }
              }
              affinity {
                node_affinity {
                  required_during_scheduling_ignored_during_execution {
                    node_selector_term {
                      match_expressions {
                        key      = "type"
                        operator = "In"
                        values   = ["virtual-kubelet"]
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `;
    const w = workloadNamed(lintTf(text), 'api');
    expect(w.urls.map((u) => `${u.where} ${u.value}`)).toEqual([
      'init container migrate command https://github.com/acme/schema',
      'container api env WEBHOOK https://hooks.slack.com/services/T000',
      'container api args https://api.example.com/v2',
    ]);
    expect(w.urls).toHaveLength(3);
    expect(w.scheduling.nodeAffinityIn).toEqual({ type: ['virtual-kubelet'] });
  });

  it('names a workload by its resource address when metadata.name is not a literal; the namespace defaults', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "api" {
        metadata { name = "api-\${terraform.workspace}" }
        spec {
          template {
            metadata {}
            spec {}
          }
        }
      }
    `;
    const w = lintTf(text).workloads[0];
    expect(w.name).toBe('kubernetes_deployment_v1.api');
    expect(w.namespace).toBe('default');
    expect(w.namespaceDefaulted).toBe(true);
  });

  it('reads eci-egress-lint/ignore annotations from both levels', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "api" {
        metadata {
          name = "api"
          annotations = { "eci-egress-lint/ignore" = "eip-missing -- egress through the office proxy" }
        }
        spec {
          template {
            metadata {
              annotations = { "eci-egress-lint/ignore" = "eip-redundant,eip-unexpected -- reviewed" }
            }
            spec {}
          }
        }
      }
    `;
    const w = lintTf(text).workloads[0];
    expect(w.ignores.map((i) => [i.rules, i.reason])).toEqual([
      [['eip-redundant', 'eip-unexpected'], 'reviewed'],
      [['eip-missing'], 'egress through the office proxy'],
    ]);
  });

  it('namespaces and autoscalers of the provider are read (labels for virtual nodes, HPA ranges)', () => {
    const text = hcl`
      resource "kubernetes_namespace_v1" "batch" {
        metadata {
          name   = "batch"
          labels = { "alibabacloud.com/eci" = "true" }
        }
      }
      resource "kubernetes_horizontal_pod_autoscaler_v2" "api" {
        metadata { name = "api" }
        spec {
          min_replicas = 2
          max_replicas = 12
          scale_target_ref {
            kind = "Deployment"
            name = "api"
          }
        }
      }
      resource "kubernetes_deployment_v1" "api" {
        metadata { name = "api" }
        spec {
          replicas = 2
          template {
            metadata {}
            spec {}
          }
        }
      }
    `;
    const result = lintTf(text);
    const api = workloadNamed(result, 'api');
    expect(api.autoscaler).toMatchObject({ name: 'api', min: { value: 2 }, max: { value: 12 } });
    const read = readTerraform('infra/app.tf', text);
    expect(read.namespaces).toEqual([expect.objectContaining({ name: 'batch', labels: { 'alibabacloud.com/eci': 'true' } })]);
  });
});

describe('kubernetes_manifest', () => {
  it('reads the manifest object as a Kubernetes object with the YAML\'s shape', () => {
    const text = hcl`
      resource "kubernetes_manifest" "web" {
        manifest = {
          apiVersion = "apps/v1"
          kind       = "Deployment"
          metadata = {
            name      = "web"
            namespace = "shop"
            annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
          }
          spec = {
            replicas = 4
            template = {
              metadata = {
                labels = { app = "web" }
              }
              spec = {
                nodeSelector = { type = "virtual-kubelet" }
                tolerations  = [{ key = "virtual-kubelet.io/provider", operator = "Exists" }]
                containers = [
                  { name = "web", image = "nginx:1.27", env = [{ name = "API", value = "https://api.example.com" }] },
                ]
              }
            }
          }
        }
      }
    `;
    const w = workloadNamed(lintTf(text), 'web');
    expect(w.kind).toBe('Deployment');
    expect(w.objectMetadata[0]).toMatchObject({ path: 'manifest.metadata' });
    expect(w.objectMetadata[0].annotations[0].key).toBe('k8s.aliyun.com/eci-with-eip');
    expect(w.pod).toMatchObject({ path: 'manifest.spec.template.metadata' });
    expect(w.podTemplatePath).toBe('manifest.spec.template');
    expect(w.replicas.value).toBe(4);
    expect(w.images.map((i) => i.value)).toEqual(['nginx:1.27']);
    expect(w.urls.map((u) => u.value)).toEqual(['https://api.example.com']);
    expect(w.scheduling).toMatchObject({ nodeSelector: { type: 'virtual-kubelet' }, tolerationKeys: ['virtual-kubelet.io/provider'] });
  });

  it('a manifest that is not written as an object (yamldecode(file(…))) is listed as unresolved, not guessed', () => {
    const text = hcl`
      resource "kubernetes_manifest" "web" {
        manifest = yamldecode(file("\${path.module}/web.yaml"))
      }
    `;
    const result = lintTf(text);
    expect(result.workloads).toEqual([]);
    expect(result.files[0].unresolved).toEqual([expect.objectContaining({ what: 'manifest of kubernetes_manifest.web', why: 'the function yamldecode() is not evaluated' })]);
  });

  it('a Service manifest with an EIP key is a workload without pods (for eip-no-effect)', () => {
    const text = hcl`
      resource "kubernetes_manifest" "svc" {
        manifest = {
          apiVersion = "v1"
          kind       = "Service"
          metadata = {
            name        = "web"
            annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
          }
          spec = { ports = [{ port = 80 }] }
        }
      }
    `;
    const result = lintTf(text);
    expect(result.workloads[0]).toMatchObject({ kind: 'Service', pod: undefined });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-no-effect']);
  });
});

describe('kubernetes_annotations', () => {
  it('annotations are the object\'s own (object-annotations), template_annotations reach the pods', () => {
    const text = hcl`
      resource "kubernetes_annotations" "patch" {
        api_version = "apps/v1"
        kind        = "Deployment"
        metadata {
          name      = "legacy"
          namespace = "shop"
        }
        annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
        template_annotations = { "k8s.aliyun.com/eip-bandwidth" = "5" }
      }
    `;
    const w = workloadNamed(lintTf(text), 'legacy');
    expect(w.kind).toBe('Deployment');
    expect(w.namespace).toBe('shop');
    expect(w.objectMetadata).toEqual([expect.objectContaining({ level: 'object-annotations' })]);
    expect(w.objectMetadata[0].annotations[0].key).toBe('k8s.aliyun.com/eci-with-eip');
    expect(w.pod!.annotations.map((a) => a.key)).toEqual(['k8s.aliyun.com/eip-bandwidth']);
    expect(w.podAnnotationsPath).toBe('template_annotations');
    expect(w.replicas.unknown).toMatch(/defined elsewhere/);
  });
});

describe('alicloud ECI resources', () => {
  it('alicloud_eci_container_group: auto_create_eip, eip_bandwidth and eip_instance_id become the ECI pod annotations', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "crawler" {
        container_group_name = "crawler"
        auto_create_eip      = true
        eip_bandwidth        = 20
        eip_instance_id      = "eip-bp1crawler"
        containers {
          name  = "crawler"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/crawler:1"
          environment_vars {
            key   = "TARGET"
            value = "https://www.example.com/prices"
          }
        }
      }
    `;
    const w = workloadNamed(lintTf(text, { rules: { 'eip-conflict': 'off' } }), 'crawler');
    expect(w.kind).toBe('alicloud_eci_container_group');
    expect(w.eciByConstruction).toBeDefined();
    expect(w.pod!.annotations.map((a) => [a.key, a.value, a.label])).toEqual([
      ['k8s.aliyun.com/eci-with-eip', 'true', 'auto_create_eip'],
      ['k8s.aliyun.com/eip-bandwidth', '20', 'eip_bandwidth'],
      ['k8s.aliyun.com/eci-eip-instanceid', 'eip-bp1crawler', 'eip_instance_id'],
    ]);
    expect(w.pod!.annotations[1].keySpan).toMatchObject(positionOf(text, 'eip_bandwidth'));
    expect(w.pod!.annotations[1].valueSpan).toMatchObject(positionOf(text, '20'));
    expect(w.urls.map((u) => u.where)).toEqual(['container crawler env TARGET']);
  });

  it('alicloud_eci_container_group: init_containers, commands and args are scanned like the Kubernetes provider\'s', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "sync" {
        container_group_name = "sync"
        init_containers {
          name     = "fetch"
          image    = "docker.io/library/busybox:1.36"
          commands = ["wget", "https://downloads.example.com/seed.tar"]
        }
        containers {
          name  = "sync"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/sync:1"
          args  = ["--upstream=https://api.example.org/v1"]
        }
      }
    `;
    const w = workloadNamed(lintTf(text), 'sync');
    expect(w.images.map((i) => `${i.where} ${i.value}`)).toEqual([
      'init container fetch image docker.io/library/busybox:1.36',
      'container sync image registry.cn-hangzhou.aliyuncs.com/acme/sync:1',
    ]);
    expect(w.urls.map((u) => `${u.where} ${u.value}`)).toEqual([
      'init container fetch commands https://downloads.example.com/seed.tar',
      'container sync args https://api.example.org/v1',
    ]);
  });

  it('is an ECI pod under cluster: virtual-node too', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "crawler" {
        container_group_name = "crawler"
        containers {
          name  = "crawler"
          image = "docker.io/acme/crawler:1"
        }
      }
    `;
    const result = lintTf(text, { cluster: 'virtual-node' });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-missing']);
    expect(result.findings[0].message).toContain('Add auto_create_eip = true to the arguments of alicloud_eci_container_group.crawler');
  });

  it('alicloud_ess_eci_scaling_configuration runs up to max_size of its scaling group (same folder, other file)', () => {
    const result = lintTfFiles({
      'infra/group.tf': hcl`
        resource "alicloud_ess_scaling_group" "workers" {
          min_size = 1
          max_size = 6
        }
      `,
      'infra/config.tf': hcl`
        resource "alicloud_ess_eci_scaling_configuration" "workers" {
          scaling_group_id = alicloud_ess_scaling_group.workers.id
          auto_create_eip  = true
          containers {
            name  = "w"
            image = "registry.cn-hangzhou.aliyuncs.com/acme/w:1"
          }
        }
      `,
    });
    const w = result.workloads[0];
    expect(w.kind).toBe('alicloud_ess_eci_scaling_configuration');
    expect(w.replicas).toMatchObject({ value: 6, what: 'max_size of alicloud_ess_scaling_group.workers' });
  });
});

describe('count and for_each', () => {
  it.each([
    ['count = 3', 3],
    ['count = var.n', 4],
    ['count = local.n', 5],
    ['for_each = toset(["a", "b", "a"])', 2],
    ['for_each = { eu = 1, us = 2 }', 2],
    ['for_each = var.regions', 3],
  ])('%s makes %d instances', (line, n) => {
    const text = hcl`
      variable "n" { default = 4 }
      variable "regions" { default = ["eu", "us", "apac"] }
      locals { n = 5 }
      resource "alicloud_eci_container_group" "g" {
        ${line}
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    expect(lintTf(text).workloads[0].instances).toMatchObject({ value: n });
  });

  it('an unknown count is unknown, with the reason in the report', () => {
    const text = hcl`
      variable "create" {}
      resource "alicloud_eci_container_group" "g" {
        count           = var.create ? 1 : 0
        eip_instance_id = "eip-bp1shared"
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    const result = lintTf(text);
    expect(result.workloads[0].instances?.unknown).toMatch(/var.create \? 1 : 0/);
    expect(result.findings).toEqual([]);
    expect(result.files[0].unresolved?.[0]).toMatchObject({ what: 'count of alicloud_eci_container_group.g', span: { line: 3 } });
  });
});

describe('.tf.json', () => {
  it('reads the same resources from Terraform\'s JSON syntax, with positions', () => {
    const text = `{
  "variable": { "replicas": { "default": 2 } },
  "resource": {
    "kubernetes_deployment_v1": {
      "web": {
        "metadata": { "name": "web", "annotations": { "k8s.aliyun.com/eci-with-eip": "true" } },
        "spec": {
          "replicas": "\${var.replicas}",
          "template": [{ "metadata": [{ "labels": { "app": "web" } }], "spec": [{ "container": [{ "name": "web", "image": "nginx" }] }] }]
        }
      }
    }
  }
}
`;
    const result = lintTf(text, {}, 'infra/app.tf.json');
    const w = workloadNamed(result, 'web');
    expect(w.kind).toBe('Deployment');
    expect(w.replicas.value).toBe(2);
    expect(w.images.map((i) => i.value)).toEqual(['nginx']);
    const misplaced = result.findings.find((f) => f.ruleId === 'eip-misplaced')!;
    expect(misplaced.span).toMatchObject(positionOf(text, '"k8s.aliyun.com/eci-with-eip"'));
  });
});
