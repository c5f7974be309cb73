/**
 * Trino product tests (tempto convention tests, `trino-product-tests/sql-tests/testcases`).
 *
 * Only cases whose data exists here run; the others count as skipped with "data unavailable" (not failures):
 *   - the case must target Trino (`database: trino`), need no tempto requirement class (`requires:` —
 *     the TPC-DS hive tables) and have an expected result;
 *   - `tables:` header entries must be TPC-H table names. tempto's immutable hive TPC-H tables (standard
 *     column names `n_nationkey`, DECIMAL money columns, SF1 data) are emulated by a tpch-connector catalog
 *     named `hive` with `tpch.column-naming=STANDARD` and `tpch.double-type-mapping=DECIMAL`, and the
 *     session defaults to it (`hive`, schema `tiny`, or `sf1` with `--product-sf1`). `nation` and `region`
 *     hold the same rows at every scale factor, so they are always available; the other TPC-H tables need
 *     SF1 data and run only with `--product-sf1`. Mutable tables (`datatype|created`) and the other datasets
 *     (`workers`, `empty`, `datatype`, csv / orc tables, postgres / sqlserver tables) are unavailable;
 *   - every table the SQL references must resolve: `tpch.tiny.*` (catalog `tpch`, Trino's default
 *     configuration: simplified names, DOUBLE money), `tpch.sf1.*` with `--product-sf1`, or an unqualified
 *     TPC-H table (the hive emulation). `SHOW SCHEMAS FROM tpch`, `SHOW TABLES FROM tpch.tiny` and
 *     `DESCRIBE <table>` resolve the same way. The `system` catalog (Trino's built-in catalog, always present)
 *     and `SHOW FUNCTIONS` are available; `SHOW CATALOGS`, `SHOW SESSION`, `SHOW SCHEMAS` of the session
 *     catalog and other connectors (`jmx`, `postgresql`, …) describe the product-test cluster and are not.
 *
 * Comparison follows tempto: `types:` (when given) must match the columns' JDBC types; values compare by
 * type (value-compare.ts `temptoValueMatches`); `ignoreOrder` compares rows as multisets; `ignoreExcessRows`
 * lets the engine return more rows than listed; `trimValues` trims the engine's text values as well. A case's
 * statements run in order and the last one's result is compared.
 */
import { listProductTestCases, type ProductTestCase } from '../product-tests-reader';
import { substituteProductTestPlaceholders } from '../corpus-sql';
import { parseStatement } from '../../src/sql';
import type { SqlType } from '../../src/types';
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
import { describeValue, temptoValueMatches } from './value-compare';
import { columnType } from './value-render';

export const TPCH_TABLE_NAMES: ReadonlySet<string> = new Set([
  'nation',
  'region',
  'part',
  'supplier',
  'partsupp',
  'customer',
  'orders',
  'lineitem',
]);
/** TPC-H tables whose rows do not depend on the scale factor. */
const FIXED_TABLES: ReadonlySet<string> = new Set(['nation', 'region']);

export interface ProductTestOptions {
  /** Allow SF1 data (tempto's hive TPC-H tables, `tpch.sf1.*`). Slow. */
  sf1?: boolean;
  /** Corpus root (default: the shared corpus). */
  root?: string;
}

export type Availability = { runnable: true } | { runnable: false; reason: string; unavailable: boolean };

export interface SelectedCase {
  testCase: ProductTestCase;
  availability: Availability;
}

/** Display name of a case's file (grouping key in the report). */
export function productTestFileName(c: ProductTestCase): string {
  return `trino-product-tests/${c.relativePath}`;
}

export function listProductTests(options: ProductTestOptions = {}): SelectedCase[] {
  return listProductTestCases(options.root).map((testCase) => ({
    testCase,
    availability: classifyCase(testCase, options),
  }));
}

const unavailable = (reason: string): Availability => ({
  runnable: false,
  reason: `data unavailable: ${reason}`,
  unavailable: true,
});

/** Decides whether a case can run here (see the module comment). */
export function classifyCase(c: ProductTestCase, options: ProductTestOptions = {}): Availability {
  if (!c.isTrinoQuery) return unavailable(`database '${c.header.database ?? '(none)'}'`);
  if (c.header.requires.length > 0) return unavailable(`requires ${c.header.requires.join(', ')}`);
  if (!c.expected) return { runnable: false, reason: 'no expected result', unavailable: false };
  for (const entry of c.header.tables) {
    const name = entry.toLowerCase();
    if (name.includes('|')) return unavailable(`mutable table ${entry}`);
    if (!TPCH_TABLE_NAMES.has(name)) return unavailable(`table ${entry}`);
    if (!FIXED_TABLES.has(name) && !options.sf1)
      return unavailable(`hive TPC-H table ${name} needs SF1 (--product-sf1)`);
  }
  for (const sql of c.statements) {
    const problem = sqlAvailability(substituteProductTestPlaceholders(sql), options);
    if (problem) return unavailable(problem);
  }
  return { runnable: true };
}

