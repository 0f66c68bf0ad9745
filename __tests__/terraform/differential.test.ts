/**
 * The reader against HashiCorp's own parser: `@cdktf/hcl2json` (HCL's Go implementation compiled to wasm) turns a
 * file into JSON; every attribute value that our syntax tree holds as a literal must be the same value there, over
 * the shared corpus's Terraform files (category B, when it is present) and the project's own fixtures and
 * examples. Syntax errors must be reported on the same line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as hcl2json } from '@cdktf/hcl2json';
import type { Expr, HclObject } from '../../src/readers/terraform/hcl.js';
import { parseJsonHcl } from '../../src/readers/terraform/json.js';
import { parseNativeHcl } from '../../src/readers/terraform/native.js';
import { lintTf, prepareTerraform } from './helpers.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../', import.meta.url)));
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const UNKNOWN = Symbol('not a literal');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mine = Json | typeof UNKNOWN | Mine[] | { [key: string]: Mine };

beforeAll(prepareTerraform);

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.tf(\.json)?$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** The corpus's category B files, from its SOURCES.tsv. */
function corpusFiles(): string[] {
  const sources = path.join(CORPUS, 'SOURCES.tsv');
  if (!fs.existsSync(sources)) return [];
  const files: string[] = [];
  for (const line of fs.readFileSync(sources, 'utf8').split('\n').slice(1)) {
    const [repo, , file, , category] = line.split('\t');
    if (category?.trim() !== 'B') continue;
    const full = path.join(CORPUS, repo.replace('/', '__'), file);
    if (fs.existsSync(full)) files.push(full);
  }
  return files;
}

/** hcl2json writes strings as templates: `${` and `%{` come back escaped. */
function asTemplate(value: string): string {
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function exprJson(expr: Expr, escape: boolean): Mine {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'string' && escape ? asTemplate(expr.value) : expr.value;
    case 'tuple':
      return expr.items.map((e) => exprJson(e, escape));
    case 'object': {
      if (expr.object.items.some((i) => i.key === undefined)) return UNKNOWN;
      return Object.fromEntries(expr.object.items.map((i) => [i.key!, i.value ? exprJson(i.value, escape) : UNKNOWN]));
    }
    default:
      return UNKNOWN;
  }
}

/** Our tree in hcl2json's shape: blocks as arrays of bodies, nested under their labels. */
function bodyJson(object: HclObject, escape = true): { [key: string]: Mine } {
  const out: { [key: string]: Mine } = {};
  for (const item of object.items) {
    if (item.key === undefined) continue;
    if (item.value) {
      out[item.key] = exprJson(item.value, escape);
      continue;
    }
    if (!item.block) continue;
    let holder = out as { [key: string]: Mine };
    const path = [item.key, ...item.block.labels];
    for (const key of path.slice(0, -1)) holder = (holder[key] ??= {}) as { [key: string]: Mine };
    const last = path[path.length - 1];
    ((holder[last] ??= []) as Mine[]).push(bodyJson(item.block.body));
  }
  return out;
}

interface Stats {
  compared: number;
  skipped: number;
}

function compare(mine: Mine, theirs: Json, where: string, stats: Stats): void {
  if (mine === UNKNOWN) {
    stats.skipped++;
    return;
  }
  if (Array.isArray(mine)) {
    if (!Array.isArray(theirs)) throw new Error(`${where}: a list here, ${JSON.stringify(theirs)} in hcl2json`);
    expect([where, mine.length]).toEqual([where, theirs.length]);
    mine.forEach((m, i) => compare(m, theirs[i], `${where}[${i}]`, stats));
    return;
  }
  if (mine !== null && typeof mine === 'object') {
    if (theirs === null || typeof theirs !== 'object' || Array.isArray(theirs)) throw new Error(`${where}: an object here, ${JSON.stringify(theirs)} in hcl2json`);
    expect([where, Object.keys(mine).sort()]).toEqual([where, Object.keys(theirs).sort()]);
    for (const key of Object.keys(mine)) compare(mine[key], theirs[key], `${where}.${key}`, stats);
    return;
  }
  expect([where, mine]).toEqual([where, theirs]);
  stats.compared++;
}

