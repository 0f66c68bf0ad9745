import * as core from '@actions/core';
import { annotationText } from '../github/log.js';
import { runAction } from './run.js';

/** The action's entry (dist/index.js): everything is in run.ts; an error ends the step as failed, with its message only. */
runAction().catch((error: unknown) => core.setFailed(annotationText(error instanceof Error ? error.message : String(error))));
