import { RULES } from '../rules/index.js';

/** --list-rules: every rule with its default severity, its fix (safe, unsafe or none) and its page. */
export function rulesReport(format: 'text' | 'json'): string {
  const rows = RULES.map((r) => ({
    id: r.meta.id,
    defaultSeverity: r.meta.defaultSeverity,
    fix: r.meta.fix,
    appliesTo: r.meta.appliesTo,
    description: r.meta.docs.description,
    docs: r.meta.docs.url,
  }));
  if (format === 'json') return JSON.stringify({ version: 1, rules: rows }, null, 2) + '\n';
  const idWidth = Math.max(...rows.map((r) => r.id.length)) + 2;
  const fixWidth = Math.max(...rows.map((r) => r.fix.length)) + 2;
  const lines = [`${'rule'.padEnd(idWidth)}${'severity'.padEnd(10)}${'fix'.padEnd(fixWidth)}description`];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(idWidth)}${r.defaultSeverity.padEnd(10)}${r.fix.padEnd(fixWidth)}${r.description}`);
    lines.push(`${' '.repeat(idWidth + 10 + fixWidth)}${r.docs}`);
  }
  lines.push('', `${rows.length} rules. The severity is the default; the config's rules: or --rule <id>=<severity|off> changes it.`);
  if (rows.some((r) => r.fix === 'per-finding')) {
    lines.push('A per-finding fix is safe or unsafe by the finding: eip-missing\'s is safe under egress: eip and unsafe under egress: auto.');
  }
  return lines.join('\n') + '\n';
}
