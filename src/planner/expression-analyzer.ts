/**
 * ExpressionAnalyzer: AST expression → typed RowExpression, resolving names against a Scope and
 * applying Trino's typing: literal types, arithmetic result types (integral widening, decimal
 * precision rules, real/double), implicit coercions to a common super type for comparisons,
 * CASE/COALESCE/IN branches, and errors with the expression's location.
 */
import { TrinoError } from '../errors';
import { formatExpression, formatDataType, stripLocations, type Expression, type NodeLocation } from '../sql';
import {
  BOOLEAN,
  DOUBLE,
  arrayType,
  REAL,
  UNKNOWN,
  canCoerce,
  castValue,
  commonSuperType,
  commonSuperTypeOf,
  decimalAddType,
  decimalDivideType,
  decimalModulusType,
  decimalMultiplyType,
  decimalType,
  formatType,
  isNumericType,
  isOrderableType,
  isComparableType,
  isStructuralType,
  parseBinaryLiteral,
  parseDecimalLiteralValue,
  parseDoubleLiteral,
  parseIntegerLiteral,
  parseIntervalLiteralValue,
  parseTypedLiteral,
  parseType,
  rowType,
  stringLiteral,
  typeEquals,
  type DecimalType,
  type SqlType,
} from '../types';
import type { ArithmeticOp, ComparisonOp, LambdaExpression, RowExpression, Symbol } from './ir';
import type { Scope } from './scope';

const ARITHMETIC: Record<string, ArithmeticOp> = {
  '+': 'add',
  '-': 'subtract',
  '*': 'multiply',
  '/': 'divide',
  '%': 'modulus',
};
const COMPARISON: Record<string, ComparisonOp> = {
  '=': 'eq',
  '<>': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  'IS DISTINCT FROM': 'distinct',
};

export interface ExpressionContext {
  /** Expressions already computed below (group keys, aggregates): matched by canonical text. */
  readonly replacements?: ReadonlyMap<string, RowExpression>;
  /** After GROUP BY: a column that is not a group key is an error. */
  readonly groupedBy?: boolean;
  readonly functionResolver?: FunctionResolver;
  /** Subqueries of the expression, planned beforehand (planning is asynchronous, analysis is not). */
  readonly subqueries?: SubqueryBinder;
}

/** Turns a pre-planned subquery into a reference to the column an Apply node will add. */
export type SubqueryBinder = (
  node: Expression,
  value: RowExpression | undefined,
  analyzer: ExpressionAnalyzer,
) => RowExpression;

/**
 * A lambda argument before its parameter types are known: the resolver learns them from the
 * function's signature and calls `bind`, which analyzes the body with those parameters in scope.
 */
export interface LambdaArgument {
  readonly kind: 'lambdaArgument';
  readonly arity: number;
  bind(parameterTypes: readonly SqlType[]): LambdaExpression;
}

/** Binds scalar function calls; supplied by the function registry. */
export type FunctionResolver = (
  name: string,
  args: readonly (RowExpression | LambdaArgument)[],
  loc?: NodeLocation,
) => RowExpression;

/** Plan-unique names for lambda parameters (they share the symbol namespace of the plan). */
let lambdaParameterCounter = 0;

/** The canonical text of an expression: two expressions match when their texts are equal. */
export function expressionKey(e: Expression): string {
  return formatExpression(stripLocations(e));
}

export class ExpressionAnalyzer {
  /** Parameters of the lambdas being analyzed, innermost last: they shadow columns. */
  private readonly lambdaScopes: Map<string, Symbol>[] = [];

  constructor(
    private readonly scope: Scope,
    private readonly context: ExpressionContext = {},
  ) {}

