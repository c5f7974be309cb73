/**
 * DataTypeParser: type names as Trino writes them (`decimal(12, 2)`, `ROW(a bigint)`,
 * `timestamp(3) with time zone`, `interval day to second`, `integer ARRAY`, `array<T>`,
 * `double precision`) and, in the postgres dialect, `text[]`, `character varying(n)` and
 * schema-qualified names. The expression parser builds on it.
 */
import type { DataType, DataTypeParameter, Identifier, IntervalField } from './ast';
import { TokenStream } from './token-stream';

export const INTERVAL_FIELDS: IntervalField[] = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];

export abstract class DataTypeParser extends TokenStream {
  // ---- data types -----------------------------------------------------------------------------

  parseDataType(): DataType {
    return this.nested(() => {
      let type = this.parseBaseDataType();
      for (;;) {
        // `integer ARRAY`, and PostgreSQL's `text[]`
        if (this.isKeyword('ARRAY') && !this.isOperator('[', 1) && !this.isOperator('<', 1)) {
          this.next();
          if (this.matchOperator('[')) {
            if (this.peek().type === 'integer') this.next();
            this.expectOperator(']');
          }
        } else if (
          this.pg &&
          this.isOperator('[') &&
          (this.isOperator(']', 1) || (this.peek(1).type === 'integer' && this.isOperator(']', 2)))
        ) {
          this.next();
          if (this.peek().type === 'integer') this.next();
          this.next();
        } else {
          return type;
        }
        type = {
          kind: 'GenericDataType',
          name: { kind: 'Identifier', value: 'array', quoted: false },
          arguments: [{ kind: 'TypeParameter', type }],
          loc: type.loc,
        };
      }
    });
  }

  private parseBaseDataType(): DataType {
    const t = this.peek();
    const loc = this.location(t);
    const word = t.type === 'identifier' ? t.upper : '';
    if (word === 'ROW' && this.isOperator('(', 1)) {
      this.next();
      this.next();
      const fields: { name?: Identifier; type: DataType }[] = [];
      do {
        if (this.isIdentifier() && this.startsNamedRowField()) {
          const name = this.parseIdentifier();
          fields.push({ name, type: this.parseDataType() });
        } else {
          fields.push({ type: this.parseDataType() });
        }
      } while (this.matchOperator(','));
      this.expectOperator(')');
      return { kind: 'RowDataType', fields, loc };
    }
    if (word === 'INTERVAL') {
      this.next();
      const from = this.expectOneOf(...INTERVAL_FIELDS);
      const to = this.matchKeyword('TO') ? this.expectOneOf(...INTERVAL_FIELDS) : undefined;
      return { kind: 'IntervalDataType', from, ...(to ? { to } : {}), loc };
    }
    if (word === 'TIMESTAMP' || word === 'TIME') {
      this.next();
      let precision: string | undefined;
      if (this.matchOperator('(')) {
        const p = this.next();
        if (p.type !== 'integer') this.errorAt(p, `mismatched input '${p.text}'. Expecting: <integer>`);
        precision = integerDigits(p.value);
        this.expectOperator(')');
      }
      let withTimeZone = false;
      if (this.matchKeyword('WITH')) {
        this.expectKeyword('TIME', 'ZONE');
        withTimeZone = true;
      } else if (this.matchKeyword('WITHOUT')) {
        this.expectKeyword('TIME', 'ZONE');
      }
      return {
        kind: 'DateTimeDataType',
        type: word,
        withTimeZone,
        ...(precision !== undefined ? { precision } : {}),
        loc,
      };
    }
    if (word === 'DOUBLE' && this.isKeyword('PRECISION', 1)) {
      this.next();
      this.next();
      return {
        kind: 'GenericDataType',
        name: { kind: 'Identifier', value: 'double', quoted: false, loc },
        arguments: [],
        loc,
      };
    }
    if ((word === 'ARRAY' || word === 'MAP') && this.isOperator('<', 1)) {
      this.next();
      this.next();
      const args: DataTypeParameter[] = [{ kind: 'TypeParameter', type: this.parseDataType() }];
      if (word === 'MAP') {
        this.expectOperator(',');
        args.push({ kind: 'TypeParameter', type: this.parseDataType() });
      }
      this.expectOperator('>');
      return {
        kind: 'GenericDataType',
        name: { kind: 'Identifier', value: word.toLowerCase(), quoted: false, loc },
        arguments: args,
        loc,
      };
    }
    if (
      this.pg &&
      (word === 'CHARACTER' || word === 'CHAR' || word === 'BIT') &&
      this.isKeyword('VARYING', 1)
    ) {
      this.next();
      this.next();
      const name = word === 'BIT' ? 'varbit' : 'varchar';
      return {
        kind: 'GenericDataType',
        name: { kind: 'Identifier', value: name, quoted: false, loc },
        arguments: this.parseTypeParameters(),
        loc,
      };
    }
    let name = this.parseIdentifier();
    // PostgreSQL qualifies type names: pg_catalog.regclass, pg_catalog.text
    if (this.pg && this.isOperator('.') && this.isIdentifier(1)) {
      this.next();
      name = this.parseIdentifier();
    }
    return { kind: 'GenericDataType', name, arguments: this.parseTypeParameters(), loc };
  }

  private startsNamedRowField(): boolean {
    const first = this.peek();
    const second = this.peek(1);
    if (second.type !== 'identifier' && second.type !== 'quoted_identifier') return false;
    if (first.type === 'identifier') {
      if (first.upper === 'DOUBLE' && second.upper === 'PRECISION') return false;
      if (
        (first.upper === 'TIMESTAMP' || first.upper === 'TIME') &&
        (second.upper === 'WITH' || second.upper === 'WITHOUT')
      )
        return false;
      if (second.upper === 'ARRAY' && !this.isOperator('<', 2) && !this.isOperator('[', 2)) return false;
    }
    return true;
  }

  private parseTypeParameters(): DataTypeParameter[] {
    if (!this.matchOperator('(')) return [];
    const params: DataTypeParameter[] = [];
    do {
      const t = this.peek();
      if (t.type === 'integer') {
        this.next();
        params.push({ kind: 'NumericParameter', value: integerDigits(t.value) });
      } else {
        params.push({ kind: 'TypeParameter', type: this.parseDataType() });
      }
    } while (this.matchOperator(','));
    this.expectOperator(')');
    return params;
  }
}

/** Integer literal text as decimal digits (0x…, 0o…, 0b… forms converted exactly). */
export function integerDigits(text: string): string {
  if (/^0[xXoObB]/.test(text)) return BigInt(text.toLowerCase()).toString();
  return text;
}
