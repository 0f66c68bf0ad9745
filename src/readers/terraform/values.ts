import type { Expr, Literal } from './hcl.js';
import { countProblem } from '../../model/counts.js';

/** A value as Terraform would see it, when it can be known without running Terraform. */
export type Known = Literal | Known[] | { [key: string]: Known };

export type Value = { known: true; value: Known } | { known: false; why: string };

/** What a folder (a Terraform module) declares: its variables and locals. */
export interface FolderScope {
  folder: string;
  variables: Map<string, VariableInfo>;
  /** A local's expression, or (native HCL) where it is written, converted the first time it is used. */
  locals: Map<string, Expr | DeferredExpr>;
}

export interface VariableInfo {
  default?: Expr;
  /** Set when a module call in the scan passes a value for it: the default then does not apply. */
  setBy?: string;
}

/**
 * An expression kept as its place in the file until it is needed: a folder's locals may be megabytes that no
 * resource reads, and the scan keeps every folder's scope to the end.
 */
export interface DeferredExpr {
  kind: 'deferred';
  expr(): Expr;
}

function expressionOf(local: Expr | DeferredExpr): Expr {
  return local.kind === 'deferred' ? local.expr() : local;
}

export function emptyScope(folder: string): FolderScope {
  return { folder, variables: new Map(), locals: new Map() };
}

const MAX_DEPTH = 16;

/**
 * The work one file's evaluation may do, so that no input can make it run long or fill memory (locals that fan
 * out: `a1 = [local.a0, local.a0, …]`, `a2 = [local.a1, …]` … grow exponentially). Two limits:
 * - `steps`, for the whole file: the expressions evaluated and the values walked (a local is evaluated once and
 *   then reused, so this is the real work); past it every further value of the file is unknown;
 * - `values`, for each value the reader asks for: the size of what it evaluates to, a string counting one per 16
 *   characters and a local counting its full size each time it is used; past it that value is unknown.
 */
export class EvaluationBudget {
  steps = 0;
  values = 0;
  /** The locals and variable defaults of the folder evaluated so far, with their size in values. */
  readonly cache = new Map<string, { value: Value; size: number }>();

  constructor(
    readonly maxSteps: number,
    readonly maxValues: number,
  ) {}

  /** The budget for a file of this many characters: the steps grow with the file (linear), the values do not. */
  static forText(length: number): EvaluationBudget {
    return new EvaluationBudget(BUDGET_FLOOR + 2 * length, BUDGET_FLOOR);
  }

  get exhausted(): boolean {
    return this.steps > this.maxSteps || this.values > this.maxValues;
  }

  /** The unknown value for an exhausted budget; marked for retry when only this value's size ran out. */
  over(): Value {
    if (this.steps > this.maxSteps) {
      return unknown(`evaluating it takes more than ${this.maxSteps.toLocaleString('en-US')} steps (the evaluation budget of this file)`);
    }
    return { known: false, why: `its value is larger than ${this.maxValues.toLocaleString('en-US')} values (the evaluation budget of a value)`, retry: true } as Transient;
  }
}

/** The least budget of a file in steps, and the budget of one value (see EvaluationBudget). */
export const BUDGET_FLOOR = 1_000_000;

/**
 * An unknown value caused by where it was reached (the depth limit, a value budget already partly spent): it may
 * resolve when reached from elsewhere, so it is not cached as a local's value.
 */
type Transient = Value & { retry?: true };

/** Shows an expression in a reason, shortened. */
export function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat;
}

export function exprText(expr: Expr, source: string): string {
  return shown(source.slice(expr.start, expr.end));
}

function unknown(why: string): Value {
  return { known: false, why };
}

function traversalText(root: string, steps: (string | number)[]): string {
  return root + steps.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');
}

/**
 * Evaluates an expression as far as the contract allows: literals, a variable with a literal default, a local
 * of the same folder (and literal collections and templates of those). Anything else is unknown, with the reason.
 * Without a budget, the expression gets one of its own (the floor).
 */
export function evaluate(expr: Expr, scope: FolderScope, budget: EvaluationBudget = EvaluationBudget.forText(0)): Value {
  budget.values = 0;
  const value = evaluateIn(expr, scope, budget, 0);
  // Whoever reads the value walks it (toset's distinct, a map's entries): that work counts against the file.
  if (value.known) budget.steps += budget.values;
  if (!value.known && (value as Transient).retry) return { known: false, why: value.why };
  return value;
}

