import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LintResult, Severity } from '../model/index.js';
import { RULES } from '../rules/index.js';
import { HOMEPAGE, TOOL_NAME, TOOL_VERSION } from '../version.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
const INFORMATION_URI = HOMEPAGE;

/** SARIF 2.1.0, as GitHub code scanning accepts it. */
export function sarifReport(result: LintResult, root?: string): string {
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: r.meta.docs.description },
    fullDescription: { text: r.meta.docs.description },
    help: {
      text: `${r.meta.docs.description}${r.meta.fixDescription ? ` Fix: ${r.meta.fixDescription}.` : ''} See docs/rules/${r.meta.id}.md.`,
      markdown: `${r.meta.docs.description}${r.meta.fixDescription ? ` **Fix:** ${r.meta.fixDescription}.` : ''} See [docs/rules/${r.meta.id}.md](${r.meta.docs.url}).`,
    },
    helpUri: r.meta.docs.url,
    defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = result.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
          region: { startLine: f.span.line, startColumn: f.span.column, endLine: f.span.endLine, endColumn: f.span.endColumn },
        },
      },
    ],
    partialFingerprints: {
      // Stable across line moves: the rule, the file, the workload and the message.
      'eciEgressLint/v1': createHash('sha256')
        .update([f.ruleId, f.file, f.workload?.kind, f.workload?.namespace, f.workload?.name, f.message].join('\u0000'))
        .digest('hex'),
    },
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, semanticVersion: TOOL_VERSION, informationUri: INFORMATION_URI, rules } },
        // Columns count UTF-16 code units (the engine's offsets); said outright rather than left to a default.
        columnKind: 'utf16CodeUnits',
        // %SRCROOT% is the repository root, which every uri is relative to whatever the working directory; SARIF
        // allows only an absolute URI here. Without a root (a report made from findings alone) the consumer supplies it.
        ...(root === undefined ? {} : { originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(root.endsWith(path.sep) ? root : root + path.sep).href } } }),
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
