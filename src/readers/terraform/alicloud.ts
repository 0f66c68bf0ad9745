import type { Count, MapEntry, MetadataBlock, NatFact, NetworkPlace, SourceString, Span } from '../../model/index.js';
import { EIP_BANDWIDTH, EIP_INSTANCE_ID, WITH_EIP } from '../../policy/eci-keys.js';
import { findResource, resourcesIn, type ResourceRef, type TerraformContext } from './context.js';
import type { EntryTarget, PodTarget } from './editor.js';
import { attr, attrItem, type TopBlock } from './hcl.js';
import { scanContainers } from './containers.js';
import type { FileReader } from './reader.js';
import { asCount, asString } from './values.js';
import { placeOf, vpcOf, vswitchesOf, vswitchOf } from './network.js';
import { noScheduling } from '../pod-template.js';

/** The arguments of the alicloud ECI resources that stand for the ECI EIP annotations. */
const EIP_ARGUMENTS: { name: string; key: string; valueType: 'bool' | 'number' | 'string' }[] = [
  { name: 'auto_create_eip', key: WITH_EIP, valueType: 'bool' },
  { name: 'eip_bandwidth', key: EIP_BANDWIDTH, valueType: 'number' },
  { name: 'eip_instance_id', key: EIP_INSTANCE_ID, valueType: 'string' },
];

/**
 * The EIP arguments a resource type does not have: `alicloud_ess_eci_scaling_configuration` can create an EIP per
 * instance but cannot bind an existing one (TF-ALI). Terraform stops at plan with "Unsupported argument".
 */
const NOT_ARGUMENTS: Record<string, Record<string, string>> = {
  alicloud_ess_eci_scaling_configuration: {
    eip_instance_id:
      'alicloud_ess_eci_scaling_configuration has no eip_instance_id argument, so terraform plan fails with ' +
      '"Unsupported argument" and nothing is applied; a scaling configuration cannot bind an existing EIP. Remove it, and ' +
      'use auto_create_eip = true (one EIP per instance) or a NAT gateway for egress',
  },
};

const NAME_ARGUMENT: Record<string, string> = {
  alicloud_eci_container_group: 'container_group_name',
  alicloud_ess_eci_scaling_configuration: 'scaling_configuration_name',
};

/**
 * `alicloud_eci_container_group` and `alicloud_ess_eci_scaling_configuration`: ECI instances by construction.
 * Their EIP arguments become pod annotations with the ECI keys (labelled with the argument's name), so the rules
 * judge them like annotations; the editor writes the arguments.
 */
