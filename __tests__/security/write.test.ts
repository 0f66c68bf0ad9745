import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RefusedPath, writeConfined } from '../../src/files/workspace.js';
import { writeFixedFile } from '../../src/fix/index.js';
import { MISPLACED_YAML, runCli } from '../cli/helpers.js';

let root: string;
let workspace: string;
let outside: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-write-'));
  workspace = path.join(root, 'workspace');
  outside = path.join(root, 'outside');
  fs.mkdirSync(workspace);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'important.txt'), 'keep me\n');
});
afterEach(() => {
  fs.chmodSync(root, 0o755);
  fs.rmSync(root, { recursive: true, force: true });
});

const important = () => fs.readFileSync(path.join(outside, 'important.txt'), 'utf8');

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RefusedPath);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('writeConfined', () => {
  it('replaces a link at the name with the file, and never writes its target', () => {
    fs.symlinkSync('../outside/important.txt', path.join(workspace, 'eci-egress-lint.sarif'));
    expect(writeConfined('eci-egress-lint.sarif', '{"sarif": true}', { root: workspace })).toBe(path.join(workspace, 'eci-egress-lint.sarif'));
    expect(important()).toBe('keep me\n');
    expect(fs.lstatSync(path.join(workspace, 'eci-egress-lint.sarif')).isSymbolicLink()).toBe(false);
    expect(fs.readFileSync(path.join(workspace, 'eci-egress-lint.sarif'), 'utf8')).toBe('{"sarif": true}');
    expect(fs.readdirSync(workspace)).toEqual(['eci-egress-lint.sarif']);
  });

  it('does not write through a hard link either: the other name keeps its bytes', () => {
    fs.linkSync(path.join(outside, 'important.txt'), path.join(workspace, 'report.json'));
    writeConfined('report.json', '{}', { root: workspace });
    expect(important()).toBe('keep me\n');
  });

  it('refuses a folder that is a link out of the workspace, without creating anything there', () => {
    fs.symlinkSync('/proc', path.join(workspace, 'reports'));
    expect(refusal(() => writeConfined('reports/ci/eci.sarif', 'x', { root: workspace }))).toMatch(/^outside the workspace/);
    fs.symlinkSync('../outside', path.join(workspace, 'out'));
    expect(refusal(() => writeConfined('out/new/report.json', 'x', { root: workspace }))).toMatch(/^outside the workspace/);
    expect(fs.readdirSync(outside)).toEqual(['important.txt']);
  });

  it('refuses ../ out of the workspace, and allows an absolute path only when the caller does', () => {
    expect(refusal(() => writeConfined('../outside/important.txt', 'x', { root: workspace }))).toMatch(/^outside the workspace/);
    const absolute = path.join(outside, 'report.txt');
    expect(refusal(() => writeConfined(absolute, 'x', { root: workspace }))).toMatch(/^outside the workspace/);
    writeConfined(absolute, 'x', { root: workspace, absoluteOutside: true });
    expect(fs.readFileSync(absolute, 'utf8')).toBe('x');
    writeConfined(path.join(outside, 'temp', 'r.json'), 'y', { root: workspace, alsoUnder: [outside] });
    expect(fs.readFileSync(path.join(outside, 'temp', 'r.json'), 'utf8')).toBe('y');
  });

  it('creates missing folders one by one inside the workspace', () => {
    writeConfined('reports/ci/eci.sarif', 'x', { root: workspace });
    expect(fs.readFileSync(path.join(workspace, 'reports', 'ci', 'eci.sarif'), 'utf8')).toBe('x');
  });

  it('refuses a name that is a folder, or a path through a file', () => {
    fs.mkdirSync(path.join(workspace, 'report.json'));
    expect(refusal(() => writeConfined('report.json', 'x', { root: workspace }))).toBe('a folder is there');
    fs.writeFileSync(path.join(workspace, 'file'), '');
    expect(refusal(() => writeConfined('file/report.json', 'x', { root: workspace }))).toBe('file is not a folder');
  });
});

describe('writeFixedFile', () => {
  it('does not replace a read-only (0444) file: it says why, and the file keeps its bytes and mode', () => {
    const file = path.join(workspace, 'dep.yaml');
    fs.writeFileSync(file, 'a: 1\n');
    fs.chmodSync(file, 0o444);
    expect(writeFixedFile(file, 'a: 1\n', 'a: 2\n', { root: workspace })).toEqual({
      path: file,
      written: false,
      reason: 'the file is read-only (no write permission); it was not written',
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('a: 1\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
  });

  it('does not follow a link, or a link in a parent folder, out of the workspace', () => {
    fs.mkdirSync(path.join(outside, 'manifests'));
    fs.writeFileSync(path.join(outside, 'manifests', 'dep.yaml'), 'a: 1\n');
    fs.symlinkSync('../outside', path.join(workspace, 'deploy'));
    const outcome = writeFixedFile(path.join(workspace, 'deploy', 'manifests', 'dep.yaml'), 'a: 1\n', 'a: 2\n', { root: workspace });
    expect(outcome).toMatchObject({ written: false, reason: expect.stringMatching(/^it was not written: outside the workspace/) });
    expect(fs.readFileSync(path.join(outside, 'manifests', 'dep.yaml'), 'utf8')).toBe('a: 1\n');
  });
});

describe('--fix and --output on the command line', () => {
  it('a read-only file is reported as not written, the other file is fixed', async () => {
    fs.mkdirSync(path.join(workspace, 'k8s'));
    fs.writeFileSync(path.join(workspace, 'k8s', 'locked.yaml'), MISPLACED_YAML);
    fs.writeFileSync(path.join(workspace, 'k8s', 'open.yaml'), MISPLACED_YAML);
    fs.chmodSync(path.join(workspace, 'k8s', 'locked.yaml'), 0o444);
    const run = await runCli(['--fix', 'k8s'], workspace);
    expect(fs.readFileSync(path.join(workspace, 'k8s', 'locked.yaml'), 'utf8')).toBe(MISPLACED_YAML);
    expect(fs.statSync(path.join(workspace, 'k8s', 'locked.yaml')).mode & 0o777).toBe(0o444);
    expect(fs.readFileSync(path.join(workspace, 'k8s', 'open.yaml'), 'utf8')).not.toBe(MISPLACED_YAML);
    expect(run.stdout).toContain('k8s/locked.yaml');
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('the file is read-only (no write permission); it was not written');
    expect(run.code).toBe(1);
  });

  it('-o through a link replaces the link; -o through a folder link out is exit code 2 with the reason', async () => {
    fs.writeFileSync(path.join(workspace, 'app.yaml'), MISPLACED_YAML);
    fs.symlinkSync('../outside/important.txt', path.join(workspace, 'report.txt'));
    expect((await runCli(['app.yaml', '-o', 'report.txt'], workspace)).code).toBe(1);
    expect(important()).toBe('keep me\n');
    expect(fs.readFileSync(path.join(workspace, 'report.txt'), 'utf8')).toContain('eip-misplaced');
    fs.symlinkSync('../outside', path.join(workspace, 'out'));
    const refused = await runCli(['app.yaml', '-o', 'out/report.txt'], workspace);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe('eci-egress-lint: --output out/report.txt: not written: outside the workspace (links are resolved; a path must really be inside it)\n');
    expect(fs.readdirSync(outside)).toEqual(['important.txt']);
  });
});
