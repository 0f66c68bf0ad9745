import type { Config, Finding } from '../model/index.js';

/**
 * The config's `rules:` settings applied to the findings of every stage: a rule set to `off` reports nothing (the
 * notices of the read stage included), a severity replaces the rule's own.
 */
export function applyRuleSettings(findings: readonly Finding[], rules: Config['rules']): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const setting = rules[finding.ruleId];
    if (setting === 'off') continue;
    if (setting) finding.severity = setting;
    kept.push(finding);
  }
  return kept;
}
