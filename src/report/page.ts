import type { Finding, LintResult, Severity } from '../model/index.js';
import { ruleById } from '../rules/index.js';
import { escapeMarkdown } from './escape.js';
import { natLines, unresolvedLines, UNRESOLVED_HEADING } from './infrastructure.js';
import {
  costView,
  filesPhrase,
  fixLabel,
  headline,
  moreRows,
  orderedFindings,
  type CostLine,
  type CostView,
  type Headline,
  type PresentOptions,
} from './presentation.js';
import { plural } from './summary.js';

/**
 * The Markdown page of a run, one layout for the Markdown report, the job summary, the check run and the
 * pull-request comment: the headline first, then the findings as one list, then the cost table, then how the cost
 * is estimated, then the details, then one link to the full report. Every repository string passes through
 * escapeMarkdown exactly once, here.
 */

export interface PageLinks {
  /** A file, and a line in it, at the commit the findings are about (the pull request's head). */
  file(file: string, line?: number): string;
  /** The workflow run, whose job summary has the full report. */
  run?: string;
}

export interface PageInput {
  result: LintResult;
  options: PresentOptions;
  /** Without links (the Markdown format of the command line) files are plain text. */
  links?: PageLinks;
  /** What was scanned, in words (`the 4 files pull request #12 changes`); raw, escaped here. */
  scope?: string;
  /** More sections, already Markdown with their repository strings escaped (fixes, notices). */
  extra?: string[];
}

/** The comment budget: GitHub refuses bodies of 65,536 characters or more. */
export const COMMENT_LIMIT = 65_000;
/** Cost rows in a budgeted page; the rest are summed in one line. */
const COST_ROWS = 10;
/** A cost table longer than this is collapsed. */
const OPEN_COST_ROWS = 5;
/** A single message in a budgeted page is cut at this length; the job summary has it whole. */
const MESSAGE_LIMIT = 2_000;

const VERDICT_ICON = { clear: ':white_check_mark:', pass: ':warning:', fail: ':x:' } as const;
const SEVERITY_ICON: Record<Severity, string> = { error: ':x:', warning: ':warning:', notice: ':information_source:' };

/** What a budgeted page shows; each step of the budget takes some away. */
interface Shown {
  pricing: boolean;
  details: boolean;
  costRows: number;
  findings: number;
}

/** The headline: verdict and counts, how to fix, the cost; lines joined with hard breaks into one block. */
export function headlineMarkdown(h: Headline, options: PresentOptions, scope?: string): string {
  const failOn = options.surface === 'action' && h.verdict !== 'clear' ? ` (fail-on: ${options.failOn ?? 'error'})` : '';
  // With a scope line below, the file count is said there, once.
  const files = scope ? (h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : '') : ` in ${filesPhrase(h)}`;
  const lines = [`${VERDICT_ICON[h.verdict]} **eci-egress-lint: ${h.verdictWords}**: ${h.counts}${files}${failOn}.`];
  if (h.fixHint) lines.push(`${h.fixHint.replace(/(--fix|fix: \w+)/g, '`$1`')}.`);
  if (h.cost) lines.push(`${h.cost}.`);
  return lines.join('\\\n');
}

/** `Scanned 1 of the 2 files pull request #42 changes.` — never a second count that seems to contradict the first. */
export function scopeLine(h: Headline, scope: string): string {
  const total = h.scanned + h.notScanned;
  const listed = /^the (\d+) files /.exec(scope);
  const text = !listed ? `Scanned ${plural(total, 'file')}: ${scope}.` : Number(listed[1]) === total ? `Scanned ${scope}.` : `Scanned ${total} of ${scope}.`;
  return `<sub>${escapeMarkdown(text)}</sub>`;
}

function where(f: Finding, links?: PageLinks): string {
  const text = `${escapeMarkdown(f.file)}#L${f.span.line}`;
  return links ? `[${text}](${links.file(f.file, f.span.line)})` : `${escapeMarkdown(f.file)}:${f.span.line}:${f.span.column}`;
}

export function findingItem(f: Finding, links: PageLinks | undefined, cut: boolean): string {
  const message = cut && f.message.length > MESSAGE_LIMIT ? `${f.message.slice(0, MESSAGE_LIMIT)}…` : f.message;
  const fix = fixLabel(f);
  return (
    `- ${SEVERITY_ICON[f.severity]} ${where(f, links)} [\`${f.ruleId}\`](${ruleById(f.ruleId)!.meta.docs.url}): ${escapeMarkdown(message)}` +
    (fix ? ` _${escapeMarkdown(fix.charAt(0).toUpperCase() + fix.slice(1))}._` : '')
  );
}

/** The findings as one list, worst first; `shown` of them, with a line for the rest. */
export function findingsMarkdown(findings: Finding[], links: PageLinks | undefined, shown: number, cut: boolean): string[] {
  const ordered = orderedFindings(findings);
  const out = ordered.slice(0, shown).map((f) => findingItem(f, links, cut));
  const left = ordered.length - shown;
  if (left > 0) out.push(`- … and ${plural(left, 'more finding')}, left out to fit: the full report lists every one.`);
  return out;
}

