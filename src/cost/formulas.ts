import type { ChargeType, CostAssumptions, Prices } from '../model/index.js';

/**
 * The formulas of the cost model (docs/cost.md), with H hours and D = H / 24 days a month, w = 0 when the
 * ECI configuration-fee waiver applies (else 1), g GB of egress per pod a month and b Mbit/s per EIP.
 */

/** The largest pod count the break-even search tries. */
export const BREAK_EVEN_LIMIT = 10_000;

export function daysPerMonth(a: CostAssumptions): number {
  return a.hoursPerMonth / 24;
}

/** bw(b) = eip-bandwidth-day-first5 · min(b, 5) + eip-bandwidth-day-above5 · max(b − 5, 0), per day. */
export function bandwidthFeePerDay(p: Prices, mbps: number): number {
  return p['eip-bandwidth-day-first5'] * Math.min(mbps, 5) + p['eip-bandwidth-day-above5'] * Math.max(mbps - 5, 0);
}

/**
 * One auto-created EIP for a month:
 * - PayByTraffic: w · eip-config-fee-hour · H + g · eip-traffic-gb
 * - PayByBandwidth: D · (w · eip-config-fee-day + bw(b))
 * In a shared bandwidth plan the plan bills the EIP's traffic or bandwidth, so only the configuration fee is left.
 */
export function perEipMonthly(
  p: Prices,
  a: CostAssumptions,
  chargeType: ChargeType,
  mbps: number,
  inBandwidthPlan = false,
): number {
  const w = a.waiveEciConfigFee ? 0 : 1;
  if (chargeType === 'PayByTraffic') {
    const traffic = inBandwidthPlan ? 0 : a.trafficGbPerPod * p['eip-traffic-gb'];
    return w * p['eip-config-fee-hour'] * a.hoursPerMonth + traffic;
  }
  const bandwidth = inBandwidthPlan ? 0 : bandwidthFeePerDay(p, mbps);
  return daysPerMonth(a) * (w * p['eip-config-fee-day'] + bandwidth);
}

/**
 * What the account's free CDT traffic saves on `gb` GB a month of pay-by-traffic EIP traffic:
 * min(free-traffic-gb, gb) · eip-traffic-gb. The allowance is one per account, shared by all its EIPs.
 */
export function freeTrafficCredit(p: Prices, a: CostAssumptions, gb: number): number {
  return Math.min(a.freeTrafficGb, Math.max(0, gb)) * p['eip-traffic-gb'];
}

/**
 * One internet NAT gateway with one pay-by-traffic EIP (its configuration fee is charged: the ECI waiver does
 * not apply to an EIP on a NAT gateway) carrying the egress of n pods, a capacity unit per GB, less the free
 * traffic allowance on its EIP's traffic:
 * nat-hour · H + nat-cu · n · g + eip-config-fee-hour · H + n · g · eip-traffic-gb − min(free, n · g) · eip-traffic-gb
 */
export function natAlternativeMonthly(p: Prices, a: CostAssumptions, pods: number): number {
  const H = a.hoursPerMonth;
  const gb = pods * a.trafficGbPerPod;
  return p['nat-hour'] * H + p['nat-cu'] * gb + p['eip-config-fee-hour'] * H + gb * p['eip-traffic-gb'] - freeTrafficCredit(p, a, gb);
}

/** a ≤ b, forgiving the rounding error of floating point. */
function noMoreThan(a: number, b: number): boolean {
  return a <= b + 1e-9 * Math.max(1, Math.abs(b));
}

/**
 * The smallest whole n ≥ 1 (up to BREAK_EVEN_LIMIT) at which the NAT alternative costs no more than n per-pod
 * EIPs at `perPod` each; null when it never does. `trafficShare` is the share of those pods whose traffic the
 * free allowance covers (pay-by-traffic BGP EIPs).
 */
export function breakEvenPods(p: Prices, a: CostAssumptions, perPod: number, trafficShare = 1): number | null {
  const nat = (n: number) => natAlternativeMonthly(p, a, n);
  if (a.freeTrafficGb > 0) {
    // The free allowance bends both sides (it covers the first GB only), so walk: at most BREAK_EVEN_LIMIT steps.
    const eips = (n: number) => n * perPod - freeTrafficCredit(p, a, n * trafficShare * a.trafficGbPerPod);
    for (let n = 1; n <= BREAK_EVEN_LIMIT; n++) if (noMoreThan(nat(n), eips(n))) return n;
    return null;
  }
  // Both sides are linear in n: NAT = fixed + n·natPerPod against n·perPod, so n = fixed / margin, rounded
  // up; the two short walks below only settle floating-point rounding at the boundary.
  const fixed = nat(0);
  const margin = perPod - (nat(1) - fixed);
  if (margin <= 0) return noMoreThan(nat(1), perPod) ? 1 : null;
  let n = Math.max(1, Math.ceil(fixed / margin));
  while (n > 1 && noMoreThan(nat(n - 1), (n - 1) * perPod)) n--;
  while (n <= BREAK_EVEN_LIMIT && !noMoreThan(nat(n), n * perPod)) n++;
  return n <= BREAK_EVEN_LIMIT ? n : null;
}
