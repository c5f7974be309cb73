/**
 * Expression compiler: RowExpression → a specialized JavaScript function over a page's blocks
 * (the way Trino generates bytecode for projections and filters).
 *
 * The generated loop reads typed arrays directly, keeps each intermediate value and its null flag
 * in locals, and writes a typed output array, so nothing is allocated per row for numeric work.
 * Kernels that need more than an operator (overflow-checked integer math, decimals, casts, string
 * comparison, LIKE, function calls) are passed in through a constant table `K`; user text never
 * becomes source code. Conditional forms (AND, OR, CASE, IF, COALESCE) evaluate lazily, so an
 * untaken branch cannot raise an error, as in Trino.
 */
import { TrinoError } from '../errors';
import type { ComparisonOp, RowExpression } from '../planner/ir';
import { comparatorFor, equalityFor, identityFor } from '../functions/values-compare';
import {
  bigintAdd,
  bigintDivide,
  bigintModulus,
  bigintMultiply,
  bigintNegate,
  bigintSubtract,
  castValue,
  decimalAdd,
  decimalDivide,
  decimalModulus,
  decimalMultiply,
  decimalNegate,
  decimalSubtract,
  formatType,
  isOrderableType,
  isStructuralType,
  smallAdd,
  smallDivide,
  smallModulus,
  smallMultiply,
  smallNegate,
  smallSubtract,
  type DecimalType,
  type SqlType,
} from '../types';
import { type Block, booleanBlock, numberBlock, takePositions, valueAt, valueBlock } from './block';
import { canonicalLong, isLongDecimal, longDecimalArithmetic, normalizeLong } from './long-decimal';
import { compareStrings, likeMatcher, likePredicate } from './kernels';
import type { Page } from './page';

/** How values of a type are held in a block (see block.ts). */
export type PhysicalKind = 'number' | 'int64' | 'boolean' | 'value';

export function physicalKind(t: SqlType): PhysicalKind {
  switch (t.kind) {
    case 'boolean':
      return 'boolean';
    case 'tinyint':
    case 'smallint':
    case 'integer':
    case 'real':
    case 'double':
    case 'date':
    case 'interval_year_to_month':
      return 'number';
    case 'decimal':
      return t.precision <= 15 ? 'number' : 'value';
    case 'time':
      return t.precision <= 9 ? 'number' : 'value';
    case 'bigint':
    case 'interval_day_to_second':
      return 'int64';
    case 'timestamp':
      return t.precision <= 6 ? 'int64' : 'value';
    default:
      return 'value';
  }
}

/** Session facts generated code may need (casts to and from zoned types, current time functions). */
export interface EvaluationContext {
  readonly timeZone: string;
  readonly startTime: number;
  readonly user: string;
}

/** Binds a `call` node's function to its implementation. */
export type FunctionBinder = (
  name: string,
  argumentTypes: readonly SqlType[],
  returnType: SqlType,
  /** Per argument: a lambda's parameter and body types (its entry in argumentTypes is the body's). */
  lambdas?: readonly ({ parameterTypes: readonly SqlType[]; returnType: SqlType } | undefined)[],
) => {
  readonly nullOnNull: boolean;
  readonly invoke: (...args: unknown[]) => unknown;
  /** true: same arguments, same result within a query, so calls on constants fold at compile time. */
  readonly deterministic?: boolean;
};

export interface CompiledProjection {
  /**
   * One output block over the page's rows, or — given `positions` — over those `count` rows only
   * (a filter's selection, so that FilterAndProject does not copy the input page first).
   */
  (page: Page, positions?: Int32Array, count?: number): Block;
}

export interface CompiledFilter {
  /** Positions where the predicate is true, and how many. */
  (page: Page): { positions: Int32Array; count: number };
}

