/**
 * A rule is one folder (src/rules/<id>/index.ts and its tests beside it), one docs page (docs/rules/<id>.md, the page
 * every report links to) and one line in RULES; the rule indexes (docs/rules/README.md and the README's table) list
 * every rule in the order of RULES, docs/fixes.md every rule with a fix. Rules reported by the readers (parse-error, skipped-file) judge nothing, so they
 * have no folder: reported-elsewhere.ts declares them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DOCS_URL } from '../version.js';
import { RULES, type Rule, type RuleMeta } from './index.js';
import { parseError, skippedFile } from './reported-elsewhere.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RULES_DIR = path.join(ROOT, 'src', 'rules');

const judges = (rule: Rule) => rule.check !== undefined || rule.checkCost !== undefined;
const ids = (rules: readonly Rule[]) => rules.map((r) => r.meta.id);

/** The rows of the first Markdown table under `heading` (the whole file when undefined), as trimmed cells. */
function tableRows(file: string, heading?: string): string[][] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const from = heading === undefined ? 0 : text.indexOf(`\n${heading}\n`);
  if (from < 0) throw new Error(`${file}: no "${heading}" heading`);
  const lines = text.slice(from).split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines
    .slice(start + 2, end < 0 ? undefined : end)
    .map((l) => l.split('|').slice(1, -1).map((cell) => cell.trim()));
}

/** The rule id a row links to, and the page it links to: `[eip-missing](eip-missing.md)`. */
function linkOf(cell: string): { id: string; page: string } | undefined {
  const m = /^\[([a-z-]+)\]\(([^)]+)\)$/.exec(cell);
  return m ? { id: m[1], page: m[2] } : undefined;
}

/** What a docs table says of a rule's fix agrees with its meta: none, safe, unsafe, or safe or unsafe by the finding. */
function expectFix(meta: RuleMeta, fix: string): void {
  if (meta.fix === 'none') expect(fix).toBe('none');
  else expect(fix).toMatch(meta.fix === 'per-finding' ? /safe.*unsafe/ : new RegExp(`^${meta.fix}\\b`));
}

describe('the rules layout', () => {
  it.each(RULES.filter(judges).map((r) => [r.meta.id, r] as const))('%s: its folder holds index.ts, which exports it, and its tests', async (id, rule) => {
    const folder = path.join(RULES_DIR, id);
    expect(fs.existsSync(path.join(folder, 'index.ts'))).toBe(true);
    expect(fs.existsSync(path.join(folder, `${id}.test.ts`))).toBe(true);
    const module: Record<string, unknown> = await import(`./${id}/index.js`);
    expect(Object.values(module)).toContain(rule);
  });

  it('every folder under src/rules is a rule of RULES, and the rules without one are the ones reported by the readers', () => {
    const folders = fs.readdirSync(RULES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(ids(RULES.filter(judges)).sort());
    expect(RULES.filter((r) => !judges(r))).toEqual([parseError, skippedFile]);
  });

  it.each(RULES.map((r) => [r.meta.id, r] as const))('%s: its docs url is its page in docs/rules, which agrees with its meta', (id, rule) => {
    const { meta } = rule;
    expect(meta.docs.url).toBe(`${DOCS_URL}/rules/${id}.md`);
    const page = path.join('docs', meta.docs.url.slice(DOCS_URL.length + 1));
    expect(fs.readFileSync(path.join(ROOT, page), 'utf8').split('\n')[0]).toBe(`# ${id}`);
    const facts = new Map(tableRows(page).map(([name, value]) => [name, value]));
    expect(facts.get('Default severity')).toContain(meta.defaultSeverity);
    expectFix(meta, facts.get('Fix')!);
    expect(facts.get('Applies to')!.includes('Kubernetes YAML')).toBe(meta.appliesTo.includes('kubernetes'));
    expect(facts.get('Applies to')!.includes('Terraform')).toBe(meta.appliesTo.includes('terraform'));
    expect(meta.docs.description).toMatch(/^[A-Z].*\.$/);
  });

  it('docs/rules holds a page for each rule and no other', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).filter((f) => f !== 'README.md');
    expect(pages.sort()).toEqual(ids(RULES).map((id) => `${id}.md`).sort());
  });

  it.each([
    // The rule index of the docs: id, default severity, fix, what it reports.
    { file: 'docs/rules/README.md', heading: undefined, pagePrefix: '', severity: 1, fix: 2 },
    // The README's rule list: id, default severity, what it reports, fix.
    { file: 'README.md', heading: '## Rules', pagePrefix: 'docs/rules/', severity: 1, fix: 3 },
  ])('$file lists every rule in the order of RULES, with its page, default severity and fix', ({ file, heading, pagePrefix, severity, fix }) => {
    const rows = tableRows(file, heading);
    expect(rows.map((r) => linkOf(r[0])?.id)).toEqual(ids(RULES));
    for (const [i, row] of rows.entries()) {
      const { meta } = RULES[i];
      expect(linkOf(row[0])!.page).toBe(`${pagePrefix}${meta.id}.md`);
      expect(row[severity]).toContain(meta.defaultSeverity);
      expectFix(meta, row[fix]);
    }
  });

  it('docs/fixes.md lists every rule with a fix, in the order of RULES', () => {
    const rows = tableRows('docs/fixes.md');
    const fixable = RULES.filter((r) => r.meta.fix !== 'none');
    expect(rows.map((r) => linkOf(r[0])?.id)).toEqual(ids(fixable));
    for (const [i, row] of rows.entries()) expectFix(fixable[i].meta, row[1]);
  });
});
