#!/usr/bin/env node
// Builds the two bundles into dist/ and writes schema/config.schema.json.
//
//   src/cli/main.ts     -> dist/cli.js    (shebang, mode 755; the package's `bin`)
//   src/action/main.ts  -> dist/index.js  (the GitHub Action's entry, see action.yml)
//   dist/licenses.txt   licenses of the bundled third-party packages (both bundles)
//   dist/package.json   {"type": "module"}: the bundles are ES modules
//   schema/config.schema.json   CONFIG_SCHEMA from src/config/schema.ts
//
// Each entry is bundled by the ncc CLI into a temporary folder, then copied. The output is
// deterministic: CI rebuilds and checks `git diff --exit-code dist schema`. Run from anywhere;
// ncc always runs with the repository root as its working directory, because the module
// comments it writes into the bundles hold paths relative to it.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
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

/** Modules ncc leaves unbundled (its `-e` flag), for every bundle. */
const EXTERNALS = [];

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

/** Names of all installed packages: the possible headers of a licenses.txt block. */
function installedPackageNames() {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  const names = new Set();
  for (const key of Object.keys(lock.packages ?? {})) {
    const at = key.lastIndexOf('node_modules/');
    if (at >= 0) names.add(key.slice(at + 'node_modules/'.length));
  }
  return names;
}

/**
 * Splits an ncc licenses.txt (blocks of "name\nlicense\ntext" separated by blank lines) into
 * blocks. A block starts at the beginning of the file or after a blank line, with a line that is
 * the name of an installed package. If the file does not look like that, it is one block.
 */
function licenseBlocks(text, names) {
  const starts = [];
  for (const match of text.matchAll(/(^|\n\n)([^\n]+)\n/g)) {
    if (names.has(match[2])) starts.push({ at: match.index + match[1].length, name: match[2] });
  }
  if (starts.length === 0 || starts[0].at !== 0) return [{ name: '', text: text.trimEnd() }];
  return starts.map((start, i) => ({
    name: start.name,
    text: text.slice(start.at, i + 1 < starts.length ? starts[i + 1].at : undefined).trimEnd(),
  }));
}

/** One licenses file for all bundles: the distinct blocks, sorted by package name. */
function mergeLicenses(texts) {
  const names = installedPackageNames();
  const blocks = new Map();
  for (const text of texts) {
    for (const block of licenseBlocks(text, names)) blocks.set(block.text, block);
  }
  const sorted = [...blocks.values()].sort((a, b) =>
    a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
  );
  return sorted.map((block) => block.text).join('\n\n') + '\n';
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

    const licenses = [];
    const assets = new Map(); // path in dist -> [content, entry]
    BUNDLES.forEach((bundle, i) => {
      const outDir = outDirs[i];
      let code = fs.readFileSync(path.join(outDir, 'index.js'), 'utf8');
      if (bundle.executable) code = SHEBANG + code.replace(/^#![^\n]*\n/, '');
      writeFile(path.join(dist, bundle.out), code, bundle.executable ? 0o755 : 0o644);

      const licenseFile = path.join(outDir, 'licenses.txt');
      if (fs.existsSync(licenseFile)) licenses.push(fs.readFileSync(licenseFile, 'utf8'));

      // Assets ncc emits (e.g. .wasm files) are copied next to the bundles, which load them
      // relative to their own location. Two bundles may share an asset, but not disagree on it.
      for (const rel of listFiles(outDir)) {
        if (NCC_OWN_FILES.has(rel)) continue;
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
    if (licenses.length > 0) writeFile(path.join(dist, 'licenses.txt'), mergeLicenses(licenses), 0o644);
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
