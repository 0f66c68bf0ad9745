import path from 'node:path';
import type { RenderedDocument, RenderSkip, SourceLocation, Span } from '../model/index.js';
import type { ChartUnit } from './discover.js';
import type { WorkspaceFiles } from './files.js';
import {
  bestHit,
  findKey,
  findLiteralLine,
  findValuesEntry,
  hitLocation,
  occurrenceBefore,
  parseRenderedLine,
  SourceText,
  valuesReferences,
} from './provenance.js';
import { firstErrorLine, runTool, type ToolCommand } from './tools.js';

export interface ChartRendering {
  documents: RenderedDocument[];
  skipped?: RenderSkip;
}

/** The values files of one rendering, in the order helm applies them (the last wins). */
function valuesFilesOf(unit: ChartUnit, extra: string[], files: WorkspaceFiles): string[] {
  const own = `${unit.folder === '.' ? '' : `${unit.folder}/`}values.yaml`;
  return [...(files.exists(own) ? [own] : []), ...extra];
}

function label(unit: ChartUnit, valuesFiles: string[]): string {
  if (valuesFiles.length === 0) return 'no values file';
  return valuesFiles.map((f) => (unit.folder !== '.' && f.startsWith(`${unit.folder}/`) ? f.slice(unit.folder.length + 1) : f)).join(' + ');
}

/** Renders a chart once per values set; a rendering that fails makes the chart one skipped-file notice. */
export async function renderChart(
  unit: ChartUnit,
  helm: ToolCommand,
  files: WorkspaceFiles,
  timeoutMs: number,
): Promise<ChartRendering> {
  const documents: RenderedDocument[] = [];
  const chartFile = `${unit.folder === '.' ? '' : `${unit.folder}/`}Chart.yaml`;
  const link = files.linkOutside(unit.folder);
  if (link) {
    return { documents: [], skipped: { file: chartFile, line: 1, column: 1, message: `Chart not rendered: ${JSON.stringify(link)} is a link out of the workspace (or to nothing), which helm would follow` } };
  }
  for (const [index, rendering] of unit.renderings.entries()) {
    const valuesFiles = valuesFilesOf(unit, rendering.extra, files);
    const missing = rendering.extra.find((f) => !files.exists(f));
    if (missing) {
      return { documents: [], skipped: { file: chartFile, line: 1, column: 1, message: `Chart not rendered: the values file ${missing} does not exist (render.charts in the config)` } };
    }
    const args = ['template', unit.release, `./${unit.folder}`, '--namespace', unit.namespace];
    for (const extra of rendering.extra) args.push('--values', `./${extra}`);
    const run = await runTool(helm, args, { cwd: files.cwd, timeoutMs });
    const name = label(unit, valuesFiles);
    if (!run.ok) {
      const line = firstErrorLine(run);
      const where = toolPosition(line, unit.folder, files) ?? { file: chartFile, line: 1, column: 1 };
      const withValues = unit.renderings.length > 1 ? ` with ${name}` : '';
      return { documents: [], skipped: { ...where, message: `Chart not rendered${withValues}: helm template failed: ${line}` } };
    }
    documents.push(...splitHelmOutput(run.stdout, unit, valuesFiles, files, `${unit.folder}#${index}`, name, rendering.priced));
  }
  return { documents };
}

