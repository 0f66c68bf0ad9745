/** NAT facts from Terraform: which resources make `nat-gateway: auto` resolve to present, absent or unknown. */
import { hcl, lintTfFiles, prepareTerraform } from './helpers.js';
import { formatReport } from '../../src/report/index.js';

beforeAll(prepareTerraform);

const SNAT = hcl`
  resource "alicloud_snat_entry" "pods" {
    snat_table_id     = alicloud_nat_gateway.main.snat_table_ids
    source_vswitch_id = alicloud_vswitch.pods.id
    snat_ip           = alicloud_eip_address.nat.ip_address
  }
`;

function nat(files: Record<string, string>) {
  return lintTfFiles(files).nat;
}

describe('alicloud_nat_gateway with alicloud_snat_entry', () => {
  it('an internet NAT gateway (the default network_type) with an SNAT entry in another file: present', () => {
    const decision = nat({
      'infra/nat.tf': hcl`
        resource "alicloud_vpc" "main" {
          cidr_block = "10.0.0.0/8"
        }
        resource "alicloud_nat_gateway" "main" {
          vpc_id   = alicloud_vpc.main.id
          nat_type = "Enhanced"
        }
      `,
      'infra/snat.tf': SNAT,
    });
    expect(decision.present).toBe(true);
    expect(decision.decidedBy).toMatchObject({
      resource: 'alicloud_nat_gateway.main',
      file: 'infra/nat.tf',
      span: { line: 4, column: 1 },
      why: 'an internet NAT gateway with the SNAT entry alicloud_snat_entry.pods (infra/snat.tf)',
    });
  });

  it('network_type = "intranet" (a VPC NAT gateway) gives no internet egress', () => {
    const decision = nat({
      'infra/nat.tf': hcl`
        resource "alicloud_nat_gateway" "main" {
          network_type = "intranet"
        }
      `,
      'infra/snat.tf': SNAT,
    });
    expect(decision).toMatchObject({ present: false, decidedBy: 'default' });
  });

  it('an internet NAT gateway without any SNAT entry: not present', () => {
    expect(nat({ 'infra/nat.tf': 'resource "alicloud_nat_gateway" "main" {}\n' }).present).toBe(false);
  });

  it('an SNAT entry of another gateway of the scan does not count; one whose table is a variable does', () => {
    const gateways = hcl`
      resource "alicloud_nat_gateway" "main" {}
      resource "alicloud_nat_gateway" "vpc_link" {
        network_type = "intranet"
      }
      resource "alicloud_snat_entry" "link" {
        snat_table_id = alicloud_nat_gateway.vpc_link.snat_table_ids
      }
    `;
    expect(nat({ 'infra/nat.tf': gateways }).present).toBe(false);
    const moduleEntry = 'variable "snat_table_id" {}\nresource "alicloud_snat_entry" "this" {\n  snat_table_id = var.snat_table_id\n}\n';
    const withModuleEntry = nat({
      'infra/nat.tf': gateways + 'module "snat" {\n  source        = "../modules/snat"\n  snat_table_id = alicloud_nat_gateway.main.snat_table_ids\n}\n',
      'modules/snat/main.tf': moduleEntry,
    });
    expect(withModuleEntry.present).toBe(true);
    // The same module, not called from the gateway's folder: the entry is someone else's.
    expect(nat({ 'infra/nat.tf': gateways, 'modules/snat/main.tf': moduleEntry }).present).toBe(false);
  });

  it('count = 0 removes the gateway; an unknown count makes it unknown', () => {
    expect(nat({ 'infra/nat.tf': 'resource "alicloud_nat_gateway" "main" {\n  count = 0\n}\n', 'infra/snat.tf': SNAT }).present).toBe(false);
    const unknown = nat({ 'infra/nat.tf': 'variable "create" {}\nresource "alicloud_nat_gateway" "main" {\n  count = var.create ? 1 : 0\n}\n', 'infra/snat.tf': SNAT });
    expect(unknown).toMatchObject({ present: false, unknown: expect.stringContaining('count of alicloud_nat_gateway.main is not known') });
  });

  it('network_type from a variable with a default resolves', () => {
    const files = {
      'infra/nat.tf': 'variable "type" {\n  default = "intranet"\n}\nresource "alicloud_nat_gateway" "main" {\n  network_type = var.type\n}\n',
      'infra/snat.tf': SNAT,
    };
    expect(nat(files)).toMatchObject({ present: false, decidedBy: 'default' });
  });
});

