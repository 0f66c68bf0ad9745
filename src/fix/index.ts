/**
 * Fixes: applying the edits of findings to file texts (checked by linting the result again), unified diffs, writing
 * fixed files, and what the report says about them. Nothing here talks to GitHub; the action builds on it.
 */
export { applyFixes } from './apply.js';
export type { FailedFix, FileFix, FixOptions, FixResult, RenderedFixOptions, RenderFixedTexts } from './types.js';
export { fixInWorkspace } from './rendered.js';
export type { FixInWorkspaceOptions } from './rendered.js';
export { unifiedDiff, unifiedDiffs } from './diff.js';
export type { DiffOptions } from './diff.js';
export { applyEdits } from './edits.js';
export { fixEntries } from './entries.js';
export { FixSelectionError, isSelected, parseUnsafeRules, rulesSuggestedWhenUnsafe, rulesWithUnsafeFix } from './select.js';
export { hasBom, writeFixedFile } from './write.js';
export type { WriteOutcome } from './write.js';
