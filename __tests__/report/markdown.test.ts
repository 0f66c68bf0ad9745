import { escapeMarkdown, markdownReport } from '../../src/report/markdown.js';
import { lint, misplacedDeployment, ORPHAN_YAML, TEMPLATE_YAML } from './helpers.js';

const EVIL_FILE = '<img src=x onerror=alert(1)>.yaml';

describe('markdown report', () => {
  const result = lint({ [EVIL_FILE]: misplacedDeployment('@everyone') });
  const md = markdownReport(result);

  it('the data is real: the finding names the workload @everyone', () => {
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0].workload?.name).toBe('@everyone');
    expect(result.findings[0].message).toContain('Deployment @everyone');
    expect(result.findings[0].file).toBe(EVIL_FILE);
  });

  it('renders a file name with HTML as text', () => {
    expect(md).not.toContain('<img');
    expect(md).toContain('- :x: &lt;img src=x onerror=alert\\(1\\)&gt;.yaml:7:5 [`eip-misplaced`]');
  });

  it('breaks @mentions with a zero-width space', () => {
    expect(md).not.toMatch(/@(?!\u200b)/);
    expect(md).toContain('Deployment @\u200beveryone');
  });

  it('a list item per finding: severity icon, file:line:column, the rule linked to its page, the message and the fix', () => {
    const item = md.split('\n').find((l) => l.startsWith('- :x: '));
    expect(item).toMatch(
      /^- :x: .*\.yaml:7:5 \[`eip-misplaced`\]\(https:\/\/github\.com\/eci-egress-lint\/eci-egress-lint\/blob\/main\/docs\/rules\/eip-misplaced\.md\): .* _Fix \\\(safe\\\): move to spec\.template\.metadata\.annotations\._$/,
    );
  });

  it('the headline first: the verdict and only the counts that are not zero, then how to fix', () => {
    expect(md.startsWith(':x: **eci-egress-lint: Fails**: 1 error in 1 scanned file.\\\n1 finding can be fixed safely: run with `--fix`.\n')).toBe(true);
  });

  it('skipped files and their reasons are escaped too', () => {
    const out = markdownReport(lint({ 'charts/<b>x</b>.yaml': TEMPLATE_YAML, 'w.yaml': ORPHAN_YAML }));
    expect(out).not.toContain('<b>');
    expect(out).toContain('<details><summary>1 file not scanned</summary>');
    expect(out).toContain('- charts/&lt;b&gt;x&lt;/b&gt;.yaml: a template \\(Helm or Jinja markers outside quotes at line 4\\)');
  });

  it('suppression reasons are escaped', () => {
    const yaml = misplacedDeployment('app').replace(
      '    k8s.aliyun.com/eci-with-eip',
      '    # eci-egress-lint ignore eip-misplaced -- ask @platform <b>now</b>\n    k8s.aliyun.com/eci-with-eip',
    );
    const out = markdownReport(lint({ 'app.yaml': yaml }));
    expect(out).toContain('<details><summary>1 suppressed finding (1 by comment)</summary>');
    expect(out).toContain('- app.yaml:8 `eip-misplaced` (comment): ask @\u200bplatform &lt;b&gt;now&lt;/b&gt;');
    expect(out).not.toContain('<b>');
  });

  it('a clean run says so', () => {
    expect(markdownReport(lint({ 'a.yaml': '{}\n' }))).toBe(':white_check_mark: **eci-egress-lint: All clear**: no problems in 1 scanned file.\n');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['<script>', '&lt;script&gt;'],
    ['&lt;', '&amp;lt;'],
    ['[link](https://evil)', '\\[link\\]\\(https:/\u200b/evil\\)'],
    ['<https://evil>', '&lt;https:/\u200b/evil&gt;'],
    ['www.evil.example', 'www\u200b.evil.example'],
    ['mail a@b.example', 'mail a@\u200bb.example'],
    ['see #12', 'see \\#\u200b12'],
    ['abc\u202Etxt.yaml', 'abcU\\+202Etxt.yaml'],
    ['bell\u0007', 'bellU\\+0007'],
    ['![img](x)', '\\!\\[img\\]\\(x\\)'],
    ['a | b', 'a \\| b'],
    ['`code`', '\\`code\\`'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['@org/team', '@\u200borg/team'],
    ['one\ntwo\r\nthree', 'one two three'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
