/**
 * Problems with a file's text itself (it does not parse, it was skipped): a fix must never add one, so the fix engine
 * sees them even when the config turns their rules off, and hides them again in what it returns.
 */
import type { Config, Finding, LintResult } from '../model/index.js';

/** Problems with a file's text itself: a fix must never add one. */
export const TEXT_PROBLEMS = new Set(['parse-error', 'skipped-file']);

/** Whether a lint made with `config` reports every text problem (no rule of them is off). */
export function reportsTextProblems(config: Config): boolean {
  return ![...TEXT_PROBLEMS].some((id) => config.rules[id] === 'off');
}

/** The config used to lint fixed texts: parse problems are always reported, whatever the config says, and then hidden again. */
export function checkingConfig(config: Config): Config {
  const rules = { ...config.rules };
  for (const id of TEXT_PROBLEMS) if (rules[id] === 'off') delete rules[id];
  return { ...config, rules };
}

/** The result as the given config reports it (rules it turns off are left out). */
export function asConfigured(result: LintResult, config: Config): LintResult {
  const off = (f: Finding) => TEXT_PROBLEMS.has(f.ruleId) && config.rules[f.ruleId] === 'off';
  return { ...result, findings: result.findings.filter((f) => !off(f)), suppressed: result.suppressed.filter((s) => !off(s.finding)) };
}
