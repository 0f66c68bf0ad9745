import fs from 'node:fs';
import path from 'node:path';
import { CLEAN_YAML, MISPLACED_YAML, ORPHAN_YAML, TEMPLATE_YAML, removeTempTrees, runCli, tempTree } from './helpers.js';

const ANSI = /\u001b\[/;

afterAll(removeTempTrees);

function tree(): string {
  return tempTree({
    'clean.yaml': CLEAN_YAML,
    'k8s/misplaced.yaml': MISPLACED_YAML,
    'orphan.yaml': ORPHAN_YAML,
    'chart/template.yaml': TEMPLATE_YAML,
  });
}

describe('-o / --output', () => {
  it('writes the report to the file and nothing to stdout', async () => {
    const cwd = tree();
    const out = path.join(cwd, 'report.json');
    const { code, stdout, stderr } = await runCli(['--format', 'json', '-o', out, '.'], cwd);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('');
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.version).toBe(1);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual([
      'skipped-file',
      'eip-misplaced',
      'eip-orphan-setting',
    ]);
  });

  it('resolves a relative --output against the working directory given to run()', async () => {
    const cwd = tree();
    const name = `eci-egress-lint-report-${process.pid}.txt`;
    const { stdout } = await runCli(['--output', name, '.'], cwd);
    expect(stdout).toBe('');
    expect(fs.readFileSync(path.join(cwd, name), 'utf8')).toContain('k8s/misplaced.yaml');
    expect(fs.existsSync(path.join(process.cwd(), name))).toBe(false);
  });

  it('the same bytes as stdout would get (text, no colour even on a terminal)', async () => {
    const cwd = tree();
    const printed = (await runCli(['.'], cwd)).stdout;
    await runCli(['-o', 'report.txt', '.'], cwd, { tty: true });
    const written = fs.readFileSync(path.join(cwd, 'report.txt'), 'utf8');
    expect(written).toBe(printed);
    expect(written).not.toMatch(ANSI);
  });
});

