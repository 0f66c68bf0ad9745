import { parseAllDocuments } from 'yaml';
import { maskScalars, multilineQuotedScalars } from '../../src/readers/kubernetes/quoted-continuations.js';
import { findingsOf, lint, only, positionOf } from '../helpers/lint.js';
import { applyEdits, read } from './helpers.js';

/**
 * YAML as Kubernetes reads it (PRODUCT.md §2): PyYAML writes long double-quoted strings with their continuation
 * lines at the key's own indentation. libyaml, go-yaml and js-yaml accept that; the `yaml` package does not.
 */

// A minimal copy of the shape of an Argo Workflow from Alibaba's examples (fine-tune-with-argo), as PyYAML dumps it.
const ARGO_WORKFLOW = [
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Workflow',
  'metadata:',
  '  name: finetune',
  'spec:',
  '  entrypoint: format-prompts',
  '  templates:',
  '    - name: format-prompts',
  '      metadata:',
  '        annotations:',
  '          k8s.aliyun.com/eci-use-specs: ecs.gn7i-c16g1.4xlarge',
  '      script:',
  '        image: registry.cn-hangzhou.aliyuncs.com/acme/finetune:v4',
  '        source: "import os\\nimport sys\\nfrom datasets\\',
  "        \\ import load_from_disk\\nformat_path =\\",
  "        \\ '{{inputs.parameters.format-path}}'\\nif os.path.exists(format_path):\\n\\",
  '        \\    sys.exit(0)\\nprint(\'\\u4EE5\\u4E0B\')"',
  '        command:',
  '          - python',
  '',
].join('\n');

const SCRIPT = "import os\nimport sys\nfrom datasets import load_from_disk\nformat_path = '{{inputs.parameters.format-path}}'\nif os.path.exists(format_path):\n    sys.exit(0)\nprint('以下')";

/** A Deployment whose env value and an annotation are written in the same style, with findings after them. */
const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: crawler',
  'spec:',
  '  template:',
  '    metadata:',
  '      annotations:',
  '        example.com/description: "fetches the rates every hour and writes them to the\\',
  '        \\ shared volume"',
  '        k8s.aliyun.com/eip-isp: BPG',
  '    spec:',
  '      containers:',
  '        - name: crawler',
  '          image: registry.cn-hangzhou.aliyuncs.com/acme/crawler:1',
  '          env:',
  '            - name: SOURCE',
  '              value: "https://api.exchangerate.host/latest?base=USD&symbols=CNY,EUR,JPY,SGD\\',
  '              &places=4"',
  '',
].join('\n');