class CodeGen {
  private readonly lines: string[] = [];
  private nextVar = 0;
  readonly constants: unknown[] = [];
  readonly channels = new Set<number>();
  /** Lambda parameters in scope: symbol name → the JS parameter holding its value. */
  private readonly lambdaLocals = new Map<string, string>();

  constructor(
    private readonly layout: ReadonlyMap<string, number>,
    private readonly ctx: EvaluationContext,
    private readonly binder: FunctionBinder | undefined,
  ) {}

  fresh(prefix = 'x'): string {
    return `${prefix}${this.nextVar++}`;
  }

  emit(line: string): void {
    this.lines.push(line);
  }

  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  body(): string {
    return this.lines.join('\n');
  }

  /** Emits code computing `e`; returns the names of its value and null-flag locals. */
  gen(e: RowExpression): [string, string] {
    const v = this.fresh('v');
    const n = this.fresh('n');
    this.emit(`let ${v}, ${n} = false;`);
    this.genInto(e, v, n);
    return [v, n];
  }

  /** false while evaluating a constant subexpression for folding (it must not fold itself). */
  fold = true;

  /**
   * Whether `e` reads no column and calls only deterministic functions, so it can be computed
   * once at compile time (Trino folds these in the planner: `CAST('1994-01-01' AS date)`,
   * `date + INTERVAL '1' YEAR` would otherwise run per row).
   */
  private foldable(e: RowExpression): boolean {
    switch (e.kind) {
      case 'constant':
        return true;
      case 'cast':
      case 'negate':
        return this.foldable(e.value);
      case 'arithmetic':
        return this.foldable(e.left) && this.foldable(e.right);
      case 'call':
        return (
          this.binder !== undefined &&
          e.arguments.every((a) => a.kind !== 'lambda' && this.foldable(a)) &&
          this.binder(
            e.function,
            e.arguments.map((a) => a.type),
            e.type,
          ).deterministic === true
        );
      default:
        return false;
    }
  }

