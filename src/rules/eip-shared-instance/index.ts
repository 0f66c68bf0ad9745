import { EIP_INSTANCE_ID } from '../../policy/eci-keys.js';
import { describeWorkload, keyName, settingText, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

export const eipSharedInstance: Rule = {
  meta: {
    id: 'eip-shared-instance',
    defaultSeverity: 'error',
    docs: {
      description: 'An existing EIP id on a template that can run more than one pod at once.',
      url: ruleDocsUrl('eip-shared-instance'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    const max = facts.maxPods.value;
    if (!workload.pod || !facts.eci.eci || !facts.existingEip || max === undefined || max <= 1) return;
    const instance = facts.podAnnotations.get(EIP_INSTANCE_ID)!;
    context.report({
      message:
        `${keyName(workload, EIP_INSTANCE_ID)} binds one existing EIP, and an EIP serves one ECI instance at a time, but ` +
        `${describeWorkload(workload)} can run ${max} pods at once (${facts.maxPods.why}): the other pods get no EIP. ` +
        `Use ${settingText(workload, 'k8s.aliyun.com/eci-with-eip', 'true')} for one EIP per pod, or a NAT gateway.`,
      span: instance.entry?.keySpan ?? workload.span,
    });
  },
};
