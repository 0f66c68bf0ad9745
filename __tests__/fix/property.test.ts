/**
 * Property tests: random manifests, written in random styles, with random defects injected. For each: the fixed text
 * parses, fixing it again changes nothing, nothing with a selected fix is left, and the parsed fixed text equals the
 * parsed original except for the intended change (keys moved, added, renamed, quoted, corrected or removed).
 */
import fc from 'fast-check';
import { applyFixes, isSelected } from '../../src/fix/index.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult } from '../../src/model/index.js';
import { config, parseDocs, yamlErrors } from './helpers.js';

const SEED = 20261125;
const RUNS = 200;

const WITH_EIP = 'k8s.aliyun.com/eci-with-eip';

interface KeySpec {
  key: string;
  /** The value ECI needs. */
  value: string;
  /** Written without quotes: a bool or number to Kubernetes (eip-not-string); undefined when it would be a string. */
  unquoted?: string[];
  /** Quoted strings that mean `value` (eip-invalid-value). */
  invalid: string[];
  /** A misspelt key that means `key` (eip-unknown-key). */
  typo: string;
}

const KEYS: KeySpec[] = [
  { key: WITH_EIP, value: 'true', unquoted: ['true', 'yes', 'on', 'True'], invalid: ['True', 'yes', ' true'], typo: 'k8s.aliyun.com/eci-with-eips' },
  { key: 'k8s.aliyun.com/eip-bandwidth', value: '10', unquoted: ['10'], invalid: ['10M', '10Mbps', '10 Mb'], typo: 'k8s.aliyun.com/eip-bandwith' },
  { key: 'k8s.aliyun.com/eip-isp', value: 'BGP', invalid: ['BPG', 'bgp'], typo: 'k8s.aliyun.com/eip-isps' },
  { key: 'k8s.aliyun.com/eip-internet-charge-type', value: 'PayByTraffic', invalid: ['paybytraffic', 'PAYBYTRAFFIC'], typo: 'k8s.aliyun.com/eip-internet-charge-typ' },
];

type Kind = 'Deployment' | 'StatefulSet' | 'Job' | 'CronJob' | 'Pod';
/** Where an EIP key is written: the pod template (right), the object's own annotations, a CronJob's job metadata, the pod labels. */
type Placement = 'pod' | 'object' | 'job' | 'label';
type Representation = 'ok' | 'unquoted' | 'invalid' | 'typo';

interface EntryModel {
  spec: KeySpec;
  placement: Placement;
  repr: Representation;
  /** Which variant of the unquoted or invalid value. */
  variant: number;
}

interface WorkloadModel {
  kind: Kind;
  name: string;
  entries: EntryModel[];
  objectAnnotation: boolean;
  podLabels: boolean;
  podAnnotation: boolean;
}

interface Style {
  indent: 2 | 4;
  crlf: boolean;
  flowMaps: boolean;
  keyQuote: '' | '"' | "'";
  valueQuote: '"' | "'";
  comments: boolean;
  tabs: boolean;
  indentLists: boolean;
}

type Scenario = 'defects' | 'missing' | 'redundant' | 'unexpected';

interface Manifest {
  scenario: Scenario;
  workloads: WorkloadModel[];
  style: Style;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  crlf: fc.boolean(),
  flowMaps: fc.boolean(),
  keyQuote: fc.constantFrom('' as const, '"' as const, "'" as const),
  valueQuote: fc.constantFrom('"' as const, "'" as const),
  comments: fc.boolean(),
  tabs: fc.boolean(),
  indentLists: fc.boolean(),
});

const entryArb: fc.Arbitrary<Omit<EntryModel, 'placement'> & { placement: Placement }> = fc.record({
  spec: fc.constantFrom(...KEYS),
  placement: fc.constantFrom<Placement>('pod', 'pod', 'object', 'job', 'label'),
  repr: fc.constantFrom<Representation>('ok', 'ok', 'unquoted', 'invalid', 'typo'),
  variant: fc.nat(10),
});

