// Shared helpers for the fix tests (not a test file: jest only collects *.test.ts).
import { parseAllDocuments } from 'yaml';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources } from '../../src/engine/index.js';
import type { LintResult, SourceFile } from '../../src/model/index.js';
import { applyFixes, type FixResult } from '../../src/fix/index.js';
import { mapOffset } from '../../src/fix/edits.js';
import type { Config, Finding, TextEdit } from '../../src/model/index.js';
import type { Snapshot } from '../../src/fix/snapshot.js';

export const PATH = 'k8s/app.yaml';

export const EIP = 'k8s.aliyun.com/eci-with-eip';
export const BW = 'k8s.aliyun.com/eip-bandwidth';
export const ISP = 'k8s.aliyun.com/eip-isp';
/** An image in an Alibaba Cloud registry: no evidence of egress. */
export const ALIYUN_IMAGE = 'registry.cn-hangzhou.aliyuncs.com/acme/app:1.0';

/** A pod spec's one container, on one line. */
export const flowContainers = (image = ALIYUN_IMAGE): string[] => [`containers: [{name: app, image: "${image}"}]`];

/** A pod spec's one container, as a block sequence. */
export const blockContainers = (image: string): string[] => ['containers:', '  - name: app', `    image: ${image}`];

/**
 * A Deployment: `meta` lines go under its metadata (after `name:`), `pod` lines under spec.template, and `podSpec`
 * lines under the pod template's spec.
 */
export function deployment(name: string, meta: string[], pod: string[], podSpec = flowContainers()): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...meta.map((l) => '  ' + l),
    'spec:',
    '  template:',
    ...pod.map((l) => '    ' + l),
    '    spec:',
    ...podSpec.map((l) => '      ' + l),
  );
}

export function config(overrides: Partial<Config> = {}): Config {
  return { ...defaultConfig(), ...overrides };
}

export interface Fixed {
  before: LintResult;
  out: FixResult;
  /** The fixed text of the one file. */
  fixed: string;
}

/** Lints one text, applies its fixes and returns the result. */
export function fixText(text: string, options: { config?: Partial<Config>; unsafe?: string[]; path?: string; maxPasses?: number } = {}): Fixed {
  const sources: SourceFile[] = [{ path: options.path ?? PATH, text }];
  const cfg = config(options.config);
  const before = lintSources(sources, { config: cfg });
  const out = applyFixes(sources, before.findings, { config: cfg, unsafeRules: options.unsafe, maxPasses: options.maxPasses });
  const file = out.files.find((f) => f.path === (options.path ?? PATH));
  return { before, out, fixed: file?.fixed ?? text };
}

/** The lint of the texts (path → text) with the default config, as the fix engine's passes see it. */
export function snapshot(texts: Record<string, string>): Snapshot {
  const sources: SourceFile[] = Object.entries(texts).map(([path, text]) => ({ path, text }));
  return { result: lintSources(sources, { config: config() }), text: (file) => texts[file] ?? '' };
}

/** The YAML errors of a text (duplicate keys included), as `yaml` reports them. */
export function yamlErrors(text: string): string[] {
  return parseAllDocuments(text, { uniqueKeys: true }).flatMap((doc) => doc.errors.map((e) => e.message));
}

/** Every document of a YAML stream as plain JS (YAML 1.2 core schema; `merge: true` reads `<<` as YAML 1.1 does). */
export function parseDocs(text: string, options: { merge?: boolean } = {}): unknown[] {
  return parseAllDocuments(text, { uniqueKeys: true, ...options }).map((doc) => doc.toJS());
}

/**
 * The 1-based lines of `before` that the edits touch. A line is touched when an edit replaces any of its characters or
 * inserts text inside it or at its end (an insertion at the very start of a line, before it, leaves it alone).
 */
export function touchedLines(before: string, edits: readonly TextEdit[]): number[] {
  const touched: number[] = [];
  let lineStart = 0;
  for (let line = 1; lineStart < before.length; line++) {
    const nl = before.indexOf('\n', lineStart);
    const contentEnd = nl === -1 ? before.length : nl + (before[nl - 1] === '\r' ? -1 : 0);
    const lineEnd = nl === -1 ? before.length : nl + 1;
    if (edits.some((e) => (e.start === e.end ? e.start > lineStart && e.start <= contentEnd : e.start < lineEnd && e.end > lineStart))) {
      touched.push(line);
    }
    lineStart = lineEnd;
  }
  return touched;
}

/**
 * Checks, line by line, that every line of `before` that the edits do not touch is in `after` byte for byte (line break
 * included) where the edits moved it, and returns the touched lines.
 */
export function expectUntouchedLinesIdentical(before: string, after: string, edits: readonly TextEdit[]): number[] {
  const touched = new Set(touchedLines(before, edits));
  let lineStart = 0;
  for (let line = 1; lineStart < before.length; line++) {
    const nl = before.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? before.length : nl + 1;
    if (!touched.has(line)) {
      const at = mapOffset(lineStart, edits);
      const moved = after.slice(at, at + (lineEnd - lineStart));
      if (moved !== before.slice(lineStart, lineEnd)) {
        throw new Error(`line ${line} changed: ${JSON.stringify(before.slice(lineStart, lineEnd))} → ${JSON.stringify(moved)}`);
      }
    }
    lineStart = lineEnd;
  }
  return [...touched];
}

export function ofRule(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

/** Windows line breaks. */
export const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');

/** Doubles every leading indentation: an indent-2 file becomes an indent-4 file. */
export const indent4 = (text: string) => text.replace(/^( +)/gm, '$1$1');

export function lines(...l: string[]): string {
  return l.join('\n') + '\n';
}
