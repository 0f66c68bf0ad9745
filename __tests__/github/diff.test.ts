import { commentableLines, parseUnifiedDiff, unquoteGitPath } from '../../src/github/diff.js';

describe('commentableLines (the head-side lines a review comment may sit on)', () => {
  it('context and added lines inside the hunks, not removed lines, not lines between hunks', () => {
    const patch = ['@@ -1,4 +1,5 @@', ' a', '-b', '+B', '+C', ' d', ' e', '@@ -20,2 +21,3 @@', ' x', '+y', ' z', '\\ No newline at end of file'].join('\n');
    expect([...commentableLines(patch)]).toEqual([1, 2, 3, 4, 5, 21, 22, 23]);
  });

  it('a new file: every line; no patch (binary, too large): none', () => {
    expect([...commentableLines('@@ -0,0 +1,3 @@\n+a\n+b\n+c')]).toEqual([1, 2, 3]);
    expect(commentableLines(undefined).size).toBe(0);
  });

  it('a hunk header without counts', () => {
    expect([...commentableLines('@@ -1 +1 @@\n-a\n+b')]).toEqual([1]);
  });
});

describe('parseUnifiedDiff (git diff output)', () => {
  const diff = `diff --git a/k8s/app.yaml b/k8s/app.yaml
index 1111111..2222222 100644
--- a/k8s/app.yaml
+++ b/k8s/app.yaml
@@ -1,3 +1,3 @@
 a
-b
+B
 c
diff --git a/k8s/new.yaml b/k8s/new.yaml
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/k8s/new.yaml
@@ -0,0 +1,2 @@
+x
+y
diff --git a/k8s/gone.yaml b/k8s/gone.yaml
deleted file mode 100644
index 4444444..0000000
--- a/k8s/gone.yaml
+++ /dev/null
@@ -1 +0,0 @@
-z
diff --git a/old name.yaml b/new name.yaml
similarity index 100%
rename from old name.yaml
rename to new name.yaml
diff --git "a/k8s/\\"q\\" \\303\\251.yaml" "b/k8s/\\"q\\" \\303\\251.yaml"
index 5555555..6666666 100644
--- "a/k8s/\\"q\\" \\303\\251.yaml"
+++ "b/k8s/\\"q\\" \\303\\251.yaml"
@@ -1 +1 @@
-1
+2
diff --git a/img.png b/img.png
index 7777777..8888888 100644
Binary files a/img.png and b/img.png differ
`;

  it('status, paths and hunks of each file', () => {
    const files = parseUnifiedDiff(diff);
    expect(files.map((f) => [f.path, f.status, f.previousPath])).toEqual([
      ['k8s/app.yaml', 'modified', undefined],
      ['k8s/new.yaml', 'added', undefined],
      ['k8s/gone.yaml', 'removed', undefined],
      ['new name.yaml', 'renamed', 'old name.yaml'],
      ['k8s/"q" é.yaml', 'modified', undefined],
      ['img.png', 'modified', undefined],
    ]);
    expect(files[0].patch).toBe('@@ -1,3 +1,3 @@\n a\n-b\n+B\n c');
    expect([...commentableLines(files[1].patch)]).toEqual([1, 2]);
    expect(files[3].patch).toBeUndefined();
    expect(files[5].patch).toBeUndefined();
  });

  it('unquotes C-style quoted paths', () => {
    expect(unquoteGitPath('"a\\tb\\\\c"')).toBe('a\tb\\c');
    expect(unquoteGitPath('plain')).toBe('plain');
  });
});
