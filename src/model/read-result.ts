import type { Span } from './position.js';
import type { AutoscalerInfo, EciProfile, NamespaceInfo, NatFact, Workload } from './workload.js';

/** A problem with a file's text itself, found while reading it. */
export interface ReadProblem {
  ruleId: 'parse-error' | 'skipped-file';
  message: string;
  span: Span;
}

/** An `eci-egress-lint/ignore` annotation found on an object or its pod template. */
export interface AnnotationIgnore {
  rules: string[];
  reason: string;
  span: Span;
}

export interface ReadResult {
  workloads: Workload[];
  namespaces: NamespaceInfo[];
  autoscalers: AutoscalerInfo[];
  profiles: EciProfile[];
  natFacts: NatFact[];
  problems: ReadProblem[];
  /** Set when the whole file was not read (a template file), with the reason. */
  skipped?: string;
}

export function emptyReadResult(): ReadResult {
  return { workloads: [], namespaces: [], autoscalers: [], profiles: [], natFacts: [], problems: [] };
}