describe('ACK clusters made by Terraform', () => {
  it.each([
    ['alicloud_cs_serverless_kubernetes', '', true],
    ['alicloud_cs_managed_kubernetes', '', true],
    ['alicloud_cs_serverless_kubernetes', 'new_nat_gateway = true', true],
    ['alicloud_cs_serverless_kubernetes', 'new_nat_gateway = false', false],
    ['alicloud_cs_managed_kubernetes', 'new_nat_gateway = local.nat', false],
  ])('%s { %s }: present %s', (type, line, present) => {
    const decision = nat({ 'infra/cluster.tf': `locals {\n  nat = false\n}\nresource "${type}" "k8s" {\n  name = "shop"\n  ${line}\n}\n` });
    expect(decision.present).toBe(present);
    if (present) expect(decision.decidedBy).toMatchObject({ resource: `${type}.k8s`, span: { line: 4 } });
  });

  it('new_nat_gateway from a variable without a default is unknown', () => {
    const decision = nat({ 'infra/cluster.tf': 'variable "nat" {}\nresource "alicloud_cs_managed_kubernetes" "k8s" {\n  new_nat_gateway = var.nat\n}\n' });
    expect(decision).toMatchObject({ present: false, unknown: expect.stringContaining('var.nat has no default') });
  });

  it('the config wins over the Terraform', () => {
    const result = lintTfFiles({ 'infra/cluster.tf': 'resource "alicloud_cs_managed_kubernetes" "k8s" {}\n' }, { natGateway: 'absent' });
    expect(result.nat).toEqual({ present: false, decidedBy: 'config' });
  });
});

