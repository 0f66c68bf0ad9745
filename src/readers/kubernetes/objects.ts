import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node, Pair, YAMLMap } from 'yaml';
import type {
  Count,
  MapEntry,
  MetadataBlock,
  MetadataLevel,
  ReadResult,
  SchedulingHints,
  SourceString,
  Span,
} from '../../model/index.js';
import { ignoresIn } from '../ignores.js';
import type { LineIndex } from '../line-index.js';
import { emptyLevel, hasEciKey, markInvalid, podLevels } from '../metadata-levels.js';
import { locatePodTemplate, noPodSpec, podCounts, type ObjectSyntax, type PodSpecFacts, type PodTemplate, type PodTemplatePlace } from '../pod-template.js';
import { urlsIn } from '../urls.js';
import { workloadOf, type WorkloadIdentity } from '../workload.js';
import { countProblem } from '../../model/counts.js';
import { kindNeverHasPods } from './documents.js';
import { mapOutline, pairSpot, YamlEditor, type EntryNodes, type PodTemplateNodes } from './editor.js';
import { kubernetesValueType, NodeReader } from './yaml-nodes.js';

/** Reads the objects of one parsed document into `out`. */
export class ObjectReader {
  private readonly nodes: NodeReader;
  private readonly indentUnit: number;
  private readonly syntax: ObjectSyntax<YAMLMap>;

  constructor(
    private readonly file: string,
    private readonly lines: LineIndex,
    private readonly base: number,
    doc: Document.Parsed,
    private readonly out: ReadResult,
  ) {
    const nodes = new NodeReader(doc);
    this.nodes = nodes;
    this.indentUnit = yamlIndentWidth(doc, lines, base);
    this.syntax = {
      section: (parent, key) => nodes.map(parent ?? null, key) ?? undefined,
      jobTemplate: 'jobTemplate',
      base: '',
      neverPods: kindNeverHasPods,
      readsPodTemplateKind: true,
    };
  }

  span(node: Node | null | undefined, fallback?: Span): Span {
    if (!node?.range) return fallback ?? this.lines.span(this.base);
    const start = this.base + node.range[0];
    let end = this.base + node.range[1];
    // A block scalar's range takes in its final line breaks; a span ends on its last written line.
    while (end > start && /[\r\n]/.test(this.lines.text[end - 1])) end--;
    return this.lines.span(start, end);
  }

  /** Where a node starts, as an empty span: for pointing at a block without covering all its lines. */
  startOf(node: Node | null | undefined): Span {
    return this.lines.span(this.base + (node?.range?.[0] ?? 0));
  }

  readRoot(root: Node | null): void {
    if (!isMap(root)) return;
    const kind = this.nodes.string(root, 'kind');
    if (kind !== undefined && /List$/.test(kind) && this.nodes.seq(root, 'items')) {
      for (const item of this.nodes.items(this.nodes.seq(root, 'items'))) this.readRoot(item);
      return;
    }
    if (kind === undefined) return;
    this.readObject(root, kind);
  }

  private readObject(root: YAMLMap, kind: string): void {
    const identity = this.identity(root, kind);
    this.readClusterObject(root, kind, identity);
    const entries = new Map<MapEntry, EntryNodes>();
    const place = locatePodTemplate(kind, root, this.syntax);
    const objectLevels = this.objectLevels(root, place, entries);
    if (place.template === undefined && !objectLevels.some(hasEciKey)) return;
    const template = place.template;
    const levels = podLevels(kind, objectLevels, template && (() => this.podLevel(template, entries)));
    this.out.workloads.push(
      workloadOf(identity, {
        levels,
        podTemplatePath: place.path,
        counts: podCounts(kind, place, (from, key) => this.count(from ?? null, key)),
        podSpec: this.podSpec(template?.map),
        ignores: ignoresIn([levels.pod, ...levels.objectMetadata]),
        editor: new YamlEditor(this.file, this.lines, this.base, entries, this.podTemplateNodes(template?.map), this.indentUnit),
      }),
    );
  }