export function readEciResource(reader: FileReader, block: TopBlock): void {
  const [type, resourceName] = block.labels;
  const address = `${type}.${resourceName}`;
  const body = block.body;
  const entries = new Map<MapEntry, EntryTarget>();
  const annotations: MapEntry[] = [];
  let unresolved: string | undefined;
  const rejectedArguments: { name: string; key: string; span: Span; why: string }[] = [];
  for (const argument of EIP_ARGUMENTS) {
    const item = attrItem(body, argument.name);
    if (!item?.value) continue;
    const rejected = NOT_ARGUMENTS[type]?.[argument.name];
    if (rejected) {
      rejectedArguments.push({ name: argument.name, key: argument.key, span: reader.span(item.keyRange), why: rejected });
      continue;
    }
    const resolved = asString(reader.evaluate(item.value));
    const entry = reader.entry(argument.key, item.keyRange, item.value, resolved, argument.name);
    const direct = item.value.kind === 'literal';
    entries.set(entry, direct ? { kind: 'argument', item, body, valueType: argument.valueType } : { kind: 'indirect' });
    if ('why' in resolved) {
      reader.note(`${argument.name} of ${address}`, resolved.why, item.value);
      if (argument.key !== EIP_BANDWIDTH) unresolved ??= `${argument.name} is not known: ${resolved.why}`;
    }
    annotations.push(entry);
  }
  const span = reader.headSpan(block);
  const pod: MetadataBlock = {
    level: 'pod',
    path: address,
    annotations,
    labels: [],
    span,
    annotationsValid: true,
    labelsValid: true,
    ...(unresolved ? { unresolved } : {}),
  };
  const podTarget: PodTarget = {
    kind: 'arguments',
    body,
    names: Object.fromEntries(EIP_ARGUMENTS.map((a) => [a.key, { name: a.name, valueType: a.valueType }])),
  };

  const images: SourceString[] = [];
  const urls: SourceString[] = [];
  scanContainers(
    reader,
    body,
    { initContainers: 'init_containers', containers: 'containers', env: 'environment_vars', envName: 'key', command: 'commands' },
    images,
    urls,
  );

  const scaling = type === 'alicloud_ess_eci_scaling_configuration';
  const replicas = scaling ? scalingGroupSize(reader, block, address) : {};
  const network = scaling ? scalingGroupPlace(reader, block) : placeOf(reader, vswitchList(vswitchOf(reader, attr(body, 'vswitch_id'))));
  const instances = reader.instances(block, address);
  const name = reader.string(body, NAME_ARGUMENT[type]);
  reader.out.workloads.push({
    source: 'terraform',
    file: reader.path,
    kind: type,
    name: name.value ?? address,
    namespace: '',
    namespaceDefaulted: false,
    span,
    address,
    objectMetadata: [],
    pod,
    podTemplatePath: undefined,
    podAnnotationsPath: `the arguments of ${address}`,
    keyNames: Object.fromEntries(EIP_ARGUMENTS.map((a) => [a.key, a.name])),
    eciByConstruction:
      type === 'alicloud_eci_container_group'
        ? 'an alicloud_eci_container_group is an ECI instance'
        : 'an alicloud_ess_eci_scaling_configuration creates ECI instances',
    replicas,
    parallelism: {},
    ...(instances ? { instances } : {}),
    scheduling: noScheduling(),
    images,
    urls,
    ignores: [],
    ...(rejectedArguments.length > 0 ? { rejectedArguments } : {}),
    network,
    editor: reader.editor(entries, podTarget),
  });
}

function vswitchList(v: { vswitch?: string; vpc?: string }): { vswitch?: string; vpc?: string }[] | undefined {
  return v.vswitch ? [v] : undefined;
}

/** Where a scaling configuration's instances run: the vSwitches of its scaling group, when this folder has it. */
function scalingGroupPlace(reader: FileReader, block: TopBlock): NetworkPlace {
  const group = attr(block.body, 'scaling_group_id');
  if (group?.kind !== 'traversal' || group.root !== 'alicloud_ess_scaling_group' || typeof group.steps[0] !== 'string') {
    return placeOf(reader, undefined);
  }
  const ref = findResource(reader.context, reader.file.folder, group.root, group.steps[0]);
  return placeOf(reader, ref ? vswitchesOf(reader, attr(ref.block.body, 'vswitch_ids')) : undefined);
}

/** The most ECI instances of a scaling configuration: the `max_size` of its scaling group, when this folder has it. */
function scalingGroupSize(reader: FileReader, block: TopBlock, address: string): Count {
  const group = attr(block.body, 'scaling_group_id');
  const what = `the scaling group's max_size`;
  if (!group) return { unknown: `${address} names no scaling group`, what };
  if (group.kind !== 'traversal' || group.root !== 'alicloud_ess_scaling_group' || typeof group.steps[0] !== 'string') {
    const why = `scaling_group_id \`${reader.text(group)}\` is not an alicloud_ess_scaling_group of this folder`;
    reader.note(`the size of ${address}`, why, group);
    return { unknown: why, span: reader.span(group), what };
  }
  const ref = findResource(reader.context, reader.file.folder, group.root, group.steps[0]);
  const groupAddress = `alicloud_ess_scaling_group.${group.steps[0]}`;
  if (!ref) {
    const why = `${groupAddress} is not in the scanned files of this folder`;
    reader.note(`the size of ${address}`, why, group);
    return { unknown: why, span: reader.span(group), what };
  }
  const maxSize = attr(ref.block.body, 'max_size');
  const result = maxSize ? asCount(reader.evaluate(maxSize)) : { why: `${groupAddress} has no max_size` };
  if ('value' in result) return { value: result.value, span: reader.span(group), what: `max_size of ${groupAddress}` };
  reader.note(`the size of ${address}`, `max_size of ${groupAddress}: ${result.why}`, group);
  return { unknown: `max_size of ${groupAddress} is not known: ${result.why}`, span: reader.span(group), what };
}

