/**
 * Type names: parsing Trino's type syntax into `SqlType`, and the client protocol's two renderings
 * of a type (the column `type` string and the `typeSignature` JSON).
 *
 * Accepted syntax (Trino's SqlBase.g4 `type` rule, translated by TypeSignatureTranslator):
 *   bigint | int | integer | double | double precision | varchar | varchar(25) | char(3)
 *   decimal | decimal(12) | decimal(12, 2) | time(6) [with|without time zone]
 *   timestamp [(p)] [with|without time zone] | interval year to month | interval day to second
 *   array(T) | array<T> | T array | map(K, V) | map<K, V> | row(a T, "b c" U, V) | json | uuid ...
 * Names are case-insensitive unless quoted; row field names are lower-cased unless quoted.
 * Unknown names raise TYPE_NOT_FOUND `Unknown type: foo`; malformed text raises SYNTAX_ERROR.
 */

import { TrinoError } from '../errors';
import { isReserved } from '../sql/reserved-words';
import {
  arrayType,
  BIGINT,
  BOOLEAN,
  charType,
  DATE,
  decimalType,
  DEFAULT_DATETIME_PRECISION,
  DOUBLE,
  INTEGER,
  INTERVAL_DAY_TO_SECOND,
  INTERVAL_YEAR_TO_MONTH,
  JSON_TYPE,
  mapType,
  MAX_CHAR_LENGTH,
  MAX_VARCHAR_LENGTH,
  REAL,
  rowType,
  SMALLINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  TINYINT,
  UNBOUNDED_VARCHAR_LENGTH,
  UNKNOWN,
  UUID,
  IPADDRESS,
  VARBINARY,
  VARCHAR,
  varcharType,
  type RowField,
  type SqlType,
} from './type';

// ---------------------------------------------------------------------------------------------
// Tokenizer

type Tok =
  | { t: 'word'; v: string; quoted: boolean; pos: number }
  | { t: 'num'; v: string; pos: number }
  | { t: 'sym'; v: string; pos: number }
  | { t: 'end'; pos: number };

function syntaxError(text: string, detail: string): TrinoError {
  return new TrinoError('SYNTAX_ERROR', `Invalid type '${text}': ${detail}`);
}