  /** The object's name, its namespace (a Namespace has none; any other object defaults to `default`) and its start. */
  private identity(root: YAMLMap, kind: string): WorkloadIdentity {
    const n = this.nodes;
    const metadata = n.map(root, 'metadata');
    const writtenNamespace = n.string(metadata, 'namespace');
    return {
      source: 'kubernetes',
      file: this.file,
      kind,
      name: n.string(metadata, 'name') ?? '',
      namespace: writtenNamespace ?? (kind === 'Namespace' ? '' : 'default'),
      namespaceDefaulted: writtenNamespace === undefined,
      span: this.span(n.pair(root, 'kind')?.key as Node, this.span(root)),
    };
  }

  /** Namespaces, autoscalers and the eci-profile: objects that decide about the pods of others. */
  private readClusterObject(root: YAMLMap, kind: string, identity: WorkloadIdentity): void {
    const { name, namespace, span } = identity;
    if (kind === 'Namespace') {
      const labels = this.nodes.stringMap(this.nodes.map(this.nodes.map(root, 'metadata'), 'labels'));
      this.out.namespaces.push({ name, labels, file: this.file, span });
    }
    if (kind === 'HorizontalPodAutoscaler') this.readAutoscaler(root, name, namespace, span);
    if (kind === 'ConfigMap' && name === 'eci-profile' && !identity.namespaceDefaulted && namespace === 'kube-system') {
      this.readEciProfile(root, span);
    }
  }

  /** The object's own metadata and, for a CronJob, its job template's. */
  private objectLevels(root: YAMLMap, place: PodTemplatePlace<YAMLMap>, entries: Map<MapEntry, EntryNodes>): MetadataBlock[] {
    const levels = [this.metadataBlock(root, 'metadata', 'object', 'metadata', entries)];
    const jobTemplate = place.jobTemplate;
    if (jobTemplate) levels.push(this.metadataBlock(jobTemplate.map ?? null, 'metadata', 'job-template', jobTemplate.metadataPath, entries));
    return levels;
  }

  private podLevel(template: PodTemplate<YAMLMap>, entries: Map<MapEntry, EntryNodes>): MetadataBlock {
    return this.metadataBlock(template.map, 'metadata', 'pod', template.metadataPath, entries);
  }

  /** Where the pods run and what they reach, from the pod spec; nothing for an object without pods. */
  private podSpec(template: YAMLMap | undefined): PodSpecFacts {
    if (!template) return noPodSpec();
    const podSpec = this.nodes.map(template, 'spec');
    const images: SourceString[] = [];
    const urls: SourceString[] = [];
    const scheduling = this.scheduling(podSpec);
    this.containers(podSpec, images, urls);
    return { scheduling, images, urls };
  }

  /** The nodes of the pod template the editor needs to add pod annotations. */
  private podTemplateNodes(template: YAMLMap | undefined): PodTemplateNodes | undefined {
    if (!template) return undefined;
    const n = this.nodes;
    const metadata = n.map(template, 'metadata');
    return {
      template: mapOutline(template),
      metadataPair: n.pair(template, 'metadata'),
      metadata,
      annotationsPair: n.pair(metadata, 'annotations'),
    };
  }

  private metadataBlock(
    parent: YAMLMap | null,
    key: string,
    level: MetadataLevel,
    path: string,
    entries: Map<MapEntry, EntryNodes>,
  ): MetadataBlock {
    const n = this.nodes;
    const metadataPair = n.pair(parent, key);
    const metadata = n.map(parent, key);
    const block = emptyLevel(level, path, metadataPair ? this.span(metadataPair.key as Node) : this.startOf(parent));
    for (const field of ['annotations', 'labels'] as const) {
      const pair = n.pair(metadata, field);
      if (!pair) continue;
      const value = n.resolve(pair.value);
      if (value === null || (isScalar(value) && value.value === null)) continue;
      if (!isMap(value)) {
        markInvalid(block, field);
        continue;
      }
      const parentSpot = metadata ? pairSpot(metadata, pair) : undefined;
      const grandparentSpot = metadataPair && parent ? pairSpot(parent, metadataPair) : undefined;
      for (const { pair: item, holder, merged } of n.entries(value)) {
        const entry = this.mapEntry(item);
        if (!entry) continue;
        // A merged entry is written in another map: the editor edits it there (the fix engine then checks that no
        // other reader of that map changes), and never treats the map here as emptied by removing it.
        entries.set(entry, merged ? { pair: item, map: holder } : { pair: item, map: holder, parent: pair, parentSpot, grandparentSpot });
        block[field].push(entry);
      }
    }
    return block;
  }

