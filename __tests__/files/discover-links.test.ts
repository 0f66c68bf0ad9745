/**
 * The link branches of the walk (src/files/discover.ts): a link met inside a folder being walked. A link out of the
 * workspace is never read or written, a dangling link is a skip with its reason, a link inside is followed, and a
 * link back to a folder already walked ends the walk instead of looping.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { defaultConfig } from '../../src/config/defaults.js';
import { discoverFiles } from '../../src/files/discover.js';
import { MISPLACED_YAML, runCli } from '../cli/helpers.js';

let root: string;
let workspace: string;
let outside: string;
const SECRET = 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: do-not-read\n  annotations:\n    k8s.aliyun.com/eci-with-eip: true\n';

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-links-'));
  workspace = path.join(root, 'workspace');
  outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(workspace, 'k8s', 'shared'), { recursive: true });
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.yaml'), SECRET);
  fs.writeFileSync(path.join(outside, 'notes.txt'), 'not yaml\n');
  fs.writeFileSync(path.join(workspace, 'k8s', 'app.yaml'), MISPLACED_YAML);
  fs.writeFileSync(path.join(workspace, 'k8s', 'shared', 'base.yaml'), MISPLACED_YAML);
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const options = () => ({ cwd: workspace, include: defaultConfig().include, exclude: defaultConfig().exclude });
const link = (target: string, at: string) => fs.symlinkSync(target, path.join(workspace, at));
const byPath = (paths: string[]) => Object.fromEntries(discoverFiles(paths, options()).map((f) => [f.path, f.skip ?? 'scanned']));

describe('links met while walking a folder', () => {
  it('a link to a file outside the workspace is a file to skip with the reason; its neighbours are scanned', () => {
    link('../../outside/secret.yaml', 'k8s/linked.yaml');
    expect(byPath(['.'])).toEqual({
      'k8s/app.yaml': 'scanned',
      'k8s/linked.yaml': 'a link to a place outside the workspace',
      'k8s/shared/base.yaml': 'scanned',
    });
  });

  it('a link to a folder outside the workspace is not walked; one whose name the globs select is a skip', () => {
    link('../../outside', 'k8s/vendor');
    link('../../outside', 'k8s/vendor.yaml');
    expect(byPath(['k8s'])).toEqual({
      'k8s/app.yaml': 'scanned',
      'k8s/shared/base.yaml': 'scanned',
      'k8s/vendor.yaml': 'a link to a place outside the workspace',
    });
  });

  it('a link out that the include globs do not select is left out silently; named explicitly, it is a skip', () => {
    link('../../outside/notes.txt', 'k8s/notes.txt');
    expect(byPath(['k8s'])).not.toHaveProperty(['k8s/notes.txt']);
    expect(byPath(['k8s/notes.txt'])).toEqual({ 'k8s/notes.txt': 'outside the workspace (with its links resolved)' });
  });

  it('a dangling link is a file to skip, walked or named', () => {
    link('missing.yaml', 'k8s/dangling.yaml');
    expect(byPath(['k8s'])['k8s/dangling.yaml']).toBe('a link whose target does not exist');
    expect(byPath(['k8s/dangling.yaml'])).toEqual({ 'k8s/dangling.yaml': 'a link whose target does not exist' });
  });

  it('a link inside the workspace is followed, to a file or a folder', () => {
    link('app.yaml', 'k8s/alias.yaml');
    link('k8s/shared', 'k8s-shared');
    expect(byPath(['.'])).toEqual({
      'k8s/alias.yaml': 'scanned',
      'k8s/app.yaml': 'scanned',
      'k8s/shared/base.yaml': 'scanned',
    });
    // The folder reached through the link is walked once: it was already walked under k8s/.
    expect(byPath(['k8s-shared', 'k8s'])).toEqual({
      'k8s-shared/base.yaml': 'scanned',
      'k8s/alias.yaml': 'scanned',
      'k8s/app.yaml': 'scanned',
    });
  });

  it('a link back to a parent folder ends the walk instead of looping', () => {
    link('..', 'k8s/shared/up');
    expect(byPath(['k8s'])).toEqual({ 'k8s/app.yaml': 'scanned', 'k8s/shared/base.yaml': 'scanned' });
  });
});

describe('the CLI with a link out of the workspace in a walked folder', () => {
  it('never reads the target: no finding from it, only the skip', async () => {
    link('../../outside/secret.yaml', 'k8s/linked.yaml');
    const run = await runCli(['--format', 'json', '.'], workspace);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; message: string }[] };
    expect(report.findings.filter((f) => f.file === 'k8s/linked.yaml')).toEqual([
      expect.objectContaining({ ruleId: 'skipped-file', message: 'Not scanned: a link to a place outside the workspace.' }),
    ]);
    expect(run.stdout).not.toContain('do-not-read');
  });

  it('--fix never writes through it: the target stays byte for byte, the file inside is fixed', async () => {
    link('../../outside/secret.yaml', 'k8s/linked.yaml');
    const before = fs.readFileSync(path.join(outside, 'secret.yaml'));
    await runCli(['--fix', '.'], workspace);
    expect(fs.readFileSync(path.join(outside, 'secret.yaml'))).toEqual(before);
    expect(fs.lstatSync(path.join(workspace, 'k8s', 'linked.yaml')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(workspace, 'k8s', 'app.yaml'), 'utf8')).not.toBe(MISPLACED_YAML);
  });
});
