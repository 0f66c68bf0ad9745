#!/usr/bin/env node
// Builds the two bundles into dist/ and writes schema/config.schema.json.
//
//   src/cli/main.ts     -> dist/cli.js    (shebang, mode 755; the package's `bin`)
//   src/action/main.ts  -> dist/index.js  (the GitHub Action's entry, see action.yml)
//   dist/licenses.txt   licenses of the bundled third-party packages (both bundles)
//   dist/*.wasm         web-tree-sitter's runtime and the HCL grammar, loaded beside the bundles
//   dist/package.json   {"type": "module"}: the bundles are ES modules
//   schema/config.schema.json   CONFIG_SCHEMA from src/config/schema.ts
//
// Each entry is bundled by the ncc CLI into a temporary folder, then copied. The output is
// deterministic: CI rebuilds and checks `git diff --exit-code dist schema`. Run from anywhere;
// ncc always runs with the repository root as its working directory, because the module
// comments it writes into the bundles hold paths relative to it.

import { spawn } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const schemaFile = path.join(root, 'schema', 'config.schema.json');
const SHEBANG = '#!/usr/bin/env node\n';

const require = createRequire(import.meta.url);
const nccPackage = require.resolve('@vercel/ncc/package.json');
const nccCli = path.join(path.dirname(nccPackage), require(nccPackage).bin.ncc);

/** The bundles of dist/: entry (relative to the root) and the file name it gets in dist/. */
const BUNDLES = [
  { entry: 'src/cli/main.ts', out: 'cli.js', executable: true },
  { entry: 'src/action/main.ts', out: 'index.js', executable: false },
];
const SCHEMA_ENTRY = 'src/config/schema.ts';

/** Files ncc writes next to every bundle; handled here rather than copied as assets. */
const NCC_OWN_FILES = new Set(['index.js', 'package.json', 'licenses.txt']);

/**
 * Modules ncc leaves unbundled (its `-e` flag), for every bundle. `module`: web-tree-sitter's emscripten loader
 * imports Node's `module` builtin, which ncc would otherwise rewrite into something that crashes at load.
 */
const EXTERNALS = ['module'];

/**
 * WebAssembly files the bundles load from their own folder at run time (src/readers/terraform/wasm.ts): ncc does
 * not follow the computed paths, so they are copied into dist/ from their packages.
 */
const WASM_FILES = [
  { from: 'web-tree-sitter/web-tree-sitter.wasm', to: 'web-tree-sitter.wasm' },
  { from: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm', to: 'tree-sitter-hcl.wasm', pkg: '@tree-sitter-grammars/tree-sitter-hcl/package.json' },
];

/** The installed file of a package, found without going through its `exports` map where it has one. */
function packageFile(spec) {
  if (spec.pkg) return path.join(path.dirname(require.resolve(spec.pkg)), path.basename(spec.from));
  return require.resolve(spec.from);
}

/** Runs `ncc build entry -o outDir`; rejects with ncc's output if it fails. */
function ncc(entry, outDir) {
  const args = [
    nccCli,
    'build',
    entry,
    '--out',
    outDir,
    '--license',
    'licenses.txt',
    '--target',
    'es2022',
    '--no-cache',
    '--quiet',
    ...EXTERNALS.flatMap((name) => ['--external', name]),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`ncc build ${entry} failed (${signal ?? `exit code ${code}`}):\n${output}`));
    });
  });
}

/** Relative paths of the files under dir, sorted. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * The packages the source imports (bare specifiers, not Node's builtins): what ncc bundles. A rule's tests sit beside
 * it in src/ but are never bundled, so what they import is not counted.
 */
function importedPackages() {
  const names = new Set();
  const visit = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.ts$/.test(entry.name) && !/\.(?:d|test)\.ts$/.test(entry.name)) {
        const text = fs.readFileSync(full, 'utf8');
        for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)) {
          const spec = match[1];
          if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
          names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
        }
      }
    }
  };
  visit(path.join(root, 'src'));
  // Loaded from their files rather than imported.
  for (const wasm of WASM_FILES) names.add(wasm.from.split('/').slice(0, wasm.from.startsWith('@') ? 2 : 1).join('/'));
  return names;
}

/**
 * The licences of every package the bundles may contain: the packages the source imports and everything they
 * depend on, as package-lock.json resolves them (not only what ncc reports, which covers just the last chunk once a
 * bundle is split), each as "name\nlicence\ntext", sorted by name. Every dependency is a build-time one (the package
 * installs nothing), so the lock file's dev flags say nothing here.
 */
