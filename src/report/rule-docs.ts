import { DOCS_URL } from '../version.js';

/** The documentation page of a rule (docs/rules/<id>.md on the default branch); every surface links to it. */
export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_URL}/rules/${encodeURIComponent(ruleId)}.md`;
}
