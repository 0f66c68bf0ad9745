/**
 * eip-cost-budget: a function of the cost projection. Singapore list prices; at 5 Mbps pay-by-bandwidth an EIP
 * costs D · 0.71 = 21.5958 a month and the NAT alternative breaks even at 2 pods.
 */
import { costBudgetReports } from './index.js';
import { ruleById } from '../index.js';
import { deployment, hpa, lintCost } from '../../../__tests__/cost/helpers.js';

const EIP = { 'k8s.aliyun.com/eci-with-eip': '"true"' };
const BANDWIDTH = { ...EIP, 'k8s.aliyun.com/eip-internet-charge-type': 'PayByBandwidth', 'k8s.aliyun.com/eip-bandwidth': '"5"' };

const budgetFindings = (result: ReturnType<typeof lintCost>) => result.findings.filter((f) => f.ruleId === 'eip-cost-budget');

describe('eip-cost-budget', () => {
  it('is a warning without a fix, applying to both formats', () => {
    expect(ruleById('eip-cost-budget')!.meta).toMatchObject({ defaultSeverity: 'warning', fix: 'none', appliesTo: ['kubernetes', 'terraform'] });
    expect(ruleById('eip-cost-budget')!.check).toBeUndefined();
    expect(ruleById('eip-cost-budget')!.checkCost).toBeInstanceOf(Function);
  });

  it('runs from the registry as a cost-stage rule: it reports through the context, on the workload of the cost', () => {
    const { cost } = lintCost({ 'a.yaml': deployment({ replicas: '3', annotations: BANDWIDTH }) });
    const reported: [string, string][] = [];
    ruleById('eip-cost-budget')!.checkCost!({
      cost,
      budget: { monthly: 1 },
      report: (target, report) => reported.push([target.name, report.message.slice(0, 40)]),
    });
    expect(reported.length).toBeGreaterThan(0);
    expect(reported).toContainEqual([cost.workloads[0].name, 'The projected monthly cost of the per-po']);
    expect(costBudgetReports(cost, { monthly: 1 }).map((r) => [r.target.name, r.report.message.slice(0, 40)])).toEqual(reported);
  });

  it('the example of its docs page: 2–20 pods at 5 Mbps, budget.monthly 200', () => {
    const text = deployment({ name: 'scraper', namespace: 'default', replicas: '2', annotations: BANDWIDTH }) + '---\n' + hpa('scraper', '2', '20', 'default');
    const result = lintCost({ 'k8s/scraper.yaml': text }, { budget: { monthly: 200 } });
    const w = result.cost.workloads[0];
    expect(w.perPod).toBeCloseTo(21.5958, 4);
    expect(w.monthly!.min).toBeCloseTo(43.19, 2);
    expect(w.monthly!.max).toBeCloseTo(431.92, 2);
    expect(result.cost.breakEvenPods).toBe(2);

    const found = budgetFindings(result);
    expect(found).toHaveLength(2);
    const line = text.split('\n').findIndex((l) => l.includes('eci-with-eip')) + 1;
    for (const f of found) {
      expect(f).toMatchObject({ severity: 'warning', file: 'k8s/scraper.yaml', workload: { kind: 'Deployment', name: 'scraper', namespace: 'default' } });
      expect(f.span.line).toBe(line);
      expect(f.fix).toBeUndefined();
    }
    const [over, breakEven] = found[0].message.includes('budget.monthly') ? found : [found[1], found[0]];
    expect(over.message).toBe(
      'The projected monthly cost of the per-pod EIPs is up to USD 431.92, over budget.monthly (USD 200.00). Each ECI pod ' +
        'with eci-with-eip gets an EIP of its own, so the cost grows with the pods; Deployment scraper adds the most: ' +
        'USD 431.92 for up to 20 pods. Egress through a NAT gateway with an SNAT entry for the pods\' vSwitch, fewer pods, ' +
        'PayByTraffic EIPs or a larger budget bring it down.',
    );
    expect(breakEven.message).toBe(
      'Deployment scraper runs up to 20 pods, each with an EIP of its own (USD 431.92 a month), and from 2 pods one NAT ' +
        'gateway with one EIP costs no more than per-pod EIPs (USD 21.60 per pod a month at these pods\' charge types and ' +
        'bandwidths). Egress through a NAT gateway with an SNAT entry for the pods\' vSwitch, unless each pod needs its own public address.',
    );
  });

  it('no finding at or under the budget', () => {
    const files = { 'a.yaml': deployment({ replicas: '10' }) }; // 11.70
    expect(budgetFindings(lintCost(files, { budget: { monthly: 11.7 } }))).toEqual([]);
    expect(budgetFindings(lintCost(files, { budget: { monthly: 11.69 } }))).toHaveLength(1);
  });

  it('the monthly finding sits on the workload that adds most, and says how many are unknown', () => {
    const result = lintCost(
      {
        'a.yaml': deployment({ name: 'small', replicas: '1' }),
        'b.yaml': deployment({ name: 'big', replicas: '30' }),
        'c.yaml': deployment({ name: 'odd', replicas: 'lots' }),
      },
      { budget: { monthly: 10 } },
    );
    const found = budgetFindings(result);
    expect(found).toHaveLength(1);
    expect(found[0].workload?.name).toBe('big');
    expect(found[0].message).toContain('up to USD 36.27 (1 workload of unknown cost not counted), over budget.monthly (USD 10.00)');
  });

  it('the break-even check runs without a budget, on each workload that reaches it', () => {
    const result = lintCost({
      'a.yaml': deployment({ name: 'one', replicas: '1', annotations: BANDWIDTH }),
      'b.yaml': deployment({ name: 'three', replicas: '3', annotations: BANDWIDTH }),
    });
    expect(result.cost.breakEvenPods).toBe(2);
    expect(budgetFindings(result).map((f) => f.workload?.name)).toEqual(['three']);
  });

  it('a workload of exactly the break-even pod count is reported; one pod fewer is not', () => {
    const result = lintCost({
      'a.yaml': deployment({ name: 'one', replicas: '1', annotations: BANDWIDTH }),
      'b.yaml': deployment({ name: 'two', replicas: '2', annotations: BANDWIDTH }),
    });
    expect(result.cost.breakEvenPods).toBe(2);
    expect(budgetFindings(result).map((f) => f.workload?.name)).toEqual(['two']);
  });

  it('not on a workload whose EIPs cost no more a pod than its traffic through the NAT gateway', () => {
    // The mix of 4 pods at 10 Mbps (97.64 each) and 20 pay-by-traffic pods (1.17 each) averages 17.25 a pod and breaks
    // even at 3 (35.989 + 1.6 · N ≤ 17.25 · N → N ≥ 2.3); a pay-by-traffic pod costs 1.17 on its EIP and
    // 10 · (0.043 + 0.117) = 1.60 through the NAT gateway, so moving those would not save anything.
    const result = lintCost({
      'a.yaml': deployment({ name: 'wide', replicas: '4', annotations: { ...BANDWIDTH, 'k8s.aliyun.com/eip-bandwidth': '"10"' } }),
      'b.yaml': deployment({ name: 'traffic', replicas: '20' }),
    });
    expect(result.cost.breakEvenPods).toBe(3);
    expect(budgetFindings(result).map((f) => f.workload?.name)).toEqual(['wide']);
  });

  it('not on a workload whose EIPs cost exactly what its traffic costs through the NAT gateway', () => {
    // With no capacity-unit price, a pay-by-traffic pod's 10 GB cost 1.17 on its own EIP and 1.17 through the NAT's EIP.
    const result = lintCost(
      {
        'a.yaml': deployment({ name: 'wide', replicas: '4', annotations: { ...BANDWIDTH, 'k8s.aliyun.com/eip-bandwidth': '"10"' } }),
        'b.yaml': deployment({ name: 'traffic', replicas: '20' }),
      },
      { pricing: { prices: { 'nat-cu': 0 } } },
    );
    const traffic = result.cost.workloads.find((w) => w.name === 'traffic')!;
    expect(traffic.perPod).toBeCloseTo(1.17, 10);
    expect(result.cost.breakEvenPods).not.toBeNull();
    expect(traffic.pods!.max).toBeGreaterThanOrEqual(result.cost.breakEvenPods!);
    expect(budgetFindings(result).map((f) => f.workload?.name)).toEqual(['wide']);
  });

  it('the monthly finding goes to the first of two workloads that add the same', () => {
    const result = lintCost(
      {
        'a.yaml': deployment({ name: 'first', replicas: '1', annotations: BANDWIDTH }),
        'b.yaml': deployment({ name: 'second', replicas: '1', annotations: BANDWIDTH }),
      },
      { budget: { monthly: 10 } },
    );
    const over = budgetFindings(result).filter((f) => f.message.includes('budget.monthly'));
    expect(over.map((f) => [f.file, f.workload?.name])).toEqual([['a.yaml', 'first']]);
  });

  it('no break-even finding when per-pod EIPs never lose (the default waiver, pay-by-traffic)', () => {
    expect(budgetFindings(lintCost({ 'a.yaml': deployment({ replicas: '500' }) }))).toEqual([]);
  });

  it('not for an existing EIP nor a workload of unknown cost', () => {
    const result = lintCost({
      'a.yaml': deployment({ name: 'bw', replicas: '1', annotations: BANDWIDTH }),
      'b.yaml': deployment({ name: 'existing', replicas: '1', annotations: { 'k8s.aliyun.com/eci-eip-instanceid': 'eip-abc' } }) + '---\n' + hpa('existing', '1', '9'),
      'c.yaml': deployment({ name: 'unknown', replicas: 'many', annotations: BANDWIDTH }),
    });
    expect(budgetFindings(result)).toEqual([]);
  });

  it('budget.increase needs a base; the finding sits on the workload whose cost rose most', () => {
    const head = { 'a.yaml': deployment({ name: 'a', replicas: '10' }), 'b.yaml': deployment({ name: 'b', replicas: '4' }) };
    const base = { 'a.yaml': deployment({ name: 'a', replicas: '2' }), 'b.yaml': deployment({ name: 'b', replicas: '1' }) };
    // +8 · 1.17 = 9.36 for a, +3 · 1.17 = 3.51 for b: 12.87 in all, from 3 pods (3.51) to 14 (16.38).
    expect(budgetFindings(lintCost(head, { budget: { increase: 5 } }))).toEqual([]);
    const found = budgetFindings(lintCost(head, { budget: { increase: 5 } }, base));
    expect(found).toHaveLength(1);
    expect(found[0].workload?.name).toBe('a');
    expect(found[0].message).toContain('by up to USD 12.87 (from USD 3.51 to USD 16.38), over budget.increase (USD 5.00)');
    expect(budgetFindings(lintCost(head, { budget: { increase: 12.87 } }, base))).toEqual([]);
  });

  it('an increase from a workload the base did not have', () => {
    const found = budgetFindings(lintCost({ 'a.yaml': deployment({ name: 'new', replicas: '10' }) }, { budget: { increase: 1 } }, {}));
    expect(found[0].message).toContain('Deployment new rises the most: from nothing to 10 pods at USD 11.70');
  });

  it('a decrease is never over budget.increase', () => {
    expect(budgetFindings(lintCost({}, { budget: { increase: 0 } }, { 'a.yaml': deployment({ replicas: '10' }) }))).toEqual([]);
  });

  it('can be turned off, set to error, and suppressed like any rule', () => {
    const text = deployment({ replicas: '3', annotations: BANDWIDTH });
    expect(budgetFindings(lintCost({ 'a.yaml': text }, { rules: { 'eip-cost-budget': 'off' } }))).toEqual([]);
    expect(budgetFindings(lintCost({ 'a.yaml': text }, { rules: { 'eip-cost-budget': 'error' } }))[0].severity).toBe('error');

    const commented = text.replace('        k8s.aliyun.com/eci-with-eip', '        # eci-egress-lint ignore eip-cost-budget -- each pod needs its own address\n        k8s.aliyun.com/eci-with-eip');
    const byComment = lintCost({ 'a.yaml': commented });
    expect(budgetFindings(byComment)).toEqual([]);
    expect(byComment.suppressed.map((s) => [s.finding.ruleId, s.source, s.reason])).toEqual([['eip-cost-budget', 'comment', 'each pod needs its own address']]);

    const annotated = text.replace('      annotations:\n', '      annotations:\n        eci-egress-lint/ignore: "eip-cost-budget -- allow-listed addresses"\n');
    const byAnnotation = lintCost({ 'a.yaml': annotated });
    expect(budgetFindings(byAnnotation)).toEqual([]);
    expect(byAnnotation.suppressed.map((s) => s.source)).toEqual(['annotation']);

    const byConfig = lintCost({ 'a.yaml': text }, { ignore: [{ rule: 'eip-cost-budget', reason: 'known' }] });
    expect(budgetFindings(byConfig)).toEqual([]);
  });

  it('costBudgetReports of an empty projection: nothing', () => {
    const { cost } = lintCost({});
    expect(costBudgetReports(cost, { monthly: 0, increase: 0 })).toEqual([]);
  });
});
