import type { Config, CostReport, Range, WorkloadCost } from '../../model/index.js';
import { countRange, money, round2 } from '../../cost/index.js';
import { ruleDocsUrl, type Rule, type RuleReport } from '../rule.js';

/**
 * eip-cost-budget is a function of the cost projection, not of one workload: the engine runs it as a cost-stage rule
 * once the projection (and the base's, when there is one) is made.
 */
export const eipCostBudget: Rule = {
  meta: {
    id: 'eip-cost-budget',
    defaultSeverity: 'warning',
    docs: {
      description: 'The projected monthly EIP cost, or its increase, exceeds the budget, or a NAT gateway is cheaper.',
      url: ruleDocsUrl('eip-cost-budget'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
  checkCost({ cost, budget, report }) {
    for (const { target, report: found } of costBudgetReports(cost, budget)) report(target, found);
  },
};

/** A finding of eip-cost-budget and the workload it is reported on. */
export interface CostBudgetReport {
  target: WorkloadCost;
  report: RuleReport;
}

const describe = (w: WorkloadCost) => `${w.kind} ${w.name || '(unnamed)'}`;
const pods = (n: number) => `${n} pod${n === 1 ? '' : 's'}`;
const podCountText = (r: Range) => `${countRange(r)} pod${r.min === 1 && r.max === 1 ? '' : 's'}`;

function unknownNote(cost: CostReport): string {
  const n = cost.unknownWorkloads;
  return n === 0 ? '' : ` (${n} workload${n === 1 ? '' : 's'} of unknown cost not counted)`;
}

/** The workload that adds most: by `score`, among the head's workloads with a known cost and pod count. */
function largest(cost: CostReport, score: (w: WorkloadCost) => number): WorkloadCost | undefined {
  let best: WorkloadCost | undefined;
  for (const w of cost.workloads) {
    if (!w.monthly || !w.pods) continue;
    if (!best || score(w) > score(best)) best = w;
  }
  return best;
}

/**
 * The findings of eip-cost-budget for a projection:
 * - the head's maximum total exceeds `budget.monthly` (on the workload that adds most to it);
 * - with a base, the increase of the maximum total exceeds `budget.increase` (on the workload whose cost rose most);
 * - a workload's maximum pod count reaches the break-even pod count (on that workload), unless its EIPs cost no more
 *   a pod than the same pod's traffic through the NAT gateway (moving it there would not save anything).
 */
export function costBudgetReports(cost: CostReport, budget: Config['budget']): CostBudgetReport[] {
  const out: CostBudgetReport[] = [];
  const c = cost.pricing.currency;
  const fix =
    'Egress through a NAT gateway with an SNAT entry for the pods\' vSwitch, fewer pods, PayByTraffic EIPs or a larger budget ' +
    'bring it down.';

  // Amounts are compared as shown, in cents: 10 × 1.17 is 11.70, not over a budget of 11.70.
  if (budget.monthly !== undefined && round2(cost.total.max) > budget.monthly) {
    const top = largest(cost, (w) => w.monthly!.max);
    if (top) {
      out.push({
        target: top,
        report: {
          span: top.span,
          message:
            `The projected monthly cost of the per-pod EIPs is up to ${money(cost.total.max, c)}${unknownNote(cost)}, over ` +
            `budget.monthly (${money(budget.monthly, c)}). Each ECI pod with eci-with-eip gets an EIP of its own, so the ` +
            `cost grows with the pods; ${describe(top)} adds the most: ${money(top.monthly!.max, c)} for up to ` +
            `${pods(top.pods!.max)}. ${fix}`,
        },
      });
    }
  }

  if (budget.increase !== undefined && cost.base && cost.change && round2(cost.change.max) > budget.increase) {
    const rise = new Map(cost.changes?.filter((x) => x.head).map((x) => [x.head!, x.change?.max ?? x.head!.monthly?.max ?? 0]));
    const top = largest(cost, (w) => rise.get(w) ?? 0);
    if (top) {
      const before = cost.changes?.find((x) => x.head === top)?.base;
      out.push({
        target: top,
        report: {
          span: top.span,
          message:
            `This change raises the projected monthly cost of the per-pod EIPs by up to ${money(cost.change.max, c)} ` +
            `(from ${money(cost.base.total.max, c)} to ${money(cost.total.max, c)})${unknownNote(cost)}, over ` +
            `budget.increase (${money(budget.increase, c)}). ${describe(top)} rises the most: ` +
            (before?.pods && before.monthly
              ? `from ${podCountText(before.pods)} at ${money(before.monthly.max, c)} `
              : 'from nothing ') +
            `to ${podCountText(top.pods!)} at ${money(top.monthly!.max, c)}. ${fix}`,
        },
      });
    }
  }

  const breakEven = cost.breakEvenPods;
  if (breakEven !== null) {
    // What one more pod costs behind the NAT gateway: its traffic's capacity units and the traffic of the NAT's EIP.
    // A workload whose EIPs cost no more than that a pod would not get cheaper behind the gateway: no finding.
    const p = cost.pricing.prices;
    const natPerPod = cost.assumptions.trafficGbPerPod * (p['nat-cu'] + p['eip-traffic-gb']);
    for (const w of cost.workloads) {
      if (w.eip === 'existing' || !w.monthly || !w.pods || w.pods.max < breakEven) continue;
      if (w.perPod === undefined || round2(w.perPod) <= round2(natPerPod)) continue;
      out.push({
        target: w,
        report: {
          span: w.span,
          message:
            `${describe(w)} runs up to ${pods(w.pods.max)}, each with an EIP of its own (${money(w.monthly.max, c)} a month), ` +
            `and from ${pods(breakEven)} one NAT gateway with one EIP costs no more than per-pod EIPs ` +
            `(${money(cost.breakEvenPerPod, c)} per pod a month at these pods' charge types and bandwidths). ` +
            `Egress through a NAT gateway with an SNAT entry for the pods' vSwitch, unless each pod needs its own public address.`,
        },
      });
    }
  }
  return out;
}
