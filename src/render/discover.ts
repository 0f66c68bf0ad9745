import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { ChartSettings, RenderConfig } from '../model/index.js';
import { decodeText } from '../files/read.js';
import { readConfined } from '../files/workspace.js';
import { inFolder, isInFolder } from './paths.js';

/** A chart folder to render with `helm template`, once per values set. */
export interface ChartUnit {
  kind: 'chart';
  /** The chart folder, relative to the working directory. */
  folder: string;
  release: string;
  namespace: string;
  /** Each rendering's values files besides the chart's own values.yaml (none for the default rendering). */
  renderings: { extra: string[]; priced: boolean }[];
  /** Files the renderings read besides the chart folder (values files elsewhere). */
  inputs: string[];
}

/** A kustomization folder that no other kustomization of the scan uses: rendered with `kustomize build`. */
export interface OverlayUnit {
  kind: 'overlay';
  folder: string;
  /** The kustomization file, relative to the working directory. */
  file: string;
  /** Every file the overlay uses (its kustomizations, resources, patches), relative to the working directory. */
  inputs: string[];
  /** Set when the overlay must not be rendered (remote resources, plugins, exec functions, helmCharts). */
  refuse?: { file: string; line: number; reason: string };
}

export type RenderUnit = ChartUnit | OverlayUnit;

export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A folder's kustomization as far as the render stage needs it. */
export interface Kustomization {
  folder: string;
  file: string;
  text: string;
  /** Local resources and components: folders (other kustomizations) and files. */
  resources: string[];
  /** Patch files it names. */
  patchFiles: string[];
  refuse?: { line: number; reason: string };
  /** Set (the line of its `kind:`) when it is a kustomize Component, which cannot be built alone. */
  componentLine?: number;
}

function posix(p: string): string {
  return p.split(path.sep).join('/');
}

function join(folder: string, relative: string): string {
  return posix(path.posix.normalize(path.posix.join(folder, relative)));
}

/** A kustomization entry that names something remote (a git or HTTP URL). */
function isRemote(entry: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /^git@|^github\.com\/|^gitlab\.com\/|^bitbucket\.org\/|\?ref=|\.git(?:\/|$|\?)|\/\/.*\?/.test(entry);
}

function lineOf(text: string, needle: string): number {
  const at = text.search(new RegExp(`^\\s*${needle}\\s*:`, 'm'));
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

const PLUGIN_FIELDS: Record<string, string> = {
  helmCharts: 'it inflates Helm charts (helmCharts): kustomize would need --enable-helm, which is never used',
  helmChartInflationGenerator: 'it inflates Helm charts (helmChartInflationGenerator), which is never run',
  generators: 'it runs generator plugins (generators:), which are never run',
  transformers: 'it runs transformer plugins (transformers:), which are never run',
  validators: 'it runs validator plugins (validators:), which are never run',
};

/** A kustomization is a small file; a larger one is not read. */
const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;

/** A path that leaves the workspace: kustomize would read a base or patch from outside the checkout. */
function outsideWorkspace(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.posix.isAbsolute(relative);
}

/**
 * Reads a kustomization file; undefined when the folder has none. It is read like every other file of the scan:
 * a regular file really inside the workspace (no link out), with a size limit.
 */
export function readKustomization(cwd: string, folder: string): Kustomization | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = inFolder(folder, name);
    let text: string;
    try {
      const bytes = readConfined(file, { root: cwd }, MAX_KUSTOMIZATION_BYTES);
      const decoded = bytes === undefined ? undefined : decodeText(bytes);
      if (!decoded || !('text' in decoded)) continue;
      text = decoded.text;
    } catch {
      continue;
    }
    const out: Kustomization = { folder, file, text, resources: [], patchFiles: [] };
    const doc = parseDocument(text, { logLevel: 'silent' });
    const raw = doc.errors.length === 0 ? (doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown> | null) : undefined;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      // kustomize reports the syntax error with its own words when the overlay is rendered.
      return out;
    }
    if (raw.kind === 'Component') out.componentLine = lineOf(text, 'kind');
    // A refused kustomization still lists its local files: they are judged with it (skipped), never alone.
    for (const [field, reason] of Object.entries(PLUGIN_FIELDS)) {
      if (raw[field] !== undefined && !out.refuse) out.refuse = { line: lineOf(text, field), reason: `not rendered: ${reason}` };
    }
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
    for (const field of ['resources', 'bases', 'components']) {
      for (const entry of strings(raw[field])) {
        if (isRemote(entry)) {
          out.refuse ??= { line: lineOf(text, field), reason: `not rendered: it uses the remote resource ${JSON.stringify(entry.slice(0, 120))}, and nothing is downloaded` };
          continue;
        }
        const resource = join(folder, entry);
        if (outsideWorkspace(resource)) {
          out.refuse ??= { line: lineOf(text, field), reason: `not rendered: it uses ${JSON.stringify(entry.slice(0, 120))}, which is outside the workspace and is never read` };
          continue;
        }
        out.resources.push(resource);
      }
    }
    // Exec functions are declared in resources' `config.kubernetes.io/function` annotations; with exec and alpha
    // plugins off kustomize refuses them itself, with its own message.
    const patchEntries = [...(Array.isArray(raw.patches) ? raw.patches : []), ...(Array.isArray(raw.patchesJson6902) ? raw.patchesJson6902 : [])];
    for (const patch of patchEntries) {
      const file = typeof patch === 'object' && patch !== null ? (patch as { path?: unknown }).path : undefined;
      if (typeof file === 'string') out.patchFiles.push(join(folder, file));
    }
    for (const entry of strings(raw.patchesStrategicMerge)) {
      if (!entry.includes('\n')) out.patchFiles.push(join(folder, entry));
    }
    const outsidePatch = out.patchFiles.find(outsideWorkspace);
    if (outsidePatch !== undefined) {
      out.refuse ??= { line: lineOf(text, 'patches'), reason: `not rendered: its patch ${JSON.stringify(outsidePatch.slice(0, 120))} is outside the workspace and is never read` };
      out.patchFiles = out.patchFiles.filter((f) => !outsideWorkspace(f));
    }
    return out;
  }
  return undefined;
}

