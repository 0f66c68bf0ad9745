import fs from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../../src/config/load.js';
import { lintSources } from '../../src/engine/index.js';
import { applyFixes, type FileFix } from '../../src/fix/index.js';
import { commitMessage, commitMessageOf, FIX_TRAILER, fixFingerprint, isOwnFixCommit } from '../../src/github/commit.js';
import type { GitHub } from '../../src/github/client.js';
import { GitRepo } from './git-repo.js';
import { addedPatch } from './fake-github.js';
import { fence, insideDiff, patchOf, suggestionBody, suggestionKey, suggestionsFor, type Suggestion } from '../../src/github/suggestions.js';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const EXAMPLES = ['examples/k8s/notification-service.yaml', 'examples/k8s/payments.yaml', 'examples/k8s/search-indexer.yaml', 'examples/k8s/cronjobs.yaml'];

function fixExamples(): FileFix[] {
  const config = resolveConfig({}, 'test');
  const sources = EXAMPLES.map((p) => ({ path: p, text: fs.readFileSync(path.join(ROOT, p), 'utf8') }));
  return applyFixes(sources, lintSources(sources, { config }).findings, { config }).files.filter((f) => f.fixed !== f.original);
}

/** Applies suggestions to the original text, as GitHub does when they are committed. */
function commitSuggestions(original: string, suggestions: Suggestion[]): string {
  const lines = original.split('\n');
  for (const s of [...suggestions].sort((a, b) => b.startLine - a.startLine)) lines.splice(s.startLine - 1, s.endLine - s.startLine + 1, ...s.replacement);
  return lines.join('\n');
}

describe('suggestions (fixes as GitHub suggested changes)', () => {
  const files = fixExamples();
  const byPath = (p: string) => files.find((f) => f.path === p)!;

  it('committing every suggestion of a file gives exactly the fixed text', () => {
    expect(files.map((f) => f.path).sort()).toEqual([...EXAMPLES].sort());
    for (const file of files) expect(commitSuggestions(file.original, suggestionsFor(file))).toBe(file.fixed);
  });

  it('a value fix is a one-line suggestion of that line', () => {
    const payments = suggestionsFor(byPath('examples/k8s/payments.yaml'));
    expect(payments.map((s) => [s.startLine, s.endLine, s.replacement, s.findings.map((f) => f.ruleId)])).toEqual([
      [24, 24, ['        k8s.aliyun.com/eci-with-eip: "true"'], ['eip-not-string']],
      [77, 77, ['        k8s.aliyun.com/eip-bandwidth: "10"'], ['eip-not-string']],
      [125, 125, ['        k8s.aliyun.com/eci-with-eip: "true"'], ['eip-not-string']],
    ]);
  });

  it('a moved key is one suggestion, from where the key was to where it goes', () => {
    const [s, ...more] = suggestionsFor(byPath('examples/k8s/notification-service.yaml'));
    expect(more).toEqual([]);
    expect(s.findings.map((f) => f.ruleId)).toEqual(['eip-misplaced']);
    const original = byPath('examples/k8s/notification-service.yaml').original.split('\n');
    expect(original[s.startLine - 1]).toBe('  annotations:');
    expect(s.replacement[s.replacement.length - 1]).toBe('        k8s.aliyun.com/eci-with-eip: "true"');
  });

  it('inside the diff only when every line is in a hunk', () => {
    const s: Suggestion = { path: 'a.yaml', startLine: 2, endLine: 3, replacement: ['x'], findings: [] };
    expect(insideDiff(s, addedPatch('a\nb\nc\n'))).toBe(true);
    expect(insideDiff(s, '@@ -1,2 +1,2 @@\n a\n-b\n+B')).toBe(false);
    expect(insideDiff(s, undefined)).toBe(false);
  });

  it('the body: a hidden key, what it fixes, and a suggestion block that file content cannot close', () => {
    const s: Suggestion = { path: 'a.yaml', startLine: 1, endLine: 1, replacement: ['a: "```"'], findings: [] };
    const body = suggestionBody(s, () => 'x');
    expect(body.startsWith(`<!-- eci-egress-lint:suggestion ${suggestionKey(s)} -->\n`)).toBe(true);
    expect(body).toContain('````suggestion\na: "```"\n````\n');
    expect(fence('no ticks')).toBe('```');
    expect(suggestionKey(s)).toBe(suggestionKey({ ...s, findings: [] }));
    expect(suggestionKey(s)).not.toBe(suggestionKey({ ...s, startLine: 2, endLine: 2 }));
  });

  it('a patch of only some suggestions', () => {
    const file = byPath('examples/k8s/payments.yaml');
    const [first] = suggestionsFor(file);
    const patch = patchOf(file, [first]);
    expect(patch).toContain('--- a/examples/k8s/payments.yaml\n+++ b/examples/k8s/payments.yaml\n');
    expect(patch).toContain('+        k8s.aliyun.com/eci-with-eip: "true"');
    expect(patch).not.toContain('eip-bandwidth: "10"');
    expect(patchOf(file, [])).toBe('');
  });
});

