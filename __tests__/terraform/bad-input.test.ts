/** Bad input: a clear finding or nothing, never a crash; the other files are still scanned. */
import fc from 'fast-check';
import { hcl, lintTf, lintTfFiles, prepareTerraform } from './helpers.js';

beforeAll(prepareTerraform);

const GOOD = hcl`
  resource "kubernetes_deployment_v1" "web" {
    metadata {
      name = "web"
      annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
    }
    spec {
      template {
        metadata {}
        spec {
          container {
            name  = "web"
            image = "nginx:1.27"
          }
        }
      }
    }
  }
`;

describe('syntax errors', () => {
  it('a parse-error at the line, and the other files are still scanned', () => {
    const result = lintTfFiles({
      'infra/broken.tf': 'resource "kubernetes_pod_v1" "p" {\n  metadata {\n    name = "p"\n  }\n  spec {\n    container {\n      command = ["sh",\n    }\n  }\n}\n',
      'infra/good.tf': GOOD,
      'k8s/app.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  annotations:\n    k8s.aliyun.com/eci-with-eip: yes\nspec: {}\n',
    });
    expect(result.findings.map((f) => [f.file, f.ruleId, f.span.line])).toEqual([
      ['infra/broken.tf', 'parse-error', 8],
      ['infra/good.tf', 'eip-misplaced', 4],
      ['k8s/app.yaml', 'eip-not-string', 6],
    ]);
    expect(result.files.map((f) => f.status)).toEqual(['scanned', 'scanned', 'scanned']);
  });

  it('the blocks before the error are read, the block with the error and those after it are not', () => {
    const text = `${GOOD}\nresource "kubernetes_pod_v1" "p" {\n  metadata {\n    name = \n  }\n}\n\n${GOOD.replace('"web"', '"web2"')}`;
    const result = lintTf(text);
    expect(result.workloads.map((w) => w.name)).toEqual(['web']);
    const parseError = result.findings.find((f) => f.ruleId === 'parse-error')!;
    expect(parseError.span.line).toBe(21);
    expect(parseError.message).toBe('HCL syntax error: a value is expected after `=`. The block it is in and the ones after it are not checked; the ones before it are.');
  });

  it('an empty file, a file of comments, a file of only a stray brace', () => {
    expect(lintTf('').findings).toEqual([]);
    expect(lintTf('# nothing here\n// nor here\n/* nor here */\n').findings).toEqual([]);
    expect(lintTf('}\n').findings.map((f) => f.ruleId)).toEqual(['parse-error']);
  });
});

