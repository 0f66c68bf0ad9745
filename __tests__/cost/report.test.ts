/** The cost in the reports: the JSON `cost` object, the text and Markdown tables, and the action's outputs. */
import { costOutputs } from '../../src/cost/outputs.js';
import { jsonReport } from '../../src/report/json.js';
import { markdownReport } from '../../src/report/markdown.js';
import { textReport } from '../../src/report/text.js';
import { deployment, hpa, lintCost } from './helpers.js';

const EIP = { 'k8s.aliyun.com/eci-with-eip': '"true"' };

describe('the JSON cost object', () => {
  it('has the fields of the schema; amounts rounded to cents', () => {
    const result = lintCost({ 'k8s/app.yaml': deployment({ name: 'app', namespace: 'default', replicas: '2' }) + '---\n' + hpa('app', '2', '10', 'default') });
    const cost = JSON.parse(jsonReport(result)).cost;
    expect(cost).toEqual({
      region: 'ap-southeast-1',
      currency: 'USD',
      prices: {
        asOf: '2021-06',
        ageMonths: expect.any(Number),
        bgpPro: {},
        source: expect.stringContaining('AlibabaCloudDocs/eip'),
        overridden: [],
        values: {
          'eip-config-fee-hour': 0.0063,
          'eip-traffic-gb': 0.117,
          'eip-config-fee-day': 0.1512,
          'eip-bandwidth-day-first5': 0.142,
          'eip-bandwidth-day-above5': 0.5,
          'nat-hour': 0.043,
          'nat-cu': 0.043,
        },
      },
      assumptions: { hoursPerMonth: 730, trafficGbPerPod: 10, waiveEciConfigFee: true, chargeType: 'PayByTraffic', bandwidthMbps: 5, freeTrafficGb: 0 },
      workloads: [
        {
          file: 'k8s/app.yaml',
          kind: 'Deployment',
          name: 'app',
          namespace: 'default',
          pods: { min: 2, max: 10 },
          chargeType: 'PayByTraffic',
          bandwidthMbps: 5,
          eip: 'auto',
          isp: 'BGP',
          perPod: 1.17,
          monthly: { min: 2.34, max: 11.7 },
        },
      ],
      total: { min: 2.34, max: 11.7 },
      unknownWorkloads: 0,
      natAlternative: { monthly: 51.99, pods: 10 },
      breakEvenPods: null,
    });
  });

  it('is always there, with the region, currency and prices, even without a workload with an EIP', () => {
    const cost = JSON.parse(jsonReport(lintCost({}))).cost;
    expect(cost).toMatchObject({ region: 'ap-southeast-1', currency: 'USD', workloads: [], total: { min: 0, max: 0 }, natAlternative: { monthly: 35.99, pods: 0 }, breakEvenPods: null });
    expect(cost.base).toBeUndefined();
    expect(cost.change).toBeUndefined();
  });

  it('an unknown cost is null with the reason, never NaN', () => {
    const text = jsonReport(lintCost({ 'a.yaml': deployment({ replicas: '"three"' }) }));
    expect(text).not.toMatch(/NaN|Infinity/);
    const w = JSON.parse(text).cost.workloads[0];
    expect(w).toMatchObject({ pods: null, monthly: null, perPod: null, unknown: 'the pod count is not known: replicas is "three", not a whole number' });
    expect(JSON.parse(text).cost.unknownWorkloads).toBe(1);
  });

  it('the total is rounded once: three pods at 1/3 of a cent each', () => {
    const result = lintCost({ 'a.yaml': deployment({ replicas: '3' }) }, { pricing: { 'traffic-gb-per-pod': 1, prices: { 'eip-traffic-gb': 0.0033333 } } });
    const cost = JSON.parse(jsonReport(result)).cost;
    expect(cost.workloads[0].perPod).toBe(0);
    expect(cost.total.max).toBe(0.01);
  });

  it('base and change with a base; a negative change', () => {
    const result = lintCost({ 'a.yaml': deployment({ replicas: '1' }) }, {}, { 'a.yaml': deployment({ replicas: '3' }) });
    const cost = JSON.parse(jsonReport(result)).cost;
    expect(cost.base).toEqual({ total: { min: 3.51, max: 3.51 }, unknownWorkloads: 0 });
    expect(cost.change).toEqual({ min: -2.34, max: -2.34 });
    expect(cost.workloads[0]).toMatchObject({ status: 'changed', base: { file: 'a.yaml', pods: { min: 3, max: 3 }, monthly: { min: 3.51, max: 3.51 } }, change: { min: -2.34, max: -2.34 } });
  });

  it('an unchanged workload, and a change that is unknown when one side is', () => {
    const head = { 'a.yaml': deployment({ name: 'same' }), 'b.yaml': deployment({ name: 'odd', replicas: 'x' }) };
    const base = { 'a.yaml': deployment({ name: 'same' }), 'b.yaml': deployment({ name: 'odd', replicas: '2' }) };
    const cost = JSON.parse(jsonReport(lintCost(head, {}, base))).cost;
    const byName = Object.fromEntries(cost.workloads.map((w: { name: string }) => [w.name, w]));
    expect(byName.same).toMatchObject({ status: 'unchanged', change: { min: 0, max: 0 } });
    expect(byName.odd).toMatchObject({ status: 'changed', monthly: null, change: null, base: { monthly: { max: 2.34 } } });
    // An unknown cost never enters a change: the total change is not known, and says how many workloads it misses.
    expect(cost.change).toBeNull();
    expect(cost.unknownChanges).toBe(1);
    expect(cost.total).toEqual({ min: 1.17, max: 1.17 });
    expect(cost.unknownWorkloads).toBe(1);
  });
});

