import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, parseSize } from '../../src/config/defaults.js';
import { ConfigError, loadConfig, readConfigFile, resolveConfig } from '../../src/config/load.js';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { RULE_IDS } from '../../src/rules/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The ConfigError message that resolving `raw` throws. */
function errorOf(raw: unknown): string {
  try {
    resolveConfig(raw, 'test.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${JSON.stringify(raw)}`);
}

describe('resolveConfig', () => {
  it('gives the defaults for an empty or missing config', () => {
    const defaults = defaultConfig();
    expect(resolveConfig({}, 'test.yml')).toEqual(defaults);
    expect(resolveConfig(undefined, 'test.yml')).toEqual(defaults);
    expect(resolveConfig(null, 'test.yml')).toEqual(defaults);
    expect(defaults).toMatchObject({
      cluster: 'serverless',
      egress: 'auto',
      natGateway: 'auto',
      include: ['**/*.yaml', '**/*.yml', '**/*.tf', '**/*.tf.json'],
      exclude: ['**/node_modules/**'],
      maxFileSize: 5 * 1024 * 1024,
      rules: {},
      workloads: [],
      ignore: [],
      inlineIgnores: true,
    });
  });

  it('reads every key', () => {
    const raw = {
      cluster: 'virtual-node',
      egress: 'eip',
      'nat-gateway': 'present',
      include: ['k8s/**/*.yaml'],
      exclude: ['**/vendor/**'],
      'max-file-size': '512KB',
      rules: { 'eip-redundant': 'off', 'eip-missing': 'error' },
      workloads: [
        { match: { path: 'jobs/**', kind: 'CronJob', name: 'report-*', namespace: 'batch', labels: { team: 'data' } }, egress: 'none' },
      ],
      clusters: [
        { path: 'clusters/prod/**', cluster: 'serverless', 'nat-gateway': 'present', region: 'cn-hangzhou' },
        { path: 'clusters/lab/**', 'nat-gateway': 'absent' },
      ],
      ignore: [{ rule: 'eip-missing', path: 'legacy/**', reason: 'egress through the office proxy' }],
      'inline-ignores': false,
      pricing: {
        region: 'ap-southeast-1',
        currency: 'USD',
        'charge-type': 'PayByBandwidth',
        'traffic-gb-per-pod': 10,
        'waive-eci-config-fee': false,
        prices: { 'eip-traffic-gb': 0.117, 'nat-hour': 0.043, 'nat-cu': 0 },
      },
      budget: { monthly: 200, increase: 50 },
      render: {
        enabled: false,
        helm: '/opt/helm/bin/helm',
        kustomize: 'kubectl',
        timeout: '2m',
        'ci-values': false,
        charts: [{ path: './charts/web/', release: 'web', namespace: 'shop', values: ['envs/prod/web.yaml'] }],
      },
    };
    expect(resolveConfig(raw, 'test.yml')).toEqual({
      cluster: 'virtual-node',
      egress: 'eip',
      natGateway: 'present',
      include: ['k8s/**/*.yaml'],
      exclude: ['**/vendor/**'],
      maxFileSize: 524288,
      rules: { 'eip-redundant': 'off', 'eip-missing': 'error' },
      workloads: raw.workloads,
      clusters: [
        { path: 'clusters/prod/**', cluster: 'serverless', natGateway: 'present', region: 'cn-hangzhou' },
        { path: 'clusters/lab/**', natGateway: 'absent' },
      ],
      ignore: raw.ignore,
      inlineIgnores: false,
      pricing: raw.pricing,
      budget: { monthly: 200, increase: 50 },
      render: {
        enabled: false,
        helm: '/opt/helm/bin/helm',
        kustomize: 'kubectl',
        timeoutMs: 120_000,
        ciValues: false,
        charts: [{ path: 'charts/web', release: 'web', namespace: 'shop', values: ['envs/prod/web.yaml'] }],
      },
    });
  });

  it.each([
    ['60s', 60_000],
    ['1500ms', 1500],
    ['2m', 120_000],
    [30, 30_000],
  ])('reads render.timeout %p as %p ms', (written, ms) => {
    expect(resolveConfig({ render: { timeout: written } }, 'test.yml').render.timeoutMs).toBe(ms);
  });

  it('render: a timeout that is not a duration and an unknown chart key are errors naming the key', () => {
    expect(() => resolveConfig({ render: { timeout: 'soon' } }, 'test.yml')).toThrow(
      'config test.yml: render.timeout: must be a number of seconds or a duration such as "60s" (got "soon")',
    );
    expect(() => resolveConfig({ render: { charts: [{ path: 'web', value: [] }] } }, 'test.yml')).toThrow('render.charts[0].value: unknown key');
  });

  it.each([
    ['5MB', 5242880],
    ['512KB', 524288],
    ['1GB', 1024 ** 3],
    ['2 MiB', 2 * 1024 ** 2],
    ['100', 100],
    [4096, 4096],
  ])('reads max-file-size %p as %p bytes', (written, bytes) => {
    expect(resolveConfig({ 'max-file-size': written }, 'test.yml').maxFileSize).toBe(bytes);
  });

  it('accepts every rule id and every severity', () => {
    for (const id of RULE_IDS) {
      for (const severity of ['error', 'warning', 'notice', 'off'] as const) {
        expect(resolveConfig({ rules: { [id]: severity } }, 'test.yml').rules[id]).toBe(severity);
      }
    }
  });

  describe('errors name the key path and what was expected', () => {
    it('an unknown top-level key', () => {
      const message = errorOf({ clustr: 'serverless' });
      expect(message).toBe('config test.yml: clustr: unknown key; did you mean cluster?');
    });

    it('an unknown nested key', () => {
      expect(errorOf({ pricing: { foo: 1 } })).toContain('pricing.foo: unknown key');
      expect(errorOf({ pricing: { prices: { 'nat-day': 1 } } })).toContain('pricing.prices.nat-day: unknown key');
      expect(errorOf({ workloads: [{ match: { kind: 'Job', team: 'x' }, egress: 'none' }] })).toContain('workloads[0].match.team: unknown key');
    });

    it('a value outside its set', () => {
      const message = errorOf({ workloads: [{ match: { kind: 'Job' }, egress: 'nats' }] });
      expect(message).toContain('workloads[0].egress');
      expect(message).toContain('auto, eip, nat, none');
      expect(message).toContain('"nats"');
      expect(errorOf({ cluster: 'ask' })).toContain('cluster: must be one of serverless, virtual-node (got "ask")');
      expect(errorOf({ 'nat-gateway': 'yes' })).toContain('nat-gateway: must be one of auto, present, absent');
      expect(errorOf({ rules: { 'eip-missing': 'fatal' } })).toContain('rules.eip-missing: must be one of error, warning, notice, off (got "fatal")');
    });

    it('wrong types', () => {
      expect(errorOf({ include: '**/*.yaml' })).toContain('include: must be array (got "**/*.yaml")');
      expect(errorOf({ 'inline-ignores': 'no' })).toContain('inline-ignores: must be boolean (got "no")');
      expect(errorOf({ budget: { monthly: '200' } })).toContain('budget.monthly: must be number (got "200")');
      expect(errorOf({ workloads: { match: {} } })).toContain('workloads: must be array');
      expect(errorOf({ exclude: [''] })).toContain('exclude[0]');
    });

    it('a rule id that does not exist', () => {
      expect(errorOf({ rules: { 'not-a-rule': 'off' } })).toBe('config test.yml: rules: "not-a-rule" is not a rule id');
    });

    it('a misspelt key: "did you mean" the nearest key of that map', () => {
      expect(errorOf({ egres: 'nat' })).toBe('config test.yml: egres: unknown key; did you mean egress?');
      expect(errorOf({ pricing: { regoin: 'cn-hangzhou' } })).toBe('config test.yml: pricing.regoin: unknown key; did you mean region?');
      expect(errorOf({ workloads: [{ match: { nmae: 'x' }, egress: 'nat' }] })).toBe('config test.yml: workloads[0].match.nmae: unknown key; did you mean name?');
      expect(errorOf({ frobnicate: 1 })).toBe('config test.yml: frobnicate: unknown key');
    });

    it('a misspelt rule id: "did you mean" once, without the list of every rule', () => {
      expect(errorOf({ rules: { 'eip-mising': 'error' } })).toBe('config test.yml: rules: "eip-mising" is not a rule id; did you mean eip-missing?');
    });

    it('a negative price', () => {
      expect(errorOf({ pricing: { prices: { 'nat-hour': -1 } } })).toContain('pricing.prices.nat-hour: must be >= 0 (got -1)');
    });

    it('a size that is not a size', () => {
      const message = errorOf({ 'max-file-size': '5 potatoes' });
      expect(message).toBe('config test.yml: max-file-size: must be a number of bytes or a size such as "5MB" (got "5 potatoes")');
      expect(errorOf({ 'max-file-size': 0 })).toContain('max-file-size');
      expect(errorOf({ 'max-file-size': -5 })).toContain('max-file-size');
    });

    it('a missing required key', () => {
      expect(errorOf({ ignore: [{ rule: 'eip-missing' }] })).toContain('ignore[0]: the key reason is required');
      expect(errorOf({ workloads: [{ egress: 'none' }] })).toContain('workloads[0]: the key match is required');
      expect(errorOf({ workloads: [{ match: {}, egress: 'none' }] })).toContain('workloads[0].match');
    });

    it('a clusters: entry: path required, known keys and values only, a region the price table has', () => {
      expect(errorOf({ clusters: [{ 'nat-gateway': 'present' }] })).toContain('clusters[0]: the key path is required');
      expect(errorOf({ clusters: [{ path: 'k8s/**', vpc: 'vpc-1' }] })).toContain('clusters[0].vpc: unknown key');
      expect(errorOf({ clusters: [{ path: 'k8s/**', 'nat-gateway': 'yes' }] })).toContain('clusters[0].nat-gateway: must be one of auto, present, absent');
      expect(errorOf({ clusters: [{ path: 'k8s/**', cluster: 'ask' }] })).toContain('clusters[0].cluster: must be one of serverless, virtual-node');
      expect(errorOf({ clusters: { path: 'k8s/**' } })).toContain('clusters: must be array');
      const region = errorOf({ clusters: [{ path: 'a/**', region: 'cn-hangzhou' }, { path: 'k8s/**', region: 'mars-1' }] });
      expect(region).toContain('clusters[1].region: "mars-1" is not in the price table');
      expect(errorOf({ pricing: { region: 'cn-hangzhou', currency: 'CNY' }, clusters: [{ path: 'k8s/**', region: 'ap-southeast-1' }] })).toContain(
        'clusters[0].region "ap-southeast-1": pricing.currency: the price table has no CNY prices for ap-southeast-1',
      );
    });

    it('several problems at once, each named', () => {
      const message = errorOf({ cluster: 'x', bogus: true });
      expect(message).toContain('bogus: unknown key');
      expect(message).toContain('cluster: must be one of');
    });
  });
});

describe('parseSize', () => {
  it('reads sizes in powers of 1024 and rejects others', () => {
    expect(parseSize('5MB')).toBe(5242880);
    expect(parseSize('512kb')).toBe(524288);
    expect(parseSize('1.5K')).toBe(1536);
    expect(parseSize(123)).toBe(123);
    expect(() => parseSize('5 potatoes')).toThrow('not a size');
  });
});

describe('loading the config file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eci-egress-lint-config-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), text);
  };
  const messageOf = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('uses the defaults when there is no file', () => {
    expect(loadConfig(dir)).toEqual({ config: defaultConfig(), file: undefined });
  });

  it('reads .eci-egress-lint.yml at the root', () => {
    write('.eci-egress-lint.yml', 'cluster: virtual-node\n');
    expect(loadConfig(dir)).toEqual({
      config: { ...defaultConfig(), cluster: 'virtual-node' },
      file: '.eci-egress-lint.yml',
      absolute: path.join(dir, '.eci-egress-lint.yml'),
    });
  });

  it('prefers .github/eci-egress-lint.yml over .eci-egress-lint.yml', () => {
    write('.eci-egress-lint.yml', 'egress: none\n');
    write('.github/eci-egress-lint.yml', 'egress: nat\n');
    const loaded = loadConfig(dir);
    expect(loaded.file).toBe('.github/eci-egress-lint.yml');
    expect(loaded.config.egress).toBe('nat');
  });

  it('reads an explicit file, relative to the working directory', () => {
    write('.github/eci-egress-lint.yml', 'egress: nat\n');
    write('configs/strict.yml', 'egress: eip\nrules: { eip-missing: notice }\n');
    const loaded = loadConfig(dir, 'configs/strict.yml');
    expect(loaded.file).toBe('configs/strict.yml');
    expect(loaded.config.egress).toBe('eip');
    expect(loaded.config.rules).toEqual({ 'eip-missing': 'notice' });
  });

  it('looks upward from the working directory to the root it is given, the nearest file first', () => {
    write('.github/eci-egress-lint.yml', 'egress: nat\n');
    write('k8s/apps/web.yaml', '');
    const fromApps = loadConfig(path.join(dir, 'k8s', 'apps'), undefined, {}, { searchUpTo: dir });
    expect(fromApps.file).toBe('../../.github/eci-egress-lint.yml');
    expect(fromApps.absolute).toBe(path.join(dir, '.github', 'eci-egress-lint.yml'));
    expect(fromApps.config.egress).toBe('nat');
    write('k8s/.eci-egress-lint.yml', 'egress: none\n');
    expect(loadConfig(path.join(dir, 'k8s', 'apps'), undefined, {}, { searchUpTo: dir }).config.egress).toBe('none');
  });

  it('without a root, or from outside it, only the working directory is searched', () => {
    write('.eci-egress-lint.yml', 'egress: nat\n');
    write('k8s/web.yaml', '');
    expect(loadConfig(path.join(dir, 'k8s')).file).toBeUndefined();
    expect(loadConfig(path.join(dir, 'k8s'), undefined, {}, { searchUpTo: path.join(dir, 'other') }).file).toBeUndefined();
  });

  it('--rule overrides add to the file\'s rules', () => {
    write('.eci-egress-lint.yml', 'rules: { eip-misplaced: off }\n');
    expect(loadConfig(dir, undefined, { rules: { 'eip-missing': 'warning' } }).config.rules).toEqual({ 'eip-misplaced': 'off', 'eip-missing': 'warning' });
  });

  it('fails on an explicit file that does not exist, even when a default file exists', () => {
    write('.eci-egress-lint.yml', 'egress: nat\n');
    expect(messageOf(() => loadConfig(dir, 'missing.yml'))).toBe('config missing.yml: no such file');
  });

  it('reads an empty file as the defaults', () => {
    write('.eci-egress-lint.yml', '# nothing yet\n');
    expect(loadConfig(dir).config).toEqual(defaultConfig());
  });

  it('fails on a file that is not YAML, with the line number', () => {
    write('.eci-egress-lint.yml', 'cluster: serverless\negress: [auto\nrules: {}\n');
    const message = messageOf(() => loadConfig(dir));
    expect(message).toMatch(/^config \.eci-egress-lint\.yml:\d+:\d+: not valid YAML at line \d+, column \d+: /);
    const line = Number(/at line (\d+)/.exec(message)![1]);
    expect(message).toContain(`.eci-egress-lint.yml:${line}:`);
    expect(line).toBeGreaterThanOrEqual(2);
    expect(line).toBeLessThanOrEqual(4);
  });

  it('fails on a duplicate key, naming its line', () => {
    write('.eci-egress-lint.yml', 'cluster: serverless\ncluster: virtual-node\n');
    expect(messageOf(() => loadConfig(dir))).toBe(
      'config .eci-egress-lint.yml:2:1: not valid YAML at line 2, column 1: Map keys must be unique',
    );
  });

  it('fails on a YAML list at the top level', () => {
    write('.eci-egress-lint.yml', '- cluster: serverless\n');
    expect(messageOf(() => readConfigFile(dir))).toContain('config .eci-egress-lint.yml: (top level): must be a map of keys');
  });

  it('fails on a scalar at the top level', () => {
    write('.eci-egress-lint.yml', 'serverless\n');
    expect(messageOf(() => loadConfig(dir))).toContain('(top level): must be a map of keys (got "serverless")');
  });

  it('names the file in a schema error', () => {
    write('.github/eci-egress-lint.yml', 'workloads:\n  - match: { kind: Job }\n    egress: nats\n');
    const message = messageOf(() => loadConfig(dir));
    expect(message).toContain('config .github/eci-egress-lint.yml: workloads[0].egress: must be one of auto, eip, nat, none (got "nats")');
  });

  it('merges command-line overrides over the file, pricing key by key', () => {
    // (The table has USD prices for both regions; CNY prices only for cn-hangzhou: see pricing.test.ts.)
    write('.eci-egress-lint.yml', 'cluster: virtual-node\negress: nat\npricing: { region: cn-hangzhou, currency: USD }\n');
    const { config } = loadConfig(dir, undefined, { egress: 'eip', cluster: undefined, pricing: { region: 'ap-southeast-1' } });
    expect(config.cluster).toBe('virtual-node');
    expect(config.egress).toBe('eip');
    expect(config.pricing).toEqual({ region: 'ap-southeast-1', currency: 'USD' });
  });

  it('says when a bad value came from the overrides', () => {
    expect(messageOf(() => loadConfig(dir, undefined, { egress: 'nats' }))).toContain('with the command-line or action overrides');
  });
});

describe('the JSON Schema file', () => {
  const file = path.join(ROOT, 'schema/config.schema.json');
  const exists = fs.existsSync(file);
  (exists ? it : it.skip)('schema/config.schema.json equals CONFIG_SCHEMA', () => {
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });
});