  private mapEntry(pair: Pair): MapEntry | undefined {
    const key = this.nodes.resolve(pair.key);
    if (!isScalar(key) || key.value === null) return undefined;
    const value = this.nodes.resolve(pair.value);
    const keySpan = this.span(key);
    // Point at the value as written here: an alias (`*x`), not the anchored node it stands for.
    const written = pair.value as Node | null;
    const valueSpan = written?.range ? this.span(written) : this.lines.span(keySpan.endOffset);
    let text = '';
    if (isScalar(value) && value.value !== null) {
      text = value.type === 'PLAIN' ? String(value.source ?? value.value) : String(value.value);
    }
    return {
      key: String(key.value),
      keySpan,
      value: text,
      valueType: kubernetesValueType(value),
      valueSpan,
      span: this.lines.span(keySpan.offset, Math.max(keySpan.endOffset, valueSpan.endOffset)),
    };
  }

  private count(map: YAMLMap | null, key: string): Count {
    const pair = this.nodes.pair(map, key);
    if (!pair) return {};
    const value = this.nodes.resolve(pair.value);
    const span = this.span(value ?? (pair.key as Node));
    if (isScalar(value) && typeof value.value === 'number') {
      const problem = countProblem(value.value);
      if (problem === undefined) return { value: value.value, span };
      // As written (1.7e308 stays 1.7e308), shortened: the message must not carry a long value.
      const written = shortened(value.source !== undefined ? String(value.source) : String(value.value));
      const invalid = `${key} is ${written}, ${problem}`;
      return { unknown: invalid, invalid, span };
    }
    if (isScalar(value) && typeof value.value === 'string') {
      // Kubernetes does not convert a string to a count: `replicas: "3"` is refused too.
      const invalid = `${key} is ${shortened(JSON.stringify(value.value))}, not a whole number`;
      return { unknown: invalid, invalid, span };
    }
    const written = isScalar(value) ? JSON.stringify(value.value) : isMap(value) || isSeq(value) ? 'a collection' : 'empty';
    return { unknown: `${key} is ${written}, not a whole number`, span };
  }