const workloadArb = (index: number): fc.Arbitrary<WorkloadModel> =>
  fc
    .record({
      kind: fc.constantFrom<Kind>('Deployment', 'StatefulSet', 'Job', 'CronJob', 'Pod'),
      entries: fc.uniqueArray(entryArb, { selector: (e) => e.spec.key, minLength: 1, maxLength: 3 }),
      objectAnnotation: fc.boolean(),
      podLabels: fc.boolean(),
      podAnnotation: fc.boolean(),
    })
    .map((w) => ({
      ...w,
      name: `app-${index}`,
      entries: w.entries.map((e) => normalizeEntry(w.kind, e)),
    }));

/** Keeps only the combinations that mean one thing. */
function normalizeEntry(kind: Kind, e: EntryModel): EntryModel {
  let { placement, repr } = e;
  if (placement === 'job' && kind !== 'CronJob') placement = 'object';
  if (placement === 'object' && kind === 'Pod') placement = 'pod'; // a Pod's own metadata is the pod's
  if (repr === 'typo' && placement !== 'pod') repr = 'ok'; // a misspelt key elsewhere is not an EIP key to move
  if (repr === 'unquoted' && !e.spec.unquoted) repr = 'ok';
  return { ...e, placement, repr };
}

const manifestArb: fc.Arbitrary<Manifest> = fc
  .record({
    scenario: fc.constantFrom<Scenario>('defects', 'defects', 'defects', 'missing', 'redundant', 'unexpected'),
    workloads: fc.tuple(workloadArb(1), fc.option(workloadArb(2), { nil: undefined })),
    style: styleArb,
  })
  .map(({ scenario, workloads, style }) => {
    const list = workloads.filter((w): w is WorkloadModel => w !== undefined);
    return {
      scenario,
      style,
      workloads: list.map((w) => {
        if (scenario === 'missing') return { ...w, entries: [] };
        if (scenario === 'redundant' || scenario === 'unexpected') {
          // The pod has an EIP, written right; the unsafe fix removes every EIP key.
          const others = w.entries.filter((e) => e.spec.key !== WITH_EIP).slice(0, 1);
          return { ...w, entries: [{ spec: KEYS[0], placement: 'pod', repr: 'ok', variant: 0 }, ...others.map((e) => ({ ...e, placement: 'pod' as const, repr: 'ok' as const }))] };
        }
        // At least one defect: an entry written right in the pod template becomes an invalid value.
        const defective = w.entries.some((e) => e.placement !== 'pod' || e.repr !== 'ok');
        return defective ? w : { ...w, entries: w.entries.map((e, j) => (j === 0 ? { ...e, repr: 'invalid' as const } : e)) };
      }),
    };
  });

// ---- rendering -------------------------------------------------------------------------------------------------

