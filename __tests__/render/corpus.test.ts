/**
 * Over the real-world corpus (`../shared/corpus` beside the repository; skipped when absent, and says so): every
 * chart and overlay either renders with the real tools or is one skipped-file notice with the tool's reason; none
 * crashes the run, and nothing rendered is reported as a parse error.
 */
import { describe, expect, it, jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources, renderSources, sourcesFromPaths } from '../../src/engine/index.js';
import { prepareReaders } from '../../src/readers/index.js';
import { realTools } from './tools.js';

const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`render corpus test skipped: ${CORPUS} is absent`);

jest.setTimeout(600_000);

(present ? describe : describe.skip)('charts and overlays of the corpus', () => {
  it('each renders or is skipped with the tool’s reason; none crashes; no parse error in rendered output', async () => {
    const tools = realTools();
    const config = defaultConfig();
    config.render = { ...config.render, helm: tools.helm, kustomize: tools.kubectl };
    const sources = sourcesFromPaths(CORPUS, ['.'], config);
    await prepareReaders(sources);
    const rendered = await renderSources(CORPUS, sources, config);
    const result = lintSources(sources, { config, rendered });

    const units = new Map<string, 'rendered' | 'skipped'>();
    for (const file of result.files) {
      const match = /^(?:rendered with|(?=the))(?: )?(?:the )?(chart|overlay) (.+?)(?: was not rendered)?$/.exec(file.reason ?? '');
      if (match) units.set(`${match[1]} ${match[2]}`, file.status === 'scanned' ? 'rendered' : 'skipped');
    }
    const count = (kind: string, status: string) => [...units].filter(([k, s]) => k.startsWith(kind) && s === status).length;
    const skips = rendered.skipped.map((s) => `${s.file}:${s.line} ${s.message}`);
    console.log(
      [
        `charts: ${count('chart', 'rendered')} rendered, ${count('chart', 'skipped')} skipped`,
        `overlays: ${count('overlay', 'rendered')} rendered, ${count('overlay', 'skipped')} skipped`,
        `rendered documents: ${rendered.documents.length}`,
        ...skips,
      ].join('\n'),
    );

    // Every skip says why, in the tool's words or ours, and names a file of the corpus.
    for (const skip of rendered.skipped) {
      expect(skip.message).toMatch(/^(?:Chart|Overlay) not rendered/);
      expect(fs.existsSync(path.join(CORPUS, skip.file))).toBe(true);
    }
    // Nothing rendered is a parse error: the tools' output is valid YAML.
    const used = new Set(rendered.used.keys());
    expect(result.findings.filter((f) => f.ruleId === 'parse-error' && used.has(f.file))).toEqual([]);
    expect(units.size).toBeGreaterThan(0);
  });
});