  private genInto(e: RowExpression, v: string, n: string): void {
    if (this.fold && e.kind !== 'constant' && this.foldable(e)) {
      try {
        const value = evaluateUnfolded(e, this.ctx, this.binder);
        this.genInto({ kind: 'constant', value, type: e.type }, v, n);
        return;
      } catch {
        // it raises: compute it per row instead, so that the error surfaces only if a row gets there
      }
    }
    switch (e.kind) {
      case 'symbol': {
        const local = this.lambdaLocals.get(e.name);
        if (local !== undefined) {
          this.emit(`${v} = ${local} === undefined ? null : ${local}; ${n} = ${v} === null;`);
          return;
        }
        const c = this.layout.get(e.name);
        if (c === undefined)
          throw new TrinoError('COMPILER_ERROR', `Symbol ${e.name} is not in the input layout`);
        this.channels.add(c);
        if (isLongDecimal(e.type)) {
          // long decimals are held normalized (long-decimal.ts): a bigint block's safe values become numbers
          this.emit(
            `if (ck${c} === 'value') { ${v} = cv${c}[i]; ${n} = ${v} === null; if (!${n} && ${v} >= -9007199254740991n && ${v} <= 9007199254740991n) ${v} = Number(${v}); }`,
          );
          this.emit(`else { ${n} = cm${c} !== null && cm${c}[i] !== 0; ${v} = cv${c}[i]; }`);
          return;
        }
        this.emit(`if (ck${c} === 'value') { ${v} = cv${c}[i]; ${n} = ${v} === null; }`);
        this.emit(
          `else { ${n} = cm${c} !== null && cm${c}[i] !== 0; ${v} = ck${c} === 'boolean' ? cv${c}[i] === 1 : cv${c}[i]; }`,
        );
        return;
      }
      case 'constant': {
        if (e.value === null) {
          this.emit(`${n} = true;`);
          return;
        }
        const value = isLongDecimal(e.type) ? normalizeLong(e.value as bigint) : e.value;
        this.emit(
          `${v} = ${typeof value === 'number' || typeof value === 'boolean' ? String(value) : this.constant(value)};`,
        );
        return;
      }
      case 'arithmetic': {
        const [a, an] = this.gen(e.left);
        this.emit(`if (${an}) ${n} = true; else {`);
        const [b, bn] = this.gen(e.right);
        this.emit(
          `if (${bn}) ${n} = true; else ${v} = ${this.arithmetic(e.op, e.left.type, e.right.type, e.type, a, b)}; }`,
        );
        return;
      }
      case 'negate': {
        const [a, an] = this.gen(e.value);
        this.emit(`if (${an}) ${n} = true; else ${v} = ${this.negate(e.type, a)};`);
        return;
      }
      case 'comparison': {
        const [a, an] = this.gen(e.left);
        const [b, bn] = this.gen(e.right);
        if (isStructuralType(e.left.type)) {
          this.structuralComparison(e.op, e.left.type, a, an, b, bn, v, n);
          return;
        }
        if (e.op === 'distinct') {
          this.emit(
            `if (${an} || ${bn}) ${v} = ${an} !== ${bn}; else ${v} = !(${this.compare('eq', e.left.type, a, b)});`,
          );
        } else {
          this.emit(`if (${an} || ${bn}) ${n} = true; else ${v} = ${this.compare(e.op, e.left.type, a, b)};`);
        }
        return;
      }
      case 'logical': {
        // three-valued: AND is false if any term is false, else null if any is null, else true
        const stop = e.op === 'and' ? 'false' : 'true';
        const sawNull = this.fresh('s');
        this.emit(`let ${sawNull} = false; ${v} = ${e.op === 'and' ? 'true' : 'false'};`);
        const label = this.fresh('L');
        this.emit(`${label}: {`);
        for (const t of e.terms) {
          const [a, an] = this.gen(t);
          this.emit(
            `if (${an}) ${sawNull} = true; else if (${a} === ${stop}) { ${v} = ${stop}; ${sawNull} = false; break ${label}; }`,
          );
        }
        this.emit('}');
        this.emit(`if (${sawNull}) ${n} = true;`);
        return;
      }
      case 'not': {
        const [a, an] = this.gen(e.value);
        this.emit(`if (${an}) ${n} = true; else ${v} = !${a};`);
        return;
      }
      case 'isNull': {
        const [, an] = this.gen(e.value);
        this.emit(`${v} = ${an};`);
        return;
      }
      case 'cast': {
        const [a, an] = this.gen(e.value);
        const fn = this.constant(
          this.boundary(this.castKernel(e.value.type, e.type, e.safe), [e.value.type], e.type),
        );
        this.emit(`if (${an}) ${n} = true; else { ${v} = ${fn}(${a}); ${n} = ${v} === null; }`);
        return;
      }
      case 'if': {
        const [c, cn] = this.gen(e.condition);
        this.emit(`if (!${cn} && ${c} === true) {`);
        const [t, tn] = this.gen(e.then);
        this.emit(`${v} = ${t}; ${n} = ${tn}; } else {`);
        const [f, fn] = this.gen(e.else);
        this.emit(`${v} = ${f}; ${n} = ${fn}; }`);
        return;
      }
      case 'switch': {
        const label = this.fresh('L');
        this.emit(`${label}: {`);
        for (const w of e.whenClauses) {
          const [c, cn] = this.gen(w.condition);
          this.emit(`if (!${cn} && ${c} === true) {`);
          const [r, rn] = this.gen(w.result);
          this.emit(`${v} = ${r}; ${n} = ${rn}; break ${label}; }`);
        }
        const [d, dn] = this.gen(e.elseValue);
        this.emit(`${v} = ${d}; ${n} = ${dn}; }`);
        return;
      }
      case 'coalesce': {
        const label = this.fresh('L');
        this.emit(`${n} = true; ${label}: {`);
        for (const o of e.operands) {
          const [a, an] = this.gen(o);
          this.emit(`if (!${an}) { ${v} = ${a}; ${n} = false; break ${label}; }`);
        }
        this.emit('}');
        return;
      }
      case 'in': {
        const [a, an] = this.gen(e.value);
        this.emit(`if (${an}) ${n} = true; else {`);
        const label = this.fresh('L');
        const sawNull = this.fresh('s');
        this.emit(`let ${sawNull} = false; ${v} = false; ${label}: {`);
        for (const item of e.list) {
          const [b, bn] = this.gen(item);
          this.emit(
            `if (${bn}) ${sawNull} = true; else if (${this.compare('eq', e.value.type, a, b)}) { ${v} = true; break ${label}; }`,
          );
        }
        this.emit(`} if (!${v} && ${sawNull}) ${n} = true; }`);
        return;
      }
      case 'between': {
        const [a, an] = this.gen(e.value);
        const [lo, lon] = this.gen(e.min);
        const [hi, hin] = this.gen(e.max);
        const t = e.value.type;
        // NULL bounds: false when the other bound already excludes the value, else NULL
        this.emit(`if (${an}) ${n} = true; else {`);
        this.emit(
          `const ge = ${lon} ? null : ${this.compare('ge', t, a, lo)}; const le = ${hin} ? null : ${this.compare('le', t, a, hi)};`,
        );
        this.emit(
          `if (ge === false || le === false) ${v} = false; else if (ge === null || le === null) ${n} = true; else ${v} = true; }`,
        );
        return;
      }
      case 'like': {
        if (
          e.pattern.kind === 'constant' &&
          typeof e.pattern.value === 'string' &&
          (e.escape === undefined || (e.escape.kind === 'constant' && typeof e.escape.value === 'string'))
        ) {
          // a constant pattern: its test is built once, not looked up per row (a bad escape
          // falls through, so that the error is raised only when a row is tested, as before)
          let predicate: ((value: string) => boolean) | undefined;
          try {
            predicate = likePredicate(
              e.pattern.value,
              e.escape?.kind === 'constant' ? (e.escape.value as string) : undefined,
            );
          } catch {
            predicate = undefined;
          }
          if (predicate !== undefined) {
            const test = this.constant(predicate);
            const [a, an] = this.gen(e.value);
            this.emit(`if (${an}) ${n} = true; else ${v} = ${test}(${a});`);
            return;
          }
        }
        const [a, an] = this.gen(e.value);
        const [p, pn] = this.gen(e.pattern);
        let esc = 'undefined';
        let escn = 'false';
        if (e.escape) [esc, escn] = this.gen(e.escape);
        const matcher = this.constant(likeMatcher);
        this.emit(
          `if (${an} || ${pn} || ${escn}) ${n} = true; else ${v} = ${matcher}(${p}, ${esc}).test(${a});`,
        );
        return;
      }
      case 'lambda': {
        // a closure over the row's locals (captured columns read position `i`); it returns the
        // body's value or null, the canonical values the higher-order kernels expect
        const params = e.parameters.map(() => this.fresh('p'));
        e.parameters.forEach((p, k) => this.lambdaLocals.set(p.name, params[k]));
        this.emit(`${v} = (${params.join(', ')}) => {`);
        const [b, bn] = this.gen(e.body);
        this.emit(`return ${bn} ? null : ${b}; };`);
        for (const p of e.parameters) this.lambdaLocals.delete(p.name);
        return;
      }
      case 'row': {
        // a fresh array per row: row values are JS arrays (values.ts)
        const fields = e.fields.map((f) => this.gen(f));
        this.emit(`${v} = [${fields.map(([a, an]) => `${an} ? null : ${a}`).join(', ')}];`);
        return;
      }
      case 'field': {
        const [a, an] = this.gen(e.base);
        this.emit(`if (${an}) ${n} = true; else { ${v} = ${a}[${e.index}]; ${n} = ${v} === null; }`);
        return;
      }
      case 'call': {
        if (!this.binder)
          throw new TrinoError('FUNCTION_IMPLEMENTATION_MISSING', `No function registry for ${e.function}`);
        const bound = this.binder(
          e.function,
          e.arguments.map((a) => a.type),
          e.type,
          e.arguments.some((a) => a.kind === 'lambda')
            ? e.arguments.map((a) =>
                a.kind === 'lambda'
                  ? { parameterTypes: a.parameters.map((p) => p.type), returnType: a.body.type }
                  : undefined,
              )
            : undefined,
        );
        const args = e.arguments.map((a) => this.gen(a));
        const fn = this.constant(
          this.boundary(bound.invoke, [undefined, ...e.arguments.map((a) => a.type)], e.type),
        );
        const ctx = this.constant(this.ctx);
        const call = `${fn}(${[ctx, ...args.map(([a]) => a)].join(', ')})`;
        if (bound.nullOnNull && args.length > 0) {
          this.emit(
            `if (${args.map(([, an]) => an).join(' || ')}) ${n} = true; else { ${v} = ${call}; ${n} = ${v} === null; }`,
          );
        } else {
          const nullAware = `${fn}(${[ctx, ...args.map(([a, an]) => `(${an} ? null : ${a})`)].join(', ')})`;
          this.emit(`${v} = ${nullAware}; ${n} = ${v} === null;`);
        }
        return;
      }
    }
  }

