import { jobSummary, JOB_SUMMARY_LIMIT } from '../../src/action/summary.js';
import { underRoots, wanted } from '../../src/action/paths.js';

describe('jobSummary', () => {
  it('the report and the extra sections, whole when they fit', () => {
    expect(jobSummary('## r\n', ['a', 'b'])).toBe('## r\n\na\n\nb\n');
  });

  it('under 1 MiB: cut at a line, a note, and the extras kept', () => {
    const report = Array.from({ length: 30_000 }, (_, i) => `| ${i} | ${'é'.repeat(30)} |`).join('\n');
    const out = jobSummary(report, ['<sub>Scanned: all.</sub>']);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(JOB_SUMMARY_LIMIT);
    expect(JOB_SUMMARY_LIMIT).toBeLessThan(1024 * 1024);
    expect(out).toContain('The report was cut here: GitHub shows at most 1 MiB of job summary.');
    expect(out.endsWith('<sub>Scanned: all.</sub>\n')).toBe(true);
    expect(out.split('\n').filter((l) => l.startsWith('| ')).every((l) => l.endsWith(' |'))).toBe(true);
  });

  it('closes a <details> block the cut left open', () => {
    const report = `<details><summary>x</summary>\n${'- line\n'.repeat(200)}</details>\n`;
    const out = jobSummary(report, [], 600);
    expect(out.match(/<details>/g)).toHaveLength(1);
    expect(out.match(/<\/details>/g)).toHaveLength(1);
  });
});

describe('which changed files the scan reads', () => {
  const config = { include: ['**/*.yaml', '**/*.yml'], exclude: ['**/vendor/**'] };
  it('inside the paths roots, included and not excluded', () => {
    expect(underRoots('/ws', ['.'], 'a/b.yaml')).toBe(true);
    expect(underRoots('/ws', ['k8s'], 'k8s/b.yaml')).toBe(true);
    expect(underRoots('/ws', ['k8s'], 'k8s-other/b.yaml')).toBe(false);
    expect(underRoots('/ws', ['k8s/app.yaml'], 'k8s/app.yaml')).toBe(true);
    expect(wanted('/ws', ['.'], config, 'k8s/app.yaml')).toBe(true);
    expect(wanted('/ws', ['.'], config, 'README.md')).toBe(false);
    expect(wanted('/ws', ['.'], config, 'k8s/vendor/x.yaml')).toBe(false);
    expect(wanted('/ws', ['charts'], config, 'k8s/app.yaml')).toBe(false);
  });
});
