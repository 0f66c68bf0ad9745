import { COMMENT_MARKER, commentBody, COMMENT_LIMIT, encodePath, lineUrl, readMeta, sameBody, type CommentContent } from '../../src/github/comment-body.js';
import { findOwnComments, publishComment } from '../../src/github/comment.js';
import { FakeGitHub } from './fake-github.js';
import { fakeClient, finding, prContext } from './helpers.js';
import type { LintResult } from '../../src/model/index.js';
import type { Finding } from '../../src/model/index.js';
import { lint } from '../report/helpers.js';

const links = { serverUrl: 'https://github.com', owner: 'acme', repo: 'shop', headSha: 'abc123', runUrl: 'https://github.com/acme/shop/actions/runs/7' };

function resultOf(findings: Finding[], extra: Partial<LintResult> = {}): LintResult {
  const clean = lint({ 'k8s/app.yaml': '{}\n' });
  return { ...clean, findings, ...extra };
}

function content(extra: Partial<CommentContent> = {}): CommentContent {
  return { result: resultOf([finding('error', 6)]), options: { surface: 'action', failOn: 'error' }, links, ...extra };
}

describe('commentBody', () => {
  it('starts with the marker, then the hidden metadata line, then the headline', () => {
    const body = commentBody(content({ meta: { head: 'abc123' } }));
    const lines = body.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe('<!-- eci-egress-lint:meta {"head":"abc123"} -->');
    expect(lines[3]).toBe(':x: **eci-egress-lint: Fails**: 1 error in 1 scanned file (fail-on: error).');
  });

  it('verdicts: all clear, passes with findings, fails; only the counts that are not zero', () => {
    expect(commentBody(content({ result: resultOf([]) }))).toContain(':white_check_mark: **eci-egress-lint: All clear**: no problems in 1 scanned file.');
    const passes = commentBody(content({ result: resultOf([finding('warning', 2)]) }));
    expect(passes).toContain(':warning: **eci-egress-lint: Passes with findings**: 1 warning in 1 scanned file (fail-on: error).');
    expect(passes).not.toMatch(/\b0 (errors|notices)/);
  });

  it('one list of findings for the whole pull request, worst first, each linked to its line at the head commit and its rule page', () => {
    const body = commentBody(content({ result: resultOf([finding('warning', 9), finding('error', 6), finding('error', 2, { file: 'k8s/b.yaml' })]) }));
    const items = body.split('\n').filter((l) => l.startsWith('- :'));
    expect(items).toHaveLength(3);
    expect(items[0]).toMatch(/^- :x: \[k8s\/app\.yaml#L6\]\(https:\/\/github\.com\/acme\/shop\/blob\/abc123\/k8s\/app\.yaml#L6\) \[`eip-missing`\]\(https:\/\/github\.com\/eci-egress-lint\/eci-egress-lint\/blob\/main\/docs\/rules\/eip-missing\.md\)/);
    expect(items[1]).toContain('[k8s/b.yaml#L2](https://github.com/acme/shop/blob/abc123/k8s/b.yaml#L2)');
    expect(items[2]).toMatch(/^- :warning: \[k8s\/app\.yaml#L9\]/);
  });

  it('a file named like HTML and a workload named @everyone render as text and mention no one', () => {
    const file = '<img src=x onerror=alert(1)>.yaml';
    const body = commentBody(
      content({ result: resultOf([finding('error', 3, { file, message: 'Deployment @everyone has [a link](https://evil.example) and <b>bold</b>' })]) }),
    );
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/@(?!\u200b)everyone/);
    expect(body).not.toContain('[a link](');
    expect(body).toContain('[&lt;img src=x onerror=alert\\(1\\)&gt;.yaml#L3](https://github.com/acme/shop/blob/abc123/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.yaml#L3)');
  });

  it('bare URLs from the repository are not turned into links', () => {
    const body = commentBody(content({ result: resultOf([finding('error', 3, { message: 'see https://evil.example/x and www.evil.example' })]) }));
    expect(body).not.toContain('https://evil.example');
    expect(body).not.toContain('www.evil.example');
    expect(body).toContain('https:/\u200b/evil.example/x and www\u200b.evil.example');
  });

  it('paths in links are percent-encoded, parentheses too', () => {
    expect(encodePath('a b/(x).yaml')).toBe('a%20b/%28x%29.yaml');
    expect(lineUrl(links, 'k8s/a#b.yaml', 4)).toBe('https://github.com/acme/shop/blob/abc123/k8s/a%23b.yaml#L4');
  });

  it('counts suppressed findings by source and escapes their reasons', () => {
    const body = commentBody(
      content({
        result: resultOf([finding('error', 6)], {
          suppressed: [
            { finding: finding('error', 1), reason: 'ask @platform', source: 'comment' },
            { finding: finding('error', 2), reason: 'legacy', source: 'config' },
          ],
        }),
      }),
    );
    expect(body).toContain('<details><summary>2 suppressed findings (1 by comment, 1 by config)</summary>');
    expect(body).toContain('ask @\u200bplatform');
  });

  it('stays under 65,536 characters: findings are cut last, never all, and the note says how many are left out and where', () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding('error', i + 1, { file: `k8s/file-${Math.floor(i / 10)}.yaml`, message: 'x'.repeat(100) }));
    const body = commentBody(content({ result: resultOf(many) }));
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const shown = body.split('\n').filter((l) => l.startsWith('- :x: ')).length;
    expect(shown).toBeGreaterThan(100);
    expect(body).toContain(`- … and ${3000 - shown} more findings, left out to fit: the full report lists every one.`);
    expect(body).toContain(`Left out to stay within GitHub's size limit for a comment: ${3000 - shown} of 3000 findings. The full report has everything.`);
    // One link to the full report, at the end.
    expect(body.match(/actions\/runs\/7/g)).toHaveLength(1);
    expect(body.trimEnd().endsWith('in the job summary of the workflow run.')).toBe(true);
  });

  it('the metadata line is left out of the comparison, and can be read back', () => {
    const a = commentBody(content({ meta: { head: 'x', run: 1 } }));
    const b = commentBody(content({ meta: { head: 'y', run: 2 } }));
    expect(a).not.toBe(b);
    expect(sameBody(a, b)).toBe(true);
    expect(sameBody(a, commentBody(content({ result: resultOf([]) })))).toBe(false);
    expect(readMeta(b)).toEqual({ head: 'y', run: 2 });
    expect(readMeta(commentBody(content({ meta: { note: 'a -- b -->' } })))).toEqual({ note: 'a -- b -->' });
  });
});

describe('publishComment (against the fake API)', () => {
  const fake = new FakeGitHub();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());
  let number = 100;
  beforeEach(() => {
    number++;
    fake.addPull(number, []);
    fake.reset();
  });
  const github = () => fakeClient(fake, prContext(fake));
  const body = (text: string) => `${COMMENT_MARKER}\n<!-- eci-egress-lint:meta {} -->\n${text}`;
  const list = () => fake.comments.get(number)!;

  it('update: posts one comment, then edits it in place; an unchanged body writes nothing', async () => {
    expect(await publishComment(github(), { number, mode: 'update', body: body('one'), clean: false })).toMatchObject({ action: 'created' });
    expect(await publishComment(github(), { number, mode: 'update', body: body('two'), clean: false })).toMatchObject({ action: 'updated' });
    expect(list()).toHaveLength(1);
    expect(list()[0].body).toBe(body('two'));
    fake.reset();
    const same = body('two').replace('meta {}', 'meta {"run":9}');
    expect(await publishComment(github(), { number, mode: 'update', body: same, clean: false })).toMatchObject({ action: 'unchanged' });
    expect(fake.writes()).toEqual([]);
    expect(fake.requests.map((r) => r.operation)).toEqual(['comments']);
  });

  it('a clean run with no earlier comment posts none; with one, updates it to say all clear', async () => {
    expect(await publishComment(github(), { number, mode: 'update', body: body('clear'), clean: true })).toMatchObject({ action: 'none-needed' });
    expect(list()).toHaveLength(0);
    await publishComment(github(), { number, mode: 'update', body: body('3 errors'), clean: false });
    expect(await publishComment(github(), { number, mode: 'update', body: body('all clear'), clean: true })).toMatchObject({ action: 'updated' });
    expect(list().map((c) => c.body)).toEqual([body('all clear')]);
  });

  it('never touches a comment quoting the marker: by a person, or by the bot with the marker not first', async () => {
    const human = fake.addComment(number, body('I copied this'), 'mallory');
    const quoted = fake.addComment(number, `> ${body('quoted')}`, 'github-actions[bot]');
    await publishComment(github(), { number, mode: 'update', body: body('mine'), clean: false });
    expect(list().find((c) => c.id === human.id)!.body).toBe(body('I copied this'));
    expect(list().find((c) => c.id === quoted.id)!.body).toBe(`> ${body('quoted')}`);
    expect(list()).toHaveLength(3);
    expect(fake.requestsMatching(/^PATCH /)).toEqual([]);
  });

  it('finds its own comments across pages of 100', async () => {
    for (let i = 0; i < 150; i++) fake.addComment(number, `chatter ${i}`, 'someone');
    fake.addComment(number, body('old'), 'github-actions[bot]');
    fake.reset();
    const own = await findOwnComments(github(), number);
    expect(own.map((c) => c.body)).toEqual([body('old')]);
    expect(fake.requests.filter((r) => r.operation === 'comments')).toHaveLength(2);
  });

  it('new: a new comment each run (unless the latest has the same body)', async () => {
    await publishComment(github(), { number, mode: 'new', body: body('a'), clean: false });
    await publishComment(github(), { number, mode: 'new', body: body('b'), clean: false });
    await publishComment(github(), { number, mode: 'new', body: body('b'), clean: false });
    expect(list().map((c) => c.body)).toEqual([body('a'), body('b')]);
  });

  it('hide-and-new: posts a new comment and minimises the earlier ones through GraphQL', async () => {
    await publishComment(github(), { number, mode: 'new', body: body('a'), clean: false });
    await publishComment(github(), { number, mode: 'new', body: body('b'), clean: false });
    fake.reset();
    const outcome = await publishComment(github(), { number, mode: 'hide-and-new', body: body('c'), clean: false });
    expect(outcome).toMatchObject({ action: 'created', hidden: 2 });
    expect(list().map((c) => [c.body, c.minimized])).toEqual([
      [body('a'), true],
      [body('b'), true],
      [body('c'), false],
    ]);
    expect(fake.requests.filter((r) => r.operation === 'minimizeComment').map((r) => (r.body as { query: string }).query)).toEqual([
      expect.stringContaining('classifier: OUTDATED'),
      expect.stringContaining('classifier: OUTDATED'),
    ]);
  });

  it('delete-and-new: posts a new comment and deletes the earlier ones', async () => {
    const other = fake.addComment(number, 'a person', 'mallory');
    await publishComment(github(), { number, mode: 'new', body: body('a'), clean: false });
    const outcome = await publishComment(github(), { number, mode: 'delete-and-new', body: body('b'), clean: false });
    expect(outcome).toMatchObject({ action: 'created', deleted: 1 });
    expect(list().map((c) => c.body)).toEqual([other.body, body('b')]);
  });

  it('update: a minimised comment of our own is never edited; a new one is posted beside it', async () => {
    await publishComment(github(), { number, mode: 'new', body: body('old'), clean: false });
    list()[0].minimized = true;
    fake.reset();
    const outcome = await publishComment(github(), { number, mode: 'update', body: body('fresh'), clean: false });
    expect(outcome).toMatchObject({ action: 'created' });
    expect(fake.requestsMatching(/^PATCH /)).toEqual([]);
    expect(list().map((c) => [c.body, c.minimized])).toEqual([
      [body('old'), true],
      [body('fresh'), false],
    ]);
  });

  it('a minimised comment with the same body does not count as already posted', async () => {
    await publishComment(github(), { number, mode: 'new', body: body('same'), clean: false });
    list()[0].minimized = true;
    const outcome = await publishComment(github(), { number, mode: 'update', body: body('same'), clean: false });
    expect(outcome).toMatchObject({ action: 'created' });
    expect(list().map((c) => [c.body, c.minimized])).toEqual([
      [body('same'), true],
      [body('same'), false],
    ]);
  });

  it('hide-and-new: earlier comments already hidden are not minimised again; others\' hidden comments are left alone', async () => {
    const theirs = fake.addComment(number, body('a person quoting'), 'mallory');
    theirs.minimized = true;
    await publishComment(github(), { number, mode: 'new', body: body('a'), clean: false });
    await publishComment(github(), { number, mode: 'new', body: body('b'), clean: false });
    list().find((c) => c.body === body('a'))!.minimized = true;
    fake.reset();
    const outcome = await publishComment(github(), { number, mode: 'hide-and-new', body: body('c'), clean: false });
    expect(outcome).toMatchObject({ action: 'created', hidden: 1 });
    const minimised = fake.requests.filter((r) => r.operation === 'minimizeComment').map((r) => (r.body as { variables: { id: string } }).variables.id);
    expect(minimised).toEqual([list().find((c) => c.body === body('b'))!.node_id]);
  });

  it('delete-and-new: deletes our own hidden comments too, never a hidden comment of someone else', async () => {
    const theirs = fake.addComment(number, body('a person quoting'), 'mallory');
    theirs.minimized = true;
    const stranger = fake.addComment(number, 'off topic', 'someone');
    stranger.minimized = true;
    await publishComment(github(), { number, mode: 'new', body: body('a'), clean: false });
    await publishComment(github(), { number, mode: 'new', body: body('b'), clean: false });
    list().find((c) => c.body === body('a'))!.minimized = true;
    fake.reset();
    const outcome = await publishComment(github(), { number, mode: 'delete-and-new', body: body('c'), clean: false });
    expect(outcome).toMatchObject({ action: 'created', deleted: 2 });
    expect(fake.requestsMatching(/^DELETE /)).toHaveLength(2);
    expect(list().map((c) => c.id)).toEqual([theirs.id, stranger.id, list()[2].id]);
    expect(list()[2].body).toBe(body('c'));
  });

  it('a clean run with only hidden comments of our own still says all clear', async () => {
    await publishComment(github(), { number, mode: 'new', body: body('3 errors'), clean: false });
    list()[0].minimized = true;
    const outcome = await publishComment(github(), { number, mode: 'update', body: body('all clear'), clean: true });
    expect(outcome).toMatchObject({ action: 'created' });
    expect(list().map((c) => c.body)).toEqual([body('3 errors'), body('all clear')]);
  });

  it('a token of another identity (e.g. a GitHub App) does not take over the github-actions comment', async () => {
    fake.addComment(number, body('old'), 'github-actions[bot]');
    fake.viewer = 'eci-fixer[bot]';
    try {
      await publishComment(github(), { number, mode: 'update', body: body('new'), clean: false });
      expect(list().map((c) => [c.login, c.body])).toEqual([
        ['github-actions[bot]', body('old')],
        ['eci-fixer[bot]', body('new')],
      ]);
    } finally {
      fake.viewer = 'github-actions[bot]';
    }
  });
});
