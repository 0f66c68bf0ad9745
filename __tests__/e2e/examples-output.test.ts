/**
 * The built CLI's output on examples/, byte for byte, against the expected files in
 * __tests__/fixtures/examples-output/. A change of any finding, message, position, fix or report layout shows here as
 * a diff of the expected file; a change that means to alter the output regenerates them with
 * `npm run examples:expected` and commits them with the change (see CONTRIBUTING.md).
 *
 * Helm is left out of the PATH: the charts are then reported as not rendered, so the output does not depend on the
 * helm version a machine has (the rendering itself is tested in __tests__/render/ and e2e/action-chart.test.ts).
 * The overlay is rendered by the pinned kubectl, the only tool on the PATH.
 */
import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanEnv, CLI, describeIfBuilt, node, RENDER_TOOLS, ROOT } from './helpers.js';

jest.setTimeout(120_000);

const EXPECTED = path.join(ROOT, '__tests__', 'fixtures', 'examples-output');
const UPDATE = process.env.UPDATE_EXAMPLES_OUTPUT === '1';

/** SARIF names the repository's folder as its source root: written as this placeholder, wherever the clone is. */
const CHECKOUT_URI = 'file:///checkout/';

interface OutputCase {
  /** The expected standard output; the expected standard error is `<file>.err` when there is one. */
  file: string;
  args: string[];
  /** Whether the run also writes to standard error (the text report that goes with a diff). */
  stderr: boolean;
}

const CASES: OutputCase[] = [
  { file: 'examples.json', args: ['--format', 'json'], stderr: false },
  { file: 'examples.sarif', args: ['--format', 'sarif'], stderr: false },
  { file: 'examples.diff', args: ['--diff'], stderr: true },
];

/** A PATH with the pinned kubectl and nothing else (no helm). */
function kubectlOnlyPath(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-examples-path-'));
  fs.symlinkSync(path.join(RENDER_TOOLS, 'kubectl'), path.join(folder, 'kubectl'));
  return folder;
}

/** The output with the repository's own location replaced, so that the expected files hold for any clone. */
function withoutCheckoutPath(output: string): string {
  return output.replaceAll(pathToFileURL(ROOT).href.replace(/\/?$/, '/'), CHECKOUT_URI);
}

function expectSameAsFile(actual: string, file: string): void {
  const expectedFile = path.join(EXPECTED, file);
  if (UPDATE) {
    fs.mkdirSync(EXPECTED, { recursive: true });
    fs.writeFileSync(expectedFile, actual);
    return;
  }
  if (!fs.existsSync(expectedFile)) {
    throw new Error(`${path.relative(ROOT, expectedFile)} is missing: run npm run examples:expected and commit it`);
  }
  expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
}

describeIfBuilt('node dist/cli.js examples: the output is unchanged', () => {
  let pathFolder: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    pathFolder = kubectlOnlyPath();
    env = { ...cleanEnv(), PATH: pathFolder };
  });
  afterAll(() => fs.rmSync(pathFolder, { recursive: true, force: true }));

  it.each(CASES)('examples $args matches $file', ({ file, args, stderr }) => {
    const run = node([CLI, 'examples', ...args], { env });
    const stdout = withoutCheckoutPath(run.stdout);
    expect(stdout).not.toContain(ROOT);
    expectSameAsFile(stdout, file);
    if (stderr) expectSameAsFile(withoutCheckoutPath(run.stderr), `${file}.err`);
    else expect(run.stderr).toBe('');
    // The examples hold errors on purpose: the run fails.
    expect(run.status).toBe(1);
  });

  (UPDATE ? it.skip : it)('a missing expected file fails the check rather than being written', () => {
    expect(() => expectSameAsFile('', 'no-such-output.json')).toThrow(/no-such-output\.json is missing: run npm run examples:expected/);
  });
});
