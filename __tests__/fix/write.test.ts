import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasBom, writeFixedFile } from '../../src/fix/index.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const BOM = '\uFEFF';

test('writes the fixed text and leaves no temporary file', () => {
  const file = path.join(dir, 'a.yaml');
  fs.writeFileSync(file, 'a: 1\r\nb: 2\r\n');
  expect(writeFixedFile(file, 'a: 1\r\nb: 2\r\n', 'a: 1\r\nb: "2"\r\n')).toEqual({ path: file, written: true });
  expect(fs.readFileSync(file, 'utf8')).toBe('a: 1\r\nb: "2"\r\n');
  expect(fs.readdirSync(dir)).toEqual(['a.yaml']);
});

test('keeps a byte order mark (the text it was given has none, as read)', () => {
  const file = path.join(dir, 'bom.yaml');
  fs.writeFileSync(file, BOM + 'a: 1\n');
  expect(hasBom(fs.readFileSync(file))).toBe(true);
  expect(writeFixedFile(file, 'a: 1\n', 'a: "1"\n').written).toBe(true);
  expect(fs.readFileSync(file, 'utf8')).toBe(BOM + 'a: "1"\n');
});

test('keeps the mode and writes the target of a link, not the link', () => {
  const target = path.join(dir, 'target.yaml');
  const link = path.join(dir, 'link.yaml');
  fs.writeFileSync(target, 'a: 1\n');
  fs.chmodSync(target, 0o640);
  fs.symlinkSync('target.yaml', link);
  expect(writeFixedFile(link, 'a: 1\n', 'a: 2\n').written).toBe(true);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  expect(fs.readFileSync(target, 'utf8')).toBe('a: 2\n');
  expect(fs.statSync(target).mode & 0o777).toBe(0o640);
});

test('a file that changed since it was read is not written', () => {
  const file = path.join(dir, 'a.yaml');
  fs.writeFileSync(file, 'a: changed\n');
  expect(writeFixedFile(file, 'a: 1\n', 'a: 2\n')).toEqual({
    path: file,
    written: false,
    reason: 'the file changed on disk while it was being fixed; it was not written',
  });
  expect(fs.readFileSync(file, 'utf8')).toBe('a: changed\n');
});

test('a file that is gone is reported, not thrown', () => {
  const outcome = writeFixedFile(path.join(dir, 'gone.yaml'), 'a: 1\n', 'a: 2\n');
  expect(outcome.written).toBe(false);
  expect(outcome.reason).toMatch(/^it could not be read again: /);
});
