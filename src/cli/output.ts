import { RefusedPath, writeConfined } from '../files/workspace.js';

/**
 * `--output`: the report written without following a link at its name (a link there is replaced, its target never
 * written). A relative path must really be inside the working directory; an absolute one is the user's choice.
 * A refused path is a RefusedPath that names the flag (exit code 2).
 */
export function writeReportFile(cwd: string, output: string, report: string): void {
  try {
    writeConfined(output, report, { root: cwd, absoluteOutside: true });
  } catch (error) {
    if (error instanceof RefusedPath) throw new RefusedPath(`--output ${output}: not written: ${error.message}`);
    throw error;
  }
}
