import * as core from '@actions/core';
import { escapeLog, escapeTerminal } from '../report/escape.js';

/**
 * A line (or lines) for the action's log. Any part of it may come from the repository or the API, so every line is
 * escaped and none may start a workflow command (docs/security.md).
 */
export function logInfo(text: string): void {
  core.info(escapeLog(text));
}

/** The message of an annotation or a failed step: one line, controls and bidi escaped (@actions/core escapes newlines too). */
export function annotationText(text: string): string {
  return escapeTerminal(text);
}
