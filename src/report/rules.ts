import { RULES } from '../rules/index.js';
import { DOCS_URL } from '../version.js';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_URL}/rules/${id}.md`;
}

/** --list-rules: every rule with its default severity, its fix (safe, unsafe or none) and its page. */
export function rulesReport(format: 'text' | 'json'): string {
  const rows = RULES.map((r) => ({
    id: r.meta.id,
    defaultSeverity: r.meta.defaultSeverity,
    fix: r.meta.fix,
    appliesTo: r.meta.appliesTo,
    description: r.meta.description,
    docs: ruleDocsUrl(r.meta.id),
  }));
  if (format === 'json') return JSON.stringify({ version: 1, rules: rows }, null, 2) + '\n';
  const idWidth = Math.max(...rows.map((r) => r.id.length)) + 2;
  const lines = [`${'rule'.padEnd(idWidth)}${'severity'.padEnd(10)}${'fix'.padEnd(8)}description`];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(idWidth)}${r.defaultSeverity.padEnd(10)}${r.fix.padEnd(8)}${r.description}`);
    lines.push(`${' '.repeat(idWidth + 18)}${r.docs}`);
  }
  lines.push('', `${rows.length} rules. The severity is the default; the config's rules: or --rule <id>=<severity|off> changes it.`);
  return lines.join('\n') + '\n';
}
