import type { ChargeType } from '../model/index.js';

/**
 * The charge type of an auto-created EIP whose pod does not write `eip-internet-charge-type` (ECI documents no
 * default): the config's `pricing.charge-type`, else PayByTraffic. The bandwidth range check and the cost both use
 * it, so a bandwidth is never accepted under one charge type and priced under the other.
 */
export const DEFAULT_CHARGE_TYPE: ChargeType = 'PayByTraffic';

export function assumedChargeType(pricing: Record<string, unknown>): ChargeType {
  return pricing['charge-type'] === 'PayByBandwidth' ? 'PayByBandwidth' : DEFAULT_CHARGE_TYPE;
}

/** The bandwidth limit of a pay-as-you-go EIP, Mbit/s (TF-ALI eip_address): 200 billed by traffic, 500 by bandwidth. */
export function bandwidthLimit(chargeType: ChargeType): number {
  return chargeType === 'PayByTraffic' ? 200 : 500;
}
