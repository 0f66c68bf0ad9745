/**
 * Every YAML 1.1 bool spelling of `eci-with-eip`, through `--fix`: the true words become "true" and the false words
 * "false" (never the opposite), and a spelling YAML 1.1 does not read as a bool (`yEs`) is left alone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';
import { lines, parseDocs } from './helpers.js';

afterAll(() => removeTempTrees());

const EIP = 'k8s.aliyun.com/eci-with-eip';
const IMAGE = 'registry.cn-hangzhou.aliyuncs.com/acme/app:1.0';

/** go-yaml (YAML 1.1) reads these as bools: each word in lower case, capitalised or upper case. */
const TRUE_WORDS = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE_WORDS = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];
/** Mixed case is not a bool in YAML 1.1: a string, which eip-invalid-value judges instead. */
const NOT_BOOLS = ['yEs', 'tRUE', 'oN', 'nO'];

function pod(name: string, value: string): string {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    `    ${EIP}: ${value}`,
    'spec:',
    `  containers: [{name: app, image: "${IMAGE}"}]`,
  );
}

interface Report {
  findings: { ruleId: string; workload?: { name: string } }[];
  fixes: { ruleId: string; status: string; line: number }[];
}

async function fixAll(words: readonly string[]): Promise<{ written: Record<string, unknown>; report: Report; code: number }> {
  const text = words.map((w, i) => pod(`p${i}`, w)).join('---\n');
  const cwd = tempTree({ 'k8s/pods.yaml': text });
  const { code, stdout, stderr } = await runCli(['--fix', '--format', 'json', 'k8s'], cwd);
  expect(stderr).toBe('');
  const docs = parseDocs(fs.readFileSync(path.join(cwd, 'k8s/pods.yaml'), 'utf8')) as { metadata: { name: string; annotations: Record<string, unknown> } }[];
  const written = Object.fromEntries(docs.map((d, i) => [words[i], d.metadata.annotations[EIP]]));
  return { written, report: JSON.parse(stdout) as Report, code };
}

test.each([
  ['true', TRUE_WORDS],
  ['false', FALSE_WORDS],
])('every YAML 1.1 spelling of %s is written as that string', async (meant, words) => {
  const { written, report, code } = await fixAll(words);
  expect(written).toEqual(Object.fromEntries(words.map((w) => [w, meant])));
  expect(report.fixes.filter((f) => f.status === 'fixed').map((f) => f.ruleId)).toEqual(words.map(() => 'eip-not-string'));
  expect(report.findings).toEqual([]);
  expect(code).toBe(0);
});

test('a mixed-case word is a string to Kubernetes: not quoted as a bool, reported as an invalid value instead', async () => {
  const { written, report } = await fixAll(NOT_BOOLS);
  // A string that is not "true" or "false": eip-invalid-value, whose fix writes the value meant.
  expect(report.fixes.map((f) => [f.ruleId, f.status])).toEqual(NOT_BOOLS.map(() => ['eip-invalid-value', 'fixed']));
  expect(written).toEqual({ yEs: 'true', tRUE: 'true', oN: 'true', nO: 'false' });
  expect(report.findings).toEqual([]);
});
