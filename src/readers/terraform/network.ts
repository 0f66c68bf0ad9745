import type { NetworkPlace } from '../../model/index.js';
import { findResource } from './context.js';
import { attr, type Expr } from './hcl.js';
import type { FileReader } from './reader.js';
import { asString } from './values.js';

/**
 * Following references to where a resource sits in the network: `vswitch_id = alicloud_vswitch.pods.id` →
 * `alicloud_vswitch.pods` → its `vpc_id = alicloud_vpc.main.id`. A reference names a resource of the same folder
 * (Terraform references never leave their module), so its identity is the folder and the address; a literal id
 * (written, or a variable's default) is its own identity and can meet the same id in another folder.
 */

/** `alicloud_vswitch.pods.id`, `alicloud_vswitch.pods[0].id`, or a JSON string `"${alicloud_vswitch.pods.id}"`. */
function resourceReference(expr: Expr | undefined, type: string): string | undefined {
  if (!expr) return undefined;
  if (expr.kind === 'template' && expr.parts.length === 1 && typeof expr.parts[0] !== 'string') {
    return resourceReference(expr.parts[0], type);
  }
  if (expr.kind === 'traversal' && expr.root === type && typeof expr.steps[0] === 'string') return expr.steps[0];
  return undefined;
}

function literalId(reader: FileReader, expr: Expr, prefix: string): string | undefined {
  const value = asString(reader.evaluate(expr));
  return 'value' in value && value.value.startsWith(prefix) ? value.value : undefined;
}

/** The VPC an expression names (`vpc_id = …`), when it can be told. */
export function vpcOf(reader: FileReader, expr: Expr | undefined): string | undefined {
  if (!expr) return undefined;
  const name = resourceReference(expr, 'alicloud_vpc');
  if (name) return `${reader.file.folder}:alicloud_vpc.${name}`;
  return literalId(reader, expr, 'vpc-');
}

/** The vSwitch an expression names (`vswitch_id = …`) and its VPC, when they can be told. */
export function vswitchOf(reader: FileReader, expr: Expr | undefined): { vswitch?: string; vpc?: string } {
  if (!expr) return {};
  const name = resourceReference(expr, 'alicloud_vswitch');
  if (name) {
    const ref = findResource(reader.context, reader.file.folder, 'alicloud_vswitch', name);
    const vpc = ref ? vpcOf(reader, attr(ref.block.body, 'vpc_id')) : undefined;
    return { vswitch: `${reader.file.folder}:alicloud_vswitch.${name}`, ...(vpc ? { vpc } : {}) };
  }
  const id = literalId(reader, expr, 'vsw-');
  return id ? { vswitch: id } : {};
}

/**
 * The vSwitches of a list attribute (`vswitch_ids = [alicloud_vswitch.a.id, alicloud_vswitch.b.id]`), when every
 * one of them can be told; undefined otherwise (a computed list, a data source).
 */
export function vswitchesOf(reader: FileReader, expr: Expr | undefined): { vswitch?: string; vpc?: string }[] | undefined {
  if (!expr) return undefined;
  let items: Expr[] | undefined;
  if (expr.kind === 'tuple') items = expr.items;
  if (!items) {
    const value = reader.evaluate(expr);
    if (!value.known || !Array.isArray(value.value)) return undefined;
    const ids = value.value.filter((v): v is string => typeof v === 'string' && v.startsWith('vsw-'));
    return ids.length === value.value.length && ids.length > 0 ? ids.map((vswitch) => ({ vswitch })) : undefined;
  }
  const out = items.map((item) => vswitchOf(reader, item));
  return out.length > 0 && out.every((v) => v.vswitch) ? out : undefined;
}

/** A place from vSwitches: their VPC when they agree on one. */
export function placeOf(reader: FileReader, vswitches: { vswitch?: string; vpc?: string }[] | undefined, vpc?: string): NetworkPlace {
  const place: NetworkPlace = { folder: reader.file.folder };
  const vpcs = new Set((vswitches ?? []).map((v) => v.vpc).filter((v): v is string => v !== undefined));
  if (vpc) place.vpc = vpc;
  else if (vpcs.size === 1 && vswitches!.every((v) => v.vpc)) place.vpc = [...vpcs][0];
  if (vswitches && vswitches.length > 0) place.vswitches = vswitches.map((v) => v.vswitch!);
  return place;
}
