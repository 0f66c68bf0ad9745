// Builders of Kubernetes objects (as plain JS values for yaml-emit.mjs) for the synthetic repository.

import { block, comment, flow, raw, anchor } from './yaml-emit.mjs';
import {
  ENV_WORDS,
  EXTERNAL_URLS,
  INTERNAL_URLS,
  LOREM,
  PRIVATE_IMAGES,
  PUBLIC_IMAGES,
} from './words.mjs';

export const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';
const BANDWIDTH = 'k8s.aliyun.com/eip-bandwidth';
const CHARGE = 'k8s.aliyun.com/eip-internet-charge-type';
const ISP = 'k8s.aliyun.com/eip-isp';
const INSTANCE = 'k8s.aliyun.com/eci-eip-instanceid';

const TYPOS = [
  'k8s.aliyun.com/eci-with-eipp',
  'k8s.aliyun.com/eci-wth-eip',
  'k8s.aliyun.com/eci-with-ip',
  'k8s.aliyun.com/ECI-with-EIP',
  'k8s.aliyun.com/eip-bandwith',
  'k8s.aliyun.com/eci-eip-instance-id',
  'k8s.aliyuncs.com/eci-with-eip',
];
const LOOK_ALIKES = [
  'network.alibabacloud.com/pod-with-eip',
  'k8s.aliyun.com/pod-with-eip',
  'k8s.aliyun.com/eip-charge-type',
  'network.alibabacloud.com/pod-eip-instanceid',
];

/** How a workload asks (or fails to ask) for a per-pod EIP. */
export const EGRESS_SCENARIOS = {
  none: 34,
  correct: 22,
  instance: 5,
  'misplaced-object': 6,
  'misplaced-label': 2,
  'misplaced-job-template': 2,
  unquoted: 6,
  typo: 5,
  'look-alike': 2,
  'invalid-value': 3,
  orphan: 3,
  'explicit-false': 3,
  ignored: 3,
  'other-eci': 4,
  conflict: 1,
};

export function sentence(r, min = 6, max = 18) {
  const n = r.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) words.push(r.pick(LOREM));
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  return words.join(' ') + '.';
}

export function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (_, k) => ctx[k] ?? k);
}

function version(r) {
  return `${r.int(0, 4)}.${r.int(0, 30)}.${r.int(0, 12)}`;
}

export function image(r, ctx, publicShare = 0.55) {
  const list = r.chance(publicShare) ? PUBLIC_IMAGES : PRIVATE_IMAGES;
  const ver = r.chance(0.1) ? `sha-${r.hex(7)}` : version(r);
  const text = fill(r.pick(list), { ...ctx, ver });
  return r.chance(0.03) ? `${text.replace(/:[^:/]*$/, '')}@sha256:${r.hex(64)}` : text;
}

function labels(ctx, extra = {}) {
  return {
    'app.kubernetes.io/name': ctx.svc,
    'app.kubernetes.io/part-of': ctx.team,
    ...extra,
  };
}

function envName(r) {
  const n = r.int(1, 3);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(r.pick(ENV_WORDS));
  return parts.join('_');
}

function envVar(r, ctx) {
  const name = envName(r);
  switch (r.weighted({ word: 30, number: 15, bool: 10, internal: 15, external: 8, secret: 12, field: 5, configmap: 5 })) {
    case 'word':
      return { name, value: r.pick(['info', 'debug', 'prod', 'cn-hangzhou', 'primary', 'json', 'UTC', ctx.svc, ctx.team]) };
    case 'number':
      return { name, value: String(r.pick([1, 2, 4, 8, 30, 60, 100, 512, 1024, 8080, 30000])) };
    case 'bool':
      return { name, value: r.pick(['true', 'false']) };
    case 'internal':
      return { name: `${name}_URL`, value: fill(r.pick(INTERNAL_URLS), ctx) };
    case 'external':
      return { name: `${name}_URL`, value: r.pick(EXTERNAL_URLS) };
    case 'secret':
      return { name, valueFrom: { secretKeyRef: { name: `${ctx.svc}-secrets`, key: name.toLowerCase().replace(/_/g, '-') } } };
    case 'field':
      return { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: r.pick(['status.podIP', 'metadata.name', 'metadata.namespace']) } } };
    default:
      return { name, valueFrom: { configMapKeyRef: { name: `${ctx.svc}-config`, key: name.toLowerCase() } } };
  }
}

