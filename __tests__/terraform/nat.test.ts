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
    const withModuleEntry = nat({
      'infra/nat.tf': gateways,
      'modules/snat/main.tf': 'variable "snat_table_id" {}\nresource "alicloud_snat_entry" "this" {\n  snat_table_id = var.snat_table_id\n}\n',
    });
    expect(withModuleEntry.present).toBe(true);
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
    });
  });

  it('no line when no resource decided (YAML only)', () => {
    const result = lintTfFiles({ 'k8s/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n' });
    expect(formatReport('text', result, { color: false })).not.toContain('NAT gateway');
    expect(JSON.parse(formatReport('json', result, { color: false })).natGateway).toBeUndefined();
  });
});
