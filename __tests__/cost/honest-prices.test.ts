/**
 * Honest prices (issue: the key vocabulary, YAML as Kubernetes reads it, honest prices): BGP Pro EIPs are
 * priced from the table or marked unknown, the account's free CDT traffic lowers the total, and every footnote
 * says how old the table is.
 */
import { escapeMarkdown } from '../../src/report/escape.js';
import { breakEvenPods, natAlternativeMonthly } from '../../src/cost/formulas.js';
import { monthsSince, resolvePricing } from '../../src/cost/pricing.js';
import { resolveConfig, ConfigError } from '../../src/config/load.js';
import { jsonReport } from '../../src/report/json.js';
import { markdownReport } from '../../src/report/markdown.js';
import { textReport } from '../../src/report/text.js';
import { costOf, deployment, entry, lintCost } from './helpers.js';

const EIP = 'k8s.aliyun.com/eci-with-eip';
const ISP = 'k8s.aliyun.com/eip-isp';
const CHARGE = 'k8s.aliyun.com/eip-internet-charge-type';

/** A pod asking for a BGP Pro EIP, as Alibaba's BGP Pro quickstart does for an ECS instance. */
const bgpPro = (charge = 'PayByTraffic', replicas = '2') =>
  deployment({ name: 'edge', replicas, annotations: { [EIP]: '"true"', [ISP]: 'BGP_PRO', [CHARGE]: charge } });

describe('eip-isp: BGP_PRO', () => {
  it('is priced at the BGP Pro traffic price in Hong Kong (0.452 a GB, against 0.156 for BGP)', () => {
    const cost = costOf({ 'k8s/edge.yaml': bgpPro() }, { pricing: { region: 'cn-hongkong' } });
    const edge = entry(cost, 'edge');
    expect(edge.isp).toBe('BGP_PRO');
    expect(edge.perPod).toBeCloseTo(10 * 0.452, 10);
    expect(edge.monthly).toEqual({ min: 2 * 10 * 0.452, max: 2 * 10 * 0.452 });
    const bgp = entry(costOf({ 'k8s/web.yaml': deployment({ replicas: '2' }) }, { pricing: { region: 'cn-hongkong' } }), 'web');
    expect(bgp.isp).toBe('BGP');
    expect(bgp.perPod).toBeCloseTo(10 * 0.156, 10);
  });

  it('is unknown, with the reason, where the table has no BGP Pro price (Singapore), and stays out of the total', () => {
    const cost = costOf({ 'k8s/edge.yaml': bgpPro(), 'k8s/web.yaml': deployment() });
    const edge = entry(cost, 'edge');
    expect(edge.monthly).toBeUndefined();
    expect(edge.unknown).toBe(
      'eip-isp BGP_PRO: the price table has no BGP (Multi-ISP) Pro price for ap-southeast-1 in USD (eip-traffic-gb); give it in pricing.bgp-pro-prices',
    );
    expect(cost.total.max).toBeCloseTo(1.17, 10);
    expect(cost.unknownWorkloads).toBe(1);
  });

  it('is unknown for pay-by-bandwidth, whose BGP Pro tiers the documentation does not give', () => {
    const edge = entry(costOf({ 'k8s/edge.yaml': bgpPro('PayByBandwidth') }, { pricing: { region: 'cn-hongkong' } }), 'edge');
    expect(edge.unknown).toContain('(eip-bandwidth-day-first5)');
  });

  it('needs the BGP Pro configuration fee when the waiver is off', () => {
    const edge = entry(costOf({ 'k8s/edge.yaml': bgpPro() }, { pricing: { region: 'cn-hongkong', 'waive-eci-config-fee': false } }), 'edge');
    expect(edge.unknown).toContain('(eip-config-fee-hour)');
  });

  it('takes its prices from pricing.bgp-pro-prices, in any region', () => {
    const cost = costOf(
      { 'k8s/edge.yaml': bgpPro('PayByBandwidth', '1') },
      { pricing: { 'bgp-pro-prices': { 'eip-bandwidth-day-first5': 0.3, 'eip-bandwidth-day-above5': 1 } } },
    );
    const edge = entry(cost, 'edge');
    expect(edge.unknown).toBeUndefined();
    expect(edge.perPod).toBeCloseTo((730 / 24) * 0.3 * 5, 10);
    expect(cost.pricing.bgpPro).toEqual({ 'eip-bandwidth-day-first5': 0.3, 'eip-bandwidth-day-above5': 1 });
  });

  it('rejects a BGP Pro price that is not a price, or a key that is not one', () => {
    expect(() => resolveConfig({ pricing: { 'bgp-pro-prices': { 'eip-traffic-gb': -1 } } }, 'test')).toThrow(ConfigError);
    expect(() => resolveConfig({ pricing: { 'bgp-pro-prices': { 'nat-hour': 1 } } }, 'test')).toThrow(/bgp-pro-prices/);
  });

  it('a switch from BGP to BGP Pro is a change, priced as such', () => {
    const head = { 'k8s/edge.yaml': bgpPro() };
    const base = { 'k8s/edge.yaml': deployment({ name: 'edge', replicas: '2', annotations: { [EIP]: '"true"', [CHARGE]: 'PayByTraffic' } }) };
    const { cost } = lintCost(head, { pricing: { region: 'cn-hongkong' } }, base);
    const change = cost.changes!.find((c) => c.name === 'edge')!;
    expect(change.status).toBe('changed');
    expect(change.change!.max).toBeCloseTo(2 * 10 * (0.452 - 0.156), 10);
  });

  it('names the line type in the JSON report', () => {
    const json = JSON.parse(jsonReport(lintCost({ 'k8s/edge.yaml': bgpPro() }, { pricing: { region: 'cn-hongkong' } }))).cost;
    expect(json.workloads[0]).toMatchObject({ name: 'edge', isp: 'BGP_PRO', perPod: 4.52 });
    expect(json.prices.bgpPro).toEqual({ 'eip-traffic-gb': 0.452 });
  });
});

