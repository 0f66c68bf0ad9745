import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ACTION, CLI, cleanEnv, describeIfBuilt, node, parseCommand, parseOutputs, ROOT } from './helpers.js';

jest.setTimeout(120_000);

interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  temp: string;
}

/** Every input with a default in action.yml, as the runner sets them: INPUT_<NAME upper-cased, dashes kept>. */
function defaultInputs(): Record<string, string> {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    // An expression default (the token's ${{ github.token }}) is the runner's to fill in: these runs have no token.
    if (input.default !== undefined && !String(input.default).includes('${{')) {
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(input.default);
    }
  }
  return env;
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs dist/index.js the way the runner does: cwd and GITHUB_WORKSPACE the checkout, files for outputs and summary. */
function runAction(inputs: Record<string, string>): ActionRun {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-action-'));
  temps.push(temp);
  const outputFile = path.join(temp, 'github_output');
  const summaryFile = path.join(temp, 'step_summary');
  const runnerTemp = path.join(temp, 'runner_temp');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  fs.mkdirSync(runnerTemp);
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REPOSITORY: 'acme/shop',
    RUNNER_TEMP: runnerTemp,
    ...defaultInputs(),
    ...inputs,
  };
  const r = node([ACTION], { cwd: ROOT, env });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    temp,
  };
}

interface Report {
  findings: { ruleId: string; severity: string; file: string; line: number; column: number; endLine: number; endColumn: number }[];
}

