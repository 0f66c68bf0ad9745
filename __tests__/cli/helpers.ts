import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../src/cli/run.js';

/** An in-memory output stream: collects what is written; `isTTY` can be set to play a terminal. */
export class Sink {
  chunks: string[] = [];
  isTTY?: boolean;
  /** A terminal's width, as a TTY stream has it. */
  columns?: number;
  constructor(tty = false, columns?: number) {
    if (tty) this.isTTY = true;
    if (columns !== undefined) this.columns = columns;
  }
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], cwd: string, options: { tty?: boolean; columns?: number } = {}): Promise<CliRun> {
  const stdout = new Sink(options.tty, options.columns);
  const stderr = new Sink();
  const code = await run(argv, cwd, stdout as unknown as NodeJS.WritableStream, stderr as unknown as NodeJS.WritableStream);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const made: string[] = [];

/** A temporary folder holding the given files (paths relative to it, with `/`). */
export function tempTree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-cli-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const full = path.join(dir, ...name.split('/'));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

export function removeTempTrees(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** eip-misplaced (error) at line 7, column 5: the EIP key on the Deployment's own annotations. */
export const MISPLACED_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
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

/** eip-orphan-setting (warning) at line 13, column 9: a bandwidth without eci-with-eip. */
export const ORPHAN_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
spec:
  replicas: 1
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
      annotations:
        k8s.aliyun.com/eip-bandwidth: "10"
    spec:
      containers:
        - name: worker
          image: registry.cn-hangzhou.aliyuncs.com/acme/worker:1.0
`;

/** A Helm template: skipped-file (notice) at 1:1. */
export const TEMPLATE_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Values.name }}
`;

/** No findings: an Alibaba Cloud image, no EIP keys, no public URLs. */
export const CLEAN_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.cn-hangzhou.aliyuncs.com/acme/api:1.0
`;
