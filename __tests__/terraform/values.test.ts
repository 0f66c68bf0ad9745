/** What resolves (literals, variable defaults, locals of the folder) and what stays unknown, with the reason. */
import { hcl, lintTf, lintTfFiles, prepareTerraform } from './helpers.js';
import { formatReport } from '../../src/report/index.js';

beforeAll(prepareTerraform);

function replicasOf(files: Record<string, string>): { value?: number; unknown?: string } {
  const result = lintTfFiles(files);
  const w = result.workloads.find((x) => x.file === 'infra/app.tf')!;
  return w.replicas;
}

const app = (replicas: string) => hcl`
  resource "kubernetes_deployment_v1" "app" {
    metadata { name = "app" }
    spec {
      replicas = ${replicas}
      template {
        metadata {}
        spec {}
      }
    }
  }
`;

describe('resolution', () => {
  it.each([
    ['3', {}, 3],
    ['"4"', {}, 4],
    ['var.replicas', { 'infra/variables.tf': 'variable "replicas" {\n  default = 5\n}\n' }, 5],
    ['local.replicas', { 'infra/locals.tf': 'locals {\n  replicas = 6\n}\n' }, 6],
    ['local.sizes.web', { 'infra/locals.tf': 'locals {\n  sizes = { web = 7 }\n}\n' }, 7],
    ['local.list[1]', { 'infra/locals.tf': 'locals {\n  list = [1, 8]\n}\n' }, 8],
    ['local.chained', { 'infra/locals.tf': 'variable "n" {\n  default = 9\n}\nlocals {\n  chained = var.n\n}\n' }, 9],
    ['tonumber("10")', {}, 10],
  ])('replicas = %s resolves', (expr, others, value) => {
    expect(replicasOf({ 'infra/app.tf': app(expr), ...others })).toEqual(expect.objectContaining({ value }));
  });

  it.each([
    ['var.replicas', {}, 'var.replicas is not declared in this folder'],
    ['var.replicas', { 'infra/variables.tf': 'variable "replicas" {}\n' }, 'var.replicas has no default'],
    ['var.replicas', { 'other/variables.tf': 'variable "replicas" {\n  default = 5\n}\n' }, 'var.replicas is not declared in this folder'],
    ['local.nope', {}, 'local.nope is not defined in this folder'],
    ['data.x.y.count', {}, '`data.x.y.count` is known only when Terraform runs'],
    ['var.a + 1', { 'infra/variables.tf': 'variable "a" {\n  default = 1\n}\n' }, '`var.a + 1` is not a literal'],
    ['max(1, 2)', {}, 'the function max() is not evaluated'],
    ['local.loop', { 'infra/locals.tf': 'locals {\n  loop = local.loop\n}\n' }, 'too deep'],
  ])('replicas = %s is unknown', (expr, others, why) => {
    const replicas = replicasOf({ 'infra/app.tf': app(expr), ...others });
    expect(replicas.value).toBeUndefined();
    expect(replicas.unknown).toContain(why);
  });

  it('a module call with a local source sets the module\'s variables: their defaults no longer apply', () => {
    const files = {
      'modules/app/app.tf': app('var.replicas').replace('"app"', '"modapp"'),
      'modules/app/variables.tf': 'variable "replicas" {\n  default = 1\n}\n',
      'envs/prod/main.tf': 'module "app" {\n  source   = "../../modules/app"\n  replicas = 10\n}\n',
    };
    const w = lintTfFiles(files).workloads[0];
    expect(w.replicas.unknown).toContain('var.replicas is set by module.app in envs/prod/main.tf:1');
    // Without the caller, the default applies.
    const alone = lintTfFiles({ 'modules/app/app.tf': files['modules/app/app.tf'], 'modules/app/variables.tf': files['modules/app/variables.tf'] });
    expect(alone.workloads[0].replicas.value).toBe(1);
  });

  it('templates resolve when every part does; directives and each.key do not', () => {
    const text = hcl`
      variable "env" { default = "prod" }
      resource "kubernetes_deployment_v1" "a" {
        metadata { name = "web-\${var.env}" }
        spec {
          template {
            metadata {}
            spec {}
          }
        }
      }
      resource "kubernetes_deployment_v1" "b" {
        for_each = toset(["x"])
        metadata { name = "web-\${each.key}" }
        spec {
          template {
            metadata {}
            spec {}
          }
        }
      }
      resource "kubernetes_deployment_v1" "c" {
        metadata { name = "%{ if true }web%{ endif }" }
        spec {
          template {
            metadata {}
            spec {}
          }
        }
      }
    `;
    expect(lintTf(text).workloads.map((w) => w.name)).toEqual(['web-prod', 'kubernetes_deployment_v1.b', 'kubernetes_deployment_v1.c']);
  });
});

