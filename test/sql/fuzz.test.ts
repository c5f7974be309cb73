/**
 * Parsing is total: mutated corpus queries, random token soup, random characters and deep
 * nesting give a tree or a SqlSyntaxError, never another exception, a hang or a stack overflow.
 * Whatever parses must also format to text that re-parses to the same tree.
 *
 * Deterministic (seeded); TESSERA_FUZZ_ITERATIONS raises the count (`npm run test:fuzz`).
 */
import { isDeepStrictEqual } from 'node:util';
import { listCorpusSql } from '../../conformance/corpus-sql';
import { formatStatement, parseStatement, stripLocations, SqlSyntaxError, type Dialect } from '../../src/sql';

const ITERATIONS = Number(process.env.TESSERA_FUZZ_ITERATIONS ?? 3000);

/** mulberry32: small, seedable, good enough to pick mutations. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = [
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'BY',
  'HAVING',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'FETCH',
  'FIRST',
  'ROWS',
  'ONLY',
  'UNION',
  'ALL',
  'DISTINCT',
  'INTERSECT',
  'EXCEPT',
  'JOIN',
  'LEFT',
  'RIGHT',
  'FULL',
  'OUTER',
  'CROSS',
  'NATURAL',
  'ON',
  'USING',
  'AS',
  'WITH',
  'RECURSIVE',
  'VALUES',
  'TABLE',
  'LATERAL',
  'UNNEST',
  'ORDINALITY',
  'TABLESAMPLE',
  'AND',
  'OR',
  'NOT',
  'IS',
  'NULL',
  'TRUE',
  'FALSE',
  'IN',
  'BETWEEN',
  'LIKE',
  'ESCAPE',
  'EXISTS',
  'ANY',
  'SOME',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'CAST',
  'TRY_CAST',
  'EXTRACT',
  'INTERVAL',
  'DAY',
  'TO',
  'SECOND',
  'DATE',
  'TIMESTAMP',
  'TIME',
  'ZONE',
  'AT',
  'ARRAY',
  'ROW',
  'MAP',
  'OVER',
  'PARTITION',
  'RANGE',
  'PRECEDING',
  'FOLLOWING',
  'CURRENT',
  'UNBOUNDED',
  'FILTER',
  'WINDOW',
  'GROUPING',
  'SETS',
  'ROLLUP',
  'CUBE',
  'CREATE',
  'DROP',
  'ALTER',
  'INSERT',
  'INTO',
  'DELETE',
  'UPDATE',
  'SET',
  'SESSION',
  'SHOW',
  'DESCRIBE',
  'EXPLAIN',
  'ANALYZE',
  'PREPARE',
  'EXECUTE',
  'IMMEDIATE',
  'DEALLOCATE',
  'CALL',
  'USE',
  'VIEW',
  'SCHEMA',
  'CATALOG',
  'IF',
  'UESCAPE',
  'DOUBLE',
  'PRECISION',
  'POSITION',
  'SUBSTRING',
  'TRIM',
  'NORMALIZE',
  'LISTAGG',
  'WITHIN',
  'OPERATOR',
  'COLLATE',
  'ILIKE',
  'a',
  'b',
  't',
  'x',
  'count',
  'sum',
  '"q"',
  '"a""b"',
  "'s'",
  "''",
  "U&'\\0041'",
  "X'0A'",
  "E'\\n'",
  '$1',
  '$$d$$',
  '1',
  '0',
  '1.5',
  '.5',
  '1e3',
  '0x1F',
  '9223372036854775808',
  '?',
  '(',
  ')',
  '[',
  ']',
  ',',
  '.',
  ';',
  '*',
  '+',
  '-',
  '/',
  '%',
  '||',
  '=',
  '<>',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '->',
  '=>',
  '::',
  '~',
  '~*',
  '!~',
  '/*c*/',
  '--c\n',
  '\n',
];

