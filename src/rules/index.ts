import { eipChangeNeedsRecreate } from './eip-change-needs-recreate/index.js';
import { eipConflict } from './eip-conflict/index.js';
import { eipInvalidValue } from './eip-invalid-value/index.js';
import { eipMisplaced } from './eip-misplaced/index.js';
import { eipMissing } from './eip-missing/index.js';
import { eipNoEffect } from './eip-no-effect/index.js';
import { eipNotString } from './eip-not-string/index.js';
import { eipOrphanSetting } from './eip-orphan-setting/index.js';
import { eipRedundant } from './eip-redundant/index.js';
import { eipSharedInstance } from './eip-shared-instance/index.js';
import { eipUnexpected } from './eip-unexpected/index.js';
import { eipUnknownKey } from './eip-unknown-key/index.js';
import { eipCostBudget } from './eip-cost-budget/index.js';
import { parseError, skippedFile } from './reported-elsewhere.js';
import type { Rule } from './rule.js';

export type { CostRuleContext, Rule, RuleDocs, RuleMeta, RuleContext, RuleReport } from './rule.js';

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
