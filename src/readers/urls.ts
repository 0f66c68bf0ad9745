const URL_TEXT = /https?:\/\/[^\s"'<>`]+/gi;

/** The http(s) URLs written in a string (an env value, a command or an argument): the evidence of egress. */
export function urlsIn(value: string): string[] {
  if (!value.includes('://')) return [];
  const urls: string[] = [];
  // matchAll works on a copy of the expression, so the shared one keeps no state between calls.
  for (const match of value.matchAll(URL_TEXT)) urls.push(match[0]);
  return urls;
}
