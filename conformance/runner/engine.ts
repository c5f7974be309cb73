/**
 * Engines for the conformance runner and a uniform way to run one SQL text on them.
 *
 * Every engine failure is caught here and turned into a {@link SqlError}: a TrinoError keeps its error code
 * name; anything else (a TypeError from an engine bug, a non-Error throw) becomes `INTERNAL` with the
 * JavaScript error's name, so the report can single those out. Nothing an engine throws escapes.
 */
import { createLocalEngine } from '../../src';
import type { CatalogConfig, LocalEngine, QueryResult } from '../../src/local-engine';
import { TrinoError } from '../../src/errors';
import { splitSqlStatements } from '../statements';
import { failure, type UnitOutcome } from './results';

export type { LocalEngine, QueryResult };

export interface SqlError {
  /** Trino error code name (`SYNTAX_ERROR`, `NOT_SUPPORTED`, …), `INTERNAL` for a non-Trino exception, `TIMEOUT`. */
  code: string;
  /** The message as the engine gave it (TrinoError: `line L:C: ` prefix included). */
  message: string;
}

export type SqlOutcome = { ok: true; result: QueryResult } | { ok: false; error: SqlError };

/** A fresh engine for sqllogictest files: catalogs tpch and memory, session memory.default. */
export function createSltEngine(): LocalEngine {
  return createLocalEngine({ session: { catalog: 'memory', schema: 'default' } });
}

export interface TpchCatalogOptions {
  /** `tpch.column-naming` (default SIMPLIFIED, Trino's default). */
  columnNaming?: 'SIMPLIFIED' | 'STANDARD';
  /** `tpch.double-type-mapping` (default DOUBLE, Trino's default). */
  doubleTypeMapping?: 'DOUBLE' | 'DECIMAL';
}

export function tpchCatalog(name: string, options: TpchCatalogOptions = {}): CatalogConfig {
  const properties: Record<string, string> = { 'connector.name': 'tpch' };
  if (options.columnNaming) properties['tpch.column-naming'] = options.columnNaming;
  if (options.doubleTypeMapping) properties['tpch.double-type-mapping'] = options.doubleTypeMapping;
  return { name, properties };
}

export function createEngine(
  catalogs: readonly CatalogConfig[],
  session: { catalog: string; schema: string },
): LocalEngine {
  return createLocalEngine({ catalogs, session });
}

/** Converts anything thrown into a {@link SqlError}. Never throws. */
export function toSqlError(e: unknown): SqlError {
  try {
    if (e instanceof TrinoError) return { code: e.errorCode.name, message: e.message };
    if (e instanceof Error) return { code: 'INTERNAL', message: `${e.name}: ${e.message}` };
    return { code: 'INTERNAL', message: `non-Error thrown: ${String(e)}` };
  } catch {
    return { code: 'INTERNAL', message: 'unprintable exception' };
  }
}

export class TimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`timed out after ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Runs one statement; never throws. With `timeoutMs`, gives up waiting after that long (a soft timeout: it
 * only fires when the engine yields to the event loop; the worker supervisor enforces hard limits).
 */
export async function runStatement(
  engine: LocalEngine,
  sql: string,
  timeoutMs?: number,
): Promise<SqlOutcome> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const query = engine.query(sql);
    const result =
      timeoutMs === undefined || timeoutMs <= 0
        ? await query
        : await Promise.race([
            query,
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new TimeoutError(timeoutMs)), timeoutMs);
            }),
          ]);
    if (!result || !Array.isArray(result.rows) || !Array.isArray(result.columns)) {
      return { ok: false, error: { code: 'INTERNAL', message: 'engine returned a malformed result' } };
    }
    return { ok: true, result };
  } catch (e) {
    if (e instanceof TimeoutError) return { ok: false, error: { code: 'TIMEOUT', message: e.message } };
    return { ok: false, error: toSqlError(e) };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Runs SQL text that may hold several `;`-separated statements (a trailing `;` is allowed), in order,
 * stopping at the first failure. The outcome is the last statement's. Empty text is an error.
 */
export async function runSqlText(
  engine: LocalEngine,
  text: string,
  timeoutMs?: number,
  each: (sql: string) => Promise<SqlOutcome | undefined> = async () => undefined,
): Promise<SqlOutcome> {
  let statements: string[];
  try {
    statements = splitSqlStatements(text);
  } catch (e) {
    return { ok: false, error: toSqlError(e) };
  }
  if (statements.length === 0)
    return { ok: false, error: { code: 'SYNTAX_ERROR', message: 'empty statement' } };
  let last: SqlOutcome | undefined;
  for (const sql of statements) {
    last = (await each(sql)) ?? (await runStatement(engine, sql, timeoutMs));
    if (!last.ok) return last;
  }
  return last!;
}

/** Closes an engine, ignoring failures. */
export async function closeQuietly(engine: LocalEngine | undefined): Promise<void> {
  if (!engine) return;
  try {
    await engine.close();
  } catch {
    // ignored: the engine is discarded anyway
  }
}

/** Resumption and reporting hooks shared by the per-case runners (product tests, TPC-H). */
export interface UnitRunHooks {
  startAt?: number;
  skipUnits?: ReadonlySet<number>;
  deadline?: number;
  /** Soft per-statement timeout (in-process runs). */
  timeoutMs?: number;
  onUnitStart?: (unit: number) => void;
  onOutcome?: (o: UnitOutcome) => void;
}

/**
 * Runs cases (unit i = cases[i]) on one engine and emits one outcome per case: a `budget` failure
 * once the deadline passes, an `internal-error` when the runner itself throws. Never throws for
 * engine problems.
 */
export async function runUnits<C>(
  cases: readonly C[],
  createEngine: () => LocalEngine,
  describe: (c: C, unit: number) => Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>,
  runOne: (
    engine: LocalEngine,
    c: C,
    base: Pick<UnitOutcome, 'unit' | 'group' | 'line' | 'sql'>,
  ) => Promise<UnitOutcome>,
  hooks: UnitRunHooks,
): Promise<UnitOutcome[]> {
  const out: UnitOutcome[] = [];
  const emit = (o: UnitOutcome): void => {
    out.push(o);
    hooks.onOutcome?.(o);
  };
  let engine: LocalEngine | undefined;
  try {
    engine = createEngine();
    for (let i = hooks.startAt ?? 0; i < cases.length; i++) {
      if (hooks.skipUnits?.has(i)) continue;
      const base = describe(cases[i], i);
      if (hooks.deadline !== undefined && Date.now() > hooks.deadline) {
        emit({ ...base, ...failure('budget', 'time budget exceeded') });
        continue;
      }
      hooks.onUnitStart?.(i);
      try {
        emit(await runOne(engine, cases[i], base));
      } catch (e) {
        emit({
          ...base,
          ...failure(
            'internal-error',
            `runner exception: ${(e as Error).name}`,
            String((e as Error).stack ?? e),
          ),
        });
      }
    }
  } finally {
    await closeQuietly(engine);
  }
  return out;
}