function probe(r, port) {
  const p = r.chance(0.8)
    ? { httpGet: { path: r.pick(['/healthz', '/ready', '/actuator/health', '/live']), port } }
    : { tcpSocket: { port } };
  return { ...p, initialDelaySeconds: r.pick([0, 5, 10, 30]), periodSeconds: r.pick([5, 10, 15]), failureThreshold: 3 };
}

function resources(r) {
  const cpu = r.pick(['100m', '250m', '500m', '1', '2']);
  const mem = r.pick(['128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '4Gi']);
  return { requests: { cpu, memory: mem }, limits: r.chance(0.7) ? { cpu: r.pick(['1', '2', '4']), memory: mem } : { memory: mem } };
}

export function container(r, ctx, { name = ctx.svc, publicShare, batch = false } = {}) {
  const c = { name, image: image(r, ctx, publicShare) };
  if (r.chance(0.7)) c.imagePullPolicy = r.pick(['IfNotPresent', 'Always']);
  if (batch || r.chance(0.3)) {
    c.command = r.chance(0.5) ? flow(['/bin/sh', '-c']) : ['/app/bin/' + ctx.svc];
    const args = [];
    for (let i = r.int(1, 6); i > 0; i--) {
      args.push(
        r.pick([
          `--port=${r.pick([8080, 9090, 3000])}`,
          `--log-level=${r.pick(['info', 'debug'])}`,
          `--upstream=${r.pick(r.chance(0.3) ? EXTERNAL_URLS : INTERNAL_URLS)}`,
          `--config=/etc/${ctx.svc}/config.yaml`,
          `--concurrency=${r.int(1, 64)}`,
        ]),
      );
    }
    if (batch && r.chance(0.5)) c.args = [block(`set -euo pipefail\n${args.map((a) => `echo ${a}`).join('\n')}\ncurl -fsS ${r.pick(EXTERNAL_URLS)} -o /tmp/out.json\n`, '|')];
    else c.args = args;
  }
  if (!batch || r.chance(0.3)) {
    c.ports = [{ name: 'http', containerPort: r.pick([8080, 3000, 8000, 9000]), protocol: 'TCP' }];
    if (r.chance(0.5)) c.ports.push({ name: 'metrics', containerPort: 9090 });
  }
  const env = [];
  for (let i = r.int(0, 24); i > 0; i--) env.push(envVar(r, ctx));
  if (env.length > 0) c.env = env;
  if (r.chance(0.3)) c.envFrom = [{ configMapRef: { name: `${ctx.svc}-config` } }, ...(r.chance(0.5) ? [{ secretRef: { name: `${ctx.svc}-secrets` } }] : [])];
  c.resources = resources(r);
  if (!batch && r.chance(0.75)) {
    c.livenessProbe = probe(r, 'http');
    c.readinessProbe = probe(r, 'http');
  }
  if (r.chance(0.5)) {
    c.volumeMounts = [{ name: 'config', mountPath: `/etc/${ctx.svc}`, readOnly: true }];
    if (r.chance(0.4)) c.volumeMounts.push({ name: 'data', mountPath: '/var/lib/' + ctx.svc });
  }
  if (r.chance(0.4)) {
    c.securityContext = { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: r.chance(0.5), capabilities: { drop: flow(['ALL']) } };
  }
  return c;
}

function podSpec(r, ctx, { kind, publicShare }) {
  const batch = kind === 'Job' || kind === 'CronJob';
  const spec = {};
  if (r.chance(0.6)) spec.serviceAccountName = ctx.svc;
  if (batch) spec.restartPolicy = r.pick(['OnFailure', 'Never']);
  if (r.chance(0.3)) spec.terminationGracePeriodSeconds = r.pick([10, 30, 60, 120]);
  if (r.chance(0.25)) spec.imagePullSecrets = [{ name: 'acr-credential' }];
  if (r.chance(0.15)) spec.priorityClassName = r.pick(['high-priority', 'batch-low']);
  if (kind === 'DaemonSet') {
    spec.hostNetwork = r.chance(0.3);
    spec.tolerations = [{ operator: 'Exists' }];
  } else if (r.chance(0.12)) {
    spec.nodeSelector = { type: 'virtual-kubelet' };
    spec.tolerations = [{ key: 'virtual-kubelet.io/provider', operator: 'Exists', effect: 'NoSchedule' }];
  } else if (r.chance(0.15)) {
    spec.nodeSelector = { 'kubernetes.io/os': 'linux', ...(r.chance(0.5) ? { 'node.kubernetes.io/instance-type': 'ecs.g7.xlarge' } : {}) };
  }
  if (!batch && r.chance(0.25)) {
    spec.affinity = {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { 'app.kubernetes.io/name': ctx.svc } }, topologyKey: 'kubernetes.io/hostname' } },
        ],
      },
    };
  }
  if (r.chance(0.2)) {
    spec.initContainers = [{ name: 'init', image: image(r, ctx, 0.5), command: flow(['sh', '-c', `until nc -z ${ctx.svc}-db 5432; do sleep 2; done`]) }];
  }
  const containers = [container(r, ctx, { batch, publicShare })];
  if (r.chance(0.2)) containers.push(container(r, ctx, { name: r.pick(['log-agent', 'envoy', 'cloud-sql-proxy', 'metrics']), publicShare: 0.8 }));
  // Anchors: a sidecar that shares the main container's resources.
  if (r.chance(0.03)) {
    containers[0].resources = anchor('res', containers[0].resources);
    containers.push({ name: 'sidecar', image: image(r, ctx, 0.5), resources: raw('*res') });
  }
  spec.containers = containers;
  if (containers.some((c) => c.volumeMounts)) {
    spec.volumes = [{ name: 'config', configMap: { name: `${ctx.svc}-config` } }, { name: 'data', emptyDir: {} }];
  }
  return spec;
}