describe('the text report', () => {
  it('no cost section when no workload has an EIP', () => {
    expect(textReport(lintCost({ 'a.yaml': deployment({ annotations: {} }) }), { color: false })).not.toContain('EIP cost');
  });

  it('a table after the findings, the NAT alternative, the break-even and the pricing notes, within 100 columns', () => {
    const result = lintCost({
      'k8s/web.yaml': deployment({ replicas: '2' }) + '---\n' + hpa('web', '2', '10'),
      'k8s/gw.yaml': deployment({ name: 'gw', annotations: { 'k8s.aliyun.com/eci-eip-instanceid': 'eip-abc' } }),
      'k8s/bw.yaml': deployment({ name: 'bw', replicas: '3', annotations: { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth', 'k8s.aliyun.com/eip-bandwidth': '"10"', 'k8s.aliyun.com/eip-common-bandwidth-package-id': 'cbwp-1' } }),
      'k8s/odd.yaml': deployment({ name: 'odd', annotations: { ...EIP, 'k8s.aliyun.com/eip-bandwidth': '"10M"' } }),
    });
    const text = textReport(result, { color: false });
    expect(Math.max(...text.split('\n').filter((l) => !l.startsWith('  https://')).map((l) => [...l].length))).toBeLessThanOrEqual(100);
    const cost = text.slice(text.indexOf('EIP cost by workload (USD a month):'));
    const flat = cost.replace(/\n {4}/g, ' ');
    // Findings first, then the cost; the counts and the cost headline close the report.
    expect(text.indexOf('EIP cost by workload')).toBeGreaterThan(text.indexOf('eip-invalid-value'));
    expect(text.trimEnd().split('\n').pop()).toBe('EIP cost USD 2.34–11.70 + 1 unknown a month; existing EIPs of 1 workload billed elsewhere.');
    expect(cost).toMatch(/workload +pods +charge type +bandwidth +monthly\n/);
    // Most money first; the file under each workload (the table is too wide for it beside).
    expect(cost).toMatch(/Deployment shop\/web +2–10 +PayByTraffic +5 Mbps \(cap\) +2\.34–11\.70\n {4}k8s\/web\.yaml:\d+\n/);
    expect(cost).toMatch(/Deployment shop\/gw +1 +existing EIP +billed elsewhere\n {4}k8s\/gw\.yaml:\d+\n/);
    expect(cost).toMatch(/Deployment shop\/bw +3 +PayByBandwidth, bandwidth plan +10 Mbps \(plan\) +0\.00\n/);
    expect(cost).toMatch(/Deployment shop\/odd +1 +PayByTraffic +\? +unknown\n/);
    expect(cost).toMatch(/ total +2\.34–11\.70 \+ 1 unknown\n/);
    expect(flat).toContain('Cost not known (left out of every total):\n  Deployment shop/odd (k8s/odd.yaml): k8s.aliyun.com/eip-bandwidth "10M" is not a whole number of Mbit/s in 1–200.\n');
    // N = 10 (web) + 3 (bw, in a plan but with auto EIPs) = 13: 35.989 + 20.8 = 56.79.
    expect(cost.replace(/\n/g, ' ')).toContain('One NAT gateway with one EIP for the same 13 pods: USD 56.79 a month.');
    expect(cost.replace(/\n/g, ' ')).toContain('stay cheaper at any number of pods: each pod\'s traffic through the NAT gateway costs more than its EIP.');
    expect(cost).not.toContain('10,000');
    expect(flat).toContain('Region ap-southeast-1, USD, list prices of 2021-06 (');
    expect(flat).toContain(
      'Assumed: g = 10 GB of egress per pod a month; w = 0 (the EIP configuration fee is waived for EIPs on ECI pods); PayByTraffic and 5 Mbps where a pod does not say; 730 hours a month.',
    );
    expect(flat).toContain('A PayByTraffic EIP is billed by its traffic: its bandwidth (cap) does not change its cost.');
  });

  it('a break-even, and prices from the config', () => {
    const result = lintCost({ 'a.yaml': deployment({ replicas: '3' }) }, { pricing: { 'waive-eci-config-fee': false, prices: { 'nat-hour': 0.01 } } });
    const text = textReport(result, { color: false }).replace(/\n +/g, ' ').replace(/\n/g, ' ');
    // 0.01 · 730 + 4.599 + 1.6 · N ≤ 5.769 · N → N ≥ 2.85 → 3.
    expect(text).toContain('From 3 pods on (at USD 5.77 a pod a month) the NAT gateway costs no more than per-pod EIPs.');
    expect(text).toContain('w = 1 (the EIP configuration fee is charged for EIPs on ECI pods)');
    expect(text).toContain('; from the config: nat-hour)');
  });

  it('no NAT line when no pod gets an auto EIP', () => {
    const text = textReport(lintCost({ 'k8s/gw.yaml': deployment({ name: 'gw', annotations: { 'k8s.aliyun.com/eci-eip-instanceid': 'eip-abc' } }) }), { color: false });
    expect(text).toContain('EIP cost by workload');
    expect(text).not.toMatch(/NAT gateway with one EIP|0 pods/);
  });
});

describe('the Markdown report', () => {
  it('a table with the totals, the NAT alternative and the pricing notes in a collapsed block', () => {
    const md = markdownReport(lintCost({ 'k8s/web.yaml': deployment({ replicas: '2' }) }));
    expect(md).toContain('**EIP cost by workload (1 workload, USD a month)**\n\n| workload | file | pods | charge type | bandwidth | monthly |\n| --- | --- | ---: | --- | --- | ---: |\n');
    expect(md).toContain('| Deployment shop/web | k8s/web.yaml | 2 | PayByTraffic | 5 Mbps (cap) | 2.34 |\n| **total** | | | | | **2.34** |');
    expect(md).toContain('One NAT gateway with one EIP for the same 2 pods: USD 39.19 a month.');
    expect(md).toMatch(/<details><summary>How the cost is estimated<\/summary>\n\nRegion ap-southeast-1, USD, list prices of 2021-06 /);
  });

  it('no cost section without a workload with an EIP', () => {
    expect(markdownReport(lintCost({}))).not.toContain('EIP cost');
  });

  it('escapes every string from the repository and the config', () => {
    const name = '"x|y@team<b>"';
    const md = markdownReport(
      lintCost(
        { 'k8s/[link](http://e.vil)|.yaml': deployment({ name, replicas: '"*lots*"' }) },
        { pricing: { region: '<img src=x>', prices: { 'eip-config-fee-hour': 0, 'eip-traffic-gb': 0.1, 'eip-config-fee-day': 0, 'eip-bandwidth-day-first5': 0, 'eip-bandwidth-day-above5': 0, 'nat-hour': 0, 'nat-cu': 0 } } },
      ),
    );
    const section = md.slice(md.indexOf('**EIP cost by workload'));
    expect(section).not.toMatch(/<img|<b>|\]\(http|@team/);
    expect(section).toContain('x\\|y@\u200bteam&lt;b&gt;');
    expect(section).toContain('k8s/\\[link\\]\\(http:/\u200b/e.vil\\)\\|.yaml');
    expect(section).toContain('replicas is "\\*lots\\*", not a whole number');
    expect(section).toContain('Region &lt;img src=x&gt;, USD, prices from the config');
    // Every table row has the same number of cells: no | from the repository splits one.
    const rows = section.split('\n').filter((l) => l.startsWith('| '));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length).toBe(8);
  });
});

describe('the action outputs', () => {
  it('monthly-cost is the maximum total, break-even-pods a whole number or empty, no change without a base', () => {
    expect(costOutputs(lintCost({ 'a.yaml': deployment({ replicas: '2' }) + '---\n' + hpa('web', '2', '10') }).cost)).toEqual({
      'monthly-cost': '11.70',
      'monthly-cost-change': '',
      'break-even-pods': '',
    });
    const bw = { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth' };
    expect(costOutputs(lintCost({ 'a.yaml': deployment({ replicas: '3', annotations: bw }) }).cost)['break-even-pods']).toBe('2');
  });

  it('monthly-cost-change is signed, with 2 decimals', () => {
    const down = lintCost({ 'a.yaml': deployment({ replicas: '1' }) }, {}, { 'a.yaml': deployment({ replicas: '4' }) }).cost;
    expect(costOutputs(down)).toMatchObject({ 'monthly-cost': '1.17', 'monthly-cost-change': '-3.51' });
    // A range of change (an autoscaler added): the output is its maximum, as monthly-cost is the maximum total.
    const scaled = lintCost({ 'a.yaml': deployment({ replicas: '2' }) + '---\n' + hpa('web', '2', '10') }, {}, { 'a.yaml': deployment({ replicas: '2' }) }).cost;
    expect(scaled.change).toMatchObject({ min: expect.closeTo(0, 10), max: expect.closeTo(8 * 1.17, 10) });
    expect(costOutputs(scaled)).toMatchObject({ 'monthly-cost': '11.70', 'monthly-cost-change': '9.36' });
    const up = lintCost({ 'a.yaml': deployment({ replicas: '4' }) }, {}, { 'a.yaml': deployment({ replicas: '4' }) }).cost;
    expect(costOutputs(up)).toMatchObject({ 'monthly-cost': '4.68', 'monthly-cost-change': '0.00' });
  });

  it('empty when neither side has a workload with an EIP; 0.00 when the head removed them all', () => {
    expect(costOutputs(lintCost({}).cost)).toEqual({ 'monthly-cost': '', 'monthly-cost-change': '', 'break-even-pods': '' });
    expect(costOutputs(lintCost({}, {}, { 'a.yaml': deployment() }).cost)).toMatchObject({ 'monthly-cost': '0.00', 'monthly-cost-change': '-1.17' });
    expect(costOutputs(undefined)).toEqual({ 'monthly-cost': '', 'monthly-cost-change': '', 'break-even-pods': '' });
  });
});
