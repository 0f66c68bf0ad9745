import type { Finding } from '../model/index.js';
import { RULES, ruleById } from '../rules/index.js';

/** A `--fix-unsafe` (or action `fix-unsafe`) value that names no rule with an unsafe fix. */
export class FixSelectionError extends Error {
  override name = 'FixSelectionError';
}

/** The ids of the rules whose fix is unsafe, always or for some findings: applied only when named. */
export function rulesWithUnsafeFix(): string[] {
  return RULES.filter((r) => r.meta.fix === 'unsafe' || r.meta.fix === 'per-finding').map((r) => r.meta.id);
}

/**
 * The rules whose fix is unsafe only for some findings (eip-missing under `egress: auto`): such a fix is still offered
 * as a review suggestion, which takes effect only when a person accepts it, but never applied or committed unasked.
 */
export function rulesSuggestedWhenUnsafe(): string[] {
  return RULES.filter((r) => r.meta.fix === 'per-finding').map((r) => r.meta.id);
}

/**
 * Reads a list of rule ids whose unsafe fixes are wanted: comma separated (spaces and line breaks also separate, for
 * a multi-line action input), or already split. Each id must name a rule with an unsafe fix.
 */
export function parseUnsafeRules(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const ids = (typeof value === 'string' ? value.split(/[\s,]+/) : value.flatMap((v) => v.split(/[\s,]+/))).filter(Boolean);
  const unsafe = rulesWithUnsafeFix();
  if (ids.length === 0) throw new FixSelectionError(`--fix-unsafe needs rule ids; rules with an unsafe fix: ${unsafe.join(', ')}`);
  for (const id of ids) {
    const rule = ruleById(id);
    if (!rule) throw new FixSelectionError(`--fix-unsafe: unknown rule id "${id}"; rules with an unsafe fix: ${unsafe.join(', ')}`);
    if (rule.meta.fix === 'safe') {
      throw new FixSelectionError(`--fix-unsafe: ${id} has a safe fix, which --fix applies without naming it; rules with an unsafe fix: ${unsafe.join(', ')}`);
    }
    if (rule.meta.fix === 'none') {
      throw new FixSelectionError(`--fix-unsafe: ${id} has no fix; rules with an unsafe fix: ${unsafe.join(', ')}`);
    }
  }
  return [...new Set(ids)];
}

/**
 * Whether a finding's fix is applied: every safe fix, and the unsafe fixes of the rules named. Safety is the finding's
 * own (`fix.safe`): one rule may have safe and unsafe fixes (eip-missing, by egress policy).
 */
export function isSelected(finding: Finding, unsafeRules: readonly string[]): boolean {
  if (!finding.fix || finding.fix.edits.length === 0) return false;
  return finding.fix.safe || unsafeRules.includes(finding.ruleId);
}
