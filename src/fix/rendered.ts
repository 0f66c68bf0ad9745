import type { Finding, SourceFile } from '../model/index.js';
import { fixedTextRenderer } from '../render/fixed.js';
import { applyFixes, applyFixesRendered } from './apply.js';
import type { FixOptions, FixResult } from './types.js';

export interface FixInWorkspaceOptions extends FixOptions {
  /** The working directory the sources were read from, and the scanned paths relative to it. */
  cwd: string;
  paths: readonly string[];
}

/**
 * The fixes of findings in files read from a working directory: with charts and overlays rendered
 * (`options.rendered`), their fixes are verified by rendering a copy with the fixed texts (docs/fixes.md); without,
 * this is `applyFixes`.
 */
export async function fixInWorkspace(sources: readonly SourceFile[], findings: readonly Finding[], options: FixInWorkspaceOptions): Promise<FixResult> {
  const { cwd, paths, ...fixOptions } = options;
  const rendered = fixOptions.rendered;
  if (!rendered || rendered.used.size === 0) return applyFixes(sources, findings, fixOptions);
  return applyFixesRendered(sources, findings, { ...fixOptions, rendered, render: fixedTextRenderer(cwd, paths, fixOptions.config, rendered) });
}
