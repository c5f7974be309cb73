/**
 * Function signatures with type variables and literal (long) variables, and the binder that
 * matches a call site against them — after Trino's io.trino.spi.function.Signature,
 * io.trino.spi.type.TypeSignature and io.trino.metadata.SignatureBinder.
 *
 * Declared signatures are written as Trino prints them:
 *   `substr(varchar(x), bigint) -> varchar(x)`
 *   `contains(array(T), T) -> boolean` with type variable `T:comparable`
 *   `transform(array(T), function(T,U)) -> array(U)`
 *   `round(decimal(p,s), integer) -> decimal(rp,s)` with `rp = min(38, p + 1)`
 * Binding follows SignatureBinder: a type variable binds to the common super type of the actual
 * types it meets, a literal-parameterized type (varchar(x), decimal(p,s), timestamp(p)) binds its
 * variables from the actual type coerced to that base (unknown → varchar(0), decimal(1,0), …), a
 * lambda's body type is asked for once its parameter types are known, and finally every argument
 * must equal (exact pass) or be implicitly coercible to (coercion pass) its bound parameter type.
 */

import { TrinoError } from '../errors';
import {
  arrayType,
  BIGINT,
  BOOLEAN,
  canCoerce,
  charType,
  commonSuperType,
  DATE,
  decimalType,
  DOUBLE,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  isComparableType,
  isOrderableType,
  JSON_TYPE,
  mapType,
  REAL,
  rowType,
  SMALLINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  TINYINT,
  typeEquals,
  UNKNOWN,
  UUID,
  IPADDRESS,
  VARBINARY,
  varcharType,
  type SqlType,
} from '../types';

// ---------------------------------------------------------------------------------------------
// Type signatures

export type TypeParam =
  | { readonly kind: 'type'; readonly sig: TypeSig }
  | { readonly kind: 'long'; readonly value: number }
  | { readonly kind: 'var'; readonly name: string };

export interface TypeSig {
  /** Lower-case base name: `bigint`, `varchar`, `array`, `timestamp with time zone`, or a type variable. */
  readonly base: string;
  readonly params: readonly TypeParam[];
  /**
   * Display name of a pseudo type Trino has but Tessera models as varchar (`JoniRegExp`,
   * `JsonPath`, `codepoints`, `LikePattern`): resolves like `varchar`, prints like Trino.
   */
  readonly alias?: string;
}

export interface TypeVariable {
  readonly name: string;
  readonly comparable: boolean;
  readonly orderable: boolean;
}

export interface LongConstraint {
  readonly name: string;
  readonly compute: (vars: Readonly<Record<string, number>>) => number;
}

export interface DeclaredSignature {
  readonly name: string;
  readonly typeVariables: readonly TypeVariable[];
  readonly argumentTypes: readonly TypeSig[];
  readonly returnType: TypeSig;
  readonly variadic: boolean;
  readonly longConstraints: readonly LongConstraint[];
}

const PSEUDO_VARCHAR = new Map<string, string>([
  ['joniregexp', 'JoniRegExp'],
  ['jsonpath', 'JsonPath'],
  ['codepoints', 'codepoints'],
  ['likepattern', 'LikePattern'],
]);

/** Parses signature type text such as `map(K,V)`, `decimal(p,s)`, `timestamp(p) with time zone`. */
export function parseTypeSig(text: string): TypeSig {
  const p = new SigParser(text);
  const sig = p.type();
  p.end();
  return sig;
}

