// The reader skips composing documents whose kind cannot hold pods (documents.ts) and only screens their
// syntax with js-yaml (syntax-screen.ts). That shortcut must never change what the linter reports: these
// tests lint the same files with `everyDocument: true` (compose every document) and without, and compare.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult, SourceFile } from '../../src/model/index.js';
import { decodeText } from '../../src/files/read.js';
import { readKubernetesYaml } from '../../src/readers/kubernetes/index.js';
import { looksValid } from '../../src/readers/kubernetes/syntax-screen.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtureDir = path.resolve(here, '../fixtures/readers');
const corpusDir = path.resolve(process.cwd(), '../shared/corpus');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name);
    if (item.isDirectory()) out.push(...yamlFiles(full));
    else if (item.isFile() && /\.ya?ml$/.test(item.name)) out.push(full);
  }
  return out.sort();
}

function sources(dir: string): SourceFile[] {
  return yamlFiles(dir).map((file) => {
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const outcome = decodeText(fs.readFileSync(file));
    return 'text' in outcome ? { path: rel, text: outcome.text } : { path: rel, skip: outcome.skip };
  });
}

/** What a user sees of a finding: rule, file, position and message. */
const shown = (result: LintResult) =>
  result.findings.map((f) => JSON.stringify({ ruleId: f.ruleId, file: f.file, span: f.span, message: f.message }));
const shownSuppressed = (result: LintResult) =>
  result.suppressed.map((s) => JSON.stringify({ ruleId: s.finding.ruleId, file: s.finding.file, span: s.finding.span, reason: s.reason }));

function lintBoth(files: SourceFile[]): { shortcut: LintResult; full: LintResult } {
  return {
    shortcut: lintSources(files, { config: defaultConfig() }),
    full: lintSources(files, { config: defaultConfig(), everyDocument: true }),
  };
}

describe('shortcut equivalence on the reader fixtures', () => {
  const files = sources(fixtureDir);
  const { shortcut, full } = lintBoth(files);

  test('the fixtures are there and produce many kinds of findings, parse errors included', () => {
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(['mixed-kinds.yaml', 'shortcut-quirks.yaml', 'directives.yaml']));
    const rules = new Set(full.findings.map((f) => f.ruleId));
    for (const rule of ['parse-error', 'eip-misplaced', 'eip-missing', 'eip-no-effect', 'eip-not-string', 'eip-invalid-value', 'eip-shared-instance']) {
      expect([rule, rules.has(rule)]).toEqual([rule, true]);
    }
    expect(full.findings.filter((f) => f.ruleId === 'parse-error').length).toBeGreaterThanOrEqual(4);
  });

  test('findings, suppressions, file statuses and workloads are identical with and without everyDocument', () => {
    expect(shown(shortcut)).toEqual(shown(full));
    expect(shownSuppressed(shortcut)).toEqual(shownSuppressed(full));
    expect(shortcut.files).toEqual(full.files);
    expect(shortcut.workloads.map((w) => `${w.file}:${w.kind}/${w.name}`)).toEqual(full.workloads.map((w) => `${w.file}:${w.kind}/${w.name}`));
  });

  test('each document the shortcut once missed is read', () => {
    const names = shortcut.workloads.map((w) => w.name);
    for (const name of ['after-end-marker', 'flow-template', 'quoted-template-key', 'in-a-continued-kind', 'after-directive']) {
      expect([name, names.includes(name)]).toEqual([name, true]);
    }
    expect(shortcut.findings.some((f) => f.file === 'shortcut-quirks.yaml' && /alias bomb/.test(f.message))).toBe(true);
  });

  test('per file, the read results are identical too (not only the findings)', () => {
    for (const file of files) {
      if (file.text === undefined) continue;
      const strip = (everyDocument: boolean) => {
        const result = readKubernetesYaml(file.path, file.text!, { everyDocument });
        return { ...result, workloads: result.workloads.map(({ editor: _editor, ...w }) => w) };
      };
      expect([file.path, strip(false)]).toEqual([file.path, strip(true)]);
    }
  });
});

/**
 * Files of the corpus where the two modes once differed because js-yaml accepts what `yaml` rejects: both are
 * CustomResourceDefinitions written by controller-gen with a single-quoted description continued on lines
 * indented only as deep as its key. YAML 1.2 wants continuation lines indented deeper than the key (`yaml` says
 * "Missing closing 'quote"); js-yaml, like kubectl's go-yaml, accepts them. The full parse now reads such quoted
 * scalars as Kubernetes does (readers/kubernetes/quoted-continuations.ts), so the modes agree there too.
 */
const PARSER_DISAGREEMENTS = [
  'AliyunContainerService__data-on-ack/ai-dashboard/backend/src/main/resources/crd/alluxioruntime.yaml',
  'AliyunContainerService__data-on-ack/ai-dashboard/backend/src/main/resources/crd/dataset.yaml',
];

const describeCorpus = fs.existsSync(corpusDir) ? describe : describe.skip;

describeCorpus('shortcut equivalence on ../shared/corpus', () => {
  let files: SourceFile[] = [];
  let shortcut: LintResult;
  let full: LintResult;

  beforeAll(() => {
    files = sources(corpusDir);
    ({ shortcut, full } = lintBoth(files));
  }, 120_000);

  test('the corpus has YAML files', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  test('identical findings and suppressions in every file', () => {
    expect(shown(shortcut)).toEqual(shown(full));
    expect(shownSuppressed(shortcut)).toEqual(shownSuppressed(full));
    expect(shortcut.files).toEqual(full.files);
  });

  test('the files of the old parser disagreement are read without a parse-error in both modes', () => {
    for (const file of PARSER_DISAGREEMENTS) {
      const source = files.find((f) => f.path === file);
      if (!source?.text) continue; // the corpus changed: nothing to compare
      expect(looksValid(source.text)).toBe(true);
      for (const result of [shortcut, full]) {
        expect(result.findings.filter((f) => f.file === file && f.ruleId === 'parse-error')).toEqual([]);
      }
    }
  });
});
