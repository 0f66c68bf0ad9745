import {
  CHARGE_TYPES,
  type ChargeType,
  type CostReport,
  type CostSide,
  type Isp,
  type PriceKey,
  type Prices,
  type Range,
  type Workload,
  type WorkloadCost,
  type WorkloadCostChange,
} from '../model/index.js';
import type { EffectiveAnnotation, WorkloadFacts } from '../policy/facts.js';
import {
  EIP_BANDWIDTH,
  EIP_BANDWIDTH_PACKAGE,
  EIP_CHARGE_TYPE,
  EIP_INSTANCE_ID,
  EIP_ISP,
  WITH_EIP,
} from '../policy/eci-keys.js';
import { breakEvenPods, freeTrafficCredit, natAlternativeMonthly, perEipMonthly } from './formulas.js';
import { podRange } from './pods.js';
import { bandwidthLimit } from '../policy/charge-type.js';
import type { ResolvedPricing } from './pricing.js';

/** A workload and what the policy decided about it: the input of the projection. */
export interface CostInput {
  workload: Workload;
  facts: WorkloadFacts;
  /** The prices of another region than the run's (a `clusters:` entry's `region`). */
  pricing?: ResolvedPricing;
}

/** Whether the workload is in the projection: an ECI workload whose pods get an EIP, or may. */
function costed({ facts }: CostInput): boolean {
  if (!facts.eci.eci) return false;
  const withEip = facts.podAnnotations.get(WITH_EIP);
  return facts.autoEip || facts.existingEip || withEip?.entry?.valueType === 'unknown' || facts.unresolved !== undefined;
}

/** How messages name an annotation: as its source writes it (a Terraform argument) or by its key. */
function named(annotation: EffectiveAnnotation | undefined, key: string): string {
  return annotation?.entry?.label ?? key;
}

function scale(range: Range, factor: number): Range {
  return { min: range.min * factor, max: range.max * factor };
}

const SOURCES = new WeakMap<WorkloadCost, Workload>();

/** The workload a cost was projected for (for the findings of eip-cost-budget). */
export function sourceWorkload(cost: WorkloadCost): Workload | undefined {
  return SOURCES.get(cost);
}

/** One workload's EIP cost, or why it is not known. */
export function costOfWorkload(input: CostInput, pricing: ResolvedPricing): WorkloadCost {
  const cost = estimate(input, pricing);
  SOURCES.set(cost, input.workload);
  return cost;
}

