import jsYaml from 'js-yaml';

/**
 * A fast syntax check for documents the rules never look at (CRDs, RBAC …): js-yaml only validates,
 * several times faster than composing the document. When it objects, the caller parses the document
 * with the `yaml` package, which stays the authority on errors and their positions.
 */
export function looksValid(text: string): boolean {
  return screenSyntax(text) !== 'invalid';
}

/**
 * `invalid` when js-yaml objects; `anchors` when it accepts the text but the text defines anchors (js-yaml
 * does not expand aliases, so only the `yaml` package can tell an alias bomb); else `valid`.
 */
export function screenSyntax(text: string): 'valid' | 'invalid' | 'anchors' {
  let anchors = false;
  // js-yaml's state keeps the document's anchors in `anchorMap` (not in its published types).
  const listener = (event: jsYaml.EventType, state: jsYaml.State & { anchorMap?: object }) => {
    if (!anchors && event === 'close' && state.anchorMap && Object.keys(state.anchorMap).length > 0) anchors = true;
  };
  try {
    jsYaml.loadAll(text, () => undefined, { schema: jsYaml.FAILSAFE_SCHEMA, listener });
    return anchors ? 'anchors' : 'valid';
  } catch {
    return 'invalid';
  }
}
