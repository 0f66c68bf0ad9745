import type { Config, RenderedDocument, RenderedFileStatus, RenderOutcome, RenderSkip } from '../model/index.js';
import { kustomizationAsWritten } from './as-written.js';
import { discoverUnits, type RenderUnit } from './discover.js';
import { WorkspaceFiles } from './files.js';
import { renderChart } from './helm.js';
import { renderOverlay } from './kustomize.js';
import { isInFolder, unitFile } from './paths.js';
import { cpuCount, inParallel, MissingTool, resolveHelm, resolveKustomize, type ToolCommand } from './tools.js';

export { discoverUnits, type RenderUnit } from './discover.js';
export { findExecutable } from './tools.js';

export interface RenderInput {
  /** The working directory: every path is relative to it. */
  cwd: string;
  /** The scanned files' paths (relative, with `/`): the charts and overlays among them are rendered. */
  paths: readonly string[];
  config: Config;
  /** Render only the units that use one of these files (a pull request's changed files); all when undefined. */
  changed?: ReadonlySet<string>;
  /** At most this many renderings at a time (default: the number of CPUs). */
  parallel?: number;
}

export function emptyRenderOutcome(): RenderOutcome {
  return { documents: [], used: new Map(), skipped: [], asWritten: [] };
}

/** The files of the scan that a unit uses (its folder's files for a chart). */
export function unitFiles(unit: RenderUnit, paths: readonly string[]): string[] {
  if (unit.kind === 'chart') return [...paths.filter((p) => isInFolder(p, unit.folder)), ...unit.inputs];
  return unit.inputs;
}

function describe(unit: RenderUnit): string {
  return unit.kind === 'chart' ? `the chart ${unit.folder}` : `the overlay ${unit.folder}`;
}

/**
 * The render stage: charts and overlays among the scanned files → rendered documents, each with a map back to
 * the lines behind it, and the files judged through them. Never throws for a chart or overlay: what cannot be
 * rendered is a skipped-file notice with the tool's reason.
 */
export async function renderCharts(input: RenderInput): Promise<RenderOutcome> {
  const { config, cwd } = input;
  const outcome = emptyRenderOutcome();
  if (!config.render.enabled) return outcome;
  const { units: all, kustomizations } = discoverUnits(input.paths, { cwd, render: config.render });
  for (const k of kustomizations.values()) {
    if (input.changed && !input.changed.has(k.file)) continue;
    const written = kustomizationAsWritten(k.file, k.folder, k.text);
    if (written) outcome.asWritten.push(written);
  }
  const units = input.changed ? all.filter((u) => unitFiles(u, input.paths).some((f) => input.changed!.has(f))) : all;
  if (units.length === 0) return outcome;
  const files = new WorkspaceFiles(cwd, config.maxFileSize);
  const tools = { helm: config.render.helm, kustomize: config.render.kustomize, timeoutMs: config.render.timeoutMs };
  const helm = units.some((u) => u.kind === 'chart') ? resolveHelm(tools, cwd) : undefined;
  const kustomize = units.some((u) => u.kind === 'overlay') ? resolveKustomize(tools, cwd) : undefined;

  // A missing tool is one notice, on the first unit that needs it, naming how to install it.
  for (const [tool, kind] of [[helm, 'chart'], [kustomize, 'overlay']] as const) {
    if (!(tool instanceof MissingTool)) continue;
    const needing = units.filter((u) => u.kind === kind);
    const first = needing[0];
    const names = needing.slice(0, 5).map((u) => u.folder).join(', ') + (needing.length > 5 ? ', …' : '');
    outcome.skipped.push({
      file: unitFile(first),
      line: 1,
      column: 1,
      message: `${needing.length} ${kind}${needing.length === 1 ? '' : 's'} not rendered (${names}): ${tool.message}`,
    });
  }

  const results = await inParallel(units, input.parallel ?? cpuCount(), async (unit) => {
    try {
      if (unit.kind === 'chart') {
        if (!helm || helm instanceof MissingTool) return { documents: [], missing: true };
        return await renderChart(unit, helm as ToolCommand, files, tools.timeoutMs);
      }
      if (!kustomize || kustomize instanceof MissingTool) return { documents: [], missing: true };
      return await renderOverlay(unit, kustomize as ToolCommand, files, kustomizations, tools.timeoutMs);
    } catch (error) {
      // An unexpected failure (e.g. no temporary folder) is this unit's notice, never the run's end.
      const skipped: RenderSkip = { file: unitFile(unit), line: 1, column: 1, message: `Not rendered: ${(error as Error).message}` };
      return { documents: [] as RenderedDocument[], skipped };
    }
  });

  for (const [index, unit] of units.entries()) {
    const result = results[index] as { documents: RenderedDocument[]; skipped?: RenderSkip; missing?: boolean };
    const rendered = !result.skipped && !result.missing;
    if (result.skipped) outcome.skipped.push(result.skipped);
    outcome.documents.push(...result.documents);
    const status: RenderedFileStatus = rendered
      ? { status: 'scanned', reason: `rendered with ${describe(unit)}` }
      : { status: 'skipped', reason: `${describe(unit)} was not rendered` };
    // The files of a unit that was not rendered are not linted alone either: a base or a template alone is not what
    // is deployed (a base without its overlay's EIP patch would be "missing egress"). The unit's notice says why.
    const usedFiles = unitFiles(unit, input.paths);
    for (const file of usedFiles) {
      // A file used by a rendered unit is judged through it, even when another unit could not be rendered.
      if (outcome.used.get(file)?.status === 'scanned') continue;
      outcome.used.set(file, status);
    }
  }
  return outcome;
}