class SigParser {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && this.s[this.i] === ' ') this.i++;
  }

  private word(): string {
    this.ws();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    if (!m) throw new Error(`bad signature type: ${this.s} at ${this.i}`);
    this.i += m[0].length;
    return m[0];
  }

  private peekWord(w: string): boolean {
    this.ws();
    return new RegExp(`^${w}\\b`, 'i').test(this.s.slice(this.i));
  }

  end(): void {
    this.ws();
    if (this.i !== this.s.length) throw new Error(`bad signature type: ${this.s}`);
  }

  type(): TypeSig {
    const first = this.word();
    let base = first;
    const lower = first.toLowerCase();
    if (lower === 'interval') {
      base = `interval ${this.word()} ${this.word()} ${this.word()}`.toLowerCase();
      return { base, params: [] };
    }
    const alias = PSEUDO_VARCHAR.get(lower);
    if (alias !== undefined) return { base: 'varchar', params: [], alias };
    const params: TypeParam[] = [];
    this.ws();
    if (this.s[this.i] === '(') {
      this.i++;
      for (;;) {
        this.ws();
        const rest = this.s.slice(this.i);
        const num = /^\d+/.exec(rest);
        if (num) {
          params.push({ kind: 'long', value: Number(num[0]) });
          this.i += num[0].length;
        } else if (
          /^[a-z][a-z0-9_]*\s*[,)]/.test(rest) &&
          !KNOWN_BASES.has(/^[a-z][a-z0-9_]*/.exec(rest)![0])
        ) {
          // lower-case single identifier that is not a type: a literal variable (x, p, s, rp)
          const name = /^[a-z][a-z0-9_]*/.exec(rest)![0];
          params.push({ kind: 'var', name });
          this.i += name.length;
        } else {
          params.push({ kind: 'type', sig: this.type() });
        }
        this.ws();
        if (this.s[this.i] === ',') {
          this.i++;
          continue;
        }
        if (this.s[this.i] === ')') {
          this.i++;
          break;
        }
        throw new Error(`bad signature type: ${this.s}`);
      }
    }
    if (this.peekWord('with')) {
      this.word();
      this.word();
      this.word();
      base = `${lower} with time zone`;
    } else {
      base = /^[A-Z]/.test(first) ? first : lower;
    }
    return { base, params };
  }
}

const KNOWN_BASES = new Set([
  'boolean',
  'tinyint',
  'smallint',
  'integer',
  'bigint',
  'real',
  'double',
  'decimal',
  'varchar',
  'char',
  'varbinary',
  'date',
  'time',
  'timestamp',
  'json',
  'uuid',
  'ipaddress',
  'unknown',
  'array',
  'map',
  'row',
  'function',
]);

/** Trino's TypeSignature.toString: `varchar(x)`, `decimal(p,s)`, `map(K,V)`, `timestamp(p) with time zone`. */
export function formatTypeSig(sig: TypeSig): string {
  if (sig.alias !== undefined) return sig.alias;
  if (sig.params.length === 0) return sig.base;
  const params = sig.params.map((p) =>
    p.kind === 'type' ? formatTypeSig(p.sig) : p.kind === 'long' ? String(p.value) : p.name,
  );
  if (sig.base.endsWith(' with time zone')) {
    return `${sig.base.slice(0, -' with time zone'.length)}(${params.join(',')}) with time zone`;
  }
  return `${sig.base}(${params.join(',')})`;
}

/** A concrete type as Trino's TypeSignature prints it (`decimal(10,2)`, `map(varchar,bigint)`). */
export function formatTypeSignature(t: SqlType): string {
  switch (t.kind) {
    case 'array':
      return `array(${formatTypeSignature(t.element)})`;
    case 'map':
      return `map(${formatTypeSignature(t.key)},${formatTypeSignature(t.value)})`;
    case 'row':
      return `row(${t.fields.map((f) => (f.name === undefined ? '' : `${f.name} `) + formatTypeSignature(f.type)).join(',')})`;
    case 'varchar':
      return t.length === undefined ? 'varchar' : `varchar(${t.length})`;
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'char':
      return `char(${t.length})`;
    case 'time':
      return `time(${t.precision})`;
    case 'time_tz':
      return `time(${t.precision}) with time zone`;
    case 'timestamp':
      return `timestamp(${t.precision})`;
    case 'timestamp_tz':
      return `timestamp(${t.precision}) with time zone`;
    case 'interval_year_to_month':
      return 'interval year to month';
    case 'interval_day_to_second':
      return 'interval day to second';
    default:
      return t.kind;
  }
}