function parseOurs(file: string, text: string) {
  return file.endsWith('.tf.json') ? parseJsonHcl(text) : parseNativeHcl(text);
}

async function differential(files: string[]): Promise<Stats & { files: number }> {
  const stats: Stats = { compared: 0, skipped: 0 };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const ours = parseOurs(file, text);
    expect([file, ours.error?.message]).toEqual([file, undefined]);
    // hcl2json reads native syntax only; a .tf.json file is checked against JSON.parse (strings that are
    // templates aside, which stay unknown).
    const json = file.endsWith('.tf.json');
    const theirs = (json ? JSON.parse(text, (key, value) => (key === '//' ? undefined : value)) : await hcl2json(path.basename(file), text)) as Json;
    compare(bodyJson(ours.top, !json), theirs, path.relative(ROOT, file), stats);
  }
  return { ...stats, files: files.length };
}

const ownFiles = [...walk(path.join(ROOT, '__tests__', 'fixtures', 'terraform', 'syntax')), ...walk(path.join(ROOT, 'examples', 'terraform')).filter((f) => !f.includes(`${path.sep}broken${path.sep}`))];

describe('attribute values equal what hcl2json gives', () => {
  it('over the project\'s fixtures and examples', async () => {
    const stats = await differential(ownFiles);
    if (process.env.TEST_STATS) console.log(`differential (fixtures and examples): ${stats.files} files, ${stats.compared} literal values equal, ${stats.skipped} expressions not compared`);
    expect(stats.files).toBeGreaterThanOrEqual(15);
    expect(stats.compared).toBeGreaterThan(200);
  });

  const corpus = corpusFiles();
  (corpus.length > 0 ? it : it.skip)(`over the shared corpus's Terraform files (category B${corpus.length > 0 ? `, ${corpus.length} files` : ': corpus absent, skipped'})`, async () => {
    const stats = await differential(corpus);
    if (process.env.TEST_STATS) console.log(`differential (corpus category B): ${stats.files} files, ${stats.compared} literal values equal, ${stats.skipped} expressions not compared`);
    expect(stats.files).toBeGreaterThanOrEqual(90);
    expect(stats.compared).toBeGreaterThan(1000);
  }, 120_000);
});

describe('syntax errors are reported on the line hcl2json names', () => {
  const broken = walk(path.join(ROOT, '__tests__', 'fixtures', 'terraform', 'broken')).filter((f) => f.endsWith('.tf')).concat(path.join(ROOT, 'examples', 'terraform', 'broken', 'unclosed-block.tf'));
  it.each(broken.map((f) => [path.relative(ROOT, f)]))('%s', async (relative) => {
    const text = fs.readFileSync(path.join(ROOT, relative), 'utf8');
    let message = '';
    try {
      await hcl2json(path.basename(relative), text);
    } catch (error) {
      message = String(error);
    }
    const line = Number(/:(\d+),\d+/.exec(message)?.[1]);
    expect(line).toBeGreaterThan(0);
    const result = lintTf(text, {}, relative);
    const parseErrors = result.findings.filter((f) => f.ruleId === 'parse-error');
    expect(parseErrors).toHaveLength(1);
    expect(parseErrors[0].span.line).toBe(line);
  });
});

describe('a .tf.json file that is not JSON', () => {
  it('is a parse-error at the JSON error\'s position; the file is not checked', () => {
    const file = '__tests__/fixtures/terraform/broken/bad-json.tf.json';
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const result = lintTf(text, {}, file);
    expect(result.findings.map((f) => [f.ruleId, f.span.line, f.message])).toEqual([
      ['parse-error', 4, 'JSON syntax error: property name expected. The file is not checked.'],
    ]);
  });
});
