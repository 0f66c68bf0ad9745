import type { ClusterMode, EciProfileSelector, NamespaceInfo, Workload } from '../model/index.js';
import { BURST_ANNOTATION, ECI_POD_LABEL, VIRTUAL_KUBELET_TOLERATION } from './eci-keys.js';

export interface EciDecision {
  eci: boolean;
  /** Why, in words for a message: "the cluster is ACK Serverless", "it tolerates virtual-kubelet" … */
  reason: string;
}

export function podLabels(workload: Workload): Record<string, string> {
  return Object.fromEntries((workload.pod?.labels ?? []).map((e) => [e.key, e.value]));
}

export function podAnnotationValue(workload: Workload, key: string): string | undefined {
  return workload.pod?.annotations.find((e) => e.key === key)?.value;
}

function subset(wanted: Record<string, string>, have: Record<string, string> | undefined): boolean {
  return Object.entries(wanted).every(([k, v]) => have?.[k] === v);
}

/**
 * The selectors by one of the labels each requires (its first `objectLabels` entry), so that a workload is only
 * compared with the selectors that can match it: a scan with many selectors and many workloads stays near-linear.
 */
class SelectorIndex {
  /** Selectors without object labels: every pod is a candidate. */
  private readonly anyPod: number[] = [];
  private readonly byLabel = new Map<string, number[]>();

  constructor(readonly selectors: readonly EciProfileSelector[]) {
    selectors.forEach((selector, i) => {
      const first = Object.entries(selector.objectLabels)[0];
      if (!first) {
        this.anyPod.push(i);
        return;
      }
      const key = labelKey(first[0], first[1]);
      const list = this.byLabel.get(key);
      if (list) list.push(i);
      else this.byLabel.set(key, [i]);
    });
  }

  /** The positions of the selectors that may match pods with these labels, in the profile's order. */
  candidates(labels: Record<string, string>): number[] {
    const found = [...this.anyPod];
    for (const [key, value] of Object.entries(labels)) {
      const list = this.byLabel.get(labelKey(key, value));
      if (list) found.push(...list);
    }
    return found.length > this.anyPod.length ? found.sort((a, b) => a - b) : found;
  }
}

function labelKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** One index per list of selectors: the engine passes the same list for every workload of a scan. */
const indexes = new WeakMap<readonly EciProfileSelector[], SelectorIndex>();

/** The eci-profile selectors that match the workload's pods, in the profile's order (DOMAIN: ECI profile). */
export function matchingSelectors(
  workload: Workload,
  selectors: readonly EciProfileSelector[],
  namespace: NamespaceInfo | undefined,
): EciProfileSelector[] {
  if (selectors.length === 0) return [];
  let index = indexes.get(selectors);
  if (!index) {
    index = new SelectorIndex(selectors);
    indexes.set(selectors, index);
  }
  const labels = podLabels(workload);
  const out: EciProfileSelector[] = [];
  for (const i of index.candidates(labels)) {
    const s = selectors[i];
    if (Object.keys(s.namespaceLabels).length > 0 && !subset(s.namespaceLabels, namespace?.labels)) continue;
    if (subset(s.objectLabels, labels)) out.push(s);
  }
  return out;
}

/**
 * Whether the pods of a workload run on ECI. In an ACK Serverless cluster every pod does (but DaemonSets
 * never run on ECI); with virtual nodes only the pods sent there by label, scheduling, annotation or the
 * eci-profile do.
 */
export function decideEci(
  workload: Workload,
  cluster: ClusterMode,
  namespace: NamespaceInfo | undefined,
  selectors: readonly EciProfileSelector[],
): EciDecision {
  if (!workload.pod) return { eci: false, reason: `a ${workload.kind} has no pods` };
  if (workload.eciByConstruction) return { eci: true, reason: workload.eciByConstruction };
  if (workload.kind === 'DaemonSet') return { eci: false, reason: 'DaemonSet pods never run on ECI' };
  if (cluster === 'serverless') return { eci: true, reason: 'every pod of an ACK Serverless cluster runs on ECI' };

  const label = podLabels(workload)[ECI_POD_LABEL];
  if (label !== undefined) {
    return label === 'true'
      ? { eci: true, reason: `its pod template has the label ${ECI_POD_LABEL}: "true"` }
      : { eci: false, reason: `its pod template has the label ${ECI_POD_LABEL}: "${label}"` };
  }
  if (namespace?.labels[ECI_POD_LABEL] === 'true') {
    return { eci: true, reason: `its namespace ${namespace.name} has the label ${ECI_POD_LABEL}: "true"` };
  }
  const s = workload.scheduling;
  const tolerates = s.tolerationKeys.some((k) => k === VIRTUAL_KUBELET_TOLERATION || k === '');
  const selectsVirtualNode =
    s.nodeSelector.type === 'virtual-kubelet' || (s.nodeAffinityIn.type ?? []).includes('virtual-kubelet');
  if (selectsVirtualNode && tolerates) return { eci: true, reason: 'it is scheduled onto virtual-kubelet nodes' };
  if (s.nodeName === 'virtual-kubelet') return { eci: true, reason: 'its nodeName is virtual-kubelet' };
  const burst = podAnnotationValue(workload, BURST_ANNOTATION);
  if (burst === 'eci' || burst === 'eci_only') {
    return { eci: true, reason: `its pod template has ${BURST_ANNOTATION}: ${burst}` };
  }
  const selector = matchingSelectors(workload, selectors, namespace)[0];
  if (selector) return { eci: true, reason: `the eci-profile selector "${selector.name}" matches it` };
  return { eci: false, reason: 'nothing sends its pods to a virtual node (cluster: virtual-node)' };
}
