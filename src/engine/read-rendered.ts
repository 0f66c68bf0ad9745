import type { Finding, ReadResult, RenderedDocument, RenderOutcome, RenderSkip, SourceLocation, Workload } from '../model/index.js';
import { readKubernetesYaml } from '../readers/kubernetes/index.js';
import { LineIndex } from '../readers/line-index.js';
import { fileFinding, problemFinding } from './findings.js';

/** What reading the rendered documents gives the later stages. */
export interface ReadRendered {
  reads: ReadResult[];
  /** The documents by id (an autoscaler's `file` names its document until it is located). */
  documents: Map<string, RenderedDocument>;
  /** The document each workload was read from. */
  documentOf: Map<Workload, RenderedDocument>;
  /** Where each rendered workload is in the file a person edits (located once, applied after the rules). */
  locations: Map<Workload, SourceLocation>;
  /** The notices of the charts and overlays that could not be rendered, and the problems of the documents. */
  findings: Finding[];
}

/**
 * Rendered documents are read like any YAML. The findings of their problems are put on the lines behind them now;
 * the workloads keep their positions in the documents for the rules (`locateRenderedWorkloads` moves them after),
 * but already name the file a person edits.
 */
export function readRendered(rendered: RenderOutcome): ReadRendered {
  const out: ReadRendered = { reads: [], documents: new Map(), documentOf: new Map(), locations: new Map(), findings: rendered.skipped.map(renderSkipFinding) };
  for (const document of rendered.documents) {
    out.documents.set(document.id, document);
    const read = readKubernetesYaml(document.id, document.text);
    out.reads.push(read);
    for (const problem of read.problems) {
      const where = document.locate(problem.span);
      out.findings.push(problemFinding(problem, where.file, where.span, `${problem.message} (in the output of ${document.unit}, ${document.rendering})`));
    }
    for (const workload of read.workloads) {
      out.documentOf.set(workload, document);
      // helm installs the objects that name no namespace in the release's namespace.
      if (workload.namespaceDefaulted && document.namespace) workload.namespace = document.namespace;
      const where = document.locate(workload.span);
      out.locations.set(workload, where);
      // Config globs (workloads[].match.path, ignore[].path) match the file a person edits.
      workload.file = where.file;
    }
    for (const hpa of read.autoscalers) {
      if (document.namespace && !/^\s+namespace\s*:/m.test(document.text)) hpa.namespace = document.namespace;
      hpa.file = document.id;
    }
  }
  return out;
}

/** A chart or overlay that could not be rendered: a notice on the line the tool named. */
function renderSkipFinding(skip: RenderSkip): Finding {
  const { line, column } = skip;
  return { ...fileFinding('skipped-file', skip.file, skip.message), span: { ...new LineIndex('').span(0), line, column, endLine: line, endColumn: column } };
}

/** The rendered workloads (and their autoscalers) put on the lines behind them, once the rules have judged them. */
export function locateRenderedWorkloads({ documents, locations }: Pick<ReadRendered, 'documents' | 'locations'>): void {
  for (const [workload, where] of locations) {
    workload.span = where.span;
    const hpaDocument = workload.autoscaler && documents.get(workload.autoscaler.file);
    if (workload.autoscaler && hpaDocument) {
      const where = hpaDocument.locate(workload.autoscaler.span);
      workload.autoscaler = { ...workload.autoscaler, file: where.file, span: where.span };
    }
  }
}
