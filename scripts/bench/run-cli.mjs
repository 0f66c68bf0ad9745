// Child process of the bench: runs the built CLI in this process and reports its time and peak memory.
//
//   node scripts/bench/run-cli.mjs <result.json> <dist/cli.js> [cli arguments …]
//
// The time runs from before the bundle is loaded to after the CLI has returned (the bundle awaits its run at the top
// level, so the import resolves when the report is written), so it includes loading the bundle but not Node's own start-up.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [resultFile, cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], path.resolve(cli), ...args];

const started = performance.now();
await import(pathToFileURL(path.resolve(cli)).href);
const ms = performance.now() - started;

const usage = process.resourceUsage();
fs.writeFileSync(
  resultFile,
  JSON.stringify({ ms, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, exitCode: process.exitCode ?? 0 }) + '\n',
);
