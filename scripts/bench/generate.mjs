// The synthetic repository of the benchmark: deterministic (seeded), regenerated only when missing or
// when GENERATOR_VERSION changes. Its manifest (bench-out/synthetic.json) records the composition.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Random } from './prng.mjs';
import { Emitter, stream } from './yaml-emit.mjs';
import * as k8s from './manifests.mjs';
import { crd, CRD_GROUPS, ALIBABA_GROUPS } from './crds.mjs';
import { chartFiles } from './helm.mjs';
import { SERVICE_SUFFIXES, SERVICE_WORDS, TEAMS } from './words.mjs';

/** Bump whenever the output changes: the bench then regenerates the repository. */
export const GENERATOR_VERSION = 2;
export const SEED = 0xec1e9e55;

const SERVICES_PER_TEAM = 46;
const BUNDLES_PER_TEAM = 36;
const LISTS_PER_TEAM = 11;
const CHARTS = 36;
const SYNTAX_ERROR_FILES = 26;
/** Share of all bytes that CRD bundles should reach. */
const CRD_SHARE = 0.35;
const MAX_FILE_BYTES = 4 * 1024 * 1024; // stay under the linter's default 5 MB limit
export const MIN_FILES = 5000;
export const MIN_BYTES = 30 * 1024 * 1024;

export const CATEGORIES = {
  workloads: 'Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, Rollouts, CloneSets, Pods (one object a file)',
  'app-bundles': 'multi-document app bundles (SA, ConfigMap, workload, Service, HPA, PDB, Ingress …)',
  'services-config-rbac': 'Services, ConfigMaps (some with big dashboards), Secrets, RBAC, Ingress, NetworkPolicy, PDB',
  hpa: 'HorizontalPodAutoscalers targeting workloads of other files',
  lists: '`kind: List` (and DeploymentList) files',
  'crd-bundles': 'CustomResourceDefinition bundles with large openAPIV3Schema trees',
  'helm-charts': 'Helm charts: Chart.yaml, values.yaml and templates (not YAML until rendered)',
  'namespaces-profile': 'Namespaces, ResourceQuotas, PriorityClasses, the eci-profile ConfigMap',
  'other-yaml': 'kustomizations, patches, CI workflows, docker-compose, PrometheusRules, Argo Applications',
  'syntax-errors': 'files with YAML syntax errors (some in multi-document files and CRD bundles)',
};

function emitterFor(r) {
  return new Emitter({ indent: r.chance(0.85) ? 2 : 4, seqIndent: r.chance(0.55), quote: r.chance(0.8) ? '"' : "'" });
}

class Repo {
  constructor() {
    this.files = new Map(); // path -> { category, text, docs }
    this.counts = {}; // category -> { files, bytes, documents }
    this.scenarios = {};
    this.kinds = {};
  }

  add(category, file, text, documents = 1) {
    if (this.files.has(file)) throw new Error(`generator wrote ${file} twice`);
    if (Buffer.byteLength(text) > MAX_FILE_BYTES) throw new Error(`${file} is over ${MAX_FILE_BYTES} bytes`);
    this.files.set(file, { category, text });
    const c = (this.counts[category] ??= { files: 0, bytes: 0, documents: 0 });
    c.files++;
    c.bytes += Buffer.byteLength(text);
    c.documents += documents;
  }

  bytes(filter = () => true) {
    let total = 0;
    for (const [category, c] of Object.entries(this.counts)) if (filter(category)) total += c.bytes;
    return total;
  }

  noteKind(kind, n = 1) {
    this.kinds[kind] = (this.kinds[kind] ?? 0) + n;
  }
}

function docs(r, values) {
  const e = emitterFor(r);
  return values.map((v) => e.document(v));
}

function header(r, ctx) {
  if (!r.chance(0.25)) return [];
  return [r.pick([`Owned by the ${ctx.team} team.`, `Managed by GitOps; do not edit by hand.`, `${ctx.svc}: see the runbook in the wiki.`])];
}