describe('pricing.free-traffic-gb', () => {
  const web = (replicas: string) => ({ 'k8s/web.yaml': deployment({ replicas }) });

  it('defaults to 0: nothing changes', () => {
    const cost = costOf(web('30'));
    expect(cost.assumptions.freeTrafficGb).toBe(0);
    expect(cost.freeTraffic).toBeUndefined();
    expect(cost.total.max).toBeCloseTo(30 * 1.17, 10);
  });

  it('is shared by all pods: 200 GB cover 20 of 30 Singapore pods at 10 GB each', () => {
    const cost = costOf(web('30'), { pricing: { 'free-traffic-gb': 200 } });
    expect(entry(cost, 'web').monthly!.max).toBeCloseTo(30 * 1.17, 10); // the workload's own cost is gross
    expect(cost.freeTraffic).toEqual({ gb: 200, used: { min: 200, max: 200 }, credit: { min: expect.any(Number), max: expect.any(Number) } });
    expect(cost.freeTraffic!.credit.max).toBeCloseTo(200 * 0.117, 10);
    expect(cost.total.max).toBeCloseTo(10 * 1.17, 10);
  });

  it('never takes more than the traffic there is', () => {
    const cost = costOf(web('2'), { pricing: { 'free-traffic-gb': 220 } });
    expect(cost.freeTraffic!.used).toEqual({ min: 20, max: 20 });
    expect(cost.total.max).toBeCloseTo(0, 10);
  });

  it('does not apply to pay-by-bandwidth EIPs, bandwidth plans or BGP Pro traffic', () => {
    const files = {
      'k8s/bw.yaml': deployment({ name: 'bw', annotations: { [EIP]: '"true"', [CHARGE]: 'PayByBandwidth' } }),
      'k8s/plan.yaml': deployment({ name: 'plan', annotations: { [EIP]: '"true"', 'k8s.aliyun.com/eip-common-bandwidth-package-id': 'cbwp-abc' } }),
      'k8s/edge.yaml': bgpPro(),
    };
    const cost = costOf(files, { pricing: { region: 'cn-hongkong', 'free-traffic-gb': 200 } });
    expect(cost.freeTraffic!.used).toEqual({ min: 0, max: 0 });
    const gross = cost.workloads.reduce((sum, w) => sum + (w.monthly?.max ?? 0), 0);
    expect(cost.total.max).toBeCloseTo(gross, 10);
  });

  it('lowers the NAT alternative too (its EIP is pay-by-traffic), so an all-traffic break-even does not move', () => {
    const { info, assumptions } = resolvePricing({ 'free-traffic-gb': 200 });
    const plain = resolvePricing({});
    expect(natAlternativeMonthly(info.prices, assumptions, 30)).toBeCloseTo(natAlternativeMonthly(plain.info.prices, plain.assumptions, 30) - 200 * 0.117, 10);
    const w1 = resolvePricing({ 'waive-eci-config-fee': false });
    const w1Free = resolvePricing({ 'waive-eci-config-fee': false, 'free-traffic-gb': 200 });
    const perPod = 0.0063 * 730 + 1.17;
    expect(breakEvenPods(w1Free.info.prices, w1Free.assumptions, perPod, 1)).toBe(breakEvenPods(w1.info.prices, w1.assumptions, perPod, 1));
  });

  it('the projection\'s break-even counts the free traffic only for the share of pods billed by traffic', () => {
    // 2 pay-by-bandwidth pods and 6 pay-by-traffic pods: the allowance covers the traffic of 6 in 8.
    const files = {
      'k8s/bw.yaml': deployment({ name: 'bw', replicas: '2', annotations: { [EIP]: '"true"', [CHARGE]: 'PayByBandwidth' } }),
      'k8s/traffic.yaml': deployment({ name: 'traffic', replicas: '6' }),
    };
    const pricing = { 'free-traffic-gb': 20000, 'traffic-gb-per-pod': 100 };
    const cost = costOf(files, { pricing });
    const { info, assumptions } = resolvePricing(pricing);
    const share = breakEvenPods(info.prices, assumptions, cost.breakEvenPerPod, 6 / 8);
    expect(share).not.toBe(breakEvenPods(info.prices, assumptions, cost.breakEvenPerPod, 1));
    expect(cost.breakEvenPods).toBe(share);
  });

  it('makes the NAT gateway cheaper sooner against pay-by-bandwidth pods, whose traffic it does not cover', () => {
    const { info, assumptions } = resolvePricing({ 'free-traffic-gb': 20000, 'traffic-gb-per-pod': 100 });
    const plain = resolvePricing({ 'traffic-gb-per-pod': 100 });
    const perPod = (730 / 24) * 0.71;
    const withFree = breakEvenPods(info.prices, assumptions, perPod, 0)!;
    const without = breakEvenPods(plain.info.prices, plain.assumptions, perPod, 0)!;
    expect(withFree).toBeLessThanOrEqual(without);
    // The walk finds the smallest n: one pod fewer is still cheaper with per-pod EIPs.
    expect(natAlternativeMonthly(info.prices, assumptions, withFree)).toBeLessThanOrEqual(withFree * perPod + 1e-9);
    if (withFree > 1) expect(natAlternativeMonthly(info.prices, assumptions, withFree - 1)).toBeGreaterThan((withFree - 1) * perPod);
  });

  it('is said in the reports, and is a config error when negative', () => {
    const result = lintCost(web('30'), { pricing: { 'free-traffic-gb': 200 } });
    const text = textReport(result, { color: false, width: 1000 });
    expect(text).toContain("Free traffic: 200 of the account's 200 GB a month (pricing.free-traffic-gb) cover pay-by-traffic BGP EIP traffic, 23.40 USD less; the total is net of it.");
    expect(text).toContain('; 200 GB of free traffic a month for the account. ');
    expect(markdownReport(result)).toContain("Free traffic: 200 of the account's 200 GB a month");
    expect(JSON.parse(jsonReport(result)).cost.freeTraffic).toEqual({ gb: 200, used: { min: 200, max: 200 }, credit: { min: 23.4, max: 23.4 } });
    expect(() => resolveConfig({ pricing: { 'free-traffic-gb': -5 } }, 'test')).toThrow(/free-traffic-gb/);
  });

  it('applies on both sides of a base comparison, so the change is net too', () => {
    const result = lintCost(web('30'), { pricing: { 'free-traffic-gb': 200 } }, web('10'));
    // base: 10 pods, 100 GB all free → 0; head: 30 pods, 100 GB billed → 11.70
    expect(result.cost.base!.total.max).toBeCloseTo(0, 10);
    expect(result.cost.change!.max).toBeCloseTo(11.7, 10);
  });
});

