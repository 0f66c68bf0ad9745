import * as core from '@actions/core';
import { CHARGE_TYPES, FAIL_ON_LEVELS, type FailOn } from '../model/index.js';
import { COMMENT_MODES, type CommentMode } from '../github/comment.js';
import { ANNOTATION_MODES, type AnnotationMode } from '../github/publish.js';
import type { FixMode } from '../github/fixes.js';
import { parseUnsafeRules } from '../fix/index.js';
import { CONFIG_SOURCES, type ConfigSource } from '../github/base-config.js';
import { didYouMean } from '../config/suggest.js';

export type ScanMode = 'changed' | 'all';

export interface ActionInputs {
  /** Empty when the workflow gives none (then no API call is made). */
  token: string;
  config?: string;
  /** Where the config is read: the checkout (workspace) or the base commit of the change (base). */
  configFrom: ConfigSource;
  paths: string[];
  scan: ScanMode;
  failOn: FailOn;
  annotations: AnnotationMode;
  comment: CommentMode;
  jobSummary: boolean;
  sarifFile?: string;
  reportFile?: string;
  newOnly: boolean;
  fix: FixMode;
  /** Rule ids whose unsafe fixes are applied too (the fix-unsafe input, comma or newline separated). */
  fixUnsafe: string[];
  commitMessage?: string;
  overrides: Record<string, unknown>;
}

function optional(name: string): string | undefined {
  const value = core.getInput(name).trim();
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = (optional(name) ?? fallback) as T;
  if (!allowed.includes(value)) throw new Error(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value;
}

/** A boolean input as the YAML 1.2 core schema writes one (true, True, TRUE, false …). */
function flag(name: string, fallback: boolean): boolean {
  const value = optional(name);
  if (value === undefined) return fallback;
  if (/^(true|True|TRUE)$/.test(value)) return true;
  if (/^(false|False|FALSE)$/.test(value)) return false;
  throw new Error(`input ${name} must be true or false (got "${value}")`);
}

/** The fix-unsafe input: rule ids with an unsafe fix, checked as the CLI's --fix-unsafe is. */
function unsafeRules(value: string | undefined): string[] {
  if (value === undefined) return [];
  try {
    return parseUnsafeRules(value);
  } catch (error) {
    throw new Error(`input fix-unsafe${(error as Error).message.replace(/^--fix-unsafe:?/, ':')}`);
  }
}

export function readInputs(): ActionInputs {
  const failOn = oneOf<FailOn>('fail-on', FAIL_ON_LEVELS, 'error');
  const region = optional('region');
  const chargeType = optional('charge-type');
  if (chargeType !== undefined && !CHARGE_TYPES.some((type) => type === chargeType)) {
    throw new Error(`input charge-type must be one of ${CHARGE_TYPES.join(', ')} (got "${chargeType}")${didYouMean(chargeType, CHARGE_TYPES)}`);
  }
  const pricing = { ...(region ? { region } : {}), ...(chargeType ? { 'charge-type': chargeType } : {}) };
  return {
    token: core.getInput('token').trim(),
    config: optional('config'),
    configFrom: oneOf<ConfigSource>('config-from', CONFIG_SOURCES, 'workspace'),
    paths: core.getMultilineInput('paths').map((p) => p.trim()).filter(Boolean),
    scan: oneOf<ScanMode>('scan', ['changed', 'all'], 'changed'),
    failOn,
    annotations: oneOf<AnnotationMode>('annotations', ANNOTATION_MODES, 'auto'),
    comment: oneOf<CommentMode>('comment', COMMENT_MODES, 'update'),
    jobSummary: flag('job-summary', true),
    sarifFile: optional('sarif-file'),
    reportFile: optional('report-file'),
    newOnly: flag('new-only', false),
    fix: oneOf<FixMode>('fix', ['off', 'suggest', 'commit'], 'off'),
    fixUnsafe: unsafeRules(optional('fix-unsafe')),
    commitMessage: optional('commit-message'),
    overrides: {
      cluster: optional('cluster'),
      egress: optional('egress'),
      'nat-gateway': optional('nat-gateway'),
      pricing: Object.keys(pricing).length > 0 ? pricing : undefined,
    },
  };
}