  private arithmetic(op: string, lt: SqlType, rt: SqlType, type: SqlType, a: string, b: string): string {
    switch (type.kind) {
      case 'double':
        return op === 'modulus'
          ? `(${a} % ${b})`
          : `(${a} ${{ add: '+', subtract: '-', multiply: '*', divide: '/' }[op]} ${b})`;
      case 'real':
        return `Math.fround(${op === 'modulus' ? `${a} % ${b}` : `${a} ${{ add: '+', subtract: '-', multiply: '*', divide: '/' }[op]} ${b}`})`;
      case 'tinyint':
      case 'smallint':
      case 'integer': {
        const kind = type.kind;
        const kernels = {
          add: smallAdd,
          subtract: smallSubtract,
          multiply: smallMultiply,
          divide: smallDivide,
          modulus: smallModulus,
        };
        const f = kernels[op as keyof typeof kernels];
        return `${this.constant((x: number, y: number) => f(kind, x, y))}(${a}, ${b})`;
      }
      case 'bigint': {
        const kernels = {
          add: bigintAdd,
          subtract: bigintSubtract,
          multiply: bigintMultiply,
          divide: bigintDivide,
          modulus: bigintModulus,
        };
        return `${this.constant(kernels[op as keyof typeof kernels])}(${a}, ${b})`;
      }
      case 'decimal': {
        const l = lt as DecimalType;
        const r = rt as DecimalType;
        if (isLongDecimal(type)) {
          const kernel = longDecimalArithmetic(op as 'add', l, r, type);
          return `${this.constant(kernel)}(${a}, ${b})`;
        }
        const kernels = {
          add: decimalAdd,
          subtract: decimalSubtract,
          multiply: decimalMultiply,
          divide: decimalDivide,
          modulus: decimalModulus,
        };
        const f = kernels[op as keyof typeof kernels] as (
          x: unknown,
          xt: DecimalType,
          y: unknown,
          yt: DecimalType,
        ) => unknown;
        return `${this.constant((x: unknown, y: unknown) => f(x, l, y, r))}(${a}, ${b})`;
      }
      case 'interval_year_to_month':
      case 'interval_day_to_second':
        if (op === 'add' || op === 'subtract') {
          return `${this.constant(op === 'add' ? bigintAdd : bigintSubtract)}(${a}, ${b})`;
        }
    }
    throw new TrinoError('NOT_SUPPORTED', `Arithmetic ${op} on ${formatType(type)} is not supported yet`);
  }

