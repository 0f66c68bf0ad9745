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

const [resultFile, folder, maxBytesText] = process.argv.slice(2);
const maxBytes = Number(maxBytesText ?? 5 * 1024 * 1024);

const started = performance.now();
const require = createRequire(import.meta.url);
const { Parser, Language } = await import('web-tree-sitter');
await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
const grammar = path.join(path.dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')), 'tree-sitter-hcl.wasm');
const parser = new Parser();
parser.setLanguage(await Language.load(new Uint8Array(fs.readFileSync(grammar))));

const NEVER_WALK = new Set(['.git', 'node_modules']);
function walk(dir, out) {
  for (const name of fs.readdirSync(dir).sort()) {
    if (NEVER_WALK.has(name)) continue;
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) walk(full, out);
    else if (stat.isFile() && /\.tf(\.json)?$/.test(name) && stat.size <= maxBytes) out.push(full);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
let bytes = 0;
let hclBytes = 0;
let filesWithErrors = 0;
let readMs = 0;
let hclMs = 0;
const files = walk(path.resolve(folder), []);
for (const file of files) {
  const t = performance.now();
  const data = fs.readFileSync(file);
  let text;
  try {
    text = utf8.decode(data);
  } catch {
    continue;
  }
  readMs += performance.now() - t;
  bytes += data.length;
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
  hclBytes += data.length;
}
const ms = performance.now() - started;

const usage = process.resourceUsage();
fs.writeFileSync(
  resultFile,
  JSON.stringify({ ms, readMs, hclMs, hclBytes, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, files: files.length, bytes, filesWithErrors }) + '\n',
);
