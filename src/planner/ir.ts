/**
 * The typed expression IR of plans: what the analyzer produces from AST expressions and the
 * expression compiler turns into JavaScript. Every node carries its SQL type; names are already
 * resolved (columns are symbols, functions are bound), so nothing here needs the catalog.
 */
import type { SqlType } from '../types';

/** A column of a plan node's output, named uniquely within the plan (`orderkey`, `expr_3`). */
export interface Symbol {
  readonly name: string;
  readonly type: SqlType;
}

export type ArithmeticOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'modulus';
export type ComparisonOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'distinct';

export type RowExpression =
  | SymbolReference
  | Constant
  | Call
  | Arithmetic
  | Negate
  | Comparison
  | Logical
  | Not
  | IsNull
  | CastExpression
  | IfExpression
  | CoalesceExpression
  | InExpression
  | BetweenExpression
  | LikeExpression
  | SwitchExpression
  | RowConstructorExpression
  | FieldReference
  | LambdaExpression;

export interface SymbolReference {
  readonly kind: 'symbol';
  readonly name: string;
  readonly type: SqlType;
}
export interface Constant {
  readonly kind: 'constant';
  /** The canonical value (src/types/values.ts), or null. */
  readonly value: unknown;
  readonly type: SqlType;
}
/** A bound scalar function call; `function` is the registry name used to look the kernel up again. */
export interface Call {
  readonly kind: 'call';
  readonly function: string;
  readonly arguments: readonly RowExpression[];
  readonly type: SqlType;
}
export interface Arithmetic {
  readonly kind: 'arithmetic';
  readonly op: ArithmeticOp;
  readonly left: RowExpression;
  readonly right: RowExpression;
  readonly type: SqlType;
}
export interface Negate {
  readonly kind: 'negate';
  readonly value: RowExpression;
  readonly type: SqlType;
}
/** Operands have already been coerced to one common type. */
export interface Comparison {
  readonly kind: 'comparison';
  readonly op: ComparisonOp;
  readonly left: RowExpression;
  readonly right: RowExpression;
  readonly type: SqlType;
}
export interface Logical {
  readonly kind: 'logical';
  readonly op: 'and' | 'or';
  readonly terms: readonly RowExpression[];
  readonly type: SqlType;
}
export interface Not {
  readonly kind: 'not';
  readonly value: RowExpression;
  readonly type: SqlType;
}
export interface IsNull {
  readonly kind: 'isNull';
  readonly value: RowExpression;
  readonly type: SqlType;
}
export interface CastExpression {
  readonly kind: 'cast';
  readonly value: RowExpression;
  /** TRY_CAST: failures give NULL. */
  readonly safe: boolean;
  readonly type: SqlType;
}
export interface IfExpression {
  readonly kind: 'if';
  readonly condition: RowExpression;
  readonly then: RowExpression;
  readonly else: RowExpression;
  readonly type: SqlType;
}
export interface CoalesceExpression {
  readonly kind: 'coalesce';
  readonly operands: readonly RowExpression[];
  readonly type: SqlType;
}
/** `value IN (list)` with SQL semantics: NULL when not found and the list holds a NULL. */
export interface InExpression {
  readonly kind: 'in';
  readonly value: RowExpression;
  readonly list: readonly RowExpression[];
  readonly type: SqlType;
}
export interface BetweenExpression {
  readonly kind: 'between';
  readonly value: RowExpression;
  readonly min: RowExpression;
  readonly max: RowExpression;
  readonly type: SqlType;
}
export interface LikeExpression {
  readonly kind: 'like';
  readonly value: RowExpression;
  readonly pattern: RowExpression;
  readonly escape?: RowExpression;
  readonly type: SqlType;
}
/** Searched CASE: the first true condition's result, else the default. */
export interface SwitchExpression {
  readonly kind: 'switch';
  readonly whenClauses: readonly { readonly condition: RowExpression; readonly result: RowExpression }[];
  readonly elseValue: RowExpression;
  readonly type: SqlType;
}

/**
 * `(x, y) -> body`, only as an argument of a higher-order function call. The parameters are
 * symbols with plan-unique names that only the body reads; `type` is the body's type.
 */
export interface LambdaExpression {
  readonly kind: 'lambda';
  readonly parameters: readonly Symbol[];
  readonly body: RowExpression;
  readonly type: SqlType;
}

/** `ROW(a, b)` / `(a, b)`: a row value built from its fields (type is a row type). */
export interface RowConstructorExpression {
  readonly kind: 'row';
  readonly fields: readonly RowExpression[];
  readonly type: SqlType;
}
/** Field `index` (0-based) of a row value; NULL when the row is NULL. */
export interface FieldReference {
  readonly kind: 'field';
  readonly base: RowExpression;
  readonly index: number;
  readonly type: SqlType;
}

export function symbolReference(symbol: Symbol): SymbolReference {
  return { kind: 'symbol', name: symbol.name, type: symbol.type };
}

export function constant(value: unknown, type: SqlType): Constant {
  return { kind: 'constant', value, type };
}

/** The symbols an expression reads. */
export function referencedSymbols(e: RowExpression, into = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'symbol':
      into.add(e.name);
      break;
    case 'constant':
      break;
    case 'call':
      for (const a of e.arguments) referencedSymbols(a, into);
      break;
    case 'arithmetic':
    case 'comparison':
      referencedSymbols(e.left, into);
      referencedSymbols(e.right, into);
      break;
    case 'negate':
    case 'not':
    case 'isNull':
    case 'cast':
      referencedSymbols(e.value, into);
      break;
    case 'row':
      for (const f of e.fields) referencedSymbols(f, into);
      break;
    case 'field':
      referencedSymbols(e.base, into);
      break;
    case 'logical':
      for (const t of e.terms) referencedSymbols(t, into);
      break;
    case 'if':
      referencedSymbols(e.condition, into);
      referencedSymbols(e.then, into);
      referencedSymbols(e.else, into);
      break;
    case 'coalesce':
      for (const o of e.operands) referencedSymbols(o, into);
      break;
    case 'in':
      referencedSymbols(e.value, into);
      for (const o of e.list) referencedSymbols(o, into);
      break;
    case 'between':
      referencedSymbols(e.value, into);
      referencedSymbols(e.min, into);
      referencedSymbols(e.max, into);
      break;
    case 'like':
      referencedSymbols(e.value, into);
      referencedSymbols(e.pattern, into);
      if (e.escape) referencedSymbols(e.escape, into);
      break;
    case 'switch':
      for (const w of e.whenClauses) {
        referencedSymbols(w.condition, into);
        referencedSymbols(w.result, into);
      }
      referencedSymbols(e.elseValue, into);
      break;
    case 'lambda': {
      // the parameters are bound by the lambda itself, only captured columns come from the input
      const inner = referencedSymbols(e.body);
      for (const p of e.parameters) inner.delete(p.name);
      for (const name of inner) into.add(name);
      break;
    }
  }
  return into;
}