  private negate(type: SqlType, a: string): string {
    switch (type.kind) {
      case 'double':
      case 'real':
        return `(-${a})`;
      case 'tinyint':
      case 'smallint':
      case 'integer': {
        const kind = type.kind;
        return `${this.constant((x: number) => smallNegate(kind, x))}(${a})`;
      }
      case 'bigint':
      case 'interval_day_to_second':
        return `${this.constant(bigintNegate)}(${a})`;
      case 'interval_year_to_month':
        return `(-${a})`;
      case 'decimal':
        return `${this.constant(decimalNegate)}(${a})`;
    }
    throw new TrinoError('NOT_SUPPORTED', `Cannot negate ${formatType(type)}`);
  }

  /**
   * Rows, arrays and maps compare with Trino's operators (values-compare.ts): `=` is NULL when a
   * NULL element leaves it undecided, ordering is lexicographic and fails on a NULL it reaches.
   */
  private structuralComparison(
    op: ComparisonOp,
    t: SqlType,
    a: string,
    an: string,
    b: string,
    bn: string,
    v: string,
    n: string,
  ): void {
    if (op === 'distinct') {
      const identical = this.constant(identityFor(t));
      this.emit(`if (${an} || ${bn}) ${v} = ${an} !== ${bn}; else ${v} = !${identical}(${a}, ${b});`);
      return;
    }
    if (op === 'eq' || op === 'ne') {
      const equal = this.constant(equalityFor(t));
      this.emit(
        `if (${an} || ${bn}) ${n} = true; else { ${v} = ${equal}(${a}, ${b}); if (${v} === null) ${n} = true;${op === 'ne' ? ` else ${v} = !${v};` : ''} }`,
      );
      return;
    }
    const compare = this.constant(comparatorFor(t));
    const js = { lt: '<', le: '<=', gt: '>', ge: '>=' }[op];
    this.emit(`if (${an} || ${bn}) ${n} = true; else ${v} = ${compare}(${a}, ${b}) ${js} 0;`);
  }

