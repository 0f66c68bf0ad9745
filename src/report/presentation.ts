import type { CostReport, Finding, LintResult, Range, Severity, WorkloadCost } from '../model/index.js';
import { amountRange, BREAK_EVEN_LIMIT, countRange, money, natAlternativeMonthly, signedRange } from '../cost/index.js';
import { SEVERITY_RANK } from '../model/index.js';
import { costRows, hasCostTable, type CostRow } from './cost.js';
import { plural } from './summary.js';

/**
 * The presentation model: what every human-facing surface (text, Markdown, the job summary, the check run and
 * the pull-request comment) says, decided once, so that the surfaces agree by construction. It holds plain
 * strings; repository strings stay raw here and each renderer escapes them once, for its own medium.
 */

/** Who reads the report: the command line (`--fix`) or the action (`fix:` input). */
export type Surface = 'cli' | 'action';

export interface PresentOptions {
  surface: Surface;
  /** The fail-on level; the verdict follows it (default error). */
  failOn?: Severity | 'never';
  /** The action's `fix` input: how fixable findings get fixed there. */
  fixMode?: 'off' | 'suggest' | 'commit';
}

export type Verdict = 'clear' | 'pass' | 'fail';

export interface Headline {
  verdict: Verdict;
  /** `All clear`, `Passes with findings`, `Fails`. */
  verdictWords: string;
  /** The non-zero counts, worst first: `2 errors, 1 warning`; `no problems` when there are none. */
  counts: string;
  /** Errors and warnings: notices are not problems. */
  problems: number;
  /** Notices other than the files that were not scanned. */
  notices: number;
  scanned: number;
  /** Files that were not scanned (the skipped-file notices), counted apart from the findings. */
  notScanned: number;
  fixable: number;
  /** `3 findings can be fixed safely: run with --fix`, or the action's wording; undefined when none can. */
  fixHint?: string;
  /** `EIP cost USD 1.17 → 3.51 a month (+2.34)`, with unknowns counted and left out. */
  cost?: string;
}

const SKIPPED_FILE = 'skipped-file';

function failsAt(findings: Finding[], failOn: Severity | 'never'): boolean {
  return failOn !== 'never' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

function fixHint(fixable: number, options: PresentOptions): string | undefined {
  if (fixable === 0) return undefined;
  const what = `${plural(fixable, 'finding')} can be fixed safely`;
  if (options.surface === 'cli') return `${what}: run with --fix`;
  if (options.fixMode === 'suggest') return `${what}: fix: suggest offers them as suggested changes`;
  if (options.fixMode === 'commit') return `${what}: fix: commit commits them to the branch`;
  return `${what}: set the action's input fix: suggest (review suggestions) or fix: commit`;
}

export function headline(result: LintResult, options: PresentOptions): Headline {
  const by = (s: Severity) => result.findings.filter((f) => f.severity === s && f.ruleId !== SKIPPED_FILE).length;
  const errors = by('error');
  const warnings = by('warning');
  const notices = by('notice');
  const notScanned = new Set(result.findings.filter((f) => f.ruleId === SKIPPED_FILE).map((f) => f.file)).size;
  const parts = [
    errors ? plural(errors, 'error') : '',
    warnings ? plural(warnings, 'warning') : '',
    notices ? plural(notices, 'notice') : '',
  ].filter(Boolean);
  const failed = failsAt(result.findings, options.failOn ?? 'error');
  const verdict: Verdict = failed ? 'fail' : result.findings.length > 0 ? 'pass' : 'clear';
  const fixable = result.findings.filter((f) => f.fix?.safe).length;
  return {
    verdict,
    verdictWords: { clear: 'All clear', pass: 'Passes with findings', fail: 'Fails' }[verdict],
    counts: parts.length > 0 ? parts.join(', ') : 'no problems',
    problems: errors + warnings,
    notices,
    scanned: result.files.filter((f) => f.status === 'scanned').length,
    notScanned,
    fixable,
    fixHint: fixHint(fixable, options),
    cost: hasCostTable(result.cost) ? costHeadline(result.cost) : undefined,
  };
}

/** `36 scanned files; 1 file not scanned` — what the counts are about. */
export function filesPhrase(h: Headline): string {
  return `${plural(h.scanned, 'scanned file')}${h.notScanned ? `; ${plural(h.notScanned, 'file')} not scanned` : ''}`;
}

/** Findings worst first, then by file and position: the order of every list. */
export function orderedFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.span.line - b.span.line ||
      a.span.column - b.span.column,
  );
}