describe('the price table age', () => {
  it('counts whole months from the entry date', () => {
    expect(monthsSince('2021-06', new Date(Date.UTC(2021, 5, 30)))).toBe(0);
    expect(monthsSince('2021-06', new Date(Date.UTC(2022, 5, 1)))).toBe(12);
    expect(monthsSince('2021-06', new Date(Date.UTC(2026, 11, 3)))).toBe(66);
    expect(monthsSince('2021-06', new Date(Date.UTC(2020, 0, 1)))).toBe(0);
  });

  it('is in the model and in every footnote, with the CDT change the prices predate', () => {
    const at = new Date(Date.UTC(2026, 11, 3));
    expect(resolvePricing({}, at).info.ageMonths).toBe(66);
    const result = lintCost({ 'k8s/web.yaml': deployment() });
    const months = result.cost.pricing.ageMonths!;
    expect(months).toBeGreaterThanOrEqual(66);
    const age = `${months % 12 === 0 ? '' : 'over '}${Math.floor(months / 12)} years old`;
    const sentence = `These prices are ${age}, from before EIP traffic was billed by CDT (2024-12-17).`;
    expect(textReport(result, { color: false, width: 1000 })).toContain(sentence);
    expect(markdownReport(result)).toContain(escapeMarkdown(sentence));
    expect(JSON.parse(jsonReport(result)).cost.prices.ageMonths).toBe(months);
  });

  it('is not said when every price comes from the config', () => {
    const prices = { 'eip-config-fee-hour': 0, 'eip-traffic-gb': 0.1, 'eip-config-fee-day': 0, 'eip-bandwidth-day-first5': 0.1, 'eip-bandwidth-day-above5': 0.4, 'nat-hour': 0.04, 'nat-cu': 0.04 };
    const result = lintCost({ 'k8s/web.yaml': deployment() }, { pricing: { region: 'eu-central-1', prices } });
    expect(result.cost.pricing.ageMonths).toBeNull();
    expect(textReport(result, { color: false })).not.toContain('These prices are');
  });
});