  analyze(e: Expression): RowExpression {
    if (e.kind === 'Identifier' && this.lambdaScopes.length > 0) {
      const parameter = this.lambdaParameter(e.value.toLowerCase());
      if (parameter) return { kind: 'symbol', name: parameter.name, type: parameter.type };
    }
    const replaced =
      this.context.replacements?.get(expressionKey(e)) ??
      // after GROUP BY, `t.j * 2` and `j * 2` are the same group key when both name one column
      (this.context.groupedBy && e.kind !== 'Identifier' && !isLiteral(e)
        ? this.context.replacements?.get(this.canonicalKey(e))
        : undefined);
    if (replaced) return replaced;
    switch (e.kind) {
      case 'Identifier':
        return this.column([e.value.toLowerCase()], e.loc, e);
      case 'DereferenceExpression': {
        const parts = qualifiedParts(e);
        if (parts) {
          try {
            return this.column(parts, e.loc, e);
          } catch (err) {
            // `x.f` where x is a row-typed column: a field of its value
            if (!(err instanceof TrinoError) || err.errorName !== 'COLUMN_NOT_FOUND') throw err;
            const field = this.tryRowField(e);
            if (field) return field;
            throw err;
          }
        }
        const field = this.tryRowField(e);
        if (field) return field;
        throw new TrinoError(
          'TYPE_MISMATCH',
          `Expression ${expressionKey(e.base)} is not of type ROW`,
          e.base.loc ?? e.loc,
        );
      }
      case 'RowConstructor': {
        const fields = e.values.map((v) => this.analyze(v));
        return { kind: 'row', fields, type: rowType(fields.map((f) => f.type)) };
      }
      case 'NullLiteral':
        return constantOf(null, UNKNOWN);
      case 'BooleanLiteral':
        return constantOf(e.value, BOOLEAN);
      case 'LongLiteral':
        return typed(() => parseIntegerLiteral(e.value), e.loc);
      case 'DecimalLiteral':
        return typed(() => parseDecimalLiteralValue(e.value), e.loc);
      case 'DoubleLiteral':
        return typed(() => parseDoubleLiteral(e.value), e.loc);
      case 'StringLiteral':
        return typed(() => stringLiteral(e.value), e.loc);
      case 'BinaryLiteral':
        return typed(() => parseBinaryLiteral(e.value), e.loc);
      case 'GenericLiteral':
        return typed(() => parseTypedLiteral(e.type, e.value), e.loc);
      case 'IntervalLiteral':
        return typed(() => parseIntervalLiteralValue(e.value, e.startField, e.endField, e.sign), e.loc);
      case 'ArithmeticUnary': {
        const value = this.analyze(e.value);
        if (e.sign === '+') return value;
        if (value.kind === 'constant' && e.value.kind === 'LongLiteral') {
          return typed(
            () => parseIntegerLiteral(e.value.kind === 'LongLiteral' ? e.value.value : '', true),
            e.loc,
          );
        }
        if (!isNumericType(value.type) && !isIntervalType(value.type)) {
          throw new TrinoError('TYPE_MISMATCH', `Cannot negate ${formatType(value.type)}`, e.loc);
        }
        return { kind: 'negate', value, type: value.type };
      }
      case 'ArithmeticBinary':
        if (e.operator === '||') return this.concat(this.analyze(e.left), this.analyze(e.right), e.loc);
        return this.arithmetic(ARITHMETIC[e.operator], this.analyze(e.left), this.analyze(e.right), e.loc);
      case 'Comparison':
        return this.comparison(COMPARISON[e.operator], this.analyze(e.left), this.analyze(e.right), e.loc);
      case 'Logical':
        return {
          kind: 'logical',
          op: e.operator === 'AND' ? 'and' : 'or',
          terms: e.terms.map((t) => this.booleanOperand(t, e.operator)),
          type: BOOLEAN,
        };
      case 'Not':
        return { kind: 'not', value: this.booleanOperand(e.value, 'NOT'), type: BOOLEAN };
      case 'IsNull': {
        const test: RowExpression = { kind: 'isNull', value: this.analyze(e.value), type: BOOLEAN };
        return e.negated ? { kind: 'not', value: test, type: BOOLEAN } : test;
      }
      case 'Between': {
        const [value, min, max] = this.coerceAll(
          [this.analyze(e.value), this.analyze(e.min), this.analyze(e.max)],
          'BETWEEN',
          e.loc,
        );
        requireOrderable(value.type, 'BETWEEN', e.loc);
        const between: RowExpression = { kind: 'between', value, min, max, type: BOOLEAN };
        return e.negated ? { kind: 'not', value: between, type: BOOLEAN } : between;
      }
      case 'InList': {
        const [value, ...list] = this.coerceAll(
          [this.analyze(e.value), ...e.list.map((x) => this.analyze(x))],
          'IN',
          e.loc,
        );
        // rows and arrays: `x = a OR x = b`, which has IN's NULL semantics with their `=`
        const inList: RowExpression = isStructuralType(value.type)
          ? {
              kind: 'logical',
              op: 'or',
              terms: list.map((x) => this.comparison('eq', value, x, e.loc)),
              type: BOOLEAN,
            }
          : { kind: 'in', value, list, type: BOOLEAN };
        return e.negated ? { kind: 'not', value: inList, type: BOOLEAN } : inList;
      }
      case 'Like': {
        if (e.caseInsensitive) throw new TrinoError('NOT_SUPPORTED', 'ILIKE is not supported yet', e.loc);
        const value = this.analyze(e.value);
        const pattern = this.analyze(e.pattern);
        for (const x of [value, pattern]) requireCharacter(x.type, 'LIKE', e.loc);
        const escape = e.escape ? this.analyze(e.escape) : undefined;
        const like: RowExpression = {
          kind: 'like',
          value,
          pattern,
          ...(escape ? { escape } : {}),
          type: BOOLEAN,
        };
        return e.negated ? { kind: 'not', value: like, type: BOOLEAN } : like;
      }
      case 'SearchedCase':
        return this.caseExpression(
          e.whenClauses.map((w) => this.booleanOperand(w.condition, 'CASE')),
          e,
        );
      case 'SimpleCase': {
        const operand = this.analyze(e.operand);
        return this.caseExpression(
          e.whenClauses.map((w) => this.comparison('eq', operand, this.analyze(w.condition), e.loc)),
          e,
        );
      }
      case 'Cast': {
        const value = this.analyze(e.value);
        let type: SqlType;
        try {
          type = parseType(formatDataType(e.type));
        } catch (err) {
          if (err instanceof TrinoError)
            throw new TrinoError(err.errorCode, err.rawMessage, e.type.loc ?? e.loc);
          throw err;
        }
        if (typeEquals(value.type, type) && !e.safe) return value;
        return this.cast(value, type, e.safe, e.loc);
      }
      case 'FunctionCall':
        return this.functionCall(e);
      case 'ArrayConstructor': {
        if (e.values.length === 0) return constantOf([], arrayType(UNKNOWN));
        const values = this.coerceAll(
          e.values.map((v) => this.analyze(v)),
          'ARRAY',
          e.loc,
        );
        return this.resolveFunction('array_constructor', values, e.loc);
      }
      case 'Lambda':
        throw new TrinoError(
          'TYPE_MISMATCH',
          'Lambda expression should always be used inside a function',
          e.loc,
        );
      case 'Extract':
        return this.resolveFunction(extractFunction(e.field, e.loc), [this.analyze(e.value)], e.loc);
      case 'CurrentTime':
        return this.resolveFunction(e.function.toLowerCase(), [], e.loc);
      case 'SubqueryExpression':
      case 'Exists':
        return this.subquery(e, undefined);
      case 'InSubquery': {
        const inSubquery = this.subquery(e, this.analyze(e.value));
        return e.negated ? { kind: 'not', value: inSubquery, type: BOOLEAN } : inSubquery;
      }
      case 'QuantifiedComparison':
        if (e.subject.kind !== 'SubqueryExpression')
          throw new TrinoError(
            'NOT_SUPPORTED',
            'Quantified comparison with an array is not supported yet',
            e.loc,
          );
        return this.subquery(e, this.analyze(e.value));
      case 'Subscript':
        return this.subscript(e);
      case 'AtTimeZone':
        return this.atTimeZone(e);
      default:
        throw new TrinoError('NOT_SUPPORTED', `Expression not supported yet: ${e.kind}`, e.loc);
    }
  }

