import type { LintResult } from '../engine.js';
import { countFindings, groupByFile, plural } from './summary.js';
import { natLines, unresolvedLines, UNRESOLVED_HEADING } from './infrastructure.js';
import { costMarkdown, hasCostTable } from './cost.js';

/**
 * Escapes text from the repository (paths, names, values, messages that quote them) so that it renders
 * as text: no HTML, links, images, tables or @mentions can come from file content.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1')
    .replace(/@/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

/** The findings as Markdown, for the job summary and the pull-request comment. */
export function markdownReport(result: LintResult): string {
  const counts = countFindings(result);
  const out: string[] = ['## eci-egress-lint', ''];
  if (counts.total === 0) {
    out.push(`No problems found in ${plural(result.files.filter((f) => f.status === 'scanned').length, 'file')}.`);
  } else {
    out.push(
      `**${plural(counts.total, 'problem')}**: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ` +
        `${plural(counts.notice, 'notice')}${counts.fixable > 0 ? `; ${counts.fixable} fixable` : ''}.`,
    );
  }
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push('', `### ${escapeMarkdown(file)}`, '', '| line | severity | rule | message |', '| ---: | --- | --- | --- |');
    for (const f of findings) {
      const fix = f.fix ? ` _Fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${escapeMarkdown(f.fix.description)}._` : '';
      out.push(`| ${f.span.line}:${f.span.column} | ${f.severity} | \`${f.ruleId}\` | ${escapeMarkdown(f.message)}${fix} |`);
    }
  }
  for (const line of natLines(result)) out.push('', escapeMarkdown(line));
  const unresolved = unresolvedLines(result);
  if (unresolved.total > 0) {
    out.push('', `<details><summary>${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}</summary>`, '');
    for (const u of unresolved.lines) out.push(`- ${escapeMarkdown(u.file)}:${u.line} ${escapeMarkdown(u.text)}`);
    if (unresolved.more > 0) out.push(`- … and ${unresolved.more} more (all of them are in the JSON report).`);
    out.push('', '</details>');
  }
  if (result.base?.hidden) out.push('', `Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`);
  if (hasCostTable(result.cost)) out.push(...costMarkdown(result.cost, escapeMarkdown));
  if (result.suppressed.length > 0) {
    out.push('', `<details><summary>${plural(result.suppressed.length, 'suppressed finding')}</summary>`, '');
    for (const s of result.suppressed) {
      out.push(`- ${escapeMarkdown(s.finding.file)}:${s.finding.span.line} \`${s.finding.ruleId}\` (${s.source}): ${escapeMarkdown(s.reason)}`);
    }
    out.push('', '</details>');
  }
  const skipped = result.files.filter((f) => f.status === 'skipped');
  if (skipped.length > 0) {
    out.push('', `<details><summary>${plural(skipped.length, 'file')} not scanned</summary>`, '');
    for (const f of skipped) out.push(`- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.reason ?? '')}`);
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}
