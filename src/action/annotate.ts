import * as core from '@actions/core';
import type { Finding } from '../model/index.js';
import { SEVERITY_ORDER } from '../report/summary.js';
import { annotationText } from '../github/log.js';

/** The runner shows only this many annotations of each level per step. */
const SHOWN_PER_LEVEL = 10;

/**
 * Findings as workflow-command annotations, errors first, then warnings, then notices (GitHub shows only the
 * first 10 of each level per step), followed by one line that says where the full list is.
 */
export function annotate(findings: Finding[]): void {
  const emit = { error: core.error, warning: core.warning, notice: core.notice };
  let hidden = 0;
  for (const severity of SEVERITY_ORDER) {
    const ofLevel = findings.filter((f) => f.severity === severity);
    hidden += Math.max(0, ofLevel.length - SHOWN_PER_LEVEL);
    for (const f of ofLevel) {
      emit[severity](annotationText(f.message), {
        title: f.ruleId,
        file: f.file,
        startLine: f.span.line,
        endLine: f.span.endLine,
        // Columns may be sent only when startLine and endLine are equal (@actions/core's AnnotationProperties).
        ...(f.span.endLine === f.span.line ? { startColumn: f.span.column, endColumn: f.span.endColumn } : {}),
      });
    }
  }
  if (findings.length === 0) return;
  core.info(
    hidden > 0
      ? `GitHub shows 10 annotations per level; ${hidden} more are in the job summary, which lists all ${findings.length}.`
      : `The job summary lists all ${findings.length} finding(s).`,
  );
}