function parseTotal(sql: string, dialect: Dialect): 'ok' | 'error' {
  let ast;
  try {
    ast = parseStatement(sql, { dialect });
  } catch (e) {
    if (e instanceof SqlSyntaxError) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
      return 'error';
    }
    throw new Error(`non-syntax error for ${JSON.stringify(sql)}: ${(e as Error).stack}`);
  }
  const formatted = formatStatement(ast);
  let again;
  try {
    again = parseStatement(formatted, { dialect });
  } catch (e) {
    throw new Error(
      `formatted text of ${JSON.stringify(sql)} does not parse: ${formatted}: ${(e as Error).message}`,
    );
  }
  if (!isDeepStrictEqual(stripLocations(again), stripLocations(ast))) {
    throw new Error(`round trip changed the tree of ${JSON.stringify(sql)}: ${formatted}`);
  }
  return 'ok';
}

const corpus = listCorpusSql({ sources: ['tpch-trinodb', 'tpch-benchmark', 'product-test', 'sqlite-slt'] })
  .map((c) => c.sql)
  .filter((_, i) => i % 7 === 0);

function mutate(sql: string, random: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  let s = sql;
  const edits = 1 + Math.floor(random() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (s.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0: // delete a span
        s = s.slice(0, at) + s.slice(at + 1 + Math.floor(random() * 12));
        break;
      case 1: // insert a vocabulary token
        s = `${s.slice(0, at)} ${pick(VOCABULARY)} ${s.slice(at)}`;
        break;
      case 2: // replace one character with a random code unit (incl. surrogates and controls)
        s = s.slice(0, at) + String.fromCharCode(Math.floor(random() * 0xffff)) + s.slice(at + 1);
        break;
      case 3: // duplicate a span
        s = s.slice(0, at) + s.slice(at, at + 20) + s.slice(at);
        break;
      case 4: // truncate
        s = s.slice(0, at);
        break;
      default: // swap two halves
        s = s.slice(at) + s.slice(0, at);
    }
  }
  return s;
}

describe.each(['trino', 'postgres'] as const)('fuzz (%s dialect)', (dialect) => {
  test('mutated corpus queries', () => {
    const random = rng(dialect === 'trino' ? 1 : 2);
    const seen = { ok: 0, error: 0 };
    for (let i = 0; i < ITERATIONS; i++)
      seen[parseTotal(mutate(corpus[i % corpus.length], random), dialect)]++;
    // both outcomes must occur, or the mutations are not exercising the parser
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.error).toBeGreaterThan(0);
  });

  test('random token soup', () => {
    const random = rng(dialect === 'trino' ? 3 : 4);
    for (let i = 0; i < ITERATIONS; i++) {
      const n = 1 + Math.floor(random() * 25);
      const tokens: string[] = random() < 0.5 ? ['SELECT'] : [];
      for (let j = 0; j < n; j++) tokens.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]);
      parseTotal(tokens.join(random() < 0.8 ? ' ' : ''), dialect);
    }
  });

  test('random characters', () => {
    const random = rng(dialect === 'trino' ? 5 : 6);
    for (let i = 0; i < ITERATIONS; i++) {
      let s = '';
      const n = Math.floor(random() * 40);
      for (let j = 0; j < n; j++)
        s += String.fromCharCode(
          random() < 0.7 ? 32 + Math.floor(random() * 95) : Math.floor(random() * 0xffff),
        );
      parseTotal(s, dialect);
    }
  });

  test('deep and wide nesting', () => {
    const random = rng(dialect === 'trino' ? 7 : 8);
    const shapes = [
      ['(', ')'],
      ['ARRAY[', ']'],
      ['- ', ''],
      ['NOT ', ''],
      ['(SELECT ', ')'],
      ['f(', ')'],
      ['CASE WHEN ', ' THEN 1 END'],
      ['CAST(', ' AS ROW(a bigint))'],
      ['x IN (', ')'],
      ['(SELECT * FROM (', '))'],
      ['ROW(', ')'],
      ['a[', ']'],
    ];
    for (let i = 0; i < 60; i++) {
      const depth = 1 + Math.floor(random() * 3000);
      const [open, close] = shapes[i % shapes.length];
      parseTotal(`SELECT ${open.repeat(depth)}1${close.repeat(depth)}`, dialect);
    }
    parseTotal(`SELECT ${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(' + ')}`, dialect);
    parseTotal(`SELECT 1 FROM ${Array.from({ length: 300 }, (_, i) => `t${i}`).join(' JOIN ')}`, dialect);
  });
});