describeIfBuilt('node dist/index.js (the action)', () => {
  describe('paths: examples, fail-on: never', () => {
    let run: ActionRun;
    let report: Report;
    beforeAll(() => {
      run = runAction({ INPUT_PATHS: 'examples', 'INPUT_FAIL-ON': 'never' });
      report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8'));
    });
    const count = (severity?: string) => report.findings.filter((f) => !severity || f.severity === severity).length;

    it('exits 0', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    });

    it('writes the JSON report to $RUNNER_TEMP/eci-egress-lint/report.json and names it in report-file', () => {
      expect(run.outputs['report-file']).toBe(path.join(run.temp, 'runner_temp', 'eci-egress-lint', 'report.json'));
      expect(path.isAbsolute(run.outputs['report-file'])).toBe(true);
      expect(report.findings.length).toBeGreaterThan(0);
    });

    it('the report is the one the CLI prints for the same paths', () => {
      const cli = node([CLI, 'examples', '--format', 'json']);
      expect(JSON.parse(cli.stdout)).toEqual(report);
    });

    it('outputs findings, errors and warnings as whole numbers equal to the report', () => {
      for (const key of ['findings', 'errors', 'warnings']) expect(run.outputs[key]).toMatch(/^\d+$/);
      expect(Number(run.outputs.findings)).toBe(count());
      expect(Number(run.outputs.errors)).toBe(count('error'));
      expect(Number(run.outputs.warnings)).toBe(count('warning'));
      expect(Number(run.outputs.errors)).toBeGreaterThan(0);
      expect(Number(run.outputs.warnings)).toBeGreaterThan(0);
    });

    it('writes the full page to the job summary: the headline first, every finding, then the cost', () => {
      // fail-on: never: the run passes, with findings.
      expect(run.summary.startsWith(`:warning: **eci-egress-lint: Passes with findings**: ${count('error')} errors, ${count('warning')} warnings`)).toBe(true);
      const items = run.summary.split('\n').filter((l) => /^- :(x|warning|information_source): /.test(l));
      expect(items).toHaveLength(count());
      expect(run.summary).toContain('examples/k8s/notification-service.yaml#L12');
      expect(run.summary.indexOf('- :x: ')).toBeLessThan(run.summary.indexOf('EIP cost by workload'));
    });

    it('prints a workflow command per finding, errors first, then warnings, then notices', () => {
      const commands = run.stdout
        .split('\n')
        .map(parseCommand)
        .filter((c) => c && ['error', 'warning', 'notice'].includes(c.command));
      expect(commands.length).toBe(count());
      const levels = commands.map((c) => c!.command);
      const rank = { error: 0, warning: 1, notice: 2 } as Record<string, number>;
      expect(levels).toEqual([...levels].sort((a, b) => rank[a] - rank[b]));
      expect(levels.filter((l) => l === 'error').length).toBe(count('error'));
      for (const c of commands) expect(c!.properties.file).toMatch(/^examples\//);
      expect(run.stdout).toMatch(/^::error .*file=examples\//m);
    });

    it('the annotation for notification-service.yaml has the rule as title and the exact position', () => {
      const command = run.stdout
        .split('\n')
        .map(parseCommand)
        .find((c) => c?.properties.file === 'examples/k8s/notification-service.yaml');
      expect(command).toMatchObject({
        command: 'error',
        properties: { title: 'eip-misplaced', line: '12', col: '5', endLine: '12', endColumn: '32' },
      });
      expect(command!.message).toMatch(/^k8s\.aliyun\.com\/eci-with-eip is in the object's own metadata/);
    });

    it('an annotation over several lines has no columns', () => {
      for (const c of run.stdout.split('\n').map(parseCommand)) {
        if (!c || !c.properties.line) continue;
        if (c.properties.line !== c.properties.endLine) {
          expect(c.properties.col).toBeUndefined();
          expect(c.properties.endColumn).toBeUndefined();
        }
      }
    });

    it('logs the text report and does not fail', () => {
      expect(run.stdout).toContain('examples/k8s/notification-service.yaml\n  12:5    error   ');
      expect(run.stdout).not.toMatch(/^::error::/m);
    });
  });

  it('fail-on: error exits 1 and still sets the outputs', () => {
    const run = runAction({ INPUT_PATHS: 'examples', 'INPUT_FAIL-ON': 'error' });
    expect(run.status).toBe(1);
    const report: Report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8'));
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    expect(Number(run.outputs.errors)).toBe(errors);
    expect(Number(run.outputs.findings)).toBe(report.findings.length);
    expect(run.stdout).toMatch(/^::error::\d+ finding\(s\); \d+ error\(s\), \d+ warning\(s\) \(fail-on: error\)$/m);
    expect(run.summary.startsWith(`:x: **eci-egress-lint: Fails**: ${errors} errors`)).toBe(true);
  });

  it('the default fail-on (error, from action.yml) fails on the examples', () => {
    expect(runAction({ INPUT_PATHS: 'examples' }).status).toBe(1);
  });

  it('a clean folder passes with findings 0', () => {
    const run = runAction({ INPUT_PATHS: 'examples/k8s/status-page.yaml\nexamples/k8s/orders-api.yaml' });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', errors: '0', warnings: '0' });
    expect(run.summary.startsWith(':white_check_mark: **eci-egress-lint: All clear**: no problems.\\\nEIP cost USD 1.25 a month.\n')).toBe(true);
    expect(run.summary).toContain('<sub>Scanned 2 files: a workflow\\_dispatch event scans every file.</sub>');
  });

  it('paths that are globs narrow the scan of the whole workspace', () => {
    const run = runAction({ INPUT_PATHS: 'examples/k8s/pa*.yaml', 'INPUT_FAIL-ON': 'never' });
    expect(run.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8'));
    expect(report.files.map((f: { path: string }) => f.path)).toEqual([
      'examples/k8s/partner-export-job.yaml',
      'examples/k8s/partner-gateways.yaml',
      'examples/k8s/payments.yaml',
    ]);
  });

  it('sarif-file writes SARIF and names it in the sarif-file output', () => {
    const run = runAction({ INPUT_PATHS: 'examples/k8s', 'INPUT_FAIL-ON': 'never', 'INPUT_SARIF-FILE': path.join(os.tmpdir(), `eci-egress-lint-${process.pid}.sarif`) });
    const sarifFile = run.outputs['sarif-file'];
    temps.push(sarifFile);
    expect(path.isAbsolute(sarifFile)).toBe(true);
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBe(Number(run.outputs.findings));
  });

  it('job-summary: false leaves the summary alone', () => {
    const run = runAction({ INPUT_PATHS: 'examples/k8s/docs-site.yaml', 'INPUT_FAIL-ON': 'never', 'INPUT_JOB-SUMMARY': 'false' });
    expect(run.status).toBe(0);
    expect(run.summary).toBe('');
    expect(run.outputs.findings).toBe('2');
  });

  it('an invalid config file fails the step with ::error:: naming the key path', () => {
    const run = runAction({ INPUT_PATHS: 'examples', INPUT_CONFIG: '__tests__/fixtures/e2e/bad-config.yml' });
    expect(run.status).toBe(1);
    const line = run.stdout.split('\n').find((l) => l.startsWith('::error::'));
    expect(line).toBe(
      '::error::config __tests__/fixtures/e2e/bad-config.yml: workloads[0].egress: must be one of auto, eip, nat, none (got "sometimes")',
    );
    expect(run.stdout).not.toContain('    at ');
  });

  it('a wrong fail-on input fails the step and names the input', () => {
    const run = runAction({ INPUT_PATHS: 'examples', 'INPUT_FAIL-ON': 'sometimes' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::input fail-on must be one of error, warning, notice, never \(got "sometimes"\)$/m);
  });
});

describeIfBuilt('node dist/index.js: the charge-type input', () => {
  it('charge-type: PayByBandwidth is the cost projection\'s charge type for pods that do not say', () => {
    const run = runAction({ INPUT_PATHS: 'examples/k8s', 'INPUT_FAIL-ON': 'never', 'INPUT_CHARGE-TYPE': 'PayByBandwidth' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(run.outputs['report-file'], 'utf8')) as {
      config: string | null;
      cost: { assumptions: { chargeType: string } };
    };
    expect(report.cost.assumptions.chargeType).toBe('PayByBandwidth');
    expect(report.config).toBe('.github/eci-egress-lint.yml');
  });

  it('a wrong charge-type fails the step, naming the input', () => {
    const run = runAction({ INPUT_PATHS: 'examples/k8s', 'INPUT_CHARGE-TYPE': 'paybybandwidth' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::input charge-type must be one of PayByTraffic, PayByBandwidth \(got "paybybandwidth"\); did you mean PayByBandwidth\?$/m,
    );
  });
});
