import { describeWorkload, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';
import { eipSource, writtenEipKeys } from '../eip-keys-on-pod.js';

export const eipUnexpected: Rule = {
  meta: {
    id: 'eip-unexpected',
    defaultSeverity: 'warning',
    docs: {
      description: 'An ECI pod has an EIP although its egress policy is none.',
      url: ruleDocsUrl('eip-unexpected'),
    },
    fix: 'unsafe',
    fixDescription: 'remove the EIP keys from the pod template',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    if (!workload.pod || !facts.eci.eci || facts.egress !== 'none' || !(facts.autoEip || facts.existingEip)) return;
    const source = eipSource(workload, facts);
    const { removal } = writtenEipKeys(workload);
    context.report({
      message:
        `The pods of ${describeWorkload(workload)} get a public EIP although its egress policy is none: each pod is ` +
        `reachable from the internet as far as its security group allows. Remove the EIP keys, or change the policy.` +
        (source.injectedBy ? ` The EIP is injected by the eci-profile selector "${source.injectedBy}".` : ''),
      span: source.span,
      edits: source.injectedBy ? undefined : removal,
    });
  },
};
