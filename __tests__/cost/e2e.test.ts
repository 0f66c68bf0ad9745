/**
 * The cost projection through the built bundles: `node dist/cli.js examples --format json` (with this repository's
 * config: cn-hangzhou, USD), `--base` in a git repository, and the action's outputs and job summary. The numbers are
 * checked against the formulas of docs/cost.md, so new examples do not break the test.
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACTION, CLI, cleanEnv, describeIfBuilt, node, parseOutputs, ROOT } from '../e2e/helpers.js';

jest.setTimeout(120_000);

interface CostWorkload {
  name: string;
  kind: string;
  eip: string;
  pods: { min: number; max: number } | null;
  chargeType: string | null;
  bandwidthMbps: number | null;
  perPod: number | null;
  monthly: { min: number; max: number } | null;
  unknown?: string;
}

interface Cost {
  region: string;
  currency: string;
  prices: { asOf: string; source: string; values: Record<string, number> };
  assumptions: { hoursPerMonth: number; trafficGbPerPod: number; waiveEciConfigFee: boolean };
  workloads: CostWorkload[];
  total: { min: number; max: number };
  unknownWorkloads: number;
  base?: { total: { min: number; max: number } };
  change?: { min: number; max: number };
  natAlternative: { monthly: number; pods: number };
  breakEvenPods: number | null;
}

const cents = (n: number) => Math.round(n * 100) / 100;

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describeIfBuilt('the cost projection in the bundles', () => {
  describe('node dist/cli.js examples --format json', () => {
    let cost: Cost;
    beforeAll(() => {
      const r = node([CLI, 'examples', '--format', 'json', '--fail-on', 'never']);
      expect(r.stderr).toBe('');
      cost = JSON.parse(r.stdout).cost;
    });

    it('names the region of the repository config, the currency, the prices\' date and source', () => {
      expect(cost.region).toBe('cn-hangzhou');
      expect(cost.currency).toBe('USD');
      expect(cost.prices.asOf).toBe('2021-06');
      expect(cost.prices.source).toContain('AlibabaCloudDocs/eip');
      expect(cost.prices.values['eip-traffic-gb']).toBe(0.125);
      expect(cost.assumptions).toMatchObject({ hoursPerMonth: 730, trafficGbPerPod: 10, waiveEciConfigFee: true });
    });

    it('status-page: one pod, pay-by-traffic with the waiver: 10 GB · 0.125 = 1.25 a month', () => {
      expect(cost.workloads.find((w) => w.name === 'status-page')).toMatchObject({
        kind: 'Deployment',
        eip: 'auto',
        pods: { min: 1, max: 1 },
        chargeType: 'PayByTraffic',
        bandwidthMbps: 5,
        perPod: 1.25,
        monthly: { min: 1.25, max: 1.25 },
      });
    });

    it('the existing EIPs of partner-gateways add 0; the bad values of media.yaml make unknown costs', () => {
      expect(cost.workloads.find((w) => w.name === 'bank-statement-fetcher')).toMatchObject({ eip: 'existing', monthly: { min: 0, max: 0 } });
      expect(cost.workloads.find((w) => w.name === 'image-resizer')).toMatchObject({ monthly: null, unknown: expect.stringContaining('"10M"') });
      expect(cost.unknownWorkloads).toBe(cost.workloads.filter((w) => w.monthly === null).length);
    });

    it('every known cost is pods × one EIP, and the total their sum', () => {
      const p = cost.prices.values;
      const D = 730 / 24;
      let total = 0;
      for (const w of cost.workloads) {
        if (!w.monthly || w.eip === 'existing') continue;
        const inPlan = w.eip === 'bandwidth-plan';
        const perPod =
          w.chargeType === 'PayByTraffic'
            ? inPlan ? 0 : 10 * p['eip-traffic-gb']
            : inPlan ? 0 : D * (p['eip-bandwidth-day-first5'] * Math.min(w.bandwidthMbps!, 5) + p['eip-bandwidth-day-above5'] * Math.max(w.bandwidthMbps! - 5, 0));
        expect(w.perPod).toBe(cents(perPod));
        expect(w.monthly.max).toBe(cents(w.pods!.max * perPod));
        total += w.pods!.max * perPod;
      }
      expect(cost.total.max).toBe(cents(total));
    });

    it('the NAT alternative for the same pods, by the formula', () => {
      const p = cost.prices.values;
      const n = cost.workloads.filter((w) => w.monthly && w.eip !== 'existing').reduce((sum, w) => sum + w.pods!.max, 0);
      expect(cost.natAlternative.pods).toBe(n);
      expect(cost.natAlternative.monthly).toBe(cents(p['nat-hour'] * 730 + p['nat-cu'] * n * 10 + p['eip-config-fee-hour'] * 730 + n * 10 * p['eip-traffic-gb']));
      expect(cost.base).toBeUndefined();
      expect(cost.change).toBeUndefined();
    });
  });

  it('node dist/cli.js --base HEAD~1 in a git repository: base and change', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-cost-e2e-'));
    temps.push(dir);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
    const manifest = (replicas: number) => fs.readFileSync(path.join(ROOT, 'examples/k8s/status-page.yaml'), 'utf8').replace('replicas: 1', `replicas: ${replicas}`);
    fs.writeFileSync(path.join(dir, 'status-page.yaml'), manifest(2));
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    fs.writeFileSync(path.join(dir, 'status-page.yaml'), manifest(40));
    git('commit', '-q', '-am', 'head');
    const r = node([CLI, '--base', 'HEAD~1', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    const cost = JSON.parse(r.stdout).cost as Cost;
    // Singapore (the default region): 1.17 a pod; 2 → 40 pods.
    expect(cost.base).toEqual({ total: { min: 2.34, max: 2.34 }, unknownWorkloads: 0 });
    expect(cost.total).toEqual({ min: 46.8, max: 46.8 });
    expect(cost.change).toEqual({ min: 44.46, max: 44.46 });
    expect(cost.workloads[0]).toMatchObject({ name: 'status-page', status: 'changed', change: { min: 44.46, max: 44.46 } });
  });

  it('the action: cost outputs, and the cost table in the job summary', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-cost-action-'));
    temps.push(temp);
    const outputFile = path.join(temp, 'github_output');
    const summaryFile = path.join(temp, 'step_summary');
    fs.writeFileSync(outputFile, '');
    fs.writeFileSync(summaryFile, '');
    const env: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ROOT,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REPOSITORY: 'acme/shop',
      RUNNER_TEMP: temp,
      INPUT_PATHS: 'examples',
      'INPUT_FAIL-ON': 'never',
      'INPUT_JOB-SUMMARY': 'true',
    };
    const r = node([ACTION], { cwd: ROOT, env });
    expect(r.status).toBe(0);
    const outputs = parseOutputs(fs.readFileSync(outputFile, 'utf8'));
    const cost = JSON.parse(fs.readFileSync(outputs['report-file'], 'utf8')).cost as Cost;
    expect(outputs['monthly-cost']).toBe(cost.total.max.toFixed(2));
    expect(outputs['monthly-cost-change']).toBe('');
    expect(outputs['break-even-pods']).toBe(cost.breakEvenPods === null ? '' : String(cost.breakEvenPods));
    const summary = fs.readFileSync(summaryFile, 'utf8');
    expect(summary).toContain(`<details><summary>EIP cost by workload (${cost.workloads.length} workloads, USD a month)</summary>`);
    expect(summary).toContain('| workload | file | pods | charge type | bandwidth | monthly |');
    expect(summary).toMatch(/\| Deployment observability\/status-page \| \[examples\/k8s\/status-page\.yaml#L\d+\]\([^)]*status-page\.yaml#L\d+\) \| 1 \| PayByTraffic \| 5 Mbps \(cap\) \| 1\.25 \|/);
    // Unknown costs are counted beside the total, never in it.
    expect(summary).toContain(`| **total** | | | | | **${cost.total.max.toFixed(2)} + ${cost.unknownWorkloads} unknown** |`);
    expect(summary).toContain('<details><summary>How the cost is estimated</summary>\n\nRegion cn-hangzhou, USD, list prices of 2021-06 \\(');
  });
});