describe('the fix commit message', () => {
  const findings = fixExamples().flatMap((f) => f.applied);

  it('names the rules fixed, lists the fixes and ends with the fingerprint trailer', () => {
    const { headline, body } = commitMessage(findings);
    expect(headline).toBe('fix: eip-misplaced, eip-not-string (eci-egress-lint)');
    expect(body).toContain('- examples/k8s/payments.yaml:24 eip-not-string: write it as the string "true"');
    expect(body.trimEnd().split('\n').pop()).toBe(`${FIX_TRAILER}: ${fixFingerprint(findings)}`);
  });

  it('commit-message replaces the headline (its further lines start the body); the trailer stays', () => {
    const { headline, body } = commitMessage(findings, 'chore: egress fixes\n\nBy the bot.');
    expect(headline).toBe('chore: egress fixes');
    expect(body.startsWith('By the bot.\n\n- ')).toBe(true);
    expect(body).toContain(`${FIX_TRAILER}: `);
  });

  it('recognises its own commit for the same findings, in any order', () => {
    const { headline, body } = commitMessage(findings);
    expect(isOwnFixCommit(`${headline}\n\n${body}`, [...findings].reverse())).toBe(true);
    expect(isOwnFixCommit(`${headline}\n\n${body}`, findings.slice(1))).toBe(false);
    expect(isOwnFixCommit('fix: something else', findings)).toBe(false);
    expect(isOwnFixCommit(undefined, findings)).toBe(false);
  });
});

describe('commitMessageOf', () => {
  const apiWith = (messages: Record<string, string>) =>
    ({
      context: { owner: 'o', repo: 'r' },
      octokit: {
        rest: {
          git: {
            getCommit: async ({ commit_sha }: { commit_sha: string }) => {
              if (!(commit_sha in messages)) throw new Error('Not Found');
              return { data: { message: messages[commit_sha] } };
            },
          },
        },
      },
    }) as unknown as GitHub;

  it('reads the message from the checkout when it holds the commit, else asks the API, else says nothing', async () => {
    const repo = new GitRepo();
    try {
      const sha = repo.write({ 'a.txt': 'a' }).commit('fix: eip-not-string (eci-egress-lint)\n\nEci-Egress-Lint-Fixes: abc');
      expect(await commitMessageOf(apiWith({}), repo.dir, sha)).toBe('fix: eip-not-string (eci-egress-lint)\n\nEci-Egress-Lint-Fixes: abc\n\n');
      const absent = 'f'.repeat(40);
      expect(await commitMessageOf(apiWith({ [absent]: 'from the API' }), repo.dir, absent)).toBe('from the API');
      expect(await commitMessageOf(apiWith({}), repo.dir, absent)).toBeUndefined();
    } finally {
      repo.remove();
    }
  });
});
