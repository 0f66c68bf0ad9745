import { createHash } from 'node:crypto';
import { isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import type { AliasRead } from '../../model/index.js';
import type { LineIndex } from '../line-index.js';
import { isMergeKey, kubernetesValueType, NodeReader } from './yaml-nodes.js';

/** The most nodes the readings of one document may visit; past it a reading is unknown (and never equal to another). */
const MAX_READING_NODES = 200_000;

/**
 * Every place in a document that reads a node written elsewhere: each alias (`annotations: *ann`), and each map with a
 * merge key (`<<: *defaults`), with what it reads as Kubernetes reads it. A fix that edits an anchored node changes
 * what these places read; the fix engine compares the readings before and after a fix and refuses one that changes
 * them (`changedAliasRead` in src/fix/checks.ts).
 */
export function aliasReads(doc: Document.Parsed, lines: LineIndex, base: number): AliasRead[] {
  const nodes = new NodeReader(doc);
  const budget = { left: MAX_READING_NODES };
  const out: AliasRead[] = [];
  /** Each map that merges, with its first merge key (where the reader is shown). */
  const mergers = new Map<YAMLMap, Node>();
  visit(doc, {
    Alias(_key, alias, path) {
      const parent = path[path.length - 1];
      const grandparent = path[path.length - 2];
      // `<<: *a` (the alias is the merge pair's value) or `<<: [*a, *b]` (an item of the merge pair's list).
      const mergePair = isPair(parent) && isMergeKey(parent.key) ? parent : isSeq(parent) && isPair(grandparent) && isMergeKey(grandparent.key) ? grandparent : undefined;
      if (mergePair) {
        const holder = path[path.lastIndexOf(mergePair) - 1];
        if (isMap(holder) && !mergers.has(holder)) mergers.set(holder, mergePair.key as Node);
        return;
      }
      const offset = base + (alias.range?.[0] ?? 0);
      out.push({ via: 'alias', offset, span: lines.span(offset), reading: digest(reading(nodes, alias, budget, new Set())) });
    },
  });
  for (const [map, key] of mergers) {
    const offset = base + (map.range?.[0] ?? 0);
    const shown = base + (key.range?.[0] ?? map.range?.[0] ?? 0);
    // What the merge brings in: the merged pairs, after the keys written in the map itself have overridden theirs.
    const merged = nodes.entries(map).filter((e) => e.merged);
    const value = merged.map((e) => [keyText(nodes, e.pair.key), reading(nodes, e.pair.value, budget, new Set())] as const);
    out.push({ via: 'merge', offset, span: lines.span(shown), reading: digest(JSON.stringify(value)) });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

function keyText(nodes: NodeReader, key: unknown): string {
  const k = nodes.resolve(key);
  return isScalar(k) ? String(k.value) : '?';
}

/** A node's value as Kubernetes reads it: merges applied, scalars typed by YAML 1.1, aliases followed. */
function reading(nodes: NodeReader, node: unknown, budget: { left: number }, open: Set<Node>): string {
  if (--budget.left < 0) return `unknown:${Math.random()}`;
  const resolved = nodes.resolve(node);
  if (resolved === null) return 'null';
  if (open.has(resolved)) return 'cycle';
  if (isScalar(resolved)) {
    const text = resolved.type === 'PLAIN' ? String(resolved.source ?? resolved.value) : String(resolved.value);
    return JSON.stringify([kubernetesValueType(resolved), text]);
  }
  open.add(resolved);
  let out: string;
  if (isMap(resolved)) {
    const pairs = nodes.entries(resolved).map((e) => [keyText(nodes, e.pair.key), reading(nodes, e.pair.value, budget, open)] as const);
    out = `{${pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  } else if (isSeq(resolved)) {
    out = `[${resolved.items.map((item) => reading(nodes, item, budget, open)).join(',')}]`;
  } else {
    out = isAlias(resolved) ? 'alias' : 'unknown';
  }
  open.delete(resolved);
  return out;
}

function digest(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
