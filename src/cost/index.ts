/**
 * The cost stage: workloads and their policy facts + the config's pricing → a CostReport (docs/cost.md). What the
 * other stages use of it; the formulas and the pricing table stay inside.
 */
export { projectCost, sideOf, sourceWorkload, type CostInput } from './project.js';
export { resolvePricing, PricingError, BGP_PRO_PRICE_KEYS, PRICE_KEYS, type ResolvedPricing } from './pricing.js';
export { natAlternativeMonthly, BREAK_EVEN_LIMIT } from './formulas.js';
export { costOutputs } from './outputs.js';
export { amountRange, countRange, money, round2, signedRange } from './format.js';
