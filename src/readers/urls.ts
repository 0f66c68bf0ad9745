/** The http(s) URLs written in a string (an env value, a command or an argument): the evidence of egress. */
export function urlsIn(value: string): string[] {
  if (!value.includes('://')) return [];
  return Array.from(value.matchAll(/https?:\/\/[^\s"'<>`]+/gi), (match) => match[0]);
}
