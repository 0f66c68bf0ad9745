import * as core from '@actions/core';
import { eventFileProblem } from '../github/context.js';
import { annotationText } from '../github/log.js';

/**
 * The action's entry (dist/index.js): everything is in run.ts; an error ends the step as failed, with its message only.
 * @actions/github parses the event file when it is imported, and a broken one would end the step with a stack
 * trace: the file is checked first, and run.ts (which imports it) is loaded only then.
 */
const problem = eventFileProblem(process.env);
if (problem) core.setFailed(annotationText(problem));
else {
  const { runAction } = await import('./run.js');
  await runAction().catch((error: unknown) => core.setFailed(annotationText(error instanceof Error ? error.message : String(error))));
}