function costTable(view: CostView, lines: CostLine[], left: CostLine[], links?: PageLinks): string[] {
  const head = view.withBase
    ? ['| workload | file | pods | charge type | bandwidth | before | after | change |', '| --- | --- | ---: | --- | --- | ---: | ---: | ---: |']
    : ['| workload | file | pods | charge type | bandwidth | monthly |', '| --- | --- | ---: | --- | --- | ---: |'];
  const rows = lines.map((l) => {
    const file = links ? `[${escapeMarkdown(l.file)}#L${l.line}](${links.file(l.file, l.line)})` : escapeMarkdown(l.file);
    const money = view.withBase ? [l.before!, l.after, l.change!] : [l.after];
    return `| ${[escapeMarkdown(l.workload), file, l.pods, l.chargeType, l.bandwidth, ...money].join(' | ')} |`;
  });
  const empty = view.withBase ? 7 : 5;
  if (left.length > 0) rows.push(`| ${moreRows(view, left)} |${' |'.repeat(empty)}`);
  const total = view.withBase ? [view.total.before!, view.total.after, view.total.change!] : [view.total.after];
  rows.push(`| **total** | | | | | ${total.map((t) => `**${t}**`).join(' | ')} |`);
  return [...head, ...rows];
}

function costSection(view: CostView, shownRows: number, links?: PageLinks): string[] {
  const lines = view.lines.slice(0, shownRows);
  const left = view.lines.slice(shownRows);
  const body: string[] = [];
  if (lines.length > 0) body.push(...costTable(view, lines, left, links));
  else body.push(`The rows of the ${plural(left.length, 'workload')} are left out here; the full report has them.`);
  const unknown = lines.filter((l) => l.unknown !== undefined);
  if (unknown.length > 0) {
    body.push('', 'Cost not known (left out of every total):', '');
    for (const l of unknown) body.push(`- ${escapeMarkdown(l.workload)} (${escapeMarkdown(l.file)}): ${escapeMarkdown(l.unknown!)}.`);
  }
  if (view.nat) body.push('', view.nat);
  const summary = `EIP cost by workload (${plural(view.lines.length, 'workload')}, ${view.currency} a month)`;
  if (view.lines.length <= OPEN_COST_ROWS) return [`**${summary}**`, '', ...body];
  return [`<details><summary>${summary}</summary>`, '', ...body, '', '</details>'];
}

function pricingSection(view: CostView): string[] {
  return ['<details><summary>How the cost is estimated</summary>', '', ...view.pricing.map((p) => escapeMarkdown(p)).flatMap((p) => [p, '']), '</details>'];
}

function detailSections(result: LintResult): string[][] {
  const sections: string[][] = [];
  const nat = natLines(result);
  if (nat.length > 0) sections.push(nat.map((line) => escapeMarkdown(line)).flatMap((line, i) => (i === 0 ? [line] : ['', line])));
  const unresolved = unresolvedLines(result);
  if (unresolved.total > 0) {
    const lines = unresolved.lines.map((u) => `- ${escapeMarkdown(u.file)}:${u.line} ${escapeMarkdown(u.text)}`);
    if (unresolved.more > 0) lines.push(`- … and ${unresolved.more} more (all of them are in the JSON report).`);
    sections.push([`<details><summary>${plural(unresolved.total, 'value')} ${UNRESOLVED_HEADING}</summary>`, '', ...lines, '', '</details>']);
  }
  if (result.base?.hidden) sections.push([`Not shown (new only): ${plural(result.base.hidden, 'finding')} that the base also has.`]);
  if (result.suppressed.length > 0) {
    const by = (source: string) => result.suppressed.filter((s) => s.source === source).length;
    const how = ['comment', 'annotation', 'config'].filter((s) => by(s) > 0).map((s) => `${by(s)} by ${s}`).join(', ');
    const lines = result.suppressed.map(
      (s) => `- ${escapeMarkdown(s.finding.file)}:${s.finding.span.line} \`${s.finding.ruleId}\` (${s.source}): ${escapeMarkdown(s.reason)}`,
    );
    sections.push([`<details><summary>${plural(result.suppressed.length, 'suppressed finding')} (${how})</summary>`, '', ...lines, '', '</details>']);
  }
  const skipped = result.files.filter((f) => f.status === 'skipped');
  if (skipped.length > 0) {
    const lines = skipped.map((f) => `- ${escapeMarkdown(f.path)}: ${escapeMarkdown(f.reason ?? '')}`);
    sections.push([`<details><summary>${plural(skipped.length, 'file')} not scanned</summary>`, '', ...lines, '', '</details>']);
  }
  return sections;
}

