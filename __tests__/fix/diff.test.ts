import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unifiedDiff, unifiedDiffs } from '../../src/fix/index.js';

const numbered = (n: number, nl = '\n') => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join(nl) + nl;

describe('unifiedDiff', () => {
  test('a/ and b/ headers, hunks with 3 lines of context', () => {
    const before = numbered(12);
    const after = before.replace('line 6\n', 'line six\n');
    expect(unifiedDiff('k8s/app.yaml', before, after)).toBe(
      [
        '--- a/k8s/app.yaml',
        '+++ b/k8s/app.yaml',
        '@@ -3,7 +3,7 @@',
        ' line 3',
        ' line 4',
        ' line 5',
        '-line 6',
        '+line six',
        ' line 7',
        ' line 8',
        ' line 9',
        '',
      ].join('\n'),
    );
  });

  test('nothing for the same text', () => {
    expect(unifiedDiff('a.yaml', 'x\n', 'x\n')).toBe('');
    expect(unifiedDiffs([{ path: 'a.yaml', original: 'x\n', fixed: 'x\n' }])).toBe('');
  });

  test('CRLF lines keep their CR; a last line without a line break is marked', () => {
    const out = unifiedDiff('w.yaml', 'a\r\nb\r\nc', 'a\r\nB\r\nc');
    expect(out).toBe('--- a/w.yaml\n+++ b/w.yaml\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\n\\ No newline at end of file\n');
  });

  test('git apply takes the diff of several files, CRLF included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-diff-'));
    try {
      const files = [
        { path: 'k8s/a.yaml', original: numbered(20), fixed: numbered(20).replace('line 2\n', 'line 2\nadded\n').replace('line 18\n', '') },
        { path: 'k8s/b.yaml', original: numbered(5, '\r\n'), fixed: numbered(5, '\r\n').replace('line 5', 'line V') },
        { path: 'same.yaml', original: 'x\n', fixed: 'x\n' },
      ];
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.original);
      }
      fs.writeFileSync(path.join(dir, 'fix.patch'), unifiedDiffs(files));
      const git = spawnSync('git', ['apply', '--whitespace=nowarn', 'fix.patch'], { cwd: dir, encoding: 'utf8' });
      expect(git.stderr).toBe('');
      expect(git.status).toBe(0);
      for (const f of files) expect(fs.readFileSync(path.join(dir, f.path), 'utf8')).toBe(f.fixed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
