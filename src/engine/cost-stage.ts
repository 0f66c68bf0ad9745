import type { Config, CostReport, Finding, LintResult, RenderedDocument, Workload } from '../model/index.js';
import { projectCost, resolvePricing, sideOf, sourceWorkload, type CostInput, type ResolvedPricing } from '../cost/index.js';
import { clusterRuleFor } from '../policy/facts.js';
import { RULES } from '../rules/index.js';
import { toFinding } from './findings.js';
import type { CheckedWorkload } from './run-rules.js';

/** The cost stage: the checked workloads priced (docs/cost.md), and compared with the base's projection when there is one. */
export function projectScanCost(
  checked: readonly CheckedWorkload[],
  documentOf: ReadonlyMap<Workload, RenderedDocument>,
  config: Config,
  base: Pick<LintResult, 'cost'> | undefined,
): CostReport {
  return projectCost(costInputsOf(checked, documentOf, config), resolvePricing(config.pricing), base && sideOf(base.cost));
}

/** What the projection prices: each checked workload, with its `clusters:` entry's region's prices when it names one. */
function costInputsOf(checked: readonly CheckedWorkload[], documentOf: ReadonlyMap<Workload, RenderedDocument>, config: Config): CostInput[] {
  const regionPricing = new Map<string, ResolvedPricing>();
  const inputs: CostInput[] = [];
  for (const { workload, facts } of checked) {
    const document = documentOf.get(workload);
    const region = clusterRuleFor(workload, config)?.rule.region;
    if (region !== undefined && !regionPricing.has(region)) regionPricing.set(region, resolvePricing({ ...config.pricing, region }));
    // Test renderings (a chart's ci/*-values.yaml) are linted but do not stand for a deployment's cost.
    if (!document || document.priced) inputs.push({ workload, facts, ...(region !== undefined ? { pricing: regionPricing.get(region) } : {}) });
  }
  return inputs;
}

/** The findings of the rules that are a function of the projection (eip-cost-budget), with the workload each is about. */
export function runCostRules(cost: CostReport, config: Config): { findings: Finding[]; owners: Map<Finding, Workload> } {
  const findings: Finding[] = [];
  const owners = new Map<Finding, Workload>();
  for (const rule of RULES) {
    if (!rule.checkCost || config.rules[rule.meta.id] === 'off') continue;
    rule.checkCost({
      cost,
      budget: config.budget,
      report(target, report) {
        const workload = sourceWorkload(target)!;
        const finding = toFinding(rule.meta.id, workload, report);
        owners.set(finding, workload);
        findings.push(finding);
      },
    });
  }
  return { findings, owners };
}
