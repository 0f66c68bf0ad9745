import jsYaml from 'js-yaml';

/**
 * A fast syntax check for documents the rules never look at (CRDs, RBAC …): js-yaml only validates,
 * several times faster than composing the document. When it objects, the caller parses the document
 * with the `yaml` package, which stays the authority on errors and their positions.
 */
export function looksValid(text: string): boolean {
  try {
    jsYaml.loadAll(text, () => undefined, { schema: jsYaml.FAILSAFE_SCHEMA });
    return true;
  } catch {
    return false;
  }
}
