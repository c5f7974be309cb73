/**
 * TPC-H: the 22 queries against the `tpch` catalog, compared with `tpch/dbgen-answers/sf<sf>/qNN.csv`
 * (answers computed on official dbgen data, which Trino's tpch connector reproduces).
 *
 * Query texts (`--tpch-queries`):
 *   - `benchmark` (default): `tpch/trino-benchmark-queries` — Trino's own benchmark queries, Trino dialect,
 *     simplified column names (`l.returnflag`), i.e. the default tpch catalog configuration; placeholders
 *     become `"tpch"."tiny"."lineitem"`. `${scale}` (q11's FRACTION = 0.0001 / SF) becomes 1, because the
 *     answer files were computed with FRACTION 0.0001 at every scale factor (as trinodb-tpch's q11 has it).
 *   - `trinodb`: `tpch/trinodb-tpch/queries` (the io.trino.tpch generator's queries). These use the
 *     STANDARD column names (`l_returnflag`) and unqualified tables, so the `tpch` catalog is configured with
 *     `tpch.column-naming=STANDARD` and the session schema is the scale factor's. q15 creates a view first.
 *
 * Money columns (`--tpch-mapping`): `double` (Trino's default `tpch.double-type-mapping=DOUBLE`) or
 * `decimal` (DECIMAL(12,2), like dbgen's DECIMAL(15,2) answers).
 *
 * Comparison (value-compare.ts `tpchValueMatches`): same column count and row count, rows in order
 * (every query orders its output); integers and decimals exact (a decimal column is compared with the answer
 * rounded half-up to the column's scale when the answer has more digits: Trino's avg over a decimal keeps
 * the scale), doubles within 1e-9 relative, dates / strings as text.
 */
import {
  readTpchAnswer,
  readTpchQuery,
  substituteBenchmarkPlaceholders,
  TPCH_QUERY_NUMBERS,
} from '../tpch-answers';
import { splitSqlStatements } from '../statements';
import {
  runUnits,
  type UnitRunHooks,
  createEngine,
  runStatement,
  tpchCatalog,
  type LocalEngine,
  type QueryResult,
} from './engine';
import { clip, errorFailure, failure, type UnitOutcome } from './results';
import { describeValue, tpchValueMatches } from './value-compare';
import { columnType } from './value-render';

export type TpchScale = '0.01' | '0.1';
export type TpchQuerySet = 'benchmark' | 'trinodb';
export type TpchMapping = 'double' | 'decimal';

export interface TpchOptions {
  scaleFactor?: TpchScale;
  queries?: TpchQuerySet;
  mapping?: TpchMapping;
  /** Query numbers to run (default: all 22). */
  only?: readonly number[];
  root?: string;
}

export function tpchSchema(sf: TpchScale): string {
  return sf === '0.01' ? 'tiny' : `sf${sf}`;
}

export function tpchSuiteName(options: TpchOptions): string {
  const sf = options.scaleFactor ?? '0.01';
  let name = sf === '0.01' ? 'tpch-tiny' : `tpch-sf${sf}`;
  if ((options.mapping ?? 'double') === 'decimal') name += '-decimal';
  if ((options.queries ?? 'benchmark') === 'trinodb') name += '-trinodb';
  return name;
}

export interface TpchQueryCase {
  query: number;
  /** Display name: the query file relative to the corpus root. */
  name: string;
  statements: string[];
}

