import { isEipKey } from '../../policy/eci-keys.js';
import { describeWorkload, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';
import { metadataBlocks } from '../../model/index.js';

export const eipNoEffect: Rule = {
  meta: {
    id: 'eip-no-effect',
    defaultSeverity: 'warning',
    docs: {
      description: 'EIP keys on a pod that will not run on ECI, or on an object that has no pods.',
      url: ruleDocsUrl('eip-no-effect'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    if (workload.pod && facts.eci.eci) return;
    const why = workload.pod
      ? `its pods do not run on ECI: ${facts.eci.reason}`
      : `a ${workload.kind} has no pods, and ECI reads EIP keys only from a pod's annotations`;
    const blocks = metadataBlocks(workload);
    for (const block of blocks) {
      for (const entry of [...block.annotations, ...block.labels]) {
        if (!isEipKey(entry.key)) continue;
        context.report({
          message: `${entry.key} on ${describeWorkload(workload)} has no effect: ${why}. Remove it, or move it to a workload whose pods run on ECI.`,
          span: entry.keySpan,
        });
      }
    }
  },
};
