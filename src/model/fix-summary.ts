/** One fix in the report (the `fixes` array of the JSON report). */
export interface FixEntry {
  file: string;
  ruleId: string;
  /** Where the finding is: in the file as it was, or, for a follow-up, in the fixed file. */
  line: number;
  column: number;
  status: 'fixed' | 'failed';
  /** What the fix does. */
  description: string;
  /** Why the fix failed. */
  reason?: string;
  /** A finding that only an earlier fix brought up, fixed in a later pass. */
  followUp?: true;
}

/** What the report says about fixes: the entries, and whether they were written, only shown as a diff, or printed. */
export interface FixSummary {
  /** `write`: files written (`--fix`); `diff`: shown as a diff, nothing written; `stdout`: the fixed text printed. */
  mode: 'write' | 'diff' | 'stdout';
  entries: FixEntry[];
}