export function formatTypeVariable(v: TypeVariable): string {
  return v.name + (v.comparable ? ':comparable' : '') + (v.orderable ? ':orderable' : '');
}

/** `name(arg, arg) T:comparable` as in Trino's "Expected:" list. */
export function formatDeclaredSignature(displayName: string, sig: DeclaredSignature): string {
  const args = sig.argumentTypes.map(formatTypeSig).join(', ');
  const constraints = sig.typeVariables.map(formatTypeVariable).join(', ');
  return `${displayName}(${args}) ${constraints}`.trimEnd();
}

export function isGenericSignature(sig: DeclaredSignature): boolean {
  if (sig.typeVariables.length > 0 || sig.longConstraints.length > 0) return true;
  const hasVar = (t: TypeSig): boolean =>
    t.params.some((p) => p.kind === 'var' || (p.kind === 'type' && hasVar(p.sig)));
  return sig.argumentTypes.some(hasVar) || hasVar(sig.returnType);
}

// ---------------------------------------------------------------------------------------------
// Concrete types as base + parameters

type ConcreteParam = { kind: 'type'; type: SqlType } | { kind: 'long'; value: number };

const UNBOUNDED_VARCHAR = 2147483647;

/** Trino's TypeSignature base of a concrete type. */
export function typeBase(t: SqlType): string {
  switch (t.kind) {
    case 'time_tz':
      return 'time with time zone';
    case 'timestamp_tz':
      return 'timestamp with time zone';
    case 'interval_year_to_month':
      return 'interval year to month';
    case 'interval_day_to_second':
      return 'interval day to second';
    default:
      return t.kind;
  }
}

function typeParams(t: SqlType): ConcreteParam[] {
  switch (t.kind) {
    case 'decimal':
      return [
        { kind: 'long', value: t.precision },
        { kind: 'long', value: t.scale },
      ];
    case 'varchar':
      return [{ kind: 'long', value: t.length ?? UNBOUNDED_VARCHAR }];
    case 'char':
      return [{ kind: 'long', value: t.length }];
    case 'time':
    case 'time_tz':
    case 'timestamp':
    case 'timestamp_tz':
      return [{ kind: 'long', value: t.precision }];
    case 'array':
      return [{ kind: 'type', type: t.element }];
    case 'map':
      return [
        { kind: 'type', type: t.key },
        { kind: 'type', type: t.value },
      ];
    case 'row':
      return t.fields.map((f) => ({ kind: 'type', type: f.type }));
    default:
      return [];
  }
}

const SIMPLE: Record<string, SqlType> = {
  boolean: BOOLEAN,
  tinyint: TINYINT,
  smallint: SMALLINT,
  integer: INTEGER,
  bigint: BIGINT,
  real: REAL,
  double: DOUBLE,
  varbinary: VARBINARY,
  date: DATE,
  json: JSON_TYPE,
  uuid: UUID,
  ipaddress: IPADDRESS,
  unknown: UNKNOWN,
  'interval year to month': INTERVAL_YEAR_TO_MONTH,
  'interval day to second': INTERVAL_DAY_TO_SECOND,
};

function longAt(params: readonly ConcreteParam[], i: number): number {
  const p = params[i];
  if (p === undefined || p.kind !== 'long') throw new Error('expected a literal parameter');
  return p.value;
}

function typeAt(params: readonly ConcreteParam[], i: number): SqlType {
  const p = params[i];
  if (p === undefined || p.kind !== 'type') throw new Error('expected a type parameter');
  return p.type;
}

