// Child process of the bench: the baseline. Walks a folder as the CLI does (sorted, without .git and
// node_modules, files named *.yaml / *.yml up to the size limit), reads every file and parses it with
// the `yaml` package's parseAllDocuments, then reports its time and peak memory.
//
//   node scripts/bench/run-parse.mjs <result.json> <folder> [max-file-bytes]
//
// Like run-cli.mjs, the time runs from before the parser is loaded to the end: walk, read and parse.

import fs from 'node:fs';
import path from 'node:path';

const [resultFile, folder, maxBytesText] = process.argv.slice(2);
const maxBytes = Number(maxBytesText ?? 5 * 1024 * 1024);

const started = performance.now();
const { parseAllDocuments } = await import('yaml');

const NEVER_WALK = new Set(['.git', 'node_modules']);
function walk(dir, out) {
  for (const name of fs.readdirSync(dir).sort()) {
    if (NEVER_WALK.has(name)) continue;
    const full = path.join(dir, name);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) walk(full, out);
    else if (stat.isFile() && /\.ya?ml$/.test(name) && stat.size <= maxBytes) out.push(full);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
let bytes = 0;
let documents = 0;
let filesWithErrors = 0;
let readMs = 0;
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
  const parsed = parseAllDocuments(text, { logLevel: 'silent' });
  if ('empty' in parsed) {
    if (parsed.errors.length > 0) filesWithErrors++;
    continue;
  }
  documents += parsed.length;
  if (parsed.some((doc) => doc.errors.length > 0)) filesWithErrors++;
}
const ms = performance.now() - started;

const usage = process.resourceUsage();
fs.writeFileSync(
  resultFile,
  JSON.stringify({ ms, readMs, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, files: files.length, bytes, documents, filesWithErrors }) + '\n',
);
