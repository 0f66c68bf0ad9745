/** A file a pull request or push changed. */
export interface ChangedFile {
  /** The path at the head (for a removed file, the path it had). Relative to the repository root, with `/`. */
  path: string;
  status: 'added' | 'modified' | 'removed' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** A renamed file's path at the base. */
  previousPath?: string;
  /** The unified-diff hunks of the file (GitHub's `patch` field), when the diff has text. */
  patch?: string;
}

export type FileDiff = ChangedFile;

/** The lines of the head side (GitHub's RIGHT side) that lie inside a hunk of the patch: a review comment may sit only there. */
export function commentableLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let right = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (header) {
      right = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    // '-' lines are on the base side only; '\' is "No newline at end of file".
    if (line.startsWith('+') || line.startsWith(' ')) lines.add(right++);
  }
  return lines;
}

/** Undoes git's C-style quoting of a path ("a\"b" → a"b, octal escapes → UTF-8). */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const body = text.slice(1, -1);
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const next = body[++i];
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(simple[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * A unified diff (git diff output) split into files with their status and hunks. Paths come from the
 * `---`/`+++` lines (and `rename from`/`rename to`), which git writes unambiguously.
 */
export function parseUnifiedDiff(text: string): FileDiff[] {
  const files: FileDiff[] = [];
  const sections = text.split(/^(?=diff --git )/m).filter((s) => s.startsWith('diff --git '));
  for (const section of sections) {
    const lines = section.split('\n');
    let from: string | undefined;
    let to: string | undefined;
    let status: FileDiff['status'] = 'modified';
    let hunkStart = -1;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.startsWith('@@')) {
        hunkStart = i;
        break;
      }
      if (line.startsWith('new file mode')) status = 'added';
      else if (line.startsWith('deleted file mode')) status = 'removed';
      else if (line.startsWith('rename from ')) {
        from = unquoteGitPath(line.slice('rename from '.length));
        status = 'renamed';
      } else if (line.startsWith('rename to ')) to = unquoteGitPath(line.slice('rename to '.length));
      else if (line.startsWith('copy from ')) {
        from = unquoteGitPath(line.slice('copy from '.length));
        status = 'copied';
      } else if (line.startsWith('copy to ')) to = unquoteGitPath(line.slice('copy to '.length));
      else if (line.startsWith('--- ')) {
        const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
        if (name !== '/dev/null') from = name.replace(/^a\//, '');
      } else if (line.startsWith('+++ ')) {
        const name = unquoteGitPath(line.slice(4).replace(/\t$/, ''));
        if (name !== '/dev/null') to = name.replace(/^b\//, '');
      }
    }
    if (from === undefined && to === undefined) {
      // A binary or mode-only change: the names are only in the `diff --git a/x b/x` line.
      const m = /^diff --git a\/(.+) b\/(.+)$/.exec(lines[0]);
      if (!m) continue;
      from = m[1];
      to = m[2];
    }
    const path = status === 'removed' ? (from ?? to)! : (to ?? from)!;
    const file: FileDiff = { path, status };
    if ((status === 'renamed' || status === 'copied') && from !== undefined) file.previousPath = from;
    if (hunkStart >= 0) file.patch = lines.slice(hunkStart).join('\n').replace(/\n$/, '');
    files.push(file);
  }
  return files;
}
