import { eipChangeNeedsRecreate } from './eip-change-needs-recreate.js';
import { eipConflict } from './eip-conflict.js';
import { eipInvalidValue } from './eip-invalid-value.js';
import { eipMisplaced } from './eip-misplaced.js';
import { eipMissing } from './eip-missing.js';
import { eipNoEffect } from './eip-no-effect.js';
import { eipNotString } from './eip-not-string.js';
import { eipOrphanSetting } from './eip-orphan-setting.js';
import { eipRedundant } from './eip-redundant.js';
import { eipSharedInstance } from './eip-shared-instance.js';
import { eipUnexpected } from './eip-unexpected.js';
import { eipUnknownKey } from './eip-unknown-key.js';
import { eipCostBudget } from './eip-cost-budget.js';
import { parseError, skippedFile } from './reported-elsewhere.js';
import type { Rule } from './rule.js';

export type { CostRuleContext, Rule, RuleMeta, RuleContext, RuleReport } from './rule.js';

/** Every rule, in the order of the rule reference. */
export const RULES: readonly Rule[] = [
  eipMisplaced,
  eipNotString,
  eipInvalidValue,
  eipUnknownKey,
  eipChangeNeedsRecreate,
  eipOrphanSetting,
  eipSharedInstance,
  eipConflict,
  eipMissing,
  eipRedundant,
  eipUnexpected,
  eipNoEffect,
  eipCostBudget,
  parseError,
  skippedFile,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.meta.id);

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