function eipAnnotations(r) {
  const out = { [WITH_EIP]: 'true' };
  if (r.chance(0.6)) out[BANDWIDTH] = String(r.pick([5, 10, 20, 50, 100]));
  if (r.chance(0.4)) out[CHARGE] = r.pick(['PayByTraffic', 'PayByBandwidth']);
  if (r.chance(0.2)) out[ISP] = 'BGP';
  return out;
}

/**
 * A pod-bearing object. `kind`: Deployment, StatefulSet, DaemonSet, Job, CronJob, Rollout, CloneSet, Pod.
 * Returns { doc, scenario }.
 */
export function workload(r, ctx, kind, scenario = r.weighted(EGRESS_SCENARIOS)) {
  if (scenario === 'misplaced-job-template' && kind !== 'CronJob') scenario = 'misplaced-object';
  const objectAnnotations = {};
  const podAnnotations = {};
  const podLabels = labels(ctx, r.chance(0.4) ? { version: `v${r.int(1, 5)}` } : {});
  const jobTemplateAnnotations = {};
  if (r.chance(0.3)) objectAnnotations['deployment.kubernetes.io/revision'] = String(r.int(1, 40));
  if (r.chance(0.4)) Object.assign(podAnnotations, { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' });
  if (r.chance(0.1)) podAnnotations['kubectl.kubernetes.io/restartedAt'] = `2024-0${r.int(1, 9)}-1${r.int(0, 9)}T0${r.int(0, 9)}:12:45Z`;
  let publicShare = 0.55;
  switch (scenario) {
    case 'none':
      break;
    case 'correct':
      Object.assign(podAnnotations, eipAnnotations(r));
      publicShare = 0.8; // pods that ask for an EIP mostly need the internet
      break;
    case 'instance':
      podAnnotations[INSTANCE] = `eip-bp1${r.alnum(17)}`;
      break;
    case 'misplaced-object':
      Object.assign(objectAnnotations, eipAnnotations(r));
      break;
    case 'misplaced-label':
      podLabels[WITH_EIP] = 'true';
      break;
    case 'misplaced-job-template':
      Object.assign(jobTemplateAnnotations, eipAnnotations(r));
      break;
    case 'unquoted':
      podAnnotations[WITH_EIP] = raw(r.pick(['true', 'true', 'true', 'yes', 'True']));
      if (r.chance(0.5)) podAnnotations[BANDWIDTH] = raw(String(r.pick([10, 20, 100])));
      break;
    case 'typo':
      podAnnotations[r.pick(TYPOS)] = 'true';
      break;
    case 'look-alike':
      podAnnotations[r.pick(LOOK_ALIKES)] = r.chance(0.5) ? 'true' : 'PayByTraffic';
      break;
    case 'invalid-value':
      podAnnotations[WITH_EIP] = r.pick(['TRUE', 'enabled', '1', 'true']);
      podAnnotations[r.pick([BANDWIDTH, CHARGE, ISP])] = r.pick(['ten', '0', '-5', 'PayByHour', 'cmcc', '100Mbps']);
      break;
    case 'conflict':
      Object.assign(podAnnotations, eipAnnotations(r));
      podAnnotations[INSTANCE] = `eip-bp1${r.alnum(17)}`;
      break;
    case 'orphan':
      podAnnotations[BANDWIDTH] = String(r.pick([10, 20]));
      if (r.chance(0.5)) podAnnotations[CHARGE] = 'PayByTraffic';
      break;
    case 'explicit-false':
      podAnnotations[WITH_EIP] = 'false';
      break;
    case 'ignored':
      podAnnotations['eci-egress-lint/ignore'] = 'eip-missing -- egress goes through the partner proxy';
      break;
    case 'other-eci':
      podAnnotations['k8s.aliyun.com/eci-use-specs'] = r.pick(['2-4Gi', 'ecs.c6.large', '4-8Gi']);
      if (r.chance(0.5)) podAnnotations['k8s.aliyun.com/eci-spot-strategy'] = 'SpotAsPriceGo';
      if (r.chance(0.3)) podAnnotations['k8s.aliyun.com/eci-image-cache'] = 'true';
      break;
  }
  const metadata = { name: ctx.name ?? ctx.svc, namespace: ctx.ns, labels: labels(ctx, r.chance(0.3) ? { 'app.kubernetes.io/managed-by': 'kustomize' } : {}) };
  if (r.chance(0.05)) delete metadata.namespace;
  if (Object.keys(objectAnnotations).length > 0) metadata.annotations = objectAnnotations;
  const templateMetadata = { labels: podLabels };
  if (scenario === 'ignored' && r.chance(0.5)) {
    delete podAnnotations['eci-egress-lint/ignore'];
    templateMetadata[comment()] = 'eci-egress-lint ignore eip-missing -- egress through the partner proxy';
  }
  if (Object.keys(podAnnotations).length > 0) templateMetadata.annotations = podAnnotations;
  const template = { metadata: templateMetadata, spec: podSpec(r, ctx, { kind, publicShare }) };
  const selector = { matchLabels: { 'app.kubernetes.io/name': ctx.svc } };
  const replicas = scenario === 'instance' && r.chance(0.5) ? r.int(2, 6) : r.pick([1, 2, 2, 3, 3, 4, 6, 10]);

  let apiVersion = 'apps/v1';
  let spec;
  switch (kind) {
    case 'Deployment':
      spec = { replicas, revisionHistoryLimit: r.pick([3, 5, 10]), selector };
      if (r.chance(0.5)) spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: r.pick([1, '25%']), maxUnavailable: r.pick([0, '25%']) } };
      spec.template = template;
      break;
    case 'StatefulSet':
      spec = { serviceName: ctx.svc, replicas, selector, template };
      spec.volumeClaimTemplates = [
        { metadata: { name: 'data' }, spec: { accessModes: flow(['ReadWriteOnce']), storageClassName: 'alicloud-disk-essd', resources: { requests: { storage: r.pick(['20Gi', '100Gi', '500Gi']) } } } },
      ];
      break;
    case 'DaemonSet':
      spec = { selector, updateStrategy: { type: 'RollingUpdate' }, template };
      break;
    case 'Job':
      apiVersion = 'batch/v1';
      spec = { backoffLimit: r.pick([0, 2, 4, 6]), ...(r.chance(0.4) ? { parallelism: r.int(1, 20), completions: r.int(1, 50) } : {}), template };
      if (r.chance(0.3)) spec.ttlSecondsAfterFinished = 3600;
      break;
    case 'CronJob': {
      apiVersion = 'batch/v1';
      const jobTemplate = { spec: { backoffLimit: 2, ...(r.chance(0.3) ? { parallelism: r.int(1, 8) } : {}), template } };
      if (Object.keys(jobTemplateAnnotations).length > 0) jobTemplate.metadata = { annotations: jobTemplateAnnotations };
      spec = {
        schedule: r.pick(['*/5 * * * *', '0 * * * *', '30 2 * * *', '0 0 * * 0', '15 */6 * * *']),
        concurrencyPolicy: r.pick(['Forbid', 'Replace', 'Allow']),
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate,
      };
      break;
    }
    case 'Rollout':
      apiVersion = 'argoproj.io/v1alpha1';
      spec = {
        replicas,
        selector,
        template,
        strategy: { canary: { steps: [{ setWeight: 20 }, { pause: { duration: '10m' } }, { setWeight: 50 }, { pause: {} }] } },
      };
      break;
    case 'CloneSet':
      apiVersion = 'apps.kruise.io/v1alpha1';
      spec = { replicas, selector, template, updateStrategy: { type: 'InPlaceIfPossible', maxUnavailable: 1 } };
      break;
    case 'Pod':
      return {
        doc: { apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, labels: podLabels, ...(templateMetadata.annotations ? { annotations: templateMetadata.annotations } : {}) }, spec: template.spec },
        scenario,
      };
    default:
      throw new Error(`unknown kind ${kind}`);
  }
  return { doc: { apiVersion, kind, metadata, spec }, scenario };
}

