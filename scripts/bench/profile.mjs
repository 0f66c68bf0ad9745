// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the
// inclusive time of the engine's phases. Functions are named by the bundle's line numbers and, for the
// project's own code and the ES-module dependencies that ncc concatenates, by their source module.

import fs from 'node:fs';

/** The ncc bundle's `// CONCATENATED MODULE: ./path` comments: line → module path. */
function bundleModules(bundleFile) {
  const marks = [];
  if (!bundleFile || !fs.existsSync(bundleFile)) return marks;
  const lines = fs.readFileSync(bundleFile, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const concatenated = /CONCATENATED MODULE: (\S+)/.exec(line);
    if (concatenated) marks.push({ line: i, module: concatenated[1].replace(/^\.\//, '') });
    else if (/^\/\*\*\*\/ \d+:$/.test(line)) marks.push({ line: i, module: `CommonJS module ${line.slice(6, -1)}`, exports: [] });
    else if (marks.at(-1)?.exports) {
      // ncc keeps no paths for CommonJS modules; what they export names them well enough (e.g. yaml's Parser).
      const exported = /^exports\.([A-Za-z_$][\w$]*) = (?!void 0)/.exec(line);
      if (exported && marks.at(-1).exports.length < 3) marks.at(-1).exports.push(exported[1]);
    }
  });
  for (const mark of marks) {
    if (mark.exports?.length) mark.module += ` exporting ${mark.exports.join(', ')}`;
  }
  return marks;
}

function moduleAt(marks, line) {
  let lo = 0;
  let hi = marks.length - 1;
  let found;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid].line <= line) {
      found = marks[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.module;
}

/** Phases of a scan: a label and the functions (as V8 names them in the bundle) whose inclusive time it is. */
export const PHASES = [
  ['loadConfig', ['loadConfig']],
  ['discoverFiles', ['discoverFiles']],
  ['readTextFile', ['readTextFile']],
  ['readKubernetesYaml', ['readKubernetesYaml']],
  ['  templateMarkerLine', ['templateMarkerLine']],
  ['  splitDocuments', ['splitDocuments']],
  ['  documentCanMatter', ['documentCanMatter']],
  ['  looksValid (js-yaml)', ['looksValid', 'loadAll$1', 'loadAll']],
  ['  parseAllDocuments', ['parseAllDocuments']],
  ['  ObjectReader', ['readRoot']],
  ['commentIgnores', ['commentIgnores']],
  ['linkAutoscalers', ['linkAutoscalers']],
  ['workloadFacts', ['workloadFacts']],
  ['rules (check)', ['check']],
  ['findSuppression', ['findSuppression']],
  ['formatReport', ['formatReport']],
  ['(garbage collector)', ['(garbage collector)']],
];

/**
 * @returns {{ totalMs, top: {name, where, selfMs}[], phases: {name, ms}[] }}
 */
export function summarizeProfile(profileFile, { bundleFile, top = 20 } = {}) {
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const marks = bundleModules(bundleFile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  let totalUs = 0;
  for (const v of selfUs.values()) totalUs += v;

  const label = (node) => {
    const f = node.callFrame;
    const name = f.functionName || '(anonymous)';
    if (!f.url) return { name, where: '' };
    const file = f.url.replace(/^file:\/\//, '');
    let where = `${file.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    if (bundleFile && file.endsWith(bundleFile.split('/').slice(-2).join('/'))) {
      const module = moduleAt(marks, f.lineNumber);
      if (module) where += ` (${module})`;
    }
    return { name, where };
  };

  // Self time by function.
  const self = new Map();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { name, where } = label(node);
    const key = `${name}\u0000${where}`;
    const entry = self.get(key) ?? { name, where, selfMs: 0 };
    entry.selfMs += us / 1000;
    self.set(key, entry);
  }
  const topList = [...self.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);

  // Inclusive time of the phases (a function counted once per sample, even when recursive).
  const phaseOf = new Map();
  PHASES.forEach(([, names], i) => names.forEach((n) => phaseOf.set(n, i)));
  const phaseMs = PHASES.map(() => 0);
  const stack = [];
  const visit = (node) => {
    const phase = phaseOf.get(node.callFrame.functionName);
    if (phase !== undefined) stack.push(phase);
    const us = selfUs.get(node.id) ?? 0;
    if (us > 0) for (const p of new Set(stack)) phaseMs[p] += us / 1000;
    for (const child of node.children ?? []) visit(byId.get(child));
    if (phase !== undefined) stack.pop();
  };
  visit(profile.nodes[0]);
  return { totalMs: totalUs / 1000, top: topList, phases: PHASES.map(([name], i) => ({ name, ms: phaseMs[i] })) };
}