  /**
   * The expression's text with every column reference of this scope written as its symbol, so
   * that expressions naming the same columns differently (qualified or not) get one key.
   * Subqueries keep their own text: their names resolve in their own scopes.
   */
  canonicalKey(e: Expression): string {
    const rewrite = (x: unknown): unknown => {
      if (Array.isArray(x)) return x.map(rewrite);
      if (x === null || typeof x !== 'object') return x;
      const node = x as Expression;
      if (node.kind === 'Identifier' || node.kind === 'DereferenceExpression') {
        const parts = qualifiedParts(node);
        const field = parts ? this.tryResolveHere(parts) : undefined;
        if (field) return { kind: 'Identifier', value: `$${field}`, quoted: true };
      }
      if (node.kind === 'SubqueryExpression' || node.kind === 'Exists' || node.kind === 'InSubquery')
        return x;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) if (k !== 'loc' && v !== undefined) out[k] = rewrite(v);
      return out;
    };
    return formatExpression(rewrite(e) as Expression);
  }

  private tryResolveHere(parts: string[]): string | undefined {
    try {
      return this.scope.tryResolve(parts)?.symbol.name;
    } catch {
      return undefined; // ambiguous: left as written
    }
  }

  private subquery(e: Expression, value: RowExpression | undefined): RowExpression {
    const binder = this.context.subqueries;
    if (!binder) throw new TrinoError('NOT_SUPPORTED', 'Subqueries are not allowed here', e.loc);
    return binder(e, value, this);
  }

  /** CASE: the results (and ELSE, NULL if absent) meet at a common type. */
  private caseExpression(
    conditions: RowExpression[],
    e: Extract<Expression, { kind: 'SearchedCase' | 'SimpleCase' }>,
  ): RowExpression {
    const results = this.coerceAll(
      [
        ...e.whenClauses.map((w) => this.analyze(w.result)),
        e.elseValue ? this.analyze(e.elseValue) : constantOf(null, UNKNOWN),
      ],
      'CASE',
      e.loc,
    );
    const elseValue = results.pop()!;
    return {
      kind: 'switch',
      whenClauses: conditions.map((condition, i) => ({ condition, result: results[i] })),
      elseValue,
      type: elseValue.type,
    };
  }

  // ---- names --------------------------------------------------------------------------------

  private column(parts: string[], loc: NodeLocation | undefined, node: Expression): RowExpression {
    for (let scope: Scope | undefined = this.scope; scope; scope = scope.outer) {
      const field = scope.tryResolve(parts, loc);
      if (field) {
        // a field of an enclosing query: a correlated reference, bound per row by Apply
        if (scope !== this.scope) return { kind: 'symbol', name: field.symbol.name, type: field.symbol.type };
        if (this.context.groupedBy) {
          throw new TrinoError(
            'EXPRESSION_NOT_AGGREGATE',
            `'${expressionKey(node)}' must be an aggregate expression or appear in GROUP BY clause`,
            loc,
          );
        }
        return { kind: 'symbol', name: field.symbol.name, type: field.symbol.type };
      }
    }
    throw new TrinoError('COLUMN_NOT_FOUND', `Column '${parts.join('.')}' cannot be resolved`, loc);
  }

  // ---- operators ----------------------------------------------------------------------------

  private booleanOperand(e: Expression, operator: string): RowExpression {
    const value = this.analyze(e);
    if (value.type.kind === 'unknown') return this.coerce(value, BOOLEAN);
    if (value.type.kind !== 'boolean') {
      throw new TrinoError(
        'TYPE_MISMATCH',
        `${operator} operand must evaluate to a boolean: actual type is ${formatType(value.type)}`,
        e.loc,
      );
    }
    return value;
  }

  arithmetic(op: ArithmeticOp, left: RowExpression, right: RowExpression, loc?: NodeLocation): RowExpression {
    const lt = left.type;
    const rt = right.type;
    // date/timestamp ± interval, interval ± interval, interval × number
    const temporal = this.temporalArithmetic(op, left, right, loc);
    if (temporal) return temporal;
    if (lt.kind === 'unknown' && rt.kind === 'unknown') return constantOf(null, UNKNOWN);
    const a = lt.kind === 'unknown' ? rt : lt;
    const b = rt.kind === 'unknown' ? lt : rt;
    if (!isNumericType(a) || !isNumericType(b)) {
      throw new TrinoError(
        'TYPE_MISMATCH',
        `Cannot apply operator: ${formatType(lt)} ${symbolOf(op)} ${formatType(rt)}`,
        loc,
      );
    }
    let resultType: SqlType;
    let operandType: { left: SqlType; right: SqlType };
    if (a.kind === 'double' || b.kind === 'double') {
      resultType = DOUBLE;
      operandType = { left: DOUBLE, right: DOUBLE };
    } else if (a.kind === 'real' || b.kind === 'real') {
      resultType = REAL;
      operandType = { left: REAL, right: REAL };
    } else if (a.kind === 'decimal' || b.kind === 'decimal') {
      const da = asDecimal(a);
      const db = asDecimal(b);
      resultType = decimalResultType(op, da, db);
      operandType = { left: da, right: db };
    } else {
      resultType = commonSuperType(a, b)!;
      operandType = { left: resultType, right: resultType };
    }
    return {
      kind: 'arithmetic',
      op,
      left: this.coerce(left, operandType.left),
      right: this.coerce(right, operandType.right),
      type: resultType,
    };
  }

  private temporalArithmetic(
    op: ArithmeticOp,
    left: RowExpression,
    right: RowExpression,
    loc?: NodeLocation,
  ): RowExpression | undefined {
    const lt = left.type;
    const rt = right.type;
    const isTime = (t: SqlType) =>
      t.kind === 'date' ||
      t.kind === 'timestamp' ||
      t.kind === 'timestamp_tz' ||
      t.kind === 'time' ||
      t.kind === 'time_tz';
    if ((op === 'add' || op === 'subtract') && isTime(lt) && isIntervalType(rt)) {
      return this.resolveFunction(
        op === 'add' ? '$temporal_plus_interval' : '$temporal_minus_interval',
        [left, right],
        loc,
      );
    }
    if (op === 'add' && isIntervalType(lt) && isTime(rt))
      return this.temporalArithmetic('add', right, left, loc);
    if ((op === 'add' || op === 'subtract') && isIntervalType(lt) && typeEquals(lt, rt)) {
      return { kind: 'arithmetic', op, left, right, type: lt };
    }
    if (isIntervalType(lt) || isIntervalType(rt) || isTime(lt) || isTime(rt)) {
      if (isTime(lt) && isTime(rt) && op === 'subtract')
        return this.resolveFunction('$temporal_difference', [left, right], loc);
      throw new TrinoError(
        'TYPE_MISMATCH',
        `Cannot apply operator: ${formatType(lt)} ${symbolOf(op)} ${formatType(rt)}`,
        loc,
      );
    }
    return undefined;
  }

  private concat(left: RowExpression, right: RowExpression, loc?: NodeLocation): RowExpression {
    return this.resolveFunction('concat', [left, right], loc);
  }

  comparison(op: ComparisonOp, left: RowExpression, right: RowExpression, loc?: NodeLocation): RowExpression {
    const common = commonSuperType(left.type, right.type);
    if (!common) {
      const symbol = op === 'distinct' ? 'IS DISTINCT FROM' : symbolOfComparison(op);
      throw new TrinoError(
        'TYPE_MISMATCH',
        `Cannot apply operator: ${formatType(left.type)} ${symbol} ${formatType(right.type)}`,
        loc,
      );
    }
    if (op === 'eq' || op === 'ne' || op === 'distinct') {
      if (!isComparableType(common))
        throw new TrinoError('TYPE_MISMATCH', `Type ${formatType(common)} is not comparable`, loc);
    } else {
      requireOrderable(common, symbolOfComparison(op), loc);
    }
    const l = this.coerce(left, common);
    const r = this.coerce(right, common);
    // two row constructors: `=` is the AND of the fields' `=` (and `<>`, IS DISTINCT FROM the OR of
    // theirs) with the same NULL semantics, and field equalities can become join keys
    if (l.kind === 'row' && r.kind === 'row' && (op === 'eq' || op === 'ne' || op === 'distinct')) {
      const terms = l.fields.map((f, i) => this.comparison(op, f, r.fields[i], loc));
      return terms.length === 1
        ? terms[0]
        : { kind: 'logical', op: op === 'eq' ? 'and' : 'or', terms, type: BOOLEAN };
    }
    return { kind: 'comparison', op, left: l, right: r, type: BOOLEAN };
  }

  /** Coerces all expressions to their common super type (CASE branches, IN lists, BETWEEN). */
  coerceAll(list: RowExpression[], context: string, loc?: NodeLocation): RowExpression[] {
    const common = commonSuperTypeOf(list.map((x) => x.type));
    if (!common) {
      throw new TrinoError(
        'TYPE_MISMATCH',
        `All ${context} values must be the same type or coercible to a common type. Cannot find common type between ${list.map((x) => formatType(x.type)).join(', ')}`,
        loc,
      );
    }
    return list.map((x) => this.coerce(x, common));
  }

  /** The field of a row value named by `e.field`, when `e.base` analyzes to a row that has it. */
  /** `a[i]` (array, 1-based, errors outside), `m[k]` (map, missing key is an error), `r[1]` (row field). */
  private subscript(e: Extract<Expression, { kind: 'Subscript' }>): RowExpression {
    const base = this.analyze(e.base);
    if (base.type.kind === 'row') {
      // the field's type must be known while planning, so the index must be a literal (as in Trino)
      if (e.index.kind !== 'LongLiteral')
        throw new TrinoError(
          'INVALID_FUNCTION_ARGUMENT',
          'Subscript expression on ROW requires a constant index',
          e.index.loc ?? e.loc,
        );
      const index = Number(e.index.value);
      const fields = base.type.fields;
      if (index < 1 || index > fields.length)
        throw new TrinoError(
          'INVALID_FUNCTION_ARGUMENT',
          `Invalid subscript index: ${index}. ROW indices start at 1 and must be less than or equal to the number of fields (${fields.length})`,
          e.index.loc ?? e.loc,
        );
      return { kind: 'field', base, index: index - 1, type: fields[index - 1].type };
    }
    if (base.type.kind !== 'array' && base.type.kind !== 'map' && base.type.kind !== 'unknown')
      throw new TrinoError(
        'TYPE_MISMATCH',
        `Cannot use ${formatType(base.type)} for subscript`,
        e.base.loc ?? e.loc,
      );
    return this.resolveFunction('$subscript', [base, this.analyze(e.index)], e.loc);
  }

  /**
   * `v AT TIME ZONE z`: the same instant in zone z. A timestamp without time zone is first read in the
   * session's zone (Trino casts it to timestamp with time zone); `AT LOCAL` means the session's zone.
   */
  private atTimeZone(e: Extract<Expression, { kind: 'AtTimeZone' }>): RowExpression {
    let value = this.analyze(e.value);
    if (value.type.kind === 'timestamp')
      value = this.cast(value, { kind: 'timestamp_tz', precision: value.type.precision }, false, e.loc);
    if (value.type.kind !== 'timestamp_tz' && value.type.kind !== 'unknown')
      throw new TrinoError(
        'TYPE_MISMATCH',
        `Type of value must be a time or timestamp with or without time zone (actual ${formatType(value.type)})`,
        e.value.loc ?? e.loc,
      );
    const zone =
      e.zone === 'LOCAL' ? this.resolveFunction('current_timezone', [], e.loc) : this.analyze(e.zone);
    if (zone.type.kind === 'interval_day_to_second')
      throw new TrinoError(
        'NOT_SUPPORTED',
        'AT TIME ZONE with an interval offset is not supported yet',
        e.loc,
      );
    return this.resolveFunction('at_timezone', [value, zone], e.loc);
  }

  private tryRowField(e: Extract<Expression, { kind: 'DereferenceExpression' }>): RowExpression | undefined {
    let base: RowExpression;
    try {
      base = this.analyze(e.base);
    } catch (err) {
      if (err instanceof TrinoError && err.errorName === 'COLUMN_NOT_FOUND') return undefined;
      throw err;
    }
    if (base.type.kind !== 'row') return undefined;
    const name = e.field.value.toLowerCase();
    const index = base.type.fields.findIndex((f) => f.name === name);
    if (index < 0) return undefined;
    return { kind: 'field', base, index, type: base.type.fields[index].type };
  }

  /** An implicit coercion; constants are converted now. */
  coerce(e: RowExpression, to: SqlType): RowExpression {
    if (typeEquals(e.type, to)) return e;
    // a row constructor coerces field by field, so its fields stay plain expressions
    if (
      e.kind === 'row' &&
      to.kind === 'row' &&
      to.fields.length === e.fields.length &&
      canCoerce(e.type, to)
    )
      return { kind: 'row', fields: e.fields.map((f, i) => this.coerce(f, to.fields[i].type)), type: to };
    if (!canCoerce(e.type, to))
      throw new TrinoError('TYPE_MISMATCH', `Cannot coerce ${formatType(e.type)} to ${formatType(to)}`);
    if (e.kind === 'constant')
      return constantOf(e.value === null ? null : castValue(e.value, e.type, to), to);
    return { kind: 'cast', value: e, safe: false, type: to };
  }

  private cast(value: RowExpression, type: SqlType, safe: boolean, loc?: NodeLocation): RowExpression {
    if (value.kind === 'constant' && !safe) {
      try {
        return constantOf(value.value === null ? null : castValue(value.value, value.type, type), type);
      } catch (err) {
        if (err instanceof TrinoError && !err.location)
          throw new TrinoError(err.errorCode, err.rawMessage, loc);
        throw err;
      }
    }
    return { kind: 'cast', value, safe, type };
  }

  // ---- functions ----------------------------------------------------------------------------

  private functionCall(e: Extract<Expression, { kind: 'FunctionCall' }>): RowExpression {
    const name = e.name.parts.map((p) => p.value.toLowerCase()).join('.');
    if (e.window)
      throw new TrinoError(
        'NOT_SUPPORTED',
        'Window functions are only allowed in the select list and ORDER BY',
        e.loc,
      );
    if (isAggregateName(name)) {
      throw new TrinoError(
        'EXPRESSION_NOT_SCALAR',
        `Aggregate function '${name}' is not allowed here`,
        e.loc,
      );
    }
    if (e.distinct || e.filter || e.orderBy) {
      throw new TrinoError(
        'FUNCTION_NOT_AGGREGATE',
        `${e.distinct ? 'DISTINCT' : e.filter ? 'FILTER' : 'ORDER BY'} is only allowed in aggregate functions: ${name}`,
        e.loc,
      );
    }
    if (e.arguments.some((a) => a.kind === 'Lambda')) {
      const args = e.arguments.map((a) => (a.kind === 'Lambda' ? this.lambdaArgument(a) : this.analyze(a)));
      return this.resolveFunction(name, args, e.loc);
    }
    const args = e.arguments.map((a) => this.analyze(a));
    switch (name) {
      case 'format': {
        // Trino's $format(varchar, row): the values travel as one row of any field types
        if (args.length < 2)
          throw new TrinoError('FUNCTION_NOT_FOUND', 'format requires at least two arguments', e.loc);
        const values = args.slice(1);
        const row: RowExpression = { kind: 'row', fields: values, type: rowType(values.map((v) => v.type)) };
        return this.resolveFunction(name, [args[0], row], e.loc);
      }
      case 'coalesce': {
        if (args.length === 0)
          throw new TrinoError(
            'FUNCTION_NOT_FOUND',
            'Function coalesce requires at least one argument',
            e.loc,
          );
        const operands = this.coerceAll(args, 'COALESCE', e.loc);
        return operands.length === 1 ? operands[0] : { kind: 'coalesce', operands, type: operands[0].type };
      }
      case 'if': {
        if (args.length < 2 || args.length > 3)
          throw new TrinoError('FUNCTION_NOT_FOUND', `Unexpected parameters for function if`, e.loc);
        const condition = args[0].type.kind === 'unknown' ? this.coerce(args[0], BOOLEAN) : args[0];
        if (condition.type.kind !== 'boolean')
          throw new TrinoError(
            'TYPE_MISMATCH',
            `IF condition must evaluate to a boolean: actual type is ${formatType(condition.type)}`,
            e.loc,
          );
        const [then, otherwise] = this.coerceAll(
          [args[1], args[2] ?? constantOf(null, UNKNOWN)],
          'IF',
          e.loc,
        );
        return { kind: 'if', condition, then, else: otherwise, type: then.type };
      }
      case 'nullif': {
        if (args.length !== 2)
          throw new TrinoError('FUNCTION_NOT_FOUND', 'Unexpected parameters for function nullif', e.loc);
        const test = this.comparison('eq', args[0], args[1], e.loc);
        return {
          kind: 'if',
          condition: test,
          then: constantOf(null, args[0].type),
          else: args[0],
          type: args[0].type,
        };
      }
    }
    return this.resolveFunction(name, args, e.loc);
  }

  // ---- lambdas ------------------------------------------------------------------------------

  private lambdaParameter(name: string): Symbol | undefined {
    for (let i = this.lambdaScopes.length - 1; i >= 0; i--) {
      const p = this.lambdaScopes[i].get(name);
      if (p) return p;
    }
    return undefined;
  }

  private lambdaArgument(lambda: Extract<Expression, { kind: 'Lambda' }>): LambdaArgument {
    const names = lambda.parameters.map((p) => p.value.toLowerCase());
    const duplicate = names.find((n, i) => names.indexOf(n) !== i);
    if (duplicate !== undefined)
      throw new TrinoError(
        'INVALID_PARAMETER_USAGE',
        `Duplicate lambda argument name: ${duplicate}`,
        lambda.loc,
      );
    return {
      kind: 'lambdaArgument',
      arity: names.length,
      bind: (parameterTypes) => {
        const parameters = names.map((n, i) => ({
          name: `${n}$lambda_${lambdaParameterCounter++}`,
          type: parameterTypes[i],
        }));
        this.lambdaScopes.push(new Map(names.map((n, i) => [n, parameters[i]])));
        try {
          const body = this.analyze(lambda.body);
          return { kind: 'lambda', parameters, body, type: body.type };
        } finally {
          this.lambdaScopes.pop();
        }
      },
    };
  }

  private resolveFunction(
    name: string,
    args: readonly (RowExpression | LambdaArgument)[],
    loc?: NodeLocation,
  ): RowExpression {
    const resolver = this.context.functionResolver;
    if (!resolver) throw new TrinoError('FUNCTION_NOT_FOUND', `Function '${name}' not registered`, loc);
    return resolver(name, args, loc);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

const AGGREGATES = new Set([
  'count',
  'count_if',
  'sum',
  'avg',
  'min',
  'max',
  'arbitrary',
  'any_value',
  'bool_and',
  'bool_or',
  'every',
  'max_by',
  'min_by',
  'array_agg',
  'map_agg',
  'listagg',
  'stddev',
  'stddev_samp',
  'stddev_pop',
  'variance',
  'var_samp',
  'var_pop',
  'approx_distinct',
  'approx_percentile',
  'geometric_mean',
  'corr',
  'covar_samp',
  'covar_pop',
  'multimap_agg',
  'histogram',
  'regr_slope',
  'regr_intercept',
]);

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name);
}

