import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, MAX_CONFIG_BYTES, readConfigFile } from '../../src/config/load.js';

let dir: string;
let outside: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-config-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-outside-'));
  fs.mkdirSync(path.join(dir, '.github'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

const CONFIG = path.join('.github', 'eci-egress-lint.yml');

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no error');
}

describe('the config file is a regular file inside the workspace', () => {
  it('refuses a link to /proc/self/environ without quoting a byte of the environment', () => {
    fs.symlinkSync('/proc/self/environ', path.join(dir, CONFIG));
    const message = messageOf(() => loadConfig(dir));
    expect(message).toBe(`config ${CONFIG}: not read: outside the workspace (links are resolved; a path must really be inside it)`);
    expect(message).not.toContain('PATH=');
  });

  it('refuses a link to /dev/zero at once (no unbounded read)', () => {
    fs.symlinkSync('/dev/zero', path.join(dir, CONFIG));
    expect(messageOf(() => loadConfig(dir))).toContain('not read: outside the workspace');
  });

  it('refuses a link to a file outside, even one that is a valid config', () => {
    fs.writeFileSync(path.join(outside, 'config.yml'), 'rules: {eip-missing: off}\n');
    fs.symlinkSync(path.join(outside, 'config.yml'), path.join(dir, CONFIG));
    expect(messageOf(() => loadConfig(dir))).toContain('not read: outside the workspace');
  });

  it('follows a link whose target is inside the workspace', () => {
    fs.writeFileSync(path.join(dir, 'shared.yml'), 'cluster: virtual-node\n');
    fs.symlinkSync('../shared.yml', path.join(dir, CONFIG));
    expect(loadConfig(dir).config.cluster).toBe('virtual-node');
  });

  it('refuses a folder, a pipe-like device and a dangling link with a clear message', () => {
    fs.mkdirSync(path.join(dir, CONFIG));
    expect(messageOf(() => loadConfig(dir))).toBe(`config ${CONFIG}: not read: a folder, not a file`);
    fs.rmdirSync(path.join(dir, CONFIG));
    fs.symlinkSync('nowhere.yml', path.join(dir, CONFIG));
    expect(messageOf(() => loadConfig(dir))).toBe(`config ${CONFIG}: not read: a link whose target does not exist`);
  });

  it('refuses a file over the size limit before parsing it', () => {
    fs.writeFileSync(path.join(dir, CONFIG), `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
    expect(messageOf(() => loadConfig(dir))).toBe(`config ${CONFIG}: not read: larger than the limit of ${MAX_CONFIG_BYTES} bytes`);
  });

  it('refuses a binary file', () => {
    fs.writeFileSync(path.join(dir, CONFIG), 'PATH=/bin\u0000TOKEN=secret\u0000');
    expect(messageOf(() => loadConfig(dir))).toBe(`config ${CONFIG}: not read: a binary file (it contains NUL bytes)`);
  });

  it('an explicit relative path out of the workspace is refused; an absolute one is read only when the caller allows it (the CLI)', () => {
    fs.writeFileSync(path.join(outside, 'config.yml'), 'cluster: virtual-node\n');
    const relative = path.relative(dir, path.join(outside, 'config.yml'));
    expect(messageOf(() => loadConfig(dir, relative, {}, { absoluteOutside: true }))).toContain('not read: outside the workspace');
    const absolute = path.join(outside, 'config.yml');
    expect(messageOf(() => loadConfig(dir, absolute))).toContain('not read: outside the workspace');
    expect(loadConfig(dir, absolute, {}, { absoluteOutside: true }).config.cluster).toBe('virtual-node');
  });
});

describe('error messages quote only a short escaped excerpt', () => {
  it('a config that is not a map', () => {
    fs.writeFileSync(path.join(dir, CONFIG), `"PATH=/usr/bin\\e[2J\\nINPUT_TOKEN=${'s'.repeat(500)}"\n`);
    const message = messageOf(() => readConfigFile(dir));
    expect(message).toMatch(/^config \.github\/eci-egress-lint\.yml: \(top level\): must be a map of keys \(got "PATH=\/usr\/bin\\u001b\[2J\\nINPUT_TOKE.*…\)$/);
    expect(message.length).toBeLessThan(150);
    expect(message).not.toContain('\u001b');
  });

  it('a wrong value and an unknown key', () => {
    fs.writeFileSync(path.join(dir, CONFIG), `egress: "${'a'.repeat(300)}"\n"bad\\e]0;title\\a${'k'.repeat(300)}": 1\n`);
    const message = messageOf(() => loadConfig(dir));
    expect(message.length).toBeLessThan(400);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).toContain('bad\\x1b]0;title\\x07');
  });
});

describe('YAML aliases in a config', () => {
  it('an alias bomb names the file and is refused before it expands', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    fs.writeFileSync(path.join(dir, CONFIG), lines.join('\n') + '\n');
    expect(messageOf(() => loadConfig(dir))).toMatch(/^config \.github\/eci-egress-lint\.yml: its YAML aliases \(\*name\) expand too much/);
  });

  it('an alias inside the node it names (a cycle) names the file', () => {
    fs.writeFileSync(path.join(dir, CONFIG), 'workloads: &w\n  - match: {name: x}\n    egress: eip\n    more: *w\n');
    expect(messageOf(() => loadConfig(dir))).toBe(
      `config ${CONFIG}: a YAML alias (*name) is used inside the node it names, which makes an endless value`,
    );
  });

  it('a few ordinary aliases still work', () => {
    fs.writeFileSync(path.join(dir, CONFIG), 'x-globs: &globs ["k8s/**/*.yaml"]\ninclude: *globs\n');
    expect(messageOf(() => loadConfig(dir))).toContain('x-globs: unknown key');
    fs.writeFileSync(path.join(dir, CONFIG), 'include: &globs ["k8s/**/*.yaml"]\nexclude: *globs\n');
    expect(loadConfig(dir).config.exclude).toEqual(['k8s/**/*.yaml']);
  });
});

describe('other folders a caller allows', () => {
  it('reads a config under a folder the caller names (the action: $RUNNER_TEMP), and only there', () => {
    fs.writeFileSync(path.join(outside, 'policy.yml'), 'egress: nat\n');
    const absolute = path.join(outside, 'policy.yml');
    expect(loadConfig(dir, absolute, {}, { alsoUnder: [outside] }).config.egress).toBe('nat');
    expect(messageOf(() => loadConfig(dir, absolute, {}, { alsoUnder: [path.join(outside, 'other')] }))).toContain('not read: outside the workspace');
  });
});
