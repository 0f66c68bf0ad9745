/**
 * The formulas of the cost model (docs/cost.md) against numbers computed by hand from the bundled prices.
 * H = 730 hours, D = 730 / 24 = 30.41666… days.
 */
import {
  bandwidthFeePerDay,
  BREAK_EVEN_LIMIT,
  breakEvenPods,
  natAlternativeMonthly,
  perEipMonthly,
} from '../../src/cost/formulas.js';
import { resolvePricing } from '../../src/cost/pricing.js';
import type { CostAssumptions, Prices } from '../../src/model/index.js';

const D = 730 / 24;
const singapore = resolvePricing({ region: 'ap-southeast-1' });
const P: Prices = singapore.info.prices;
const waived: CostAssumptions = singapore.assumptions;
const charged: CostAssumptions = { ...waived, waiveEciConfigFee: false };

describe('one EIP a month', () => {
  it('pay-by-traffic with the waiver (w = 0): only the traffic, g · eip-traffic-gb', () => {
    expect(perEipMonthly(P, waived, 'PayByTraffic', 5)).toBeCloseTo(10 * 0.117, 10); // 1.17
  });

  it('pay-by-traffic with the configuration fee (w = 1): 0.0063 · 730 + 10 · 0.117', () => {
    expect(perEipMonthly(P, charged, 'PayByTraffic', 5)).toBeCloseTo(4.599 + 1.17, 10); // 5.769
  });

  it('pay-by-traffic does not depend on the bandwidth', () => {
    expect(perEipMonthly(P, waived, 'PayByTraffic', 100)).toBe(perEipMonthly(P, waived, 'PayByTraffic', 1));
  });

  it('bw(b): 0.142 per Mbps up to 5, 0.5 per Mbps above', () => {
    expect(bandwidthFeePerDay(P, 1)).toBeCloseTo(0.142, 10);
    expect(bandwidthFeePerDay(P, 5)).toBeCloseTo(0.71, 10);
    expect(bandwidthFeePerDay(P, 10)).toBeCloseTo(0.71 + 2.5, 10);
    expect(bandwidthFeePerDay(P, 200)).toBeCloseTo(0.71 + 195 * 0.5, 10);
  });

  it('pay-by-bandwidth at 5 Mbps: D · (w · 0.1512 + 0.71)', () => {
    expect(perEipMonthly(P, waived, 'PayByBandwidth', 5)).toBeCloseTo(D * 0.71, 10); // 21.5958
    expect(perEipMonthly(P, charged, 'PayByBandwidth', 5)).toBeCloseTo(D * 0.8612, 10); // 26.1948
    expect(perEipMonthly(P, waived, 'PayByBandwidth', 5)).toBeCloseTo(21.5958, 4);
  });

  it('pay-by-bandwidth at 10 Mbps: D · (0.71 + 5 · 0.5)', () => {
    expect(perEipMonthly(P, waived, 'PayByBandwidth', 10)).toBeCloseTo(D * 3.21, 10); // 97.6375
  });

  it('in a bandwidth plan only the configuration fee is left', () => {
    expect(perEipMonthly(P, waived, 'PayByTraffic', 5, true)).toBe(0);
    expect(perEipMonthly(P, waived, 'PayByBandwidth', 50, true)).toBe(0);
    expect(perEipMonthly(P, charged, 'PayByTraffic', 5, true)).toBeCloseTo(0.0063 * 730, 10);
    expect(perEipMonthly(P, charged, 'PayByBandwidth', 50, true)).toBeCloseTo(D * 0.1512, 10);
  });

  it('g = 0: a waived pay-by-traffic EIP costs nothing', () => {
    expect(perEipMonthly(P, { ...waived, trafficGbPerPod: 0 }, 'PayByTraffic', 5)).toBe(0);
  });
});

describe('the NAT alternative', () => {
  it('nat-hour · H + nat-cu · N · g + eip-config-fee-hour · H + N · g · eip-traffic-gb', () => {
    // 0.043 · 730 = 31.39; 0.0063 · 730 = 4.599; per pod 10 · (0.043 + 0.117) = 1.6
    expect(natAlternativeMonthly(P, waived, 0)).toBeCloseTo(31.39 + 4.599, 10);
    expect(natAlternativeMonthly(P, waived, 10)).toBeCloseTo(35.989 + 16, 10); // 51.989, docs/cli.md shows 51.99
    expect(natAlternativeMonthly(P, waived, 1)).toBeCloseTo(37.589, 10);
  });

  it('the configuration fee of the NAT gateway\'s EIP is charged even under the ECI waiver', () => {
    expect(natAlternativeMonthly(P, waived, 3)).toBe(natAlternativeMonthly(P, charged, 3));
  });
});