  /** A comparison of two non-null values of type `t`, as a boolean JS expression. */
  compare(op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge', t: SqlType, a: string, b: string): string {
    const js = { eq: '===', ne: '!==', lt: '<', le: '<=', gt: '>', ge: '>=' }[op];
    switch (t.kind) {
      case 'varchar':
      case 'char':
        if (op === 'eq' || op === 'ne') return `(${a} ${js} ${b})`;
        return `(${this.constant(compareStrings)}(${a}, ${b}) ${js} 0)`;
      case 'boolean':
      case 'tinyint':
      case 'smallint':
      case 'integer':
      case 'real':
      case 'double':
      case 'date':
      case 'bigint':
      case 'decimal':
      case 'interval_year_to_month':
      case 'interval_day_to_second':
      case 'time':
        // Int64 and long-decimal values are normalized, so === and < work across number/bigint
        return `(${a} ${js} ${b})`;
      case 'timestamp':
        if (t.precision <= 6) return `(${a} ${js} ${b})`;
        break;
      case 'unknown':
        return 'false';
    }
    // other scalar types (varbinary, long timestamps, zoned values, uuid…): the value library's
    // operators, which define Trino's equality and order for each type
    if (op === 'eq' || op === 'ne') return `(${this.constant(equalityFor(t))}(${a}, ${b}) ${js} true)`;
    if (isOrderableType(t)) return `(${this.constant(comparatorFor(t))}(${a}, ${b}) ${js} 0)`;
    throw new TrinoError('NOT_SUPPORTED', `Comparison of ${formatType(t)} values is not supported yet`);
  }