export function service(r, ctx) {
  const annotations = {};
  const type = r.weighted({ ClusterIP: 75, LoadBalancer: 15, NodePort: 5, Headless: 5 });
  if (type === 'LoadBalancer') {
    annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type'] = r.pick(['internet', 'intranet']);
    annotations['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-spec'] = 'slb.s1.small';
  }
  const spec = {
    ...(type === 'Headless' ? { clusterIP: 'None' } : { type }),
    selector: { 'app.kubernetes.io/name': ctx.svc },
    ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
  };
  if (r.chance(0.4)) spec.ports.push({ name: 'metrics', port: 9090, targetPort: 9090 });
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: ctx.svc, namespace: ctx.ns, labels: labels(ctx), ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec,
  };
}

function appConfigText(r, ctx, lines) {
  const out = [];
  const sections = ['server', 'database', 'cache', 'queue', 'logging', 'features', 'clients'];
  while (out.length < lines) {
    out.push(`${r.pick(sections)}:`);
    for (let i = r.int(2, 8); i > 0; i--) {
      const key = r.pick(['host', 'port', 'timeout', 'enabled', 'maxConnections', 'level', 'url', 'retries', 'batchSize']);
      out.push(`  ${key}: ${r.pick(['true', '30s', String(r.int(1, 5000)), fill(r.pick(INTERNAL_URLS), ctx), 'info'])}`);
    }
  }
  return out.join('\n') + '\n';
}

