import type { CostReport } from '../model/index.js';
import { round2 } from './format.js';

/**
 * The action's cost outputs: `monthly-cost` is the head's maximum total and `monthly-cost-change` the signed
 * change of it against the base, plain numbers with 2 decimals in the report's currency (`12.34`, `-3.50`);
 * `break-even-pods` a whole number. Each is empty when it does not apply: the costs when no workload of the
 * head or the base has an EIP, the change without a base, the break-even when a NAT gateway is never cheaper.
 */
export function costOutputs(cost: CostReport | undefined): Record<'monthly-cost' | 'monthly-cost-change' | 'break-even-pods', string> {
  const hasEip = cost !== undefined && (cost.workloads.length > 0 || (cost.base?.workloads.length ?? 0) > 0);
  return {
    'monthly-cost': hasEip ? round2(cost.total.max).toFixed(2) : '',
    'monthly-cost-change': hasEip && cost.change ? round2(cost.change.max).toFixed(2) : '',
    'break-even-pods': cost?.breakEvenPods != null ? String(cost.breakEvenPods) : '',
  };
}