describe('constructs that are read as unknown or skipped', () => {
  it('heredoc annotation values: a plain heredoc is a literal string, one with interpolation is unknown', () => {
    const text = hcl`
      resource "kubernetes_pod_v1" "p" {
        metadata {
          name = "p"
          annotations = {
            "k8s.aliyun.com/eip-bandwidth" = <<-EOT
              10M
            EOT
            "k8s.aliyun.com/eci-with-eip" = <<EOT
      \${var.x}
      EOT
          }
        }
        spec {}
      }
    `;
    const result = lintTf(text);
    const [bandwidth, withEip] = result.workloads[0].pod!.annotations;
    expect(bandwidth).toMatchObject({ value: '10M\n', valueType: 'string' });
    expect(withEip.valueType).toBe('unknown');
    // The bandwidth's value is known and wrong; nothing rests on the unknown eci-with-eip.
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-invalid-value']);
  });

  it('template interpolation inside an annotation value is unknown: no finding', () => {
    const text = GOOD.replace('annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }', 'annotations = {}').replace(
      'metadata {}',
      'metadata {\n        annotations = { "k8s.aliyun.com/eip-bandwidth" = "${data.x.bw}M", "k8s.aliyun.com/eci-with-eip" = "${local.on}" }\n      }',
    );
    const result = lintTf(text);
    expect(result.findings).toEqual([]);
    expect(result.files[0].unresolved?.length).toBe(2);
  });

  it('dynamic blocks are not expanded (a dynamic container is not evidence; a dynamic metadata leaves the pod unresolved)', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "web" {
        metadata { name = "web" }
        spec {
          template {
            dynamic "metadata" {
              for_each = [1]
              content {
                annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
              }
            }
            spec {
              dynamic "container" {
                for_each = var.containers
                content {
                  name  = container.value.name
                  image = "docker.io/acme/x:1"
                }
              }
            }
          }
        }
      }
    `;
    const result = lintTf(text, { egress: 'eip' });
    expect(result.workloads[0].pod!.unresolved).toContain('dynamic block');
    expect(result.workloads[0].images).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('deeply nested modules: each folder has its own variables; a module call sets the variables of its folder', () => {
    const files: Record<string, string> = {};
    let folder = 'infra';
    for (let depth = 0; depth < 12; depth++) {
      const child = `${folder}/modules/level${depth + 1}`;
      files[`${folder}/main.tf`] = `variable "replicas" {\n  default = ${depth + 1}\n}\nmodule "next" {\n  source   = "./modules/level${depth + 1}"\n  replicas = var.replicas\n}\n`;
      folder = child;
    }
    files[`${folder}/main.tf`] = `variable "replicas" {\n  default = 2\n}\n${GOOD.replace('spec {\n    template', 'spec {\n    replicas = var.replicas\n    template')}`;
    const result = lintTfFiles(files);
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0].replicas.unknown).toContain('var.replicas is set by module.next');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['eip-misplaced']);
  });

  it('a resource with a missing block: no spec, no template, an empty metadata', () => {
    const text = hcl`
      resource "kubernetes_deployment_v1" "a" {
        metadata {
          name = "a"
          annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
        }
      }
      resource "kubernetes_deployment_v1" "b" {
        metadata {}
        spec {}
      }
      resource "kubernetes_cron_job_v1" "c" {
        metadata { name = "c" }
      }
      resource "kubernetes_pod_v1" "d" {}
      resource "kubernetes_annotations" "e" {
        kind = "Deployment"
      }
      resource "alicloud_eci_container_group" "f" {}
      resource "alicloud_ess_eci_scaling_configuration" "g" {
        auto_create_eip = true
      }
      resource "kubernetes_manifest" "h" {}
      resource "kubernetes_manifest" "i" {
        manifest = { kind = "Deployment" }
      }
    `;
    const result = lintTf(text);
    // "a" has an EIP key and no pods: eip-no-effect; the others have nothing to report.
    expect(result.findings.map((f) => [f.ruleId, f.workload?.name])).toEqual([['eip-no-effect', 'a']]);
  });

  it('a .tf.json file that is JSON but not a Terraform object', () => {
    expect(lintTf('[1, 2]\n', {}, 'infra/x.tf.json').findings.map((f) => f.message)).toEqual(['A .tf.json file must hold a JSON object. The file is not checked.']);
    expect(lintTf('{"resource": "nope", "variable": [1]}\n', {}, 'infra/x.tf.json').findings).toEqual([]);
    expect(lintTf('', {}, 'infra/x.tf.json').findings.map((f) => f.ruleId)).toEqual(['parse-error']);
  });

  it('unusual but valid syntax: one-line blocks, commas in objects, colons, legacy index, CRLF line ends', () => {
    const text = [
      'resource "kubernetes_deployment_v1" "web" {',
      '  metadata { name = "web" }',
      '  spec {',
      '    replicas = local.sizes.0',
      '    template {',
      '      metadata { annotations = { "k8s.aliyun.com/eci-with-eip": "true", "k8s.aliyun.com/eip-bandwidth" = "10M", } }',
      '      spec {}',
      '    }',
      '  }',
      '}',
      'locals { sizes = [4] }',
      '',
    ].join('\r\n');
    const result = lintTf(text);
    expect(result.workloads[0].replicas.value).toBe(4);
    expect(result.findings.map((f) => [f.ruleId, f.span.line])).toEqual([['eip-invalid-value', 6]]);
  });
});

describe('never a crash', () => {
  it('on random mutations of a valid file (deleted, doubled and swapped characters)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(GOOD.length - 1), fc.constantFrom('delete', 'double', 'brace', 'quote', 'newline')), { minLength: 1, maxLength: 6 }),
        (mutations) => {
          let text = GOOD;
          for (const [at, kind] of mutations) {
            const i = at % Math.max(1, text.length);
            if (kind === 'delete') text = text.slice(0, i) + text.slice(i + 1);
            else if (kind === 'double') text = text.slice(0, i) + text[i] + text.slice(i);
            else if (kind === 'brace') text = text.slice(0, i) + '}' + text.slice(i);
            else if (kind === 'quote') text = text.slice(0, i) + '"' + text.slice(i);
            else text = text.slice(0, i) + '\n' + text.slice(i);
          }
          const result = lintTf(text);
          for (const f of result.findings) {
            expect(f.span.line).toBeGreaterThanOrEqual(1);
            expect(f.span.offset).toBeLessThanOrEqual(text.length);
            for (const edit of f.fix?.edits ?? []) expect(edit.end).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 300, seed: 0x7f3a },
    );
  });

  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        lintTf(text);
        lintTf(text, {}, 'infra/x.tf.json');
      }),
      { numRuns: 300, seed: 0x51 },
    );
  });
});
