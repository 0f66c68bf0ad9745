import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selected, toPosixRelative } from '../files/discover.js';
import { listCommitFiles, repositoryRoot, resolveCommit, showFile } from '../files/git.js';
import type { Config, RenderOutcome } from '../model/index.js';
import { KUSTOMIZATION_NAMES } from './discover.js';
import { emptyRenderOutcome, renderCharts } from './index.js';

const made: string[] = [];
let cleanupRegistered = false;

/**
 * Renders the charts and overlays of a commit (the base of a change, for the cost change and --new-only): the
 * files of every chart and kustomization folder of the commit are written from git into a temporary folder, which
 * is rendered like a working tree. The folder lives until the process ends (the documents read it to locate lines).
 * `paths` are the base's scanned files, relative to `cwd` (default: every file of the commit under `cwd` that the
 * include and exclude globs select); `changed`, when given, limits the units as for the head.
 */
export async function renderAtCommit(
  cwd: string,
  ref: string,
  scanned: readonly string[] | undefined,
  config: Config,
  changed?: ReadonlySet<string>,
): Promise<RenderOutcome> {
  if (!config.render.enabled) return emptyRenderOutcome();
  const absoluteCwd = path.resolve(cwd);
  const root = repositoryRoot(absoluteCwd);
  const commit = resolveCommit(absoluteCwd, ref);
  const blobs = listCommitFiles(root, commit).map((b) => ({ ...b, relative: toPosixRelative(absoluteCwd, path.join(root, b.path)) }));
  const folders = new Set(
    blobs
      .filter((b) => !b.relative.startsWith('../') && (path.posix.basename(b.relative) === 'Chart.yaml' || KUSTOMIZATION_NAMES.includes(path.posix.basename(b.relative))))
      .map((b) => path.posix.dirname(b.relative)),
  );
  if (folders.size === 0) return emptyRenderOutcome();
  const paths = scanned ?? blobs.filter((b) => !b.relative.startsWith('../') && selected(b.relative, config)).map((b) => b.relative);
  const inside = (file: string) => [...folders].some((folder) => folder === '.' || file.startsWith(`${folder}/`));
  const wanted = new Set(paths);
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-base-'));
  made.push(temporary);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => {
      for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
    });
  }
  for (const blob of blobs) {
    if (blob.relative.startsWith('../') || blob.size > config.maxFileSize) continue;
    if (!wanted.has(blob.relative) && !inside(blob.relative)) continue;
    const target = path.join(temporary, ...blob.relative.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, showFile(root, commit, blob.path));
  }
  return renderCharts({ cwd: temporary, paths, config, changed });
}