describe('text format', () => {
  const savedNoColor = process.env.NO_COLOR;
  afterEach(() => {
    if (savedNoColor === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = savedNoColor;
  });

  it('groups findings under the file name, with line:column, severity, the message wrapped to 100 columns and the rule id', async () => {
    const { stdout } = await runCli(['.'], tree());
    const lines = stdout.split('\n');
    const group = (file: string) => {
      const start = lines.indexOf(file);
      expect(start).toBeGreaterThanOrEqual(0);
      return lines.slice(start + 1, lines.indexOf('', start));
    };
    const misplaced = group('k8s/misplaced.yaml');
    expect(misplaced[0]).toMatch(/^ {2}7:5 +error +k8s\.aliyun\.com\/eci-with-eip is in the object's own metadata/);
    // The message goes on under itself; the rule id closes it, two spaces apart.
    expect(misplaced.slice(1).every((l) => l.startsWith(' '.repeat(19)))).toBe(true);
    expect(misplaced.filter((l) => / {2}eip-misplaced$/.test(l))).toHaveLength(1);
    expect(misplaced[misplaced.length - 1].trim()).toBe('fix (safe): move to spec.template.metadata.annotations');

    expect(group('orphan.yaml')[0]).toMatch(/^ {2}13:9 +warning +k8s\.aliyun\.com\/eip-bandwidth /);
    expect(group('chart/template.yaml')[0]).toMatch(/^ {2}1:1 +notice +Not scanned: a template /);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);

    // Files in order, each group followed by a blank line, then the totals: the file not scanned is no problem.
    expect(lines.indexOf('k8s/misplaced.yaml')).toBeGreaterThan(lines.indexOf('chart/template.yaml'));
    expect(lines.indexOf('orphan.yaml')).toBeGreaterThan(lines.indexOf('k8s/misplaced.yaml'));
    expect(stdout).toContain('\n2 problems (1 error, 1 warning) in 3 scanned files; 1 file not scanned.\n');
    expect(stdout).toContain('\n1 finding can be fixed safely: run with --fix.\n');
    expect(stdout).not.toMatch(/\b0 (errors|warnings|notices)\b/);
  });

  it('links each rule that has findings to its documentation', async () => {
    const { stdout } = await runCli(['.'], tree());
    const docs = stdout.split('\n').filter((l) => l.startsWith('  https://'));
    expect(docs).toEqual([
      '  https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/skipped-file.md',
      '  https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/eip-misplaced.md',
      '  https://github.com/eci-egress-lint/eci-egress-lint/blob/main/docs/rules/eip-orphan-setting.md',
    ]);
  });

  it('fits a terminal of its own width', async () => {
    const { stdout } = await runCli(['.'], tree(), { tty: true, columns: 72 });
    const plain = stdout.replace(/\u001b\[[0-9;]*m/g, '');
    // A URL is never broken (it would stop being one): the rule docs' lines are the only longer ones.
    const lines = plain.split('\n').filter((l) => !l.startsWith('  https://'));
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(72);
  });

  it('has no ANSI escapes when stdout is not a terminal', async () => {
    delete process.env.NO_COLOR;
    const { stdout } = await runCli(['.'], tree());
    expect(stdout).not.toMatch(ANSI);
  });

  it('is coloured on a terminal', async () => {
    delete process.env.NO_COLOR;
    const { stdout } = await runCli(['.'], tree(), { tty: true });
    expect(stdout).toMatch(ANSI);
    expect(stdout).toContain('\u001b[31merror    \u001b[0m');
    expect(stdout).toContain('\u001b[33mwarning  \u001b[0m');
    expect(stdout).toContain('\u001b[4mk8s/misplaced.yaml\u001b[0m');
  });

  it('is plain on a terminal when NO_COLOR is set', async () => {
    process.env.NO_COLOR = '1';
    const { stdout } = await runCli(['.'], tree(), { tty: true });
    expect(stdout).not.toMatch(ANSI);
    expect(stdout).toContain('k8s/misplaced.yaml\n  7:5 ');
  });

  it('an empty NO_COLOR does not turn colour off (no-color.org)', async () => {
    process.env.NO_COLOR = '';
    const { stdout } = await runCli(['.'], tree(), { tty: true });
    expect(stdout).toMatch(ANSI);
  });

  it('other formats are never coloured, even on a terminal', async () => {
    delete process.env.NO_COLOR;
    for (const format of ['json', 'sarif', 'markdown', 'github']) {
      const { stdout } = await runCli(['--format', format, '.'], tree(), { tty: true });
      expect(stdout).not.toMatch(ANSI);
    }
  });
});

describe('other formats on stdout', () => {
  it('json: paths relative to the working directory, with /', async () => {
    const { stdout } = await runCli(['-f', 'json', 'k8s', 'orphan.yaml'], tree());
    const report = JSON.parse(stdout);
    expect(report.files).toEqual([
      { path: 'k8s/misplaced.yaml', status: 'scanned' },
      { path: 'orphan.yaml', status: 'scanned' },
    ]);
  });

  it('github: one workflow command per finding', async () => {
    const { code, stdout } = await runCli(['-f', 'github', 'k8s'], tree());
    expect(code).toBe(1);
    expect(stdout).toBe(
      '::error file=k8s/misplaced.yaml,line=7,col=5,endLine=7,endColumn=32,title=eip-misplaced::' +
        "k8s.aliyun.com/eci-with-eip is in the object's own metadata (metadata.annotations), so ECI ignores it and the pods " +
        'of Deployment web get no such setting. ECI reads pod annotations only from spec.template.metadata.annotations. ' +
        'Move it there.\n',
    );
  });

  it('sarif and markdown parse / render', async () => {
    const cwd = tree();
    const sarif = JSON.parse((await runCli(['-f', 'sarif', '.'], cwd)).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results).toHaveLength(3);
    const markdown = (await runCli(['-f', 'markdown', '.'], cwd)).stdout;
    expect(markdown).toMatch(/^:x: \*\*eci-egress-lint: Fails\*\*: 1 error, 1 warning in 3 scanned files; 1 file not scanned\./);
    expect(markdown).toContain('- :x: k8s/misplaced.yaml:7:5 [`eip-misplaced`](');
  });
});
