/**
 * Numbers a pull request can write to make the cost wrong: a count Kubernetes refuses is an eip-invalid-value error
 * and no cost; a valid but huge count is a notice; an HCL exponent is read as HashiCorp reads it. No NaN or
 * Infinity anywhere: not in the projection, the JSON report or the budgets.
 */
import { formatReport } from '../../src/report/index.js';
import { hcl, lintTf, prepareTerraform } from '../terraform/helpers.js';
import { deployment, lintCost } from './helpers.js';

beforeAll(prepareTerraform);

const EIP = { 'k8s.aliyun.com/eci-with-eip': '"true"' };
const invalid = (result: ReturnType<typeof lintCost>) => result.findings.filter((f) => f.ruleId === 'eip-invalid-value');

/** Every number in the JSON report is finite (JSON.stringify writes NaN and Infinity as null: none may be there). */
function expectFiniteJson(result: ReturnType<typeof lintCost>): void {
  const json = formatReport('json', result, { color: false });
  expect(json).not.toMatch(/NaN|Infinity/);
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'number') expect([where, Number.isFinite(value)]).toEqual([where, true]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${where}.${k}`);
  };
  walk(JSON.parse(json), '$');
  expect(formatReport('text', result, { color: false })).not.toMatch(/NaN|Infinity/);
}

describe('YAML replicas Kubernetes refuses', () => {
  it.each([
    ['1.7e308', 'spec.replicas', 'replicas is 1.7e308, above 2,147,483,647, the largest count Kubernetes accepts (int32)'],
    ['2147483648', 'spec.replicas', 'replicas is 2147483648, above 2,147,483,647, the largest count Kubernetes accepts (int32)'],
    ['1.5', 'spec.replicas', 'replicas is 1.5, not a whole number'],
    ['-2', 'spec.replicas', 'replicas is -2, not a whole number'],
    ['.inf', 'spec.replicas', 'replicas is .inf, not a finite number'],
    ['.nan', 'spec.replicas', 'replicas is .nan, not a finite number'],
    ['"3"', 'spec.replicas', 'replicas is "3", not a whole number'],
  ])('replicas: %s is an eip-invalid-value error and no cost', (replicas, _path, message) => {
    const text = deployment({ name: 'web', replicas, annotations: EIP });
    const result = lintCost({ 'k8s/web.yaml': text }, { budget: { monthly: 10 } });
    const found = invalid(result);
    expect(found.map((f) => [f.severity, f.message])).toEqual([
      ['error', `${message}; Kubernetes refuses it, so no EIP cost is projected for these pods.`],
    ]);
    expect(found[0].span.line).toBe(text.split('\n').findIndex((l) => l.includes('replicas:')) + 1);
    const cost = result.cost.workloads[0];
    expect(cost.monthly).toBeUndefined();
    expect(cost.unknown).toContain(message);
    expect(result.cost.total).toEqual({ min: 0, max: 0 });
    // The budget is not broken by a cost that is not known.
    expect(result.findings.filter((f) => f.ruleId === 'eip-cost-budget')).toEqual([]);
    expectFiniteJson(result);
  });

  it('budget.increase is not passed by a base whose replicas is 1.7e308', () => {
    const head = deployment({ name: 'web', replicas: '1.7e308', annotations: EIP });
    const base = deployment({ name: 'web', replicas: '1', annotations: EIP });
    const result = lintCost({ 'k8s/web.yaml': head }, { budget: { increase: 1 } }, { 'k8s/web.yaml': base });
    // The head's cost is unknown (no cost rests on a count Kubernetes refuses), so the change is unknown too.
    expect(result.cost.change).toBeUndefined();
    expect(result.cost.unknownChanges).toBe(1);
    expect(result.findings.filter((f) => f.ruleId === 'eip-cost-budget')).toEqual([]);
    expectFiniteJson(result);
  });

  it('a workload without per-pod EIPs is not judged on its replicas', () => {
    const result = lintCost({ 'k8s/web.yaml': deployment({ name: 'web', replicas: '1.5', annotations: {} }) });
    expect(invalid(result)).toEqual([]);
  });

  it('999,999,999 replicas: valid, a notice that the cost rests on more pods than one cluster runs', () => {
    const result = lintCost({ 'k8s/web.yaml': deployment({ name: 'web', replicas: '999999999', annotations: EIP }) });
    expect(invalid(result).map((f) => [f.severity, f.message])).toEqual([
      [
        'notice',
        '999,999,999 pods (replicas: 999999999), each with its own EIP: more than one Kubernetes cluster runs (150,000 pods). ' +
          'The projected cost rests on this count; check that it is meant.',
      ],
    ]);
    expect(result.cost.workloads[0].monthly!.max).toBeGreaterThan(1e9);
    expectFiniteJson(result);
  });

  it('150,000 replicas: no notice', () => {
    expect(invalid(lintCost({ 'k8s/web.yaml': deployment({ name: 'web', replicas: '150000', annotations: EIP }) }))).toEqual([]);
  });
});

describe('Terraform numbers', () => {
  const tf = (replicas: string, count = '') => hcl`
    resource "kubernetes_deployment_v1" "web" {
      ${count ? `count = ${count}` : ''}
      metadata {
        name = "web"
      }
      spec {
        replicas = ${replicas}
        template {
          metadata {
            annotations = { "k8s.aliyun.com/eci-with-eip" = "true" }
          }
          spec {
            container {
              name  = "web"
              image = "nginx"
            }
          }
        }
      }
    }
  `;

  it('replicas = 1e3 is 1000: the template block is read, and the budget is checked as for 1000', () => {
    const withExponent = lintTf(tf('1e3'), { budget: { monthly: 100, increase: undefined, natSavings: undefined } } as never);
    const plain = lintTf(tf('1000'), { budget: { monthly: 100, increase: undefined, natSavings: undefined } } as never);
    expect(withExponent.workloads[0].replicas.value).toBe(1000);
    expect(withExponent.workloads[0].pod?.annotations.map((a) => a.key)).toEqual(['k8s.aliyun.com/eci-with-eip']);
    const rules = (r: typeof plain) => r.findings.map((f) => [f.ruleId, f.span.line]);
    expect(rules(withExponent)).toEqual(rules(plain));
    expect(rules(plain).map(([rule]) => rule)).toContain('eip-cost-budget');
    expect(withExponent.findings.filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  });

  it.each([['2E+2', 200], ['1.5e1', 15], ['5e0', 5]])('replicas = %s is %d', (written, value) => {
    expect(lintTf(tf(written)).workloads[0].replicas.value).toBe(value);
  });

  it('a name with digits and an exponent-like tail stays a name', () => {
    const text = `locals {\n  web-1e3 = 4\n}\n${tf('local.web-1e3')}`;
    expect(lintTf(text).workloads[0].replicas.value).toBe(4);
  });

  it('count = 1e9 is read (not ignored): a notice that the cost rests on a billion pods', () => {
    const result = lintTf(tf('1', '1e9'));
    expect(result.workloads[0].instances?.value).toBe(1e9);
    expect(result.findings.filter((f) => f.ruleId === 'eip-invalid-value').map((f) => [f.severity, f.span.line])).toEqual([['notice', 2]]);
  });

  it.each([
    ['replicas = 3000000000', tf('3000000000'), 'spec.replicas of kubernetes_deployment_v1.web: 3000000000 is above 2,147,483,647'],
    ['replicas = 1e400', tf('1e400'), 'spec.replicas of kubernetes_deployment_v1.web: the number is too large to be a count'],
    ['replicas = 2.5', tf('2.5'), 'spec.replicas of kubernetes_deployment_v1.web: 2.5 is not a whole number'],
    ['count = 1e10', tf('1', '1e10'), 'count of kubernetes_deployment_v1.web: 10000000000 is above 2,147,483,647'],
  ])('%s: an eip-invalid-value error, no cost, no NaN', (_name, text, message) => {
    const result = lintTf(text);
    const found = result.findings.filter((f) => f.ruleId === 'eip-invalid-value');
    expect(found.map((f) => f.severity)).toEqual(['error']);
    expect(found[0].message).toContain(message);
    expect(result.cost.workloads[0].monthly).toBeUndefined();
    expect(result.files[0].unresolved ?? []).toEqual([]);
    expectFiniteJson(result);
  });
});