/** Builds a concrete type from a base and parameters; throws on invalid parameters. */
function makeType(base: string, params: readonly ConcreteParam[]): SqlType {
  const simple = SIMPLE[base];
  if (simple !== undefined) return simple;
  switch (base) {
    case 'varchar':
      return params.length === 0 ? varcharType() : varcharType(longAt(params, 0));
    case 'char':
      return charType(params.length === 0 ? 1 : longAt(params, 0));
    case 'decimal':
      return params.length === 0 ? decimalType() : decimalType(longAt(params, 0), longAt(params, 1));
    case 'time':
      return timeType(params.length === 0 ? 3 : longAt(params, 0));
    case 'time with time zone':
      return timeWithTimeZoneType(params.length === 0 ? 3 : longAt(params, 0));
    case 'timestamp':
      return timestampType(params.length === 0 ? 3 : longAt(params, 0));
    case 'timestamp with time zone':
      return timestampWithTimeZoneType(params.length === 0 ? 3 : longAt(params, 0));
    case 'array':
      return arrayType(typeAt(params, 0));
    case 'map':
      return mapType(typeAt(params, 0), typeAt(params, 1));
    case 'row':
      return rowType(params.map((_, i) => typeAt(params, i)));
    default:
      throw new Error(`unknown type base ${base}`);
  }
}