function render(manifest: Manifest): string {
  const { style } = manifest;
  const text = manifest.workloads.map((w) => renderWorkload(w, manifest.scenario, style).join('\n') + '\n').join('---\n');
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

function renderWorkload(w: WorkloadModel, scenario: Scenario, style: Style): string[] {
  const pad = (depth: number) => ' '.repeat(depth * style.indent);
  const key = (k: string) => `${style.keyQuote}${k}${style.keyQuote}`;
  const str = (v: string) => `${style.valueQuote}${v}${style.valueQuote}`;
  const comment = (text: string) => `# ${text}${style.tabs ? '\tsee the runbook' : ''}`;

  const written = (e: EntryModel): [string, string] => {
    const k = e.repr === 'typo' ? e.spec.typo : e.spec.key;
    if (e.repr === 'unquoted') return [key(k), e.spec.unquoted![e.variant % e.spec.unquoted!.length]];
    if (e.repr === 'invalid') return [key(k), str(e.spec.invalid[e.variant % e.spec.invalid.length])];
    return [key(k), str(e.spec.value)];
  };
  const at = (p: Placement) => w.entries.filter((e) => e.placement === p).map(written);

  /** A map under `name` at `depth`, block or flow; nothing when it has no entries and `always` is false. */
  const map = (name: string, entries: [string, string][], depth: number, always = false): string[] => {
    if (entries.length === 0 && !always) return [];
    if (style.flowMaps || entries.length === 0) return [`${pad(depth)}${name}: {${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`];
    const out = [`${pad(depth)}${name}:`];
    entries.forEach(([k, v], i) => {
      if (style.comments && i % 2 === 1) out.push(`${pad(depth + 1)}${comment('the next key')}`);
      out.push(`${pad(depth + 1)}${k}: ${v}`);
    });
    return out;
  };

  const podAnnotations: [string, string][] = [
    ...(w.podAnnotation ? [[key('prometheus.io/scrape'), str('true')] as [string, string]] : []),
    ...at('pod'),
    ...(w.kind === 'Pod' ? at('object') : []),
  ];
  const podLabels: [string, string][] = [...(w.podLabels ? [[key('app'), w.name] as [string, string]] : []), ...at('label')];
  const image = scenario === 'missing' ? 'nginx:1.27' : 'registry.cn-hangzhou.aliyuncs.com/acme/app:1.0';
  const containers = (depth: number) => {
    const dash = style.indentLists ? depth + 1 : depth;
    return [`${pad(depth)}containers:`, `${pad(dash)}- name: app`, `${pad(dash)}  image: ${image}`];
  };
  /** The pod template's metadata and spec at `depth`. */
  const podTemplate = (depth: number, extraSpec: string[] = []) => {
    const labels = map('labels', podLabels, depth + 1);
    const annotations = map('annotations', podAnnotations, depth + 1);
    const metadata = labels.length + annotations.length > 0 ? [`${pad(depth)}metadata:`, ...(style.comments ? [`${pad(depth + 1)}${comment('pod metadata')}`] : []), ...labels, ...annotations] : [];
    return [...metadata, `${pad(depth)}spec:`, ...extraSpec.map((l) => pad(depth + 1) + l), ...containers(depth + 1)];
  };

  const objectAnnotations: [string, string][] = [
    ...(w.objectAnnotation ? [[key('team'), str('shop')] as [string, string]] : []),
    ...(w.kind === 'Pod' ? [] : at('object')),
  ];
  const head = (apiVersion: string) => [`apiVersion: ${apiVersion}`, `kind: ${w.kind}`, 'metadata:', `${pad(1)}name: ${w.name}`];
  switch (w.kind) {
    case 'Pod':
      return [
        ...head('v1'),
        ...map('labels', podLabels, 1),
        ...map('annotations', [...(w.objectAnnotation ? [[key('team'), str('shop')] as [string, string]] : []), ...podAnnotations], 1),
        'spec:',
        ...containers(1),
      ];
    case 'Job':
      return [...head('batch/v1'), ...map('annotations', objectAnnotations, 1), 'spec:', `${pad(1)}template:`, ...podTemplate(2, ['restartPolicy: Never'])];
    case 'CronJob':
      return [
        ...head('batch/v1'),
        ...map('annotations', objectAnnotations, 1),
        'spec:',
        `${pad(1)}schedule: "*/5 * * * *"`,
        `${pad(1)}jobTemplate:`,
        ...(at('job').length > 0 ? [`${pad(2)}metadata:`, ...map('annotations', at('job'), 3)] : []),
        `${pad(2)}spec:`,
        `${pad(3)}template:`,
        ...podTemplate(4, ['restartPolicy: OnFailure']),
      ];
    default:
      return [
        ...head('apps/v1'),
        ...map('annotations', objectAnnotations, 1),
        'spec:',
        `${pad(1)}replicas: 2`,
        ...(w.kind === 'StatefulSet' ? [`${pad(1)}serviceName: ${w.name}`] : []),
        `${pad(1)}template:`,
        ...podTemplate(2),
      ];
  }
}

// ---- the intended change ----------------------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function podMetadata(doc: Obj, kind: Kind): Obj {
  if (kind === 'Pod') return doc.metadata;
  const template = kind === 'CronJob' ? doc.spec.jobTemplate.spec.template : doc.spec.template;
  template.metadata ??= {};
  return template.metadata;
}