  /**
   * Wraps a kernel that takes and returns canonical values so that generated code can pass it
   * normalized long decimals: those arguments become bigints, and a long-decimal result is
   * normalized. `argumentTypes[i]` undefined: argument i is passed as is.
   */
  private boundary<F extends (...args: never[]) => unknown>(
    fn: F,
    argumentTypes: readonly (SqlType | undefined)[],
    resultType: SqlType,
  ): F {
    const longArgs = argumentTypes.map((t) => t !== undefined && isLongDecimal(t));
    const longResult = isLongDecimal(resultType);
    if (!longResult && !longArgs.includes(true)) return fn;
    const f = fn as unknown as (...args: unknown[]) => unknown;
    return ((...args: unknown[]) => {
      for (let i = 0; i < args.length; i++) {
        if (longArgs[i] && args[i] !== null) args[i] = canonicalLong(args[i] as number | bigint);
      }
      const r = f(...args);
      return longResult && r !== null ? normalizeLong(r as number | bigint) : r;
    }) as unknown as F;
  }

  private castKernel(from: SqlType, to: SqlType, safe: boolean): (v: unknown) => unknown {
    const ctx = { timeZone: this.ctx.timeZone, startEpochMillis: this.ctx.startTime };
    if (!safe) return (v) => castValue(v, from, to, ctx);
    return (v) => {
      try {
        return castValue(v, from, to, ctx);
      } catch (err) {
        if (err instanceof TrinoError && err.errorType === 'USER_ERROR') return null;
        throw err;
      }
    };
  }
}

function prologue(channels: Iterable<number>): string {
  const lines: string[] = [];
  for (const c of channels) {
    // channel locals are prefixed `c…`; generated temporaries are `v…`, `n…`, `s…`, `L…`
    lines.push(
      `const cb${c} = page.blocks[${c}]; const ck${c} = cb${c}.kind; const cv${c} = cb${c}.values; const cm${c} = ck${c} === 'value' ? null : cb${c}.nulls;`,
    );
  }
  return lines.join('\n');
}

/** Compiles a projection: one output block per page. */
export function compileProjection(
  e: RowExpression,
  layout: ReadonlyMap<string, number>,
  ctx: EvaluationContext,
  binder?: FunctionBinder,
): CompiledProjection {
  const g = new CodeGen(layout, ctx, binder);
  // a bare input column is passed through without copying
  if (e.kind === 'symbol') {
    const c = layout.get(e.name);
    if (c === undefined)
      throw new TrinoError('COMPILER_ERROR', `Symbol ${e.name} is not in the input layout`);
    return (page, positions, count) =>
      positions === undefined ? page.blocks[c] : takePositions(page.blocks[c], positions, count!);
  }
  const [v, n] = g.gen(e);
  const kind = isLongDecimal(e.type) ? 'long' : physicalKind(e.type);
  let store: string;
  let init: string;
  let finish: string;
  switch (kind) {
    case 'long':
      // normalized long decimals: a Float64Array while every value is safe, else canonical bigints
      init = 'let out = new Float64Array(count); let nulls = null; let big = null;';
      store = `if (big !== null) big[j] = ${n} ? null : BigInt(${v}); else if (${n}) (nulls ??= new Uint8Array(count))[j] = 1; else if (typeof ${v} === 'bigint') { big = F.toBigints(out, nulls, j); big[j] = ${v}; } else out[j] = ${v};`;
      finish = 'return big !== null ? F.valueBlock(big) : F.numberBlock(out, nulls, true);';
      break;
    case 'number':
      init = 'const out = new Float64Array(count); let nulls = null;';
      store = `if (${n}) (nulls ??= new Uint8Array(count))[j] = 1; else out[j] = ${v};`;
      finish = 'return F.numberBlock(out, nulls);';
      break;
    case 'int64':
      // stays a Float64Array until a value leaves the safe range, then becomes a value array
      init = 'let out = new Float64Array(count); let nulls = null; let big = null;';
      store = `if (big !== null) big[j] = ${n} ? null : ${v}; else if (${n}) (nulls ??= new Uint8Array(count))[j] = 1; else if (typeof ${v} === 'bigint') { big = F.toValues(out, nulls, j); big[j] = ${v}; } else out[j] = ${v};`;
      finish = 'return big !== null ? F.valueBlock(big) : F.numberBlock(out, nulls);';
      break;
    case 'boolean':
      init = 'const out = new Uint8Array(count); let nulls = null;';
      store = `if (${n}) (nulls ??= new Uint8Array(count))[j] = 1; else out[j] = ${v} ? 1 : 0;`;
      finish = 'return F.booleanBlock(out, nulls);';
      break;
    default:
      init = 'const out = new Array(count);';
      store = `out[j] = ${n} ? null : ${v};`;
      finish = 'return F.valueBlock(out);';
  }
  const source = `return function projection(page, sel, selCount) {
const count = sel === undefined ? page.positionCount : selCount;
${prologue(g.channels)}
${init}
for (let j = 0; j < count; j++) {
const i = sel === undefined ? j : sel[j];
${g.body()}
${store}
}
${finish}
};`;
  return new Function('K', 'F', source)(g.constants, BLOCK_FACTORIES) as CompiledProjection;
}

