import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventFileProblem } from '../../src/github/context.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-event-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const problemOf = (text?: string) => {
  const file = path.join(dir, 'event.json');
  if (text !== undefined) fs.writeFileSync(file, text);
  return eventFileProblem({ GITHUB_EVENT_PATH: file });
};

describe('eventFileProblem', () => {
  it('nothing to say when the file holds a JSON object, or when the variable is not set', () => {
    expect(problemOf('{"pull_request": {"number": 1}}')).toBeUndefined();
    expect(eventFileProblem({})).toBeUndefined();
  });

  it('names the problem of a missing, empty, broken or non-object event file', () => {
    const where = `GITHUB_EVENT_PATH (${JSON.stringify(path.join(dir, 'event.json'))})`;
    expect(problemOf()).toBe(`${where}: no such file; the runner writes the event payload there`);
    expect(problemOf('')).toBe(`${where}: the event file is empty; it must hold the event payload (JSON)`);
    expect(problemOf('{"a": ')).toBe(`${where}: the event file is not valid JSON`);
    expect(problemOf('[1, 2]')).toBe(`${where}: the event payload must be a JSON object`);
  });

  it('a folder is not an event file', () => {
    expect(eventFileProblem({ GITHUB_EVENT_PATH: dir })).toBe(`GITHUB_EVENT_PATH (${JSON.stringify(dir)}): not a file`);
  });
});