export function fixLabel(f: Finding): string | undefined {
  return f.fix ? `fix (${f.fix.safe ? 'safe' : 'unsafe'}): ${f.fix.description}` : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Cost

/** `2.50` or `2.50 + 1 unknown`: a total never includes an unknown cost, and says how many it leaves out. */
function sideTotal(total: Range, unknown: number): string {
  return `${amountRange(total)}${unknown > 0 ? ` + ${unknown} unknown` : ''}`;
}

function changeOf(cost: CostReport): string {
  if (cost.change) return signedRange(cost.change);
  const n = cost.unknownChanges ?? 0;
  return `change: n/a, ${plural(n, 'workload')} unknown`;
}

/**
 * `EIP cost USD 1.17 → 3.51 a month (+2.34)`; without a base `EIP cost USD 3.51 a month`; unknown costs are
 * counted and left out (`USD 1.17 → 0.00 + 1 unknown a month (change: n/a, 1 workload unknown)`).
 */
export function costHeadline(cost: CostReport): string {
  const c = cost.pricing.currency;
  const existing = cost.workloads.filter((w) => w.eip === 'existing').length;
  const elsewhere = existing > 0 ? `; existing EIPs of ${plural(existing, 'workload')} billed elsewhere` : '';
  if (cost.base) {
    return `EIP cost ${c} ${sideTotal(cost.base.total, cost.base.unknownWorkloads)} → ${sideTotal(cost.total, cost.unknownWorkloads)} a month (${changeOf(cost)})${elsewhere}`;
  }
  return `EIP cost ${c} ${sideTotal(cost.total, cost.unknownWorkloads)} a month${elsewhere}`;
}

/** How a workload is named: `Deployment shop/web`; a Terraform address that already holds its type is not repeated. */
export function workloadLabel(w: Pick<WorkloadCost, 'kind' | 'namespace' | 'name'>): string {
  const name = `${w.namespace ? `${w.namespace}/` : ''}${w.name || '(unnamed)'}`;
  return w.name.startsWith(`${w.kind}.`) ? name : `${w.kind} ${name}`;
}

/** One row of the cost table, every cell decided; `workload` and `file` are raw repository strings. */
export interface CostLine {
  workload: string;
  file: string;
  line: number;
  pods: string;
  chargeType: string;
  bandwidth: string;
  /** With a base. */
  before?: string;
  after: string;
  change?: string;
  /** Why the cost is not known, when it is not. */
  unknown?: string;
  /** The row's weight in money (its change with a base, else its cost); undefined when unknown. */
  amount?: Range;
}

export interface CostView {
  currency: string;
  withBase: boolean;
  /** Most money first; unknown costs last. */
  lines: CostLine[];
  total: { before?: string; after: string; change?: string };
  /** The NAT alternative and its break-even; undefined when no pod gets an auto EIP. */
  nat?: string;
  /** How the cost is estimated: prices, their source and age, and the assumptions. */
  pricing: string[];
}

function podsCell(row: CostRow): string {
  const pods = (w: WorkloadCost | undefined) => (!w ? '0' : w.pods ? countRange(w.pods) : '?');
  if (!row.change) return pods(row.after);
  const before = pods(row.before);
  const after = pods(row.after);
  return before === after ? after : `${before} → ${after}`;
}

function moneyCell(w: WorkloadCost | undefined): string {
  if (!w) return '—';
  if (w.eip === 'existing' && w.monthly) return 'billed elsewhere';
  return w.monthly ? amountRange(w.monthly) : 'unknown';
}

function chargeCell(w: WorkloadCost): string {
  if (w.eip === 'existing') return 'existing EIP';
  const type = w.chargeType ?? '?';
  return w.eip === 'bandwidth-plan' ? `${type}, bandwidth plan` : type;
}

function bandwidthCell(w: WorkloadCost): string {
  if (w.eip === 'existing') return '';
  if (w.bandwidthMbps === undefined) return '?';
  // PayByTraffic bills the traffic: the bandwidth only caps it, and a plan bills its own.
  if (w.eip === 'bandwidth-plan') return `${w.bandwidthMbps} Mbps (plan)`;
  return w.chargeType === 'PayByTraffic' ? `${w.bandwidthMbps} Mbps (cap)` : `${w.bandwidthMbps} Mbps`;
}

function natSentence(cost: CostReport): string | undefined {
  const c = cost.pricing.currency;
  const nat = cost.natAlternative;
  if (nat.pods === 0) return undefined;
  const perPod = money(cost.breakEvenPerPod, c);
  const line = `One NAT gateway with one EIP for the same ${plural(nat.pods, 'pod')}: ${money(nat.monthly, c)} a month.`;
  if (cost.breakEvenPods === null) {
    // Either the NAT gateway's traffic costs more per pod than an EIP (it never pays off), or it pays off only
    // past the largest pod count the search tries.
    const p = cost.pricing.prices;
    const never = cost.breakEvenPerPod <= natAlternativeMonthly(p, cost.assumptions, 1) - natAlternativeMonthly(p, cost.assumptions, 0);
    return never
      ? `${line} Per-pod EIPs (${perPod} a pod a month) stay cheaper at any number of pods: each pod's traffic through the NAT gateway costs more than its EIP.`
      : `${line} Per-pod EIPs (${perPod} a pod a month) stay cheaper: the NAT gateway pays off only past ${BREAK_EVEN_LIMIT.toLocaleString('en-US')} pods.`;
  }
  return `${line} From ${plural(cost.breakEvenPods, 'pod')} on (at ${perPod} a pod a month) the NAT gateway costs no more than per-pod EIPs.`;
}

/** The day pay-by-traffic EIP traffic began to be billed by CDT (Cloud Data Transfer). */
const CDT_SINCE = '2024-12-17';

/** `5 years old`, `8 months old`: how old the price table's prices are. */
export function ageText(months: number): string {
  if (months < 12) return `${months} month${months === 1 ? '' : 's'} old`;
  const years = Math.floor(months / 12);
  return `${months % 12 === 0 ? '' : 'over '}${years} year${years === 1 ? '' : 's'} old`;
}

/**
 * How old the table's prices are, and that they predate CDT: since 2024-12-17 pay-by-traffic EIP traffic is
 * billed by CDT at tiered prices (docs/cost.md). Empty when every price comes from the config.
 */
function ageSentence(p: CostReport['pricing']): string {
  if (p.asOf === null || typeof p.ageMonths !== 'number') return '';
  const beforeCdt = p.asOf < CDT_SINCE ? `, from before EIP traffic was billed by CDT (${CDT_SINCE})` : '';
  return ` These prices are ${ageText(p.ageMonths)}${beforeCdt}.`;
}

/** What the free traffic allowance saved, when there is one. */
function freeTrafficSentence(cost: CostReport): string | undefined {
  const free = cost.freeTraffic;
  if (!free) return undefined;
  const gb = (r: Range) => (r.min === r.max ? `${r.max}` : `${r.min}–${r.max}`);
  return (
    `Free traffic: ${gb(free.used)} of the account's ${free.gb} GB a month (pricing.free-traffic-gb) cover pay-by-traffic BGP EIP traffic, ` +
    `${amountRange(free.credit)} ${cost.pricing.currency} less; the total is net of it.`
  );
}

function pricingNotes(cost: CostReport): string[] {
  const p = cost.pricing;
  const a = cost.assumptions;
  const date = p.asOf ? `list prices of ${p.asOf}` : 'prices from the config';
  const overridden = p.overridden.length > 0 && p.asOf ? `; from the config: ${p.overridden.join(', ')}` : '';
  const free = freeTrafficSentence(cost);
  return [
    ...(free ? [free] : []),
    `Region ${p.region}, ${p.currency}, ${date} (${p.source}${overridden}).${ageSentence(p)}`,
    `Assumed: g = ${a.trafficGbPerPod} GB of egress per pod a month; w = ${a.waiveEciConfigFee ? 0 : 1} ` +
      `(the EIP configuration fee is ${a.waiveEciConfigFee ? 'waived' : 'charged'} for EIPs on ECI pods); ` +
      `${a.chargeType} and ${a.bandwidthMbps} Mbps where a pod does not say; ${a.hoursPerMonth} hours a month` +
      `${a.freeTrafficGb > 0 ? `; ${a.freeTrafficGb} GB of free traffic a month for the account` : ''}. Each pod runs all month (Jobs and CronJobs included).`,
    'A PayByTraffic EIP is billed by its traffic: its bandwidth (cap) does not change its cost. An existing EIP bound by id is billed whether or not a pod uses it, so it is billed elsewhere and adds nothing here.',
    'Workloads of unknown cost are counted and left out of every total and change.',
  ];
}

function weight(r?: Range): number {
  return r ? Math.max(Math.abs(r.min), Math.abs(r.max)) : -1;
}

export function costView(cost: CostReport): CostView {
  const withBase = cost.changes !== undefined;
  const lines: CostLine[] = costRows(cost).map((row) => {
    const w = row.workload;
    const unknown = [row.after, row.before].find((x) => x?.unknown !== undefined)?.unknown;
    const amount = withBase ? row.change?.change : row.after?.monthly;
    return {
      workload: workloadLabel(w),
      file: w.file,
      line: w.span.line,
      pods: podsCell(row),
      chargeType: chargeCell(w),
      bandwidth: bandwidthCell(w),
      ...(withBase ? { before: moneyCell(row.before), change: row.change?.change ? signedRange(row.change.change) : 'n/a' } : {}),
      after: moneyCell(row.after),
      ...(unknown !== undefined ? { unknown } : {}),
      ...(amount ? { amount } : {}),
    };
  });
  lines.sort((a, b) => weight(b.amount) - weight(a.amount));
  const total = withBase
    ? {
        before: sideTotal(cost.base!.total, cost.base!.unknownWorkloads),
        after: sideTotal(cost.total, cost.unknownWorkloads),
        change: cost.change ? signedRange(cost.change) : `n/a, ${plural(cost.unknownChanges ?? 0, 'workload')} unknown`,
      }
    : { after: sideTotal(cost.total, cost.unknownWorkloads) };
  return { currency: cost.pricing.currency, withBase, lines, total, nat: natSentence(cost), pricing: pricingNotes(cost) };
}

/** `and 12 more workloads (+USD 30.00; 1 unknown)`: what a capped table leaves out, in money. */
export function moreRows(view: CostView, left: CostLine[]): string {
  const sum = { min: 0, max: 0 };
  let unknown = 0;
  for (const l of left) {
    if (!l.amount) unknown++;
    else {
      sum.min += l.amount.min;
      sum.max += l.amount.max;
    }
  }
  const signed = view.withBase ? signedRange(sum) : `+${amountRange(sum)}`;
  // `+USD 30.00`; a range keeps its signs on the numbers: `USD +1.00–+5.00`.
  const single = /^([+-]?)([^–]*)$/.exec(signed);
  const money = single ? `${single[1]}${view.currency} ${single[2]}` : `${view.currency} ${signed}`;
  const knownNone = unknown === left.length;
  const parts = [knownNone ? '' : money, unknown > 0 ? `${unknown} unknown` : ''].filter(Boolean).join('; ');
  return `and ${plural(left.length, 'more workload')}${parts ? ` (${parts})` : ''}`;
}
