import type { Span } from './position.js';

/** The two ways a pay-as-you-go EIP is metered. */
export const CHARGE_TYPES = ['PayByTraffic', 'PayByBandwidth'] as const;
export type ChargeType = (typeof CHARGE_TYPES)[number];

export const CURRENCIES = ['USD', 'CNY'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The keys of a price set, as written in the price table and in the config's `pricing.prices`. */
export type PriceKey =
  | 'eip-config-fee-hour'
  | 'eip-traffic-gb'
  | 'eip-config-fee-day'
  | 'eip-bandwidth-day-first5'
  | 'eip-bandwidth-day-above5'
  | 'nat-hour'
  | 'nat-cu';

export type Prices = Record<PriceKey, number>;

/** A low and a high value: pods or money. Without an autoscaler both are the same. */
export interface Range {
  min: number;
  max: number;
}

/** The prices a projection uses and where they come from. */
export interface PriceInfo {
  region: string;
  currency: Currency;
  /** The date of the price table's entry; null when every price comes from the config. */
  asOf: string | null;
  source: string;
  prices: Prices;
  /** The prices given in the config's `pricing.prices`, which replace the table's. */
  overridden: PriceKey[];
  /** Whole months from `asOf` to the run; null when every price comes from the config. */
  ageMonths: number | null;
  /**
   * Prices of BGP (Multi-ISP) Pro EIPs (`eip-isp: BGP_PRO`) known for the region, from the table or the config's
   * `pricing.bgp-pro-prices`; a BGP Pro pod whose price is not here has an unknown cost.
   */
  bgpPro: Partial<Prices>;
}

/** The line types of an EIP (`k8s.aliyun.com/eip-isp`). */
export const ISPS = ['BGP', 'BGP_PRO'] as const;
export type Isp = (typeof ISPS)[number];

/** The assumptions of the model, from the config (see docs/cost.md). */
export interface CostAssumptions {
  /** H: hours in a month. */
  hoursPerMonth: number;
  /** g: internet egress per pod per month, GB. */
  trafficGbPerPod: number;
  /** w = 0 when true: no EIP configuration fee for EIPs associated with ECI instances. */
  waiveEciConfigFee: boolean;
  /** For pods that do not set `k8s.aliyun.com/eip-internet-charge-type`. */
  chargeType: ChargeType;
  /** b for pods that do not set `k8s.aliyun.com/eip-bandwidth`, Mbit/s. */
  bandwidthMbps: number;
  /** The account's free CDT traffic a month, GB, shared by every pay-by-traffic EIP (and the NAT gateway's). */
  freeTrafficGb: number;
}

/**
 * How a workload's pods get their public address:
 * - auto: ECI creates one EIP per pod (`eci-with-eip: "true"`), billed on its own;
 * - bandwidth-plan: as auto, but the EIPs join a shared bandwidth plan, which bills their bandwidth;
 * - existing: an existing EIP is bound by id; it is billed whether or not the pod runs, so it adds nothing.
 */
export type EipKind = 'auto' | 'bandwidth-plan' | 'existing';

/** The projected monthly cost of one workload's EIPs. */
export interface WorkloadCost {
  file: string;
  kind: string;
  name: string;
  namespace: string;
  /** Where the EIP is asked for (the `eci-with-eip` key), else the pod template or the workload. */
  span: Span;
  eip: EipKind;
  /** Pods at once: [min, max]; undefined when not known. */
  pods?: Range;
  /** Undefined for an existing EIP (its billing is not ours to know) or when not known. */
  chargeType?: ChargeType;
  /** The EIP's line type, for auto-created EIPs: `BGP` unless the pod says `BGP_PRO`. */
  isp?: Isp;
  /** Internet traffic a month billed by the GB at the BGP price (pods × g; 0 for other EIPs): the free allowance applies to it. */
  trafficGb?: Range;
  bandwidthMbps?: number;
  /** The monthly cost of one of its EIPs. */
  perPod?: number;
  /** pods × perPod; undefined when the cost is not known. */
  monthly?: Range;
  /** Why the cost is not known: set exactly when `monthly` is undefined. */
  unknown?: string;
  /** The pricing region, when a `clusters:` entry gives the workload another one than the report's. */
  region?: string;
}

/** One side of a projection: the workloads and their total. */
export interface CostSide {
  workloads: WorkloadCost[];
  /** The sum of the workloads whose cost is known, less the free traffic allowance (`freeTraffic.credit`). */
  total: Range;
  /** The account's free traffic (`pricing.free-traffic-gb`) as applied to the workloads' BGP traffic; absent when 0. */
  freeTraffic?: { gb: number; used: Range; credit: Range };
  /** How many workloads have an unknown cost and are left out of the total. */
  unknownWorkloads: number;
}

export type WorkloadChangeStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** A workload of the head or the base, matched by kind, namespace and name. */
export interface WorkloadCostChange {
  kind: string;
  name: string;
  namespace: string;
  head?: WorkloadCost;
  base?: WorkloadCost;
  status: WorkloadChangeStatus;
  /** head − base (a side without the workload counts as 0); undefined when either side is unknown. */
  change?: Range;
}

export interface CostReport extends CostSide {
  pricing: PriceInfo;
  assumptions: CostAssumptions;
  /** One NAT gateway with one pay-by-traffic EIP for the same pods: N = the head's maximum pods with auto EIPs. */
  natAlternative: { monthly: number; pods: number };
  /** The smallest pod count at which the NAT alternative costs no more than per-pod EIPs; null: never (≤ 10,000). */
  breakEvenPods: number | null;
  /** The monthly cost of one EIP in the pods' mix that the break-even uses. */
  breakEvenPerPod: number;
  /** Present when the run has a base to compare with. */
  base?: CostSide;
  /** Every workload of the head or the base, with its change; present with a base. */
  changes?: WorkloadCostChange[];
  /** head total − base total; present with a base when every workload's change is known (unknownChanges is 0). */
  change?: Range;
  /** With a base: how many workloads have an unknown change (an unknown cost on either side). */
  unknownChanges?: number;
}
