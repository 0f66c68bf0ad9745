/**
 * Paths of the render stage: relative to the working directory, with `/`, where `.` is the working directory itself
 * (a chart or overlay at the top of the repository).
 */
import type { RenderUnit } from './discover.js';

/** A file or folder inside `folder`. */
export function inFolder(folder: string, relative: string): string {
  return folder === '.' ? relative : `${folder}/${relative}`;
}

/** Whether `file` is `folder` or inside it. */
export function isInFolder(file: string, folder: string): boolean {
  return folder === '.' || file === folder || file.startsWith(`${folder}/`);
}

/** The file that stands for a unit in a notice: a chart's Chart.yaml, an overlay's kustomization. */
export function unitFile(unit: RenderUnit): string {
  return unit.kind === 'chart' ? inFolder(unit.folder, 'Chart.yaml') : unit.file;
}
