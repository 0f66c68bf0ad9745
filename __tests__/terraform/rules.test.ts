/** The rules, unchanged, on Terraform workloads: one case per rule that Terraform can trigger, with its fix. */
import { applyTfFix, findingsOf, hcl, lintTf, lintTfFiles, only, positionOf, prepareTerraform } from './helpers.js';

beforeAll(prepareTerraform);

const DEPLOYMENT_WITH_OWN_ANNOTATION = hcl`
  resource "kubernetes_deployment_v1" "checkout" {
    metadata {
      name = "checkout"
      annotations = {
        "k8s.aliyun.com/eci-with-eip" = "true"
      }
    }
    spec {
      replicas = 2
      template {
        metadata {
          labels = {
            app = "checkout"
          }
        }
        spec {
          container {
            name  = "checkout"
            image = "registry.cn-hangzhou.aliyuncs.com/acme/checkout:2"
          }
        }
      }
    }
  }
`;

describe('eip-misplaced', () => {
  it('the top-level metadata of a pod-template resource; the fix creates the annotations map in the pod template', () => {
    const text = DEPLOYMENT_WITH_OWN_ANNOTATION;
    const finding = only(lintTf(text), 'eip-misplaced');
    expect(finding.span).toMatchObject(positionOf(text, '"k8s.aliyun.com/eci-with-eip"'));
    expect(finding.message).toContain('ECI reads pod annotations only from spec.template.metadata.annotations');
    expect(finding.fix?.safe).toBe(true);
    const { fixed } = applyTfFix(text, finding);
    expect(fixed).toBe(hcl`
      resource "kubernetes_deployment_v1" "checkout" {
        metadata {
          name = "checkout"
        }
        spec {
          replicas = 2
          template {
            metadata {
              labels = {
                app = "checkout"
              }
              annotations = {
                "k8s.aliyun.com/eci-with-eip" = "true"
              }
            }
            spec {
              container {
                name  = "checkout"
                image = "registry.cn-hangzhou.aliyuncs.com/acme/checkout:2"
              }
            }
          }
        }
      }
    `);
  });

  it('the fix creates the pod template\'s metadata block when it is absent, at the file\'s indentation (4 spaces)', () => {
    const text = [
      'resource "kubernetes_deployment" "api" {',
      '    metadata {',
      '        name = "api"',
      '        annotations = { "k8s.aliyun.com/eci-with-eip" = "true", team = "core" }',
      '    }',
      '    spec {',
      '        template {',
      '            spec {',
      '                container {',
      '                    name  = "api"',
      '                    image = "registry.cn-hangzhou.aliyuncs.com/acme/api:1"',
      '                }',
      '            }',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n');
    const finding = only(lintTf(text), 'eip-misplaced');
    const { fixed } = applyTfFix(text, finding);
    expect(fixed).toBe([
      'resource "kubernetes_deployment" "api" {',
      '    metadata {',
      '        name = "api"',
      '        annotations = { team = "core" }',
      '    }',
      '    spec {',
      '        template {',
      '            metadata {',
      '                annotations = {',
      '                    "k8s.aliyun.com/eci-with-eip" = "true"',
      '                }',
      '            }',
      '            spec {',
      '                container {',
      '                    name  = "api"',
      '                    image = "registry.cn-hangzhou.aliyuncs.com/acme/api:1"',
      '                }',
      '            }',
      '        }',
      '    }',
      '}',
      '',
    ].join('\n'));
  });

  it('a CronJob\'s job_template.metadata; the fix adds to the existing annotations of the pod template', () => {
    const text = hcl`
      resource "kubernetes_cron_job_v1" "report" {
        metadata {
          name = "report"
        }
        spec {
          schedule = "0 1 * * *"
          job_template {
            metadata {
              annotations = {
                "k8s.aliyun.com/eip-bandwidth" = "10"
              }
            }
            spec {
              template {
                metadata {
                  annotations = {
                    "k8s.aliyun.com/eci-with-eip" = "true"
                  }
                }
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
    const finding = only(lintTf(text), 'eip-misplaced');
    expect(finding.message).toContain('spec.job_template.metadata.annotations');
    const { fixed } = applyTfFix(text, finding);
    expect(fixed).toContain('"k8s.aliyun.com/eci-with-eip" = "true"\n              "k8s.aliyun.com/eip-bandwidth" = "10"\n');
  });

  it('kubernetes_annotations.annotations; the fix moves it to template_annotations (created when absent)', () => {
    const text = hcl`
      resource "kubernetes_annotations" "legacy" {
        api_version = "apps/v1"
        kind        = "Deployment"
        metadata {
          name = "legacy"
        }
        annotations = {
          "owner"                       = "search"
          "k8s.aliyun.com/eci-with-eip" = "true"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-misplaced');
    expect(finding.message).toContain('ECI reads pod annotations only from template_annotations');
    const { fixed } = applyTfFix(text, finding);
    expect(fixed).toBe(hcl`
      resource "kubernetes_annotations" "legacy" {
        api_version = "apps/v1"
        kind        = "Deployment"
        metadata {
          name = "legacy"
        }
        annotations = {
          "owner"                       = "search"
        }
        template_annotations = {
          "k8s.aliyun.com/eci-with-eip" = "true"
        }
      }
    `);
  });

  it('no fix when the pod template already has the key with another value', () => {
    const text = DEPLOYMENT_WITH_OWN_ANNOTATION.replace('labels = {\n          app = "checkout"\n        }', 'annotations = { "k8s.aliyun.com/eci-with-eip" = "false" }');
    expect(text).toContain('"false"');
    const finding = only(lintTf(text), 'eip-misplaced');
    expect(finding.fix).toBeUndefined();
  });

  it('a key resolved through a local: reported at the reference, without a fix', () => {
    const text = hcl`
      locals {
        eip = { "k8s.aliyun.com/eci-with-eip" = "true" }
      }
      resource "kubernetes_deployment_v1" "api" {
        metadata {
          name        = "api"
          annotations = local.eip
        }
        spec {
          template {
            metadata {}
            spec {}
          }
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-misplaced');
    expect(finding.span).toMatchObject(positionOf(text, 'local.eip'));
    expect(finding.fix).toBeUndefined();
  });
});

describe('eip-not-string never applies: Terraform turns true into "true" in a map(string)', () => {
  it('an unquoted true is the string "true"', () => {
    const text = hcl`
      resource "kubernetes_pod_v1" "p" {
        metadata {
          name        = "p"
          annotations = { "k8s.aliyun.com/eci-with-eip" = true, "k8s.aliyun.com/eip-bandwidth" = 10 }
        }
        spec {}
      }
    `;
    const result = lintTf(text);
    expect(findingsOf(result, 'eip-not-string')).toEqual([]);
    expect(result.workloads[0].pod!.annotations.map((a) => [a.value, a.valueType])).toEqual([
      ['true', 'string'],
      ['10', 'string'],
    ]);
  });
});

describe('eip-invalid-value', () => {
  it('an annotation value with a unit; the fix writes the number', () => {
    const text = hcl`
      resource "kubernetes_pod_v1" "p" {
        metadata {
          name = "p"
          annotations = {
            "k8s.aliyun.com/eci-with-eip"  = "true"
            "k8s.aliyun.com/eip-bandwidth" = "10M"
          }
        }
        spec {}
      }
    `;
    const finding = only(lintTf(text), 'eip-invalid-value');
    expect(finding.span).toMatchObject(positionOf(text, '"10M"'));
    expect(applyTfFix(text, finding).fixed).toContain('"k8s.aliyun.com/eip-bandwidth" = "10"');
  });

  it('eip_bandwidth of a container group out of range: named by its argument', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "g" {
        container_group_name = "g"
        auto_create_eip      = true
        eip_bandwidth        = 600
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-invalid-value');
    expect(finding.message).toMatch(/^eip_bandwidth: 600 is outside 1–200 Mbit\/s for PayByTraffic, the charge type assumed/);
    expect(finding.span).toMatchObject(positionOf(text, '600'));
    expect(finding.fix).toBeUndefined();
  });

  it('eip_bandwidth = "10M" on a container group: the fix writes the number 10', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "g" {
        container_group_name = "g"
        auto_create_eip      = true
        eip_bandwidth        = "10M"
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-invalid-value');
    expect(applyTfFix(text, finding).fixed).toContain('eip_bandwidth        = 10\n');
  });
});

describe('eip-unknown-key', () => {
  it('a typo in a template annotation; the fix renames the key', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "w" {
        metadata { name = "w" }
        spec {
          template {
            metadata {
              annotations = {
                "k8s.aliyun.com/eci-with-eips" = "true"
              }
            }
            spec {}
          }
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-unknown-key');
    const { fixed } = applyTfFix(text, finding);
    expect(fixed).toContain('"k8s.aliyun.com/eci-with-eip" = "true"');
  });

  it("a key of ack-extend-network-controller has no effect on ECI: no rename; IPv6 keys are ECI's own", () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "w" {
        metadata { name = "w" }
        spec {
          template {
            metadata {
              annotations = {
                "k8s.aliyun.com/eci-with-eip"              = "true"
                "k8s.aliyun.com/eip-instance-charge-type"  = "PostPaid"
                "k8s.aliyun.com/eci-ipv6-bandwidth-enable" = "true"
                "k8s.aliyun.com/eci-ipv6-bandwidth"        = "100M"
              }
            }
            spec {}
          }
        }
      }
    `;
    const result = lintTf(text);
    const finding = only(result, 'eip-unknown-key');
    expect(finding.span).toMatchObject(positionOf(text, '"k8s.aliyun.com/eip-instance-charge-type"'));
    expect(finding.message).toContain('has no effect');
    expect(finding.fix).toBeUndefined();
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-unknown-key']);
  });
});

describe('eip-orphan-setting', () => {
  it('eip_bandwidth without auto_create_eip = true, named as Terraform writes it', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "g" {
        container_group_name = "g"
        eip_bandwidth        = 20
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-orphan-setting');
    expect(finding.message).toBe(
      'eip_bandwidth shapes an auto-created EIP, but the pods of alicloud_eci_container_group g do not ask for one (auto_create_eip = true is missing), so the setting does nothing. Add auto_create_eip = true or remove the setting.',
    );
    expect(finding.span).toMatchObject(positionOf(text, 'eip_bandwidth'));
  });

  it('stays quiet when auto_create_eip is not known', () => {
    const text = hcl`
      variable "eip" { type = bool }
      resource "alicloud_eci_container_group" "g" {
        auto_create_eip = var.eip
        eip_bandwidth   = 20
        containers {
          name  = "c"
          image = "docker.io/acme/c:1"
        }
      }
    `;
    const result = lintTf(text);
    expect(result.findings).toEqual([]);
    expect(result.files[0].unresolved?.map((u) => u.what)).toEqual(['auto_create_eip of alicloud_eci_container_group.g']);
  });
});

describe('eip-shared-instance', () => {
  it('eip_instance_id on a container group with count = 2', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "g" {
        count           = 2
        eip_instance_id = "eip-bp1abc"
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-shared-instance');
    expect(finding.message).toContain('eip_instance_id binds one existing EIP');
    expect(finding.message).toContain('can run 2 pods at once (count: 2)');
  });

  it('an instance id annotation on a Deployment with replicas from a variable default', () => {
    const text = hcl`
      variable "replicas" { default = 3 }
      resource "kubernetes_deployment_v1" "w" {
        metadata { name = "w" }
        spec {
          replicas = var.replicas
          template {
            metadata {
              annotations = { "k8s.aliyun.com/eci-eip-instanceid" = "eip-bp1abc" }
            }
            spec {}
          }
        }
      }
    `;
    expect(only(lintTf(text), 'eip-shared-instance').message).toContain('can run 3 pods at once (replicas: 3)');
  });

  it('replicas × count', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "w" {
        for_each = toset(["a", "b"])
        metadata { name = "w" }
        spec {
          replicas = 2
          template {
            metadata {
              annotations = { "k8s.aliyun.com/eci-eip-instanceid" = "eip-bp1abc" }
            }
            spec {}
          }
        }
      }
    `;
    expect(only(lintTf(text), 'eip-shared-instance').message).toContain('can run 4 pods at once (replicas: 2, times the size of for_each 2)');
  });

  it('no finding when replicas is not known', () => {
    const text = hcl`
      variable "replicas" {}
      resource "kubernetes_deployment_v1" "w" {
        metadata { name = "w" }
        spec {
          replicas = var.replicas
          template {
            metadata {
              annotations = { "k8s.aliyun.com/eci-eip-instanceid" = "eip-bp1abc" }
            }
            spec {}
          }
        }
      }
    `;
    const result = lintTf(text);
    expect(result.findings).toEqual([]);
    expect(result.files[0].unresolved).toEqual([
      expect.objectContaining({ what: 'spec.replicas of kubernetes_deployment_v1.w', why: expect.stringContaining('var.replicas has no default') }),
    ]);
  });
});

describe('eip-conflict', () => {
  it('auto_create_eip = true and eip_instance_id', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "g" {
        auto_create_eip = true
        eip_instance_id = "eip-bp1abc"
        containers {
          name  = "c"
          image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-conflict');
    expect(finding.message).toContain('The pod sets both auto_create_eip = true and eip_instance_id');
    expect(finding.span).toMatchObject(positionOf(text, 'eip_instance_id'));
  });
});

describe('eip-missing', () => {
  const RELAY = hcl`
    resource "kubernetes_deployment_v1" "relay" {
      metadata {
        name = "relay"
      }
      spec {
        template {
          metadata {
            labels = {
              app = "relay"
            }
          }
          spec {
            container {
              name  = "relay"
              image = "webhookrelay/webhookrelayd:1"
            }
          }
        }
      }
    }
  `;

  it('a Docker Hub image and no EIP: the fix adds the annotation to the pod template', () => {
    const finding = only(lintTf(RELAY), 'eip-missing');
    expect(finding.span).toMatchObject(positionOf(RELAY, 'metadata', 1));
    const { fixed } = applyTfFix(RELAY, finding);
    expect(fixed).toContain('        annotations = {\n          "k8s.aliyun.com/eci-with-eip" = "true"\n        }\n      }\n      spec {');
  });

  it('an alicloud_eci_container_group: the fix adds auto_create_eip = true', () => {
    const text = hcl`
      resource "alicloud_eci_container_group" "g" {
        container_group_name = "g"

        containers {
          name  = "c"
          image = "docker.io/acme/c:1"
        }
      }
    `;
    const finding = only(lintTf(text), 'eip-missing');
    const { fixed } = applyTfFix(text, finding);
    expect(fixed).toContain('  }\n  auto_create_eip = true\n}\n');
  });

  it('stays quiet when the pod annotations are not known', () => {
    const text = RELAY.replace('labels = {\n          app = "relay"\n        }', 'annotations = var.pod_annotations');
    const result = lintTf(`variable "pod_annotations" {}\n${text}`);
    expect(findingsOf(result, 'eip-missing')).toEqual([]);
  });

  it('stays quiet when a NAT gateway of the scan is not known (its network_type comes from a variable)', () => {
    const result = lintTfFiles({
      'infra/app.tf': RELAY,
      'infra/nat.tf': hcl`
        variable "network_type" {}
        resource "alicloud_nat_gateway" "main" {
          network_type = var.network_type
        }
      `,
    });
    expect(findingsOf(result, 'eip-missing')).toEqual([]);
    expect(result.nat).toMatchObject({ present: false, unknown: expect.stringContaining('network_type is not known') });
  });

  it('under egress: eip it is an error even without evidence', () => {
    const text = RELAY.replace('webhookrelay/webhookrelayd:1', 'registry.cn-hangzhou.aliyuncs.com/acme/relay:1');
    expect(lintTf(text).findings).toEqual([]);
    expect(only(lintTf(text, { egress: 'eip' }), 'eip-missing').severity).toBe('error');
  });
});

describe('eip-redundant and eip-unexpected', () => {
  const GROUP = hcl`
    resource "alicloud_eci_container_group" "g" {
      container_group_name = "g"
      auto_create_eip      = true
      eip_bandwidth        = 5
      containers {
        name  = "c"
        image = "docker.io/acme/c:1"
      }
    }
  `;

  it('a per-pod EIP beside an internet NAT gateway with an SNAT entry; the unsafe fix removes the EIP arguments', () => {
    const nat = hcl`
      resource "alicloud_nat_gateway" "main" {
        nat_type = "Enhanced"
      }
      resource "alicloud_snat_entry" "pods" {
        snat_table_id = alicloud_nat_gateway.main.snat_table_ids
        snat_ip       = "47.0.0.1"
      }
    `;
    const result = lintTfFiles({ 'infra/app.tf': GROUP, 'infra/nat.tf': nat });
    const finding = only(result, 'eip-redundant');
    expect(finding.message).toContain('a NAT gateway is present (alicloud_nat_gateway.main in infra/nat.tf:1)');
    expect(finding.fix?.safe).toBe(false);
    const fixed = applyTfFix(GROUP, finding, { natGateway: 'present' }).fixed;
    expect(fixed).not.toMatch(/auto_create_eip|eip_bandwidth/);
  });

  it('egress: none', () => {
    expect(only(lintTf(GROUP, { egress: 'none' }), 'eip-unexpected').span).toMatchObject(positionOf(GROUP, 'auto_create_eip'));
  });
});

describe('eip-no-effect', () => {
  it('on a DaemonSet\'s pod template', () => {
    const text = hcl`
      resource "kubernetes_daemonset" "logs" {
        metadata { name = "logs" }
        spec {
          template {
            metadata {
              annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
            }
            spec {}
          }
        }
      }
    `;
    expect(only(lintTf(text), 'eip-no-effect').message).toContain('DaemonSet pods never run on ECI');
  });
});

describe('suppressions', () => {
  it('an HCL comment on the line above suppresses a finding, with its reason', () => {
    const text = DEPLOYMENT_WITH_OWN_ANNOTATION.replace(
      '      "k8s.aliyun.com/eci-with-eip" = "true"',
      '      # eci-egress-lint ignore eip-misplaced -- an admission webhook copies it\n      "k8s.aliyun.com/eci-with-eip" = "true"',
    );
    const result = lintTf(text);
    expect(findingsOf(result, 'eip-misplaced')).toEqual([]);
    expect(result.suppressed.map((s) => [s.finding.ruleId, s.source, s.reason])).toEqual([['eip-misplaced', 'comment', 'an admission webhook copies it']]);
  });
});

describe('alicloud_ess_eci_scaling_configuration has no eip_instance_id', () => {
  const scaling = (args: string) => hcl`
    resource "alicloud_ess_scaling_group" "workers" {
      min_size = 0
      max_size = 3
    }
    resource "alicloud_ess_eci_scaling_configuration" "workers" {
      scaling_group_id   = alicloud_ess_scaling_group.workers.id
      ipv6_address_count = 1
      ${args}
      containers {
        name  = "worker"
        image = "registry.cn-hangzhou.aliyuncs.com/acme/worker:1"
      }
    }
  `;

  it('an error that Terraform rejects the argument, not eip-shared-instance for an EIP it never binds', () => {
    const text = scaling('eip_instance_id    = "eip-bp1shared"');
    const result = lintTf(text);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-unknown-key']);
    const [finding] = result.findings;
    expect(finding.severity).toBe('error');
    expect({ line: finding.span.line, column: finding.span.column }).toEqual(positionOf(text, 'eip_instance_id'));
    expect(finding.message).toContain('has no eip_instance_id argument, so terraform plan fails with "Unsupported argument"');
    expect(finding.fix).toBeUndefined();
    // Not an existing EIP for the cost either: the instances get none.
    expect(result.cost.workloads).toEqual([]);
  });

  it('with auto_create_eip: no eip-conflict, and the EIPs are priced as auto-created', () => {
    const result = lintTf(scaling('auto_create_eip    = true\n  eip_instance_id    = "eip-bp1shared"'));
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-unknown-key']);
    expect(result.cost.workloads[0]).toMatchObject({ eip: 'auto', pods: { min: 3, max: 3 } });
  });

  it('a container group keeps eip_instance_id; ipv6_address_count is no finding', () => {
    expect(lintTf(scaling('auto_create_eip    = true')).findings).toEqual([]);
    const group = 'resource "alicloud_eci_container_group" "g" {\n  eip_instance_id = "eip-bp1abc"\n}\n';
    expect(lintTf(group).workloads[0].pod?.annotations.map((a) => a.label)).toEqual(['eip_instance_id']);
  });
});

describe('eip_bandwidth without a charge type: one default for the range check and the price', () => {
  const group = (bandwidth: number) => hcl`
    resource "alicloud_eci_container_group" "g" {
      auto_create_eip = true
      eip_bandwidth   = ${bandwidth}
      containers {
        name  = "c"
        image = "registry.cn-hangzhou.aliyuncs.com/acme/c:1"
      }
    }
  `;

  it('eip_bandwidth = 300 is outside the PayByTraffic range it would be priced at, and is not priced', () => {
    const result = lintTf(group(300));
    expect(only(result, 'eip-invalid-value').message).toContain('300 is outside 1–200 Mbit/s for PayByTraffic');
    expect(result.cost.workloads[0].monthly).toBeUndefined();
    expect(result.cost.total).toEqual({ min: 0, max: 0 });
  });

  it('with pricing.charge-type: PayByBandwidth both accept it, and the price is pay-by-bandwidth', () => {
    const result = lintTf(group(300), { pricing: { 'charge-type': 'PayByBandwidth' } });
    expect(findingsOf(result, 'eip-invalid-value')).toEqual([]);
    expect(result.cost.workloads[0]).toMatchObject({ chargeType: 'PayByBandwidth', bandwidthMbps: 300 });
  });
});
