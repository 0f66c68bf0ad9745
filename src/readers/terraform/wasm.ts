import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Parser, Tree } from 'web-tree-sitter';
import { ReaderSetupError } from '../failure.js';

/**
 * The tree-sitter HCL parser, loaded on demand. tree-sitter runs as WebAssembly: `web-tree-sitter.wasm` (the
 * runtime) and `tree-sitter-hcl.wasm` (the grammar). Loading them is asynchronous, so the CLI and the action call
 * `prepareTerraformParser()` before a scan that has Terraform files; a scan without any never loads them.
 */

export const RUNTIME_WASM = 'web-tree-sitter.wasm';
export const GRAMMAR_WASM = 'tree-sitter-hcl.wasm';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;
let loads = 0;

/** Where the two wasm files are: beside the bundle (dist/), else in their packages (running from source). */
export function wasmFiles(): { runtime: string; grammar: string } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = { runtime: path.join(here, RUNTIME_WASM), grammar: path.join(here, GRAMMAR_WASM) };
  if (fs.existsSync(beside.grammar)) return beside;
  const require = createRequire(import.meta.url);
  // Computed names: a bundler must not try to follow these; the build copies the files into dist/ instead.
  const resolve = (pkg: string, file: string) => {
    try {
      return require.resolve([pkg, file].join('/'));
    } catch {
      return undefined;
    }
  };
  const runtime = resolve('web-tree-sitter', RUNTIME_WASM);
  const grammarPackage = resolve(['@tree-sitter-grammars', 'tree-sitter-hcl'].join('/'), 'package.json');
  if (!runtime || !grammarPackage) return beside;
  return { runtime, grammar: path.join(path.dirname(grammarPackage), GRAMMAR_WASM) };
}

/** Loads the parser once; later calls return at once. */
export function prepareTerraformParser(): Promise<void> {
  if (parser) return Promise.resolve();
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<void> {
  const files = wasmFiles();
  for (const file of [files.runtime, files.grammar]) {
    try {
      fs.accessSync(file, fs.constants.R_OK);
    } catch {
      throw new Error(`cannot read ${file}, which the Terraform parser needs: reinstall eci-egress-lint`);
    }
  }
  loads++;
  const { Parser: ParserClass, Language } = await import('web-tree-sitter');
  await ParserClass.init({ locateFile: () => files.runtime });
  const language = await Language.load(new Uint8Array(fs.readFileSync(files.grammar)));
  const created = new ParserClass();
  created.setLanguage(language);
  parser = created;
}

export function terraformParserReady(): boolean {
  return parser !== undefined;
}

/** How many times the wasm files were loaded in this process (tests prove a YAML-only scan loads none). */
export function terraformParserLoads(): number {
  return loads;
}

/** Parses HCL text; throws a clear error when `prepareTerraformParser` has not been awaited. */
export function parseHclTree(text: string): Tree {
  if (!parser) {
    throw new ReaderSetupError('the Terraform parser is not loaded: await prepareReaders() before linting Terraform files');
  }
  const tree = parser.parse(text);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
