import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, parseAllDocuments, parse, type Document } from 'yaml';
import type { RenderedDocument, RenderSkip, SourceLocation, Span } from '../model/index.js';
import { isInside } from '../files/workspace.js';
import type { Kustomization, OverlayUnit } from './discover.js';
import type { WorkspaceFiles } from './files.js';
import { bestHit, findKey, firstLineLocation, hitLocation, keyLocation, literalLocation, renderedLineAt, SourceText } from './provenance.js';
import { firstErrorLine, runTool, type ToolCommand } from './tools.js';

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

export interface OverlayRendering {
  documents: RenderedDocument[];
  skipped?: RenderSkip;
}

/**
 * Renders an overlay through a wrapper kustomization in a temporary folder that asks kustomize to annotate each
 * object with the file it came from and the kustomizations that changed it (the wrapper names the overlay by a
 * relative path: kustomize accepts no absolute one). Those annotations are removed before the objects are linted.
 */
export async function renderOverlay(
  unit: OverlayUnit,
  kustomize: ToolCommand,
  files: WorkspaceFiles,
  kustomizations: Map<string, Kustomization>,
  timeoutMs: number,
): Promise<OverlayRendering> {
  if (unit.refuse) {
    return { documents: [], skipped: { file: unit.refuse.file, line: unit.refuse.line, column: 1, message: `Overlay ${unit.refuse.reason}` } };
  }
  const folders = [...new Set([unit.folder, ...unit.inputs.map((f) => path.posix.dirname(f))])];
  const link = folders.map((f) => files.linkOutside(f, 5_000)).find((l) => l !== undefined);
  if (link) {
    return { documents: [], skipped: { file: unit.file, line: 1, column: 1, message: `Overlay not rendered: ${JSON.stringify(link)} is a link out of the workspace (or to nothing), which kustomize would follow` } };
  }
  const realCwd = fs.realpathSync(files.cwd);
  const wrapper = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-overlay-')));
  try {
    const target = path.relative(wrapper, path.join(realCwd, unit.folder)).split(path.sep).join('/');
    fs.writeFileSync(
      path.join(wrapper, 'kustomization.yaml'),
      `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations, transformerAnnotations]\n`,
    );
    const run = await runTool(kustomize, ['.'], { cwd: wrapper, timeoutMs });
    if (!run.ok) {
      // Kustomize names folders by absolute path: name them as the repository does.
      const line = firstErrorLine(run, (text) =>
        text.split(target).join(unit.folder).split(`${wrapper}/`).join('').split(`${realCwd}/`).join(''),
      );
      return { documents: [], skipped: { file: unit.file, line: 1, column: 1, message: `Overlay not rendered: kustomize build failed: ${line}` } };
    }
    const toWorkspace = (relative: string) => {
      const absolute = path.resolve(wrapper, relative);
      return isInside(realCwd, absolute) ? path.relative(realCwd, absolute).split(path.sep).join('/') : undefined;
    };
    return { documents: splitKustomizeOutput(run.stdout, unit, files, kustomizations, toWorkspace) };
  } finally {
    fs.rmSync(wrapper, { recursive: true, force: true });
  }
}

function annotationText(doc: Document, key: string): string | undefined {
  const value = doc.getIn(['metadata', 'annotations', key]);
  return typeof value === 'string' ? value : undefined;
}

export function splitKustomizeOutput(
  output: string,
  unit: OverlayUnit,
  files: WorkspaceFiles,
  kustomizations: Map<string, Kustomization>,
  toWorkspace: (relative: string) => string | undefined,
): RenderedDocument[] {
  const documents: RenderedDocument[] = [];
  const byFile = new KustomizationsByFile(kustomizations);
  const docs = parseAllDocuments(output, { logLevel: 'silent' });
  if (!Array.isArray(docs)) return documents;
  for (const [index, doc] of docs.entries()) {
    if (doc.errors.length > 0 || doc.contents === null) continue;
    let resource: string | undefined;
    const changedBy: string[] = [];
    const origin = annotationText(doc, ORIGIN);
    if (origin) {
      const parsed = parse(origin) as { path?: unknown; configuredIn?: unknown } | null;
      const from = typeof parsed?.path === 'string' ? parsed.path : typeof parsed?.configuredIn === 'string' ? parsed.configuredIn : undefined;
      resource = from === undefined ? undefined : toWorkspace(from);
    }
    const transformations = annotationText(doc, TRANSFORMATIONS);
    if (transformations) {
      const parsed = parse(transformations) as { configuredIn?: unknown }[] | null;
      for (const step of Array.isArray(parsed) ? parsed : []) {
        const file = typeof step?.configuredIn === 'string' ? toWorkspace(step.configuredIn) : undefined;
        if (file && !changedBy.includes(file)) changedBy.push(file);
      }
    }
    doc.deleteIn(['metadata', 'annotations', ORIGIN]);
    doc.deleteIn(['metadata', 'annotations', TRANSFORMATIONS]);
    dropCommonAnnotationCopies(doc, changedBy.flatMap((file) => byFile.commonAnnotations(file)));
    for (const at of [['metadata'], ['spec', 'jobTemplate', 'metadata']]) {
      const annotations = doc.getIn([...at, 'annotations']);
      if (isMap(annotations) && annotations.items.length === 0) doc.deleteIn([...at, 'annotations']);
    }
    const text = doc.toString({ lineWidth: 0 });
    const rendered = new SourceText(`${unit.folder}#${index}`, text);
    // The patches and kustomizations that changed the object, the last applied first.
    const editors: string[] = [];
    for (const file of [...changedBy].reverse()) {
      editors.push(...[...(byFile.get(file)?.patchFiles ?? [])].reverse(), file);
    }
    const home = resource ?? unit.file;
    documents.push({
      id: `${unit.folder}#kustomize#${index}:${home}`,
      unit: unit.folder,
      rendering: unit.file,
      priced: true,
      text,
      locate: (span) => locateInOverlay(span, rendered, home, editors, unit.file, files),
      sourceText: (file) => files.get(file)?.text,
    });
  }
  return documents;
}

