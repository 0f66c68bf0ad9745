import type { Config, Finding, RenderedDocument, Workload, WorkloadNat } from '../model/index.js';
import { workloadFacts, type ScanFacts, type WorkloadFacts } from '../policy/facts.js';
import { RULES, ruleById } from '../rules/index.js';
import type { Rule, RuleReport } from '../rules/rule.js';
import { toFinding, uncheckedWorkload } from './findings.js';
import { locateRendered } from './rendered-findings.js';

/** A workload whose policy facts are known: the rules judged it, and the cost stage prices it. */
export interface CheckedWorkload {
  workload: Workload;
  facts: WorkloadFacts;
}

/** What running the workload rules gives the later stages. */
export interface RuleRun {
  /** In the order of the workloads; those whose facts could not be made are left out (a notice says so). */
  checked: CheckedWorkload[];
  /** The rules' findings, located on the lines behind a rendering, and the notices of what threw. */
  findings: Finding[];
  /** The workload each rule finding is about, for its suppression annotations. */
  owners: Map<Finding, Workload>;
  /** The rendered document each finding of a rendered workload came from, for `mergeRenderings`. */
  renderings: Map<Finding, RenderedDocument>;
}

/** The rule stage: every rule that judges one workload, on every workload, except the rules the config turns off. */
export function runWorkloadRules(workloads: readonly Workload[], scan: ScanFacts, documentOf: ReadonlyMap<Workload, RenderedDocument>): RuleRun {
  const run: RuleRun = { checked: [], findings: [], owners: new Map(), renderings: new Map() };
  for (const workload of workloads) {
    const document = documentOf.get(workload);
    // A rule that throws on one workload leaves that workload unchecked (a notice on its file), not the scan.
    const unchecked = (error: unknown, ruleId?: string) => locatedNotice(uncheckedWorkload(workload, error, ruleId), document);
    let facts: WorkloadFacts;
    try {
      facts = workloadFacts(workload, scan);
    } catch (error) {
      run.findings.push(unchecked(error));
      continue;
    }
    run.checked.push({ workload, facts });
    for (const rule of RULES) {
      if (!rule.check || scan.config.rules[rule.meta.id] === 'off') continue;
      const outcome = runRule(rule, { workload, facts }, scan);
      if ('threw' in outcome) {
        run.findings.push(unchecked(outcome.threw, rule.meta.id));
        continue;
      }
      for (const finding of outcome.findings) {
        if (document) {
          locateRendered(finding, document);
          run.renderings.set(finding, document);
        }
        run.owners.set(finding, workload);
        run.findings.push(finding);
      }
    }
  }
  return run;
}

/**
 * A notice about a rendered workload goes on the line behind the workload in the file a person edits; its span in the
 * rendered document means nothing there.
 */
function locatedNotice(notice: Finding, document: RenderedDocument | undefined): Finding {
  if (!document) return notice;
  const where = document.locate(notice.span);
  return { ...notice, file: where.file, span: where.span };
}

/** One rule's findings on one workload, or what the rule threw (then none of its findings count). */
function runRule(rule: Rule, { workload, facts }: CheckedWorkload, scan: ScanFacts): { findings: Finding[] } | { threw: unknown } {
  const findings: Finding[] = [];
  try {
    rule.check!({
      workload,
      facts,
      scan,
      report: (report: RuleReport) => {
        findings.push(toFinding(rule.meta.id, workload, report));
      },
    });
  } catch (error) {
    return { threw: error };
  }
  return { findings };
}

/** The NAT decision of each checked workload that runs pods. */
export function natDecisionsOf(checked: readonly CheckedWorkload[]): WorkloadNat[] {
  return checked.filter(({ workload }) => workload.pod).map(({ workload, facts }) => ({ workload, nat: facts.nat }));
}

/** commonAnnotations and commonLabels as written: only whether their values are strings (docs/charts.md). */
export function checkAsWritten(asWritten: readonly Workload[], scan: ScanFacts, rules: Config['rules']): Finding[] {
  if (rules['eip-not-string'] === 'off') return [];
  const notString = ruleById('eip-not-string')!;
  const findings: Finding[] = [];
  for (const workload of asWritten) {
    notString.check!({
      workload,
      facts: workloadFacts(workload, scan),
      scan,
      report: (report: RuleReport) => findings.push(toFinding('eip-not-string', workload, report)),
    });
  }
  return findings;
}