function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < text.length && /[A-Za-z0-9_@$]/.test(text[i])) i++;
      out.push({ t: 'word', v: text.slice(start, i), quoted: false, pos: start });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < text.length && /[0-9]/.test(text[i])) i++;
      if (i < text.length && /[A-Za-z_]/.test(text[i]))
        throw syntaxError(text, `unexpected '${text.slice(start, i + 1)}'`);
      out.push({ t: 'num', v: text.slice(start, i), pos: start });
    } else if (c === '"') {
      const start = i;
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw syntaxError(text, 'unterminated quoted identifier');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      if (v === '') throw syntaxError(text, 'zero-length delimited identifier');
      out.push({ t: 'word', v, quoted: true, pos: start });
    } else if ('(),<>[]'.includes(c)) {
      out.push({ t: 'sym', v: c, pos: i });
      i++;
    } else {
      throw syntaxError(text, `unexpected '${c}'`);
    }
  }
  out.push({ t: 'end', pos: text.length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Raw signature (like Trino's DataType AST before type lookup)

type RawParam = { kind: 'num'; value: string } | { kind: 'type'; type: RawType };

type RawType =
  | { kind: 'generic'; name: string; quoted: boolean; params: RawParam[] }
  | { kind: 'row'; fields: { name?: string; type: RawType }[] }
  | { kind: 'datetime'; base: 'time' | 'timestamp'; withTimeZone: boolean; precision?: string }
  | { kind: 'interval'; from: string; to?: string }
  | { kind: 'array'; element: RawType };

const INTERVAL_FIELDS = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];

class Parser {
  private i = 0;
  constructor(
    private readonly text: string,
    private readonly toks: Tok[],
  ) {}

  private peek(offset = 0): Tok {
    return this.toks[Math.min(this.i + offset, this.toks.length - 1)];
  }

  private isWord(tok: Tok, word: string): boolean {
    return tok.t === 'word' && !tok.quoted && tok.v.toUpperCase() === word;
  }

  private isSym(tok: Tok, sym: string): boolean {
    return tok.t === 'sym' && tok.v === sym;
  }

  private fail(detail?: string): never {
    const tok = this.peek();
    const what = tok.t === 'end' ? 'unexpected end of input' : `unexpected '${tok.v}'`;
    throw syntaxError(this.text, detail ?? what);
  }

  private expectSym(sym: string): void {
    if (!this.isSym(this.peek(), sym)) this.fail();
    this.i++;
  }

  private expectWord(word: string): void {
    if (!this.isWord(this.peek(), word)) this.fail();
    this.i++;
  }

  private expectNumber(): string {
    const tok = this.peek();
    if (tok.t !== 'num') this.fail();
    this.i++;
    return tok.v;
  }

  parseComplete(): RawType {
    const t = this.parseType();
    if (this.peek().t !== 'end') this.fail();
    return t;
  }

  parseType(): RawType {
    let t = this.parseBase();
    // Postfix `T ARRAY` / `T ARRAY[n]`
    while (this.isWord(this.peek(), 'ARRAY')) {
      this.i++;
      if (this.isSym(this.peek(), '[')) {
        this.i++;
        this.expectNumber();
        this.expectSym(']');
      }
      t = { kind: 'array', element: t };
    }
    return t;
  }

  private parseBase(): RawType {
    const tok = this.peek();
    if (tok.t !== 'word') this.fail();
    if (!tok.quoted) {
      const upper = tok.v.toUpperCase();
      if (upper === 'ROW' && this.isSym(this.peek(1), '(')) {
        this.i += 2;
        const fields: { name?: string; type: RawType }[] = [this.parseRowField()];
        while (this.isSym(this.peek(), ',')) {
          this.i++;
          fields.push(this.parseRowField());
        }
        this.expectSym(')');
        return { kind: 'row', fields };
      }
      if (upper === 'INTERVAL') {
        this.i++;
        const from = this.parseIntervalField();
        let to: string | undefined;
        if (this.isWord(this.peek(), 'TO')) {
          this.i++;
          to = this.parseIntervalField();
        }
        return { kind: 'interval', from, to };
      }
      if (upper === 'TIMESTAMP' || upper === 'TIME') {
        this.i++;
        let precision: string | undefined;
        if (this.isSym(this.peek(), '(')) {
          this.i++;
          precision = this.expectNumber();
          this.expectSym(')');
        }
        let withTimeZone = false;
        if (this.isWord(this.peek(), 'WITH') || this.isWord(this.peek(), 'WITHOUT')) {
          withTimeZone = this.isWord(this.peek(), 'WITH');
          this.i++;
          this.expectWord('TIME');
          this.expectWord('ZONE');
        }
        return { kind: 'datetime', base: upper === 'TIME' ? 'time' : 'timestamp', withTimeZone, precision };
      }
      if (upper === 'DOUBLE' && this.isWord(this.peek(1), 'PRECISION')) {
        this.i += 2;
        return { kind: 'generic', name: 'double', quoted: false, params: [] };
      }
      if ((upper === 'ARRAY' || upper === 'MAP') && this.isSym(this.peek(1), '<')) {
        this.i += 2;
        const params: RawParam[] = [{ kind: 'type', type: this.parseType() }];
        if (upper === 'MAP') {
          this.expectSym(',');
          params.push({ kind: 'type', type: this.parseType() });
        }
        this.expectSym('>');
        return { kind: 'generic', name: upper.toLowerCase(), quoted: false, params };
      }
    }
    this.i++;
    const params: RawParam[] = [];
    if (this.isSym(this.peek(), '(')) {
      this.i++;
      params.push(this.parseParam());
      while (this.isSym(this.peek(), ',')) {
        this.i++;
        params.push(this.parseParam());
      }
      this.expectSym(')');
    }
    return { kind: 'generic', name: tok.v, quoted: tok.quoted, params };
  }

  private parseParam(): RawParam {
    const tok = this.peek();
    if (tok.t === 'num') {
      this.i++;
      return { kind: 'num', value: tok.v };
    }
    return { kind: 'type', type: this.parseType() };
  }

  private parseIntervalField(): string {
    const tok = this.peek();
    if (tok.t !== 'word' || tok.quoted || !INTERVAL_FIELDS.includes(tok.v.toUpperCase())) this.fail();
    this.i++;
    return tok.v.toUpperCase();
  }

  /** rowField: type | identifier type — a lone type wins when it is followed by `,` or `)`. */
  private parseRowField(): { name?: string; type: RawType } {
    const start = this.i;
    try {
      const type = this.parseType();
      if (this.isSym(this.peek(), ',') || this.isSym(this.peek(), ')')) return { type };
    } catch (e) {
      if (!(e instanceof TrinoError)) throw e;
    }
    this.i = start;
    const nameTok = this.peek();
    if (nameTok.t !== 'word') this.fail();
    this.i++;
    const name = nameTok.quoted ? nameTok.v : nameTok.v.toLowerCase();
    return { name, type: this.parseType() };
  }
}

// ---------------------------------------------------------------------------------------------
// Raw signature → SqlType

function rawToString(t: RawType): string {
  switch (t.kind) {
    case 'generic':
      return t.params.length === 0
        ? t.name
        : `${t.name}(${t.params.map((p) => (p.kind === 'num' ? p.value : rawToString(p.type))).join(',')})`;
    case 'row':
      return `row(${t.fields.map((f) => (f.name === undefined ? rawToString(f.type) : `${f.name} ${rawToString(f.type)}`)).join(',')})`;
    case 'datetime':
      return `${t.base}${t.precision === undefined ? '' : `(${t.precision})`}${t.withTimeZone ? ' with time zone' : ''}`;
    case 'interval':
      return `interval ${t.from.toLowerCase()}${t.to ? ` to ${t.to.toLowerCase()}` : ''}`;
    case 'array':
      return `array(${rawToString(t.element)})`;
  }
}

function unknownType(t: RawType): TrinoError {
  return new TrinoError('TYPE_NOT_FOUND', `Unknown type: ${rawToString(t)}`);
}

function numericParam(p: RawParam): number {
  if (p.kind !== 'num') throw new TypeError('not numeric');
  const v = Number(p.value);
  if (!Number.isSafeInteger(v) || BigInt(p.value) > 9223372036854775807n) {
    throw new TrinoError('TYPE_MISMATCH', `Invalid type parameter: ${p.value}`);
  }
  return v;
}

const SIMPLE_TYPES = new Map<string, SqlType>([
  ['boolean', BOOLEAN],
  ['tinyint', TINYINT],
  ['smallint', SMALLINT],
  ['integer', INTEGER],
  ['int', INTEGER],
  ['bigint', BIGINT],
  ['real', REAL],
  ['double', DOUBLE],
  ['varbinary', VARBINARY],
  ['date', DATE],
  ['json', JSON_TYPE],
  ['uuid', UUID],
  ['ipaddress', IPADDRESS],
  ['unknown', UNKNOWN],
]);

function toSqlType(t: RawType): SqlType {
  switch (t.kind) {
    case 'array':
      return arrayType(toSqlType(t.element));
    case 'row':
      return rowType(
        t.fields.map((f): RowField =>
          f.name === undefined ? { type: toSqlType(f.type) } : { name: f.name, type: toSqlType(f.type) },
        ),
      );
    case 'interval': {
      const to = t.to ?? t.from;
      if (t.from === 'YEAR' && to === 'MONTH') return INTERVAL_YEAR_TO_MONTH;
      if (t.from === 'DAY' && to === 'SECOND') return INTERVAL_DAY_TO_SECOND;
      throw new TrinoError('NOT_SUPPORTED', `INTERVAL ${t.from} TO ${to} type not supported`);
    }
    case 'datetime': {
      let precision = DEFAULT_DATETIME_PRECISION;
      if (t.precision !== undefined) precision = numericParam({ kind: 'num', value: t.precision });
      if (t.base === 'time') return t.withTimeZone ? timeWithTimeZoneType(precision) : timeType(precision);
      return t.withTimeZone ? timestampWithTimeZoneType(precision) : timestampType(precision);
    }
    case 'generic':
      break;
  }
  // Unquoted names are case-insensitive (lower-cased); quoted names must match exactly.
  const name = t.quoted ? t.name : t.name.toLowerCase();
  const params = t.params;
  const simple = SIMPLE_TYPES.get(name);
  if (simple !== undefined) {
    if (params.length !== 0) throw unknownType(t);
    return simple;
  }
  const nums = params.every((p) => p.kind === 'num');
  const types = params.every((p) => p.kind === 'type');
  switch (name) {
    case 'varchar': {
      if (params.length === 0) return VARCHAR;
      if (params.length !== 1 || !nums) throw unknownType(t);
      const n = numericParam(params[0]);
      if (n === UNBOUNDED_VARCHAR_LENGTH) return VARCHAR;
      if (n > MAX_VARCHAR_LENGTH) throw unknownType(t);
      return varcharType(n);
    }
    case 'char': {
      if (params.length === 0) return charType(1);
      if (params.length !== 1 || !nums) throw unknownType(t);
      const n = numericParam(params[0]);
      if (n > MAX_CHAR_LENGTH) throw unknownType(t);
      return charType(n);
    }
    case 'decimal': {
      if (params.length > 2 || !nums) throw unknownType(t);
      if (params.length === 0) return decimalType();
      const p = numericParam(params[0]);
      const s = params.length === 2 ? numericParam(params[1]) : 0;
      return decimalType(p, s);
    }
    case 'array':
      if (params.length !== 1 || !types) throw unknownType(t);
      return arrayType(toSqlType((params[0] as { type: RawType }).type));
    case 'map':
      if (params.length !== 2 || !types) throw unknownType(t);
      return mapType(
        toSqlType((params[0] as { type: RawType }).type),
        toSqlType((params[1] as { type: RawType }).type),
      );
    default:
      throw unknownType(t);
  }
}

/**
 * Parses a type name: `parseType('DECIMAL(12, 2)')`, `parseType('timestamp(6) with time zone')`,
 * `parseType('array<bigint>')`, `parseType('row(x int, "y z" varchar)')`.
 */
export function parseType(text: string): SqlType {
  const raw = new Parser(text, tokenize(text)).parseComplete();
  return toSqlType(raw);
}

// ---------------------------------------------------------------------------------------------
// SQL AST data types (structurally compatible with src/sql/ast.ts DataType)

export interface DataTypeNode {
  kind: 'GenericDataType' | 'RowDataType' | 'DateTimeDataType' | 'IntervalDataType';
  name?: { value: string; quoted: boolean };
  arguments?: ({ kind: 'NumericParameter'; value: string } | { kind: 'TypeParameter'; type: DataTypeNode })[];
  fields?: { name?: { value: string; quoted: boolean }; type: DataTypeNode }[];
  type?: 'TIMESTAMP' | 'TIME';
  withTimeZone?: boolean;
  precision?: string;
  from?: string;
  to?: string;
}

function rawFromNode(node: DataTypeNode): RawType {
  switch (node.kind) {
    case 'GenericDataType':
      return {
        kind: 'generic',
        name: node.name!.value,
        quoted: node.name!.quoted,
        params: (node.arguments ?? []).map((a): RawParam =>
          a.kind === 'NumericParameter'
            ? { kind: 'num', value: a.value }
            : { kind: 'type', type: rawFromNode(a.type) },
        ),
      };
    case 'RowDataType':
      return {
        kind: 'row',
        fields: (node.fields ?? []).map((f) => ({
          name: f.name === undefined ? undefined : f.name.quoted ? f.name.value : f.name.value.toLowerCase(),
          type: rawFromNode(f.type),
        })),
      };
    case 'DateTimeDataType':
      return {
        kind: 'datetime',
        base: node.type === 'TIME' ? 'time' : 'timestamp',
        withTimeZone: !!node.withTimeZone,
        precision: node.precision,
      };
    case 'IntervalDataType':
      return { kind: 'interval', from: node.from!.toUpperCase(), to: node.to?.toUpperCase() };
  }
}

/** The SqlType of a parsed SQL `DataType` node (src/sql/ast.ts). */
export function typeFromDataType(node: DataTypeNode): SqlType {
  return toSqlType(rawFromNode(node));
}

// ---------------------------------------------------------------------------------------------
// Client protocol renderings

export interface ClientTypeSignature {
  rawType: string;
  arguments: ClientTypeSignatureParameter[];
}

export type ClientTypeSignatureParameter =
  | { kind: 'TYPE'; value: ClientTypeSignature }
  | { kind: 'NAMED_TYPE'; value: { fieldName?: { name: string }; typeSignature: ClientTypeSignature } }
  | { kind: 'LONG'; value: number };

export interface ProtocolOptions {
  /** The client sent the PARAMETRIC_DATETIME capability (default true). */
  parametricDateTime?: boolean;
}

function long(value: number): ClientTypeSignatureParameter {
  return { kind: 'LONG', value };
}

/**
 * The `typeSignature` of a column in QueryResults (ProtocolUtil.toClientTypeSignature):
 * `{rawType: 'decimal', arguments: [{kind: 'LONG', value: 12}, {kind: 'LONG', value: 2}]}`.
 */
export function typeSignature(t: SqlType, options: ProtocolOptions = {}): ClientTypeSignature {
  const parametric = options.parametricDateTime ?? true;
  switch (t.kind) {
    case 'decimal':
      return { rawType: 'decimal', arguments: [long(t.precision), long(t.scale)] };
    case 'varchar':
      return { rawType: 'varchar', arguments: [long(t.length ?? UNBOUNDED_VARCHAR_LENGTH)] };
    case 'char':
      return { rawType: 'char', arguments: [long(t.length)] };
    case 'time':
      return { rawType: 'time', arguments: parametric ? [long(t.precision)] : [] };
    case 'time_tz':
      return { rawType: 'time with time zone', arguments: parametric ? [long(t.precision)] : [] };
    case 'timestamp':
      return { rawType: 'timestamp', arguments: parametric ? [long(t.precision)] : [] };
    case 'timestamp_tz':
      return { rawType: 'timestamp with time zone', arguments: parametric ? [long(t.precision)] : [] };
    case 'array':
      return { rawType: 'array', arguments: [{ kind: 'TYPE', value: typeSignature(t.element, options) }] };
    case 'map':
      return {
        rawType: 'map',
        arguments: [
          { kind: 'TYPE', value: typeSignature(t.key, options) },
          { kind: 'TYPE', value: typeSignature(t.value, options) },
        ],
      };
    case 'row':
      return {
        rawType: 'row',
        arguments: t.fields.map((f) => ({
          kind: 'NAMED_TYPE' as const,
          value:
            f.name === undefined
              ? { typeSignature: typeSignature(f.type, options) }
              : { fieldName: { name: f.name }, typeSignature: typeSignature(f.type, options) },
        })),
      };
    default:
      return { rawType: rawTypeName(t), arguments: [] };
  }
}

function rawTypeName(t: SqlType): string {
  switch (t.kind) {
    case 'interval_year_to_month':
      return 'interval year to month';
    case 'interval_day_to_second':
      return 'interval day to second';
    default:
      return t.kind;
  }
}

/** A row field name as Trino's formatter writes it: quoted when not a plain identifier or reserved. */
export function formatFieldName(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !isReserved(name.toUpperCase(), 'trino')) return name;
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The column `type` string of the client protocol (ProtocolUtil.formatType): like the display name
 * but with `, ` between parameters (`decimal(12, 2)`), upper-case intervals
 * (`INTERVAL DAY TO SECOND`), quoted row field names where needed, and — without the
 * PARAMETRIC_DATETIME capability — time/timestamp types without their precision.
 */
export function formatProtocolType(t: SqlType, options: ProtocolOptions = {}): string {
  const parametric = options.parametricDateTime ?? true;
  switch (t.kind) {
    case 'decimal':
      return `decimal(${t.precision}, ${t.scale})`;
    case 'varchar':
      return t.length === undefined ? 'varchar' : `varchar(${t.length})`;
    case 'char':
      return `char(${t.length})`;
    case 'time':
      return parametric ? `time(${t.precision})` : 'time';
    case 'time_tz':
      return parametric ? `time(${t.precision}) with time zone` : 'time with time zone';
    case 'timestamp':
      return parametric ? `timestamp(${t.precision})` : 'timestamp';
    case 'timestamp_tz':
      return parametric ? `timestamp(${t.precision}) with time zone` : 'timestamp with time zone';
    case 'interval_year_to_month':
      return 'INTERVAL YEAR TO MONTH';
    case 'interval_day_to_second':
      return 'INTERVAL DAY TO SECOND';
    case 'array':
      return `array(${formatProtocolType(t.element, options)})`;
    case 'map':
      return `map(${formatProtocolType(t.key, options)}, ${formatProtocolType(t.value, options)})`;
    case 'row':
      return `row(${t.fields
        .map(
          (f) =>
            (f.name === undefined ? '' : `${formatFieldName(f.name)} `) + formatProtocolType(f.type, options),
        )
        .join(', ')})`;
    default:
      return t.kind;
  }
}

/** The SqlType of a client typeSignature (the inverse of `typeSignature`). */
export function typeFromSignature(sig: ClientTypeSignature): SqlType {
  const args = sig.arguments ?? [];
  const longArg = (i: number): number => {
    const a = args[i];
    if (!a || a.kind !== 'LONG') throw new TrinoError('TYPE_NOT_FOUND', `Unknown type: ${sig.rawType}`);
    return a.value;
  };
  const typeArg = (i: number): SqlType => {
    const a = args[i];
    if (!a || a.kind !== 'TYPE') throw new TrinoError('TYPE_NOT_FOUND', `Unknown type: ${sig.rawType}`);
    return typeFromSignature(a.value);
  };
  switch (sig.rawType.toLowerCase()) {
    case 'decimal':
      return decimalType(longArg(0), longArg(1));
    case 'varchar':
      return args.length === 0 ? VARCHAR : varcharType(longArg(0));
    case 'char':
      return charType(args.length === 0 ? 1 : longArg(0));
    case 'time':
      return timeType(args.length === 0 ? DEFAULT_DATETIME_PRECISION : longArg(0));
    case 'time with time zone':
      return timeWithTimeZoneType(args.length === 0 ? DEFAULT_DATETIME_PRECISION : longArg(0));
    case 'timestamp':
      return timestampType(args.length === 0 ? DEFAULT_DATETIME_PRECISION : longArg(0));
    case 'timestamp with time zone':
      return timestampWithTimeZoneType(args.length === 0 ? DEFAULT_DATETIME_PRECISION : longArg(0));
    case 'interval year to month':
      return INTERVAL_YEAR_TO_MONTH;
    case 'interval day to second':
      return INTERVAL_DAY_TO_SECOND;
    case 'array':
      return arrayType(typeArg(0));
    case 'map':
      return mapType(typeArg(0), typeArg(1));
    case 'row':
      return rowType(
        args.map((a) => {
          if (a.kind !== 'NAMED_TYPE') throw new TrinoError('TYPE_NOT_FOUND', `Unknown type: ${sig.rawType}`);
          const type = typeFromSignature(a.value.typeSignature);
          return a.value.fieldName ? { name: a.value.fieldName.name, type } : { type };
        }),
      );
    default: {
      const simple = SIMPLE_TYPES.get(sig.rawType.toLowerCase());
      if (simple === undefined || args.length !== 0)
        throw new TrinoError('TYPE_NOT_FOUND', `Unknown type: ${sig.rawType}`);
      return simple;
    }
  }
}