function uniqueName(r, taken) {
  for (;;) {
    const name = `${r.pick(SERVICE_WORDS)}-${r.pick(SERVICE_SUFFIXES)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    const numbered = `${name}-${taken.size}`;
    if (!taken.has(numbered)) {
      taken.add(numbered);
      return numbered;
    }
  }
}

const MAIN_KINDS = { Deployment: 62, StatefulSet: 14, DaemonSet: 4, Rollout: 6, CloneSet: 4, Job: 4, CronJob: 6 };
const SCALABLE = new Set(['Deployment', 'StatefulSet', 'Rollout', 'CloneSet']);

function addWorkload(repo, r, file, ctx, kind, category = 'workloads') {
  const { doc, scenario } = k8s.workload(r, ctx, kind);
  repo.scenarios[scenario] = (repo.scenarios[scenario] ?? 0) + 1;
  repo.noteKind(kind);
  const e = emitterFor(r);
  repo.add(category, file, stream([e.document(doc)], { header: header(r, ctx), leadingMarker: r.chance(0.2) }));
  return doc;
}

function generateApps(repo, root) {
  const hpaTargets = [];
  for (const team of TEAMS) {
    const r = root.fork(`apps/${team}`);
    const namespaces = [team, `${team}-jobs`];
    const taken = new Set();
    for (let i = 0; i < SERVICES_PER_TEAM; i++) {
      const svc = uniqueName(r, taken);
      const ns = r.chance(0.8) ? namespaces[0] : namespaces[1];
      const ctx = { team, ns, svc };
      const dir = `apps/${team}/${svc}`;
      const kind = r.weighted(MAIN_KINDS);
      const resources = [];
      const main = `${kind.toLowerCase()}.yaml`;
      addWorkload(repo, r, `${dir}/${main}`, ctx, kind);
      resources.push(main);
      if (SCALABLE.has(kind) && r.chance(0.35)) hpaTargets.push({ dir, ns, name: svc, kind: kind === 'Rollout' ? 'Rollout' : kind });
      // Extra workloads of the same service.
      for (let j = r.int(0, 3); j > 0; j--) {
        const extra = r.weighted({ worker: 45, cleanup: 25, migrate: 20, debug: 3, agent: 7 });
        const extraKind = { worker: 'Deployment', cleanup: 'CronJob', migrate: 'Job', debug: 'Pod', agent: 'DaemonSet' }[extra];
        const file = `${extra}-${j}.yaml`;
        addWorkload(repo, r, `${dir}/${file}`, { ...ctx, name: `${svc}-${extra}-${j}`, svc: `${svc}-${extra}` }, extraKind);
        resources.push(file);
      }
      const config = (file, values) => {
        repo.add('services-config-rbac', `${dir}/${file}`, stream(docs(r, values), { header: header(r, ctx), leadingMarker: r.chance(0.2) }), values.length);
        values.forEach((v) => repo.noteKind(v.kind));
        resources.push(file);
      };
      if (r.chance(0.85)) config('service.yaml', [k8s.service(r, ctx)]);
      if (r.chance(0.65)) config('configmap.yaml', [k8s.configMap(r, ctx, r.weighted({ small: 83, medium: 14, large: 3 }))]);
      if (r.chance(0.45)) config('rbac.yaml', k8s.rbac(r, ctx));
      if (r.chance(0.25)) config('ingress.yaml', [k8s.ingress(r, ctx)]);
      if (r.chance(0.2)) config('networkpolicy.yaml', [k8s.networkPolicy(r, ctx)]);
      if (r.chance(0.2)) config('pdb.yaml', [k8s.pdb(r, ctx)]);
      if (r.chance(0.12)) config('secret.yaml', [k8s.secret(r, ctx)]);
      if (r.chance(0.5)) {
        const patch = r.chance(0.3);
        if (patch) {
          repo.add('other-yaml', `${dir}/patch-replicas.yaml`, docs(r, [k8s.deploymentPatch(r, ctx)])[0]);
          repo.noteKind('Deployment (patch)');
        }
        repo.add('other-yaml', `${dir}/kustomization.yaml`, docs(r, [k8s.kustomization(r, ctx, resources)])[0]);
      }
      if (r.chance(0.1)) repo.add('other-yaml', `${dir}/prometheusrule.yaml`, docs(r, [k8s.prometheusRule(r, ctx)])[0]);
      if (r.chance(0.12)) repo.add('other-yaml', `${dir}/docker-compose.yml`, docs(r, [k8s.dockerCompose(r, ctx)])[0]);
    }
    repo.add('other-yaml', `.github/workflows/deploy-${team}.yml`, docs(r, [k8s.githubWorkflow(r, { team, ns: team, svc: team })])[0]);
    const apps = [...taken].slice(0, 20).map((svc) => k8s.argoApplication(r, { team, ns: team, svc }));
    repo.add('other-yaml', `argocd/${team}.yaml`, stream(docs(r, apps)), apps.length);
  }
  // HPAs, each in its own file next to the workload, targeting it by name (the engine links them).
  const r = root.fork('hpa');
  for (const target of hpaTargets) {
    repo.add('hpa', `${target.dir}/hpa.yaml`, docs(r, [k8s.hpa(r, {}, target)])[0]);
    repo.noteKind('HorizontalPodAutoscaler');
  }
}

function generateBundles(repo, root) {
  for (const team of TEAMS) {
    const r = root.fork(`bundles/${team}`);
    const taken = new Set();
    for (let i = 0; i < BUNDLES_PER_TEAM; i++) {
      const svc = uniqueName(r, taken);
      const ctx = { team, ns: `${team}-apps`, svc };
      const values = [];
      if (r.chance(0.1)) values.push(k8s.namespaceDoc(r, ctx.ns));
      if (r.chance(0.6)) values.push(k8s.rbac(r, ctx)[0]);
      values.push(k8s.configMap(r, ctx, r.weighted({ small: 85, medium: 15 })));
      const kind = r.weighted({ Deployment: 75, StatefulSet: 15, Rollout: 10 });
      const { doc, scenario } = k8s.workload(r, ctx, kind);
      repo.scenarios[scenario] = (repo.scenarios[scenario] ?? 0) + 1;
      values.push(doc);
      values.push(k8s.service(r, ctx));
      if (r.chance(0.5)) values.push(k8s.hpa(r, ctx, { ns: ctx.ns, name: svc, kind }));
      if (r.chance(0.3)) values.push(k8s.pdb(r, ctx));
      if (r.chance(0.3)) values.push(k8s.ingress(r, ctx));
      if (r.chance(0.25)) {
        const cron = k8s.workload(r, { ...ctx, name: `${svc}-nightly`, svc: `${svc}-nightly` }, 'CronJob');
        repo.scenarios[cron.scenario] = (repo.scenarios[cron.scenario] ?? 0) + 1;
        values.push(cron.doc);
      }
      values.forEach((v) => repo.noteKind(v.kind));
      repo.add('app-bundles', `bundles/${team}/${svc}.yaml`, stream(docs(r, values), { header: header(r, ctx), leadingMarker: r.chance(0.3) }), values.length);
    }
  }
}

function generateLists(repo, root) {
  for (const team of TEAMS) {
    const r = root.fork(`lists/${team}`);
    const taken = new Set();
    for (let i = 0; i < LISTS_PER_TEAM; i++) {
      const onlyDeployments = r.chance(0.15);
      const items = [];
      for (let j = r.int(3, 14); j > 0; j--) {
        const ctx = { team, ns: `${team}-legacy`, svc: uniqueName(r, taken) };
        const what = onlyDeployments ? 'workload' : r.weighted({ workload: 55, service: 25, configmap: 20 });
        if (what === 'workload') {
          const { doc, scenario } = k8s.workload(r, ctx, onlyDeployments ? 'Deployment' : r.weighted({ Deployment: 70, StatefulSet: 15, CronJob: 15 }));
          repo.scenarios[scenario] = (repo.scenarios[scenario] ?? 0) + 1;
          items.push(doc);
        } else if (what === 'service') items.push(k8s.service(r, ctx));
        else items.push(k8s.configMap(r, ctx, 'small'));
      }
      items.forEach((v) => repo.noteKind(v.kind));
      const list = { apiVersion: 'v1', kind: onlyDeployments ? 'DeploymentList' : 'List', items, metadata: { resourceVersion: '' } };
      repo.add('lists', `lists/${team}/exported-${i + 1}.yaml`, docs(r, [list])[0], 1);
    }
  }
}

function generateClusters(repo, root) {
  const r = root.fork('clusters');
  const names = TEAMS.flatMap((t) => [t, `${t}-jobs`, `${t}-apps`, `${t}-legacy`]);
  for (const env of ['prod', 'staging', 'dev']) {
    const nsDocs = names.map((n) => k8s.namespaceDoc(r, n));
    repo.add('namespaces-profile', `clusters/${env}/namespaces.yaml`, stream(docs(r, nsDocs)), nsDocs.length);
    repo.noteKind('Namespace', nsDocs.length);
    const quotas = names.map((n) => ({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'default', namespace: n },
      spec: { hard: { 'requests.cpu': String(r.pick([10, 20, 50])), 'requests.memory': r.pick(['20Gi', '64Gi']), pods: String(r.pick([50, 100, 200])) } },
    }));
    repo.add('namespaces-profile', `clusters/${env}/resourcequotas.yaml`, stream(docs(r, quotas)), quotas.length);
    const priority = ['high-priority', 'batch-low'].map((name, i) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value: i === 0 ? 100000 : 100, globalDefault: false }));
    repo.add('namespaces-profile', `clusters/${env}/priorityclasses.yaml`, stream(docs(r, priority)), priority.length);
  }
  repo.add('namespaces-profile', 'clusters/prod/kube-system/eci-profile.yaml', docs(r, [k8s.eciProfile()])[0]);
}

function generateCharts(repo, root) {
  const r = root.fork('charts');
  const taken = new Set();
  for (let i = 0; i < CHARTS; i++) {
    const ctx = { team: r.pick(TEAMS), ns: 'default', svc: uniqueName(r, taken) };
    for (const [name, text] of Object.entries(chartFiles(r, ctx))) {
      if (!/\.ya?ml$/.test(name)) continue; // _helpers.tpl and NOTES.txt are not scanned; leave them out
      repo.add('helm-charts', `charts/${ctx.svc}/${name}`, text);
    }
  }
}

function hasSyntaxError(text) {
  const parsed = parseAllDocuments(text, { logLevel: 'silent' });
  if ('empty' in parsed) return parsed.errors.length > 0;
  return parsed.some((d) => d.errors.length > 0);
}

const CORRUPTIONS = {
  tab: (r, lines) => {
    const i = pickLine(r, lines, (l) => /^ {4,}\S/.test(l));
    lines[i] = lines[i].replace(/^ {2}/, '\t');
  },
  'unclosed-quote': (r, lines) => {
    const i = pickLine(r, lines, (l) => /: "[^"]*"$/.test(l));
    lines[i] = lines[i].slice(0, -1);
  },
  'bad-indent': (r, lines) => {
    const i = pickLine(r, lines, (l, j) => /^ {2,}[a-zA-Z]+:/.test(l) && j > 0 && /^ +[a-zA-Z]+: \S/.test(lines[j - 1]));
    lines[i] = ' ' + lines[i];
  },
  'duplicate-key': (r, lines) => {
    const i = pickLine(r, lines, (l) => /^ {2}name: /.test(l));
    lines.splice(i, 0, lines[i]);
  },
  'value-with-colon': (r, lines) => {
    const i = pickLine(r, lines, (l) => /^ +image: \S+$/.test(l));
    lines[i] = lines[i].replace(/image: (\S+)/, 'image: $1: latest');
  },
  'unclosed-flow': (r, lines) => {
    const i = pickLine(r, lines, (l) => /: \[.*\]$/.test(l));
    lines[i] = lines[i].slice(0, -1);
  },
  'stray-item': (r, lines) => {
    const i = pickLine(r, lines, (l) => /^ {2,}[a-zA-Z]+: \S/.test(l));
    lines.splice(i + 1, 0, lines[i].match(/^ */)[0] + '- oops');
  },
};

function pickLine(r, lines, test) {
  const candidates = [];
  lines.forEach((l, j) => test(l, j) && candidates.push(j));
  if (candidates.length === 0) throw new Error('no line to corrupt');
  return r.pick(candidates);
}

/** Applies corruptions until the yaml package reports an error (deterministic for a given text). */
function corrupt(r, text) {
  const names = Object.keys(CORRUPTIONS);
  for (let attempt = 0; attempt < 20; attempt++) {
    const name = r.pick(names);
    const lines = text.split('\n');
    try {
      CORRUPTIONS[name](r, lines);
    } catch {
      continue;
    }
    const out = lines.join('\n');
    if (hasSyntaxError(out)) return out;
  }
  return text + 'broken: [unclosed\n';
}

function generateBroken(repo, root) {
  const r = root.fork('broken');
  const taken = new Set();
  for (let i = 0; i < SYNTAX_ERROR_FILES; i++) {
    const ctx = { team: r.pick(TEAMS), ns: 'default', svc: uniqueName(r, taken) };
    const e = emitterFor(r);
    const shape = i < 2 ? 'crd' : r.weighted({ single: 60, multi: 40 });
    if (shape === 'single') {
      const { doc } = k8s.workload(r, ctx, r.weighted({ Deployment: 70, CronJob: 15, StatefulSet: 15 }));
      repo.add('syntax-errors', `broken/${ctx.svc}.yaml`, corrupt(r, e.document(doc)));
    } else if (shape === 'multi') {
      const parts = [k8s.service(r, ctx), k8s.workload(r, ctx, 'Deployment').doc, k8s.configMap(r, ctx, 'small')].map((v) => e.document(v));
      parts[1] = corrupt(r, parts[1]);
      repo.add('syntax-errors', `broken/${ctx.svc}-bundle.yaml`, stream(parts), parts.length);
    } else {
      // A CRD bundle whose last document is broken: the quick syntax screen fails and the whole bundle is parsed.
      const group = r.pick(CRD_GROUPS);
      const parts = [0, 1].map(() => e.document(crd(r, { group, targetBytes: r.int(100, 250) * 1024, style: 'block' })));
      parts[1] = corrupt(r, parts[1]);
      repo.add('syntax-errors', `broken/crds-${group}.yaml`, stream(parts), parts.length);
    }
  }
}

function generateCrds(repo, root) {
  const r = root.fork('crds');
  let n = 0;
  const need = () => repo.bytes((c) => c === 'crd-bundles') < (CRD_SHARE / (1 - CRD_SHARE)) * repo.bytes((c) => c !== 'crd-bundles');
  while (need()) {
    const alibaba = n < ALIBABA_GROUPS.length;
    const group = alibaba ? ALIBABA_GROUPS[n] : CRD_GROUPS[(n - ALIBABA_GROUPS.length) % CRD_GROUPS.length];
    const style = r.chance(0.6) ? 'block' : 'plain';
    const e = new Emitter({ indent: 2, seqIndent: r.chance(0.5), quote: r.chance(0.5) ? '"' : "'" });
    const parts = [];
    let bytes = 0;
    for (let k = alibaba ? 1 : r.int(1, 4); k > 0; k--) {
      const text = e.document(crd(r, { group, targetBytes: (alibaba ? r.int(40, 120) : r.int(120, 700)) * 1024, style }));
      if (parts.length > 0 && bytes + text.length > 2.5 * 1024 * 1024) break;
      parts.push(text);
      bytes += text.length;
    }
    repo.noteKind('CustomResourceDefinition', parts.length);
    repo.add('crd-bundles', `platform/crds/${group}/bundle-${String(++n).padStart(2, '0')}.yaml`, stream(parts, { header: [`CRDs of ${group}, generated by controller-gen. DO NOT EDIT.`] }), parts.length);
  }
}

export function generate(root = new Random(SEED)) {
  const repo = new Repo();
  generateApps(repo, root);
  generateBundles(repo, root);
  generateLists(repo, root);
  generateClusters(repo, root);
  generateCharts(repo, root);
  generateBroken(repo, root);
  generateCrds(repo, root); // last: sized to a share of everything else
  return repo;
}

function readManifest(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Makes sure `dir` holds the synthetic repository of this generator version; returns its manifest
 * ({ generatorVersion, seed, files, bytes, categories, scenarios, kinds }) and whether it was (re)generated.
 */
export function ensureSynthetic(dir, { force = false, log = () => {} } = {}) {
  const manifestFile = `${dir}.json`;
  const existing = readManifest(manifestFile);
  if (!force && existing && existing.generatorVersion === GENERATOR_VERSION && existing.seed === SEED && fs.existsSync(dir)) {
    return { manifest: existing, generated: false };
  }
  if (force) log('regenerating (asked to)');
  else if (existing && fs.existsSync(dir)) log(`generator version changed (${existing.generatorVersion} → ${GENERATOR_VERSION}); regenerating`);
  else log('not generated yet; generating');
  const started = performance.now();
  const repo = generate();
  const tmp = `${dir}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  const hash = createHash('sha256');
  for (const [file, { text }] of repo.files) {
    hash.update(`${file}\0${text}\0`);
    const full = path.join(tmp, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  fs.rmSync(manifestFile, { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  const manifest = {
    generatorVersion: GENERATOR_VERSION,
    seed: SEED,
    files: repo.files.size,
    bytes: repo.bytes(),
    /** Of all paths and contents: equal hashes mean equal repositories, e.g. on two machines. */
    sha256: hash.digest('hex'),
    categories: repo.counts,
    scenarios: repo.scenarios,
    kinds: repo.kinds,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
  };
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  if (manifest.files < MIN_FILES || manifest.bytes < MIN_BYTES) {
    log(`WARNING: the synthetic repository is smaller than required (${manifest.files} files, ${manifest.bytes} bytes)`);
  }
  return { manifest, generated: true };
}
