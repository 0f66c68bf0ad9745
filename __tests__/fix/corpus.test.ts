/**
 * Over the real-world corpus (`../shared/corpus` beside the repository; skipped when absent): each defect is injected
 * into each workload found, one at a time, and fixed. The same properties as the property tests hold: the fixed text
 * parses, the finding is gone, fixing again changes nothing, the parsed result is the parsed original with only the
 * intended change, and the lines the fix did not have to touch are still there, byte for byte and in order.
 */
import { diffArrays } from 'diff';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult } from '../../src/model/index.js';
import { applyFixes, isSelected } from '../../src/fix/index.js';
import type { Config } from '../../src/model/index.js';
import { splitDocuments } from '../../src/readers/kubernetes/documents.js';
import { config, parseDocs, yamlErrors } from './helpers.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const present = fs.existsSync(CORPUS);
/** At most this many documents are used (an even sample of those found), to keep the test within seconds. */
const MAX_DOCUMENTS = 200;
const MAX_FILE_SIZE = 512 * 1024;

const EIP = 'k8s.aliyun.com/eci-with-eip';
const BW = 'k8s.aliyun.com/eip-bandwidth';
const TYPO = 'k8s.aliyun.com/eci-with-eips';
const POD_KINDS = /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|Pod|ReplicationController)["']?\s*$/m;

type Defect = 'misplaced-object' | 'misplaced-label' | 'not-string' | 'invalid-value' | 'unknown-key' | 'missing' | 'redundant';
const DEFECTS: Defect[] = ['misplaced-object', 'misplaced-label', 'not-string', 'invalid-value', 'unknown-key', 'missing', 'redundant'];
const RULE: Record<Defect, string> = {
  'misplaced-object': 'eip-misplaced',
  'misplaced-label': 'eip-misplaced',
  'not-string': 'eip-not-string',
  'invalid-value': 'eip-invalid-value',
  'unknown-key': 'eip-unknown-key',
  missing: 'eip-missing',
  redundant: 'eip-redundant',
};
/** The policy of each case: `none` keeps eip-missing out of the cases that are not about it. */
const POLICY: Record<Defect, Partial<Config>> = {
  'misplaced-object': { egress: 'none' },
  'misplaced-label': { egress: 'none' },
  'not-string': { egress: 'none' },
  'invalid-value': { egress: 'none' },
  'unknown-key': { egress: 'none' },
  missing: { egress: 'eip' },
  redundant: { egress: 'nat' },
};

interface Doc {
  /** `repo/path#n`. */
  name: string;
  text: string;
}

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name) && fs.statSync(full).size <= MAX_FILE_SIZE) out.push(full);
  }
  return out.sort();
}

/** Documents with one workload kind, no EIP key yet, and no suppression comments: the clean start each case needs. */
function candidateDocuments(): { docs: Doc[]; found: number } {
  const docs: Doc[] = [];
  for (const file of yamlFiles(CORPUS)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('{{')) continue;
    splitDocuments(text).forEach((chunk, i) => {
      const doc = chunk.text.replace(/^---[^\n]*\n/, '');
      if (!POD_KINDS.test(doc) || /aliyun\.com\/|alibabacloud\.com\/|eci-egress-lint/.test(doc) || /^%/m.test(doc)) return;
      docs.push({ name: `${path.relative(CORPUS, file)}#${i}`, text: doc });
    });
  }
  const step = Math.max(1, docs.length / MAX_DOCUMENTS);
  const sample: Doc[] = [];
  for (let i = 0; i < docs.length && sample.length < MAX_DOCUMENTS; i += step) sample.push(docs[Math.floor(i)]);
  return { docs: sample, found: docs.length };
}

// ---- injecting a defect ---------------------------------------------------------------------------------------

function pairOf(map: YAMLMap | null | undefined, key: string): Pair | undefined {
  return map?.items.find((p) => (p.key as { value?: unknown })?.value === key);
}

function mapAt(map: YAMLMap | null | undefined, ...keys: string[]): YAMLMap | null {
  let at: YAMLMap | null | undefined = map;
  for (const key of keys) {
    const value = pairOf(at, key)?.value;
    at = isMap(value) ? value : null;
  }
  return at ?? null;
}

