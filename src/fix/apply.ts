/**
 * The fix engine: applies the text edits of findings to the files, and checks every result by linting it again
 * through the same engine, so it works for any format a reader knows (YAML, and HCL through the Terraform reader).
 * The algorithm is written once (passes.ts); here it is driven by a lint that is synchronous, or one that renders the
 * charts and overlays again.
 */
import { lintSources, type LintOptions } from '../engine/index.js';
import type { Finding, SourceFile } from '../model/index.js';
import { fixSteps } from './passes.js';
import { checkingConfig } from './text-problems.js';
import type { FixOptions, FixResult, RenderedFixOptions } from './types.js';

/**
 * Applies the fixes of `findings` (every safe fix, and the unsafe fixes of `options.unsafeRules`) to `sources`.
 * `findings` must come from linting these sources with `options.config`; a subset is fine (e.g. only the new findings):
 * a finding left out is never fixed, not even in a later pass. Nothing is written: the caller writes `fixed` or shows a
 * diff. Synchronous: when Terraform files are among the sources, load the readers first (as for `lintSources`).
 */
export function applyFixes(sources: readonly SourceFile[], findings: readonly Finding[], options: FixOptions): FixResult {
  const lintOptions = lintOptionsOf(options);
  const steps = fixSteps(sources, findings, options, false);
  let step = steps.next();
  while (!step.done) step = steps.next(lintSources(withTexts(sources, step.value), lintOptions));
  return step.value;
}

/**
 * `applyFixes` for sources among which charts and overlays were rendered (`options.rendered`), with the fixes of
 * their files too (values files, templates, kustomizations: `verify: 'render'`): each text that changes a file a
 * chart or overlay uses is rendered again with `options.render`, and the fix is kept only when the new rendering no
 * longer has the finding, still renders the same objects and has no finding the old one did not have.
 */
export async function applyFixesRendered(sources: readonly SourceFile[], findings: readonly Finding[], options: RenderedFixOptions): Promise<FixResult> {
  const lintOptions = lintOptionsOf(options);
  const originals = new Map(sources.flatMap((s) => (s.text === undefined ? [] : [[s.path, s.text] as const])));
  const steps = fixSteps(sources, findings, options, true);
  let step = steps.next();
  while (!step.done) {
    const texts = step.value;
    const changed = new Map([...texts].filter(([file, text]) => originals.get(file) !== text && options.rendered.used.has(file)));
    if (changed.size === 0) {
      step = steps.next(lintSources(withTexts(sources, texts), lintOptions));
      continue;
    }
    const again = await options.render(changed);
    try {
      step = steps.next(lintSources(withTexts(sources, texts), { ...lintOptions, rendered: again.rendered }));
    } finally {
      again.release();
    }
  }
  return step.value;
}

function lintOptionsOf(options: FixOptions): LintOptions {
  const { config, unsafeRules: _unsafe, maxPasses: _passes, linted: _linted, rendered, ...readerOptions } = options;
  return { ...readerOptions, config: checkingConfig(config), ...(rendered ? { rendered } : {}) };
}

function withTexts(sources: readonly SourceFile[], texts: ReadonlyMap<string, string>): SourceFile[] {
  return sources.map((s) => (s.text === undefined ? s : { ...s, text: texts.get(s.path) ?? s.text }));
}
