/**
 * Helpers of the Terraform tests: lint inline HCL (the parser is loaded once per test file), apply a fix's edits and
 * check that the fixed file still parses and no longer has the finding.
 */
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult, SourceFile } from '../../src/model/index.js';
import type { Config, Finding, Workload } from '../../src/model/index.js';
import { prepareReaders } from '../../src/readers/index.js';
import { parseTerraformFile } from '../../src/readers/terraform/context.js';
import { applyEdits, yaml } from '../helpers/lint.js';

export { applyEdits, findingsOf, only, positionOf } from '../helpers/lint.js';

export const TF_PATH = 'infra/app.tf';

/** Strips the common indentation of a template literal, like `yaml` in the rule tests. */
export const hcl = yaml;

/** Loads the Terraform parser; call in beforeAll. */
export async function prepareTerraform(): Promise<void> {
  await prepareReaders(['x.tf']);
}

export function makeConfig(overrides: Partial<Config> = {}): Config {
  return { ...defaultConfig(), ...overrides };
}

/** Lints one Terraform text as `infra/app.tf` (or `path`). */
export function lintTf(text: string, overrides: Partial<Config> = {}, path = TF_PATH): LintResult {
  return lintSources([{ path, text }], { config: makeConfig(overrides) });
}

/** Lints several files (a folder's .tf files, YAML beside them) in one run. */
export function lintTfFiles(files: Record<string, string>, overrides: Partial<Config> = {}): LintResult {
  const sources: SourceFile[] = Object.entries(files).map(([path, text]) => ({ path, text }));
  return lintSources(sources, { config: makeConfig(overrides) });
}

/** The one workload of a run with that name; fails when there is none or several. */
export function workloadNamed(result: LintResult, name: string): Workload {
  const found = result.workloads.filter((w) => w.name === name);
  if (found.length !== 1) throw new Error(`expected one workload ${name}, got ${found.length}: ${result.workloads.map((w) => w.name).join(', ')}`);
  return found[0];
}

/** The syntax error of a text after a fix, if any (tree-sitter for .tf, JSON for .tf.json). */
export function syntaxError(text: string, path = TF_PATH): string | undefined {
  return parseTerraformFile(path, text).parsed.error?.message;
}

/**
 * Applies a finding's fix and checks it: the result parses, relinting it no longer reports the rule for the
 * workload, and applying the fix of the relinted text changes nothing more for that rule (idempotent).
 */
export function applyTfFix(text: string, finding: Finding, overrides: Partial<Config> = {}, path = TF_PATH): { fixed: string; relinted: LintResult } {
  expect(finding.fix).toBeDefined();
  const edits = finding.fix!.edits;
  expect(edits.length).toBeGreaterThan(0);
  for (const edit of edits) expect(edit.file).toBe(path);
  const fixed = applyEdits(text, edits);
  expect(fixed).not.toBe(text);
  expect(syntaxError(fixed, path)).toBeUndefined();
  const relinted = lintTf(fixed, overrides, path);
  const again = relinted.findings.filter(
    (f) => f.ruleId === finding.ruleId && f.workload?.name === finding.workload?.name && f.workload?.kind === finding.workload?.kind,
  );
  expect(again).toEqual([]);
  return { fixed, relinted };
}
