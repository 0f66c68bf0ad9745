import type { SeveritySetting } from './finding.js';

export const CLUSTER_MODES = ['serverless', 'virtual-node'] as const;
export type ClusterMode = (typeof CLUSTER_MODES)[number];
export const EGRESS_POLICIES = ['auto', 'eip', 'nat', 'none'] as const;
export type EgressPolicy = (typeof EGRESS_POLICIES)[number];
export const NAT_GATEWAY_SETTINGS = ['auto', 'present', 'absent'] as const;
export type NatGatewaySetting = (typeof NAT_GATEWAY_SETTINGS)[number];

export interface WorkloadMatch {
  path?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
}

export interface WorkloadPolicy {
  match: WorkloadMatch;
  egress: EgressPolicy;
}

export interface ConfigIgnore {
  rule: string;
  path?: string;
  reason: string;
}

/**
 * A `clusters:` entry: the files under `path` belong to one cluster, with its own cluster mode, NAT gateway and
 * pricing region. Unset keys fall back to the top-level ones.
 */
export interface ClusterRule {
  path: string;
  cluster?: ClusterMode;
  natGateway?: NatGatewaySetting;
  region?: string;
}

/** A chart's rendering settings (docs/charts.md). Paths are relative to the working directory. */
export interface ChartSettings {
  path: string;
  release?: string;
  namespace?: string;
  values: string[];
}

export interface RenderConfig {
  enabled: boolean;
  helm: string;
  /** `auto`: kustomize on PATH, else `kubectl kustomize`. */
  kustomize: string;
  timeoutMs: number;
  charts: ChartSettings[];
  /** Also render each chart with its `ci/*-values.yaml` files (the chart-testing convention). */
  ciValues: boolean;
}

/** The configuration after defaults, in the shape the engine uses. */
export interface Config {
  cluster: ClusterMode;
  egress: EgressPolicy;
  natGateway: NatGatewaySetting;
  include: string[];
  exclude: string[];
  maxFileSize: number;
  rules: Record<string, SeveritySetting>;
  workloads: WorkloadPolicy[];
  /** First match wins (docs/configuration.md). */
  clusters: ClusterRule[];
  ignore: ConfigIgnore[];
  inlineIgnores: boolean;
  /** Kept as written (kebab-case keys) for the cost projection. */
  pricing: Record<string, unknown>;
  budget: { monthly?: number; increase?: number };
  /** The command line exits 0 rather than 2 when its paths hold no file to lint (never the Action's scan). */
  allowNoFiles?: boolean;
  render: RenderConfig;
}
