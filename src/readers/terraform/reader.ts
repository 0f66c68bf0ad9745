import type { Count, MapEntry, MetadataBlock, MetadataLevel, ReadResult, Span } from '../../model/index.js';
import { ignoresIn, type IgnoreAnnotation } from '../ignores.js';
import { detectIndentUnit, HclEditor, type EntryTarget, type PodTarget } from './editor.js';
import { attr, attrItem, type Expr, type HclObject, type Item, type Range, type TopBlock } from './hcl.js';
import { scopeOf, type TerraformContext, type TerraformFile } from './context.js';
import { asCount, asString, evaluate, EvaluationBudget, exprText, forEachSize, shown, type FolderScope, type Value } from './values.js';

/** Keys whose unresolved values are worth a note in the report: the ones the rules read. */
const NOTED_KEY = /aliyun|alibabacloud|eci-egress-lint/;

/** The state and helpers shared by the mappings of one file (kubernetes.ts, alicloud.ts). */
export class FileReader {
  readonly scope: FolderScope;
  readonly indentUnit: string;
  readonly json: boolean;
  /** One budget for every value the file's mappings evaluate (values.ts). */
  private readonly budget: EvaluationBudget;

  constructor(
    readonly file: TerraformFile,
    readonly context: TerraformContext,
    readonly out: ReadResult,
  ) {
    this.scope = scopeOf(context, file.folder);
    this.indentUnit = detectIndentUnit(file.text);
    this.json = file.path.endsWith('.tf.json');
    this.budget = EvaluationBudget.forText(file.text.length);
  }

  get path(): string {
    return this.file.path;
  }

  span(range: Range): Span {
    return this.file.lines.span(range.start, range.end);
  }

  /** `resource "kubernetes_deployment_v1" "web"`: from the keyword to the last label (a JSON resource: its key). */
  headSpan(block: TopBlock): Span {
    const labels = block.item.block?.labelRanges ?? [];
    const end = labels.length > 0 ? labels[labels.length - 1].end : block.head.end;
    return this.file.lines.span(block.head.start, Math.max(end, block.head.end));
  }

  evaluate(expr: Expr): Value {
    return evaluate(expr, this.scope, this.budget);
  }

  text(expr: Expr): string {
    return exprText(expr, this.file.text);
  }

  /** Records a value that could not be resolved. */
  note(what: string, why: string, range: Range): void {
    (this.out.unresolved ??= []).push({ what, why, span: this.span(range) });
  }

  /** A string attribute, when it resolves; undefined when absent; `{ why }` when it does not resolve. */
  string(object: HclObject | undefined, key: string): { value?: string; why?: string; expr?: Expr } {
    const expr = attr(object, key);
    if (!expr) return {};
    const result = asString(this.evaluate(expr));
    return 'value' in result ? { value: result.value, expr } : { why: result.why, expr };
  }

  /** A whole-number attribute as a Count (a note when it does not resolve). */
  count(object: HclObject | undefined, key: string, what: string): Count {
    const expr = attr(object, key);
    if (!expr) return {};
    const result = asCount(this.evaluate(expr));
    if ('value' in result) return { value: result.value, span: this.span(expr) };
    // A value that is known but no count is a finding (eip-invalid-value), not an unresolved value.
    const invalid = 'invalid' in result ? `${what}: ${result.why}` : undefined;
    if (!invalid) this.note(what, result.why, expr);
    return { unknown: `${what} is not known: ${result.why}`, span: this.span(expr), ...(invalid ? { invalid } : {}) };
  }

  /** `count` or the size of `for_each`; undefined when the resource has neither. */
  instances(block: TopBlock, address: string): Count | undefined {
    const count = attr(block.body, 'count');
    if (count) {
      const result = asCount(this.evaluate(count));
      if ('value' in result) return { value: result.value, span: this.span(count), what: 'count' };
      const invalid = 'invalid' in result ? `count of ${address}: ${result.why}` : undefined;
      if (!invalid) this.note(`count of ${address}`, result.why, count);
      return { unknown: `count of ${address} is not known: ${result.why}`, span: this.span(count), what: 'count', ...(invalid ? { invalid } : {}) };
    }
    const forEach = attr(block.body, 'for_each');
    if (forEach) {
      const result = forEachSize(this.evaluate(forEach));
      if ('value' in result) return { value: result.value, span: this.span(forEach), what: 'the size of for_each' };
      this.note(`for_each of ${address}`, result.why, forEach);
      return { unknown: `for_each of ${address} is not known: ${result.why}`, span: this.span(forEach), what: 'for_each' };
    }
    return undefined;
  }

