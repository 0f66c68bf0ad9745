import type { FixSummary, LintResult, Severity } from '../model/index.js';
import { ruleById } from '../rules/index.js';
import { fixTextLines } from './fixes.js';
import { groupByFile, plural } from './summary.js';
import { natLines, unresolvedLines, UNRESOLVED_HEADING } from './infrastructure.js';
import { costView, fixLabel, headline, type CostView, type PresentOptions } from './presentation.js';

export interface TextOptions {
  color: boolean;
  fixes?: FixSummary;
  /** Columns to fit: the terminal's width, 100 when the output is not a terminal. */
  width?: number;
  /** Who reads the report (the command line unless said): the verdict and the fix hint follow it. */
  presentation?: PresentOptions;
}

/** The width when the output is not a terminal (a file, a pipe, a CI log). */
export const DEFAULT_WIDTH = 100;
/** Below this a terminal is taken as this wide: a narrower one gets one word a line at best. */
const MIN_WIDTH = 60;

const STYLES = { red: '31', yellow: '33', blue: '34', dim: '2', bold: '1', underline: '4', green: '32' } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof STYLES> = { error: 'red', warning: 'yellow', notice: 'blue' };

/** Where a finding's message starts: `  12:5    warning  `. */
const MESSAGE_COLUMN = 19;

const length = (s: string) => [...s].length;

/** Words onto lines of at most `width` columns; a word longer than a line is cut into pieces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (length(rest) > width) {
      if (line) lines.push(line);
      line = '';
      lines.push([...rest].slice(0, width).join(''));
      rest = [...rest].slice(width).join('');
    }
    if (!rest) continue;
    if (!line) line = rest;
    else if (length(line) + 1 + length(rest) <= width) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** `text` wrapped to `width` with every line after the first indented by `indent` (and the first by `first`). */
function hanging(text: string, width: number, indent: number, first = indent): string[] {
  return wrap(text, width - indent).map((l, i) => `${' '.repeat(i === 0 ? first : indent)}${l}`);
}

