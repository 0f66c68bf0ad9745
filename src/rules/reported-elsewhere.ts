import { ruleDocsUrl, type Rule } from './rule.js';

/** Rules whose findings come from reading files. */
export const parseError: Rule = {
  meta: {
    id: 'parse-error',
    defaultSeverity: 'error',
    docs: {
      description: 'A file that should be YAML or HCL does not parse; the other files are still scanned.',
      url: ruleDocsUrl('parse-error'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
};

export const skippedFile: Rule = {
  meta: {
    id: 'skipped-file',
    defaultSeverity: 'notice',
    docs: {
      description: 'A file that was not read: a template, too large, binary or not UTF-8, or a link out of the workspace.',
      url: ruleDocsUrl('skipped-file'),
    },
    fix: 'none',
    appliesTo: ['kubernetes', 'terraform'],
  },
};
