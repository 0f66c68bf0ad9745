/** The bundled price table, the config's pricing and its errors. */
import { ConfigError, resolveConfig } from '../../src/config/load.js';
import { knownRegions, PRICE_KEYS, PRICE_TABLE, PricingError, resolvePricing } from '../../src/cost/pricing.js';
import type { PriceKey, Prices } from '../../src/model/index.js';

const MAINLAND = ['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-zhangjiakou', 'cn-huhehaote', 'cn-shenzhen', 'cn-heyuan', 'cn-chengdu'];

const ALL_PRICES: Prices = {
  'eip-config-fee-hour': 0.01,
  'eip-traffic-gb': 0.2,
  'eip-config-fee-day': 0.3,
  'eip-bandwidth-day-first5': 0.4,
  'eip-bandwidth-day-above5': 0.6,
  'nat-hour': 0.05,
  'nat-cu': 0.07,
};

describe('the price table', () => {
  it('every entry has regions, a currency, a date, a source and all seven prices, each a number ≥ 0', () => {
    for (const entry of PRICE_TABLE.entries) {
      expect(entry.regions.length).toBeGreaterThan(0);
      expect(['USD', 'CNY']).toContain(entry.currency);
      expect(entry.asOf).toMatch(/^\d{4}-\d{2}$/);
      expect(entry.source.length).toBeGreaterThan(20);
      expect(Object.keys(entry.prices).sort()).toEqual([...PRICE_KEYS].sort());
      for (const value of Object.values(entry.prices)) expect(value).toBeGreaterThanOrEqual(0);
    }
    expect(PRICE_TABLE.hoursPerMonth).toBe(730);
  });

  it('no region has two entries in one currency', () => {
    const seen = PRICE_TABLE.entries.flatMap((e) => e.regions.map((r) => `${r} ${e.currency}`));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('has the mainland group, Singapore and Hong Kong in USD and Hangzhou in CNY', () => {
    expect(knownRegions()).toEqual([...MAINLAND, 'ap-southeast-1', 'cn-hongkong'].sort());
    for (const region of MAINLAND) {
      const { info } = resolvePricing({ region });
      expect(info.currency).toBe('USD');
      expect(info.prices).toEqual({
        'eip-config-fee-hour': 0.0031,
        'eip-traffic-gb': 0.125,
        'eip-config-fee-day': 0.0744,
        'eip-bandwidth-day-first5': 0.142,
        'eip-bandwidth-day-above5': 0.5,
        'nat-hour': 0.034,
        'nat-cu': 0.034,
      });
    }
    expect(resolvePricing({ region: 'ap-southeast-1' }).info.prices).toEqual({
      'eip-config-fee-hour': 0.0063,
      'eip-traffic-gb': 0.117,
      'eip-config-fee-day': 0.1512,
      'eip-bandwidth-day-first5': 0.142,
      'eip-bandwidth-day-above5': 0.5,
      'nat-hour': 0.043,
      'nat-cu': 0.043,
    });
    expect(resolvePricing({ region: 'cn-hongkong' }).info.prices).toEqual({
      'eip-config-fee-hour': 0.0088,
      'eip-traffic-gb': 0.156,
      'eip-config-fee-day': 0.2112,
      'eip-bandwidth-day-first5': 0.142,
      'eip-bandwidth-day-above5': 0.5,
      'nat-hour': 0.043,
      'nat-cu': 0.043,
    });
    expect(resolvePricing({ region: 'cn-hangzhou', currency: 'CNY' }).info.prices).toEqual({
      'eip-config-fee-hour': 0.02,
      'eip-traffic-gb': 0.8,
      'eip-config-fee-day': 0.48,
      'eip-bandwidth-day-first5': 0.96,
      'eip-bandwidth-day-above5': 3.36,
      'nat-hour': 0.23,
      'nat-cu': 0.23,
    });
  });

  it('the first-5-Mbps price reproduces the documented daily tiers 0.14 / 0.28 / 0.43 / 0.57 / 0.71', () => {
    const first5 = resolvePricing({}).info.prices['eip-bandwidth-day-first5'];
    expect([1, 2, 3, 4, 5].map((b) => Math.round(first5 * b * 100) / 100)).toEqual([0.14, 0.28, 0.43, 0.57, 0.71]);
  });
});

describe('resolvePricing', () => {
  it('defaults: ap-southeast-1, USD, PayByTraffic, 10 GB a pod, the waiver, 5 Mbps, 730 hours', () => {
    const { info, assumptions } = resolvePricing({});
    expect(info.region).toBe('ap-southeast-1');
    expect(info.currency).toBe('USD');
    expect(info.asOf).toBe('2021-06');
    expect(info.source).toMatch(/AlibabaCloudDocs\/eip/);
    expect(info.overridden).toEqual([]);
    expect(assumptions).toEqual({
      hoursPerMonth: 730,
      trafficGbPerPod: 10,
      waiveEciConfigFee: true,
      chargeType: 'PayByTraffic',
      bandwidthMbps: 5,
      freeTrafficGb: 0,
    });
  });

  it('the config sets the assumptions', () => {
    const { assumptions } = resolvePricing({ 'charge-type': 'PayByBandwidth', 'traffic-gb-per-pod': 0, 'waive-eci-config-fee': false });
    expect(assumptions).toMatchObject({ chargeType: 'PayByBandwidth', trafficGbPerPod: 0, waiveEciConfigFee: false });
  });

  it.each(PRICE_KEYS.map((k) => [k]))('pricing.prices.%s overrides the table and is named as overridden', (key) => {
    const { info } = resolvePricing({ region: 'cn-hongkong', prices: { [key]: 1.25 } });
    const table = resolvePricing({ region: 'cn-hongkong' }).info.prices;
    expect(info.prices).toEqual({ ...table, [key]: 1.25 });
    expect(info.overridden).toEqual([key]);
    expect(info.asOf).toBe('2021-06');
  });

  it('0 is a price', () => {
    expect(resolvePricing({ prices: { 'nat-hour': 0 } }).info.prices['nat-hour']).toBe(0);
  });

  it('a region not in the table is an error that lists the known regions and the missing prices', () => {
    let error: Error | undefined;
    try {
      resolvePricing({ region: 'eu-central-1', prices: { 'nat-hour': 0.05 } });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(PricingError);
    expect(error!.message).toContain('pricing.region: "eu-central-1" is not in the price table');
    expect(error!.message).toContain(`known regions: ${knownRegions().join(', ')}`);
    expect(error!.message).toContain('missing: eip-config-fee-hour, eip-traffic-gb, eip-config-fee-day, eip-bandwidth-day-first5, eip-bandwidth-day-above5, nat-cu');
  });

  it('a region not in the table works when the config gives every price', () => {
    const { info } = resolvePricing({ region: 'eu-central-1', currency: 'USD', prices: ALL_PRICES });
    expect(info).toEqual({
      region: 'eu-central-1',
      currency: 'USD',
      asOf: null,
      source: 'pricing.prices in the config',
      prices: ALL_PRICES,
      overridden: [...PRICE_KEYS],
      ageMonths: null,
      bgpPro: {},
    });
  });

  it('a currency the region has no entry in is an error that names the one it has', () => {
    expect(() => resolvePricing({ region: 'ap-southeast-1', currency: 'CNY' })).toThrow(
      'pricing.currency: the price table has no CNY prices for ap-southeast-1 (it has USD)',
    );
    expect(() => resolvePricing({ region: 'cn-beijing', currency: 'CNY' })).toThrow(PricingError);
    // …unless every price is given, in which case the currency is the config's own.
    expect(resolvePricing({ region: 'cn-beijing', currency: 'CNY', prices: ALL_PRICES }).info.currency).toBe('CNY');
  });

  it('cn-hangzhou is in USD by default and in CNY when asked', () => {
    expect(resolvePricing({ region: 'cn-hangzhou' }).info.currency).toBe('USD');
    expect(resolvePricing({ region: 'cn-hangzhou' }).info.prices['eip-traffic-gb']).toBe(0.125);
    expect(resolvePricing({ region: 'cn-hangzhou', currency: 'CNY' }).info.source).toMatch(/China site/);
  });

  it.each([
    [{ prices: { 'nat-cu': Infinity } }, 'pricing.prices.nat-cu: must be a finite number of at least 0 (got Infinity)'],
    [{ prices: { 'eip-traffic-gb': NaN } }, 'pricing.prices.eip-traffic-gb: must be a finite number of at least 0 (got NaN)'],
    [{ 'traffic-gb-per-pod': Infinity }, 'pricing.traffic-gb-per-pod: must be a finite number of at least 0 (got Infinity)'],
  ])('%j is an error naming the key', (pricing, message) => {
    expect(() => resolvePricing(pricing as Record<string, unknown>)).toThrow(message);
  });
});

describe('pricing errors are config errors (exit code 2), named by the key', () => {
  const error = (raw: Record<string, unknown>): string => {
    try {
      resolveConfig(raw, '.eci-egress-lint.yml');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };

  it('an unknown region', () => {
    expect(error({ pricing: { region: 'mars-1' } })).toMatch(/^config \.eci-egress-lint\.yml: pricing\.region: "mars-1" is not in the price table; known regions: ap-southeast-1, /);
  });

  it('a currency the region does not have', () => {
    expect(error({ pricing: { region: 'cn-hongkong', currency: 'CNY' } })).toMatch(/pricing\.currency: the price table has no CNY prices for cn-hongkong/);
  });

  it.each<[PriceKey | 'traffic-gb-per-pod', unknown, string]>([
    ['nat-hour', -0.1, 'pricing.prices.nat-hour: must be >= 0 (got -0.1)'],
    ['eip-traffic-gb', 'cheap', 'pricing.prices.eip-traffic-gb: must be number (got "cheap")'],
    ['traffic-gb-per-pod', -5, 'pricing.traffic-gb-per-pod: must be >= 0 (got -5)'],
    ['traffic-gb-per-pod', '10GB', 'pricing.traffic-gb-per-pod: must be number (got "10GB")'],
  ])('%s: %j', (key, value, message) => {
    const pricing = key === 'traffic-gb-per-pod' ? { [key]: value } : { prices: { [key]: value } };
    expect(error({ pricing })).toContain(message);
  });

  it('an infinite price from YAML (.inf)', () => {
    expect(error({ pricing: { prices: { 'nat-hour': Infinity } } })).toContain('pricing.prices.nat-hour: must be a finite number');
  });

  it('a negative budget', () => {
    expect(error({ budget: { monthly: -1 } })).toContain('budget.monthly: must be >= 0 (got -1)');
  });

  it('a valid pricing passes', () => {
    const config = resolveConfig({ pricing: { region: 'cn-hangzhou', currency: 'CNY', prices: { 'nat-hour': 0.2 } } }, 'test');
    expect(config.pricing).toEqual({ region: 'cn-hangzhou', currency: 'CNY', prices: { 'nat-hour': 0.2 } });
  });
});