export function tpchQueryCases(options: TpchOptions = {}): TpchQueryCase[] {
  const sf = options.scaleFactor ?? '0.01';
  const numbers = options.only ?? TPCH_QUERY_NUMBERS;
  return numbers.map((q) => {
    if ((options.queries ?? 'benchmark') === 'trinodb') {
      const text = readTpchQuery('trinodb-tpch', q, options.root);
      return { query: q, name: `tpch/trinodb-tpch/queries/q${q}.sql`, statements: text.statements };
    }
    const text = readTpchQuery('trino-benchmark', q, options.root);
    // `${scale}` only occurs in q11 (`* 0.0001 / ${scale}`, the spec's FRACTION = 0.0001 / SF). The answers
    // (dbgen-answers, like trinodb-tpch's q11) were computed with FRACTION 0.0001, so the scale is 1 here.
    const sql = substituteBenchmarkPlaceholders(text.text, {
      catalog: 'tpch',
      schema: tpchSchema(sf),
      scale: 1,
    });
    return {
      query: q,
      name: `tpch/trino-benchmark-queries/q${String(q).padStart(2, '0')}.sql`,
      statements: splitSqlStatements(sql),
    };
  });
}

export function createTpchEngine(options: TpchOptions = {}): LocalEngine {
  const trinodb = (options.queries ?? 'benchmark') === 'trinodb';
  return createEngine(
    [
      tpchCatalog('tpch', {
        ...(trinodb ? { columnNaming: 'STANDARD' as const } : {}),
        ...((options.mapping ?? 'double') === 'decimal' ? { doubleTypeMapping: 'DECIMAL' as const } : {}),
      }),
      { name: 'memory', properties: { 'connector.name': 'memory' } },
    ],
    { catalog: 'tpch', schema: tpchSchema(options.scaleFactor ?? '0.01') },
  );
}

export type TpchRunHooks = UnitRunHooks;

/** Runs the queries (unit i = cases[i]) on one engine; one outcome per query. Never throws for engine problems. */
export function runTpchQueries(options: TpchOptions & TpchRunHooks = {}): Promise<UnitOutcome[]> {
  return runUnits(
    tpchQueryCases(options),
    () => createTpchEngine(options),
    (c, unit) => ({ unit, group: c.name, line: 1, sql: clip(c.statements.join('; ')) }),
    (engine, c, base) => runTpchCase(engine, c, base, options),
    options,
  );
}

async function runTpchCase(
  engine: LocalEngine,
  c: TpchQueryCase,
  base: Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>,
  options: TpchOptions & TpchRunHooks,
): Promise<UnitOutcome> {
  let last: QueryResult | undefined;
  for (const sql of c.statements) {
    const outcome = await runStatement(engine, sql, options.timeoutMs);
    if (!outcome.ok) return { ...base, ...errorFailure(outcome.error) };
    last = outcome.result;
  }
  if (!last) return { ...base, ...failure('error', 'query file has no statement') };
  const answer = readTpchAnswer(c.query, options.scaleFactor ?? '0.01', { root: options.root });
  return compareTpch(last, answer.columns, answer.rows, base);
}

/** Compares a result with an answer (see the module comment). */
export function compareTpch(
  result: QueryResult,
  answerColumns: readonly string[],
  answerRows: readonly (string | null)[][],
  base: Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>,
): UnitOutcome {
  const types = result.columns.map((c) => columnType(c.type));
  if (types.length !== answerColumns.length) {
    return {
      ...base,
      ...failure(
        'column-count',
        'wrong number of columns',
        `expected ${answerColumns.length} columns, got ${types.length}`,
      ),
    };
  }
  if (result.rows.length !== answerRows.length) {
    return {
      ...base,
      ...failure(
        'wrong-row-count',
        'wrong row count',
        `expected ${answerRows.length} rows, got ${result.rows.length}`,
      ),
    };
  }
  for (let r = 0; r < answerRows.length; r++) {
    for (let k = 0; k < types.length; k++) {
      if (!tpchValueMatches(result.rows[r][k], types[k], answerRows[r][k])) {
        return {
          ...base,
          ...failure(
            'wrong-result',
            'wrong result',
            `row ${r + 1}, column ${answerColumns[k]} (${result.columns[k].type}): expected ${answerRows[r][k] ?? 'NULL'}, got ${describeValue(result.rows[r][k], types[k])}`,
          ),
        };
      }
    }
  }
  return { ...base, status: 'passed' };
}
