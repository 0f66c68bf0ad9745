import * as core from '@actions/core';
import type { FailOn } from '../cli/args.js';

export interface ActionInputs {
  config?: string;
  paths: string[];
  failOn: FailOn;
  jobSummary: boolean;
  sarifFile?: string;
  reportFile?: string;
  overrides: Record<string, unknown>;
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'notice', 'never'];

export function readInputs(): ActionInputs {
  const failOn = (optional('fail-on') ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new Error(`input fail-on must be one of ${FAIL_ON.join(', ')} (got "${failOn}")`);
  const region = optional('region');
  return {
    config: optional('config'),
    paths: core.getMultilineInput('paths').map((p) => p.trim()).filter(Boolean),
    failOn,
    jobSummary: (optional('job-summary') ?? 'true') !== 'false',
    sarifFile: optional('sarif-file'),
    reportFile: optional('report-file'),
    overrides: {
      cluster: optional('cluster'),
      egress: optional('egress'),
      'nat-gateway': optional('nat-gateway'),
      pricing: region ? { region } : undefined,
    },
  };
}
