import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { loadConfig } from '../config/load.js';
import { lintPaths } from '../engine.js';
import { formatReport, shouldFail } from '../report/index.js';
import { countFindings } from '../report/summary.js';
import { readInputs } from './inputs.js';
import { annotate } from './annotate.js';
import { scanRoots } from './paths.js';

/** The action's entry: inputs → engine → annotations, job summary, report files and outputs. */
async function main(): Promise<void> {
  const inputs = readInputs();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const { config } = loadConfig(workspace, inputs.config, inputs.overrides);
  const { roots, globs } = scanRoots(workspace, inputs.paths);
  if (globs.length > 0) config.include = globs;
  const result = lintPaths(workspace, roots, { config });

  annotate(result.findings);
  const counts = countFindings(result);
  const outputDir = path.join(process.env.RUNNER_TEMP ?? os.tmpdir(), 'eci-egress-lint');
  fs.mkdirSync(outputDir, { recursive: true });
  const reportFile = path.resolve(workspace, inputs.reportFile ?? path.join(outputDir, 'report.json'));
  fs.writeFileSync(reportFile, formatReport('json', result, { color: false }));
  core.setOutput('report-file', reportFile);
  if (inputs.sarifFile) {
    const sarifFile = path.resolve(workspace, inputs.sarifFile);
    fs.writeFileSync(sarifFile, formatReport('sarif', result, { color: false }));
    core.setOutput('sarif-file', sarifFile);
  }
  core.setOutput('findings', counts.total);
  core.setOutput('errors', counts.error);
  core.setOutput('warnings', counts.warning);
  if (inputs.jobSummary && process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(formatReport('markdown', result, { color: false })).write();
  }
  core.info(formatReport('text', result, { color: false }));
  if (shouldFail(result.findings, inputs.failOn)) {
    core.setFailed(`${counts.total} finding(s); ${counts.error} error(s), ${counts.warning} warning(s) (fail-on: ${inputs.failOn})`);
  }
}

main().catch((error: unknown) => core.setFailed(error instanceof Error ? error.message : String(error)));
