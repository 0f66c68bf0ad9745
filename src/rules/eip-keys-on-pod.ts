import type { MapEntry, TextEdit, Workload } from '../model/index.js';
import type { WorkloadFacts } from '../policy/facts.js';
import { EIP_INSTANCE_ID, isEipKey, WITH_EIP } from '../policy/eci-keys.js';

/** The EIP keys written in the pod template, and the edits that remove them all. */
export function writtenEipKeys(workload: Workload): { entries: MapEntry[]; removal: TextEdit[] | undefined } {
  const entries = (workload.pod?.annotations ?? []).filter((e) => isEipKey(e.key));
  // Removed together, so that the editor sees when they empty their map (and removes it with them).
  return { entries, removal: entries.length > 0 ? workload.editor.removeEntries(entries) : undefined };
}

/** Where the pod's EIP is asked for: the written key, or the eci-profile that injects it. */
export function eipSource(workload: Workload, facts: WorkloadFacts) {
  const annotation = facts.podAnnotations.get(facts.autoEip ? WITH_EIP : EIP_INSTANCE_ID);
  return {
    span: annotation?.entry?.keySpan ?? workload.pod?.span ?? workload.span,
    injectedBy: annotation?.entry ? undefined : annotation?.injectedBy,
  };
}