function render(input: PageInput, shown: Shown, budgeted: boolean, leftOut?: string): string {
  const { result, options, links } = input;
  const h = headline(result, options);
  const blocks: string[] = [headlineMarkdown(h, options, input.scope)];
  if (input.scope) blocks.push(scopeLine(h, input.scope));
  if (result.findings.length > 0) blocks.push(findingsMarkdown(result.findings, links, shown.findings, budgeted).join('\n'));
  const view = result.cost && h.cost ? costView(result.cost) : undefined;
  if (view) {
    blocks.push(costSection(view, shown.costRows, links).join('\n'));
    if (shown.pricing) blocks.push(pricingSection(view).join('\n'));
  }
  if (shown.details) {
    for (const section of detailSections(result)) blocks.push(section.join('\n'));
    for (const extra of input.extra ?? []) blocks.push(extra);
  }
  if (leftOut) blocks.push(`> [!NOTE]\n> ${leftOut}`);
  if (budgeted) {
    blocks.push(
      links?.run
        ? `[Full report](${links.run}): every finding and the whole cost table, in the job summary of the workflow run.`
        : 'Full report: every finding and the whole cost table, in the job summary of the workflow run.',
    );
  }
  return blocks.join('\n\n') + '\n';
}

/** The whole page: every finding, the whole cost table and every detail (the job summary, the Markdown format). */
export function fullPage(input: PageInput): string {
  return render(input, { pricing: true, details: true, costRows: Infinity, findings: Infinity }, false);
}

/**
 * The page within `limit` characters (the comment): the cost table capped at ten rows, then, while it is too
 * long, without the pricing notes, then without the details, then with fewer cost rows, then with fewer
 * findings (never none), saying what was left out and where it is.
 */
export function budgetedPage(input: PageInput, limit = COMMENT_LIMIT, reserve = 0): string {
  const total = input.result.findings.length;
  const rows = input.result.cost ? costView(input.result.cost).lines.length : 0;
  const shown: Shown = { pricing: true, details: true, costRows: Math.min(COST_ROWS, rows), findings: total };
  const hasCost = rows > 0;
  const hasDetails = detailSections(input.result).length > 0 || (input.extra ?? []).length > 0;
  const fits = (s: Shown) => render(input, s, true, note(s)).length + reserve <= limit;
  const note = (s: Shown) => {
    const parts = [
      s.pricing || !hasCost ? '' : 'how the cost is estimated',
      s.details || !hasDetails ? '' : 'the details (suppressed findings, files not scanned, fixes)',
      s.costRows < Math.min(COST_ROWS, rows) ? plural(Math.min(COST_ROWS, rows) - s.costRows, 'cost row') : '',
      s.findings < total ? `${total - s.findings} of ${plural(total, 'finding')}` : '',
    ].filter(Boolean);
    if (parts.length === 0) return undefined;
    return `Left out to stay within GitHub's size limit for a comment: ${parts.join(', ')}. The full report has everything.`;
  };
  const steps: ((s: Shown) => boolean)[] = [
    (s) => (s.pricing ? ((s.pricing = false), true) : false),
    (s) => (s.details ? ((s.details = false), true) : false),
    (s) => (s.costRows > 3 ? ((s.costRows = 3), true) : false),
    (s) => (s.costRows > 0 ? ((s.costRows = 0), true) : false),
  ];
  for (const step of steps) {
    if (fits(shown)) break;
    step(shown);
  }
  if (!fits(shown) && total > 1) {
    // The most findings that fit, never fewer than one.
    let low = 1;
    let high = total;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits({ ...shown, findings: mid })) low = mid;
      else high = mid - 1;
    }
    shown.findings = low;
  }
  return render(input, shown, true, note(shown));
}

/** The check run's title: the verdict and the counts, no Markdown. */
export function checkTitle(h: Headline): string {
  return `${h.verdictWords}: ${h.counts}${h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : ''}`;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text: string;
}

/** GitHub's limit on each of a check run's output texts. */
const CHECK_TEXT_LIMIT = 65_535;

/**
 * The check run's page: the title is the verdict, the summary the headline (with the cost) and what was scanned,
 * the text the findings with links, as many as fit.
 */
export function checkRunOutput(input: PageInput): CheckRunOutput {
  const h = headline(input.result, input.options);
  const summary = [headlineMarkdown(h, input.options, input.scope), ...(input.scope ? [scopeLine(h, input.scope)] : [])].join('\n\n');
  const findings = input.result.findings;
  const text = (shown: number) => (findings.length === 0 ? '' : findingsMarkdown(findings, input.links, shown, true).join('\n') + '\n');
  let shown = findings.length;
  if (text(shown).length > CHECK_TEXT_LIMIT) {
    let low = 1;
    let high = findings.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (text(mid).length <= CHECK_TEXT_LIMIT) low = mid;
      else high = mid - 1;
    }
    shown = low;
  }
  return { title: checkTitle(h), summary, text: text(shown) };
}
