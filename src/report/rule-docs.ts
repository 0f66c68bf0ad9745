/** Where the project's documentation is published; every surface links rule ids to their page there. */
export const PROJECT_URL = 'https://github.com/eci-egress-lint/eci-egress-lint';

/** The documentation page of a rule (docs/rules/<id>.md). */
export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}
