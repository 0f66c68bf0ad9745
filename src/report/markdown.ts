import type { LintResult } from '../engine.js';
import { fullPage } from './page.js';

export { escapeMarkdown } from './escape.js';

/** The Markdown report of the command line (`--format markdown`): the whole page, files as text (no repository to link to). */
export function markdownReport(result: LintResult): string {
  return fullPage({ result, options: { surface: 'cli' } });
}
