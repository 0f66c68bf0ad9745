import type { MapEntry, MetadataBlock } from '../../model/index.js';
import { isEipKey } from '../../policy/eci-keys.js';
import { describeWorkload, podAnnotationsPath, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

/** Where a misplaced key is, with the block's path in the one parenthesis: `the object's own metadata (metadata.annotations)`. */
const LEVEL_WORDS: Record<MetadataBlock['level'], (path: string) => string> = {
  object: (path) => `the object's own metadata (${path})`,
  'job-template': (path) => `the CronJob's ${path}, the Job's metadata and not the pod's`,
  'object-annotations': (path) => `the object-level annotations (${path})`,
  pod: (path) => `the pod template (${path})`,
};

export const eipMisplaced: Rule = {
  meta: {
    id: 'eip-misplaced',
    defaultSeverity: 'error',
    docs: {
      description: 'An ECI EIP key sits where ECI never reads it.',
      url: ruleDocsUrl('eip-misplaced'),
    },
    fix: 'safe',
    fixDescription: 'move it to the pod template annotations',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    // Keys on an object without ECI pods do nothing wherever they are: eip-no-effect reports them.
    if (!workload.pod || !facts.eci.eci) return;
    const target = podAnnotationsPath(workload);
    const misplaced: { entry: MapEntry; where: string }[] = [];
    for (const block of workload.objectMetadata) {
      for (const entry of block.annotations) {
        if (isEipKey(entry.key)) misplaced.push({ entry, where: LEVEL_WORDS[block.level](`${block.path}.annotations`) });
      }
    }
    for (const block of [...workload.objectMetadata, workload.pod]) {
      for (const entry of block.labels) {
        if (isEipKey(entry.key)) misplaced.push({ entry, where: `the labels of ${block.path}: ECI reads it only as an annotation` });
      }
    }
    for (const { entry, where } of misplaced) {
      const existing = workload.pod.annotations.find((a) => a.key === entry.key);
      const base =
        `${entry.key} is in ${where}, so ECI ignores it and the pods of ${describeWorkload(workload)} get no such setting. ` +
        `ECI reads pod annotations only from ${target}.`;
      if (existing && existing.value !== entry.value) {
        context.report({
          message: `${base} ${target} already sets it to "${existing.value}"; remove one of the two.`,
          span: entry.keySpan,
        });
      } else if (existing) {
        context.report({
          message: `${base} ${target} already has the same value; remove this copy.`,
          span: entry.keySpan,
          edits: workload.editor.removeEntry(entry),
          fixDescription: `remove the copy; ${target} already has it`,
        });
      } else {
        context.report({
          message: `${base} Move it there.`,
          span: entry.keySpan,
          edits: workload.editor.moveToPodAnnotations(entry),
          fixDescription: `move to ${target}`,
        });
      }
    }
  },
};
