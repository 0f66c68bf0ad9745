import { escapeCommandStart, escapeLog, escapeStrings, escapeTerminal, excerpt, quotedExcerpt } from '../../src/report/escape.js';
import { formatReport } from '../../src/report/index.js';
import { lint, misplacedDeployment } from '../report/helpers.js';

/** A line the runner would run as a workflow command: `::` or `##[` after leading blanks. */
const COMMAND_LINE = /^\s*(::|##\[)/;

describe('escapeTerminal', () => {
  it('shows control characters, escapes and bidi overrides as visible escapes', () => {
    expect(escapeTerminal('a\u001b[2J\u001b[31mb')).toBe('a\\x1b[2J\\x1b[31mb');
    expect(escapeTerminal('x\ny\r\tz\u0000\u007f\u009b')).toBe('x\\ny\\r\\tz\\x00\\x7f\\x9b');
    expect(escapeTerminal('evil\u202egpj.yaml \u2066a\u2069 \u200b \ufeff')).toBe('evil\\u202egpj.yaml \\u2066a\\u2069 \\u200b \\ufeff');
  });

  it('leaves ordinary text, including non-Latin scripts, as it is', () => {
    const text = 'k8s.aliyun.com/eci-with-eip: "true" — 杭州 über ½';
    expect(escapeTerminal(text)).toBe(text);
  });
});

describe('escapeCommandStart', () => {
  it('escapes the first character of a line that would be a workflow command', () => {
    expect(escapeCommandStart('::error file=a::forged')).toBe('\\x3a:error file=a::forged');
    expect(escapeCommandStart('   ::add-mask::x')).toBe('   \\x3a:add-mask::x');
    expect(escapeCommandStart('##[set-output name=a;]b')).toBe('\\x23#[set-output name=a;]b');
    expect(escapeCommandStart('a ::error::b')).toBe('a ::error::b');
  });

  it('escapeLog keeps the lines and escapes each one', () => {
    expect(escapeLog('one\n::stop-commands::t\n\u001b[2Jthree')).toBe('one\n\\x3a:stop-commands::t\n\\x1b[2Jthree');
  });
});

describe('escapeStrings', () => {
  it('copies plain objects and arrays with every string escaped, once per shared object, cycles included', () => {
    const shared = { name: 'a\nb' };
    const cyclic: Record<string, unknown> = { list: [shared, shared, 3, null] };
    cyclic.self = cyclic;
    const copy = escapeStrings(cyclic);
    expect(copy).not.toBe(cyclic);
    expect((copy.list as unknown[])[0]).toEqual({ name: 'a\\nb' });
    expect((copy.list as unknown[])[0]).toBe((copy.list as unknown[])[1]);
    expect(copy.self).toBe(copy);
    expect(shared.name).toBe('a\nb');
  });
});

describe('excerpt', () => {
  it('cuts long text and escapes what it keeps', () => {
    expect(excerpt('PATH=/usr/bin\u0000HOME=/root\u0000TOKEN=secret-value-here', 10)).toBe('PATH=/usr/…');
    expect(excerpt('a\u001bb')).toBe('a\\x1bb');
  });

  it('counts characters, not UTF-16 units: an emoji is never cut in half', () => {
    expect(excerpt('\u{1f600}'.repeat(3), 2)).toBe('\u{1f600}\u{1f600}…');
    expect(excerpt('\u{1f600}'.repeat(30))).toBe('\u{1f600}'.repeat(30));
  });
});

describe('quotedExcerpt', () => {
  it('quotes the line as a JSON string, cut at 40 characters', () => {
    expect(quotedExcerpt('resource "kubernetes_deployment" "checkout" {')).toBe('"resource \\"kubernetes_deployment\\" \\"checko…"');
    expect(quotedExcerpt('short')).toBe('"short"');
    expect(quotedExcerpt('\u{1f600}'.repeat(30))).toBe(`"${'\u{1f600}'.repeat(30)}"`);
  });

  it('shows C0 and C1 controls and bidirectional overrides as JSON escapes', () => {
    expect(quotedExcerpt('\u009b31m\u202eevil \u001b]0;title\u0007')).toBe('"\\u009b31m\\u202eevil \\u001b]0;title\\u0007"');
    expect(quotedExcerpt('a\u2028b\u2066c')).toBe('"a\\u2028b\\u2066c"');
  });
});

describe('the text report', () => {
  const hostileName = 'web\\n::error file=x.yaml::forged\\n::add-mask::x\\e[2J\\e[31m\\u202Eevil';
  const result = lint({
    'k8s/app.yaml': misplacedDeployment(hostileName),
    'k8s/line\n::error::name.yaml': misplacedDeployment('other'),
    '::warning::start.yaml': misplacedDeployment('third'),
  });

  it('has every finding, with no raw control character and no line a runner would take as a command', () => {
    const text = formatReport('text', result, { color: false });
    expect(result.findings.length).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    for (const line of text.split('\n')) expect(line).not.toMatch(COMMAND_LINE);
    expect(text).toContain('k8s/line\\n::error::name.yaml');
    expect(text).toContain('\\x3a:warning::start.yaml');
    expect(text).toContain('3 errors');
  });

  it('escapes the values of workloads wherever the report prints them', () => {
    const text = formatReport('text', lint({ 'k8s/app.yaml': misplacedDeployment(hostileName) }, { budget: { monthly: 0 } }), {
      color: false,
    });
    expect(text).toContain('\\x1b[2J\\x1b[31m\\u202eevil');
    expect(text).not.toContain('\u001b');
  });

  it('does not change the JSON report, which keeps values as they are', () => {
    const json = JSON.parse(formatReport('json', result, { color: false })) as { findings: { file: string }[] };
    expect(json.findings.map((f) => f.file)).toContain('k8s/line\n::error::name.yaml');
  });

  it('keeps its own colours on a terminal', () => {
    const text = formatReport('text', result, { color: true });
    expect(text).toContain('\u001b[31m');
    expect(text).not.toContain('\u001b[2J');
  });
});
