import type { LintResult } from '../model/index.js';
import { fullPage } from './page.js';
import type { PresentOptions } from './presentation.js';

export { escapeMarkdown } from './escape.js';

/** The Markdown report of the command line (`--format markdown`): the whole page, files as text (no repository to link to). */
export function markdownReport(result: LintResult, options: PresentOptions = { surface: 'cli' }): string {
  return fullPage({ result, options });
}
