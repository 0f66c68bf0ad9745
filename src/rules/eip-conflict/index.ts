import { EIP_INSTANCE_ID, WITH_EIP } from '../../policy/eci-keys.js';
import { keyName, settingText, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

export const eipConflict: Rule = {
  meta: {
    id: 'eip-conflict',
    defaultSeverity: 'warning',
    docs: {
      description: 'A pod asks both for an auto-created EIP and for an existing EIP id.',
      url: ruleDocsUrl('eip-conflict'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    if (!workload.pod || !facts.eci.eci || !facts.autoEip || !facts.existingEip) return;
    const instance = facts.podAnnotations.get(EIP_INSTANCE_ID)!;
    const withEip = facts.podAnnotations.get(WITH_EIP)!;
    const injected = [withEip, instance].find((a) => a.injectedBy)?.injectedBy;
    context.report({
      message:
        `The pod sets both ${settingText(workload, WITH_EIP, 'true')} and ${keyName(workload, EIP_INSTANCE_ID)}: when both are set, ECI creates a new EIP ` +
        `and the given EIP is not used. Keep the one you mean.` +
        (injected ? ` (One of them is injected by the eci-profile selector "${injected}".)` : ''),
      span: instance.entry?.keySpan ?? withEip.entry?.keySpan ?? workload.span,
    });
  },
};
