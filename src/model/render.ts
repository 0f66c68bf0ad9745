import type { Span } from './position.js';
import type { Workload } from './workload.js';

/** Where a position of a rendered document comes from, in a file a person edits. */
export interface SourceLocation {
  file: string;
  span: Span;
  /**
   * False when no line wrote the key or value and the location is line 1 of the template, resource or
   * kustomization: messages then name the rendered object.
   */
  exact: boolean;
}

/** One YAML document produced by `helm template` or `kustomize build`, with a map back to the lines behind it. */
export interface RenderedDocument {
  /** Unique among the scan's documents; findings carry it until they are located. */
  id: string;
  /** The chart or overlay folder that produced it. */
  unit: string;
  /** The rendering it came from, for messages: the values files, or the kustomization. */
  rendering: string;
  /** Whether its workloads count in the cost (docs/charts.md: the renderings that stand for a deployment). */
  priced: boolean;
  text: string;
  /** The namespace of objects that name none (a chart's release namespace); `default` when undefined. */
  namespace?: string;
  /** The file and position a person edits for a position of `text`. */
  locate(span: Span): SourceLocation;
  /** The text of a file the rendering read (as `locate` saw it), for carrying a fix over to it. */
  sourceText?(file: string): string | undefined;
}

/** How the scan judged a file that a chart or overlay uses. */
export interface RenderedFileStatus {
  status: 'scanned' | 'skipped';
  /** E.g. `rendered with the chart charts/web`. */
  reason: string;
}

/** A chart or overlay that could not be rendered: one skipped-file notice. */
export interface RenderSkip {
  /** The file the notice is on (Chart.yaml or the kustomization, or the file the tool named). */
  file: string;
  line: number;
  column: number;
  message: string;
}

/** What the render stage hands to the engine. */
export interface RenderOutcome {
  documents: RenderedDocument[];
  /** Files judged through the renderings that use them, never alone. */
  used: Map<string, RenderedFileStatus>;
  skipped: RenderSkip[];
  /**
   * Kustomizations' commonAnnotations and commonLabels as written (kind Kustomization): checked for values that are
   * not strings only, never priced.
   */
  asWritten: Workload[];
}
