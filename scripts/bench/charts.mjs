// The charts case of the benchmark: 50 small charts (a Deployment with its EIP annotations from values, a Service,
// an HPA; some with a ci/ values file), rendered by the scan, against `helm template` alone over the same charts
// and renderings, run with the same parallelism (the number of CPUs).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHART_COUNT = 50;
const GENERATOR_VERSION = 1;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
  labels: {app: {{ .Release.Name }}}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels: {app: {{ .Release.Name }}}
  template:
    metadata:
      labels: {app: {{ .Release.Name }}}
      {{- with .Values.podAnnotations }}
      annotations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
    spec:
      containers:
        - name: app
          image: {{ .Values.image | quote }}
          ports: [{containerPort: 8080}]
`;
const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: {{ .Release.Name }}
spec:
  selector: {app: {{ .Release.Name }}}
  ports: [{port: 80, targetPort: 8080}]
`;
const HPA = `{{- if .Values.autoscaling }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ .Release.Name }}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{ .Release.Name }}}
  minReplicas: {{ .Values.replicaCount }}
  maxReplicas: {{ .Values.autoscaling.maxReplicas }}
{{- end }}
`;

/** Writes the charts under `dir` (again when the generator changed); returns their folders. */
export function ensureCharts(dir) {
  const stamp = path.join(dir, '.generator');
  const charts = Array.from({ length: CHART_COUNT }, (_, i) => `chart-${String(i + 1).padStart(2, '0')}`);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === String(GENERATOR_VERSION)) return charts;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [i, name] of charts.entries()) {
    const folder = path.join(dir, name);
    fs.mkdirSync(path.join(folder, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'Chart.yaml'), `apiVersion: v2\nname: ${name}\nversion: 1.0.${i}\n`);
    const eip = i % 3 === 0 ? '' : `podAnnotations:\n  k8s.aliyun.com/eci-with-eip: ${i % 7 === 0 ? 'true' : '"true"'}\n  k8s.aliyun.com/eip-bandwidth: "${5 + (i % 4) * 5}"\n`;
    const autoscaling = i % 2 === 0 ? `autoscaling:\n  maxReplicas: ${4 + (i % 5)}\n` : '';
    fs.writeFileSync(path.join(folder, 'values.yaml'), `replicaCount: ${1 + (i % 4)}\nimage: registry.cn-hangzhou.aliyuncs.com/bench/${name}:1.0\n${eip}${autoscaling}`);
    fs.writeFileSync(path.join(folder, 'templates', 'deployment.yaml'), DEPLOYMENT);
    fs.writeFileSync(path.join(folder, 'templates', 'service.yaml'), SERVICE);
    fs.writeFileSync(path.join(folder, 'templates', 'hpa.yaml'), HPA);
    if (i % 5 === 0) {
      fs.mkdirSync(path.join(folder, 'ci'));
      fs.writeFileSync(path.join(folder, 'ci', 'large-values.yaml'), 'replicaCount: 8\n');
    }
  }
  fs.writeFileSync(stamp, String(GENERATOR_VERSION));
  return charts;
}

/** `helm template` alone over the same renderings as the scan, `parallel` at a time; the wall-clock time in ms. */
export async function helmAlone(helm, dir, charts, parallel = os.availableParallelism?.() ?? os.cpus().length) {
  const jobs = [];
  for (const name of charts) {
    jobs.push([name]);
    const ci = path.join(dir, name, 'ci', 'large-values.yaml');
    if (fs.existsSync(ci)) jobs.push([name, '--values', `./${name}/ci/large-values.yaml`]);
  }
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const [name, ...extra] = jobs[next++];
      await new Promise((resolve, reject) => {
        const child = spawn(helm, ['template', name, `./${name}`, '--namespace', 'default', ...extra], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`helm template ${name} exited ${code}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return { ms: performance.now() - started, renderings: jobs.length };
}
