import type { Span } from './position.js';
import type { AutoscalerInfo, EciProfile, NamespaceInfo, NatFact, Workload } from './workload.js';

/** A problem with a file's text itself, found while reading it. */
export interface ReadProblem {
  ruleId: 'parse-error' | 'skipped-file';
  message: string;
  span: Span;
}

/** A value a reader could not resolve (a Terraform expression that is not a literal): no finding rests on it. */
export interface UnresolvedValue {
  /** What the value is, e.g. `spec.replicas of kubernetes_deployment_v1.web`. */
  what: string;
  /** Why it is unknown, e.g. `var.replicas has no default`. */
  why: string;
  span: Span;
}

export interface ReadResult {
  workloads: Workload[];
  namespaces: NamespaceInfo[];
  autoscalers: AutoscalerInfo[];
  profiles: EciProfile[];
  natFacts: NatFact[];
  problems: ReadProblem[];
  /** Values that could not be resolved, for the report. */
  unresolved?: UnresolvedValue[];
  /** Set when the whole file was not read (a template file), with the reason. */
  skipped?: string;
}

export function emptyReadResult(): ReadResult {
  return { workloads: [], namespaces: [], autoscalers: [], profiles: [], natFacts: [], problems: [] };
}
