import { isAlias, isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { ValueType } from '../../model/index.js';

/** A pair of a map as Kubernetes reads it, and the map it is written in (another map, when a merge key brought it). */
export interface EffectivePair {
  pair: Pair;
  /** The map that holds `pair` in the text. */
  holder: YAMLMap;
  /** The pair came through a merge key (`<<: *defaults`): it is written in another map. */
  merged: boolean;
}

/** How many maps one merge key may bring in, through nested merges too (a bound against merge-key bombs). */
const MAX_MERGED_MAPS = 100;

/** Whether a key is the YAML 1.1 merge key: a plain `<<` (quoted, it is an ordinary string key). */
export function isMergeKey(key: unknown): boolean {
  if (!isScalar(key)) return false;
  if (key.tag === 'tag:yaml.org,2002:merge') return true;
  return key.type === Scalar.PLAIN && key.value === '<<' && (key.tag === undefined || key.tag === '!!merge');
}

/** Helpers to read a composed YAML document by key, resolving aliases and merge keys as Kubernetes does. */
export class NodeReader {
  constructor(private readonly doc: Document.Parsed) {}

  resolve(node: unknown): Node | null {
    if (isAlias(node)) return (node.resolve(this.doc) as Node | undefined) ?? null;
    return (node as Node | null) ?? null;
  }

  /**
   * The pairs of a map as Kubernetes (go-yaml, YAML 1.1) reads them: its own pairs, then those of the maps its merge
   * keys (`<<: *a` or `<<: [*a, *b]`) bring in, a key written in the map itself winning over a merged one and an
   * earlier merged map over a later one. A merge value that is not a map (or a list of maps) brings nothing.
   */
  entries(map: YAMLMap | null | undefined): EffectivePair[] {
    if (!map) return [];
    if (!map.items.some((item) => isMergeKey(item.key))) return map.items.map((pair) => ({ pair, holder: map, merged: false }));
    const out: EffectivePair[] = [];
    const seen = new Set<string>();
    const visited = new Set<YAMLMap>();
    const add = (from: YAMLMap, merged: boolean) => {
      if (visited.has(from) || visited.size > MAX_MERGED_MAPS) return;
      visited.add(from);
      const merges: Node[] = [];
      for (const item of from.items) {
        if (isMergeKey(item.key)) {
          const value = this.resolve(item.value);
          if (isMap(value)) merges.push(value);
          else if (isSeq(value)) merges.push(...this.items(value));
          continue;
        }
        const k = this.resolve(item.key);
        const name = isScalar(k) ? String(k.value) : undefined;
        if (name !== undefined) {
          if (seen.has(name)) continue;
          seen.add(name);
        }
        out.push({ pair: item, holder: from, merged });
      }
      for (const source of merges) if (isMap(source)) add(source, true);
    };
    add(map, false);
    return out;
  }

  pair(map: YAMLMap | null | undefined, key: string): Pair<Scalar, unknown> | undefined {
    if (!map) return undefined;
    // A key written in the map wins over a merged one: look there first, and merge only when the map has a `<<`.
    let merges = false;
    for (const item of map.items) {
      if (isMergeKey(item.key)) merges = true;
      const k = this.resolve(item.key);
      if (isScalar(k) && String(k.value) === key) return item as Pair<Scalar, unknown>;
    }
    if (!merges) return undefined;
    for (const { pair } of this.entries(map)) {
      const k = this.resolve(pair.key);
      if (isScalar(k) && String(k.value) === key) return pair as Pair<Scalar, unknown>;
    }
    return undefined;
  }

  get(map: YAMLMap | null | undefined, key: string): Node | null {
    const pair = this.pair(map, key);
    return pair ? this.resolve(pair.value) : null;
  }

  map(map: YAMLMap | null | undefined, key: string): YAMLMap | null {
    const node = this.get(map, key);
    return isMap(node) ? node : null;
  }

  seq(map: YAMLMap | null | undefined, key: string): YAMLSeq | null {
    const node = this.get(map, key);
    return isSeq(node) ? node : null;
  }

  /** A scalar's value as a string, or undefined when it is missing or not a scalar. */
  string(map: YAMLMap | null | undefined, key: string): string | undefined {
    const node = this.get(map, key);
    if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
    return String(node.value);
  }

  items(seq: YAMLSeq | null): Node[] {
    if (!seq) return [];
    return seq.items.map((item) => this.resolve(item)).filter((n): n is Node => n !== null);
  }

  /** A map of strings (labels, nodeSelector, matchLabels); non-scalar values are left out. */
  stringMap(map: YAMLMap | null): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { pair: item } of this.entries(map)) {
      const key = this.resolve(item.key);
      const value = this.resolve(item.value);
      if (isScalar(key) && isScalar(value) && value.value !== null) out[String(key.value)] = String(value.value);
    }
    return out;
  }
}

/** The YAML 1.1 bool spellings go-yaml reads as bools: each word in lower case, capitalised or upper case only. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const YAML11_NULL = /^(?:~|null|Null|NULL|)$/;
const YAML11_INT = /^[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|(?:0|[1-9][0-9_]*)|[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const YAML11_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)$/;

/**
 * The type Kubernetes gives a value. Kubernetes decodes YAML with YAML 1.1 rules, so a plain `yes`,
 * `on` or `0x1F` is not a string there; a quoted or block scalar, or one tagged `!!str`, always is.
 */
export function kubernetesValueType(node: Node | null): ValueType {
  if (node === null) return 'null';
  if (!isScalar(node)) return isMap(node) || isSeq(node) ? 'collection' : 'unknown';
  if (node.tag === 'tag:yaml.org,2002:str') return 'string';
  if (node.type !== Scalar.PLAIN) return 'string';
  const text = String(node.source ?? node.value ?? '');
  if (YAML11_NULL.test(text)) return 'null';
  if (YAML11_BOOL.test(text)) return 'bool';
  if (YAML11_INT.test(text) || YAML11_FLOAT.test(text)) return 'number';
  return 'string';
}
