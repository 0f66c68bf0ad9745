import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Parser, Tree } from 'web-tree-sitter';
import { ReaderSetupError, UnreadableFileError } from '../failure.js';

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

/**
 * The most native HCL handed to tree-sitter at once, in characters. Its memory grows by about 200 bytes per
 * character of a heredoc, and past about 2 GB the WebAssembly module aborts for good (every later file of the scan
 * would fail): a larger file is not parsed, and gets a notice instead.
 */
export const MAX_HCL_PARSE_CHARS = 8 * 1024 * 1024;

/** Why the parser stopped working in this process (it aborted), when it did. */
let aborted: string | undefined;

/** Parses HCL text; throws a clear error when `prepareTerraformParser` has not been awaited. */
export function parseHclTree(text: string): Tree {
  if (!parser) {
    throw new ReaderSetupError('the Terraform parser is not loaded: await prepareReaders() before linting Terraform files');
  }
  if (aborted !== undefined) throw new UnreadableFileError(`the Terraform parser stopped on an earlier file (${aborted})`);
  if (text.length > MAX_HCL_PARSE_CHARS) {
    throw new UnreadableFileError(
      `${(text.length / 1024 / 1024).toFixed(1)} MB of HCL is more than the Terraform parser takes (${MAX_HCL_PARSE_CHARS / 1024 / 1024} MB)`,
    );
  }
  let tree: Tree | null;
  try {
    tree = parser.parse(text);
  } catch (error) {
    // An abort of the WebAssembly module is final: say so for this file and for every later one.
    const message = error instanceof Error ? error.message.split('\n')[0].slice(0, 80) : String(error);
    if (/^Aborted/.test(message) || error instanceof WebAssembly.RuntimeError) aborted = `it aborted: ${message}`;
    throw new UnreadableFileError(`the Terraform parser failed on it (${message})`);
  }
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree;
}