function estimate({ workload, facts }: CostInput, pricing: ResolvedPricing): WorkloadCost {
  const annotations = facts.podAnnotations;
  const withEip = annotations.get(WITH_EIP);
  const asked = facts.autoEip ? withEip : annotations.get(EIP_INSTANCE_ID) ?? withEip;
  const pods = podRange(workload);
  const base = {
    file: workload.file,
    kind: workload.kind,
    name: workload.name,
    namespace: workload.namespace,
    span: asked?.entry?.keySpan ?? workload.pod?.span ?? workload.span,
    ...(pods.range ? { pods: pods.range } : {}),
  };
  const unknown: string[] = [];
  if (pods.unknown !== undefined) unknown.push(`the pod count is not known: ${pods.unknown}`);

  // Some of the pod's EIP keys could not be read (an unresolved Terraform value): nothing is guessed.
  const unresolved = facts.unresolved === undefined ? undefined : `the EIP settings are not known: ${facts.unresolved}`;
  // An existing EIP is billed whether or not a pod uses it, so it adds nothing. With both keys, ECI creates a
  // new EIP and does not use the given one (AlibabaCloudDocs/csk, 2021), so the auto EIP is priced.
  if (!facts.autoEip && facts.existingEip) {
    return unresolved ? { ...base, eip: 'existing', unknown: unresolved } : { ...base, eip: 'existing', perPod: 0, monthly: { min: 0, max: 0 } };
  }
  if (unresolved) unknown.unshift(unresolved);
  else if (!facts.autoEip) unknown.unshift(`whether ECI creates an EIP is not known: the value of ${named(withEip, WITH_EIP)} is not known`);

  const plan = annotations.get(EIP_BANDWIDTH_PACKAGE);
  const inPlan = plan !== undefined && plan.value.trim() !== '';

  let chargeType: ChargeType | undefined = pricing.assumptions.chargeType;
  const charge = annotations.get(EIP_CHARGE_TYPE);
  if (charge) {
    if (charge.entry?.valueType === 'unknown') {
      chargeType = undefined;
      unknown.push(`the value of ${named(charge, EIP_CHARGE_TYPE)} is not known`);
    } else if (CHARGE_TYPES.includes(charge.value as ChargeType)) {
      chargeType = charge.value as ChargeType;
    } else {
      chargeType = undefined;
      unknown.push(`${named(charge, EIP_CHARGE_TYPE)} "${charge.value}" is not ${CHARGE_TYPES.join(' or ')}`);
    }
  }

  let bandwidthMbps: number | undefined = pricing.assumptions.bandwidthMbps;
  const bandwidth = annotations.get(EIP_BANDWIDTH);
  if (bandwidth) {
    // The same range as eip-invalid-value: the written charge type's, else the assumed one's (an unknown charge
    // type leaves the cost unknown anyway).
    const limit = bandwidthLimit(chargeType ?? 'PayByBandwidth');
    const n = /^\d+$/.test(bandwidth.value) ? Number(bandwidth.value) : NaN;
    if (bandwidth.entry?.valueType === 'unknown') {
      bandwidthMbps = undefined;
      unknown.push(`the value of ${named(bandwidth, EIP_BANDWIDTH)} is not known`);
    } else if (!(n >= 1 && n <= limit)) {
      bandwidthMbps = undefined;
      unknown.push(`${named(bandwidth, EIP_BANDWIDTH)} "${bandwidth.value}" is not a whole number of Mbit/s in 1–${limit}`);
    } else {
      bandwidthMbps = n;
    }
  }

  // Only the exact value selects BGP Pro; any other value is eip-invalid-value's finding, and ECI's default is BGP.
  const isp: Isp = annotations.get(EIP_ISP)?.value === 'BGP_PRO' ? 'BGP_PRO' : 'BGP';
  let prices = pricing.info.prices;
  if (isp === 'BGP_PRO' && chargeType && bandwidthMbps !== undefined) {
    const needed = bgpProKeys(chargeType, bandwidthMbps, inPlan, pricing.assumptions.waiveEciConfigFee);
    const missing = needed.filter((k) => pricing.info.bgpPro[k] === undefined);
    if (missing.length > 0) {
      unknown.push(
        `eip-isp BGP_PRO: the price table has no BGP (Multi-ISP) Pro price for ${pricing.info.region} in ${pricing.info.currency} ` +
          `(${missing.join(', ')}); give it in pricing.bgp-pro-prices`,
      );
    }
    prices = { ...prices, ...pricing.info.bgpPro } as Prices;
  }

  const described = {
    ...base,
    eip: inPlan ? ('bandwidth-plan' as const) : ('auto' as const),
    ...(chargeType ? { chargeType } : {}),
    ...(bandwidthMbps !== undefined ? { bandwidthMbps } : {}),
    isp,
  };
  if (unknown.length > 0 || !chargeType || bandwidthMbps === undefined || !pods.range) {
    return { ...described, unknown: unknown.join('; ') };
  }
  const perPod = perEipMonthly(prices, pricing.assumptions, chargeType, bandwidthMbps, inPlan);
  // The free allowance is applied to traffic billed at the table's BGP price only: whether CDT's allowance
  // covers BGP Pro traffic is not documented, so BGP Pro is never made cheaper by it.
  const billedByGb = chargeType === 'PayByTraffic' && !inPlan && isp === 'BGP';
  const trafficGb = billedByGb ? scale(pods.range, pricing.assumptions.trafficGbPerPod) : { min: 0, max: 0 };
  const monthly = scale(pods.range, perPod);
  // Counts are bounded by the readers, but no NaN or Infinity may ever reach a total, a budget or a report.
  if (![perPod, monthly.min, monthly.max].every(Number.isFinite)) {
    return { ...described, unknown: 'the projected cost is too large to be a number' };
  }
  return { ...described, perPod, monthly, trafficGb };
}

