/** The cost stage: workloads and their policy facts + the config's pricing → a CostReport (docs/cost.md). */
export { projectCost, projectSide, compareSides, costOfWorkload, sideOf, sourceWorkload, type CostInput } from './project.js';
export { resolvePricing, knownRegions, PricingError, PRICE_KEYS, PRICE_TABLE, type ResolvedPricing } from './pricing.js';
export { perEipMonthly, natAlternativeMonthly, breakEvenPods, bandwidthFeePerDay, BREAK_EVEN_LIMIT } from './formulas.js';
export { podRange } from './pods.js';
export { costOutputs } from './outputs.js';
