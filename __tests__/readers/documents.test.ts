import { parseAllDocuments } from 'yaml';
import { documentCanMatter, splitDocuments } from '../../src/readers/kubernetes/documents.js';

/** The number of documents `yaml` itself finds in a text. */
function yamlDocumentCount(text: string): number {
  const docs = parseAllDocuments(text);
  return 'empty' in docs ? 0 : docs.length;
}

describe('splitDocuments', () => {
  test('a text without markers is one chunk at offset 0', () => {
    expect(splitDocuments('kind: Pod\n')).toEqual([{ start: 0, text: 'kind: Pod\n' }]);
  });

  test('the empty text is one empty chunk', () => {
    expect(splitDocuments('')).toEqual([{ start: 0, text: '' }]);
  });

  test('chunks start at their `---` line and keep exact offsets', () => {
    const text = 'a: 1\n---\nb: 2\n---\nc: 3\n';
    const chunks = splitDocuments(text);
    expect(chunks).toEqual([
      { start: 0, text: 'a: 1\n' },
      { start: 5, text: '---\nb: 2\n' },
      { start: 14, text: '---\nc: 3\n' },
    ]);
    for (const chunk of chunks) expect(text.slice(chunk.start, chunk.start + chunk.text.length)).toBe(chunk.text);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
  });

  test('a leading `---` does not make an empty first chunk', () => {
    expect(splitDocuments('---\na: 1\n')).toEqual([{ start: 0, text: '---\na: 1\n' }]);
  });

  test('`---` followed by a comment or content on the same line still starts a document', () => {
    const text = 'a: 1\n--- # second\nb: 2\n--- !!map\nc: 3\n---\t\nd: 4\n';
    expect(splitDocuments(text).map((c) => c.start)).toEqual([0, 5, 23, 38]);
    expect(yamlDocumentCount(text)).toBe(4);
  });

  test('`----` or `---x` at column 0 is content, not a marker', () => {
    const text = 'a: |\n  x\n----: 1\n---x: 2\n';
    expect(splitDocuments(text)).toHaveLength(1);
  });

  test('`...` ends a chunk after its line, so a bare document after it gets its own chunk', () => {
    const text = 'a: 1\n... # end\nb: 2\n---\nc: 3\n...\n';
    expect(splitDocuments(text)).toEqual([
      { start: 0, text: 'a: 1\n... # end\n' },
      { start: 15, text: 'b: 2\n' },
      { start: 20, text: '---\nc: 3\n...\n' },
    ]);
    expect(yamlDocumentCount(text)).toBe(3);
  });

  test('`...` at the very end without a line break closes the last chunk', () => {
    expect(splitDocuments('a: 1\n...')).toEqual([{ start: 0, text: 'a: 1\n...' }]);
  });

  test('a stream with a directive stays whole (a directive binds to the next document)', () => {
    const text = '%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb: 2\n';
    expect(splitDocuments(text)).toEqual([{ start: 0, text }]);
  });

  test('a `---` line inside a block scalar cannot exist at column 0: indented it is content, at column 0 it ends the document', () => {
    // Block scalar content is indented deeper than its key, so an indented `---` belongs to the scalar …
    const indented = 'data:\n  script: |\n    echo start\n    ---\n    echo end\nkind: ConfigMap\n';
    expect(splitDocuments(indented)).toHaveLength(1);
    expect(yamlDocumentCount(indented)).toBe(1);
    // … and a `---` at column 0 ends the scalar and the document, for `yaml` as for the split.
    const atColumn0 = 'data:\n  script: |\n    echo start\n---\nkind: ConfigMap\n';
    expect(splitDocuments(atColumn0).map((c) => c.start)).toEqual([0, 33]);
    expect(yamlDocumentCount(atColumn0)).toBe(2);
    const docs = parseAllDocuments(atColumn0);
    expect('empty' in docs ? [] : docs.map((d) => d.toJS())).toEqual([
      { data: { script: 'echo start\n' } },
      { kind: 'ConfigMap' },
    ]);
  });

  test('CRLF markers split like LF markers', () => {
    const text = 'a: 1\r\n---\r\nb: 2\r\n...\r\nc: 3\r\n';
    expect(splitDocuments(text)).toEqual([
      { start: 0, text: 'a: 1\r\n' },
      { start: 6, text: '---\r\nb: 2\r\n...\r\n' },
      { start: 22, text: 'c: 3\r\n' },
    ]);
  });
});