describe('the reports say which resource decided it', () => {
  const files = { 'infra/cluster.tf': 'resource "alicloud_cs_serverless_kubernetes" "shop" {\n  name = "shop"\n}\n' };

  it('text and Markdown: one line with the resource, file and line', () => {
    const result = lintTfFiles(files);
    expect(formatReport('text', result, { color: false, width: 200 })).toContain(
      'NAT gateway: present, decided by alicloud_cs_serverless_kubernetes.shop (infra/cluster.tf:1): an ACK cluster whose new_nat_gateway defaults to true.',
    );
    expect(formatReport('markdown', result, { color: false })).toContain('NAT gateway: present, decided by alicloud\\_cs\\_serverless\\_kubernetes.shop');
  });

  it('JSON: natGateway with the deciding resource', () => {
    const json = JSON.parse(formatReport('json', lintTfFiles(files), { color: false }));
    expect(json.natGateway).toEqual({
      present: true,
      decidedBy: { resource: 'alicloud_cs_serverless_kubernetes.shop', file: 'infra/cluster.tf', line: 1, reason: 'an ACK cluster whose new_nat_gateway defaults to true' },
      workloads: [],
    });
  });

  it('no line when no resource decided (YAML only)', () => {
    const result = lintTfFiles({ 'k8s/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    expect(formatReport('text', result, { color: false })).not.toContain('NAT gateway');
    expect(JSON.parse(formatReport('json', result, { color: false })).natGateway).toBeUndefined();
  });
});

/**
 * A NAT fact speaks only for the workloads in its scope: its VPC (or the vSwitches its SNAT entries cover) when the
 * references say so, else its own folder. The files are small copies of the shapes that made false findings: an ACK
 * quickstart's cluster in one folder and an ECI quickstart's container group with its own VPC in another.
 */
describe('the scope of a NAT fact', () => {
  const VPC = (name: string) => hcl`
    resource "alicloud_vpc" "${name}" {
      cidr_block = "10.0.0.0/8"
    }
  `;
  const VSWITCH = (name: string, vpc: string) => hcl`
    resource "alicloud_vswitch" "${name}" {
      cidr_block = "10.1.0.0/16"
      vpc_id     = ${vpc}
    }
  `;
  const CLUSTER = hcl`
    resource "alicloud_cs_serverless_kubernetes" "serverless" {
      vpc_id          = alicloud_vpc.default.id
      vswitch_ids     = [alicloud_vswitch.default.id]
      new_nat_gateway = true
    }
  `;
  const GROUP = (vswitch: string) => hcl`
    resource "alicloud_eci_container_group" "default" {
      container_group_name = "tf-example"
      vswitch_id           = ${vswitch}
      auto_create_eip      = true
      containers {
        image = "nginx:alpine"
        name  = "nginx"
      }
    }
  `;
  const redundant = (result: ReturnType<typeof lintTfFiles>) => result.findings.filter((f) => f.ruleId === 'eip-redundant');
  const missing = (result: ReturnType<typeof lintTfFiles>) => result.findings.filter((f) => f.ruleId === 'eip-missing');

  it('a cluster in another folder does not make a container group with its own VPC redundant', () => {
    const result = lintTfFiles({
      'quickstarts/ack/main.tf': VPC('default') + VSWITCH('default', 'alicloud_vpc.default.id') + CLUSTER,
      'quickstarts/eci/main.tf': VPC('default') + VSWITCH('default', 'alicloud_vpc.default.id') + GROUP('alicloud_vswitch.default.id'),
    });
    expect(redundant(result)).toEqual([]);
    const group = result.natDecisions.find((d) => d.workload.kind === 'alicloud_eci_container_group')!;
    expect(group.nat).toEqual({ present: false, decidedBy: 'default' });
  });

  it('a cluster with no network references in another folder does not speak for it either (folder scope)', () => {
    const result = lintTfFiles({
      'spark/modules/cs/main.tf': 'variable "worker_vswitch_ids" {}\nresource "alicloud_cs_managed_kubernetes" "default" {\n  worker_vswitch_ids = var.worker_vswitch_ids\n  new_nat_gateway    = true\n}\n',
      'eci/main.tf': GROUP('var.vswitch_id') + 'variable "vswitch_id" {}\n',
    });
    expect(redundant(result)).toEqual([]);
    expect(result.natDecisions[0].nat).toEqual({ present: false, decidedBy: 'default' });
  });

  it('the container group in the cluster\'s own VPC is redundant, naming the cluster', () => {
    const text = VPC('default') + VSWITCH('default', 'alicloud_vpc.default.id') + CLUSTER + GROUP('alicloud_vswitch.default.id');
    const [finding] = redundant(lintTfFiles({ 'ask/main.tf': text }));
    expect(finding.message).toContain('alicloud_cs_serverless_kubernetes.serverless in ask/main.tf:8');
  });

  it('the same folder, another VPC: not covered', () => {
    const text =
      VPC('default') + VSWITCH('default', 'alicloud_vpc.default.id') + CLUSTER +
      VPC('batch') + VSWITCH('batch', 'alicloud_vpc.batch.id') + GROUP('alicloud_vswitch.batch.id');
    const result = lintTfFiles({ 'ask/main.tf': text });
    expect(redundant(result)).toEqual([]);
    expect(result.natDecisions[0].nat.present).toBe(false);
    // Without its EIP the pod would need one: nothing in its scope gives egress.
    expect(missing(lintTfFiles({ 'ask/main.tf': text.replace('auto_create_eip      = true', '') }))).toHaveLength(1);
  });

  it('an SNAT entry gives egress only to its vSwitch', () => {
    const network =
      VPC('main') + VSWITCH('pods', 'alicloud_vpc.main.id') + VSWITCH('jobs', 'alicloud_vpc.main.id') +
      hcl`
        resource "alicloud_nat_gateway" "main" {
          vpc_id = alicloud_vpc.main.id
        }
        resource "alicloud_snat_entry" "pods" {
          snat_table_id     = alicloud_nat_gateway.main.snat_table_ids
          source_vswitch_id = alicloud_vswitch.pods.id
        }
      `;
    expect(redundant(lintTfFiles({ 'infra/main.tf': network + GROUP('alicloud_vswitch.pods.id') }))).toHaveLength(1);
    const other = lintTfFiles({ 'infra/main.tf': network + GROUP('alicloud_vswitch.jobs.id') });
    expect(redundant(other)).toEqual([]);
    expect(other.natDecisions[0].nat.present).toBe(false);
  });

  it('an SNAT entry with a source_cidr covers the whole VPC', () => {
    const text =
      VPC('main') + VSWITCH('jobs', 'alicloud_vpc.main.id') +
      hcl`
        resource "alicloud_nat_gateway" "main" {
          vpc_id = alicloud_vpc.main.id
        }
        resource "alicloud_snat_entry" "all" {
          snat_table_id = alicloud_nat_gateway.main.snat_table_ids
          source_cidr   = "10.0.0.0/8"
        }
      ` + GROUP('alicloud_vswitch.jobs.id');
    expect(redundant(lintTfFiles({ 'infra/main.tf': text }))).toHaveLength(1);
  });

  it('a literal VPC id meets the same id in another folder', () => {
    const result = lintTfFiles({
      'network/main.tf': 'resource "alicloud_cs_managed_kubernetes" "k8s" {\n  vpc_id = "vpc-0abc"\n}\n',
      'apps/main.tf': VSWITCH('pods', '"vpc-0abc"') + GROUP('alicloud_vswitch.pods.id'),
      'other/main.tf': VSWITCH('pods', '"vpc-0def"') + GROUP('alicloud_vswitch.pods.id').replace('tf-example', 'elsewhere'),
    });
    expect(redundant(result).map((f) => f.file)).toEqual(['apps/main.tf']);
  });

  it('kubernetes_* resources of the cluster\'s folder are covered; of another folder, not', () => {
    const deployment = (name: string) => hcl`
      resource "kubernetes_deployment_v1" "${name}" {
        metadata {
          name = "${name}"
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
                image = "nginx"
                name  = "web"
              }
            }
          }
        }
      }
    `;
    const result = lintTfFiles({
      'cluster/main.tf': CLUSTER + deployment('inside'),
      'apps/main.tf': deployment('outside'),
    });
    expect(redundant(result).map((f) => f.workload?.name)).toEqual(['inside']);
  });

  it('.tf.json: references in "${…}" strings are followed the same way', () => {
    const json = (vpc: string) => JSON.stringify({
      resource: {
        alicloud_vswitch: { pods: { vpc_id: `\${alicloud_vpc.${vpc}.id}` } },
        alicloud_eci_container_group: { web: { vswitch_id: '${alicloud_vswitch.pods.id}', auto_create_eip: true } },
      },
    });
    const cluster = JSON.stringify({ resource: { alicloud_cs_serverless_kubernetes: { k8s: { vpc_id: '${alicloud_vpc.main.id}' } } } });
    expect(redundant(lintTfFiles({ 'infra/cluster.tf.json': cluster, 'infra/eci.tf.json': json('main') }))).toHaveLength(1);
    expect(redundant(lintTfFiles({ 'infra/cluster.tf.json': cluster, 'infra/eci.tf.json': json('other') }))).toEqual([]);
  });

  it('the reports name, per workload, the fact it relies on', () => {
    const result = lintTfFiles({
      'ask/main.tf': VPC('default') + VSWITCH('default', 'alicloud_vpc.default.id') + CLUSTER + GROUP('alicloud_vswitch.default.id'),
      'eci/main.tf': GROUP('"vsw-0abc"'),
    });
    const json = JSON.parse(formatReport('json', result, { color: false }));
    expect(json.natGateway.workloads).toEqual([
      {
        file: 'ask/main.tf', line: 13, kind: 'alicloud_eci_container_group', name: 'tf-example', namespace: '', present: true,
        decidedBy: { resource: 'alicloud_cs_serverless_kubernetes.serverless', file: 'ask/main.tf', line: 8, reason: 'an ACK cluster with new_nat_gateway = true' },
      },
      { file: 'eci/main.tf', line: 1, kind: 'alicloud_eci_container_group', name: 'tf-example', namespace: '', present: false, decidedBy: 'default' },
    ]);
    expect(formatReport('text', result, { color: false, width: 1000 })).toContain(
      'NAT gateway: present, decided by alicloud_cs_serverless_kubernetes.serverless (ask/main.tf:8): an ACK cluster with new_nat_gateway = true. ' +
        'It decides for 1 workload: alicloud_eci_container_group tf-example (ask/main.tf:13).',
    );
  });
});

describe('Kubernetes manifests and the NAT facts of the scan', () => {
  const manifest = (name: string) => hcl`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ${name}
    spec:
      template:
        metadata:
          annotations:
            k8s.aliyun.com/eci-with-eip: "true"
        spec:
          containers:
            - name: web
              image: wordpress:4.8-apache
  `;
  const cluster = (name: string) => `resource "alicloud_cs_serverless_kubernetes" "${name}" {}\n`;

  it('one cluster in the scan: its NAT gateway applies to the manifests', () => {
    const result = lintTfFiles({ 'infra/main.tf': cluster('shop'), 'k8s/web.yaml': manifest('web') });
    expect(result.findings.filter((f) => f.ruleId === 'eip-redundant')).toHaveLength(1);
  });

  it('several clusters: unknown for the manifests, with one note on how to map them', () => {
    const result = lintTfFiles({
      'a/main.tf': cluster('a'),
      'b/main.tf': cluster('b'),
      'k8s/web.yaml': manifest('web'),
      'k8s/blog.yaml': manifest('blog').replace(/wordpress:4.8-apache/, 'ghost'),
    });
    expect(result.findings.filter((f) => f.ruleId === 'eip-redundant' || f.ruleId === 'eip-missing')).toEqual([]);
    expect(result.nat).toMatchObject({ present: false, decidedBy: 'several', unknown: expect.stringContaining('2 clusters or VPCs') });
    const text = formatReport('text', result, { color: false, width: 1000 });
    const notes = text.split('\n').filter((l) => l.startsWith('NAT gateway: not known for the Kubernetes manifests'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('2 workloads: Deployment web (k8s/web.yaml:2), Deployment blog (k8s/blog.yaml:2)');
    expect(notes[0]).toContain('clusters: entry');
    expect(formatReport('markdown', result, { color: false })).toContain('NAT gateway: not known for the Kubernetes manifests \\(2 workloads: Deployment web \\(k8s/web.yaml:2\\)');
    expect(JSON.parse(formatReport('json', result, { color: false })).natGateway.workloads.map((w: { decidedBy: unknown }) => w.decidedBy)).toEqual(['several', 'several']);
  });

  it('a cluster without a NAT gateway does not make the manifests ambiguous', () => {
    const result = lintTfFiles({
      'a/main.tf': cluster('a'),
      'b/main.tf': 'resource "alicloud_cs_serverless_kubernetes" "b" {\n  new_nat_gateway = false\n}\n',
      'k8s/web.yaml': manifest('web'),
    });
    expect(result.findings.filter((f) => f.ruleId === 'eip-redundant')).toHaveLength(1);
  });

  it('a clusters: entry decides for its paths; first match wins', () => {
    const files = { 'a/main.tf': cluster('a'), 'b/main.tf': cluster('b'), 'k8s/prod/web.yaml': manifest('web'), 'k8s/lab/web.yaml': manifest('lab') };
    const result = lintTfFiles(files, {
      clusters: [
        { path: 'k8s/prod/**', natGateway: 'present' },
        { path: 'k8s/**', natGateway: 'absent' },
      ],
    });
    const finding = result.findings.find((f) => f.ruleId === 'eip-redundant')!;
    expect(finding.file).toBe('k8s/prod/web.yaml');
    expect(finding.message).toContain('nat-gateway: present in clusters[0], path "k8s/prod/**"');
    const json = JSON.parse(formatReport('json', result, { color: false }));
    expect(json.natGateway.workloads.map((w: { name: string; decidedBy: unknown }) => [w.name, w.decidedBy])).toEqual([
      ['web', 'clusters[0]'],
      ['lab', 'clusters[1]'],
    ]);
  });

  it('a clusters: entry with nat-gateway: auto asks the Terraform even when the top level says present', () => {
    const files = { 'a/main.tf': cluster('a'), 'k8s/prod/web.yaml': manifest('web'), 'k8s/lab/web.yaml': manifest('lab') };
    const one = lintTfFiles(files, { natGateway: 'present', clusters: [{ path: 'k8s/lab/**', natGateway: 'auto' }] });
    const decided = Object.fromEntries(one.natDecisions.map((d) => [d.workload.name, d.nat.decidedBy]));
    expect(decided.web).toBe('config');
    expect(decided.lab).toMatchObject({ resource: 'alicloud_cs_serverless_kubernetes.a' });
    const two = lintTfFiles({ ...files, 'b/main.tf': cluster('b') }, { natGateway: 'present', clusters: [{ path: 'k8s/lab/**', natGateway: 'auto' }] });
    expect(two.natDecisions.find((d) => d.workload.name === 'lab')!.nat).toMatchObject({ present: false, decidedBy: 'several' });
    expect(two.findings.filter((f) => f.ruleId === 'eip-redundant').map((f) => f.file)).toEqual(['k8s/prod/web.yaml']);
    expect(formatReport('text', two, { color: false, width: 1000 })).toContain(
      'NAT gateway: not known for the Kubernetes manifests (1 workload: Deployment lab (k8s/lab/web.yaml:2)): the scan holds 2 clusters or VPCs',
    );
  });

  it('a clusters: entry sets the cluster mode and the pricing region of its workloads', () => {
    const files = { 'k8s/hz/web.yaml': manifest('web'), 'k8s/sg/web.yaml': manifest('sg'), 'k8s/vn/web.yaml': manifest('vn') };
    const result = lintTfFiles(files, {
      natGateway: 'absent',
      clusters: [
        { path: 'k8s/hz/**', region: 'cn-hangzhou' },
        { path: 'k8s/vn/**', cluster: 'virtual-node' },
      ],
    });
    const regions = Object.fromEntries(result.cost.workloads.map((w) => [w.name, w.region]));
    expect(regions).toEqual({ web: 'cn-hangzhou', sg: undefined });
    const hz = result.cost.workloads.find((w) => w.name === 'web')!;
    const sg = result.cost.workloads.find((w) => w.name === 'sg')!;
    expect(hz.perPod).not.toBe(sg.perPod);
    // Under virtual-node the Deployment is not sent to ECI: its EIP keys have no effect.
    expect(result.findings.filter((f) => f.file === 'k8s/vn/web.yaml').map((f) => f.ruleId)).toEqual(['eip-no-effect']);
  });
});
