// Inputs for the bounded-work cases of the benchmark (`npm run bench -- --only bounds`): each is small to write and
// would make a linter without bounds run long or fill memory. Deterministic; regenerated when BOUNDS_VERSION changes.
//
//   fan-out    Terraform locals that fan out: a0 = "x", a1 = [local.a0 ×30] … a7 = [local.a6 ×30] (2.5 KB, 30^7 values)
//   selectors  an eci-profile with 20,000 selectors and 20,000 Deployments, one selector each (one 3 MB YAML file)
//   large-yaml one 20 MB YAML file of Deployments, each with a fixable finding (the editor is asked for every one)
//   tf-folder  four 5 MB .tf files of locals in one folder (the folder context)
//   heredoc    one 20 MB .tf file that is a single heredoc (more than the wasm parser takes)
//   fix-20k    20,000 small YAML files, each with a fixable finding: `--fix` against a plain lint of the same files

import fs from 'node:fs';
import path from 'node:path';

export const BOUNDS_VERSION = 1;

export const BOUNDS_CASES = {
  'fan-out': 'Terraform locals that fan out 30^7 values (2.5 KB)',
  selectors: '20,000 eci-profile selectors × 20,000 Deployments (one 3 MB file)',
  'large-yaml': 'one 20 MB YAML file of Deployments with fixable findings',
  'tf-folder': 'four 5 MB .tf files of locals in one folder',
  heredoc: 'one 20 MB .tf file holding a single heredoc',
  'fix-20k': '20,000 YAML files with a fixable finding each: --fix, and a lint of the same files',
};

const MiB = 1024 * 1024;

function deployment(i, extraLabels = '') {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: web-${i}`,
    '  namespace: shop',
    'spec:',
    '  replicas: 2',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: app-${i}${extraLabels}`,
    '      annotations:',
    // An unquoted yes: eip-not-string, with a safe fix that rewrites the value.
    '        k8s.aliyun.com/eci-with-eip: yes',
    '    spec:',
    '      containers:',
    `        - name: web`,
    `          image: registry.example.com/shop/web-${i}:1.0.${i % 97}`,
    '',
  ].join('\n');
}

function fanOut() {
  const lines = ['locals {', '  a0 = "x"'];
  for (let i = 1; i <= 7; i++) lines.push(`  a${i} = [${Array(30).fill(`local.a${i - 1}`).join(', ')}]`);
  lines.push('}', '');
  lines.push(
    'resource "kubernetes_deployment_v1" "web" {',
    '  metadata {',
    '    name = "web"',
    '  }',
    '  spec {',
    '    replicas = length(local.a7)',
    '    template {',
    '      metadata {',
    '        annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }',
    '      }',
    '      spec {',
    '        container {',
    '          name  = "web"',
    '          image = "nginx"',
    '        }',
    '      }',
    '    }',
    '  }',
    '}',
    '',
  );
  return { 'main.tf': lines.join('\n') };
}

function selectors() {
  const list = Array.from({ length: 20_000 }, (_, i) => ({ name: `s${i}`, objectSelector: { matchLabels: { app: `a${i}` } } }));
  const profile = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: eci-profile',
    '  namespace: kube-system',
    'data:',
    `  selectors: '${JSON.stringify(list)}'`,
    '',
  ].join('\n');
  const docs = [profile];
  for (let i = 0; i < 20_000; i++) {
    docs.push(`kind: Deployment\nmetadata: {name: w${i}}\nspec: {template: {metadata: {labels: {app: a${i}}}, spec: {}}}\n`);
  }
  return { 'all.yaml': docs.join('---\n') };
}

function largeYaml() {
  const docs = [];
  let size = 0;
  for (let i = 0; size < 20 * MiB; i++) {
    const doc = deployment(i);
    docs.push(doc);
    size += doc.length + 4;
  }
  return { 'large.yaml': docs.join('---\n') };
}

function localsFile(n, bytes) {
  const lines = ['locals {'];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `  f${n}_v${i} = { name = "service-${i}", replicas = ${i % 9}, tags = ["a${i}", "b${i}"] }`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('}', '');
  return lines.join('\n');
}

function tfFolder() {
  const files = {};
  for (let n = 0; n < 4; n++) files[`locals-${n}.tf`] = localsFile(n, 5 * MiB - 64 * 1024);
  return files;
}

function heredoc() {
  const body = 'x'.repeat(100) + '\n';
  return { 'big.tf': `locals {\n  doc = <<EOT\n${body.repeat(Math.ceil((20 * MiB) / body.length))}EOT\n}\n` };
}

function fix20k() {
  const files = {};
  for (let i = 0; i < 20_000; i++) files[`d${Math.floor(i / 500)}/web-${i}.yaml`] = deployment(i);
  return files;
}

const GENERATORS = { 'fan-out': fanOut, selectors, 'large-yaml': largeYaml, 'tf-folder': tfFolder, heredoc, 'fix-20k': fix20k };

/** Writes the cases under `dir` (one folder each) unless they are there at this version; returns their folders. */
export function ensureBounds(dir, { force = false, log = () => {} } = {}) {
  const manifestFile = path.join(dir, 'bounds.json');
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    manifest = undefined;
  }
  if (force || manifest?.version !== BOUNDS_VERSION) {
    fs.rmSync(dir, { recursive: true, force: true });
    manifest = { version: BOUNDS_VERSION, cases: {} };
    for (const [name, generate] of Object.entries(GENERATORS)) {
      log(`writing ${name}`);
      const folder = path.join(dir, name);
      let bytes = 0;
      const files = generate();
      for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), text);
        bytes += Buffer.byteLength(text);
      }
      manifest.cases[name] = { files: Object.keys(files).length, bytes };
    }
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
  }
  return manifest;
}
