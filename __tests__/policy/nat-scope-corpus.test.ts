/**
 * Over the real-world corpus (`../shared/corpus` beside the repository; skipped when absent): each top folder is
 * one repository, and a NAT fact of one repository must never decide for a workload of another, neither to report
 * its EIP as redundant nor to keep eip-missing quiet.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultConfig } from '../../src/config/defaults.js';
import { lintSources, sourcesFromPaths } from '../../src/engine/index.js';
import type { LintResult } from '../../src/model/index.js';
import { prepareReaders } from '../../src/readers/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const present = fs.existsSync(CORPUS);

/** The repository (top folder of the corpus) of a path relative to the repository root. */
function repository(file: string): string {
  return path.relative(CORPUS, path.resolve(ROOT, file)).split(path.sep)[0];
}

let result: LintResult;

(present ? describe : describe.skip)('NAT scope over the corpus', () => {
  beforeAll(async () => {
    const config = defaultConfig();
    const sources = sourcesFromPaths(ROOT, [CORPUS], config, true);
    await prepareReaders(sources);
    result = lintSources(sources, { config });
  });

  it('no eip-redundant rests on another repository\'s NAT gateway', () => {
    const redundant = result.findings.filter((f) => f.ruleId === 'eip-redundant');
    for (const finding of redundant) {
      const decision = result.natDecisions.find((d) => d.workload.file === finding.file && d.workload.name === finding.workload?.name);
      expect(decision).toBeDefined();
      const by = decision!.nat.decidedBy;
      if (typeof by === 'object') expect([finding.file, repository(by.file)]).toEqual([finding.file, repository(finding.file)]);
    }
  });

  it('no workload\'s NAT decision rests on another repository\'s NAT fact', () => {
    const crossing = result.natDecisions
      .filter((d) => typeof d.nat.decidedBy === 'object')
      .filter((d) => typeof d.nat.decidedBy === 'object' && repository(d.nat.decidedBy.file) !== repository(d.workload.file))
      .map((d) => `${d.workload.file}: ${(d.nat.decidedBy as { file: string }).file}`);
    expect(crossing).toEqual([]);
    // The corpus holds NAT facts in several repositories, so the manifests' decision is not taken from any one of them.
    expect(result.nat.decidedBy).toBe('several');
  });
});