function nginxConf(r, ctx, blocks) {
  const out = ['worker_processes auto;', 'events { worker_connections 1024; }', 'http {'];
  for (let i = 0; i < blocks; i++) {
    out.push(`  upstream ${ctx.svc}_${i} { server ${ctx.svc}-${i}.${ctx.ns}.svc.cluster.local:8080 max_fails=3; }`);
    out.push(`  server {`, `    listen 80;`, `    server_name ${ctx.svc}-${i}.example.com;`);
    out.push(`    location / { proxy_pass http://${ctx.svc}_${i}; proxy_set_header Host $host; }`, `  }`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/** A Grafana dashboard as JSON: the big ConfigMaps of real repositories. */
function dashboardJson(r, ctx, panels) {
  const list = [];
  for (let i = 0; i < panels; i++) {
    list.push({
      id: i + 1,
      type: r.pick(['timeseries', 'stat', 'table', 'gauge']),
      title: sentence(r, 2, 5).replace(/\.$/, ''),
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      datasource: { type: 'prometheus', uid: 'prometheus' },
      targets: [
        {
          expr: `sum(rate(http_requests_total{namespace="${ctx.ns}",service="${ctx.svc}",code=~"5.."}[5m])) by (pod)`,
          legendFormat: '{{pod}}',
          refId: 'A',
        },
      ],
      fieldConfig: { defaults: { unit: r.pick(['reqps', 'percent', 'ms', 'bytes']), thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: r.int(50, 500) }] } }, overrides: [] },
      options: { legend: { displayMode: 'list', placement: 'bottom' }, tooltip: { mode: 'single' } },
    });
  }
  return JSON.stringify({ title: `${ctx.svc} overview`, uid: r.alnum(9), schemaVersion: 38, panels: list, time: { from: 'now-6h', to: 'now' } }, null, 2) + '\n';
}