/**
 * The kustomizations that changed an overlay's objects, by file; each parsed for its commonAnnotations once, not once
 * per object it changed.
 */
class KustomizationsByFile {
  private readonly byFile = new Map<string, Kustomization>();
  private readonly common = new Map<string, [string, string][]>();

  constructor(kustomizations: Map<string, Kustomization>) {
    for (const k of kustomizations.values()) if (!this.byFile.has(k.file)) this.byFile.set(k.file, k);
  }

  get(file: string): Kustomization | undefined {
    return this.byFile.get(file);
  }

  commonAnnotations(file: string): [string, string][] {
    let entries = this.common.get(file);
    if (entries === undefined) this.common.set(file, (entries = commonAnnotationsOf(this.byFile.get(file))));
    return entries;
  }
}

function commonAnnotationsOf(k: Kustomization | undefined): [string, string][] {
  if (!k) return [];
  let raw: { commonAnnotations?: unknown } | null;
  try {
    raw = parse(k.text, { logLevel: 'silent', maxAliasCount: 100 }) as { commonAnnotations?: unknown } | null;
  } catch {
    return [];
  }
  const map = raw?.commonAnnotations;
  if (!map || typeof map !== 'object' || Array.isArray(map)) return [];
  return Object.entries(map as Record<string, unknown>).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as [string, string]] : []));
}

/**
 * `commonAnnotations` go on every object's own metadata and on its pod template alike: the author cannot put them on
 * the pods only. The copy on the object's own metadata (and a CronJob's job template) of an entry that the pod
 * template also has with the same value is kustomize's, not the author's, so it is not reported as misplaced.
 */
function dropCommonAnnotationCopies(doc: Document, common: [string, string][]): void {
  if (common.length === 0) return;
  const podPaths = [['spec', 'template', 'metadata', 'annotations'], ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'annotations']];
  for (const [key, value] of common) {
    const onPods = podPaths.some((p) => doc.getIn([...p, key]) === value);
    if (!onPods) continue;
    for (const at of [['metadata', 'annotations'], ['spec', 'jobTemplate', 'metadata', 'annotations']]) {
      if (doc.getIn([...at, key]) === value) doc.deleteIn([...at, key]);
    }
  }
}

/**
 * The line behind a position of a rendered overlay object: the resource-file line that writes it literally, else
 * the patch or kustomization entry (commonAnnotations, an inline patch) that writes its key, else the resource
 * line with the key, else line 1 of the resource file.
 */
export function locateInOverlay(
  span: Span,
  rendered: SourceText,
  resource: string,
  editors: string[],
  overlayFile: string,
  files: WorkspaceFiles,
): SourceLocation {
  const { parsed, onValue } = renderedLineAt(rendered, span);
  const resourceText = files.get(resource);
  const literal = resourceText && literalLocation(resourceText, rendered, span);
  if (literal) return literal;
  if (parsed.key !== undefined) {
    const inEditors = keyLocation(editors.flatMap((f) => files.get(f) ?? []), parsed, onValue);
    if (inEditors) return inEditors;
    if (resourceText) {
      const hit = bestHit(findKey(resourceText, parsed.key), parsed.value);
      if (hit) return hitLocation(resourceText, hit, onValue);
    }
  }
  return firstLineLocation(resourceText ?? files.get(overlayFile), overlayFile);
}