describe('unknown annotation values and maps', () => {
  const pod = (annotations: string) => hcl`
    variable "eip" {}
    variable "annotations" {}
    resource "kubernetes_pod_v1" "p" {
      metadata {
        name = "p"
        annotations = ${annotations}
      }
      spec {
        container {
          name  = "c"
          image = "docker.io/acme/c:1"
        }
      }
    }
  `;

  it('an EIP key whose value is unknown: an entry of type unknown, no finding, a note', () => {
    const result = lintTf(pod('{ "k8s.aliyun.com/eci-with-eip" = var.eip, "k8s.aliyun.com/eip-bandwidth" = "10" }'));
    const entry = result.workloads[0].pod!.annotations[0];
    expect(entry).toMatchObject({ key: 'k8s.aliyun.com/eci-with-eip', valueType: 'unknown' });
    expect(result.findings).toEqual([]);
    expect(result.files[0].unresolved).toEqual([
      expect.objectContaining({ what: 'k8s.aliyun.com/eci-with-eip in metadata.annotations of kubernetes_pod_v1.p', why: expect.stringContaining('var.eip has no default') }),
    ]);
  });

  it('a map from a variable without a default: the block is unresolved, no finding', () => {
    const result = lintTf(pod('var.annotations'));
    expect(result.workloads[0].pod!.unresolved).toContain('var.annotations has no default');
    expect(result.findings).toEqual([]);
  });

  it('a map with a computed key: unresolved', () => {
    const result = lintTf(pod('{ (var.eip) = "true" }'));
    expect(result.workloads[0].pod!.unresolved).toContain('is computed');
    expect(result.findings).toEqual([]);
  });

  it('an interpolated value (a template) is unknown when its parts are', () => {
    const result = lintTf(pod('{ "k8s.aliyun.com/eip-bandwidth" = "${var.eip}0" }'));
    expect(result.workloads[0].pod!.annotations[0].valueType).toBe('unknown');
    // Its value is not judged; that the key is there (without eci-with-eip) is known.
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['eip-missing', 'eip-orphan-setting']);
  });

  it('the text report lists what was not resolved', () => {
    const text = formatReport('text', lintTf(pod('var.annotations')), { color: false, width: 200 });
    expect(text).toContain('1 value not resolved (no finding and no cost rests on them):');
    expect(text).toContain('  infra/app.tf:6 metadata.annotations of kubernetes_pod_v1.p: var.annotations has no default (its value is given when Terraform runs)');
    const json = JSON.parse(formatReport('json', lintTf(pod('var.annotations')), { color: false }));
    expect(json.files[0].unresolved).toEqual([
      { line: 6, column: 19, what: 'metadata.annotations of kubernetes_pod_v1.p', reason: 'var.annotations has no default (its value is given when Terraform runs)' },
    ]);
  });
});

