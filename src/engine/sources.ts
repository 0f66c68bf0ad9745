import type { Config, RenderOutcome, SourceFile } from '../model/index.js';
import { discoverFiles } from '../files/discover.js';
import { readTextFile } from '../files/read.js';
import { emptyRenderOutcome, renderCharts } from '../render/index.js';

/** The files on disk under the paths given (files or folders), filtered by the config's globs, and read. */
export function sourcesFromPaths(cwd: string, paths: string[], config: Config, absoluteOutside = false): SourceFile[] {
  return discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude, absoluteOutside }).map((file) => {
    if (file.skip) return { path: file.path, skip: file.skip };
    const outcome = readTextFile(file.absolute, config.maxFileSize);
    return 'text' in outcome ? { path: file.path, text: outcome.text } : { path: file.path, skip: outcome.skip };
  });
}

/**
 * Renders the charts and overlays under `roots` (files or folders) that use one of the `changed` files (all when
 * undefined): a pull request that changes a values file or a base renders its chart or overlays, though their other
 * files are unchanged.
 */
export async function renderChanged(cwd: string, roots: string[], config: Config, changed?: ReadonlySet<string>): Promise<RenderOutcome> {
  if (!config.render.enabled) return emptyRenderOutcome();
  return renderCharts({ cwd, paths: pathsUnder(cwd, roots, config), config, changed });
}

/** The paths of the files under `roots` (files or folders) that the config's globs select, relative to `cwd`. */
export function pathsUnder(cwd: string, roots: string[], config: Config): string[] {
  return discoverFiles(roots, { cwd, include: config.include, exclude: config.exclude }).map((f) => f.path);
}

/** Renders the charts and overlays among the files read from `cwd` (the render stage, docs/charts.md). */
export async function renderSources(
  cwd: string,
  sources: readonly SourceFile[],
  config: Config,
  changed?: ReadonlySet<string>,
): Promise<RenderOutcome> {
  if (!config.render.enabled) return emptyRenderOutcome();
  return renderCharts({ cwd, paths: sources.map((s) => s.path), config, changed });
}