function evaluateIn(expr: Expr, scope: FolderScope, budget: EvaluationBudget, depth: number): Value {
  if (depth > MAX_DEPTH) return { known: false, why: 'the references go too deep (a cycle?)', retry: true } as Transient;
  budget.steps++;
  if (budget.exhausted) return budget.over();
  switch (expr.kind) {
    case 'literal':
      budget.values += typeof expr.value === 'string' ? 1 + (expr.value.length >> 4) : 1;
      return { known: true, value: expr.value };
    case 'template': {
      if (expr.directive) return unknown('a string template with %{…} directives or ~ strip markers is not evaluated');
      if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return evaluateIn(expr.parts[0], scope, budget, depth + 1);
      let out = '';
      for (const part of expr.parts) {
        if (typeof part === 'string') {
          out += part;
          continue;
        }
        const value = evaluateIn(part, scope, budget, depth + 1);
        if (!value.known) return value;
        if (value.value === null || typeof value.value === 'object') return unknown('a template interpolates a value that is not a string');
        out += String(value.value);
        // Checked as the string grows: doubling templates (`"${local.s}${local.s}"`) must stop before memory does.
        budget.values += 1 + (out.length >> 4);
        budget.steps += out.length >> 4;
        if (budget.exhausted) return budget.over();
      }
      return { known: true, value: out };
    }
    case 'tuple': {
      const items: Known[] = [];
      budget.values++;
      for (const item of expr.items) {
        const value = evaluateIn(item, scope, budget, depth + 1);
        if (!value.known) return value;
        items.push(value.value);
      }
      return { known: true, value: items };
    }
    case 'object': {
      const out: { [key: string]: Known } = {};
      budget.values++;
      for (const item of expr.object.items) {
        if (item.key === undefined) return unknown('an object key is computed');
        if (!item.value) continue;
        const value = evaluateIn(item.value, scope, budget, depth + 1);
        if (!value.known) return value;
        out[item.key] = value.value;
      }
      return { known: true, value: out };
    }
    case 'traversal':
      return traversal(expr.root, expr.steps, scope, budget, depth);
    case 'call':
      return call(expr.name, expr.args, scope, budget, depth);
    case 'other':
      if (expr.why) return unknown(`\`${shown(expr.text)}\`: ${expr.why}`);
      return unknown(`\`${shown(expr.text)}\` is not a literal, a variable's default or a local`);
  }
}

/**
 * A variable's default or a local, evaluated once per file: later uses take the cached value but are charged its
 * full size, so that a value used many times counts as many copies.
 */
function named(key: string, expr: Expr, scope: FolderScope, budget: EvaluationBudget, depth: number): Value {
  const cacheKey = `${scope.folder}\u0000${key}`;
  const cached = budget.cache.get(cacheKey);
  if (cached) {
    budget.values += cached.size;
    if (budget.exhausted) return budget.over();
    return cached.value;
  }
  const before = budget.values;
  const value = evaluateIn(expr, scope, budget, depth + 1);
  const size = budget.values - before;
  if (value.known || !(value as Transient).retry) budget.cache.set(cacheKey, { value, size });
  // Too large by itself, wherever it is used: remembered as unknown (for good), so later uses cost nothing.
  else if (size > budget.maxValues) budget.cache.set(cacheKey, { value: { known: false, why: value.why }, size: 0 });
  return value;
}

function traversal(root: string, steps: (string | number)[], scope: FolderScope, budget: EvaluationBudget, depth: number): Value {
  const text = traversalText(root, steps);
  let base: Value;
  let rest = steps;
  if ((root === 'var' || root === 'local') && typeof steps[0] === 'string') {
    const name = steps[0];
    rest = steps.slice(1);
    if (root === 'var') {
      const variable = scope.variables.get(name);
      if (!variable) base = unknown(`var.${name} is not declared in this folder`);
      else if (variable.setBy) base = unknown(`var.${name} is set by ${variable.setBy}`);
      else if (!variable.default) base = unknown(`var.${name} has no default (its value is given when Terraform runs)`);
      else {
        base = named(`var.${name}`, variable.default, scope, budget, depth);
        if (!base.known) base = { ...base, why: (base as Transient).retry || budget.exhausted ? base.why : `the default of var.${name} is not a literal` };
      }
    } else {
      const local = scope.locals.get(name);
      if (!local) base = unknown(`local.${name} is not defined in this folder`);
      else {
        base = named(`local.${name}`, expressionOf(local), scope, budget, depth);
        if (!base.known) base = { ...base, why: `local.${name}: ${base.why}` };
      }
    }
  } else if (root === 'count' || root === 'each') {
    return unknown(`\`${text}\` differs from one instance to the next`);
  } else {
    return unknown(`\`${shown(text)}\` is known only when Terraform runs`);
  }
  if (!base.known) return base;
  let value: Known = base.value;
  for (const step of rest) {
    if (Array.isArray(value) && typeof step === 'number' && step < value.length) value = value[step];
    else if (value !== null && typeof value === 'object' && !Array.isArray(value) && String(step) in value) value = value[String(step)];
    else return unknown(`\`${shown(text)}\` does not exist in the value`);
  }
  return { known: true, value };
}

