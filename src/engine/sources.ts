import type { Config, RenderOutcome, SourceFile } from '../model/index.js';
import { discoverFiles, type DiscoveredFile } from '../files/discover.js';
import { readTextFile } from '../files/read.js';
import { emptyRenderOutcome, renderCharts } from '../render/index.js';

/** The files on disk under the paths given (files or folders), filtered by the config's globs, and read. */
export function sourcesFromPaths(cwd: string, paths: string[], config: Config, absoluteOutside = false): SourceFile[] {
  return readDiscovered(discoverFiles(paths, { cwd, include: config.include, exclude: config.exclude, absoluteOutside }), config);
}

/** The files under `roots` (files or folders) that the config's globs select, found and not yet read. */
export function filesUnder(cwd: string, roots: string[], config: Config): DiscoveredFile[] {
  return discoverFiles(roots, { cwd, include: config.include, exclude: config.exclude });
}

/** Found files read; a file to skip, or one too large or not text, keeps its path with the reason. */
export function readDiscovered(files: readonly DiscoveredFile[], config: Pick<Config, 'maxFileSize'>): SourceFile[] {
  return files.map((file) => {
    if (file.skip) return { path: file.path, skip: file.skip };
    const outcome = readTextFile(file.absolute, config.maxFileSize);
    return 'text' in outcome ? { path: file.path, text: outcome.text } : { path: file.path, skip: outcome.skip };
  });
}

/**
 * Renders the charts and overlays among the files of `cwd` given (the render stage, docs/charts.md). With `changed`,
 * only those that use one of the changed files: a pull request that changes a values file or a base renders its
 * chart or overlays, though their other files are unchanged.
 */
export async function renderSources(
  cwd: string,
  files: readonly Pick<SourceFile, 'path'>[],
  config: Config,
  changed?: ReadonlySet<string>,
): Promise<RenderOutcome> {
  if (!config.render.enabled) return emptyRenderOutcome();
  return renderCharts({ cwd, paths: files.map((s) => s.path), config, changed });
}
