import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};

describe('action.yml', () => {
  it('runs dist/index.js on node24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('has every input, each described; the defaults the action expects', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(
      [
        'token', 'config', 'config-from', 'paths', 'scan', 'cluster', 'egress', 'nat-gateway', 'region', 'charge-type', 'fail-on', 'annotations', 'comment',
        'job-summary', 'sarif-file', 'report-file', 'new-only', 'fix', 'fix-unsafe', 'commit-message',
      ].sort(),
    );
    for (const input of Object.values(action.inputs)) expect(input.description.length).toBeGreaterThan(10);
    const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default]));
    expect(defaults).toMatchObject({
      token: '${{ github.token }}',
      scan: 'changed',
      'fail-on': 'error',
      annotations: 'auto',
      comment: 'update',
      'job-summary': 'true',
      'new-only': 'false',
      fix: 'off',
      'config-from': 'workspace',
    });
  });

  it('has every output, each described', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(
      ['findings', 'errors', 'warnings', 'monthly-cost', 'monthly-cost-change', 'break-even-pods', 'report-file', 'sarif-file', 'fixed-files'].sort(),
    );
    for (const output of Object.values(action.outputs)) expect(output.description.length).toBeGreaterThan(10);
  });
});