/** Whether a resource exists at all: `count = 0` (or an empty for_each) removes it. */
function existence(reader: FileReader, block: TopBlock, address: string): { exists: boolean; unknown?: string } {
  const instances = reader.instances(block, address);
  if (!instances) return { exists: true };
  if (instances.unknown) return { exists: false, unknown: instances.unknown };
  return { exists: (instances.value ?? 1) > 0 };
}

/**
 * What every NAT-deciding resource starts with: its address, a way to state a fact about it, and whether it
 * exists (undefined, after stating so, when that is not known).
 */
function natResource(reader: FileReader, block: TopBlock, place: () => NetworkPlace) {
  const address = `${block.labels[0]}.${block.labels[1]}`;
  const fact = (present: boolean, why: string, unknown?: string): NatFact => ({
    present,
    resource: address,
    file: reader.path,
    span: reader.headSpan(block),
    why,
    ...(unknown ? { unknown } : {}),
    place: place(),
  });
  const existing = existence(reader, block, address);
  if (existing.unknown) {
    reader.out.natFacts.push(fact(false, 'whether it exists is not known', existing.unknown));
    return { address, fact, exists: undefined };
  }
  return { address, fact, exists: existing.exists };
}

/**
 * An internet NAT gateway with an SNAT entry gives egress to the vSwitches the entry covers. SNAT entries are looked
 * for in the gateway's folder and in the local modules it calls: one whose `snat_table_id` refers to this gateway,
 * or one whose table is not a gateway of its folder (a variable, a module output).
 */
export function readNatGateway(reader: FileReader, block: TopBlock): void {
  const snat = snatEntriesFor(reader, block.labels[1]);
  const { address, fact, exists } = natResource(reader, block, () => ({
    folder: reader.file.folder,
    ...(vpcOf(reader, attr(block.body, 'vpc_id')) ? { vpc: vpcOf(reader, attr(block.body, 'vpc_id')) } : {}),
    ...(snat.vswitches ? { vswitches: snat.vswitches } : {}),
  }));
  if (exists === undefined) return;
  if (!exists) {
    reader.out.natFacts.push(fact(false, 'its count is 0'));
    return;
  }
  const networkType = reader.string(block.body, 'network_type');
  if (networkType.why) {
    reader.note(`network_type of ${address}`, networkType.why, networkType.expr!);
    reader.out.natFacts.push(fact(false, 'its network_type is not known', `network_type is not known: ${networkType.why}`));
    return;
  }
  if (networkType.value === 'intranet') {
    reader.out.natFacts.push(fact(false, 'a VPC NAT gateway (network_type = "intranet") gives no internet egress'));
    return;
  }
  if (snat.first) reader.out.natFacts.push(fact(true, `an internet NAT gateway with the SNAT entry ${snat.first}`));
  else reader.out.natFacts.push(fact(false, 'an internet NAT gateway, but no alicloud_snat_entry in the scanned files gives its egress to a vSwitch'));
}

interface SnatCoverage {
  first?: string;
  vswitches: string[];
  wholeVpc: boolean;
}

/** The SNAT entries of a folder, by the gateway of the folder they name, and the others; built once per folder. */
const SNAT_BY_FOLDER = new WeakMap<TerraformContext, Map<string, { byGateway: Map<string, SnatCoverage>; other: SnatCoverage }>>();

function add(coverage: SnatCoverage, entry: ResourceRef, vswitch: string | undefined): void {
  coverage.first ??= `alicloud_snat_entry.${entry.name} (${entry.file.path})`;
  if (vswitch) coverage.vswitches.push(vswitch);
  else coverage.wholeVpc = true;
}