describe('quoted scalars continued at the key indentation (PyYAML style)', () => {
  test('the `yaml` package alone rejects both texts (the case is real)', () => {
    for (const text of [ARGO_WORKFLOW, DEPLOYMENT]) {
      expect(parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : [])).length).toBeGreaterThan(0);
    }
  });

  test('the Argo Workflow is linted, not a parse-error', () => {
    const result = lint(ARGO_WORKFLOW);
    expect(findingsOf(result, 'parse-error')).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(read(ARGO_WORKFLOW).problems).toEqual([]);
  });

  test('the scalar gets the value libyaml reads: folded lines, escaped line breaks, escapes', () => {
    const scalars = multilineQuotedScalars(ARGO_WORKFLOW)!;
    expect(scalars).toHaveLength(1);
    expect(scalars[0].value).toBe(SCRIPT);
    expect(ARGO_WORKFLOW.slice(scalars[0].start, scalars[0].end)).toMatch(/^"import os.*'\)"$/s);
  });

  test('masking keeps every offset: same length, same line breaks outside the scalars', () => {
    const scalars = multilineQuotedScalars(DEPLOYMENT)!;
    const masked = maskScalars(DEPLOYMENT, scalars);
    expect(masked).toHaveLength(DEPLOYMENT.length);
    expect(masked.split('\n').length).toBe(DEPLOYMENT.split('\n').length - scalars.length);
    expect(masked).toContain('example.com/description: "xxxxxxx');
  });

  test('values, positions and evidence of a workload written that way are exact', () => {
    const workload = read(DEPLOYMENT).workloads[0];
    const description = workload.pod!.annotations.find((e) => e.key === 'example.com/description')!;
    expect(description.value).toBe('fetches the rates every hour and writes them to the shared volume');
    expect(description.valueType).toBe('string');
    expect(description.valueSpan).toMatchObject({ line: 9, column: 34, endLine: 10, endColumn: 25 });
    expect(workload.urls.map((u) => u.value)).toEqual(['https://api.exchangerate.host/latest?base=USD&symbols=CNY,EUR,JPY,SGD&places=4']);
  });

  test('a finding after such a scalar points at the right place and its fix applies', () => {
    const result = lint(DEPLOYMENT);
    expect(findingsOf(result, 'parse-error')).toEqual([]);
    const finding = only(result, 'eip-invalid-value');
    const at = positionOf(DEPLOYMENT, 'BPG');
    expect(finding.span).toMatchObject({ line: at.line, column: at.column, endColumn: at.column + 3 });
    // The fix engine re-reads the fixed text the same way, so the fix is accepted.
    const fixed = applyEdits(DEPLOYMENT, finding.fix!.edits);
    expect(fixed).toBe(DEPLOYMENT.replace('eip-isp: BPG', 'eip-isp: "BGP"'));
    expect(findingsOf(lint(fixed), 'eip-invalid-value')).toEqual([]);
    expect(findingsOf(lint(fixed), 'parse-error')).toEqual([]);
    // The URL of the env value is the evidence, and the EIP key goes in after the continued annotation.
    const missing = only(result, 'eip-missing');
    expect(missing.message).toContain('calls https://api.exchangerate.host/latest?base=USD&symbols=CNY,EUR,JPY,SGD&places=4');
    const withEip = applyEdits(DEPLOYMENT, missing.fix!.edits);
    expect(withEip).toContain('        k8s.aliyun.com/eip-isp: BPG\n        k8s.aliyun.com/eci-with-eip: "true"\n    spec:');
    expect(lint(withEip).findings.map((f) => f.ruleId)).toEqual(['eip-invalid-value']);
  });

  test('a tagged scalar elsewhere in the document does not stop the lenient reading', () => {
    const text = DEPLOYMENT.replace('spec:\n  template:', 'spec:\n  replicas: !!int "3"\n  template:');
    const result = lint(text);
    expect(findingsOf(result, 'parse-error')).toEqual([]);
    expect(read(text).workloads[0].replicas.value).toBe(3);
  });

  test('single-quoted scalars in the same style are read too', () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', "    example.com/note: 'it''s", "    fine'", '  labels:', '    alibabacloud.com/eci: true', 'spec:', '  containers: []', ''].join('\n');
    const result = lint(text);
    expect(findingsOf(result, 'parse-error')).toEqual([]);
    expect(only(result, 'eip-not-string').span).toMatchObject({ line: 9, column: 27 });
    expect(read(text).workloads[0].pod!.annotations[0].value).toBe("it's fine");
  });
});

describe('broken YAML is still a parse-error', () => {
  test('a quoted scalar that is never closed', () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', '    example.com/note: "never', '    closed', 'spec: {}', ''].join('\n');
    const finding = only(lint(text), 'parse-error');
    expect(finding.message).toContain('YAML syntax error');
    expect(finding.span.line).toBeGreaterThanOrEqual(6);
  });

  test('a PyYAML-style scalar in a document that is broken elsewhere: the error is reported, at its place', () => {
    const broken = DEPLOYMENT.replace('          env:', '          env: [unclosed');
    const finding = only(lint(broken), 'parse-error');
    expect(finding.message).toContain('YAML syntax error');
    expect(lint(broken).findings.map((f) => f.ruleId)).toEqual(['parse-error']);
  });

  test('an under-indented plain scalar (not quoted) stays an error: only the quoted style is forgiven', () => {
    const text = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  annotations:', '    example.com/note: first line', '    second line', 'spec: {}', ''].join('\n');
    expect(only(lint(text), 'parse-error').message).toContain('YAML syntax error');
  });

  test('a broken document does not hide the good ones of the same file', () => {
    const text = `${DEPLOYMENT}---\napiVersion: v1\nkind: Pod\nmetadata: {name: [x\n`;
    const result = lint(text);
    expect(findingsOf(result, 'parse-error')).toHaveLength(1);
    expect(findingsOf(result, 'eip-invalid-value')).toHaveLength(1);
  });
});
