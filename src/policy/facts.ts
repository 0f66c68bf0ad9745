import { minimatch, Minimatch } from 'minimatch';
import type {
  ClusterRule,
  Config,
  EciProfileSelector,
  EgressPolicy,
  Evidence,
  MapEntry,
  NamespaceInfo,
  NatDecision,
  NatFact,
  NetworkPlace,
  Workload,
  WorkloadMatch,
} from '../model/index.js';
import { EIP_INSTANCE_ID, WITH_EIP } from './eci-keys.js';
import { decideEci, matchingSelectors, podLabels, type EciDecision } from './eci-pods.js';
import { egressEvidence } from './evidence.js';

/** What the whole scan knows beyond one workload. */
export interface ScanFacts {
  config: Config;
  /** The NAT decision for the Kubernetes manifests that no `clusters:` entry decides. */
  nat: NatDecision;
  /** Every NAT fact of the scanned infrastructure code; each speaks only for the workloads in its scope. */
  natFacts: readonly NatFact[];
  namespaces: Map<string, NamespaceInfo>;
  selectors: EciProfileSelector[];
  /** With a base (`--base`, a pull request): the base's workloads, for the rules that judge a change. */
  base?: { workloads: readonly Workload[] };
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
  /** Whether a NAT gateway gives this workload's pods egress, and what decided it. */
  nat: NatDecision;
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

/**
 * The NAT decision for Kubernetes manifests (which cluster runs a manifest is not written in it): the config's
 * `nat-gateway`, else the scan's NAT facts when they all belong to one cluster or VPC, else unknown.
 */
export function decideNat(config: Config, facts: readonly NatFact[]): NatDecision {
  if (config.natGateway !== 'auto') return { present: config.natGateway === 'present', decidedBy: 'config' };
  // Only the facts that may give egress count: a cluster without NAT does not make the manifests ambiguous.
  const networks = new Map<string, NatFact[]>();
  for (const fact of facts) {
    if (!fact.present && !fact.unknown) continue;
    const key = networkKey(fact.place);
    const list = networks.get(key);
    if (list) list.push(fact);
    else networks.set(key, [fact]);
  }
  if (networks.size > 1) {
    const candidates = [...networks.values()].map((list) => list.find((f) => f.present) ?? list[0]);
    const named = candidates.slice(0, 3).map((f) => `${f.resource} (${f.file}:${f.span.line})`).join(', ');
    const more = candidates.length > 3 ? ` and ${candidates.length - 3} more` : '';
    return {
      present: false,
      decidedBy: 'several',
      unknown: `the scan holds ${candidates.length} clusters or VPCs with internet egress (${named}${more}), and which one runs the Kubernetes manifests is not written in them`,
      candidates,
    };
  }
  return decideAmong(facts);
}

/** The decision among facts that all speak for the same workloads: present wins, then unknown, else absent. */
function decideAmong(facts: readonly NatFact[]): NatDecision {
  const present = facts.find((f) => f.present);
  if (present) return { present: true, decidedBy: present };
  const unknown = facts.find((f) => f.unknown);
  if (unknown) return { present: false, decidedBy: unknown, unknown: unknown.unknown };
  return { present: false, decidedBy: 'default' };
}

/** One cluster or VPC: the VPC when the references name it, else the folder. */
function networkKey(place: NetworkPlace): string {
  return place.vpc ? `vpc\u0000${place.vpc}` : `folder\u0000${place.folder}`;
}

/**
 * Whether a NAT fact speaks for a Terraform workload: the same VPC (and, when the fact's SNAT entries name their
 * vSwitches, the workload's vSwitches among them) when the references say so, else the same folder. Never a
 * workload of another folder whose network is not known.
 */
export function natCovers(fact: NetworkPlace, workload: NetworkPlace): boolean {
  const inVswitches = () => workload.vswitches!.length > 0 && workload.vswitches!.every((v) => fact.vswitches!.includes(v));
  if (fact.vpc && workload.vpc) {
    if (fact.vpc !== workload.vpc) return false;
    return fact.vswitches && workload.vswitches ? inVswitches() : true;
  }
  if (fact.vswitches && workload.vswitches) return inVswitches();
  return fact.folder === workload.folder;
}

/** The first `clusters:` entry whose path glob matches the workload's file. */
/** The `clusters:` globs, compiled once per config: the entry is looked up several times for every workload. */
const CLUSTER_GLOBS = new WeakMap<Config, Minimatch[]>();

export function clusterRuleFor(workload: Workload, config: Config): { rule: ClusterRule; index: number } | undefined {
  let globs = CLUSTER_GLOBS.get(config);
  if (!globs) CLUSTER_GLOBS.set(config, (globs = config.clusters.map((c) => new Minimatch(c.path, { dot: true }))));
  const index = globs.findIndex((glob) => glob.match(workload.file));
  return index === -1 ? undefined : { rule: config.clusters[index], index };
}

/**
 * Whether a NAT gateway gives a workload's pods egress: its `clusters:` entry, else the top-level `nat-gateway`,
 * else the NAT facts in its scope (Terraform) or the scan's decision for manifests.
 */
export function natFor(workload: Workload, scan: Pick<ScanFacts, 'config' | 'nat' | 'natFacts'>): NatDecision {
  const entry = clusterRuleFor(workload, scan.config);
  const setting = entry?.rule.natGateway;
  if (setting && setting !== 'auto') return { present: setting === 'present', decidedBy: 'config', clusterEntry: entry.index };
  if (scan.config.natGateway !== 'auto' && !setting) return { present: scan.config.natGateway === 'present', decidedBy: 'config' };
  const network = workload.network;
  if (!network) return scan.nat.decidedBy === 'config' ? manifestsAuto(scan.config, scan.natFacts) : scan.nat;
  return decideAmong(candidateFacts(scan.natFacts, network).filter((f) => natCovers(f.place, network)));
}

const MANIFESTS_AUTO = new WeakMap<readonly NatFact[], NatDecision>();

/** The `auto` decision for manifests, for a `clusters:` entry that asks for it when the top level does not. */
function manifestsAuto(config: Config, facts: readonly NatFact[]): NatDecision {
  let decision = MANIFESTS_AUTO.get(facts);
  if (!decision) MANIFESTS_AUTO.set(facts, (decision = decideNat({ ...config, natGateway: 'auto' }, facts)));
  return decision;
}

interface NatIndex {
  order: Map<NatFact, number>;
  byVpc: Map<string, NatFact[]>;
  byVswitch: Map<string, NatFact[]>;
  byFolder: Map<string, NatFact[]>;
}

const NAT_INDEX = new WeakMap<readonly NatFact[], NatIndex>();

function push(map: Map<string, NatFact[]>, key: string, fact: NatFact): void {
  const list = map.get(key);
  if (list) list.push(fact);
  else map.set(key, [fact]);
}

/**
 * The facts that may cover a place (every fact that natCovers accepts shares its VPC, a vSwitch or its folder), in
 * their order in the scan: the work per workload stays proportional to the facts near it.
 */
function candidateFacts(facts: readonly NatFact[], place: NetworkPlace): NatFact[] {
  let index = NAT_INDEX.get(facts);
  if (!index) {
    index = { order: new Map(facts.map((f, i) => [f, i])), byVpc: new Map(), byVswitch: new Map(), byFolder: new Map() };
    for (const fact of facts) {
      if (fact.place.vpc) push(index.byVpc, fact.place.vpc, fact);
      for (const vswitch of fact.place.vswitches ?? []) push(index.byVswitch, vswitch, fact);
      push(index.byFolder, fact.place.folder, fact);
    }
    NAT_INDEX.set(facts, index);
  }
  const found = new Set<NatFact>([
    ...(place.vpc ? (index.byVpc.get(place.vpc) ?? []) : []),
    ...(place.vswitches?.[0] ? (index.byVswitch.get(place.vswitches[0]) ?? []) : []),
    ...(index.byFolder.get(place.folder) ?? []),
  ]);
  const order = index.order;
  return [...found].sort((a, b) => order.get(a)! - order.get(b)!);
}

export function workloadFacts(workload: Workload, scan: ScanFacts): WorkloadFacts {
  const namespace = scan.namespaces.get(workload.namespace);
  const cluster = clusterRuleFor(workload, scan.config)?.rule.cluster ?? scan.config.cluster;
  const eci = decideEci(workload, cluster, namespace, scan.selectors);

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
    nat: natFor(workload, scan),
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
