/**
 * The Terraform parser (WebAssembly) is loaded only when a scan has Terraform files: a YAML-only run never loads
 * it, and reading Terraform without loading it first is a clear error. (This file never prepares the parser in
 * its own module registry before the YAML test.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { lintSources } from '../../src/engine/index.js';
import { defaultConfig } from '../../src/config/defaults.js';
import { terraformParserLoads, terraformParserReady, wasmFiles } from '../../src/readers/terraform/wasm.js';
import { prepareReaders } from '../../src/readers/index.js';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const DIST = path.join(ROOT, 'dist');
const built = fs.existsSync(path.join(DIST, 'cli.js')) && fs.existsSync(path.join(DIST, 'tree-sitter-hcl.wasm'));

const YAML = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\nspec: {}\n';
const TF = 'resource "kubernetes_pod_v1" "a" {\n  metadata {\n    name = "a"\n  }\n  spec {}\n}\n';

afterAll(removeTempTrees);

describe('in process', () => {
  it('a YAML-only CLI run does not load the wasm', async () => {
    const cwd = tempTree({ 'k8s/a.yaml': YAML, 'README.md': '# not scanned\n' });
    const { code } = await runCli(['.'], cwd);
    expect(code).toBe(0);
    expect(terraformParserLoads()).toBe(0);
    expect(terraformParserReady()).toBe(false);
  });

  it('reading Terraform unprepared is a clear error, not a wrong result', () => {
    expect(() => lintSources([{ path: 'infra/a.tf', text: TF }], { config: defaultConfig() })).toThrow(
      'the Terraform parser is not loaded: await prepareReaders() before linting Terraform files',
    );
  });

  it('prepareReaders loads it only for Terraform paths, once', async () => {
    await prepareReaders(['k8s/a.yaml', 'b.yml']);
    expect(terraformParserLoads()).toBe(0);
    await prepareReaders([{ path: 'infra/a.tf', skip: 'a binary file' }]);
    expect(terraformParserLoads()).toBe(0);
    await Promise.all([prepareReaders(['infra/a.tf']), prepareReaders(['infra/b.tf.json'])]);
    await prepareReaders(['infra/a.tf']);
    expect(terraformParserLoads()).toBe(1);
    expect(lintSources([{ path: 'infra/a.tf', text: TF }], { config: defaultConfig() }).files).toEqual([{ path: 'infra/a.tf', status: 'scanned' }]);
  });

  it('running from source, the wasm files come from their packages', () => {
    const files = wasmFiles();
    expect(files.runtime).toMatch(/node_modules[\\/]web-tree-sitter[\\/]web-tree-sitter\.wasm$/);
    expect(files.grammar).toMatch(/node_modules[\\/]@tree-sitter-grammars[\\/]tree-sitter-hcl[\\/]tree-sitter-hcl\.wasm$/);
  });
});

(built ? describe : describe.skip)('the bundle (dist/)', () => {
  /** dist/ copied elsewhere, without its wasm files: what a YAML-only run needs is all there. */
  function distWithoutWasm(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-dist-'));
    for (const name of fs.readdirSync(DIST)) {
      if (!name.endsWith('.wasm')) fs.copyFileSync(path.join(DIST, name), path.join(dir, name));
    }
    return dir;
  }

  it('carries both wasm files', () => {
    expect(fs.readFileSync(path.join(DIST, 'web-tree-sitter.wasm')).equals(fs.readFileSync(wasmFiles().runtime))).toBe(true);
    expect(fs.readFileSync(path.join(DIST, 'tree-sitter-hcl.wasm')).equals(fs.readFileSync(wasmFiles().grammar))).toBe(true);
  });

  it('a YAML-only run works without the wasm files beside the bundle; a Terraform run names the missing file', () => {
    const dir = distWithoutWasm();
    const work = tempTree({ 'k8s/a.yaml': YAML, 'infra/a.tf': TF });
    try {
      const yaml = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'k8s', '--format', 'json'], { cwd: work, encoding: 'utf8' });
      expect(yaml.stderr).toBe('');
      expect(yaml.status).toBe(0);
      expect(JSON.parse(yaml.stdout).files).toEqual([{ path: 'k8s/a.yaml', status: 'scanned' }]);
      const tf = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '.'], { cwd: work, encoding: 'utf8' });
      expect(tf.status).toBe(2);
      expect(tf.stderr).toMatch(/cannot read \S+web-tree-sitter\.wasm, which the Terraform parser needs/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the wasm files from beside the bundle, wherever it is copied', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-dist-'));
    const work = tempTree({ 'infra/a.tf': TF.replace('name = "a"', 'name = "a"\n    annotations = { "k8s.aliyun.com/eci-with-eip" = "yes" }') });
    try {
      for (const name of fs.readdirSync(DIST)) fs.copyFileSync(path.join(DIST, name), path.join(dir, name));
      const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), '.', '--format', 'json'], { cwd: work, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const report = JSON.parse(r.stdout);
      expect(report.findings.map((f: { ruleId: string; line: number }) => [f.ruleId, f.line])).toEqual([['eip-invalid-value', 4]]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