/** Every aggregate function name the analyzer accepts. */
export function aggregateNames(): string[] {
  return [...AGGREGATES];
}

function typed(f: () => { type: SqlType; value: unknown }, loc?: NodeLocation): RowExpression {
  try {
    const { type, value } = f();
    return constantOf(value, type);
  } catch (err) {
    if (err instanceof TrinoError && !err.location) throw new TrinoError(err.errorCode, err.rawMessage, loc);
    throw err;
  }
}

function isLiteral(e: Expression): boolean {
  return e.kind.endsWith('Literal');
}

function constantOf(value: unknown, type: SqlType): RowExpression {
  return { kind: 'constant', value, type };
}

function qualifiedParts(e: Expression): string[] | undefined {
  if (e.kind === 'Identifier') return [e.value.toLowerCase()];
  if (e.kind === 'DereferenceExpression') {
    const base = qualifiedParts(e.base);
    return base ? [...base, e.field.value.toLowerCase()] : undefined;
  }
  return undefined;
}

function isIntervalType(t: SqlType): boolean {
  return t.kind === 'interval_day_to_second' || t.kind === 'interval_year_to_month';
}

function asDecimal(t: SqlType): DecimalType {
  switch (t.kind) {
    case 'decimal':
      return t;
    case 'tinyint':
      return decimalType(3, 0);
    case 'smallint':
      return decimalType(5, 0);
    case 'integer':
      return decimalType(10, 0);
    case 'bigint':
      return decimalType(19, 0);
    default:
      throw new TrinoError('TYPE_MISMATCH', `Cannot convert ${formatType(t)} to decimal`);
  }
}

