import { resolveConfig } from '../../src/config/load.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult, SourceFile } from '../../src/model/index.js';
import type { CostReport, WorkloadCost } from '../../src/model/index.js';

/** Lints in-memory files (path → text) with a config in config-file shape; `base` files make a base to compare. */
export function lintCost(
  files: Record<string, string>,
  config: Record<string, unknown> = {},
  base?: Record<string, string>,
  newOnly = false,
): LintResult {
  const sources = (f: Record<string, string>): SourceFile[] => Object.entries(f).map(([path, text]) => ({ path, text }));
  return lintSources(sources(files), {
    config: resolveConfig(config, 'test'),
    ...(base ? { base: sources(base), newOnly } : {}),
  });
}

export function costOf(files: Record<string, string>, config: Record<string, unknown> = {}): CostReport {
  return lintCost(files, config).cost;
}

/** The cost entry of a workload by name. */
export function entry(cost: CostReport, name: string): WorkloadCost {
  const found = cost.workloads.filter((w) => w.name === name);
  if (found.length !== 1) throw new Error(`expected one cost entry for ${name}, got ${found.length}: ${cost.workloads.map((w) => w.name).join(', ')}`);
  return found[0];
}

export interface DeploymentOptions {
  name?: string;
  namespace?: string;
  kind?: string;
  replicas?: string;
  annotations?: Record<string, string>;
}

/**
 * A workload with a pod template; `replicas` is written as given (e.g. `3` or `"three"`); annotation values are
 * written as given too, so quote them in the value (`'"true"'`).
 */
export function deployment(options: DeploymentOptions = {}): string {
  const { name = 'web', namespace = 'shop', kind = 'Deployment', replicas, annotations = { 'k8s.aliyun.com/eci-with-eip': '"true"' } } = options;
  const apiVersion = kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet' ? 'apps/v1' : 'batch/v1';
  const entries = Object.entries(annotations);
  return [
    `apiVersion: ${apiVersion}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    ...(replicas !== undefined ? [`  replicas: ${replicas}`] : []),
    '  selector:',
    `    matchLabels: {app: ${name}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    ...(entries.length > 0 ? ['      annotations:', ...entries.map(([k, v]) => `        ${k}: ${v}`)] : []),
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    '          image: ghcr.io/acme/app:1.0',
    '',
  ].join('\n');
}

export function hpa(target: string, min: string | undefined, max: string | undefined, namespace = 'shop', kind = 'Deployment'): string {
  return [
    'apiVersion: autoscaling/v2',
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    `  name: ${target}`,
    `  namespace: ${namespace}`,
    'spec:',
    `  scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: ${target}}`,
    ...(min !== undefined ? [`  minReplicas: ${min}`] : []),
    ...(max !== undefined ? [`  maxReplicas: ${max}`] : []),
    '',
  ].join('\n');
}

export const D = 730 / 24;
