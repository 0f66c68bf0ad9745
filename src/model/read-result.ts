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

/**
 * A place that reads a node written elsewhere: an alias (`annotations: *ann`), or a map that merges others with a
 * merge key (`<<: *defaults`). A fix that edits the node read changes what this place reads: the fix engine compares
 * the readings before and after a fix and does not write one that changes them.
 */
export interface AliasRead {
  via: 'alias' | 'merge';
  /** Where the reader is (the alias, or the map with the merge key): an offset in the file. */
  offset: number;
  span: Span;
  /** A digest of what it reads as Kubernetes reads it (merges applied, YAML 1.1 types); equal digests, equal values. */
  reading: string;
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
  /** The places that read a node through an alias or a merge key, in the order of the file (YAML only). */
  aliasReads?: AliasRead[];
  /** Set when the whole file was not read (a template file), with the reason. */
  skipped?: string;
}

export function emptyReadResult(): ReadResult {
  return { workloads: [], namespaces: [], autoscalers: [], profiles: [], natFacts: [], problems: [] };
}