function decimalResultType(op: ArithmeticOp, a: DecimalType, b: DecimalType): DecimalType {
  switch (op) {
    case 'add':
    case 'subtract':
      return decimalAddType(a, b);
    case 'multiply':
      return decimalMultiplyType(a, b);
    case 'divide':
      return decimalDivideType(a, b);
    case 'modulus':
      return decimalModulusType(a, b);
  }
}

function symbolOf(op: ArithmeticOp): string {
  return { add: '+', subtract: '-', multiply: '*', divide: '/', modulus: '%' }[op];
}

function symbolOfComparison(op: ComparisonOp): string {
  return { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=', distinct: 'IS DISTINCT FROM' }[op];
}

function requireOrderable(t: SqlType, operator: string, loc?: NodeLocation): void {
  if (t.kind !== 'unknown' && !isOrderableType(t))
    throw new TrinoError(
      'TYPE_MISMATCH',
      `Type ${formatType(t)} is not orderable, and therefore cannot be used with ${operator}`,
      loc,
    );
}

function requireCharacter(t: SqlType, operator: string, loc?: NodeLocation): void {
  if (t.kind !== 'varchar' && t.kind !== 'char' && t.kind !== 'unknown') {
    throw new TrinoError(
      'TYPE_MISMATCH',
      `Left side of ${operator} expression must evaluate to a varchar (actual: ${formatType(t)})`,
      loc,
    );
  }
}

function extractFunction(field: string, loc?: NodeLocation): string {
  const map: Record<string, string> = {
    YEAR: 'year',
    QUARTER: 'quarter',
    MONTH: 'month',
    WEEK: 'week',
    DAY: 'day',
    DAY_OF_MONTH: 'day',
    DAY_OF_WEEK: 'day_of_week',
    DOW: 'day_of_week',
    DAY_OF_YEAR: 'day_of_year',
    DOY: 'day_of_year',
    YEAR_OF_WEEK: 'year_of_week',
    YOW: 'year_of_week',
    HOUR: 'hour',
    MINUTE: 'minute',
    SECOND: 'second',
    TIMEZONE_HOUR: 'timezone_hour',
    TIMEZONE_MINUTE: 'timezone_minute',
  };
  const name = map[field];
  if (!name) throw new TrinoError('INVALID_FUNCTION_ARGUMENT', `Invalid EXTRACT field: ${field}`, loc);
  return name;
}
