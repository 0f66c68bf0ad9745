import type { CostReport, PriceKey, Range, WorkloadCost, WorkloadCostChange } from '../model/index.js';
import { amountRange, bandwidthLabel, chargeTypeLabel, countRange, money, round2, signedRange } from '../cost/format.js';
import { BREAK_EVEN_LIMIT } from '../cost/formulas.js';
import { PRICE_KEYS } from '../cost/pricing.js';

/** Whether a report has a cost worth a table: a workload with an EIP in the head or the base. */
export function hasCostTable(cost: CostReport | undefined): cost is CostReport {
  return cost !== undefined && (cost.workloads.length > 0 || (cost.base?.workloads.length ?? 0) > 0);
}

const cents = (range: Range) => ({ min: round2(range.min), max: round2(range.max) });

/** A row of the cost table: the head's workload, or with a base its change. */
export interface CostRow {
  workload: WorkloadCost;
  before?: WorkloadCost;
  after?: WorkloadCost;
  change?: WorkloadCostChange;
}

export function costRows(cost: CostReport): CostRow[] {
  if (!cost.changes) return cost.workloads.map((w) => ({ workload: w, after: w }));
  return cost.changes.map((c) => ({ workload: (c.head ?? c.base)!, before: c.base, after: c.head, change: c }));
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

function workloadJson(w: WorkloadCost) {
  return {
    file: w.file,
    kind: w.kind,
    name: w.name,
    namespace: w.namespace,
    pods: w.pods ?? null,
    chargeType: w.chargeType ?? null,
    bandwidthMbps: w.bandwidthMbps ?? null,
    eip: w.eip,
    perPod: w.perPod === undefined ? null : round2(w.perPod),
    monthly: w.monthly ? cents(w.monthly) : null,
    ...(w.unknown !== undefined ? { unknown: w.unknown } : {}),
    ...(w.region !== undefined ? { region: w.region } : {}),
  };
}

/**
 * The `cost` object of the JSON report (docs/cost.md): amounts in the report's currency, rounded to cents
 * (totals are rounded once, from the unrounded amounts).
 */
export function costJson(cost: CostReport) {
  const workloads = cost.changes
    ? cost.changes.map((c) => {
        const head = c.head
          ? workloadJson(c.head)
          : { ...workloadJson(c.base!), pods: { min: 0, max: 0 }, perPod: 0, monthly: { min: 0, max: 0 }, unknown: undefined };
        return {
          ...head,
          status: c.status,
          base: c.base ? { file: c.base.file, pods: c.base.pods ?? null, monthly: c.base.monthly ? cents(c.base.monthly) : null } : null,
          change: c.change ? cents(c.change) : null,
        };
      })
    : cost.workloads.map(workloadJson);
  const values = Object.fromEntries(PRICE_KEYS.map((k) => [k, cost.pricing.prices[k]])) as Record<PriceKey, number>;
  return {
    region: cost.pricing.region,
    currency: cost.pricing.currency,
    prices: { asOf: cost.pricing.asOf, source: cost.pricing.source, overridden: cost.pricing.overridden, values },
    assumptions: cost.assumptions,
    workloads,
    total: cents(cost.total),
    unknownWorkloads: cost.unknownWorkloads,
    ...(cost.base && cost.change
      ? { base: { total: cents(cost.base.total), unknownWorkloads: cost.base.unknownWorkloads }, change: cents(cost.change) }
      : {}),
    natAlternative: { monthly: round2(cost.natAlternative.monthly), pods: cost.natAlternative.pods },
    breakEvenPods: cost.breakEvenPods,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sentences shared by text and markdown (`esc` escapes strings from the repository and the config)

type Escape = (text: string) => string;

function workloadName(w: WorkloadCost, esc: Escape): string {
  return `${esc(w.kind)} ${w.namespace ? `${esc(w.namespace)}/` : ''}${esc(w.name || '(unnamed)')}`;
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
  return w.monthly ? amountRange(w.monthly) : 'unknown';
}

function changeCell(row: CostRow): string {
  if (!row.change) return '';
  if (!row.change.change) return 'unknown';
  return signedRange(row.change.change);
}

function natSentence(cost: CostReport): string {
  const c = cost.pricing.currency;
  const nat = cost.natAlternative;
  const line = `One NAT gateway with one EIP for the same ${nat.pods} pod${nat.pods === 1 ? '' : 's'}: ${money(nat.monthly, c)} a month.`;
  const perPod = money(cost.breakEvenPerPod, c);
  const breakEven =
    cost.breakEvenPods === null
      ? ` Per-pod EIPs (${perPod} a pod a month) stay cheaper up to ${BREAK_EVEN_LIMIT.toLocaleString('en-US')} pods: no break-even.`
      : ` Break-even: from ${cost.breakEvenPods} pod${cost.breakEvenPods === 1 ? '' : 's'} (at ${perPod} a pod a month) the NAT gateway costs no more than per-pod EIPs.`;
  return line + breakEven;
}

function footnote(cost: CostReport, esc: Escape): string {
  const p = cost.pricing;
  const a = cost.assumptions;
  const date = p.asOf ? `list prices of ${esc(p.asOf)}` : 'prices from the config';
  const overridden = p.overridden.length > 0 && p.asOf ? `; from the config: ${p.overridden.join(', ')}` : '';
  return (
    `Region ${esc(p.region)}, ${p.currency}, ${date} (${esc(p.source)}${overridden}). ` +
    `Assumed: g = ${a.trafficGbPerPod} GB of egress per pod a month; w = ${a.waiveEciConfigFee ? 0 : 1} ` +
    `(the EIP configuration fee is ${a.waiveEciConfigFee ? 'waived' : 'charged'} for EIPs on ECI pods); ` +
    `${a.chargeType} and ${a.bandwidthMbps} Mbps where a pod does not say; ${a.hoursPerMonth} hours a month. ` +
    `Each pod runs all month (Jobs and CronJobs included); workloads of unknown cost are not in the totals.`
  );
}

function unknownLines(cost: CostReport, esc: Escape): string[] {
  const rows = costRows(cost).flatMap((r) => [r.after, r.before]).filter((w): w is WorkloadCost => !!w && w.unknown !== undefined);
  const seen = new Set<WorkloadCost>();
  return rows
    .filter((w) => !seen.has(w) && seen.add(w))
    .map((w) => `${workloadName(w, esc)} (${esc(w.file)}): ${esc(w.unknown!)}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// Text

function table(rows: string[][], rightAligned: Set<number>): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - [...cell].length);
        return rightAligned.has(i) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** The cost section of the text report: a table, the NAT alternative and the footnote. */
export function costText(cost: CostReport): string[] {
  const c = cost.pricing.currency;
  const plain: Escape = (t) => t;
  const withBase = cost.changes !== undefined;
  const header = withBase
    ? ['workload', 'file', 'pods', 'charge type', 'bandwidth', 'before', 'after', 'change']
    : ['workload', 'file', 'pods', 'charge type', 'bandwidth', 'monthly'];
  const rows = costRows(cost).map((row) => {
    const w = row.workload;
    const cells = [workloadName(w, plain), w.file, podsCell(row), chargeTypeLabel(w), bandwidthLabel(w)];
    return withBase ? [...cells, moneyCell(row.before), moneyCell(row.after), changeCell(row)] : [...cells, moneyCell(row.after)];
  });
  const total = withBase
    ? ['total', '', '', '', '', amountRange(cost.base!.total), amountRange(cost.total), signedRange(cost.change!)]
    : ['total', '', '', '', '', amountRange(cost.total)];
  const right = withBase ? new Set([2, 5, 6, 7]) : new Set([2, 5]);
  const out = [`EIP cost a month (${c}):`, ...table([header, ...rows, total], right).map((l) => `  ${l}`)];
  const unknown = unknownLines(cost, plain);
  if (unknown.length > 0) out.push('Cost not known (not in the totals):', ...unknown.map((l) => `  ${l}`));
  out.push(natSentence(cost), footnote(cost, plain));
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/** The cost section of the Markdown report. Every string from the repository or the config goes through `esc`. */
export function costMarkdown(cost: CostReport, esc: Escape): string[] {
  const c = cost.pricing.currency;
  const withBase = cost.changes !== undefined;
  const out = ['', `### EIP cost a month (${c})`, ''];
  if (withBase) {
    out.push('| workload | file | pods | charge type | bandwidth | before | after | change |', '| --- | --- | ---: | --- | --- | ---: | ---: | ---: |');
  } else {
    out.push('| workload | file | pods | charge type | bandwidth | monthly |', '| --- | --- | ---: | --- | --- | ---: |');
  }
  for (const row of costRows(cost)) {
    const w = row.workload;
    const cells = [workloadName(w, esc), esc(w.file), podsCell(row), chargeTypeLabel(w), bandwidthLabel(w)];
    const money = withBase ? [moneyCell(row.before), moneyCell(row.after), changeCell(row)] : [moneyCell(row.after)];
    out.push(`| ${[...cells, ...money].join(' | ')} |`);
  }
  if (withBase) {
    out.push(`| **total** | | | | | **${amountRange(cost.base!.total)}** | **${amountRange(cost.total)}** | **${signedRange(cost.change!)}** |`);
  } else {
    out.push(`| **total** | | | | | **${amountRange(cost.total)}** |`);
  }
  const unknown = unknownLines(cost, esc);
  if (unknown.length > 0) out.push('', 'Cost not known (not in the totals):', '', ...unknown.map((l) => `- ${l}`));
  out.push('', natSentence(cost), '', `<sub>${footnote(cost, esc)}</sub>`);
  return out;
}
