/** What the fix engine is given and what it returns (`applyFixes`, `applyFixesRendered`). */
import type { Config, Finding, LintResult, RenderOutcome } from '../model/index.js';
import type { ReaderOptions } from '../readers/index.js';

export interface FixOptions extends ReaderOptions {
  /** The config the findings were made with; every fixed text is linted again with it. */
  config: Config;
  /** Rules whose unsafe fixes are applied as well (see `parseUnsafeRules`); safe fixes are always applied. */
  unsafeRules?: readonly string[];
  /** The most passes over the files; default 10. */
  maxPasses?: number;
  /**
   * The lint `findings` came from, when it was made from exactly these sources with exactly this config (and no
   * base): it saves linting them once more. Ignored when the config turns parse-error or skipped-file off.
   */
  linted?: LintResult;
  /**
   * The charts and overlays rendered from these sources, when the findings were made with them: every fixed text is
   * linted with it (and, with `applyFixesRendered`, with a new rendering when the fix edits a file it uses).
   */
  rendered?: RenderOutcome;
}

/**
 * Renders the charts and overlays again with some files' texts replaced (path → fixed text; the other files as
 * on disk): the whole render outcome to lint with, and what to call once it is linted (`fixedTextRenderer` in
 * src/render makes one).
 */
export type RenderFixedTexts = (texts: ReadonlyMap<string, string>) => Promise<{ rendered: RenderOutcome; release(): void }>;

export interface RenderedFixOptions extends FixOptions {
  rendered: RenderOutcome;
  render: RenderFixedTexts;
}

export interface FailedFix {
  finding: Finding;
  reason: string;
}

export interface FileFix {
  path: string;
  /** The text as given (as read: without a byte order mark). */
  original: string;
  /** The text with the fixes; the same string as `original` when nothing was applied or the file was left untouched. */
  fixed: string;
  /** The findings given whose fix is in `fixed` (spans in `original`). */
  applied: Finding[];
  /**
   * Findings that only appeared after an earlier fix (a moved `eci-with-eip: yes` becomes the string "yes", an invalid
   * value) and were fixed in a later pass; their spans are positions in `fixed`.
   */
  followUps: Finding[];
  /** The findings given whose fix could not be applied, and why (spans in `original`). */
  failed: FailedFix[];
}

export interface FixResult {
  /** Every file that has a selected fix or was changed, in the order of the sources. */
  files: FileFix[];
  /** The lint of the texts after the fixes, with the same config: the findings that remain. */
  result: LintResult;
  /** How many passes changed something or tried to. */
  passes: number;
}
