import { resolveConfig } from '../../src/config/load.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult } from '../../src/model/index.js';

/** Lints in-memory files (path → text) with a config given in config-file shape (defaults when empty). */
export function lint(files: Record<string, string>, config: Record<string, unknown> = {}): LintResult {
  const sources = Object.entries(files).map(([path, text]) => ({ path, text }));
  return lintSources(sources, { config: resolveConfig(config, 'test') });
}

/** A Deployment with the EIP key on its own metadata: eip-misplaced (error) at `line`:5 of the key. */
export function misplacedDeployment(name: string, namespace = 'shop'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: "${name}"
  namespace: ${namespace}
  annotations:
    k8s.aliyun.com/eci-with-eip: "true"
spec:
  replicas: 1
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: registry.cn-hangzhou.aliyuncs.com/acme/web:1.0
`;
}

/** eip-orphan-setting (warning) at 13:9, and a Helm template (skipped-file): the CLI tests' fixtures. */
export { ORPHAN_YAML, TEMPLATE_YAML } from '../cli/helpers.js';

/**
 * A Docker Hub image with no EIP: eip-missing (warning under egress: auto) on the pod template's `metadata:`
 * at 9:5 of a Job; and an unquoted `eci-with-eip: yes` (a YAML 1.1 bool) on a Deployment: eip-not-string (error)
 * at 31:38.
 */
export const MIXED_YAML = `apiVersion: batch/v1
kind: Job
metadata:
  name: fetch-rates
  namespace: finance
spec:
  parallelism: 1
  template:
    metadata:
      labels: {app: fetch-rates}
    spec:
      restartPolicy: Never
      containers:
        - name: fetch
          image: docker.io/library/curl:8.5.0
          args: ["https://api.example.com/rates"]
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: callback
  namespace: finance
spec:
  replicas: 1
  selector:
    matchLabels: {app: callback}
  template:
    metadata:
      labels: {app: callback}
      annotations:
        k8s.aliyun.com/eci-with-eip: yes
    spec:
      containers:
        - name: callback
          image: registry.cn-hangzhou.aliyuncs.com/acme/callback:2.0
`;
