#!/usr/bin/env node
// The mutation check (`npm run mutate`). It asks of each mutant in scripts/mutants.json: "if the source were wrong
// in this way, would a test notice?" A mutant is one small change of one source line (a true word dropped, a
// comparison flipped, a safety net disabled). For each, in a scratch copy of the repository, it applies the change,
// runs the test files the mutant names, and restores the line. A mutant is killed when a test fails, survives when
// every test still passes. The repository itself is never changed.
//
//   node scripts/mutate.mjs [--only TEXT]… [--list] [--workers N] [--timeout SECONDS] [--json FILE] [--keep]
//
// --only runs the mutants whose id or file contains TEXT; --list prints the mutants with their lines (and any stale
// one) and runs nothing; --json writes
// the results as JSON; --keep leaves the scratch copy (its path is printed).
//
// A mutant's `find` must occur exactly once in its file (or give `nth`, counting from 1), so that a mutant never
// silently lands elsewhere when the code around it moves: a mutant whose text is gone is reported as stale.
// Only unit and in-process tests are run: the end-to-end tests run the built dist/, which a mutant does not change.
//
// A mutant with `equivalent` (the reason) cannot change what a user sees; its survival is reported, not a failure.
//
// Exit status: 0 when every mutant is killed (or equivalent), 1 when some survive, 2 when a mutant is stale or the unmutated tests
// fail (the check would mean nothing).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIST = path.join(ROOT, 'scripts', 'mutants.json');