  /** A string map attribute (`node_selector`), with the keys whose values resolve. */
  stringMap(object: HclObject | undefined, key: string): Record<string, string> {
    const expr = attr(object, key);
    const out: Record<string, string> = {};
    if (!expr) return out;
    const value = this.evaluate(expr);
    if (!value.known || value.value === null || typeof value.value !== 'object' || Array.isArray(value.value)) {
      if (expr.kind === 'object') {
        for (const item of expr.object.items) {
          if (item.key === undefined || !item.value) continue;
          const v = asString(this.evaluate(item.value));
          if ('value' in v) out[item.key] = v.value;
        }
      }
      return out;
    }
    for (const [k, v] of Object.entries(value.value)) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    }
    return out;
  }

  /** The strings of a list attribute that resolve (`command`, `args`, `values`). */
  strings(object: HclObject | undefined, key: string): { value: string; range: Range }[] {
    const expr = attr(object, key);
    if (!expr) return [];
    if (expr.kind === 'tuple') {
      return expr.items.flatMap((item) => {
        const v = asString(this.evaluate(item));
        return 'value' in v ? [{ value: v.value, range: item }] : [];
      });
    }
    const value = this.evaluate(expr);
    if (!value.known || !Array.isArray(value.value)) return [];
    return value.value.filter((v): v is string => typeof v === 'string').map((v) => ({ value: v, range: expr }));
  }

  /**
   * Reads the annotations and labels of a metadata section into a MetadataBlock, keeping for each entry where it
   * is written (for the editor). Values that do not resolve become entries of type `unknown`; a map that does not
   * resolve marks the block unresolved.
   */
  metadataBlock(
    metadata: HclObject | undefined,
    level: MetadataLevel,
    path: string,
    /** What the block's findings point at: the `metadata` key, or where it would be written. */
    head: Range,
    entries: Map<MapEntry, EntryTarget>,
    fields: { annotations: string; labels?: string } = { annotations: 'annotations', labels: 'labels' },
    owner?: string,
  ): MetadataBlock {
    const block: MetadataBlock = {
      level,
      path,
      annotations: [],
      labels: [],
      span: this.span(head),
      annotationsValid: true,
      labelsValid: true,
    };
    for (const field of ['annotations', 'labels'] as const) {
      const name = fields[field];
      if (name === undefined) continue;
      const item = attrItem(metadata, name);
      if (!item?.value) continue;
      const where = `${path ? path + '.' : ''}${name}${owner ? ` of ${owner}` : ''}`;
      const result = this.mapEntries(item, where, entries, metadata);
      block[field].push(...result.entries);
      if (!result.valid) {
        if (field === 'annotations') block.annotationsValid = false;
        else block.labelsValid = false;
      }
      if (result.unresolved) block.unresolved ??= result.unresolved;
    }
    return block;
  }

  /** The entries of a map(string) attribute: written in place, or resolved through a variable or a local. */
  mapEntries(
    item: Item,
    where: string,
    entries: Map<MapEntry, EntryTarget>,
    /** The object that holds `item` (the metadata block's body), so that a fix can remove a map it empties. */
    holder?: HclObject,
  ): { entries: MapEntry[]; valid: boolean; unresolved?: string } {
    const value = item.value!;
    const out: MapEntry[] = [];
    let unresolved: string | undefined;
    if (value.kind === 'object') {
      for (const element of value.object.items) {
        if (!element.value) continue;
        if (element.key === undefined) {
          const why = `the key \`${shown(this.file.text.slice(element.keyRange.start, element.keyRange.end))}\` is computed`;
          this.note(where, why, element.keyRange);
          unresolved ??= `${where}: ${why}`;
          continue;
        }
        const resolved = asString(this.evaluate(element.value));
        const entry = this.entry(element.key, element.keyRange, element.value, resolved);
        if ('why' in resolved) {
          if (NOTED_KEY.test(element.key)) this.note(`${element.key} in ${where}`, resolved.why, element.value);
        }
        entries.set(entry, { kind: 'element', item: element, object: value.object, ...(holder ? { owner: { item, in: holder } } : {}) });
        out.push(entry);
      }
      return { entries: out, valid: true, unresolved };
    }
    const resolved = this.evaluate(value);
    if (!resolved.known) {
      this.note(where, resolved.why, value);
      return { entries: out, valid: true, unresolved: `${where} is not known: ${resolved.why}` };
    }
    const v = resolved.value;
    if (v === null) return { entries: out, valid: true };
    if (typeof v !== 'object' || Array.isArray(v)) return { entries: out, valid: false };
    // Resolved through a reference: every entry points at the reference, and none can be edited here.
    for (const [key, element] of Object.entries(v)) {
      const entry = this.entry(key, value, value, asString({ known: true, value: element }));
      entries.set(entry, { kind: 'indirect' });
      out.push(entry);
    }
    return { entries: out, valid: true };
  }

  entry(key: string, keyRange: Range, valueRange: Range, resolved: { value: string } | { why: string }, label?: string): MapEntry {
    const keySpan = this.span(keyRange);
    const valueSpan = this.span(valueRange);
    return {
      key,
      keySpan,
      value: 'value' in resolved ? resolved.value : '',
      valueType: 'value' in resolved ? 'string' : 'unknown',
      valueSpan,
      span: this.file.lines.span(Math.min(keyRange.start, valueRange.start), Math.max(keyRange.end, valueRange.end)),
      ...(label ? { label } : {}),
    };
  }

  /** The editor of a workload of this file: `entries` are where its keys are written, `pod` where pod annotations go. */
  editor(entries: Map<MapEntry, EntryTarget>, pod: PodTarget | undefined): HclEditor {
    return new HclEditor(this.path, this.file.lines, entries, pod, this.indentUnit, this.json);
  }

  /** `eci-egress-lint/ignore` annotations of the given blocks, those whose value resolves to a string. */
  ignores(blocks: (MetadataBlock | undefined)[]): IgnoreAnnotation[] {
    return ignoresIn(blocks, (a) => a.valueType === 'string');
  }
}
