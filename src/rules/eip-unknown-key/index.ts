import { CONTROLLER_ONLY_KEYS } from '../../policy/eci-keys.js';
import { guessEipKey } from '../../policy/key-typos.js';
import { describeWorkload, ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';
import { metadataBlocks, type MapEntry } from '../../model/index.js';

export const eipUnknownKey: Rule = {
  meta: {
    id: 'eip-unknown-key',
    defaultSeverity: 'warning',
    docs: {
      description: 'A key that looks like an ECI EIP key but is not one, so ECI ignores it.',
      url: ruleDocsUrl('eip-unknown-key'),
    },
    fix: 'safe',
    fixDescription: 'rename it to the ECI key (typos and legacy aliases only)',
    appliesTo: ['kubernetes', 'terraform'],
  },
  check(context: RuleContext) {
    const { workload, facts } = context;
    const blocks = metadataBlocks(workload);
    for (const block of blocks) {
      for (const entry of block.annotations) {
        const controllerOnly = CONTROLLER_ONLY_KEYS[entry.key];
        if (controllerOnly !== undefined) {
          // Right for pods on ECS nodes, where ack-extend-network-controller reads it; only on an ECI pod is it dead.
          if (facts.eci.eci) reportControllerOnly(context, entry, controllerOnly);
          continue;
        }
        const guess = guessEipKey(entry.key);
        if (!guess) continue;
        // Look-alikes are right for other add-ons (pods on ECS nodes); only on an ECI pod are they a mistake.
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

/**
 * A real key of ack-extend-network-controller: not a typo, so no rename (the ECI key with the closest name means
 * something else); removing it is the user's call, as the same manifest may also serve pods on ECS nodes.
 */
function reportControllerOnly(context: RuleContext, entry: MapEntry, meaning: string): void {
  context.report({
    message:
      `${entry.key} (${meaning}) is read only by ack-extend-network-controller, the EIP add-on for pods on ECS nodes; ECI does not read it, ` +
      `so on the ECI pods of ${describeWorkload(context.workload)} it has no effect. ` +
      `Remove it, unless the same manifest also serves pods on ECS nodes.`,
    span: entry.keySpan,
  });
}