/** The parsed original with the change the fixes are meant to make. */
/** The parsed original (changed in place) with the change the fixes are meant to make. */
function intended(docs: unknown[], manifest: Manifest): unknown[] {
  return manifest.workloads.map((w, i) => {
    const doc = docs[i] as Obj;
    const pod = podMetadata(doc, w.kind);
    const podAnnotations = (): Obj => (pod.annotations ??= {});
    for (const e of w.entries) {
      if (e.placement === 'object' && w.kind !== 'Pod') delete doc.metadata.annotations[e.spec.key];
      if (e.placement === 'job') delete doc.spec.jobTemplate.metadata.annotations[e.spec.key];
      if (e.placement === 'label') delete pod.labels[e.spec.key];
      if (e.repr === 'typo') delete podAnnotations()[e.spec.typo];
      podAnnotations()[e.spec.key] = e.spec.value;
    }
    if (manifest.scenario === 'missing') podAnnotations()[WITH_EIP] = 'true';
    if (manifest.scenario === 'redundant' || manifest.scenario === 'unexpected') {
      for (const e of w.entries) delete podAnnotations()[e.spec.key];
    }
    return doc;
  });
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

function fix(text: string, manifest: Manifest, linted?: LintResult) {
  const cfg = config({ egress: manifest.scenario === 'redundant' ? 'nat' : manifest.scenario === 'unexpected' ? 'none' : 'auto' });
  // Under egress: auto the eip-missing fix is unsafe: the scenario about it names it.
  const unsafe: Record<string, string[]> = { redundant: ['eip-redundant'], unexpected: ['eip-unexpected'], missing: ['eip-missing'] };
  const unsafeRules = unsafe[manifest.scenario] ?? [];
  const sources = [{ path: 'k8s/random.yaml', text }];
  const before = linted ?? lintSources(sources, { config: cfg });
  const out = applyFixes(sources, before.findings, { config: cfg, unsafeRules, linted: before });
  return { before, out, fixed: out.files[0]?.fixed ?? text, unsafeRules };
}

test(`random manifests with random defects in random styles (${RUNS} runs, seed ${SEED})`, () => {
  const scenarios = new Map<string, number>();
  fc.assert(
    fc.property(manifestArb, (manifest) => {
      const text = render(manifest);
      const original = parseDocs(text);
      const { before, out, fixed, unsafeRules } = fix(text, manifest);
      const context = `\n--- original ---\n${text}\n--- fixed ---\n${fixed}`;

      // Every manifest has something to fix (the generator is honest).
      if (!before.findings.some((f) => isSelected(f, unsafeRules))) throw new Error(`nothing to fix${context}`);
      for (const f of before.findings) scenarios.set(f.ruleId, (scenarios.get(f.ruleId) ?? 0) + 1);

      if (yamlErrors(fixed).length > 0) throw new Error(`the fixed text does not parse: ${yamlErrors(fixed)}${context}`);
      expect(out.files.flatMap((f) => f.failed.map((x) => `${x.finding.ruleId}: ${x.reason}`))).toEqual([]);
      expect(out.result.findings.filter((f) => isSelected(f, unsafeRules)).map((f) => f.ruleId)).toEqual([]);

      // parse(fixed) = parse(original) with only the intended change.
      expect(emptyMapsAlike(parseDocs(fixed))).toEqual(emptyMapsAlike(intended(original, manifest)));

      // Fix twice = fix once.
      expect(fix(fixed, manifest, out.result).fixed).toBe(fixed);
      // The file's line breaks stay its own.
      if (manifest.style.crlf) expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Each fixable rule came up.
  expect([...scenarios.keys()].sort()).toEqual(
    expect.arrayContaining(['eip-invalid-value', 'eip-misplaced', 'eip-missing', 'eip-not-string', 'eip-redundant', 'eip-unexpected', 'eip-unknown-key']),
  );
});
