import type { Config, LintResult, ReadResult, Workload } from '../model/index.js';
import { decideNat, type ScanFacts } from '../policy/facts.js';

/** An HPA turns its target's replicas into a range; it must be in the same namespace. */
export function linkAutoscalers(reads: readonly ReadResult[], workloads: readonly Workload[]): void {
  for (const hpa of reads.flatMap((r) => r.autoscalers)) {
    const target = workloads.find(
      (w) => w.kind === hpa.target.kind && w.name === hpa.target.name && w.namespace === hpa.namespace,
    );
    if (target) target.autoscaler = { min: hpa.min, max: hpa.max, file: hpa.file, span: hpa.span, name: hpa.name };
  }
}

/**
 * What the rules know of the whole scan besides the workload they judge: the NAT decision, the namespaces, the
 * eci-profile selectors and, with a base, the base's workloads.
 */
export function gatherScanFacts(config: Config, reads: readonly ReadResult[], base: Pick<LintResult, 'workloads'> | undefined): ScanFacts {
  const natFacts = reads.flatMap((r) => r.natFacts);
  return {
    config,
    nat: decideNat(config, natFacts),
    natFacts,
    namespaces: new Map(reads.flatMap((r) => r.namespaces).map((n) => [n.name, n])),
    selectors: reads.flatMap((r) => r.profiles.flatMap((p) => p.selectors)),
    ...(base ? { base: { workloads: base.workloads } } : {}),
  };
}
