/** GitHub shows a step's job summary only up to 1 MiB; keep a margin for what the runner adds. */
export const JOB_SUMMARY_LIMIT = 1024 * 1024 - 8 * 1024;

/**
 * The job summary: the report, then the extra sections (what was scanned, what was skipped), cut at a line
 * boundary with a note when the whole would pass GitHub's limit. The extra sections always stay.
 */
export function jobSummary(report: string, extras: string[], limit = JOB_SUMMARY_LIMIT): string {
  const tail = extras.length > 0 ? `\n${extras.join('\n\n')}\n` : '';
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  if (bytes(report) + bytes(tail) <= limit) return report + tail;
  const note = '\n> [!NOTE]\n> The report was cut here: GitHub shows at most 1 MiB of job summary. The JSON report (output `report-file`) has every finding.\n';
  const room = limit - bytes(tail) - bytes(note);
  const lines = report.split('\n');
  let kept = '';
  for (const line of lines) {
    if (bytes(kept) + bytes(line) + 1 > room) break;
    kept += `${line}\n`;
  }
  // A cut inside a <details> block would leave it open and swallow what follows.
  if ((kept.match(/<details>/g) ?? []).length > (kept.match(/<\/details>/g) ?? []).length) kept += '\n</details>\n';
  return kept + note + tail;
}