/** `web/templates/deployment.yaml:12:3` in a helm message → the file in the chart folder and its line. */
export function toolPosition(message: string, folder: string, files: WorkspaceFiles): { file: string; line: number; column: number } | undefined {
  const match = /(?:^|[\s(":])([\w.-]+(?:\/[\w.-]+)+):(\d+)(?::(\d+))?/.exec(message);
  if (!match) return undefined;
  const file = chartPath(folder, match[1]);
  if (!files.exists(file)) return undefined;
  return { file, line: Number(match[2]), column: Number(match[3] ?? 1) };
}

/** `mychart/templates/x.yaml` (helm names files by the chart's name) → the path in the chart folder. */
function chartPath(folder: string, source: string): string {
  const rest = source.split('/').slice(1).join('/');
  return folder === '.' ? rest : `${folder}/${rest}`;
}

export function splitHelmOutput(
  output: string,
  unit: ChartUnit,
  valuesFiles: string[],
  files: WorkspaceFiles,
  idPrefix: string,
  rendering: string,
  priced: boolean,
): RenderedDocument[] {
  const documents: RenderedDocument[] = [];
  const chunks = output.split(/^---[ \t]*$/m);
  for (const [index, chunk] of chunks.entries()) {
    if (!/\S/.test(chunk.replace(/^\s*#.*$/gm, ''))) continue;
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1].trim();
    const template = source ? chartPath(unit.folder, source) : `${unit.folder === '.' ? '' : `${unit.folder}/`}Chart.yaml`;
    const text = chunk.replace(/^\r?\n/, '');
    const rendered = new SourceText(`${idPrefix}#${index}`, text);
    documents.push({
      id: `${idPrefix}#${index}:${template}`,
      unit: unit.folder,
      rendering,
      priced,
      text,
      namespace: unit.namespace,
      locate: (span) => locateInChart(span, rendered, template, valuesFiles, files),
      sourceText: (file) => files.get(file)?.text,
    });
  }
  return documents;
}

/**
 * The line behind a position of a rendered chart document: the template line that writes it literally, else
 * the values-file entry with its key (the value it rendered first), else the template line that writes the key
 * (or, for its value, the values entry that line reads), else line 1 of the template.
 */
export function locateInChart(span: Span, rendered: SourceText, template: string, valuesFiles: string[], files: WorkspaceFiles): SourceLocation {
  const line0 = span.line - 1;
  const parsed = parseRenderedLine(rendered.row(line0));
  const onValue = parsed.valueColumn !== undefined && span.column - 1 >= parsed.valueColumn;
  const templateText = files.get(template);
  if (templateText) {
    const at = findLiteralLine(templateText, parsed.trimmed, occurrenceBefore(rendered, line0));
    if (at !== undefined) return shifted(templateText, at, span, parsed.indent);
  }
  if (parsed.key !== undefined) {
    const values = [...valuesFiles].reverse().flatMap((f) => files.get(f) ?? []);
    for (const requireValue of [true, false]) {
      if (requireValue && parsed.value === undefined) continue;
      for (const source of values) {
        const hits = findKey(source, parsed.key);
        const hit = requireValue ? hits.find((h) => h.value === parsed.value) : bestHit(hits, parsed.value);
        if (hit) return hitLocation(source, hit, onValue);
      }
    }
    if (templateText) {
      const hit = findKey(templateText, parsed.key)[0];
      if (hit) {
        if (onValue) {
          for (const reference of valuesReferences(templateText.row(hit.line0))) {
            for (const source of values) {
              const entry = findValuesEntry(source, reference);
              if (entry) return hitLocation(source, entry, true);
            }
          }
        }
        return hitLocation(templateText, hit, false);
      }
    }
  }
  const fallback = templateText ?? files.get(`${path.posix.dirname(template)}/Chart.yaml`);
  if (fallback) return { file: fallback.path, span: fallback.firstLine(), exact: false };
  return { file: template, span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 }, exact: false };
}

/** The same position on a line that another file writes literally (its indentation may differ). */
function shifted(target: SourceText, line0: number, span: Span, renderedIndent: number): SourceLocation {
  const row = target.row(line0);
  const indent = row.length - row.trimStart().length;
  const column0 = Math.max(indent, span.column - 1 - renderedIndent + indent);
  const length = span.endLine === span.line ? span.endColumn - span.column : row.length - column0;
  return { file: target.path, span: target.spanAt(line0, column0, Math.min(length, row.length - column0)), exact: true };
}

export { shifted as shiftedLocation };