/** size: small | medium | large */
export function configMap(r, ctx, size) {
  const data = {};
  if (size === 'small') {
    for (let i = r.int(2, 12); i > 0; i--) data[envName(r)] = r.pick(['true', '30', 'info', fill(r.pick(INTERNAL_URLS), ctx), ctx.svc, '0.75']);
    if (r.chance(0.5)) data['application.yaml'] = block(appConfigText(r, ctx, r.int(10, 40)));
  } else if (size === 'medium') {
    data['application.yaml'] = block(appConfigText(r, ctx, r.int(100, 500)));
    if (r.chance(0.5)) data['nginx.conf'] = block(nginxConf(r, ctx, r.int(5, 40)));
  } else {
    data[`${ctx.svc}-dashboard.json`] = block(dashboardJson(r, ctx, r.int(40, 250)));
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: size === 'large' ? `${ctx.svc}-dashboards` : `${ctx.svc}-config`, namespace: size === 'large' ? 'monitoring' : ctx.ns, labels: labels(ctx, size === 'large' ? { grafana_dashboard: '1' } : {}) },
    data,
  };
}

export function secret(r, ctx) {
  const data = {};
  for (let i = r.int(1, 6); i > 0; i--) data[envName(r).toLowerCase().replace(/_/g, '-')] = Buffer.from(r.alnum(r.int(8, 40))).toString('base64');
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: `${ctx.svc}-secrets`, namespace: ctx.ns }, type: 'Opaque', data };
}