/** Compiles a filter: the positions where the predicate is true (not false, not NULL). */
export function compileFilter(
  e: RowExpression,
  layout: ReadonlyMap<string, number>,
  ctx: EvaluationContext,
  binder?: FunctionBinder,
): CompiledFilter {
  const g = new CodeGen(layout, ctx, binder);
  const [v, n] = g.gen(e);
  const source = `return function filter(page) {
const count = page.positionCount;
${prologue(g.channels)}
const positions = new Int32Array(count);
let selected = 0;
for (let i = 0; i < count; i++) {
${g.body()}
if (!${n} && ${v} === true) positions[selected++] = i;
}
return { positions, count: selected };
};`;
  return new Function('K', 'F', source)(g.constants, BLOCK_FACTORIES) as CompiledFilter;
}

/** Evaluates a column-free expression without folding its subexpressions first. */
function evaluateUnfolded(e: RowExpression, ctx: EvaluationContext, binder?: FunctionBinder): unknown {
  const g = new CodeGen(new Map(), ctx, binder);
  g.fold = false;
  const [v, n] = g.gen(e);
  const source = `return function constant() {
const i = 0;
${g.body()}
return ${n} ? null : ${v};
};`;
  const run = new Function('K', 'F', source)(g.constants, BLOCK_FACTORIES) as () => unknown;
  const value = run();
  return isLongDecimal(e.type) && value !== null ? canonicalLong(value as number | bigint) : value;
}

/** Evaluates an expression that reads no columns (constant folding, VALUES rows). */
export function evaluateConstant(e: RowExpression, ctx: EvaluationContext, binder?: FunctionBinder): unknown {
  const projection = compileProjection(e, new Map(), ctx, binder);
  return valueAt(projection({ positionCount: 1, blocks: [] }), 0);
}

const BLOCK_FACTORIES = {
  numberBlock,
  booleanBlock,
  valueBlock,
  /** Switches an Int64 output to a value array when a bigint appears at position `upTo`. */
  toValues(out: Float64Array, nulls: Uint8Array | null, upTo: number): unknown[] {
    const values = new Array<unknown>(out.length);
    for (let i = 0; i < upTo; i++) values[i] = nulls !== null && nulls[i] !== 0 ? null : out[i];
    return values;
  },
  /** Switches a long-decimal output to canonical bigints when an unsafe value appears at `upTo`. */
  toBigints(out: Float64Array, nulls: Uint8Array | null, upTo: number): unknown[] {
    const values = new Array<unknown>(out.length);
    for (let i = 0; i < upTo; i++) values[i] = nulls !== null && nulls[i] !== 0 ? null : BigInt(out[i]);
    return values;
  },
};
