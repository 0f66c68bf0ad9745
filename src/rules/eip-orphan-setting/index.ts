import { EIP_SETTING_KEYS, WITH_EIP } from '../../policy/eci-keys.js';
import { asksForEipElsewhere } from '../../policy/key-typos.js';
import { describeWorkload, keyName, settingText, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

export const eipOrphanSetting: Rule = {
  meta: {
    id: 'eip-orphan-setting',
    defaultSeverity: 'warning',
    docs: {
      description: `An EIP setting (bandwidth, ISP, charge type, bandwidth plan, IP pool) without ${WITH_EIP}: "true".`,
      url: ruleDocsUrl('eip-orphan-setting'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    // A misplaced or misspelt eci-with-eip is its own rule's finding; once fixed, the setting is no orphan.
    if (!workload.pod || !facts.eci.eci || facts.autoEip || facts.unresolved || asksForEipElsewhere(workload)) return;
    const withEip = settingText(workload, WITH_EIP, 'true');
    for (const entry of workload.pod.annotations) {
      if (!EIP_SETTING_KEYS.includes(entry.key)) continue;
      context.report({
        message:
          `${entry.label ?? keyName(workload, entry.key)} shapes an auto-created EIP, but the pods of ${describeWorkload(workload)} do not ask for one ` +
          `(${withEip} is missing), so the setting does nothing. Add ${withEip} or remove the setting.`,
        span: entry.keySpan,
      });
    }
  },
};
