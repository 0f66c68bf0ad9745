/**
 * Whether a text that comes without a file name (standard input) can be read as Kubernetes YAML. Its first line
 * that is not blank, a comment or a document marker must start a map entry, a list item, a flow collection or a
 * directive; HCL (`resource "a" "b" {`, `name = value`, `//` comments) and plain text do not. Only the start of the
 * text is looked at, so the work is bounded whatever the size.
 */
export function yamlStartProblem(text: string): { line: number; text: string } | 'empty' | undefined {
  let offset = 0;
  for (let line = 1; offset < text.length && line <= 10_000; line++) {
    const end = text.indexOf('\n', offset);
    const content = text.slice(offset, end < 0 ? text.length : end).replace(/\r$/, '');
    offset = end < 0 ? text.length : end + 1;
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(trimmed)) continue;
    const yamlStart =
      /^(%|-(\s|$)|[{[]|\?(\s|$)|&|!|\*)/.test(trimmed) ||
      /^("([^"\\]|\\.)*"|'([^']|'')*'|[^\s#"'{[\]}:,][^#:]*?)\s*:(\s|$)/.test(trimmed);
    return yamlStart ? undefined : { line, text: content };
  }
  return offset >= text.length ? 'empty' : undefined;
}
