/** `# eci-egress-lint ignore <rule-id>[,…] -- <reason>` and `ignore-file`, in YAML or HCL comments. */
export interface CommentIgnore {
  /** 1-based line of the comment. */
  line: number;
  rules: string[];
  reason: string;
  wholeFile: boolean;
}

const DIRECTIVE = /(?:#|\/\/)\s*eci-egress-lint\s+(ignore-file|ignore)\s+([^\r\n]*)/g;

export function commentIgnores(text: string): CommentIgnore[] {
  if (!text.includes('eci-egress-lint')) return [];
  const out: CommentIgnore[] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const [rulesPart, ...reason] = match[2].split('--');
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    out.push({
      line,
      rules: rulesPart.split(',').map((r) => r.trim()).filter(Boolean),
      reason: reason.join('--').trim(),
      wholeFile: match[1] === 'ignore-file',
    });
  }
  return out;
}