/** The prices one BGP Pro EIP needs: its traffic or bandwidth (unless a bandwidth plan bills it) and its configuration fee when charged. */
function bgpProKeys(chargeType: ChargeType, mbps: number, inPlan: boolean, waived: boolean): PriceKey[] {
  const keys: PriceKey[] = [];
  if (chargeType === 'PayByTraffic') {
    if (!waived) keys.push('eip-config-fee-hour');
    if (!inPlan) keys.push('eip-traffic-gb');
  } else {
    if (!waived) keys.push('eip-config-fee-day');
    if (!inPlan) keys.push('eip-bandwidth-day-first5', ...(mbps > 5 ? (['eip-bandwidth-day-above5'] as const) : []));
  }
  return keys;
}

/** The workloads of one side (the head or the base) and their total. */
export function projectSide(inputs: readonly CostInput[], pricing: ResolvedPricing): CostSide {
  const workloads = inputs.filter(costed).map((input) => {
    const cost = costOfWorkload(input, input.pricing ?? pricing);
    if (input.pricing && input.pricing.info.region !== pricing.info.region) cost.region = input.pricing.info.region;
    return cost;
  });
  const total = { min: 0, max: 0 };
  const traffic = { min: 0, max: 0 };
  for (const w of workloads) {
    if (!w.monthly) continue;
    total.min += w.monthly.min;
    total.max += w.monthly.max;
    traffic.min += w.trafficGb?.min ?? 0;
    traffic.max += w.trafficGb?.max ?? 0;
  }
  const side: CostSide = { workloads, total, unknownWorkloads: workloads.filter((w) => !w.monthly).length };
  const gb = pricing.assumptions.freeTrafficGb;
  if (gb > 0) {
    // One allowance for the whole account: it lowers the total, not any one workload.
    const used = { min: Math.min(gb, traffic.min), max: Math.min(gb, traffic.max) };
    const credit = {
      min: freeTrafficCredit(pricing.info.prices, pricing.assumptions, traffic.min),
      max: freeTrafficCredit(pricing.info.prices, pricing.assumptions, traffic.max),
    };
    total.min -= credit.min;
    total.max -= credit.max;
    side.freeTraffic = { gb, used, credit };
  }
  return side;
}

/**
 * Pods with an auto-created EIP whose cost is known: at most (N of the NAT alternative), their cost, and the
 * share of them whose traffic the free allowance can cover.
 */
function autoEipPods(side: CostSide): { pods: number; monthly: number; trafficShare: number } {
  let pods = 0;
  let monthly = 0;
  let trafficPods = 0;
  for (const w of side.workloads) {
    if (w.eip === 'existing' || !w.monthly || !w.pods) continue;
    pods += w.pods.max;
    monthly += w.monthly.max;
    if ((w.trafficGb?.max ?? 0) > 0) trafficPods += w.pods.max;
  }
  return { pods, monthly, trafficShare: pods > 0 ? trafficPods / pods : 0 };
}

const key = (w: Pick<WorkloadCost, 'kind' | 'namespace' | 'name'>) => `${w.kind}\u0000${w.namespace}\u0000${w.name}`;

