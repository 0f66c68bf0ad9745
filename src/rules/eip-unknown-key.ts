import { guessEipKey } from '../policy/key-typos.js';
import type { Rule, RuleContext } from './rule.js';
import { metadataBlocks } from '../model/index.js';

export const eipUnknownKey: Rule = {
  meta: {
    id: 'eip-unknown-key',
    defaultSeverity: 'warning',
    description: 'A key that looks like an ECI EIP key but is not one, so ECI ignores it.',
    fix: 'safe',
    fixDescription: 'rename it to the ECI key',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    const blocks = metadataBlocks(workload);
    for (const block of blocks) {
      for (const entry of block.annotations) {
        const guess = guessEipKey(entry.key);
        if (!guess) continue;
        // Look-alikes are right for other add-ons (Terway on ECS nodes); only on an ECI pod are they a mistake.
        if (guess.kind === 'look-alike' && !facts.eci.eci) continue;
        const why =
          guess.kind === 'look-alike'
            ? `${entry.key} belongs to another network add-on (Terway / ACS), not to ECI`
            : `${entry.key} is not an ECI key`;
        const taken = block.annotations.some((a) => a.key === guess.meant);
        context.report({
          message:
            `${why}; ECI ignores it. Did you mean ${guess.meant}?` +
            (taken ? ` (${block.path}.annotations already has ${guess.meant}; remove one.)` : ''),
          span: entry.keySpan,
          edits: taken ? undefined : workload.editor.renameKey(entry, guess.meant),
          fixDescription: taken ? undefined : `rename to ${guess.meant}`,
        });
      }
    }
    // An EIP argument its Terraform resource type does not have: not ignored but rejected, so an error.
    for (const rejected of workload.rejectedArguments ?? []) {
      context.report({ message: `${rejected.why}.`, span: rejected.span, severity: 'error' });
    }
  },
};
