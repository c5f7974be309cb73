/**
 * From filter conjuncts to the SPI's TupleDomain (Trino's DomainTranslator, narrowed): a conjunct
 * that restricts one column of a scan to a set of values — comparisons with a constant, IN lists,
 * BETWEEN, IS [NOT] NULL — becomes that column's Domain. Anything else stays a filter.
 */
import type { Domain, Range } from '../catalog/spi';
import { typeEquals, type SqlType } from '../types';
import type { RowExpression } from './ir';

export interface ColumnDomain {
  /** The scan output symbol the conjunct restricts. */
  readonly symbol: string;
  readonly domain: Domain;
}

/** Values connectors can compare without the engine's function library. */
function scalarConstant(e: RowExpression, type: SqlType): unknown {
  if (e.kind !== 'constant' || e.value === null || !typeEquals(e.type, type)) return undefined;
  const t = typeof e.value;
  return t === 'number' || t === 'string' || t === 'bigint' || t === 'boolean' ? e.value : undefined;
}

const FLIPPED = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' } as const;

export function columnDomain(term: RowExpression): ColumnDomain | undefined {
  switch (term.kind) {
    case 'comparison': {
      if (term.op === 'distinct') return undefined;
      let op = term.op;
      let symbol = term.left;
      let other = term.right;
      if (symbol.kind !== 'symbol') {
        [symbol, other] = [other, symbol];
        op = FLIPPED[op];
      }
      if (symbol.kind !== 'symbol') return undefined;
      const value = scalarConstant(other, symbol.type);
      if (value === undefined) return undefined;
      const at = { value, inclusive: true };
      const ranges: Range[] =
        op === 'eq'
          ? [{ low: at, high: at }]
          : op === 'ne'
            ? [{ high: { value, inclusive: false } }, { low: { value, inclusive: false } }]
            : op === 'lt' || op === 'le'
              ? [{ high: { value, inclusive: op === 'le' } }]
              : [{ low: { value, inclusive: op === 'ge' } }];
      return { symbol: symbol.name, domain: { type: symbol.type, ranges, nullAllowed: false } };
    }
    case 'in': {
      const symbol = term.value;
      if (symbol.kind !== 'symbol' || term.list.length === 0) return undefined;
      const ranges: Range[] = [];
      for (const item of term.list) {
        const value = scalarConstant(item, symbol.type);
        if (value === undefined) return undefined;
        ranges.push({ low: { value, inclusive: true }, high: { value, inclusive: true } });
      }
      return { symbol: symbol.name, domain: { type: symbol.type, ranges, nullAllowed: false } };
    }
    case 'between': {
      const symbol = term.value;
      if (symbol.kind !== 'symbol') return undefined;
      const low = scalarConstant(term.min, symbol.type);
      const high = scalarConstant(term.max, symbol.type);
      if (low === undefined || high === undefined) return undefined;
      const ranges: Range[] = [
        { low: { value: low, inclusive: true }, high: { value: high, inclusive: true } },
      ];
      return { symbol: symbol.name, domain: { type: symbol.type, ranges, nullAllowed: false } };
    }
    case 'isNull':
      if (term.value.kind !== 'symbol') return undefined;
      return { symbol: term.value.name, domain: { type: term.value.type, ranges: [], nullAllowed: true } };
    case 'not':
      if (term.value.kind !== 'isNull' || term.value.value.kind !== 'symbol') return undefined;
      return { symbol: term.value.value.name, domain: { type: term.value.value.type, nullAllowed: false } };
    default:
      return undefined;
  }
}
