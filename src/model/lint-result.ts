import type { CostReport } from './cost.js';
import type { Finding, SuppressedFinding } from './finding.js';
import type { AliasRead, UnresolvedValue } from './read-result.js';
import type { NatFact, Workload } from './workload.js';

/** One input file as the engine sees it. */
export interface SourceFile {
  /** Relative to the working directory, with `/`. */
  path: string;
  /** The text, or why the file was not read. */
  text?: string;
  skip?: string;
}

export interface FileStatus {
  path: string;
  status: 'scanned' | 'skipped';
  reason?: string;
  /** Values the reader could not resolve (Terraform expressions): no finding rests on them. */
  unresolved?: UnresolvedValue[];
  /** The places that read a node through an alias or a merge key: the fix engine keeps what they read unchanged. */
  aliasReads?: AliasRead[];
}

export interface LintResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  files: FileStatus[];
  workloads: Workload[];
  /** The NAT decision for the Kubernetes manifests that no `clusters:` entry decides. */
  nat: NatDecision;
  /** The NAT decision of each workload with pods, and the fact (file and line) it rests on. */
  natDecisions: WorkloadNat[];
  /** The monthly EIP cost projection (docs/cost.md); with a base, also the base's cost and the change. */
  cost: CostReport;
  /** Present when a base was given: the base's findings; `hidden` counts this run's findings left out by newOnly. */
  base?: { findings: Finding[]; hidden: number };
}

/** Whether the pods of a scope egress through a NAT gateway, and what decided it. */
export interface NatDecision {
  present: boolean;
  /**
   * "config" (the top-level `nat-gateway`, or a `clusters:` entry), "default" (nothing in scope gives egress),
   * "several" (manifests only: more than one cluster or VPC of the scan could run them), or the resource that
   * decided it.
   */
  decidedBy: 'config' | 'default' | 'several' | NatFact;
  /** Set when no resource gives egress but one might (an unresolved Terraform value): no finding rests on absence. */
  unknown?: string;
  /** The index of the `clusters:` entry that decided it. */
  clusterEntry?: number;
  /** With decidedBy "several": a fact of each cluster or VPC that could run the manifests. */
  candidates?: NatFact[];
}

export interface WorkloadNat {
  workload: Workload;
  nat: NatDecision;
}
