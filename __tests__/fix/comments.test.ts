/**
 * Comments stay (PRODUCT §9): a comment at the end of a moved key's line moves with it, in YAML (LF, CRLF, with a
 * byte order mark, through `--fix`) and in Terraform (`#` and `//`); where the new place cannot carry it (a flow map,
 * a one-line object), it stays where it was, on a line of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { prepareReaders } from '../../src/readers/index.js';
import { removeTempTrees, runCli, tempTree } from '../cli/helpers.js';
import { ALIYUN_IMAGE, crlf, deployment as namedDeployment, fixText, lines, parseDocs, yamlErrors } from './helpers.js';

afterAll(() => removeTempTrees());

const EIP = 'k8s.aliyun.com/eci-with-eip';

function deployment(meta: string[], pod: string[]): string {
  return namedDeployment('web', meta, pod);
}

interface Doc {
  metadata: { annotations?: Record<string, string> };
  spec: { template: { metadata: { annotations?: Record<string, string>; labels?: Record<string, string> } } };
}

describe('YAML', () => {
  test('a moved key takes the comment at the end of its line with it', () => {
    const text = deployment(['annotations:', '  team: shop', `  ${EIP}: "true"   # keep me`], ['metadata:', '  labels: {app: web}']);
    const { out, fixed } = fixText(text);
    expect(out.files[0].failed).toEqual([]);
    expect(fixed).toBe(
      deployment(['annotations:', '  team: shop'], ['metadata:', '  labels: {app: web}', '  annotations:', `    ${EIP}: "true" # keep me`]),
    );
  });

  test('into an existing block map, and out of a map the move empties (which goes)', () => {
    const text = deployment(['annotations:', `  ${EIP}: "true" # public IP for the webhook`], ['metadata:', '  annotations:', '    team: shop']);
    const { fixed } = fixText(text);
    expect(fixed).toBe(deployment([], ['metadata:', '  annotations:', '    team: shop', `    ${EIP}: "true" # public IP for the webhook`]));
  });

  test('from labels, with CRLF line breaks', () => {
    const text = crlf(deployment([], ['metadata:', '  labels:', '    app: web', `    ${EIP}: "true" # keep me`]));
    const { fixed } = fixText(text);
    expect(fixed).toBe(crlf(deployment([], ['metadata:', '  labels:', '    app: web', '  annotations:', `    ${EIP}: "true" # keep me`])));
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
  });

  test('into a flow map, which cannot hold a comment: the comment stays where it was, on its own line', () => {
    const text = deployment(['annotations:', '  team: shop', `  ${EIP}: "true" # keep me`], ['metadata: {labels: {app: web}}']);
    const { out, fixed } = fixText(text);
    expect(out.files[0].failed).toEqual([]);
    expect(fixed).toBe(deployment(['annotations:', '  team: shop', '  # keep me'], [`metadata: {annotations: {${EIP}: "true"}, labels: {app: web}}`]));
    expect(yamlErrors(fixed)).toEqual([]);
  });

  test('a comment that stays keeps the emptied map, as {}, so it still has a place', () => {
    const text = deployment(['annotations:', `  ${EIP}: "true" # keep me`], ['metadata: {labels: {app: web}}']);
    const { fixed } = fixText(text);
    expect(fixed).toBe(deployment(['annotations: {}', '  # keep me'], [`metadata: {annotations: {${EIP}: "true"}, labels: {app: web}}`]));
    const [doc] = parseDocs(fixed) as Doc[];
    expect(doc.metadata.annotations).toEqual({});
    expect(doc.spec.template.metadata.annotations).toEqual({ [EIP]: 'true' });
  });

  test('a `#` inside a quoted value is not a comment', () => {
    const text = deployment(['annotations:', '  team: shop', `  ${EIP}: "true"`, '  note: "a # b"'], ['metadata:', '  labels: {app: web}']);
    const { fixed } = fixText(text);
    expect(fixed).toContain(`    ${EIP}: "true"\n`);
    expect(fixed).toContain('  note: "a # b"\n');
  });

  test('--fix on a CRLF file with a byte order mark: the comment moves, the mark and the line breaks stay', async () => {
    const text = '\ufeff' + crlf(deployment(['annotations:', '  team: shop', `  ${EIP}: "true" # keep me`], ['metadata:', '  labels: {app: web}']));
    const cwd = tempTree({ 'k8s/web.yaml': text });
    const { code, stderr } = await runCli(['--fix', 'k8s'], cwd);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const written = fs.readFileSync(path.join(cwd, 'k8s/web.yaml'), 'utf8');
    expect(written).toBe(
      '\ufeff' + crlf(deployment(['annotations:', '  team: shop'], ['metadata:', '  labels: {app: web}', '  annotations:', `    ${EIP}: "true" # keep me`])),
    );
  });
});

describe('Terraform', () => {
  function tf(meta: string[], pod: string[]): string {
    return lines(
      'resource "kubernetes_deployment_v1" "web" {',
      '  metadata {',
      '    name = "web"',
      ...meta.map((l) => '    ' + l),
      '  }',
      '  spec {',
      '    template {',
      '      metadata {',
      ...pod.map((l) => '        ' + l),
      '      }',
      '      spec {',
      '        container {',
      '          name  = "web"',
      `          image = "${ALIYUN_IMAGE}"`,
      '        }',
      '      }',
      '    }',
      '  }',
      '}',
    );
  }
  const PATH = 'infra/app.tf';
  beforeAll(() => prepareReaders([PATH]));

  test.each([['#', '# keep me'], ['//', '// trailing']])('a moved element takes its `%s` comment with it', (_style, comment) => {
    const text = tf(['annotations = {', '  team = "shop"', `  "${EIP}" = "true" ${comment}`, '}'], ['labels = {', '  app = "web"', '}']);
    const { out, fixed } = fixText(text, { path: PATH });
    expect(out.files[0].failed).toEqual([]);
    expect(fixed).toBe(
      tf(['annotations = {', '  team = "shop"', '}'], ['labels = {', '  app = "web"', '}', 'annotations = {', `  "${EIP}" = "true" ${comment}`, '}']),
    );
    expect(out.result.findings).toEqual([]);
  });

  test('the map the move empties goes; the comment went with the element', () => {
    const text = tf(['annotations = {', `  "${EIP}" = "true" # keep me`, '}'], ['labels = {', '  app = "web"', '}']);
    const { fixed } = fixText(text, { path: PATH });
    expect(fixed).toBe(tf([], ['labels = {', '  app = "web"', '}', 'annotations = {', `  "${EIP}" = "true" # keep me`, '}']));
  });

  test('into a one-line object, which cannot end with a comment: the comment stays where it was', () => {
    const text = tf(['annotations = {', '  team = "shop"', `  "${EIP}" = "true" // keep me`, '}'], ['annotations = { owner = "b" }']);
    const { out, fixed } = fixText(text, { path: PATH });
    expect(out.files[0].failed).toEqual([]);
    expect(fixed).toBe(tf(['annotations = {', '  team = "shop"', '  // keep me', '}'], [`annotations = { owner = "b", "${EIP}" = "true" }`]));
  });

  test('with CRLF line breaks', () => {
    const text = crlf(tf(['annotations = {', '  team = "shop"', `  "${EIP}" = "true" # keep me`, '}'], ['labels = {', '  app = "web"', '}']));
    const { fixed } = fixText(text, { path: PATH });
    expect(fixed).toBe(
      crlf(tf(['annotations = {', '  team = "shop"', '}'], ['labels = {', '  app = "web"', '}', 'annotations = {', `  "${EIP}" = "true" # keep me`, '}'])),
    );
  });
});