const { values } = parseArgs({
  options: {
    only: { type: 'string', multiple: true, default: [] },
    list: { type: 'boolean', default: false },
    workers: { type: 'string', default: '1' },
    timeout: { type: 'string', default: '300' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

/** @typedef {{ id: string, file: string, find: string, replace: string, nth?: number, tests: string[], why: string, equivalent?: string }} Mutant */

/** @returns {{ groups: Record<string, string[]>, mutants: Mutant[] }} */
function readList() {
  const list = JSON.parse(fs.readFileSync(LIST, 'utf8'));
  const ids = new Set();
  for (const m of list.mutants) {
    if (ids.has(m.id)) throw new Error(`mutants.json: the id ${m.id} is used twice`);
    ids.add(m.id);
    for (const t of m.tests) if (t.startsWith('@') && !list.groups[t.slice(1)]) throw new Error(`mutants.json: ${m.id}: no test group ${t}`);
  }
  return list;
}

/** The test paths of a mutant, with `@group` names expanded. */
function testsOf(mutant, groups) {
  return [...new Set(mutant.tests.flatMap((t) => (t.startsWith('@') ? groups[t.slice(1)] : [t])))];
}

/** Where `find` is in `text`: the index of its nth occurrence, or why it cannot be placed. */
function locate(text, mutant) {
  const at = [];
  for (let i = text.indexOf(mutant.find); i !== -1; i = text.indexOf(mutant.find, i + 1)) at.push(i);
  if (mutant.nth !== undefined) return at.length >= mutant.nth ? { index: at[mutant.nth - 1] } : { stale: `occurrence ${mutant.nth} of the text not found (${at.length} found)` };
  if (at.length === 0) return { stale: 'the text is not in the file' };
  if (at.length > 1) return { stale: `the text occurs ${at.length} times; give nth` };
  return { index: at[0] };
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

function scratchCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-mutate-'));
  const repo = path.join(dir, 'repo');
  fs.mkdirSync(repo);
  // The repository's files as the working tree has them (tracked, and new ones not ignored); node_modules is linked.
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const name of listed.stdout.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, name);
    const stat = fs.lstatSync(from, { throwIfNoEntry: false });
    if (!stat) continue; // deleted in the working tree
    fs.mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    if (stat.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(from), path.join(repo, name));
    else fs.copyFileSync(from, path.join(repo, name));
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  // The tests find the shared corpus as ../shared/corpus from the repository root.
  const shared = path.resolve(ROOT, '..', 'shared');
  if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(dir, 'shared'), 'dir');
  return { dir, repo };
}

function runTests(repo, tests) {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [path.join(repo, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--silent', '--bail', `--maxWorkers=${values.workers}`, ...tests],
    {
      cwd: repo,
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(), FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: Number(values.timeout) * 1000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (Date.now() - started) / 1000;
  if (r.error?.code === 'ETIMEDOUT') return { passed: false, timedOut: true, seconds, output: '' };
  return { passed: r.status === 0, timedOut: false, seconds, output: `${r.stdout}${r.stderr}` };
}

/** The names of the failing tests in jest's output, to show what killed a mutant. */
function failingTests(output) {
  return [...new Set(output.split('\n').filter((l) => /^\s*● /.test(l)).map((l) => l.replace(/^\s*● /, '').trim()))].slice(0, 2);
}

function main() {
  const { groups, mutants: all } = readList();
  const mutants = values.only.length ? all.filter((m) => values.only.some((o) => m.id.includes(o) || m.file.includes(o))) : all;
  if (values.list) {
    let stale = 0;
    for (const m of mutants) {
      const text = fs.readFileSync(path.join(ROOT, m.file), 'utf8');
      const place = locate(text, m);
      if (place.stale) stale++;
      const where = place.stale ? `STALE: ${place.stale}` : `${m.file}:${lineOf(text, place.index)}`;
      console.log(`${m.id.padEnd(34)} ${where}  ${JSON.stringify(m.find)} → ${JSON.stringify(m.replace)}`);
    }
    console.log(`${mutants.length} mutant(s)${stale ? `, ${stale} stale` : ''}`);
    return stale > 0 ? 2 : 0;
  }
  const { dir, repo } = scratchCopy();
  const results = [];
  try {
    const baselineTests = [...new Set(mutants.flatMap((m) => testsOf(m, groups)))];
    console.log(`Scratch copy: ${dir}\nBaseline: the unmutated source against ${baselineTests.length} test path(s) …`);
    const baseline = runTests(repo, baselineTests);
    if (!baseline.passed) {
      console.error(baseline.timedOut ? 'The baseline run timed out.' : `The unmutated tests fail; fix them first:\n${baseline.output.slice(-4000)}`);
      return 2;
    }
    console.log(`Baseline passes (${baseline.seconds.toFixed(1)} s).\n`);
    for (const [i, m] of mutants.entries()) {
      const file = path.join(repo, m.file);
      const original = fs.readFileSync(file, 'utf8');
      const place = locate(original, m);
      const tag = `[${String(i + 1).padStart(String(mutants.length).length)}/${mutants.length}] ${m.id}`;
      if (place.stale) {
        results.push({ ...m, status: 'stale', detail: place.stale });
        console.log(`${tag}: STALE (${place.stale})`);
        continue;
      }
      const line = lineOf(original, place.index);
      fs.writeFileSync(file, original.slice(0, place.index) + m.replace + original.slice(place.index + m.find.length));
      let run;
      try {
        run = runTests(repo, testsOf(m, groups));
      } finally {
        fs.writeFileSync(file, original);
      }
      // An equivalent mutant changes nothing a user can see; it is kept in the list to say so, and does not fail the check.
      const status = run.passed ? (m.equivalent ? 'equivalent' : 'survived') : 'killed';
      const detail = run.timedOut ? 'timed out' : run.passed ? '' : failingTests(run.output).join(' | ');
      results.push({ ...m, line, status, detail, seconds: run.seconds });
      console.log(`${tag}: ${{ killed: 'killed', survived: 'SURVIVED', equivalent: 'survived (equivalent)' }[status]} (${m.file}:${line}, ${run.seconds.toFixed(1)} s)${detail ? `  ${detail.slice(0, 160)}` : ''}`);
    }
  } finally {
    if (values.keep) console.log(`\nKept the scratch copy: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }

  const count = (s) => results.filter((r) => r.status === s).length;
  console.log(
    `\n${results.length} mutant(s): ${count('killed')} killed, ${count('survived')} survived, ${count('equivalent')} equivalent (survived, changing nothing a user sees), ${count('stale')} stale.`,
  );
  for (const r of results.filter((x) => x.status !== 'killed')) {
    console.log(`  ${r.status.toUpperCase()} ${r.id} (${r.file}${r.line ? `:${r.line}` : ''}): ${r.status === 'equivalent' ? r.equivalent : r.why}`);
  }
  if (values.json) fs.writeFileSync(values.json, `${JSON.stringify(results.map(({ id, file, line, status, detail, seconds }) => ({ id, file, line, status, detail, seconds })), null, 2)}\n`);
  return count('stale') > 0 ? 2 : count('survived') > 0 ? 1 : 0;
}

process.exitCode = main();