/** The map holding the pod template's `metadata`. */
function templateOf(doc: Document): YAMLMap | null {
  const root = isMap(doc.contents) ? doc.contents : null;
  const kind = (pairOf(root, 'kind')?.value as { value?: unknown })?.value;
  if (kind === 'Pod') return root;
  if (kind === 'CronJob') return mapAt(root, 'spec', 'jobTemplate', 'spec', 'template');
  return mapAt(root, 'spec', 'template');
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * Adds `entry` (`key: value`) to the map under `name` in `parent`, writing it as the map's first entry, or creates the
 * map as a flow map `name: {entry}` before the parent's first key. Undefined when the layout is not one to write into.
 */
function addEntry(text: string, parent: YAMLMap | null, name: string, entry: string): { text: string; created: boolean } | undefined {
  if (!parent?.range) return undefined;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const pair = pairOf(parent, name);
  const insertBefore = (node: Node, line: string) => {
    const start = node.range![0];
    const lineStart = lineStartOf(text, start);
    if (text.slice(lineStart, start).trim() !== '') return undefined;
    return text.slice(0, lineStart) + ' '.repeat(start - lineStart) + line + nl + text.slice(lineStart);
  };
  if (pair) {
    const map = pair.value;
    if (!isMap(map) || !map.range) return undefined;
    if (map.flow) {
      const open = map.range[0];
      if (text[open] !== '{') return undefined;
      return { text: text.slice(0, open + 1) + entry + (map.items.length > 0 ? ', ' : '') + text.slice(open + 1), created: false };
    }
    const first = map.items[0]?.key as Node | undefined;
    const out = first?.range ? insertBefore(first, entry) : undefined;
    return out === undefined ? undefined : { text: out, created: false };
  }
  if (parent.flow) {
    const open = parent.range[0];
    if (text[open] !== '{' || parent.items.length === 0) return undefined;
    return { text: text.slice(0, open + 1) + `${name}: {${entry}}, ` + text.slice(open + 1), created: true };
  }
  const first = parent.items[0]?.key as Node | undefined;
  const out = first?.range ? insertBefore(first, `${name}: {${entry}}`) : undefined;
  return out === undefined ? undefined : { text: out, created: true };
}

/** The document with the defect in it, or undefined when this document's layout does not allow it. */
function inject(text: string, defect: Defect): string | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  const root = isMap(doc.contents) ? doc.contents : null;
  const template = templateOf(doc);
  if (!template) return undefined;
  const podMetadata = mapAt(template, 'metadata');
  const toPodAnnotations = (entry: string) => {
    if (podMetadata) return addEntry(text, podMetadata, 'annotations', entry)?.text;
    // No pod metadata yet: a flow `metadata:` before the template's first key.
    return addEntry(text, template, 'metadata', `annotations: {${entry}}`)?.text;
  };
  switch (defect) {
    case 'misplaced-object':
      return template === root ? undefined : addEntry(text, mapAt(root, 'metadata'), 'annotations', `${EIP}: "true"`)?.text;
    case 'misplaced-label':
      return pairOf(podMetadata, 'labels') ? addEntry(text, podMetadata, 'labels', `${EIP}: "true"`)?.text : undefined;
    case 'not-string':
      return toPodAnnotations(`${EIP}: true`);
    case 'invalid-value':
      return toPodAnnotations(`${BW}: "10M"`);
    case 'unknown-key':
      return toPodAnnotations(`${TYPO}: "true"`);
    case 'missing':
      return text;
    case 'redundant':
      return toPodAnnotations(`${EIP}: "true"`);
  }
}

// ---- the intended change ----------------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function podMetadataOf(doc: Obj): Obj {
  const template = doc.kind === 'Pod' ? doc : doc.kind === 'CronJob' ? doc.spec.jobTemplate.spec.template : doc.spec.template;
  if (doc.kind === 'Pod') return template.metadata;
  template.metadata ??= {};
  return template.metadata;
}

/** The parsed injected document (changed in place) with the change the fix is meant to make. */
function intended(doc: Obj, defect: Defect): Obj {
  const pod = podMetadataOf(doc);
  const annotations = (): Obj => (pod.annotations ??= {});
  switch (defect) {
    case 'misplaced-object':
      delete doc.metadata.annotations[EIP];
      annotations()[EIP] = 'true';
      break;
    case 'misplaced-label':
      delete pod.labels[EIP];
      annotations()[EIP] = 'true';
      break;
    case 'not-string':
    case 'missing':
      annotations()[EIP] = 'true';
      break;
    case 'invalid-value':
      annotations()[BW] = '10';
      break;
    case 'unknown-key':
      delete annotations()[TYPO];
      annotations()[EIP] = 'true';
      break;
    case 'redundant':
      delete annotations()[EIP];
      break;
  }
  return doc;
}

/**
 * Metadata maps with no key are the same to Kubernetes whether they are `{}`, a bare key (null) or not written at all: a
 * fix that empties a map removes it with its key (and a `metadata:` left with nothing is a bare key).
 */