function productionLicenses() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const packages = lock.packages ?? {};
  /** Where node would find `name` from the package at `from` (a lock key): its own node_modules, then upward. */
  const resolve = (from, name) => {
    for (let dir = from; ; ) {
      const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (packages[key]) return key;
      if (!dir) return undefined;
      const at = dir.lastIndexOf('/node_modules/');
      dir = at < 0 ? '' : dir.slice(0, at);
    }
  };
  const keys = new Set();
  const queue = [...importedPackages()].map((name) => resolve('', name)).filter(Boolean);
  while (queue.length > 0) {
    const key = queue.pop();
    if (keys.has(key)) continue;
    keys.add(key);
    const entry = packages[key];
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.peerDependencies })) {
      const found = resolve(key, dep);
      if (found) queue.push(found);
    }
  }
  const blocks = new Map();
  for (const key of [...keys].sort()) {
    const entry = packages[key];
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const folder = path.join(root, key);
    if (!fs.existsSync(folder) || blocks.has(name)) continue;
    const file = fs.readdirSync(folder).sort().find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file ? fs.readFileSync(path.join(folder, file), 'utf8').trim() : '';
    blocks.set(name, `${name}\n${entry.license ?? 'UNKNOWN'}${text ? `\n${text}` : ''}`);
  }
  return [...blocks.keys()].sort().map((name) => blocks.get(name)).join('\n\n') + '\n';
}

function writeFile(file, content, mode) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode });
  fs.chmodSync(file, mode); // writeFileSync's mode is subject to the umask
}

async function main() {
  const started = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-build-'));
  try {
    const jobs = [...BUNDLES.map((b) => b.entry), SCHEMA_ENTRY].map((entry, i) => {
      const outDir = path.join(tmp, String(i));
      return ncc(entry, outDir).then(() => outDir);
    });
    const settled = await Promise.allSettled(jobs);
    const failures = settled.filter((s) => s.status === 'rejected');
    if (failures.length > 0) throw new Error(failures.map((f) => f.reason.message).join('\n'));
    const outDirs = settled.map((s) => s.value);

    fs.rmSync(dist, { recursive: true, force: true });
    fs.mkdirSync(dist, { recursive: true });

    const assets = new Map(); // path in dist -> [content, entry]
    BUNDLES.forEach((bundle, i) => {
      const outDir = outDirs[i];
      let code = fs.readFileSync(path.join(outDir, 'index.js'), 'utf8');
      if (bundle.executable) code = SHEBANG + code.replace(/^#![^\n]*\n/, '');
      writeFile(path.join(dist, bundle.out), code, bundle.executable ? 0o755 : 0o644);


      // Assets ncc emits (e.g. .wasm files) are copied next to the bundles, which load them
      // relative to their own location. Two bundles may share an asset, but not disagree on it.
      for (const rel of listFiles(outDir)) {
        if (NCC_OWN_FILES.has(rel)) continue;
        // web-tree-sitter's default location of its runtime (`new URL('web-tree-sitter.wasm', import.meta.url)`),
        // which ncc emits under a hashed name: never loaded, since the bundles pass `locateFile` (WASM_FILES).
        if (/^[0-9a-f]{16,}\.wasm$/.test(rel)) continue;
        const content = fs.readFileSync(path.join(outDir, rel));
        const target = rel.split(path.sep).join('/');
        if (BUNDLES.some((b) => b.out === target)) {
          throw new Error(`ncc build ${bundle.entry} emitted an asset ${target}, the name of a bundle`);
        }
        const seen = assets.get(target);
        if (seen && !seen[0].equals(content)) {
          throw new Error(`${seen[1]} and ${bundle.entry} emit different assets named ${target}`);
        }
        if (!seen) {
          assets.set(target, [content, bundle.entry]);
          const mode = fs.statSync(path.join(outDir, rel)).mode & 0o111 ? 0o755 : 0o644;
          writeFile(path.join(dist, rel), content, mode);
        }
      }
    });
    writeFile(path.join(dist, 'licenses.txt'), productionLicenses(), 0o644);
    for (const wasm of WASM_FILES) {
      const target = path.join(dist, wasm.to);
      const content = fs.readFileSync(packageFile(wasm));
      // An asset ncc emitted under the same name must be the same file.
      if (fs.existsSync(target) && !fs.readFileSync(target).equals(content)) {
        throw new Error(`dist/${wasm.to} was emitted by ncc with other content than ${wasm.from}`);
      }
      writeFile(target, content, 0o644);
    }
    writeFile(path.join(dist, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n', 0o644);

    // The schema: import the bundled src/config/schema.ts (an ES module; ncc wrote a
    // package.json with "type": "module" next to it) and serialise its CONFIG_SCHEMA.
    const schemaModule = await import(pathToFileURL(path.join(outDirs[BUNDLES.length], 'index.js')).href);
    if (schemaModule.CONFIG_SCHEMA === undefined) {
      throw new Error(`${SCHEMA_ENTRY} does not export CONFIG_SCHEMA`);
    }
    writeFile(schemaFile, JSON.stringify(schemaModule.CONFIG_SCHEMA, null, 2) + '\n', 0o644);

    for (const file of [...listFiles(dist).map((f) => path.join(dist, f)), schemaFile]) {
      const size = fs.statSync(file).size;
      console.log(`${path.relative(root, file).padEnd(28)} ${(size / 1024).toFixed(1).padStart(8)} kB`);
    }
    console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