interface Node {
  kind?: string;
  [key: string]: unknown;
}

/** Why a statement's tables are unavailable, or undefined when they all resolve. */
function sqlAvailability(sql: string, options: ProductTestOptions): string | undefined {
  let statement: Node;
  try {
    statement = parseStatement(sql) as unknown as Node;
  } catch {
    // Our parser cannot read it, so tables cannot be listed: decide on qualified names in the text.
    for (const m of sql.matchAll(/\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b/g)) {
      const problem = tableProblem([m[1], m[2], m[3]], options);
      if (problem) return problem;
    }
    return undefined;
  }
  switch (statement.kind) {
    case 'ShowCatalogs':
    case 'ShowSession':
      return `${statement.kind} describes the product-test cluster`;
    case 'ShowFunctions':
      return undefined; // Trino's function list: the same everywhere
    case 'ShowSchemas': {
      const catalog = (statement.catalog as { value: string } | undefined)?.value.toLowerCase();
      return catalog === 'tpch' || catalog === 'system'
        ? undefined
        : `schemas of catalog ${catalog ?? '(session)'}`;
    }
    case 'ShowTables': {
      const parts = qualifiedParts(statement.schema);
      const ok =
        parts.length === 2 &&
        ((parts[0] === 'tpch' && tpchSchemaOk(parts[1], options)) || parts[0] === 'system');
      return ok ? undefined : `tables of schema ${parts.join('.') || '(session)'}`;
    }
    default:
      break;
  }
  const cteNames = new Set<string>();
  const tables: string[][] = [];
  walk(statement, (node) => {
    if (node.kind === 'WithQuery') cteNames.add(((node.name as { value: string }).value ?? '').toLowerCase());
    if (node.kind === 'Table') tables.push(qualifiedParts(node.name));
    if (node.kind === 'ShowColumns' || node.kind === 'ShowStats' || node.kind === 'ShowCreate') {
      const t = node.table ?? node.name;
      if (t) tables.push(qualifiedParts(t));
    }
  });
  for (const parts of tables) {
    if (parts.length === 1 && cteNames.has(parts[0])) continue;
    const problem = tableProblem(parts, options);
    if (problem) return problem;
  }
  return undefined;
}

function tpchSchemaOk(schema: string, options: ProductTestOptions): boolean {
  return schema === 'tiny' || (options.sf1 === true && schema === 'sf1');
}

function tableProblem(parts: string[], options: ProductTestOptions): string | undefined {
  const name = parts.join('.');
  if (parts.length === 3) {
    const [catalog, schema, table] = parts;
    if (catalog === 'system') return undefined; // Trino's built-in catalog: the engine always has it
    if (catalog !== 'tpch') return `catalog ${catalog} (${name})`;
    if (!tpchSchemaOk(schema, options))
      return `tpch schema ${schema}${schema === 'sf1' ? ' (--product-sf1)' : ''}`;
    return TPCH_TABLE_NAMES.has(table) ? undefined : `table ${name}`;
  }
  if (parts.length === 1) {
    const table = parts[0];
    if (!TPCH_TABLE_NAMES.has(table)) return `table ${table}`;
    if (!FIXED_TABLES.has(table) && !options.sf1)
      return `hive TPC-H table ${table} needs SF1 (--product-sf1)`;
    return undefined;
  }
  return `table ${name}`;
}

function qualifiedParts(name: unknown): string[] {
  const parts = (name as { parts?: { value: string }[] } | undefined)?.parts;
  return parts ? parts.map((p) => p.value.toLowerCase()) : [];
}

function walk(node: unknown, visit: (n: Node) => void): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) walk(x, visit);
    return;
  }
  visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value, visit);
}

// ---------------------------------------------------------------------------------------------------------
// Running

/** The engine for product tests: `tpch` (Trino defaults) and `hive` (tempto's TPC-H tables, emulated). */
export function createProductTestEngine(options: ProductTestOptions = {}): LocalEngine {
  return createEngine(
    [
      tpchCatalog('tpch'),
      tpchCatalog('hive', { columnNaming: 'STANDARD', doubleTypeMapping: 'DECIMAL' }),
      { name: 'memory', properties: { 'connector.name': 'memory' } },
    ],
    { catalog: 'hive', schema: options.sf1 ? 'sf1' : 'tiny' },
  );
}

