import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config, RenderOutcome } from '../model/index.js';
import { discoverUnits, type RenderUnit } from './discover.js';
import { renderCharts, unitFiles } from './index.js';
import { inFolder, isInFolder, unitFile } from './paths.js';
import { findExecutable } from './tools.js';

/** A rendering of fixed texts, and the release of the temporary copy it was made in (once it has been linted). */
export interface FixedRendering {
  rendered: RenderOutcome;
  release(): void;
}

/** At most this many files are copied for one rendering of fixed texts: a fix never costs more than a bounded copy. */
const COPY_LIMIT = 20_000;

/**
 * What the fix engine renders fixed texts with (docs/fixes.md): the charts and overlays that use one of the fixed
 * files are copied, with the fixed texts in place of the files on disk, into a temporary folder and rendered there
 * with the same tools, settings and safety as the scan; their documents then replace those of `original`. The
 * copy keeps every path relative to the working directory, so findings land on the same paths.
 */
export function fixedTextRenderer(
  cwd: string,
  paths: readonly string[],
  config: Config,
  original: RenderOutcome,
): (texts: ReadonlyMap<string, string>) => Promise<FixedRendering> {
  const realCwd = fs.realpathSync(cwd);
  // A tool given by a relative path is found from the working directory, not from the copy.
  const render = {
    ...config.render,
    helm: findExecutable(config.render.helm, realCwd) ?? config.render.helm,
    kustomize: config.render.kustomize === 'auto' ? 'auto' : (findExecutable(config.render.kustomize, realCwd) ?? config.render.kustomize),
  };
  // The charts and overlays on disk do not change while fixes are tried: found once, for every fix step.
  const { units } = discoverUnits(paths, { cwd: realCwd, render: config.render });
  return async (texts) => {
    const changed = new Set(texts.keys());
    const affected = units.filter((unit) => unitFiles(unit, paths).some((file) => changed.has(file)));
    const changedKustomization = [...changed].some((file) => original.asWritten.some((w) => w.file === file));
    if (affected.length === 0 && !changedKustomization) return { rendered: original, release: () => undefined };

    const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-fix-'));
    const release = () => fs.rmSync(temporary, { recursive: true, force: true });
    try {
      // The copy has the working directory's name: a chart at the root is released under that name.
      const root = path.join(temporary, path.basename(realCwd) || 'workspace');
      const copied = new Set<string>();
      const budget = { left: COPY_LIMIT };
      for (const folder of foldersOf(affected)) copyFolder(realCwd, root, folder, copied, budget);
      for (const file of [...affected.flatMap((u) => unitFiles(u, paths)), ...changed]) copyFile(realCwd, root, file, copied, budget);
      for (const [file, text] of texts) {
        if (!insideCopy(file)) continue;
        const target = path.join(root, ...file.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
        copied.add(file);
      }
      const fresh = await renderCharts({
        cwd: root,
        paths: paths.filter((file) => copied.has(file)),
        config: { ...config, render },
        changed,
      });
      return { rendered: merge(original, fresh, affected, paths, changed), release };
    } catch (error) {
      // The copy could not be made (no space, too many files): each chart or overlay is a notice, so that the
      // fix is refused with the reason rather than the run ended.
      release();
      const skipped = affected.map((unit) => ({
        file: unitFile(unit),
        line: 1,
        column: 1,
        message: `Not rendered again to check a fix: ${(error as Error).message}`,
      }));
      return { rendered: merge(original, { documents: [], used: new Map(), skipped, asWritten: [] }, affected, paths, changed), release: () => undefined };
    }
  };
}

/** A path inside the working directory (a file the CLI was given outside it is never part of a chart or overlay). */
function insideCopy(file: string): boolean {
  return !path.isAbsolute(file) && !file.split('/').includes('..');
}

/** The folders a unit reads besides single files: a chart's folder, an overlay's and those of the files it uses. */
function foldersOf(units: readonly RenderUnit[]): string[] {
  const folders = new Set<string>();
  for (const unit of units) {
    folders.add(unit.folder);
    if (unit.kind === 'overlay') for (const file of unit.inputs) folders.add(path.posix.dirname(file));
  }
  // A folder inside another one is copied with it.
  return [...folders].filter((folder) => ![...folders].some((other) => other !== folder && isInFolder(folder, other)));
}

/** Copies the regular files under a folder (never a link: the scan refuses units that hold one out of the workspace). */
function copyFolder(from: string, to: string, folder: string, copied: Set<string>, budget: { left: number }): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(from, folder), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const child = inFolder(folder, entry.name);
    if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') copyFolder(from, to, child, copied, budget);
    else if (entry.isFile()) copyFile(from, to, child, copied, budget);
  }
}

function copyFile(from: string, to: string, file: string, copied: Set<string>, budget: { left: number }): void {
  if (copied.has(file) || !insideCopy(file)) return;
  if (budget.left-- <= 0) throw new Error(`the charts and overlays to render again hold more than ${COPY_LIMIT} files`);
  const source = path.join(from, ...file.split('/'));
  const stat = fs.lstatSync(source, { throwIfNoEntry: false });
  if (!stat?.isFile()) return;
  const target = path.join(to, ...file.split('/'));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  copied.add(file);
}

/** The scan's render outcome with the units rendered again in place of their first rendering. */
function merge(original: RenderOutcome, fresh: RenderOutcome, affected: readonly RenderUnit[], paths: readonly string[], changed: ReadonlySet<string>): RenderOutcome {
  const folders = new Set(affected.map((unit) => unit.folder));
  const files = new Set(affected.flatMap((unit) => unitFiles(unit, paths)));
  const inChart = (file: string) => affected.some((u) => u.kind === 'chart' && isInFolder(file, u.folder));
  return {
    documents: [...original.documents.filter((d) => !folders.has(d.unit)), ...fresh.documents],
    used: new Map([...original.used, ...fresh.used]),
    skipped: [...original.skipped.filter((s) => !files.has(s.file) && !inChart(s.file)), ...fresh.skipped],
    asWritten: [...original.asWritten.filter((w) => !changed.has(w.file)), ...fresh.asWritten],
  };
}