describe('documentCanMatter', () => {
  const doc = (kind: string, body = 'metadata:\n  name: x\n') => `apiVersion: v1\nkind: ${kind}\n${body}`;

  test('kinds that never hold pods do not matter', () => {
    expect(documentCanMatter(doc('CustomResourceDefinition', 'spec:\n  versions:\n    - name: v1\n'))).toBe(false);
    expect(documentCanMatter(doc('Role', 'rules: []\n'))).toBe(false);
    expect(documentCanMatter(doc('ClusterRoleBinding', 'subjects: []\n'))).toBe(false);
    expect(documentCanMatter(doc('Service', 'spec:\n  ports:\n    - port: 80\n'))).toBe(false);
    expect(documentCanMatter(doc('ConfigMap', 'data:\n  LOG_LEVEL: info\n'))).toBe(false);
  });

  test('even a CRD whose schema mentions `template:` does not matter', () => {
    const crd = doc('CustomResourceDefinition', 'spec:\n  versions:\n    - schema:\n        properties:\n          template:\n            type: object\n');
    expect(documentCanMatter(crd)).toBe(false);
  });

  test('any Alibaba Cloud or linter text makes any kind matter', () => {
    expect(documentCanMatter(doc('ConfigMap', 'metadata:\n  annotations:\n    k8s.aliyun.com/eci-with-eip: "true"\n'))).toBe(true);
    expect(documentCanMatter(doc('Service', 'metadata:\n  labels:\n    alibabacloud.com/eci: "true"\n'))).toBe(true);
    expect(documentCanMatter(doc('Service', 'metadata:\n  annotations:\n    eci-egress-lint/ignore: eip-no-effect\n'))).toBe(true);
    expect(documentCanMatter(doc('ConfigMap', 'metadata:\n  name: eci-profile\n  namespace: kube-system\n'))).toBe(true);
  });

  test('pod-bearing kinds with a template matter', () => {
    const withTemplate = 'spec:\n  template:\n    spec:\n      containers: []\n';
    for (const kind of ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job']) {
      expect(documentCanMatter(doc(kind, withTemplate))).toBe(true);
    }
    expect(documentCanMatter(doc('CronJob', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {}\n'))).toBe(true);
  });

  test('Pod, PodTemplate, Namespace, HorizontalPodAutoscaler and lists always matter', () => {
    expect(documentCanMatter(doc('Pod', 'spec:\n  containers: []\n'))).toBe(true);
    expect(documentCanMatter(doc('PodTemplate'))).toBe(true);
    expect(documentCanMatter(doc('Namespace'))).toBe(true);
    expect(documentCanMatter(doc('HorizontalPodAutoscaler', 'spec:\n  maxReplicas: 3\n'))).toBe(true);
    expect(documentCanMatter(doc('List', 'items: []\n'))).toBe(true);
    expect(documentCanMatter(doc('DeploymentList', 'items: []\n'))).toBe(true);
  });

  test('an unknown kind matters only when it has a template', () => {
    expect(documentCanMatter(doc('CloneSet', 'spec:\n  template:\n    spec: {}\n'))).toBe(true);
    expect(documentCanMatter(doc('Rollout', 'spec:\n  template:\n    spec: {}\n'))).toBe(true);
    expect(documentCanMatter(doc('Widget', 'spec:\n  size: 3\n'))).toBe(false);
  });

  test('a template written in flow style or with a quoted key still counts', () => {
    expect(documentCanMatter(doc('Deployment', 'spec: {template: {spec: {containers: []}}}\n'))).toBe(true);
    expect(documentCanMatter(doc('Deployment', 'spec:\n  "template":\n    spec: {}\n'))).toBe(true);
  });

  test('a document without a top-level `kind:` line matters unless it is blank', () => {
    expect(documentCanMatter('{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "x"}}\n')).toBe(true);
    expect(documentCanMatter('{kind: Role, metadata: {name: x}}\n')).toBe(true);
    expect(documentCanMatter('- a\n- b\n')).toBe(true);
    expect(documentCanMatter('---\n# only a comment\n\n')).toBe(false);
    expect(documentCanMatter('')).toBe(false);
  });

  test('quoted kinds and trailing comments are read; tags and anchors make the kind unknown (so it matters)', () => {
    expect(documentCanMatter('kind: "Service"\n')).toBe(false);
    expect(documentCanMatter("kind: 'Role' # rbac\n")).toBe(false);
    expect(documentCanMatter('kind: !!str Service\n')).toBe(true);
    expect(documentCanMatter('kind: &k Service\n')).toBe(true);
  });

  test('a kind continued on an indented line is not the kind on the first line', () => {
    // `kind: Service` + `  List` is the plain scalar "Service List": a list, which may hold pods.
    expect(documentCanMatter('kind: Service\n  List\nitems: []\n')).toBe(true);
    expect(documentCanMatter('kind: Service\r\n  List\r\nitems: []\r\n')).toBe(true);
    // An indented comment below the kind is not a continuation.
    expect(documentCanMatter('kind: Service\n  # a comment\nspec: {}\n')).toBe(false);
  });

  test('a whole stream kept for its directives matters', () => {
    expect(documentCanMatter('%YAML 1.2\n---\nkind: Service\n...\n%YAML 1.2\n---\nkind: Deployment\n')).toBe(true);
  });
});