describe('break-even (the worked examples of docs/cost.md, Singapore)', () => {
  it('pay-by-traffic with w = 1 breaks even at 9 pods with g = 10 GB (near 8: exactly 8 when traffic is negligible)', () => {
    // NAT: 35.989 + 1.6·N; EIPs: 5.769·N → N ≥ 35.989 / 4.169 = 8.63 → 9.
    // The rule of thumb says "near 8": the traffic fee is the same on both sides and cancels, and with little traffic
    // the NAT's capacity units vanish too: 35.989 ≤ 4.599·N → N ≥ 7.83 → 8. Both are checked.
    const perPod = perEipMonthly(P, charged, 'PayByTraffic', 5);
    expect(breakEvenPods(P, charged, perPod)).toBe(9);
    const noTraffic = { ...charged, trafficGbPerPod: 0 };
    expect(breakEvenPods(P, noTraffic, perEipMonthly(P, noTraffic, 'PayByTraffic', 5))).toBe(8);
    // At the break-even the NAT costs no more, one pod earlier it costs more.
    expect(natAlternativeMonthly(P, charged, 9)).toBeLessThanOrEqual(9 * perPod);
    expect(natAlternativeMonthly(P, charged, 8)).toBeGreaterThan(8 * perPod);
  });

  it('pay-by-traffic with the waiver (w = 0): per-pod EIPs never lose on list price', () => {
    expect(breakEvenPods(P, waived, perEipMonthly(P, waived, 'PayByTraffic', 5))).toBeNull();
  });

  it('pay-by-bandwidth at 5 Mbps breaks even at 2 pods against the NAT alternative of the model', () => {
    // The model's NAT alternative carries the traffic through one pay-by-traffic EIP: 35.989 + 1.6·N.
    // w = 0: 21.5958·N ≥ 35.989 + 1.6·N → N ≥ 1.80 → 2; w = 1: 26.1948·N → N ≥ 1.46 → 2.
    expect(breakEvenPods(P, waived, perEipMonthly(P, waived, 'PayByBandwidth', 5))).toBe(2);
    expect(breakEvenPods(P, charged, perEipMonthly(P, charged, 'PayByBandwidth', 5))).toBe(2);
  });

  it('the rule of thumb "near 6" prices the NAT gateway\'s EIP at 10 Mbps pay-by-bandwidth instead', () => {
    // The comparison of docs/cost.md: NAT + one 10 Mbps pay-by-bandwidth EIP, with negligible traffic:
    // 0.043 · 730 + D · (0.1512 + 0.71 + 5 · 0.5) = 31.39 + 102.237 = 133.63 a month, against N pods at
    // D · (0.1512 + 0.71) = 26.195 each (w = 1): N ≥ 5.10 → 6. The model gives the NAT a
    // pay-by-traffic EIP, which is far cheaper at these volumes, hence 2 above. breakEvenPods is asked with the
    // NAT gateway's hour priced to carry that 10 Mbps EIP instead (and no traffic), so the function itself says 6.
    const natWith10MbpsEip = 0.043 * 730 + D * (0.1512 + bandwidthFeePerDay(P, 10));
    const thumbPrices: Prices = { ...P, 'nat-hour': (natWith10MbpsEip - P['eip-config-fee-hour'] * 730) / 730 };
    const negligibleTraffic = { ...charged, trafficGbPerPod: 0 };
    expect(natAlternativeMonthly(thumbPrices, negligibleTraffic, 0)).toBeCloseTo(133.63, 2);
    const perPod = perEipMonthly(P, charged, 'PayByBandwidth', 5);
    expect(perPod).toBeCloseTo(26.195, 3);
    expect(breakEvenPods(thumbPrices, negligibleTraffic, perPod)).toBe(6);
    expect(breakEvenPods(P, charged, perPod)).toBe(2);
  });

  it('a break-even exactly at equality counts ("no more than")', () => {
    // NAT(N) = 35.989 + 1.6·N; with a per-pod cost of 35.989 / 4 + 1.6 the NAT equals the EIPs at N = 4.
    const perPod = 35.989 / 4 + 1.6;
    expect(breakEvenPods(P, waived, perPod)).toBe(4);
  });

  it('a NAT gateway with no fixed price and the same cost a pod breaks even at 1; a dearer one a pod never does', () => {
    // margin = perPod − NAT per pod ≤ 0: only a NAT alternative that costs nothing fixed can ever be no dearer.
    const free: Prices = { ...P, 'nat-hour': 0, 'eip-config-fee-hour': 0 };
    const natPerPod = natAlternativeMonthly(free, waived, 1);
    expect(natAlternativeMonthly(free, waived, 0)).toBe(0);
    expect(breakEvenPods(free, waived, natPerPod)).toBe(1);
    expect(breakEvenPods(free, waived, natPerPod - 0.01)).toBeNull();
    expect(breakEvenPods(P, waived, natAlternativeMonthly(P, waived, 1) - natAlternativeMonthly(P, waived, 0))).toBeNull();
  });

  it('none up to the limit: null', () => {
    // 1.6 + 35.989 / 10,000 per pod is one cent short of breaking even at 10,000 pods.
    expect(breakEvenPods(P, waived, 1.6 + 35.989 / BREAK_EVEN_LIMIT)).toBe(BREAK_EVEN_LIMIT);
    expect(breakEvenPods(P, waived, 1.6 + 35.989 / (BREAK_EVEN_LIMIT + 1))).toBeNull();
  });
});

describe('breakEvenPods solves the linear comparison directly', () => {
  /** The definition, walked pod by pod: the smallest n where the NAT alternative costs no more. */
  function walked(p: Prices, a: CostAssumptions, perPod: number): number | null {
    for (let n = 1; n <= BREAK_EVEN_LIMIT; n++) {
      const nat = natAlternativeMonthly(p, a, n);
      if (nat <= n * perPod + 1e-9 * Math.max(1, Math.abs(n * perPod))) return n;
    }
    return null;
  }

  test('equals the pod-by-pod walk over a grid of per-pod costs and assumptions', () => {
    let compared = 0;
    for (const assumptions of [waived, charged, { ...waived, trafficGbPerPod: 0 }, { ...charged, trafficGbPerPod: 250 }]) {
      for (let cents = 0; cents <= 6000; cents += 37) {
        const perPod = cents / 100;
        expect(breakEvenPods(P, assumptions, perPod)).toBe(walked(P, assumptions, perPod));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(600);
  });
});
