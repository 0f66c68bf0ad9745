import { jest } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { sourcesFromPaths } from '../../src/engine/index.js';
import { discoverFiles } from '../../src/files/discover.js';
import { readTextFile } from '../../src/files/read.js';
import { MISPLACED_YAML, runCli } from '../cli/helpers.js';

let root: string;
let workspace: string;
let outside: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-paths-'));
  workspace = path.join(root, 'workspace');
  outside = path.join(root, 'outside');
  fs.mkdirSync(path.join(workspace, 'k8s'), { recursive: true });
  fs.mkdirSync(path.join(outside, 'manifests'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'manifests', 'dep.yaml'), MISPLACED_YAML);
  fs.writeFileSync(path.join(workspace, 'k8s', 'app.yaml'), MISPLACED_YAML);
  fs.symlinkSync('../outside', path.join(workspace, 'deploy'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const options = () => ({ cwd: workspace, include: defaultConfig().include, exclude: defaultConfig().exclude });

describe('a path whose parent folder is a link out of the workspace', () => {
  it('is a file to skip, with the reason, and the other paths are still found', () => {
    expect(discoverFiles(['deploy/manifests', 'deploy/manifests/dep.yaml', 'k8s'], options())).toEqual([
      { path: 'deploy/manifests', absolute: path.join(workspace, 'deploy/manifests'), skip: 'outside the workspace (with its links resolved)' },
      { path: 'deploy/manifests/dep.yaml', absolute: path.join(workspace, 'deploy/manifests/dep.yaml'), skip: 'outside the workspace (with its links resolved)' },
      { path: 'k8s/app.yaml', absolute: path.join(workspace, 'k8s/app.yaml') },
    ]);
  });

  it('../ out of the workspace is refused too; an absolute path only where the caller allows it', () => {
    expect(discoverFiles(['../outside/manifests'], options())[0].skip).toBe('outside the workspace (with its links resolved)');
    expect(discoverFiles([path.join(outside, 'manifests')], options())[0].skip).toBe('outside the workspace (with its links resolved)');
    expect(discoverFiles([path.join(outside, 'manifests')], { ...options(), absoluteOutside: true })).toEqual([
      { path: '../outside/manifests/dep.yaml', absolute: path.join(outside, 'manifests/dep.yaml') },
    ]);
  });

  it('--fix leaves the outside file byte for byte, reports it as skipped, and fixes the file inside', async () => {
    const before = fs.readFileSync(path.join(outside, 'manifests', 'dep.yaml'));
    const run = await runCli(['--fix', '--format', 'json', 'deploy/manifests', 'k8s'], workspace);
    expect(fs.readFileSync(path.join(outside, 'manifests', 'dep.yaml'))).toEqual(before);
    expect(fs.readFileSync(path.join(workspace, 'k8s', 'app.yaml'), 'utf8')).not.toBe(MISPLACED_YAML);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; message: string }[] };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'skipped-file', file: 'deploy/manifests', message: 'Not scanned: outside the workspace (with its links resolved).' }),
    );
  });

  it('the CLI reads an absolute path the user gave, outside the working directory', async () => {
    const run = await runCli(['--format', 'json', path.join(outside, 'manifests')], workspace);
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ ruleId: 'eip-misplaced', file: '../outside/manifests/dep.yaml' }));
  });
});

describe('files and folders that cannot be read', () => {
  it('a folder whose listing fails is a file to skip, and the walk goes on', () => {
    fs.mkdirSync(path.join(workspace, 'locked'));
    fs.writeFileSync(path.join(workspace, 'locked', 'x.yaml'), MISPLACED_YAML);
    const readdir = fs.readdirSync.bind(fs);
    // Root may read a chmod 000 folder, so the failure the kernel gives other users is injected.
    jest.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, ...rest: unknown[]) => {
      if (String(dir).endsWith(`${path.sep}locked`)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (readdir as (...a: unknown[]) => unknown)(dir, ...rest);
    }) as typeof fs.readdirSync);
    const found = discoverFiles(['.'], options());
    expect(found).toContainEqual({ path: 'locked', absolute: path.join(workspace, 'locked'), skip: 'a folder that cannot be read (EACCES)' });
    expect(found.map((f) => f.path)).toContain('k8s/app.yaml');
  });

  it('a file whose read fails is skipped with the reason', () => {
    jest.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(readTextFile(path.join(workspace, 'k8s', 'app.yaml'), 1024 * 1024)).toEqual({ skip: 'it cannot be read (EACCES)' });
  });

  // Root reads files whatever their mode, so this one runs only for other users; the two tests above inject the failure.
  const asUser = process.getuid?.() === 0 ? it.skip : it;
  asUser('chmod 000 on a file and a folder: both skipped, the rest scanned', () => {
    fs.mkdirSync(path.join(workspace, 'locked'));
    fs.writeFileSync(path.join(workspace, 'k8s', 'secret.yaml'), MISPLACED_YAML);
    fs.chmodSync(path.join(workspace, 'k8s', 'secret.yaml'), 0o000);
    fs.chmodSync(path.join(workspace, 'locked'), 0o000);
    try {
      const sources = sourcesFromPaths(workspace, ['.'], defaultConfig());
      expect(sources.find((s) => s.path === 'k8s/secret.yaml')?.skip).toBe('it cannot be read (EACCES)');
      expect(sources.find((s) => s.path === 'locked')?.skip).toBe('a folder that cannot be read (EACCES)');
      expect(sources.find((s) => s.path === 'k8s/app.yaml')?.text).toBe(MISPLACED_YAML);
    } finally {
      fs.chmodSync(path.join(workspace, 'locked'), 0o755);
    }
  });
});