export function rbac(r, ctx) {
  const rules = [];
  for (let i = r.int(1, 6); i > 0; i--) {
    rules.push({
      apiGroups: flow([r.pick(['', 'apps', 'batch', 'networking.k8s.io', 'monitoring.coreos.com'])]),
      resources: flow(r.sample(['pods', 'configmaps', 'secrets', 'services', 'endpoints', 'deployments', 'jobs', 'leases', 'events'], r.int(1, 4))),
      verbs: flow(r.sample(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], r.int(1, 5))),
    });
  }
  const cluster = r.chance(0.2);
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: ctx.svc, namespace: ctx.ns, ...(r.chance(0.2) ? { annotations: { 'pod-identity.alibabacloud.com/role-name': `${ctx.svc}-role` } } : {}) } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: cluster ? 'ClusterRole' : 'Role', metadata: { name: ctx.svc, ...(cluster ? {} : { namespace: ctx.ns }) }, rules },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: cluster ? 'ClusterRoleBinding' : 'RoleBinding',
      metadata: { name: ctx.svc, ...(cluster ? {} : { namespace: ctx.ns }) },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: cluster ? 'ClusterRole' : 'Role', name: ctx.svc },
      subjects: [{ kind: 'ServiceAccount', name: ctx.svc, namespace: ctx.ns }],
    },
  ];
}

export function ingress(r, ctx) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: ctx.svc, namespace: ctx.ns, annotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '16m', 'cert-manager.io/cluster-issuer': 'letsencrypt' } },
    spec: {
      ingressClassName: r.pick(['nginx', 'alb']),
      tls: [{ hosts: [`${ctx.svc}.example.com`], secretName: `${ctx.svc}-tls` }],
      rules: [{ host: `${ctx.svc}.example.com`, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: ctx.svc, port: { name: 'http' } } } }] } }],
    },
  };
}

export function networkPolicy(r, ctx) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `${ctx.svc}-allow`, namespace: ctx.ns },
    spec: {
      podSelector: { matchLabels: { 'app.kubernetes.io/name': ctx.svc } },
      policyTypes: flow(['Ingress', 'Egress']),
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': r.pick(['ingress-nginx', ctx.ns]) } } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
      egress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8'] } }] }],
    },
  };
}

export function pdb(r, ctx) {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: ctx.svc, namespace: ctx.ns },
    spec: { [r.chance(0.5) ? 'minAvailable' : 'maxUnavailable']: r.pick([1, '50%']), selector: { matchLabels: { 'app.kubernetes.io/name': ctx.svc } } },
  };
}

export function hpa(r, ctx, target) {
  const metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: r.pick([60, 70, 80]) } } }];
  if (r.chance(0.3)) metrics.push({ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } });
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: target.name, namespace: target.ns },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
      minReplicas: r.pick([1, 2, 3]),
      maxReplicas: r.chance(0.03) ? raw('"20"') : r.pick([5, 10, 20, 50, 100]),
      metrics,
      ...(r.chance(0.3) ? { behavior: { scaleDown: { stabilizationWindowSeconds: 300 } } } : {}),
    },
  };
}

export function namespaceDoc(r, name) {
  const nsLabels = { 'kubernetes.io/metadata.name': name };
  if (r.chance(0.3)) nsLabels['alibabacloud.com/eci'] = 'true';
  if (r.chance(0.3)) nsLabels['istio-injection'] = 'enabled';
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: nsLabels } };
}

export function eciProfile() {
  const selectors = [
    { name: 'public-egress', objectSelector: { matchLabels: { 'egress.acme.io/public': 'true' } }, effect: { annotations: { [WITH_EIP]: 'true' } } },
    { name: 'batch-spot', namespaceSelector: { matchLabels: { 'acme.io/tier': 'batch' } }, effect: { annotations: { 'k8s.aliyun.com/eci-spot-strategy': 'SpotAsPriceGo' } } },
  ];
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'eci-profile', namespace: 'kube-system' },
    data: { enableClusterIp: 'true', enableHybridMode: 'false', selectors: block(JSON.stringify(selectors, null, 2) + '\n') },
  };
}

