/**
 * Helm and Jinja templates are not YAML until rendered. `{{ }}` inside a quoted string is valid YAML
 * (and common), so only template markers outside quotes and comments make a file a template.
 */
export function templateMarkerLine(text: string): number | undefined {
  if (!text.includes('{{') && !text.includes('{%')) return undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('{{') && !line.includes('{%')) continue;
    const bare = line
      .replace(/"(?:[^"\\]|\\.)*"/g, '""')
      .replace(/'(?:[^']|'')*'/g, "''")
      .replace(/(^|\s)#.*$/, '$1');
    if (bare.includes('{{') || bare.includes('{%')) return i + 1;
  }
  return undefined;
}
