import type { Severity } from '../model/index.js';
import type { LintResult } from '../engine.js';
import { fixTextLines, type FixSummary } from '../fix/report.js';
import { countFindings, groupByFile, plural } from './summary.js';
import { natLines, unresolvedLines, UNRESOLVED_HEADING } from './infrastructure.js';
import { costText, hasCostTable } from './cost.js';

export interface TextOptions {
  color: boolean;
  fixes?: FixSummary;
}

const STYLES = { red: '31', yellow: '33', blue: '34', dim: '2', bold: '1', underline: '4', green: '32' } as const;

/** Findings grouped by file, as people read them in a terminal. */
export function textReport(result: LintResult, options: TextOptions): string {
  const paint = (style: keyof typeof STYLES, text: string) =>
    options.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text;
  const severityColor: Record<Severity, keyof typeof STYLES> = { error: 'red', warning: 'yellow', notice: 'blue' };
  const out: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push(paint('underline', file));
    for (const f of findings) {
      const where = `${f.span.line}:${f.span.column}`.padEnd(8);
      const severity = paint(severityColor[f.severity], f.severity.padEnd(8));
      out.push(`  ${paint('dim', where)}${severity}${f.message}  ${paint('dim', f.ruleId)}`);
      if (f.fix) out.push(`  ${' '.repeat(16)}${paint('dim', `fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}`)}`);
    }
    out.push('');
  }
  const counts = countFindings(result);
  const scanned = result.files.filter((f) => f.status === 'scanned').length;
  const parts = [
    plural(counts.error, 'error'),
    plural(counts.warning, 'warning'),
    plural(counts.notice, 'notice'),
  ].join(', ');
  if (counts.total === 0) {
    out.push(paint('green', `No problems found in ${plural(scanned, 'file')}.`));
  } else {
    out.push(paint('bold', `${plural(counts.total, 'problem')} (${parts}) in ${plural(scanned, 'scanned file')}.`));
  }
  if (counts.fixable > 0) out.push(`${plural(counts.fixable, 'finding')} can be fixed safely (fix: safe).`);
  if (counts.suppressed > 0) {
    out.push(`${plural(counts.suppressed, 'finding')} suppressed:`);
    for (const s of result.suppressed) {
      out.push(`  ${s.finding.file}:${s.finding.span.line} ${s.finding.ruleId} (${s.source}): ${s.reason}`);
    }
  }
  out.push(...natLines(result));
  const unresolved = unresolvedLines(result);
  if (unresolved.total > 0) {
    out.push(`${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}:`);
    for (const u of unresolved.lines) out.push(`  ${u.file}:${u.line} ${u.text}`);
    if (unresolved.more > 0) out.push(`  … and ${unresolved.more} more (all of them are in --format json).`);
  }
  if (result.base?.hidden) out.push(`Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`);
  if (hasCostTable(result.cost)) out.push('', ...costText(result.cost));
  if (options.fixes) out.push('', ...fixTextLines(options.fixes));
  return out.join('\n') + '\n';
}