function same(a: WorkloadCost, b: WorkloadCost): boolean {
  const range = (r?: Range) => (r ? `${r.min}-${r.max}` : '?');
  return (
    a.eip === b.eip &&
    a.isp === b.isp &&
    a.chargeType === b.chargeType &&
    a.bandwidthMbps === b.bandwidthMbps &&
    range(a.pods) === range(b.pods) &&
    range(a.monthly) === range(b.monthly) &&
    a.unknown === b.unknown
  );
}

/**
 * Pairs the head's workloads with the base's by kind, namespace and name (so a workload moved to another
 * file is the same workload); a workload on one side only counts as 0 on the other.
 */
export function compareSides(head: CostSide, base: CostSide): WorkloadCostChange[] {
  const unpaired = new Map<string, WorkloadCost[]>();
  for (const b of base.workloads) {
    const list = unpaired.get(key(b));
    if (list) list.push(b);
    else unpaired.set(key(b), [b]);
  }
  const zero = { min: 0, max: 0 };
  const changes: WorkloadCostChange[] = [];
  const change = (h: WorkloadCost | undefined, b: WorkloadCost | undefined): Range | undefined => {
    const after = h ? h.monthly : zero;
    const before = b ? b.monthly : zero;
    return after && before ? { min: after.min - before.min, max: after.max - before.max } : undefined;
  };
  for (const h of head.workloads) {
    const b = unpaired.get(key(h))?.shift();
    const status = !b ? 'added' : same(h, b) ? 'unchanged' : 'changed';
    const c = change(h, b);
    changes.push({ kind: h.kind, name: h.name, namespace: h.namespace, head: h, ...(b ? { base: b } : {}), status, ...(c ? { change: c } : {}) });
  }
  for (const b of base.workloads) {
    if (!unpaired.get(key(b))?.includes(b)) continue;
    const c = change(undefined, b);
    changes.push({ kind: b.kind, name: b.name, namespace: b.namespace, base: b, status: 'removed', ...(c ? { change: c } : {}) });
  }
  return changes;
}

/**
 * The cost projection of a run: the head's workloads, their total, the NAT alternative for the same pods and
 * the break-even pod count; with the base's side, the change per workload and in total.
 */
export function projectCost(inputs: readonly CostInput[], pricing: ResolvedPricing, base?: CostSide): CostReport {
  const { info: prices, assumptions } = pricing;
  const head = projectSide(inputs, pricing);
  const auto = autoEipPods(head);
  // The break-even uses the pods' mix of charge types and bandwidths: the average EIP of the head's pods,
  // or one pod of the config's defaults when there are none.
  const perPod =
    auto.pods > 0
      ? auto.monthly / auto.pods
      : perEipMonthly(prices.prices, assumptions, assumptions.chargeType, assumptions.bandwidthMbps);
  const trafficShare = auto.pods > 0 ? auto.trafficShare : assumptions.chargeType === 'PayByTraffic' ? 1 : 0;
  const report: CostReport = {
    pricing: prices,
    assumptions,
    ...head,
    natAlternative: { monthly: natAlternativeMonthly(prices.prices, assumptions, auto.pods), pods: auto.pods },
    breakEvenPods: breakEvenPods(prices.prices, assumptions, perPod, trafficShare),
    breakEvenPerPod: perPod,
  };
  if (base) {
    report.base = base;
    report.changes = compareSides(head, base);
    // A workload whose cost is unknown on either side makes the change unknown: leaving it out would show its
    // known side as a saving or a rise that nobody can vouch for.
    const unknownChanges = report.changes.filter((c) => !c.change).length;
    report.unknownChanges = unknownChanges;
    if (unknownChanges === 0) report.change = { min: head.total.min - base.total.min, max: head.total.max - base.total.max };
  }
  return report;
}

/** The side of a report, to compare another run with. */
export function sideOf(report: CostReport): CostSide {
  return {
    workloads: report.workloads,
    total: report.total,
    unknownWorkloads: report.unknownWorkloads,
    ...(report.freeTraffic ? { freeTraffic: report.freeTraffic } : {}),
  };
}
