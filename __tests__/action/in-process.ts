/**
 * The action's runAction called in this process (so that coverage and the mutation check see it), with the same
 * runner environment the end-to-end tests give the built dist/index.js, against the fake GitHub API.
 */
import fs from 'node:fs';
import { jest } from '@jest/globals';
import * as core from '@actions/core';
import { runAction } from '../../src/action/run.js';
import { parseOutputs } from '../e2e/helpers.js';
import { runnerEnv, type Run, type RunOptions } from '../e2e/github-run.js';

export type InProcessRun = Run;

/** Runs are one at a time: process.env, stdout and the job-summary writer are the process's own. */
export async function runInProcess(options: RunOptions): Promise<InProcessRun> {
  const before = options.fake?.requests.length ?? 0;
  const { env, outputFile, summaryFile } = runnerEnv(options);
  const savedEnv = { ...process.env };
  const savedExitCode = process.exitCode;
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  process.exitCode = undefined;
  // @actions/core remembers the summary file of its first write; each run has its own.
  (core.summary as unknown as { _filePath?: string })._filePath = undefined;
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write);
  let status: number;
  let stderr = '';
  try {
    await runAction(env);
    status = Number(process.exitCode ?? 0);
  } catch (error) {
    // main.ts turns a thrown error into a failed step with its message.
    stderr = (error as Error).message;
    status = 1;
  } finally {
    spy.mockRestore();
    process.exitCode = savedExitCode;
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
  return {
    status,
    stdout: chunks.join(''),
    stderr,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    calls: options.fake ? options.fake.requests.slice(before) : [],
  };
}
