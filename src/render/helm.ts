import type { RenderedDocument, RenderSkip, SourceLocation, Span } from '../model/index.js';
import type { ChartUnit } from './discover.js';
import type { WorkspaceFiles } from './files.js';
import { inFolder, unitFile } from './paths.js';
import {
  findKey,
  findValuesEntry,
  firstLineLocation,
  hitLocation,
  keyLocation,
  literalLocation,
  renderedLineAt,
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
  const own = inFolder(unit.folder, 'values.yaml');
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
  const chartFile = unitFile(unit);
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
  return inFolder(folder, source.split('/').slice(1).join('/'));
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
  const chartFile = unitFile(unit);
  for (const [index, chunk] of chunks.entries()) {
    if (!/\S/.test(chunk.replace(/^\s*#.*$/gm, ''))) continue;
    const source = /^# Source: (.+)$/m.exec(chunk)?.[1].trim();
    const template = source ? chartPath(unit.folder, source) : chartFile;
    const text = chunk.replace(/^\r?\n/, '');
    const rendered = new SourceText(`${idPrefix}#${index}`, text);
    documents.push({
      id: `${idPrefix}#${index}:${template}`,
      unit: unit.folder,
      rendering,
      priced,
      text,
      namespace: unit.namespace,
      locate: (span) => locateInChart(span, rendered, { template, chartFile }, valuesFiles, files),
      sourceText: (file) => files.get(file)?.text,
    });
  }
  return documents;
}

/**
 * The line behind a position of a rendered chart document: the template line that writes it literally, else
 * the values-file entry with its key (the value it rendered first), else the template line that writes the key
 * (or, for its value, the values entry that line reads), else line 1 of the template, else (a template the scan
 * cannot read, e.g. one inside a packaged subchart) line 1 of the chart's Chart.yaml.
 */
export function locateInChart(
  span: Span,
  rendered: SourceText,
  { template, chartFile }: { template: string; chartFile: string },
  valuesFiles: string[],
  files: WorkspaceFiles,
): SourceLocation {
  const { parsed, onValue } = renderedLineAt(rendered, span);
  const templateText = files.get(template);
  const literal = templateText && literalLocation(templateText, rendered, span);
  if (literal) return literal;
  if (parsed.key !== undefined) {
    const values = [...valuesFiles].reverse().flatMap((f) => files.get(f) ?? []);
    const inValues = keyLocation(values, parsed, onValue);
    if (inValues) return inValues;
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
  return firstLineLocation(templateText ?? files.get(chartFile), template);
}
