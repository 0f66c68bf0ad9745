// Child process of the bench: the Terraform baseline. Walks a folder as the CLI does (sorted, without .git and
// node_modules, files named *.tf / *.tf.json up to the size limit), reads every file and parses it: `.tf` with the
// raw tree-sitter HCL parser (web-tree-sitter and the grammar's wasm, as the linter loads them), `.tf.json` with
// JSON.parse. Then it reports its time and peak memory.
//
//   node scripts/bench/run-hcl-parse.mjs <result.json> <folder> [max-file-bytes]
//
// Like run-cli.mjs, the time runs from before the parser is loaded to the end: load, walk, read and parse.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { listFiles, readText } from './baseline-files.mjs';

const [resultFile, folder, maxBytesText] = process.argv.slice(2);
const maxBytes = Number(maxBytesText ?? 5 * 1024 * 1024);

const started = performance.now();
const require = createRequire(import.meta.url);
const { Parser, Language } = await import('web-tree-sitter');
await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
const grammar = path.join(path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-hcl.wasm');
const parser = new Parser();
parser.setLanguage(await Language.load(new Uint8Array(fs.readFileSync(grammar))));


let bytes = 0;
let hclBytes = 0;
let filesWithErrors = 0;
let readMs = 0;
let hclMs = 0;
const files = listFiles(folder, /\.tf(\.json)?$/, maxBytes);
for (const file of files) {
  const read = readText(file);
  if (!read) continue;
  const { text } = read;
  readMs += read.ms;
  bytes += read.bytes;
  if (file.endsWith('.json')) {
    try {
      JSON.parse(text);
    } catch {
      filesWithErrors++;
    }
    continue;
  }
  const p = performance.now();
  const tree = parser.parse(text);
  if (tree.rootNode.hasError) filesWithErrors++;
  tree.delete();
  hclMs += performance.now() - p;
  hclBytes += read.bytes;
}
const ms = performance.now() - started;

const usage = process.resourceUsage();
fs.writeFileSync(
  resultFile,
  JSON.stringify({ ms, readMs, hclMs, hclBytes, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, files: files.length, bytes, filesWithErrors }) + '\n',
);
