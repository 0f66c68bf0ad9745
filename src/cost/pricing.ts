import type { CostAssumptions, Currency, PriceInfo, PriceKey, Prices } from '../model/index.js';
import table from './prices.json' with { type: 'json' };
import { assumedChargeType } from '../policy/charge-type.js';

/** The price keys, in the order of the docs. */
export const PRICE_KEYS: readonly PriceKey[] = [
  'eip-config-fee-hour',
  'eip-traffic-gb',
  'eip-config-fee-day',
  'eip-bandwidth-day-first5',
  'eip-bandwidth-day-above5',
  'nat-hour',
  'nat-cu',
];

export interface PriceTableEntry {
  name: string;
  regions: string[];
  currency: Currency;
  asOf: string;
  source: string;
  prices: Prices;
  /** BGP (Multi-ISP) Pro prices, where the documentation gives them. */
  bgpPro?: Partial<Prices>;
}

/** The prices a BGP Pro EIP can have (the NAT gateway's are not EIP prices). */
export const BGP_PRO_PRICE_KEYS: readonly PriceKey[] = PRICE_KEYS.filter((key) => !key.startsWith('nat-'));

/** The bundled price table (src/cost/prices.json). */
export const PRICE_TABLE = table as {
  hoursPerMonth: number;
  defaultRegion: string;
  defaultCurrency: Currency;
  entries: PriceTableEntry[];
};

export const HOURS_PER_MONTH = PRICE_TABLE.hoursPerMonth;
export const DEFAULT_REGION = PRICE_TABLE.defaultRegion;
export const DEFAULT_CURRENCY = PRICE_TABLE.defaultCurrency;
export { DEFAULT_CHARGE_TYPE } from '../policy/charge-type.js';
export const DEFAULT_TRAFFIC_GB_PER_POD = 10;
/** ECI's default bandwidth of an auto-created EIP, Mbit/s. */
export const DEFAULT_BANDWIDTH_MBPS = 5;

/** Whole months from a `YYYY-MM` date to `now` (0 for a date in the future). */
export function monthsSince(asOf: string, now: Date): number {
  const match = /^(\d{4})-(\d{2})$/.exec(asOf);
  if (!match) return 0;
  const months = (now.getUTCFullYear() - Number(match[1])) * 12 + (now.getUTCMonth() + 1 - Number(match[2]));
  return Math.max(0, months);
}

/** A `pricing` config that cannot be used; the config loader turns it into a config error (exit 2). */
export class PricingError extends Error {
  override name = 'PricingError';
}

/** Every region of the table, sorted. */
export function knownRegions(): string[] {
  return [...new Set(PRICE_TABLE.entries.flatMap((e) => e.regions))].sort();
}

function finite(key: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new PricingError(`${key}: must be a finite number of at least 0 (got ${String(value)})`);
  }
  return value;
}

export interface ResolvedPricing {
  info: PriceInfo;
  assumptions: CostAssumptions;
}

/**
 * The prices and assumptions of a run, from the config's `pricing` map (kebab-case keys, already checked
 * against the JSON Schema): the table's entry for the region and currency, with the config's `prices` on top.
 * A region or currency the table does not have is an error unless the config gives every price.
 */
export function resolvePricing(pricing: Record<string, unknown> = {}, now: Date = new Date()): ResolvedPricing {
  const region = typeof pricing.region === 'string' ? pricing.region : DEFAULT_REGION;
  const currency = (typeof pricing.currency === 'string' ? pricing.currency : DEFAULT_CURRENCY) as Currency;
  const given = (pricing.prices ?? {}) as Partial<Record<PriceKey, unknown>>;
  const overrides: Partial<Prices> = {};
  for (const key of PRICE_KEYS) {
    const value = finite(`pricing.prices.${key}`, given[key]);
    if (value !== undefined) overrides[key] = value;
  }
  const trafficGbPerPod = finite('pricing.traffic-gb-per-pod', pricing['traffic-gb-per-pod']) ?? DEFAULT_TRAFFIC_GB_PER_POD;
  const freeTrafficGb = finite('pricing.free-traffic-gb', pricing['free-traffic-gb']) ?? 0;
  const givenBgpPro = (pricing['bgp-pro-prices'] ?? {}) as Partial<Record<PriceKey, unknown>>;
  const bgpProOverrides: Partial<Prices> = {};
  for (const key of BGP_PRO_PRICE_KEYS) {
    const value = finite(`pricing.bgp-pro-prices.${key}`, givenBgpPro[key]);
    if (value !== undefined) bgpProOverrides[key] = value;
  }
  const overridden = PRICE_KEYS.filter((k) => overrides[k] !== undefined);
  const missing = PRICE_KEYS.filter((k) => overrides[k] === undefined);

  const inRegion = PRICE_TABLE.entries.filter((e) => e.regions.includes(region));
  const entry = inRegion.find((e) => e.currency === currency);
  if (!entry && missing.length > 0) {
    const give = `or give every price in pricing.prices (missing: ${missing.join(', ')})`;
    if (inRegion.length === 0) {
      throw new PricingError(
        `pricing.region: ${JSON.stringify(region)} is not in the price table; known regions: ${knownRegions().join(', ')}; ` +
          `use one of them ${give}`,
      );
    }
    const have = inRegion.map((e) => e.currency).join(', ');
    throw new PricingError(
      `pricing.currency: the price table has no ${currency} prices for ${region} (it has ${have}); ` +
        `set pricing.currency to ${inRegion.length === 1 ? have : `one of ${have}`} ${give}`,
    );
  }
  const prices = { ...(entry?.prices ?? {}), ...overrides } as Prices;
  return {
    info: {
      region,
      currency,
      asOf: entry ? entry.asOf : null,
      source: entry ? entry.source : 'pricing.prices in the config',
      prices,
      overridden,
      ageMonths: entry ? monthsSince(entry.asOf, now) : null,
      bgpPro: { ...(entry?.bgpPro ?? {}), ...bgpProOverrides },
    },
    assumptions: {
      hoursPerMonth: HOURS_PER_MONTH,
      trafficGbPerPod,
      waiveEciConfigFee: pricing['waive-eci-config-fee'] !== false,
      chargeType: assumedChargeType(pricing),
      bandwidthMbps: DEFAULT_BANDWIDTH_MBPS,
      freeTrafficGb,
    },
  };
}