export interface DiscoverRenderOptions {
  cwd: string;
  render: RenderConfig;
}

function chartFolderOf(file: string): string | undefined {
  return path.posix.basename(file) === 'Chart.yaml' ? path.posix.dirname(file) : undefined;
}

/**
 * The charts and overlays among the scanned files. A chart inside another chart's `charts/` folder is a
 * dependency and renders with its parent. A kustomization used by another one (as a resource or component)
 * is rendered through it, never alone.
 */
export function discoverUnits(paths: readonly string[], options: DiscoverRenderOptions): { units: RenderUnit[]; kustomizations: Map<string, Kustomization> } {
  const { cwd, render } = options;
  const chartFolders = [...new Set(paths.flatMap((p) => chartFolderOf(p) ?? []))].sort();
  const dependencies = (parent: string) => inFolder(parent, 'charts');
  const charts = chartFolders.filter((folder) => !chartFolders.some((parent) => parent !== folder && isInFolder(folder, dependencies(parent))));
  const units: RenderUnit[] = charts.map((folder) => chartUnit(cwd, folder, render));

  // Kustomizations: every folder of a scanned file that holds one (`Kustomization` has no YAML extension).
  const folders = new Set(paths.map((p) => path.posix.dirname(p)));
  const kustomizations = new Map<string, Kustomization>();
  const load = (folder: string) => {
    if (kustomizations.has(folder)) return kustomizations.get(folder);
    const found = readKustomization(cwd, folder);
    if (found) kustomizations.set(folder, found);
    return found;
  };
  const roots = [...folders].filter((f) => !charts.some((chart) => isInFolder(f, chart))).filter((f) => load(f));
  // Follow the resources to the kustomizations they use, also outside the scanned paths.
  const used = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const k = kustomizations.get(queue.pop()!)!;
    for (const resource of k.resources) {
      if (used.has(resource) || !load(resource)) continue;
      used.add(resource);
      queue.push(resource);
    }
  }
  for (const folder of roots.filter((f) => !used.has(f)).sort()) {
    const k = kustomizations.get(folder)!;
    const inputs = overlayInputs(k, kustomizations);
    const component = k.componentLine === undefined ? undefined : {
      file: k.file,
      line: k.componentLine,
      reason: 'not rendered: a kustomize Component is built only through the kustomizations that list it under components:, and none in the scan does',
    };
    const refused = component ?? inputs.refuse;
    units.push({
      kind: 'overlay',
      folder,
      file: k.file,
      inputs: inputs.files,
      ...(refused ? { refuse: refused } : {}),
    });
  }
  return { units, kustomizations };
}

/** Every file an overlay uses, through its bases; and the first refusal among them. */
function overlayInputs(root: Kustomization, all: Map<string, Kustomization>): { files: string[]; refuse?: OverlayUnit['refuse'] } {
  const files = new Set<string>();
  let refuse: OverlayUnit['refuse'];
  const seen = new Set<string>();
  const walk = (k: Kustomization) => {
    if (seen.has(k.folder)) return;
    seen.add(k.folder);
    files.add(k.file);
    if (k.refuse && !refuse) refuse = { file: k.file, line: k.refuse.line, reason: k.refuse.reason };
    for (const patch of k.patchFiles) files.add(patch);
    for (const resource of k.resources) {
      const child = all.get(resource);
      if (child) walk(child);
      else files.add(resource);
    }
  };
  walk(root);
  return { files: [...files].sort(), ...(refuse ? { refuse } : {}) };
}

function chartUnit(cwd: string, folder: string, render: RenderConfig): ChartUnit {
  const settings: ChartSettings | undefined = render.charts.find((c) => c.path === folder);
  const renderings: ChartUnit['renderings'] = [];
  const listed = settings?.values ?? [];
  // The renderings that stand for a deployment are priced: the config's values files when it lists some,
  // else the chart's defaults. ci/*-values.yaml files are test settings: linted, not priced.
  renderings.push({ extra: [], priced: listed.length === 0 });
  for (const file of listed) renderings.push({ extra: [file.replace(/^\.\//, '')], priced: true });
  if (render.ciValues) {
    let ciFiles: string[] = [];
    try {
      ciFiles = fs.readdirSync(path.join(cwd, folder, 'ci')).filter((name) => /-values\.ya?ml$/.test(name)).sort();
    } catch {
      // No ci/ folder.
    }
    for (const name of ciFiles) renderings.push({ extra: [join(folder, `ci/${name}`)], priced: false });
  }
  const base = path.posix.basename(folder === '.' ? posix(path.basename(cwd)) : folder);
  return {
    kind: 'chart',
    folder,
    release: settings?.release ?? releaseName(base),
    namespace: settings?.namespace ?? 'default',
    renderings,
    inputs: listed.filter((f) => !isInFolder(f, folder)),
  };
}

/** Helm release names are DNS labels: lower case, digits and dashes, at most 53 characters. */
function releaseName(folderName: string): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 53);
  return name || 'release';
}