/** Cuts a cell to `max` columns with an ellipsis in the middle, so that both ends stay readable. */
function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return '…';
  const head = Math.ceil((max - 1) / 2);
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - (max - 1 - head)).join('')}`;
}

function table(rows: string[][], right: Set<number>): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => length(r[i] ?? ''))));
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - length(cell));
        return right.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The cost table within `width` columns: the file beside the workload when it fits, else on a line of its own
 * under it; a workload name too long for what is left is shortened in the middle.
 */
function costTable(view: CostView, width: number): string[] {
  const money = view.withBase ? ['before', 'after', 'change'] : ['monthly'];
  const moneyCells = (l: { before?: string; after: string; change?: string }) => (view.withBase ? [l.before!, l.after, l.change!] : [l.after]);
  const total = ['total', '', '', '', ...moneyCells(view.total)];
  const rows = view.lines.map((l) => [l.workload, l.pods, l.chargeType, l.bandwidth, ...moneyCells(l)]);
  const files = view.lines.map((l) => `${l.file}:${l.line}`);
  const header = ['workload', 'pods', 'charge type', 'bandwidth', ...money];
  const right = new Set([1, ...money.map((_, i) => 4 + i)]);
  const indent = 2;

  const oneLine = table(
    [[header[0], 'file', ...header.slice(1)], ...rows.map((r, i) => [r[0], files[i], ...r.slice(1)]), [total[0], '', ...total.slice(1)]],
    new Set([...right].map((i) => i + 1)),
  );
  if (Math.max(...oneLine.map(length)) + indent <= width) return oneLine.map((l) => ' '.repeat(indent) + l);

  // Two lines a workload: the table without the file, the file under the workload's name.
  const others = table([header.slice(1), ...rows.map((r) => r.slice(1)), total.slice(1)], new Set([...right].map((i) => i - 1)));
  const othersWidth = Math.max(...others.map(length));
  const nameWidth = Math.max(8, width - indent - 2 - othersWidth);
  const cut = [header, ...rows, total].map((r) => [shorten(r[0], nameWidth), ...r.slice(1)]);
  const lines = table(cut, right).map((l) => ' '.repeat(indent) + l);
  const out = [lines[0]];
  rows.forEach((_, i) => out.push(lines[i + 1], `${' '.repeat(indent + 2)}${shorten(files[i], width - indent - 2)}`));
  out.push(lines[lines.length - 1]);
  return out;
}

function costSection(view: CostView, width: number): string[] {
  const out = [`EIP cost by workload (${view.currency} a month):`, ...costTable(view, width)];
  const unknown = view.lines.filter((l) => l.unknown !== undefined);
  if (unknown.length > 0) {
    out.push('Cost not known (left out of every total):');
    for (const l of unknown) out.push(...hanging(`${l.workload} (${l.file}): ${l.unknown!}.`, width, 4, 2));
  }
  if (view.nat) out.push(...wrap(view.nat, width));
  out.push('How the cost is estimated:');
  for (const note of view.pricing) out.push(...hanging(note, width, 4, 2));
  return out;
}

/** Findings grouped by file, as people read them in a terminal, then the cost, then the counts and what to do. */
export function textReport(result: LintResult, options: TextOptions): string {
  const width = Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH);
  const paint = (style: keyof typeof STYLES, text: string) => (options.color ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  for (const [file, findings] of groupByFile(result.findings)) {
    out.push(...wrap(file, width).map((l) => paint('underline', l)));
    for (const f of findings) {
      const where = `${f.span.line}:${f.span.column}`.padEnd(8);
      const lines = wrap(f.message, width - MESSAGE_COLUMN);
      // The rule id ends the last line, two spaces apart (and dimmed), or has a line of its own.
      const last = lines.length - 1;
      if (length(lines[last]) + 2 + f.ruleId.length <= width - MESSAGE_COLUMN) lines[last] += `  ${paint('dim', f.ruleId)}`;
      else lines.push(paint('dim', f.ruleId));
      lines.forEach((l, i) => {
        const lead = i === 0 ? `  ${paint('dim', where)}${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(9))}` : ' '.repeat(MESSAGE_COLUMN);
        out.push(lead + l);
      });
      const fix = fixLabel(f);
      if (fix) out.push(...hanging(fix, width, MESSAGE_COLUMN).map((l) => paint('dim', l)));
    }
    out.push('');
  }

  const h = headline(result, options.presentation ?? { surface: 'cli' });
  if (result.suppressed.length > 0) {
    out.push(`${plural(result.suppressed.length, 'finding')} suppressed:`);
    for (const s of result.suppressed) {
      out.push(...hanging(`${s.finding.file}:${s.finding.span.line} ${s.finding.ruleId} (${s.source}): ${s.reason}`, width, 4, 2));
    }
  }
  for (const line of natLines(result)) out.push(...wrap(line, width));
  const unresolved = unresolvedLines(result);
  if (unresolved.total > 0) {
    out.push(`${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}:`);
    for (const u of unresolved.lines) out.push(...hanging(`${u.file}:${u.line} ${u.text}`, width, 4, 2));
    if (unresolved.more > 0) out.push(`  … and ${unresolved.more} more (all of them are in --format json).`);
  }
  if (result.base?.hidden) out.push(`Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`);
  // One blank line between sections, never two.
  const gap = () => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  if (result.cost && h.cost) {
    gap();
    out.push(...costSection(costView(result.cost), width));
  }
  if (options.fixes) {
    gap();
    out.push(...fixTextLines(options.fixes).flatMap((l) => hanging(l.trimStart(), width, 4, l.length - l.trimStart().length)));
  }

  const rules = [...new Set(result.findings.map((f) => f.ruleId))];
  if (rules.length > 0) {
    gap();
    out.push('Rule docs:', ...rules.map((id) => `  ${ruleById(id)!.meta.docs.url}`));
  }

  // The counts close the report, where the eye lands after the run.
  gap();
  const notScanned = h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : '';
  const notices = h.notices ? `; ${plural(h.notices, 'notice')}` : '';
  if (h.problems === 0) {
    out.push(paint('green', `No problems found in ${plural(h.scanned, 'file')}${notScanned}${notices}.`));
  } else {
    const kinds = h.counts.split(', ').filter((c) => !c.endsWith('notice') && !c.endsWith('notices')).join(', ');
    out.push(paint('bold', `${plural(h.problems, 'problem')} (${kinds}) in ${plural(h.scanned, 'scanned file')}${notScanned}${notices}.`));
  }
  if (h.fixHint) out.push(`${h.fixHint}.`);
  if (h.cost) out.push(...wrap(`${h.cost}.`, width));
  return out.join('\n') + '\n';
}
