import type { Expr, Literal } from './hcl.js';

/** A value as Terraform would see it, when it can be known without running Terraform. */
export type Known = Literal | Known[] | { [key: string]: Known };

export type Value = { known: true; value: Known } | { known: false; why: string };

/** What a folder (a Terraform module) declares: its variables and locals. */
export interface FolderScope {
  folder: string;
  variables: Map<string, VariableInfo>;
  locals: Map<string, Expr>;
}

export interface VariableInfo {
  default?: Expr;
  /** Set when a module call in the scan passes a value for it: the default then does not apply. */
  setBy?: string;
}

export function emptyScope(folder: string): FolderScope {
  return { folder, variables: new Map(), locals: new Map() };
}

const MAX_DEPTH = 16;

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
 */
export function evaluate(expr: Expr, scope: FolderScope, depth = 0): Value {
  if (depth > MAX_DEPTH) return unknown('the references go too deep (a cycle?)');
  switch (expr.kind) {
    case 'literal':
      return { known: true, value: expr.value };
    case 'template': {
      if (expr.directive) return unknown('a string template with %{…} directives or ~ strip markers is not evaluated');
      if (expr.parts.length === 1 && typeof expr.parts[0] !== 'string') return evaluate(expr.parts[0], scope, depth + 1);
      let out = '';
      for (const part of expr.parts) {
        if (typeof part === 'string') {
          out += part;
          continue;
        }
        const value = evaluate(part, scope, depth + 1);
        if (!value.known) return value;
        if (value.value === null || typeof value.value === 'object') return unknown('a template interpolates a value that is not a string');
        out += String(value.value);
      }
      return { known: true, value: out };
    }
    case 'tuple': {
      const items: Known[] = [];
      for (const item of expr.items) {
        const value = evaluate(item, scope, depth + 1);
        if (!value.known) return value;
        items.push(value.value);
      }
      return { known: true, value: items };
    }
    case 'object': {
      const out: { [key: string]: Known } = {};
      for (const item of expr.object.items) {
        if (item.key === undefined) return unknown('an object key is computed');
        if (!item.value) continue;
        const value = evaluate(item.value, scope, depth + 1);
        if (!value.known) return value;
        out[item.key] = value.value;
      }
      return { known: true, value: out };
    }
    case 'traversal':
      return traversal(expr.root, expr.steps, scope, depth);
    case 'call':
      return call(expr.name, expr.args, scope, depth);
    case 'other':
      if (expr.why) return unknown(`\`${shown(expr.text)}\`: ${expr.why}`);
      return unknown(`\`${shown(expr.text)}\` is not a literal, a variable's default or a local`);
  }
}

function traversal(root: string, steps: (string | number)[], scope: FolderScope, depth: number): Value {
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
        base = evaluate(variable.default, scope, depth + 1);
        if (!base.known) base = unknown(`the default of var.${name} is not a literal`);
      }
    } else {
      const local = scope.locals.get(name);
      if (!local) base = unknown(`local.${name} is not defined in this folder`);
      else {
        base = evaluate(local, scope, depth + 1);
        if (!base.known) base = unknown(`local.${name}: ${base.why}`);
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
function call(name: string, args: Expr[], scope: FolderScope, depth: number): Value {
  const CONVERSIONS = new Set(['tostring', 'tonumber', 'tobool', 'toset', 'tolist', 'tomap', 'length']);
  if (!CONVERSIONS.has(name) || args.length !== 1) return unknown(`the function ${name}() is not evaluated`);
  const arg = evaluate(args[0], scope, depth + 1);
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

/** A whole number ≥ 0, or why not. */
export function asCount(value: Value): { value: number } | { why: string } {
  if (!value.known) return { why: value.why };
  const v = value.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= 0) return { value: n };
  return { why: `${JSON.stringify(v)} is not a whole number` };
}

/** The number of instances a `for_each` value makes: one per map key or set element. */
export function forEachSize(value: Value): { value: number } | { why: string } {
  if (!value.known) return { why: value.why };
  const v = value.value;
  if (Array.isArray(v)) return { value: distinct(v).length };
  if (v !== null && typeof v === 'object') return { value: Object.keys(v).length };
  return { why: 'for_each is not a map or a set' };
}
