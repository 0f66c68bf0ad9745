import { metadataBlocks, type MapEntry } from '../../model/index.js';
import { BOOLEAN_KEYS, STRING_VALUE_PREFIXES } from '../../policy/eci-keys.js';
import { ruleDocsUrl, type Rule, type RuleContext } from '../rule.js';

/** The YAML 1.1 spellings of true (the reader types only these, and their false counterparts, as bools). */
const TRUTHY = /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/;

/** The string the author meant: `true` is "true"; for ECI's "true"/"false" keys, `yes`/`on` mean "true" too. */
function meantString(entry: MapEntry): string | undefined {
  if (entry.valueType === 'null') return undefined;
  if (BOOLEAN_KEYS.includes(entry.key) && entry.valueType === 'bool') return TRUTHY.test(entry.value) ? 'true' : 'false';
  return entry.value;
}

export const eipNotString: Rule = {
  meta: {
    id: 'eip-not-string',
    defaultSeverity: 'error',
    docs: {
      description: 'An Alibaba Cloud annotation value is a bool, number or null to Kubernetes, not a string.',
      url: ruleDocsUrl('eip-not-string'),
    },
    fix: 'safe',
    fixDescription: 'quote the value',
    appliesTo: ['kubernetes'],
  },
  check(context: RuleContext) {
    const { workload } = context;
    const blocks = metadataBlocks(workload);
    for (const block of blocks) {
      for (const [field, entries] of [['annotation', block.annotations], ['label', block.labels]] as const) {
        for (const entry of entries) {
          if (!STRING_VALUE_PREFIXES.some((p) => entry.key.startsWith(p))) continue;
          if (entry.valueType !== 'bool' && entry.valueType !== 'number' && entry.valueType !== 'null') continue;
          const meant = meantString(entry);
          const shown = entry.valueType === 'null' ? 'empty' : entry.value;
          const yaml11 = entry.valueType === 'bool' && !/^(?:true|false)$/i.test(entry.value)
            ? ' (Kubernetes reads YAML 1.1, where an unquoted yes/no/on/off is a bool)'
            : '';
          context.report({
            message:
              `The ${field} ${entry.key}: ${shown} is a ${entry.valueType} to Kubernetes${yaml11}, not a string: ` +
              `the apply fails with "cannot unmarshal ${entry.valueType === 'number' ? 'number' : entry.valueType} into Go struct field ObjectMeta.metadata.${field}s of type string". ` +
              (meant === undefined ? 'Give it a quoted value.' : `Quote it: "${meant}".`),
            span: entry.valueType === 'null' ? entry.keySpan : entry.valueSpan,
            edits: meant === undefined ? undefined : workload.editor.setStringValue(entry, meant),
            fixDescription: meant === undefined ? undefined : `write it as the string "${meant}"`,
          });
        }
      }
    }
  },
};
