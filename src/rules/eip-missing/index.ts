import { IPV6_BANDWIDTH_ENABLE, WITH_EIP } from '../../policy/eci-keys.js';
import { describeEvidence } from '../../policy/evidence.js';
import { asksForEipElsewhere } from '../../policy/key-typos.js';
import { describeWorkload, podAnnotationsPath, settingText, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

export const eipMissing: Rule = {
  meta: {
    id: 'eip-missing',
    defaultSeverity: 'warning',
    docs: {
      description: 'An ECI pod needs internet egress and has neither an EIP nor a NAT gateway.',
      url: ruleDocsUrl('eip-missing'),
    },
    // Under `egress: eip` the user asked for an EIP on every ECI pod; under `auto` the fix adds a public IP and a
    // monthly bill per pod on evidence that is a guess, so it is applied only when asked for by name.
    fix: 'per-finding',
    fixDescription: `add ${WITH_EIP}: "true" to the pod template`,
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    if (!workload.pod || !facts.eci.eci || facts.autoEip || facts.existingEip || facts.nat.present) return;
    // No finding rests on an unresolved value: an unknown EIP key or NAT gateway may give the pod egress.
    if (facts.unresolved || facts.nat.unknown) return;
    if (facts.egress !== 'eip' && facts.egress !== 'auto') return;
    const written = facts.podAnnotations.get(WITH_EIP);
    if (written && facts.egress === 'auto') return; // an explicit "false" is a decision, not an omission
    if (asksForEipElsewhere(workload)) return;
    const evidence = facts.evidence[0];
    if (facts.egress === 'auto' && !evidence) return;
    const target = podAnnotationsPath(workload);
    const setting = settingText(workload, WITH_EIP, 'true');
    const need = evidence
      ? `${describeWorkload(workload)} needs the internet (${describeEvidence(evidence)}${facts.evidence.length > 1 ? `, and ${facts.evidence.length - 1} more` : ''})`
      : `egress: eip asks every ECI pod of ${describeWorkload(workload)} to have an EIP`;
    // IPv6 internet access is not an EIP: it reaches IPv6 destinations only, so it does not answer the need.
    const ipv6 =
      facts.podAnnotations.get(IPV6_BANDWIDTH_ENABLE)?.value === 'true'
        ? ` (${IPV6_BANDWIDTH_ENABLE} gives IPv6 internet access, which reaches IPv6 destinations only.)`
        : '';
    context.report({
      message:
        `${need}, but its pods have no EIP and no NAT gateway is known, so an ECI pod cannot reach the internet. ` +
        `Add ${setting} to ${target}, or set nat-gateway: present if the VPC has a NAT gateway.${ipv6}`,
      severity: facts.egress === 'eip' ? 'error' : 'warning',
      span: workload.pod.span,
      edits: written ? undefined : workload.editor.addPodAnnotation(WITH_EIP, 'true'),
      fixDescription: written ? undefined : `add ${setting} to ${target}`,
      fixSafety: facts.egress === 'eip' ? 'safe' : 'unsafe',
    });
  },
};
