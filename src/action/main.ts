import * as core from '@actions/core';
import { runAction } from './run.js';

/** The action's entry (dist/index.js): everything is in run.ts; an error ends the step as failed, with its message only. */
runAction().catch((error: unknown) => core.setFailed(error instanceof Error ? error.message : String(error)));
