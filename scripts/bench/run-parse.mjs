// Child process of the bench: the baseline. Walks a folder as the CLI does (sorted, without .git and
// node_modules, files named *.yaml / *.yml up to the size limit), reads every file and parses it with
// the `yaml` package's parseAllDocuments, then reports its time and peak memory.
//
//   node scripts/bench/run-parse.mjs <result.json> <folder> [max-file-bytes]
//
// Like run-cli.mjs, the time runs from before the parser is loaded to the end: walk, read and parse.

import fs from 'node:fs';
import { listFiles, readText } from './baseline-files.mjs';

const [resultFile, folder, maxBytesText] = process.argv.slice(2);
const maxBytes = Number(maxBytesText ?? 5 * 1024 * 1024);

const started = performance.now();
const { parseAllDocuments } = await import('yaml');


let bytes = 0;
let documents = 0;
let filesWithErrors = 0;
let readMs = 0;
const files = listFiles(folder, /\.ya?ml$/, maxBytes);
for (const file of files) {
  const read = readText(file);
  if (!read) continue;
  const { text } = read;
  readMs += read.ms;
  bytes += read.bytes;
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
