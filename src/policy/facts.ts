import { minimatch } from 'minimatch';
import type {
  Config,
  EciProfileSelector,
  EgressPolicy,
  Evidence,
  MapEntry,
  NamespaceInfo,
  NatFact,
  Workload,
  WorkloadMatch,
} from '../model/index.js';
import { EIP_INSTANCE_ID, WITH_EIP } from './eci-keys.js';
import { decideEci, matchingSelectors, podLabels, type EciDecision } from './eci-pods.js';
import { egressEvidence } from './evidence.js';

export interface NatDecision {
  present: boolean;
  /** "config", or the infrastructure resource that decided it. */
  decidedBy: 'config' | 'default' | NatFact;
  /** Set when no resource gives egress but one might (an unresolved Terraform value): no finding rests on absence. */
  unknown?: string;
}

/** What the whole scan knows beyond one workload. */
export interface ScanFacts {
  config: Config;
  nat: NatDecision;
  namespaces: Map<string, NamespaceInfo>;
  selectors: EciProfileSelector[];
}

/** A pod annotation as the pod will see it: written in its template, or injected by the eci-profile. */
export interface EffectiveAnnotation {
  value: string;
  /** The written entry, when the annotation is in the pod template. */
  entry?: MapEntry;
  /** The eci-profile selector that injects it, when it is not written. */
  injectedBy?: string;
}

/** Everything the rules need to know about one workload, decided once. */
export interface WorkloadFacts {
  eci: EciDecision;
  egress: EgressPolicy;
  podAnnotations: Map<string, EffectiveAnnotation>;
  /** `eci-with-eip` is "true" on the pod (written or injected). */
  autoEip: boolean;
  /** An existing EIP is bound by id. */
  existingEip: boolean;
  evidence: Evidence[];
  /** The most pods that may run at once, or why it is not known. */
  maxPods: { value?: number; unknown?: string; why: string };
  /**
   * Why the pod's EIP keys are not all known (an unresolved Terraform value or map): rules that conclude that
   * a key is missing stay quiet.
   */
  unresolved?: string;
}

export function decideNat(config: Config, facts: readonly NatFact[]): NatDecision {
  if (config.natGateway !== 'auto') return { present: config.natGateway === 'present', decidedBy: 'config' };
  const present = facts.find((f) => f.present);
  if (present) return { present: true, decidedBy: present };
  const unknown = facts.find((f) => f.unknown);
  if (unknown) return { present: false, decidedBy: unknown, unknown: unknown.unknown };
  return { present: false, decidedBy: 'default' };
}

export function workloadFacts(workload: Workload, scan: ScanFacts): WorkloadFacts {
  const namespace = scan.namespaces.get(workload.namespace);
  const eci = decideEci(workload, scan.config.cluster, namespace, scan.selectors);

  const podAnnotations = new Map<string, EffectiveAnnotation>();
  if (workload.pod) {
    for (const selector of matchingSelectors(workload, scan.selectors, namespace)) {
      for (const [key, value] of Object.entries(selector.annotations)) {
        if (!podAnnotations.has(key)) podAnnotations.set(key, { value, injectedBy: selector.name });
      }
    }
    // What the template writes wins over what the profile injects.
    for (const entry of workload.pod.annotations) podAnnotations.set(entry.key, { value: entry.value, entry });
  }
  const withEip = podAnnotations.get(WITH_EIP);
  const instance = podAnnotations.get(EIP_INSTANCE_ID);
  const unresolvedEntry = [withEip, instance].find((a) => a?.entry?.valueType === 'unknown')?.entry;
  const unresolved =
    workload.pod?.unresolved ?? (unresolvedEntry ? `the value of ${unresolvedEntry.label ?? unresolvedEntry.key} is not known` : undefined);
  return {
    eci,
    egress: egressPolicyFor(workload, scan.config),
    podAnnotations,
    autoEip: withEip !== undefined && withEip.value === 'true',
    existingEip: instance !== undefined && instance.value.trim() !== '',
    evidence: workload.pod ? egressEvidence(workload) : [],
    maxPods: maxPods(workload),
    ...(unresolved ? { unresolved } : {}),
  };
}

export function egressPolicyFor(workload: Workload, config: Config): EgressPolicy {
  for (const rule of config.workloads) if (matches(rule.match, workload)) return rule.egress;
  return config.egress;
}

function glob(pattern: string | undefined, value: string): boolean {
  return pattern === undefined || minimatch(value, pattern, { dot: true });
}

function matches(match: WorkloadMatch, workload: Workload): boolean {
  if (!glob(match.path, workload.file) || !glob(match.kind, workload.kind)) return false;
  if (!glob(match.name, workload.name) || !glob(match.namespace, workload.namespace)) return false;
  if (match.labels) {
    const objectLabels = Object.fromEntries((workload.objectMetadata[0]?.labels ?? []).map((e) => [e.key, e.value]));
    const labels = { ...objectLabels, ...podLabels(workload) };
    if (!Object.entries(match.labels).every(([k, v]) => labels[k] === v)) return false;
  }
  return true;
}

function maxPods(workload: Workload): WorkloadFacts['maxPods'] {
  const one = podsOfOne(workload);
  const instances = workload.instances;
  if (!instances || one.unknown) return one;
  if (instances.unknown) return { unknown: instances.unknown, why: instances.what ?? 'count' };
  const n = instances.value ?? 1;
  if (n === 1) return one;
  const what = instances.what ?? 'count';
  return { value: (one.value ?? 1) * n, why: one.value === 1 ? `${what}: ${n}` : `${one.why}, times ${what} ${n}` };
}

/** The most pods one copy of the workload may run at once (Terraform's count and for_each aside). */
function podsOfOne(workload: Workload): WorkloadFacts['maxPods'] {
  switch (workload.kind) {
    case 'Pod':
      return { value: 1, why: 'a Pod' };
    case 'Job':
    case 'CronJob':
      if (workload.parallelism.unknown) return { unknown: workload.parallelism.unknown, why: 'parallelism' };
      return { value: workload.parallelism.value ?? 1, why: `parallelism: ${workload.parallelism.value ?? '1 (default)'}` };
  }
  if (workload.autoscaler) {
    const max = workload.autoscaler.max;
    if (max.unknown) return { unknown: max.unknown, why: `the HorizontalPodAutoscaler ${workload.autoscaler.name}` };
    if (max.value !== undefined) {
      return { value: max.value, why: `the HorizontalPodAutoscaler ${workload.autoscaler.name} scales it to ${max.value}` };
    }
  }
  const what = workload.replicas.what ?? 'replicas';
  if (workload.replicas.unknown) return { unknown: workload.replicas.unknown, why: what };
  return { value: workload.replicas.value ?? 1, why: `${what}: ${workload.replicas.value ?? '1 (default)'}` };
}