function snatOfFolder(reader: FileReader): { byGateway: Map<string, SnatCoverage>; other: SnatCoverage } {
  const folder = reader.file.folder;
  let folders = SNAT_BY_FOLDER.get(reader.context);
  if (!folders) SNAT_BY_FOLDER.set(reader.context, (folders = new Map()));
  const cached = folders.get(folder);
  if (cached) return cached;
  const byGateway = new Map<string, SnatCoverage>();
  const other: SnatCoverage = { vswitches: [], wholeVpc: false };
  // Entries of the local modules the folder calls get their table (and vSwitch) from the call: they cover the VPC.
  const modules = [...(reader.context.moduleCalls.get(folder) ?? [])];
  for (const entry of [folder, ...modules].flatMap((f) => resourcesIn(reader.context, 'alicloud_snat_entry', f))) {
    const inFolder = entry.file.folder === folder;
    const count = attr(entry.block.body, 'count');
    if (count) {
      const n = asCount(reader.evaluate(count));
      if ('value' in n && n.value === 0) continue;
    }
    const table = attr(entry.block.body, 'snat_table_id');
    const gateway = table?.kind === 'traversal' && table.root === 'alicloud_nat_gateway' && typeof table.steps[0] === 'string' ? table.steps[0] : undefined;
    const vswitch = inFolder ? vswitchOf(reader, attr(entry.block.body, 'source_vswitch_id')).vswitch : undefined;
    if (gateway !== undefined && findResource(reader.context, entry.file.folder, 'alicloud_nat_gateway', gateway)) {
      // An entry of a gateway of its own folder: that gateway's, and only when it is this folder's.
      if (!inFolder) continue;
      let coverage = byGateway.get(gateway);
      if (!coverage) byGateway.set(gateway, (coverage = { vswitches: [], wholeVpc: false }));
      add(coverage, entry, vswitch);
    } else {
      add(other, entry, vswitch);
    }
  }
  const result = { byGateway, other };
  folders.set(folder, result);
  return result;
}

/**
 * The SNAT entries of a gateway: the first one (for the summary), and the vSwitches they cover when every entry
 * names its vSwitch (an entry with a `source_cidr`, or a vSwitch that cannot be told, covers the whole VPC here).
 * Its own entries, and those whose table is not a gateway of their folder (a variable, a module's output).
 */
function snatEntriesFor(reader: FileReader, gatewayName: string): { first?: string; vswitches?: string[] } {
  const { byGateway, other } = snatOfFolder(reader);
  const own = byGateway.get(gatewayName);
  const first = own?.first ?? other.first;
  if (!first) return {};
  const wholeVpc = (own?.wholeVpc ?? false) || other.wholeVpc;
  return { first, ...(wholeVpc ? {} : { vswitches: [...(own?.vswitches ?? []), ...other.vswitches] }) };
}

/** An ACK cluster made by Terraform creates a NAT gateway unless `new_nat_gateway = false`. */
export function readCluster(reader: FileReader, block: TopBlock): void {
  // The NAT gateway the cluster makes serves its VPC: named by vpc_id, or by the VPC of its vSwitches.
  const { address, fact, exists } = natResource(reader, block, () => {
    const vpc = vpcOf(reader, attr(block.body, 'vpc_id'));
    for (const key of ['vswitch_ids', 'worker_vswitch_ids', 'pod_vswitch_ids']) {
      const place = placeOf(reader, vswitchesOf(reader, attr(block.body, key)), vpc);
      if (place.vpc) return { folder: place.folder, vpc: place.vpc };
    }
    return { folder: reader.file.folder, ...(vpc ? { vpc } : {}) };
  });
  if (exists === undefined) return;
  if (!exists) return;
  const expr = attr(block.body, 'new_nat_gateway');
  if (!expr) {
    reader.out.natFacts.push(fact(true, 'an ACK cluster whose new_nat_gateway defaults to true'));
    return;
  }
  const value = reader.evaluate(expr);
  if (!value.known) {
    reader.note(`new_nat_gateway of ${address}`, value.why, expr);
    reader.out.natFacts.push(fact(false, 'its new_nat_gateway is not known', `new_nat_gateway is not known: ${value.why}`));
    return;
  }
  const on = value.value === true || value.value === 'true';
  reader.out.natFacts.push(fact(on, on ? 'an ACK cluster with new_nat_gateway = true' : 'an ACK cluster with new_nat_gateway = false'));
}
