import type { CostReport, PriceKey, Range, WorkloadCost, WorkloadCostChange } from '../model/index.js';
import { PRICE_KEYS, round2 } from '../cost/index.js';

/** Whether a report has a cost worth a table: a workload with an EIP in the head or the base. */
export function hasCostTable(cost: CostReport | undefined): cost is CostReport {
  return cost !== undefined && (cost.workloads.length > 0 || (cost.base?.workloads.length ?? 0) > 0);
}

const cents = (range: Range) => ({ min: round2(range.min), max: round2(range.max) });

/** A row of the cost table: the head's workload, or with a base its change. */
export interface CostRow {
  workload: WorkloadCost;
  before?: WorkloadCost;
  after?: WorkloadCost;
  change?: WorkloadCostChange;
}

export function costRows(cost: CostReport): CostRow[] {
  if (!cost.changes) return cost.workloads.map((w) => ({ workload: w, after: w }));
  return cost.changes.map((c) => ({ workload: (c.head ?? c.base)!, before: c.base, after: c.head, change: c }));
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

function workloadJson(w: WorkloadCost) {
  return {
    file: w.file,
    kind: w.kind,
    name: w.name,
    namespace: w.namespace,
    pods: w.pods ?? null,
    chargeType: w.chargeType ?? null,
    bandwidthMbps: w.bandwidthMbps ?? null,
    eip: w.eip,
    ...(w.isp ? { isp: w.isp } : {}),
    perPod: w.perPod === undefined ? null : round2(w.perPod),
    monthly: w.monthly ? cents(w.monthly) : null,
    ...(w.unknown !== undefined ? { unknown: w.unknown } : {}),
    ...(w.region !== undefined ? { region: w.region } : {}),
  };
}

/**
 * The `cost` object of the JSON report (docs/cost.md): amounts in the report's currency, rounded to cents
 * (totals are rounded once, from the unrounded amounts).
 */
export function costJson(cost: CostReport) {
  const workloads = cost.changes
    ? cost.changes.map((c) => {
        const head = c.head
          ? workloadJson(c.head)
          : { ...workloadJson(c.base!), pods: { min: 0, max: 0 }, perPod: 0, monthly: { min: 0, max: 0 }, unknown: undefined };
        return {
          ...head,
          status: c.status,
          base: c.base ? { file: c.base.file, pods: c.base.pods ?? null, monthly: c.base.monthly ? cents(c.base.monthly) : null } : null,
          change: c.change ? cents(c.change) : null,
        };
      })
    : cost.workloads.map(workloadJson);
  const values = Object.fromEntries(PRICE_KEYS.map((k) => [k, cost.pricing.prices[k]])) as Record<PriceKey, number>;
  return {
    region: cost.pricing.region,
    currency: cost.pricing.currency,
    prices: {
      asOf: cost.pricing.asOf,
      ageMonths: cost.pricing.ageMonths,
      source: cost.pricing.source,
      overridden: cost.pricing.overridden,
      values,
      bgpPro: cost.pricing.bgpPro,
    },
    assumptions: cost.assumptions,
    workloads,
    ...(cost.freeTraffic
      ? { freeTraffic: { gb: cost.freeTraffic.gb, used: cost.freeTraffic.used, credit: cents(cost.freeTraffic.credit) } }
      : {}),
    total: cents(cost.total),
    unknownWorkloads: cost.unknownWorkloads,
    ...(cost.base
      ? {
          base: { total: cents(cost.base.total), unknownWorkloads: cost.base.unknownWorkloads },
          // null when a workload's cost is unknown on either side (unknownChanges says how many).
          change: cost.change ? cents(cost.change) : null,
          unknownChanges: cost.unknownChanges ?? 0,
        }
      : {}),
    natAlternative: { monthly: round2(cost.natAlternative.monthly), pods: cost.natAlternative.pods },
    breakEvenPods: cost.breakEvenPods,
  };
}