export function prometheusRule(r, ctx) {
  const rules = [];
  for (let i = r.int(2, 15); i > 0; i--) {
    rules.push({
      alert: `${ctx.svc.replace(/-/g, '')}${r.pick(['HighErrorRate', 'HighLatency', 'PodCrashLooping', 'QueueBacklog'])}${i}`,
      expr: block(`sum(rate(http_requests_total{namespace="${ctx.ns}",code=~"5.."}[5m]))\n  / sum(rate(http_requests_total{namespace="${ctx.ns}"}[5m])) > 0.0${r.int(1, 9)}\n`, '|'),
      for: r.pick(['5m', '10m', '15m']),
      labels: { severity: r.pick(['warning', 'critical']), team: ctx.team },
      annotations: { summary: sentence(r, 5, 10), description: sentence(r, 10, 25) },
    });
  }
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: `${ctx.svc}-alerts`, namespace: ctx.ns },
    spec: { groups: [{ name: ctx.svc, rules }] },
  };
}

export function argoApplication(r, ctx) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: `${ctx.team}-${ctx.svc}`, namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
    spec: {
      project: ctx.team,
      source: { repoURL: 'https://git.example.com/acme/deploy.git', targetRevision: 'main', path: `apps/${ctx.team}/${ctx.svc}` },
      destination: { server: 'https://kubernetes.default.svc', namespace: ctx.ns },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
    },
  };
}

/** A strategic-merge patch of a Deployment (kustomize overlay): a partial object. */
export function deploymentPatch(r, ctx) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: ctx.svc, namespace: ctx.ns },
    spec: {
      replicas: r.pick([2, 4, 8]),
      template: {
        ...(r.chance(0.3) ? { metadata: { annotations: { [WITH_EIP]: 'true' } } } : {}),
        spec: { containers: [{ name: ctx.svc, resources: resources(r) }] },
      },
    },
  };
}

export function kustomization(r, ctx, files) {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: ctx.ns,
    resources: files,
    commonLabels: { 'app.kubernetes.io/part-of': ctx.team },
    images: [{ name: ctx.svc, newTag: version(r) }],
    ...(r.chance(0.3) ? { patches: [{ path: 'patch-replicas.yaml' }] } : {}),
  };
}

export function githubWorkflow(r, ctx) {
  return {
    name: `deploy ${ctx.team}`,
    on: { push: { branches: ['main'], paths: [`apps/${ctx.team}/**`] }, workflow_dispatch: {} },
    permissions: { contents: 'read', 'id-token': 'write' },
    jobs: {
      lint: {
        'runs-on': 'ubuntu-latest',
        steps: [
          { uses: 'actions/checkout@v4' },
          { name: 'Lint ECI egress', uses: 'acme/eci-egress-lint@v1', with: { paths: `apps/${ctx.team}`, 'fail-on': 'error' } },
        ],
      },
      deploy: {
        needs: 'lint',
        'runs-on': 'ubuntu-latest',
        environment: 'production',
        steps: [
          { uses: 'actions/checkout@v4' },
          { name: 'kubectl apply', run: block(`kubectl apply -k apps/${ctx.team}\nkubectl rollout status deploy -n ${ctx.ns} --timeout=5m\n`) },
        ],
      },
    },
  };
}

export function dockerCompose(r, ctx) {
  const services = {};
  for (let i = r.int(2, 6); i > 0; i--) {
    const name = i === 1 ? ctx.svc : r.pick(['postgres', 'redis', 'kafka', 'zookeeper', 'minio', 'jaeger']) + i;
    services[name] = {
      image: image(r, ctx, 0.9),
      ports: [`${8000 + i}:${8000 + i}`],
      environment: { LOG_LEVEL: 'debug', DATABASE_URL: `postgres://app:app@postgres${i}:5432/app` },
      ...(r.chance(0.5) ? { depends_on: ['postgres1'] } : {}),
    };
  }
  return { version: '3.9', services, volumes: { data: {} } };
}