/** Trino's TypeCoercion.coerceTypeBase: the type `t` becomes when coerced to a type of base `base`. */
function coerceTypeBase(t: SqlType, base: string): SqlType | undefined {
  const from = typeBase(t);
  if (from === base) return t;
  switch (t.kind) {
    case 'unknown':
      switch (base) {
        case 'varchar':
          return varcharType(0);
        case 'char':
          return charType(0);
        case 'decimal':
          return decimalType(1, 0);
        case 'time':
          return timeType(3);
        case 'timestamp':
          return timestampType(3);
        case 'time with time zone':
          return timeWithTimeZoneType(3);
        case 'timestamp with time zone':
          return timestampWithTimeZoneType(3);
        default:
          return SIMPLE[base];
      }
    case 'tinyint':
      return base === 'decimal' ? decimalType(3, 0) : undefined;
    case 'smallint':
      return base === 'decimal' ? decimalType(5, 0) : undefined;
    case 'integer':
      return base === 'decimal' ? decimalType(10, 0) : undefined;
    case 'bigint':
      return base === 'decimal' ? decimalType(19, 0) : undefined;
    case 'char':
      return base === 'varchar' ? varcharType(t.length) : undefined;
    case 'date':
      if (base === 'timestamp') return timestampType(0);
      if (base === 'timestamp with time zone') return timestampWithTimeZoneType(0);
      return undefined;
    case 'time':
      return base === 'time with time zone' ? timeWithTimeZoneType(t.precision) : undefined;
    case 'timestamp':
      return base === 'timestamp with time zone' ? timestampWithTimeZoneType(t.precision) : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Binding

export type ArgumentShape =
  | { kind: 'value'; type: SqlType }
  | { kind: 'lambda'; arity: number; bodyType: (parameterTypes: SqlType[]) => SqlType };

export interface LambdaBinding {
  readonly parameterTypes: SqlType[];
  /** The type the lambda body must produce (its body is coerced to it). */
  readonly returnType: SqlType;
}

export interface BoundSignature {
  /** Per argument: the type it must be coerced to (for a lambda: the body's return type). */
  readonly argumentTypes: SqlType[];
  readonly returnType: SqlType;
  readonly typeVariables: Readonly<Record<string, SqlType>>;
  readonly longVariables: Readonly<Record<string, number>>;
  /** Per argument: the lambda's parameter and return types, or undefined for a value argument. */
  readonly lambdas: (LambdaBinding | undefined)[];
}

type Status = 'same' | 'changed' | 'fail';

class Binder {
  readonly types = new Map<string, SqlType>();
  readonly longs = new Map<string, number>();
  private readonly vars: Map<string, TypeVariable>;
  private readonly bodyCache = new Map<string, SqlType>();

  constructor(private readonly decl: DeclaredSignature) {
    this.vars = new Map(decl.typeVariables.map((v) => [v.name, v]));
  }

  isTypeVariable(sig: TypeSig): boolean {
    return sig.params.length === 0 && this.vars.has(sig.base);
  }

  private satisfies(name: string, t: SqlType): boolean {
    const v = this.vars.get(name)!;
    if (v.comparable && !isComparableType(t)) return false;
    if (v.orderable && !isOrderableType(t)) return false;
    return true;
  }

  solve(formal: TypeSig, actual: SqlType): Status {
    if (this.isTypeVariable(formal)) {
      const current = this.types.get(formal.base);
      if (current === undefined) {
        if (!this.satisfies(formal.base, actual)) return 'fail';
        this.types.set(formal.base, actual);
        return 'changed';
      }
      const sup = commonSuperType(current, actual);
      if (sup === undefined || !this.satisfies(formal.base, sup)) return 'fail';
      if (typeEquals(sup, current)) return 'same';
      this.types.set(formal.base, sup);
      return 'changed';
    }
    if (formal.params.length === 0) return 'same';
    if (formal.params.every((p) => p.kind !== 'type')) return this.solveLiteral(formal, actual);
    if (formal.base === 'function') return 'same';
    let actualParams: SqlType[];
    if (actual.kind === 'unknown') {
      actualParams = formal.params.map(() => UNKNOWN);
    } else {
      if (typeBase(actual) !== formal.base) return 'fail';
      actualParams = typeParams(actual).map((p) => (p.kind === 'type' ? p.type : UNKNOWN));
    }
    if (actualParams.length !== formal.params.length) return 'fail';
    let status: Status = 'same';
    for (let i = 0; i < formal.params.length; i++) {
      const p = formal.params[i];
      if (p.kind !== 'type') return 'fail';
      const r = this.solve(p.sig, actualParams[i]);
      if (r === 'fail') return 'fail';
      if (r === 'changed') status = 'changed';
    }
    return status;
  }

  private solveLiteral(formal: TypeSig, actual: SqlType): Status {
    const coerced = coerceTypeBase(actual, formal.base);
    if (coerced === undefined) return 'fail';
    const coercedParams = typeParams(coerced);
    let original: SqlType;
    try {
      const params: ConcreteParam[] = formal.params.map((p, i) => {
        if (p.kind === 'var') {
          const bound = this.longs.get(p.name);
          return { kind: 'long', value: bound ?? longAt(coercedParams, i) };
        }
        return { kind: 'long', value: (p as { value: number }).value };
      });
      original = makeType(formal.base, params);
    } catch {
      return 'fail';
    }
    const sup = commonSuperType(original, actual);
    if (sup === undefined || typeBase(sup) !== formal.base) return 'fail';
    const supParams = typeParams(sup);
    let status: Status = 'same';
    for (let i = 0; i < formal.params.length; i++) {
      const p = formal.params[i];
      const value = longAt(supParams, i);
      if (p.kind === 'var') {
        if (this.longs.get(p.name) !== value) {
          this.longs.set(p.name, value);
          status = 'changed';
        }
      } else if (p.kind === 'long' && p.value !== value) {
        return 'fail';
      }
    }
    return status;
  }

  /** The concrete type of `sig` under the current bindings, or undefined if something is unbound. */
  apply(sig: TypeSig): SqlType | undefined {
    if (this.isTypeVariable(sig)) return this.types.get(sig.base);
    const params: ConcreteParam[] = [];
    for (const p of sig.params) {
      if (p.kind === 'long') params.push(p);
      else if (p.kind === 'var') {
        const v = this.longs.get(p.name);
        if (v === undefined) return undefined;
        params.push({ kind: 'long', value: v });
      } else {
        const t = this.apply(p.sig);
        if (t === undefined) return undefined;
        params.push({ kind: 'type', type: t });
      }
    }
    if (sig.base === 'varchar' && params.length === 1 && params[0].kind === 'long') {
      // varchar(2147483647) is unbounded varchar; anything larger is clamped as Trino's calculations do
      return varcharType(Math.min(params[0].value, UNBOUNDED_VARCHAR));
    }
    return makeType(sig.base, params);
  }

  lambdaBody(shape: Extract<ArgumentShape, { kind: 'lambda' }>, parameterTypes: SqlType[]): SqlType {
    const key = parameterTypes.map(formatTypeSignature).join('|');
    let body = this.bodyCache.get(key);
    if (body === undefined) {
      body = shape.bodyType(parameterTypes);
      this.bodyCache.set(key, body);
    }
    return body;
  }

  computeLongConstraints(): void {
    for (const c of this.decl.longConstraints) {
      this.longs.set(c.name, c.compute(Object.fromEntries(this.longs)));
    }
  }
}

/** The declared argument list expanded to `arity` arguments (variadic signatures), or undefined. */
export function expandArguments(decl: DeclaredSignature, arity: number): readonly TypeSig[] | undefined {
  const formals = decl.argumentTypes;
  if (!decl.variadic) return formals.length === arity ? formals : undefined;
  if (arity < formals.length - 1) return undefined;
  const fixed = formals.slice(0, formals.length - 1);
  const last = formals[formals.length - 1];
  const out = [...fixed];
  while (out.length < arity) out.push(last);
  return out;
}

/**
 * Binds a call site to a declared signature; undefined when it does not apply. With
 * `allowCoercion` false every argument must already have its bound parameter type.
 */
export function bindSignature(
  decl: DeclaredSignature,
  shapes: readonly ArgumentShape[],
  allowCoercion: boolean,
): BoundSignature | undefined {
  const formals = expandArguments(decl, shapes.length);
  if (formals === undefined) return undefined;
  for (let i = 0; i < formals.length; i++) {
    const isFunction = formals[i].base === 'function';
    const shape = shapes[i];
    if (isFunction !== (shape.kind === 'lambda')) return undefined;
    if (shape.kind === 'lambda' && shape.arity !== formals[i].params.length - 1) return undefined;
  }
  const b = new Binder(decl);
  const lambdaBodies: (SqlType | undefined)[] = shapes.map(() => undefined);
  const lambdaParams: (SqlType[] | undefined)[] = shapes.map(() => undefined);

  for (let iteration = 0; ; iteration++) {
    if (iteration > 8) return undefined;
    let changed = false;
    for (let i = 0; i < formals.length; i++) {
      const shape = shapes[i];
      if (shape.kind === 'value') {
        const r = b.solve(formals[i], shape.type);
        if (r === 'fail') return undefined;
        if (r === 'changed') changed = true;
      } else {
        const sigParams = formals[i].params.map((p) => (p as { sig: TypeSig }).sig);
        const paramTypes: SqlType[] = [];
        let ready = true;
        for (let j = 0; j < sigParams.length - 1; j++) {
          const t = b.apply(sigParams[j]);
          if (t === undefined) {
            ready = false;
            break;
          }
          paramTypes.push(t);
        }
        if (!ready) continue;
        const body = b.lambdaBody(shape, paramTypes);
        lambdaParams[i] = paramTypes;
        lambdaBodies[i] = body;
        const r = b.solve(sigParams[sigParams.length - 1], body);
        if (r === 'fail') return undefined;
        if (r === 'changed') changed = true;
      }
    }
    if (!changed) break;
  }

  for (const v of decl.typeVariables) if (!b.types.has(v.name)) return undefined;
  try {
    b.computeLongConstraints();
  } catch {
    return undefined;
  }

  const argumentTypes: SqlType[] = [];
  const lambdas: (LambdaBinding | undefined)[] = [];
  try {
    for (let i = 0; i < formals.length; i++) {
      const shape = shapes[i];
      if (shape.kind === 'value') {
        const bound = b.apply(formals[i]);
        if (bound === undefined) return undefined;
        if (!(typeEquals(bound, shape.type) || (allowCoercion && canCoerce(shape.type, bound))))
          return undefined;
        argumentTypes.push(bound);
        lambdas.push(undefined);
      } else {
        const sigParams = formals[i].params.map((p) => (p as { sig: TypeSig }).sig);
        const body = lambdaBodies[i];
        const params = lambdaParams[i];
        if (body === undefined || params === undefined) return undefined;
        const bound = b.apply(sigParams[sigParams.length - 1]);
        if (bound === undefined) return undefined;
        // Trino binds the lambda's return type exactly; a NULL body (unknown) may still be coerced.
        if (!(typeEquals(bound, body) || (body.kind === 'unknown' && canCoerce(body, bound))))
          return undefined;
        argumentTypes.push(bound);
        lambdas.push({ parameterTypes: params, returnType: bound });
      }
    }
    const returnType = b.apply(decl.returnType);
    if (returnType === undefined) return undefined;
    return {
      argumentTypes,
      returnType,
      typeVariables: Object.fromEntries(b.types),
      longVariables: Object.fromEntries(b.longs),
      lambdas,
    };
  } catch (e) {
    if (e instanceof TrinoError) return undefined; // e.g. an invalid computed type such as decimal(0,0)
    throw e;
  }
}

/**
 * Whether a declared signature is structurally narrower than another one where both accept each
 * other's bound arguments (Trino's FunctionSpecificityComparator tie-break): concrete types beat
 * type variables, literal values beat literal variables, fixed arity beats variadic.
 */
export function compareDeclaredSpecificity(
  a: DeclaredSignature,
  b: DeclaredSignature,
  arity: number,
): -1 | 0 | 1 | undefined {
  const fa = expandArguments(a, arity);
  const fb = expandArguments(b, arity);
  if (fa === undefined || fb === undefined) return undefined;
  const varsA = new Set(a.typeVariables.map((v) => v.name));
  const varsB = new Set(b.typeVariables.map((v) => v.name));
  let result: -1 | 0 | 1 = 0;
  const combine = (r: -1 | 0 | 1 | undefined): boolean => {
    if (r === undefined) return false;
    if (r === 0) return true;
    if (result === 0) {
      result = r;
      return true;
    }
    return result === r;
  };
  const compareSig = (x: TypeSig, y: TypeSig): -1 | 0 | 1 | undefined => {
    const xv = x.params.length === 0 && varsA.has(x.base);
    const yv = y.params.length === 0 && varsB.has(y.base);
    if (xv && yv) return 0;
    if (xv) return -1;
    if (yv) return 1;
    if (x.base !== y.base || x.params.length !== y.params.length) return undefined;
    let r: -1 | 0 | 1 = 0;
    for (let i = 0; i < x.params.length; i++) {
      const p = x.params[i];
      const q = y.params[i];
      let c: -1 | 0 | 1 | undefined;
      if (p.kind === 'type' && q.kind === 'type') c = compareSig(p.sig, q.sig);
      else if (p.kind === 'long' && q.kind === 'var') c = 1;
      else if (p.kind === 'var' && q.kind === 'long') c = -1;
      else if (p.kind === 'var' && q.kind === 'var') c = 0;
      else if (p.kind === 'long' && q.kind === 'long') c = p.value === q.value ? 0 : undefined;
      else c = undefined;
      if (c === undefined) return undefined;
      if (c !== 0) {
        if (r !== 0 && r !== c) return undefined;
        r = c;
      }
    }
    return r;
  };
  for (let i = 0; i < arity; i++) {
    if (!combine(compareSig(fa[i], fb[i]))) return undefined;
  }
  if (result === 0 && a.variadic !== b.variadic) return a.variadic ? -1 : 1;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Declaration helpers

/** Parses `T`, `T:comparable`, `T:orderable`. */
export function parseTypeVariable(text: string): TypeVariable {
  const [name, ...constraints] = text.split(':');
  return {
    name,
    comparable: constraints.includes('comparable'),
    orderable: constraints.includes('orderable'),
  };
}
