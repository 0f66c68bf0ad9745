import { describeWorkload, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';
import { eipSource, writtenEipKeys } from '../eip-keys-on-pod.js';

export const eipRedundant: Rule = {
  meta: {
    id: 'eip-redundant',
    defaultSeverity: 'warning',
    docs: {
      description: 'An ECI pod has its own EIP although egress goes through a NAT gateway.',
      url: ruleDocsUrl('eip-redundant'),
    },
    fix: 'unsafe',
    fixDescription: 'remove the EIP keys from the pod template',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts, scan } = context;
    if (!workload.pod || !facts.eci.eci || !(facts.autoEip || facts.existingEip)) return;
    if (!(facts.egress === 'nat' || (facts.egress === 'auto' && facts.nat.present))) return;
    const source = eipSource(workload, facts);
    const decidedBy = facts.nat.decidedBy;
    const entry = facts.nat.clusterEntry;
    const why =
      facts.egress === 'nat'
        ? 'the egress policy for it is nat'
        : typeof decidedBy === 'object'
          ? `a NAT gateway is present (${decidedBy.resource} in ${decidedBy.file}:${decidedBy.span.line})`
          : entry !== undefined
            ? `a NAT gateway is present (nat-gateway: present in clusters[${entry}], path "${scan.config.clusters[entry].path}")`
            : 'a NAT gateway is present (nat-gateway: present)';
    const { removal } = writtenEipKeys(workload);
    context.report({
      message:
        `The pods of ${describeWorkload(workload)} each get an EIP although ${why}. A pod's EIP wins over the NAT ` +
        `gateway's SNAT, so every pod gets a public address and an EIP bill of its own. Remove the EIP keys, or set ` +
        `egress: eip for this workload if the pods need their own addresses.` +
        (source.injectedBy ? ` The EIP is injected by the eci-profile selector "${source.injectedBy}".` : ''),
      span: source.span,
      edits: source.injectedBy ? undefined : removal,
    });
  },
};