const METADATA_MAPS = new Set(['annotations', 'labels', 'metadata']);

function emptyMapsAlike(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(emptyMapsAlike);
  if (value && typeof value === 'object') {
    const kept = Object.entries(value)
      .map(([k, v]) => [k, emptyMapsAlike(v)] as const)
      .filter(([k, v]) => !(METADATA_MAPS.has(k) && (v === null || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0))));
    return Object.fromEntries(kept);
  }
  return value;
}

/** Lints and fixes a text; `linted` is its lint when the caller has it (the engine then does not lint it again). */
function fix(text: string, defect: Defect, linted?: LintResult) {
  const cfg = config(POLICY[defect]);
  const unsafeRules = defect === 'redundant' ? ['eip-redundant'] : [];
  const sources = [{ path: 'corpus.yaml', text }];
  const before = linted ?? lintSources(sources, { config: cfg });
  const out = applyFixes(sources, before.findings, { config: cfg, unsafeRules, linted: before });
  return { before, out, fixed: out.files[0]?.fixed ?? text, unsafeRules };
}

/** The lines of `before` that are not in `after` (in order, as a line diff finds them). */
function removedLines(before: string, after: string): string[] {
  return diffArrays(before.split('\n'), after.split('\n'))
    .filter((part) => part.removed)
    .flatMap((part) => part.value);
}

/** Lines a fix may have to change: the injected key's line, or a map's key line that it writes into or empties. */
const MAY_CHANGE = new RegExp(`${EIP}|${BW}|${TYPO}|^\\s*(?:annotations|labels|metadata):|\\{`);

const run = present ? test : test.skip;

run('inject each defect into each workload of the corpus, fix, and check', () => {
  const { docs, found } = candidateDocuments();
  const counts = new Map<Defect, { ran: number; skipped: number }>(DEFECTS.map((d) => [d, { ran: 0, skipped: 0 }]));
  const problems: string[] = [];
  for (const doc of docs) {
    for (const defect of DEFECTS) {
      const count = counts.get(defect)!;
      const injected = inject(doc.text, defect);
      if (injected === undefined) {
        count.skipped++;
        continue;
      }
      const { before, out, fixed, unsafeRules } = fix(injected, defect);
      // A workload whose pods do not run on ECI (a DaemonSet) or that is otherwise out of the rule's reach: no case.
      const targets = before.findings.filter((f) => f.ruleId === RULE[defect] && isSelected(f, unsafeRules));
      if (targets.length === 0 || before.findings.some((f) => f.ruleId === 'parse-error')) {
        count.skipped++;
        continue;
      }
      count.ran++;
      const where = `${doc.name} (${defect})`;
      const fail = (what: string) => problems.push(`${where}: ${what}\n--- injected ---\n${injected}\n--- fixed ---\n${fixed}`);
      const failures = out.files.flatMap((f) => f.failed.map((x) => `${x.finding.ruleId}: ${x.reason}`));
      if (failures.length > 0) fail(`fixes failed: ${failures.join('; ')}`);
      else if (yamlErrors(fixed).length > 0) fail(`does not parse: ${yamlErrors(fixed).join('; ')}`);
      else if (out.result.findings.some((f) => f.ruleId === RULE[defect])) fail('the finding is still there');
      else if (fix(fixed, defect, out.result).fixed !== fixed) fail('fixing again changes the text');
      else {
        const expected = emptyMapsAlike(intended(parseDocs(injected)[0] as Obj, defect));
        const actual = emptyMapsAlike(parseDocs(fixed)[0]);
        if (!isDeepStrictEqual(actual, expected)) {
          fail(`parsed result differs from the intended change:\n${JSON.stringify(expected)}\n${JSON.stringify(actual)}`);
        }
        const changed = removedLines(injected, fixed).filter((line) => !MAY_CHANGE.test(line));
        if (changed.length > 0) fail(`lines the fix did not have to touch changed: ${JSON.stringify(changed)}`);
      }
    }
  }
  const ran = [...counts.values()].reduce((n, c) => n + c.ran, 0);
  if (process.env.TEST_STATS) console.log(
    `corpus: ${ran} fix cases ran over ${docs.length} workload documents (an even sample of ${found}); ` +
      DEFECTS.map((d) => `${d} ${counts.get(d)!.ran} ran, ${counts.get(d)!.skipped} skipped`).join('; '),
  );
  expect(problems.slice(0, 3)).toEqual([]);
  for (const d of DEFECTS) expect(counts.get(d)!.ran).toBeGreaterThan(0);
});

if (!present) {
  test.skip(`corpus not found at ${CORPUS}: the corpus cases are skipped`, () => undefined);
}
