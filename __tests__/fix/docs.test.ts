/**
 * Each fixable rule's page shows its fix as a diff: the diff must be what the fix engine produces for the page's own
 * "Wrong" example, byte for byte (run with UPDATE_DOC_DIFFS=1 to rewrite the pages' diffs from the code).
 */
import fs from 'node:fs';
import path from 'node:path';
import { lintSources } from '../../src/engine/index.js';
import { applyFixes, unifiedDiff } from '../../src/fix/index.js';
import type { Config } from '../../src/model/index.js';
import { config } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

const PAGES: { rule: string; config?: Partial<Config>; unsafe?: boolean }[] = [
  { rule: 'eip-misplaced' },
  { rule: 'eip-not-string' },
  { rule: 'eip-invalid-value' },
  { rule: 'eip-unknown-key' },
  // The page's example is under egress: auto, where the fix is unsafe.
  { rule: 'eip-missing', unsafe: true },
  // The page's example has a NAT gateway in the scanned Terraform; here the config says so.
  { rule: 'eip-redundant', config: { natGateway: 'present' }, unsafe: true },
  // The page's config gives the CronJob egress: none.
  { rule: 'eip-unexpected', config: { egress: 'none' }, unsafe: true },
];

function section(page: string, heading: string): string {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`no "## ${heading}" section`);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

function blocks(text: string, language: string): string[] {
  return [...text.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

test.each(PAGES)('docs/rules/$rule.md: the diff in "Fix" is what the fix does to the "Wrong" example', ({ rule, config: overrides, unsafe }) => {
  const file = path.join(ROOT, 'docs', 'rules', `${rule}.md`);
  const page = fs.readFileSync(file, 'utf8');
  const wrong = blocks(section(page, 'Wrong'), 'yaml').filter((b) => /^kind:/m.test(b)).pop()!;
  const [shown] = blocks(section(page, 'Fix'), 'diff');
  expect(shown).toBeDefined();
  const target = /^--- a\/(.+)$/m.exec(shown)![1];

  const cfg = config(overrides);
  const sources = [{ path: target, text: wrong }];
  const before = lintSources(sources, { config: cfg });
  expect(before.findings.some((f) => f.ruleId === rule && f.fix)).toBe(true);
  const out = applyFixes(sources, before.findings.filter((f) => f.ruleId === rule), { config: cfg, unsafeRules: unsafe ? [rule] : [] });
  expect(out.files[0].failed).toEqual([]);
  const produced = unifiedDiff(target, wrong, out.files[0].fixed);

  if (process.env.UPDATE_DOC_DIFFS) fs.writeFileSync(file, page.replace('```diff\n' + shown + '```', '```diff\n' + produced + '```'));
  else expect(shown).toBe(produced);
});
