import { closest, didYouMean } from '../../src/config/suggest.js';
import { yamlStartProblem } from '../../src/readers/sniff.js';
import { HELP, parseCliArgs } from '../../src/cli/args.js';

describe('did you mean', () => {
  it.each([
    ['--formt', '--format'],
    ['--fial-on', '--fail-on'],
    ['eip-mising', 'eip-missing'],
    ['paybybandwidth', 'PayByBandwidth'],
  ])('%s → %s', (written, expected) => {
    expect(closest(written, ['--format', '--fail-on', '--fix', 'eip-missing', 'eip-misplaced', 'PayByTraffic', 'PayByBandwidth'])).toBe(expected);
  });

  it('nothing when nothing is close, and nothing for a huge name', () => {
    expect(didYouMean('--frobnicate', ['--format', '--fix'])).toBe('');
    expect(didYouMean('x'.repeat(10_000), ['--format'])).toBe('');
  });
});

describe('is standard input YAML?', () => {
  it.each([
    'apiVersion: v1\nkind: ConfigMap\n',
    '# a comment\n---\n"quoted key": 1\n',
    '- a\n- b\n',
    '{"apiVersion": "v1"}\n',
    '%YAML 1.2\n---\na: 1\n',
  ])('YAML: %j', (text) => {
    expect(yamlStartProblem(text)).toBeUndefined();
  });

  it.each([
    ['resource "a" "b" {\n}\n', 1],
    ['\n// comment\nvariable "x" {}\n', 2],
    ['# comment\nname = "value"\n', 2],
    ['just some text\n', 1],
  ])('not YAML: %j (line %d)', (text, line) => {
    expect(yamlStartProblem(text)).toEqual({ line, text: text.split('\n')[line - 1] });
  });

  it('empty: only blank lines, comments and document markers', () => {
    expect(yamlStartProblem('')).toBe('empty');
    expect(yamlStartProblem('\n# x\n---\n...\n')).toBe('empty');
  });
});

describe('parseCliArgs', () => {
  it.each([
    ['format', ['text', 'json', 'sarif', 'markdown', 'github', 'compact'], '  -f, --format <format>          text | json | sarif | markdown | github | compact (default: text)'],
    ['cluster', ['serverless', 'virtual-node'], '      --cluster <mode>           serverless | virtual-node\n'],
    ['egress', ['auto', 'eip', 'nat', 'none'], '      --egress <policy>          auto | eip | nat | none\n'],
    ['nat-gateway', ['auto', 'present', 'absent'], '      --nat-gateway <setting>    auto | present | absent\n'],
    ['charge-type', ['PayByTraffic', 'PayByBandwidth'], '      --charge-type <type>       PayByTraffic | PayByBandwidth\n'],
    ['fail-on', ['error', 'warning', 'notice', 'never'], '      --fail-on <level>          error | warning | notice | never (default: error)'],
  ])('--%s takes the values its help lists, and its error lists them in the same order', (flag, values, helpLine) => {
    expect(HELP).toContain(helpLine);
    for (const value of values) expect(() => parseCliArgs([`--${flag}`, value])).not.toThrow();
    expect(() => parseCliArgs([`--${flag}`, 'other'])).toThrow(`--${flag} must be one of ${values.join(', ')} (got "other")`);
  });

  it('--rule takes the severities its help lists', () => {
    expect(HELP).toContain("      --rule <id>=<severity>     set a rule's severity: error | warning | notice | off (repeatable)\n");
    for (const setting of ['error', 'warning', 'notice', 'off']) expect(parseCliArgs(['--rule', `eip-missing=${setting}`]).overrides.rules).toEqual({ 'eip-missing': setting });
    expect(() => parseCliArgs(['--rule', 'eip-missing=fatal'])).toThrow('--rule eip-missing= must be one of error, warning, notice, off (got "fatal")');
  });

  it('--color and --no-color: the last one wins', () => {
    expect(parseCliArgs(['--color', '--no-color']).color).toBe(false);
    expect(parseCliArgs(['--no-color', '--color']).color).toBe(true);
    expect(parseCliArgs([]).color).toBeUndefined();
  });

  it('--rule is repeatable; the last setting of a rule wins', () => {
    expect(parseCliArgs(['--rule', 'eip-missing=off', '--rule', 'eip-misplaced = warning', '--rule', 'eip-missing=error']).overrides.rules).toEqual({
      'eip-missing': 'error',
      'eip-misplaced': 'warning',
    });
  });

  it.each([
    [['--rule', 'eip-missing'], '--rule takes <rule-id>=<severity>'],
    [['--rule', 'eip-missing=fatal'], 'must be one of error, warning, notice, off (got "fatal")'],
    [['--max-warnings', '-1'], '--max-warnings needs a value (one that starts with "-" is written --max-warnings=<value>)'],
    [['--max-warnings=-1'], '--max-warnings must be a whole number of 0 or more (got "-1")'],
    [['--format'], '--format needs a value'],
    [['--fix=yes'], '--fix takes no value'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
