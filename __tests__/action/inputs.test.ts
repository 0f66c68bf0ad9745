import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readInputs } from '../../src/action/inputs.js';
import { scanRoots } from '../../src/action/paths.js';
import { withInputs } from './helpers.js';

describe('readInputs', () => {
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  it('defaults: fail-on error, job summary on, changed files, check run, one updated comment, no fixes, no overrides', () => {
    restore = withInputs({});
    expect(readInputs()).toEqual({
      token: '',
      config: undefined,
      configFrom: 'workspace',
      paths: [],
      scan: 'changed',
      failOn: 'error',
      annotations: 'auto',
      comment: 'update',
      jobSummary: true,
      sarifFile: undefined,
      reportFile: undefined,
      newOnly: false,
      fix: 'off',
      fixUnsafe: [],
      commitMessage: undefined,
      overrides: { cluster: undefined, egress: undefined, 'nat-gateway': undefined, pricing: undefined },
    });
  });

  it('the GitHub inputs: token, scan, annotations, comment, new-only, fix, fix-unsafe, commit-message', () => {
    restore = withInputs({
      token: ' ghs_abc ',
      scan: 'all',
      annotations: 'commands',
      comment: 'hide-and-new',
      'new-only': 'True',
      fix: 'commit',
      'fix-unsafe': 'eip-redundant, eip-unexpected\neip-redundant',
      'commit-message': 'chore: fix egress annotations',
    });
    expect(readInputs()).toMatchObject({
      token: 'ghs_abc',
      scan: 'all',
      annotations: 'commands',
      comment: 'hide-and-new',
      newOnly: true,
      fix: 'commit',
      fixUnsafe: ['eip-redundant', 'eip-unexpected'],
      commitMessage: 'chore: fix egress annotations',
    });
  });

  it.each([
    ['config-from', 'head', 'input config-from must be one of workspace, base (got "head")'],
    ['scan', 'some', 'input scan must be one of changed, all (got "some")'],
    ['annotations', 'both', 'input annotations must be one of auto, checks, commands, off (got "both")'],
    ['comment', 'sticky', 'input comment must be one of update, new, hide-and-new, delete-and-new, off (got "sticky")'],
    ['fix', 'yes', 'input fix must be one of off, suggest, commit (got "yes")'],
    ['new-only', 'yes', 'input new-only must be true or false (got "yes")'],
    ['job-summary', 'no', 'input job-summary must be true or false (got "no")'],
    ['fix-unsafe', 'eip-misplaced', 'input fix-unsafe: eip-misplaced has a safe fix'],
    ['fix-unsafe', 'nope', 'input fix-unsafe: unknown rule id "nope"'],
    ['charge-type', 'paybybandwidth', 'input charge-type must be one of PayByTraffic, PayByBandwidth (got "paybybandwidth"); did you mean PayByBandwidth?'],
  ])('a wrong %s names the input and the allowed values', (name, value, message) => {
    restore = withInputs({ [name]: value });
    expect(() => readInputs()).toThrow(message);
  });

  it('reads the dashed names the runner sets (INPUT_FAIL-ON, INPUT_NAT-GATEWAY …)', () => {
    restore = withInputs({
      config: ' ci/lint.yml ',
      paths: 'k8s\n\n  charts/**/*.yaml  \n',
      'fail-on': 'warning',
      'job-summary': 'false',
      'sarif-file': 'out.sarif',
      'report-file': 'out.json',
      cluster: 'virtual-node',
      egress: 'nat',
      'nat-gateway': 'present',
      region: 'cn-hangzhou',
      'charge-type': 'PayByBandwidth',
    });
    expect(readInputs()).toMatchObject({
      config: 'ci/lint.yml',
      paths: ['k8s', 'charts/**/*.yaml'],
      failOn: 'warning',
      jobSummary: false,
      sarifFile: 'out.sarif',
      reportFile: 'out.json',
      overrides: { cluster: 'virtual-node', egress: 'nat', 'nat-gateway': 'present', pricing: { region: 'cn-hangzhou', 'charge-type': 'PayByBandwidth' } },
    });
  });

  it.each(['error', 'warning', 'notice', 'never'])('fail-on %s is accepted', (level) => {
    restore = withInputs({ 'fail-on': level });
    expect(readInputs().failOn).toBe(level);
  });

  it('a wrong fail-on names the input and the allowed values', () => {
    restore = withInputs({ 'fail-on': 'errors' });
    expect(() => readInputs()).toThrow('input fail-on must be one of error, warning, notice, never (got "errors")');
  });
});

describe('scanRoots (the paths input)', () => {
  let workspace: string;
  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-paths-'));
    fs.mkdirSync(path.join(workspace, 'k8s'));
    fs.writeFileSync(path.join(workspace, 'app.yaml'), '{}\n');
  });
  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('existing files and folders are roots; other lines are globs', () => {
    expect(scanRoots(workspace, ['k8s', 'app.yaml', 'charts/**/*.yaml'])).toEqual({
      roots: ['k8s', 'app.yaml'],
      globs: ['charts/**/*.yaml'],
    });
  });

  it('only globs: the whole workspace, narrowed by them', () => {
    expect(scanRoots(workspace, ['**/*.yml'])).toEqual({ roots: ['.'], globs: ['**/*.yml'] });
  });

  it('nothing: the whole workspace', () => {
    expect(scanRoots(workspace, [])).toEqual({ roots: ['.'], globs: [] });
  });
});