/** Type conversions and `length`: they change no value, so they keep a literal a literal. */
function call(name: string, args: Expr[], scope: FolderScope, budget: EvaluationBudget, depth: number): Value {
  const CONVERSIONS = new Set(['tostring', 'tonumber', 'tobool', 'toset', 'tolist', 'tomap', 'length']);
  if (!CONVERSIONS.has(name) || args.length !== 1) return unknown(`the function ${name}() is not evaluated`);
  const arg = evaluateIn(args[0], scope, budget, depth + 1);
  if (!arg.known) return arg;
  const v = arg.value;
  switch (name) {
    case 'tostring':
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? { known: true, value: String(v) } : unknown('tostring() of a collection');
    case 'tonumber':
      return typeof v === 'number' || (typeof v === 'string' && /^-?\d+(?:\.\d+)?$/.test(v)) ? { known: true, value: Number(v) } : unknown('tonumber() of a value that is not a number');
    case 'tobool':
      return typeof v === 'boolean' || v === 'true' || v === 'false' ? { known: true, value: v === true || v === 'true' } : unknown('tobool() of a value that is not a bool');
    case 'toset':
      return Array.isArray(v) ? { known: true, value: distinct(v) } : unknown('toset() of a value that is not a list');
    case 'tolist':
      return Array.isArray(v) ? { known: true, value: v } : unknown('tolist() of a value that is not a list');
    case 'tomap':
      return v !== null && typeof v === 'object' && !Array.isArray(v) ? { known: true, value: v } : unknown('tomap() of a value that is not a map');
    case 'length':
      if (typeof v === 'string') return { known: true, value: [...v].length };
      if (Array.isArray(v)) return { known: true, value: v.length };
      if (v !== null && typeof v === 'object') return { known: true, value: Object.keys(v).length };
      return unknown('length() of a value that is not a collection');
  }
  return unknown(`the function ${name}() is not evaluated`);
}

function distinct(values: Known[]): Known[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = JSON.stringify(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An annotation's value as Terraform hands it to Kubernetes: map(string) turns numbers and bools into strings. */
export function asString(value: Value): { value: string } | { why: string } {
  if (!value.known) return { why: value.why };
  const v = value.value;
  if (typeof v === 'string') return { value: v };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: String(v) };
  return { why: v === null ? 'the value is null' : 'the value is a collection, not a string' };
}

/**
 * A whole number from 0 to the int32 limit (model/counts.ts), or why not; `invalid` when the value is known but
 * no count (Terraform converts a numeric string, as it does for a number argument).
 */
export function asCount(value: Value): { value: number } | { why: string; invalid?: true } {
  if (!value.known) return { why: value.why };
  const v = value.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(v.trim()) ? Number(v) : undefined;
  const written = shown(typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));
  if (n === undefined) return { why: `${written} is not a whole number`, invalid: true };
  const problem = countProblem(n);
  if (problem === undefined) return { value: n };
  if (!Number.isFinite(n)) return { why: 'the number is too large to be a count (beyond the range of numbers)', invalid: true };
  return { why: `${written} is ${problem}`, invalid: true };
}

/** The number of instances a `for_each` value makes: one per map key or set element. */
export function forEachSize(value: Value): { value: number } | { why: string } {
  if (!value.known) return { why: value.why };
  const v = value.value;
  if (Array.isArray(v)) return { value: distinct(v).length };
  if (v !== null && typeof v === 'object') return { value: Object.keys(v).length };
  return { why: 'for_each is not a map or a set' };
}