describe('the evaluation budget of a file', () => {
  /** `a0 = "x"`, then each local a list of `width` references to the one before: width^depth values. */
  const fanOut = (depth: number, width: number, leaf = '"x"') =>
    ['locals {', `  a0 = ${leaf}`, ...Array.from({ length: depth }, (_, i) => `  a${i + 1} = [${Array(width).fill(`local.a${i}`).join(', ')}]`), '}', ''].join('\n');

  it('locals that fan out (30^7 values from 2.5 KB) are unknown past the budget, and listed as unresolved', () => {
    const result = lintTfFiles({ 'infra/app.tf': app('length(local.a7)'), 'infra/locals.tf': fanOut(7, 30) });
    const replicas = result.workloads[0].replicas;
    expect(replicas.value).toBeUndefined();
    expect(replicas.unknown).toMatch(/^spec\.replicas of kubernetes_deployment_v1\.app is not known: local\.a7: local\.a6: (local\.a\d: )*its value is larger than 1,000,000 values \(the evaluation budget of a value\)$/);
    expect(result.files.find((f) => f.path === 'infra/app.tf')!.unresolved).toEqual([
      expect.objectContaining({ what: 'spec.replicas of kubernetes_deployment_v1.app', why: expect.stringContaining('the evaluation budget of a value') }),
    ]);
    // No cost rests on it.
    expect(result.cost.workloads[0]?.monthly ?? null).toBeNull();
  });

  it('the same locals below the budget still resolve, using each local many times', () => {
    const result = lintTfFiles({ 'infra/app.tf': app('length(local.a3)'), 'infra/locals.tf': fanOut(3, 30) });
    expect(result.workloads[0].replicas.value).toBe(30);
  });

  it('a template that repeats a string at each level is stopped before the string is large', () => {
    const repeated = (i: number) => `"${`\${local.s${i}}`.repeat(30)}"`;
    const lines = ['locals {', '  s0 = "xxxxxxxxxxxxxxxx"', ...Array.from({ length: 6 }, (_, i) => `  s${i + 1} = ${repeated(i)}`), '}', ''];
    const result = lintTfFiles({ 'infra/app.tf': app('length(local.s6)'), 'infra/locals.tf': lines.join('\n') });
    expect(result.workloads[0].replicas.unknown).toContain('the evaluation budget of a value');
  });

  it('many uses of a large local use up the budget of the file: later values are unknown, with the reason', () => {
    const uses = Array.from({ length: 40 }, (_, i) => app('length(toset(local.a4))').replaceAll('"app"', `"app${i}"`)).join('\n');
    const result = lintTfFiles({ 'infra/app.tf': uses, 'infra/locals.tf': fanOut(4, 30) });
    const replicas = result.workloads.map((w) => w.replicas);
    expect(replicas[0].value).toBe(1);
    expect(replicas.at(-1)!.unknown).toMatch(/evaluating it takes more than [\d,]+ steps \(the evaluation budget of this file\)/);
  });

  it('one exhausting local does not make the other values of the file unknown', () => {
    const text = app('length(local.a7)') + app('local.three').replaceAll('"app"', '"other"');
    const result = lintTfFiles({ 'infra/app.tf': text, 'infra/locals.tf': fanOut(7, 30) + 'locals {\n  three = 3\n}\n' });
    expect(result.workloads.map((w) => [w.name, w.replicas.value])).toEqual([
      ['app', undefined],
      ['other', 3],
    ]);
  });
});

describe('locals are converted when used', () => {
  it('a folder\'s locals are kept as places in the file until a value needs them', async () => {
    const { buildTerraformContext } = await import('../../src/readers/terraform/context.js');
    const locals = 'locals {\n  used = 3\n  unused = { a = [1, 2, 3] }\n  doc = <<EOT\nline\nEOT\n}\n';
    const context = buildTerraformContext([{ path: 'infra/locals.tf', text: locals }]);
    const scope = context.folders.get('infra')!;
    expect([...scope.locals.values()].map((l) => l.kind)).toEqual(['deferred', 'deferred', 'deferred']);
  });

  it('deferred locals resolve as before: numbers, maps, heredocs, references between them', () => {
    const locals = 'locals {\n  n = 3\n  m = { web = local.n }\n  doc = <<EOT\nline\nEOT\n  lines = length(local.doc)\n}\n';
    expect(replicasOf({ 'infra/app.tf': app('local.m.web'), 'infra/locals.tf': locals })).toEqual(expect.objectContaining({ value: 3 }));
    expect(replicasOf({ 'infra/app.tf': app('local.lines'), 'infra/locals.tf': locals })).toEqual(expect.objectContaining({ value: 5 }));
  });
});
