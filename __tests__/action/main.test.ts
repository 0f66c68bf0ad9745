/** The action's entry (src/action/main.ts): a broken event file fails the step with one message and no stack trace. */
import { jest } from '@jest/globals';

it('a missing event file: the step fails with one message that says what is wrong', async () => {
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  const out: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string) => {
    out.push(String(chunk));
    return true;
  }) as typeof process.stdout.write);
  process.env.GITHUB_EVENT_PATH = '/nonexistent/event.json';
  try {
    await import('../../src/action/main.js');
    expect(process.exitCode).toBe(1);
  } finally {
    spy.mockRestore();
    process.exitCode = savedExitCode;
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
  const lines = out.join('').split('\n').filter(Boolean);
  expect(lines).toEqual([expect.stringMatching(/^::error::GITHUB_EVENT_PATH \("\/nonexistent\/event\.json"\): no such file/)]);
});