  private scheduling(podSpec: YAMLMap | null): SchedulingHints {
    const n = this.nodes;
    const nodeAffinityIn: Record<string, string[]> = {};
    const required = n.map(n.map(n.map(podSpec, 'affinity'), 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution');
    for (const term of n.items(n.seq(required, 'nodeSelectorTerms'))) {
      if (!isMap(term)) continue;
      for (const expression of n.items(n.seq(term, 'matchExpressions'))) {
        if (!isMap(expression) || n.string(expression, 'operator') !== 'In') continue;
        const key = n.string(expression, 'key');
        if (key === undefined) continue;
        const values = n.items(n.seq(expression, 'values')).filter(isScalar).map((v) => String(v.value));
        (nodeAffinityIn[key] ??= []).push(...values);
      }
    }
    const tolerationKeys = n
      .items(n.seq(podSpec, 'tolerations'))
      .filter(isMap)
      // `operator: Exists` without a key tolerates every taint: recorded as the key ''.
      .map((t) => n.string(t, 'key') ?? (n.string(t, 'operator') === 'Exists' ? '' : undefined))
      .filter((k): k is string => k !== undefined);
    return {
      nodeSelector: n.stringMap(n.map(podSpec, 'nodeSelector')),
      nodeName: n.string(podSpec, 'nodeName'),
      nodeAffinityIn,
      tolerationKeys,
    };
  }

  private containers(podSpec: YAMLMap | null, images: SourceString[], urls: SourceString[]): void {
    const n = this.nodes;
    for (const field of ['initContainers', 'containers'] as const) {
      for (const container of n.items(n.seq(podSpec, field))) {
        if (!isMap(container)) continue;
        const label = `${field === 'containers' ? 'container' : 'init container'} ${n.string(container, 'name') ?? '?'}`;
        const image = n.get(container, 'image');
        if (isScalar(image) && typeof image.value === 'string') {
          images.push({ value: image.value, where: `${label} image`, span: this.span(image) });
        }
        for (const env of n.items(n.seq(container, 'env'))) {
          if (!isMap(env)) continue;
          const value = n.get(env, 'value');
          if (isScalar(value)) this.collectUrls(value, `${label} env ${n.string(env, 'name') ?? '?'}`, urls);
        }
        for (const field2 of ['command', 'args'] as const) {
          for (const arg of n.items(n.seq(container, field2))) {
            if (isScalar(arg)) this.collectUrls(arg, `${label} ${field2}`, urls);
          }
        }
      }
    }
  }

  private collectUrls(node: Node, where: string, urls: SourceString[]): void {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    for (const url of urlsIn(node.value)) urls.push({ value: url, where, span: this.span(node) });
  }

  private readAutoscaler(root: YAMLMap, name: string, namespace: string, span: Span): void {
    const n = this.nodes;
    const spec = n.map(root, 'spec');
    const target = n.map(spec, 'scaleTargetRef');
    const targetKind = n.string(target, 'kind');
    const targetName = n.string(target, 'name');
    if (targetKind === undefined || targetName === undefined) return;
    this.out.autoscalers.push({
      name,
      namespace,
      target: { kind: targetKind, name: targetName },
      min: this.count(spec, 'minReplicas'),
      max: this.count(spec, 'maxReplicas'),
      file: this.file,
      span,
    });
  }

  private readEciProfile(root: YAMLMap, span: Span): void {
    const n = this.nodes;
    const selectorsNode = n.get(n.map(root, 'data'), 'selectors');
    if (!isScalar(selectorsNode) || typeof selectorsNode.value !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(selectorsNode.value);
    } catch (error) {
      this.out.problems.push({
        ruleId: 'parse-error',
        message: `The eci-profile selectors are not valid JSON: ${(error as Error).message}. No selector of this eci-profile is applied.`,
        span: this.span(selectorsNode),
      });
      return;
    }
    const selectors = (Array.isArray(parsed) ? parsed : []).filter(isRecord).map((s) => ({
      name: typeof s.name === 'string' ? s.name : '',
      namespaceLabels: stringRecord(isRecord(s.namespaceSelector) ? s.namespaceSelector.matchLabels : undefined),
      objectLabels: stringRecord(isRecord(s.objectSelector) ? s.objectSelector.matchLabels : undefined),
      annotations: stringRecord(isRecord(s.effect) ? s.effect.annotations : undefined),
      labels: stringRecord(isRecord(s.effect) ? s.effect.labels : undefined),
    }));
    this.out.profiles.push({ file: this.file, span, selectors });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The file's indentation step, read from the first nested block map, else 2. */
function yamlIndentWidth(doc: Document.Parsed, lines: LineIndex, base: number): number {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return 2;
  for (const pair of root.items) {
    const value = pair.value as Node | null;
    if (isMap(value) && !value.flow && value.items.length > 0) {
      const keyStart = (pair.key as Node).range?.[0];
      const childStart = (value.items[0].key as Node).range?.[0];
      if (keyStart === undefined || childStart === undefined) continue;
      const column = (offset: number) => base + offset - lines.lineStart(lines.lineOf(base + offset));
      const unit = column(childStart) - column(keyStart);
      if (unit > 0 && unit <= 8) return unit;
    }
  }
  return 2;
}

function shortened(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