/** JDBC type name of a Trino type, as tempto's `types:` lists them. */
export function jdbcTypeName(t: SqlType): string {
  switch (t.kind) {
    case 'boolean':
      return 'BOOLEAN';
    case 'tinyint':
      return 'TINYINT';
    case 'smallint':
      return 'SMALLINT';
    case 'integer':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'real':
      return 'REAL';
    case 'double':
      return 'DOUBLE';
    case 'decimal':
      return 'DECIMAL';
    case 'varchar':
      return 'VARCHAR';
    case 'char':
      return 'CHAR';
    case 'varbinary':
      return 'VARBINARY';
    case 'date':
      return 'DATE';
    case 'time':
      return 'TIME';
    case 'time_tz':
      return 'TIME_WITH_TIMEZONE';
    case 'timestamp':
      return 'TIMESTAMP';
    case 'timestamp_tz':
      return 'TIMESTAMP_WITH_TIMEZONE';
    case 'array':
      return 'ARRAY';
    default:
      return 'JAVA_OBJECT';
  }
}

export type ProductRunHooks = UnitRunHooks;

/**
 * Runs runnable cases (unit i = cases[i]) on one shared engine; emits one outcome per case. Never throws for
 * engine problems.
 */
export function runProductTestCases(
  cases: readonly ProductTestCase[],
  options: ProductTestOptions & ProductRunHooks = {},
): Promise<UnitOutcome[]> {
  return runUnits(
    cases,
    () => createProductTestEngine(options),
    (c, unit) => ({ unit, group: productTestFileName(c), line: c.line, sql: clip(c.sql) }),
    (engine, c, base) => runCase(engine, c, base, options.timeoutMs),
    options,
  );
}

async function runCase(
  engine: LocalEngine,
  c: ProductTestCase,
  base: Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>,
  timeoutMs: number | undefined,
): Promise<UnitOutcome> {
  let last: QueryResult | undefined;
  for (const sql of c.statements) {
    const outcome = await runStatement(engine, substituteProductTestPlaceholders(sql), timeoutMs);
    if (!outcome.ok) return { ...base, ...errorFailure(outcome.error) };
    last = outcome.result;
  }
  if (!last) return { ...base, ...failure('error', 'case has no statement') };
  return compareTempto(last.columns, last.rows, c, base);
}

/** Compares an engine result with a case's expected result (tempto rules). */
export function compareTempto(
  columns: readonly { name: string; type: string }[],
  rows: readonly unknown[][],
  c: Pick<ProductTestCase, 'expected'>,
  base: Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>,
): UnitOutcome {
  const expected = c.expected!;
  const opts = expected.options;
  const types = columns.map((col) => columnType(col.type));
  if (opts.types) {
    const actualTypes = types.map(jdbcTypeName);
    const want = opts.types.map((t) => t.toUpperCase());
    if (want.length !== actualTypes.length || want.some((t, k) => t !== actualTypes[k])) {
      return {
        ...base,
        ...failure(
          'type-mismatch',
          'column types differ',
          `expected ${want.join('|')}, got ${actualTypes.join('|')}`,
        ),
      };
    }
  }
  for (let r = 0; r < expected.rows.length; r++) {
    if (expected.rows[r].length !== types.length) {
      return {
        ...base,
        ...failure(
          'column-count',
          'wrong number of columns',
          `expected row ${r + 1} has ${expected.rows[r].length} values, result has ${types.length} columns`,
        ),
      };
    }
  }
  const rowMatches = (actual: readonly unknown[], want: readonly string[]): boolean =>
    want.every((text, k) => temptoValueMatches(actual[k], types[k], text, { trimValues: opts.trimValues }));
  const show = (row: readonly unknown[]): string => row.map((v, k) => describeValue(v, types[k])).join('|');
  const countOk = opts.ignoreExcessRows
    ? rows.length >= expected.rows.length
    : rows.length === expected.rows.length;
  if (!countOk) {
    return {
      ...base,
      ...failure(
        'wrong-row-count',
        'wrong row count',
        `expected ${expected.rows.length} rows${opts.ignoreExcessRows ? ' or more' : ''}, got ${rows.length}` +
          (rows.length > 0 ? `; first: ${clip(show(rows[0]), 150)}` : ''),
      ),
    };
  }
  if (opts.ignoreOrder) {
    const used = new Array<boolean>(rows.length).fill(false);
    for (let r = 0; r < expected.rows.length; r++) {
      const k = rows.findIndex((row, idx) => !used[idx] && rowMatches(row, expected.rows[r]));
      if (k < 0) {
        return {
          ...base,
          ...failure(
            'wrong-result',
            'wrong result',
            `no result row matches expected row ${r + 1}: ${clip(expected.rows[r].join('|'), 150)}`,
          ),
        };
      }
      used[k] = true;
    }
    return { ...base, status: 'passed' };
  }
  for (let r = 0; r < expected.rows.length; r++) {
    if (!rowMatches(rows[r], expected.rows[r])) {
      return {
        ...base,
        ...failure(
          'wrong-result',
          'wrong result',
          `row ${r + 1}: expected ${clip(expected.rows[r].join('|'), 150)}, got ${clip(show(rows[r]), 150)}`,
        ),
      };
    }
  }
  return { ...base, status: 'passed' };
}
