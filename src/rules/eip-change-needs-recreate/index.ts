import type { MapEntry, Workload } from '../../model/index.js';
import { EIP_BANDWIDTH, EIP_INSTANCE_ID, WITH_EIP } from '../../policy/eci-keys.js';
import { keyName, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

/** The resource whose EIP arguments the alicloud provider never updates (DOMAIN: TF-ALI source at 81c43b67). */
const CONTAINER_GROUP = 'alicloud_eci_container_group';

/**
 * The EIP arguments, and what an absent one means: `auto_create_eip` is false, `eip_instance_id` none, and the
 * service gives an auto-created EIP 5 Mbit/s when `eip_bandwidth` is not set (writing the 5 changes nothing).
 */
const ARGUMENTS: { key: string; absent: string }[] = [
  { key: WITH_EIP, absent: 'false' },
  { key: EIP_BANDWIDTH, absent: '5' },
  { key: EIP_INSTANCE_ID, absent: '' },
];

function argument(workload: Workload, key: string): MapEntry | undefined {
  return workload.pod?.annotations.find((e) => e.key === key);
}

/** The value the argument means, or undefined when it is not known (no finding rests on it). */
function meant(entry: MapEntry | undefined, absent: string): string | undefined {
  if (!entry) return absent;
  return entry.valueType === 'unknown' ? undefined : entry.value.trim();
}

function valueOrNotSet(entry: MapEntry | undefined, absent: string): string {
  if (entry) return entry.value.trim();
  return absent === '' ? 'not set' : `not set (${absent})`;
}

const baseKey = (w: Workload) => `${w.network?.folder ?? ''}\u0000${w.address ?? ''}`;

/** The base side's container groups by folder and address, built once per base (not once per head workload). */
const BASE_INDEX = new WeakMap<readonly Workload[], Map<string, Workload>>();

/** The same resource on the base side: the same address in the same folder (a move between files keeps it). */
function baseOf(workload: Workload, base: readonly Workload[]): Workload | undefined {
  let index = BASE_INDEX.get(base);
  if (!index) {
    index = new Map();
    for (const b of base) if (b.kind === CONTAINER_GROUP && !index.has(baseKey(b))) index.set(baseKey(b), b);
    BASE_INDEX.set(base, index);
  }
  return index.get(baseKey(workload));
}

export const eipChangeNeedsRecreate: Rule = {
  meta: {
    id: 'eip-change-needs-recreate',
    defaultSeverity: 'warning',
    docs: {
      description: 'A change to the EIP arguments of an existing alicloud_eci_container_group does nothing until it is recreated.',
      url: ruleDocsUrl('eip-change-needs-recreate'),
    },
    fix: 'none',
    appliesTo: ['terraform'],
  },
  check(context: RuleContext) {
    const { workload, scan } = context;
    if (!scan.base || workload.kind !== CONTAINER_GROUP || !workload.address) return;
    const before = baseOf(workload, scan.base.workloads);
    if (!before) return;
    for (const { key, absent } of ARGUMENTS) {
      const head = argument(workload, key);
      const base = argument(before, key);
      const old = meant(base, absent);
      const now = meant(head, absent);
      if (old === undefined || now === undefined || old === now) continue;
      const name = keyName(workload, key);
      context.report({
        message:
          `${name} of ${workload.address} changes from ${valueOrNotSet(base, absent)} to ${valueOrNotSet(head, absent)}, but the container group exists ` +
          `already: the alicloud provider does not update ${name} (it is not ForceNew, and its update never sends it), ` +
          `so terraform apply succeeds and the running group keeps its old EIP setting. Recreate the group for the ` +
          `change to take effect (terraform apply -replace=${workload.address}), or leave the argument as it was.`,
        span: head?.span ?? workload.span,
      });
    }
  },
};
