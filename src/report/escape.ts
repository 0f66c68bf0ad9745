/**
 * The one escape for text from the repository or the config (paths, names, values, messages that quote them,
 * reasons) on every Markdown surface: the Markdown report, the job summary, the check run and the pull-request
 * comment. GitHub renders all of them as GFM and then adds its own links, so the escape has to defeat both:
 * - HTML and Markdown syntax (`<img>`, `[z](http://evil)`, `![x](…)`, `|` in a table, headings, emphasis);
 * - GFM autolinks (`<http://…>`, bare `http://…`, `www.…`, `a@b.example`) and GitHub's references
 *   (`@someone`, `#12`), broken with a zero-width space that readers do not see;
 * - bidirectional controls (U+202E reverses what follows it on screen) and other control characters, shown as
 *   their code point so that nothing hides or reorders the text around them.
 * Strings are escaped exactly once, where they enter Markdown; the surfaces never escape twice.
 */
const ZWSP = '\u200b';

// Bidi embeddings, overrides and isolates, the marks, and C0/C1 controls other than the tab.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(INVISIBLE, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+!|~^$])/g, '\\$1')
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:/${ZWSP}/`)
    .replace(/\b(www)\./gi, `$1${ZWSP}.`)
    .replace(/#(?=\w)/g, `#${ZWSP}`);
}
