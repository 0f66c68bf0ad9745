import type { Span, TextEdit } from './position.js';

/** The severities, most severe first (the order reports list them in). */
export const SEVERITIES = ['error', 'warning', 'notice'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];
/** The least severity that fails the run (`--fail-on`, the action's `fail-on`); `never` fails on none. */
export const FAIL_ON_LEVELS = [...SEVERITIES, 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

export const SEVERITY_RANK: Record<Severity, number> = { notice: 1, warning: 2, error: 3 };

export interface WorkloadRef {
  kind: string;
  name: string;
  namespace: string;
}

export interface Fix {
  safe: boolean;
  description: string;
  edits: TextEdit[];
  /**
   * Set on a fix of a chart or overlay file (a values file, template or kustomization): whether it removes the
   * finding shows only in a new rendering, so it is applied only by a fix run that renders again.
   */
  verify?: 'render';
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  span: Span;
  workload?: WorkloadRef;
  fix?: Fix;
}

export interface SuppressedFinding {
  finding: Finding;
  reason: string;
  /** Where the suppression came from: a comment, an annotation or the config. */
  source: 'comment' | 'annotation' | 'config';
}
