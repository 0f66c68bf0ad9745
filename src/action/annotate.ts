import * as core from '@actions/core';
import type { Finding } from '../model/index.js';
import { annotations } from '../report/github.js';

/** The runner shows only this many annotations of each level per step. */
const SHOWN_PER_LEVEL = 10;

/**
 * Findings as annotations (report/github.ts: errors first, then warnings, then notices, as GitHub shows only the
 * first 10 of each level per step), followed by one line that says where the full list is.
 */
export function annotate(findings: Finding[]): void {
  const emit = { error: core.error, warning: core.warning, notice: core.notice };
  const perLevel = { error: 0, warning: 0, notice: 0 };
  for (const { level, message, properties } of annotations(findings)) {
    perLevel[level] += 1;
    emit[level](message, properties);
  }
  if (findings.length === 0) return;
  const hidden = Object.values(perLevel).reduce((sum, n) => sum + Math.max(0, n - SHOWN_PER_LEVEL), 0);
  core.info(
    hidden > 0
      ? `GitHub shows 10 annotations per level; ${hidden} more are in the job summary, which lists all ${findings.length}.`
      : `The job summary lists all ${findings.length} finding(s).`,
  );
}
