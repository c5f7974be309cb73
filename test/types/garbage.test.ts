/**
 * Garbage in: every text entry point of the type system either returns a value or throws a
 * TrinoError — never another exception — for arbitrary input.
 */
import { TrinoError } from '../../src/errors';
import {
  BIGINT,
  BOOLEAN,
  castFromVarchar,
  charType,
  checkValue,
  DATE,
  decimalType,
  DOUBLE,
  INTEGER,
  JSON_TYPE,
  parseBinaryLiteral,
  parseDecimalLiteral,
  parseDoubleLiteral,
  parseIntegerLiteral,
  parseIntervalLiteral,
  parseTimestampLiteral,
  parseTimeLiteral,
  parseType,
  parseTypedLiteral,
  REAL,
  SMALLINT,
  timestampType,
  timestampWithTimeZoneType,
  timeType,
  timeWithTimeZoneType,
  TINYINT,
  UUID,
  VARBINARY,
  varcharType,
  type IntervalField,
  type SqlType,
} from '../../src/types';

/** Deterministic PRNG (mulberry32). */
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

const ALPHABET = [
  ...'0123456789',
  '-',
  '-',
  ':',
  ':',
  '.',
  ' ',
  ' ',
  '+',
  'e',
  'E',
  '_',
  'x',
  'T',
  'Z',
  '(',
  ')',
  ',',
  '"',
  "'",
  '<',
  '>',
  '[',
  ']',
  '/',
  '\\',
  '\t',
  '\n',
  '\u0000',
  'é',
  '😀',
  '\u00a0',
  'a',
  'b',
  'z',
  'N',
  'a',
  'I',
  '{',
  '}',
];
const WORDS = [
  'UTC',
  'America/New_York',
  '+05:30',
  'Asia/Kathmandu',
  'GMT+7',
  'row',
  'array',
  'map',
  'varchar',
  'decimal',
  'timestamp',
  'time',
  'with',
  'time zone',
  'int',
  'double precision',
  'interval',
  'day',
  'to',
  'second',
  'NaN',
  'Infinity',
  '2020-01-01',
  '12:34:56.789',
  '0x',
  '1e999',
  '99999999999999999999999999999999999999999',
  '-9223372036854775808',
];
const SEEDS = [
  '2020-01-01 00:00:00.123456 America/New_York',
  '01:02:03.456+05:30',
  '3 04:05:06.789',
  '1-2',
  '-12.345',
  '1.5e10',
  'row(a bigint, "b c" array(decimal(10,2)))',
  'map<varchar, array<int>>',
  '{"a":[1,2.5,"x"]}',
  '12151fd2-7586-11e9-8f9e-2a86e4085a59',
];

function randomText(next: () => number): string {
  const mode = next();
  if (mode < 0.4) {
    // mutate a seed
    const chars = [...SEEDS[Math.floor(next() * SEEDS.length)]];
    const edits = 1 + Math.floor(next() * 4);
    for (let i = 0; i < edits; i++) {
      const pos = Math.floor(next() * (chars.length + 1));
      const r = next();
      if (r < 0.33) chars.splice(pos, 1);
      else if (r < 0.66) chars.splice(pos, 0, ALPHABET[Math.floor(next() * ALPHABET.length)]);
      else chars.splice(pos, 1, ALPHABET[Math.floor(next() * ALPHABET.length)]);
    }
    return chars.join('');
  }
  const parts: string[] = [];
  const n = Math.floor(next() * 12);
  for (let i = 0; i < n; i++) {
    parts.push(
      next() < 0.2
        ? WORDS[Math.floor(next() * WORDS.length)]
        : ALPHABET[Math.floor(next() * ALPHABET.length)],
    );
  }
  return parts.join('');
}

function mustBeTrinoError(label: string, text: string, fn: () => unknown, type?: SqlType): void {
  try {
    const result = fn();
    // Whatever is accepted must be a well-formed value of its type.
    const typed = result as { type?: SqlType; value?: unknown } | undefined;
    const problem =
      type !== undefined
        ? checkValue(result, type)
        : typed && typeof typed === 'object' && 'type' in typed && typed.type
          ? checkValue(typed.value, typed.type)
          : undefined;
    if (problem) throw new Error(`${label}(${JSON.stringify(text)}) produced an invalid value: ${problem}`);
  } catch (e) {
    if (!(e instanceof TrinoError)) {
      throw new Error(`${label}(${JSON.stringify(text)}) threw ${String(e)}`, { cause: e });
    }
  }
}

const FIELDS: IntervalField[] = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];
const CAST_TARGETS = [
  BOOLEAN,
  TINYINT,
  SMALLINT,
  INTEGER,
  BIGINT,
  REAL,
  DOUBLE,
  decimalType(10, 2),
  decimalType(38, 5),
  varcharType(3),
  charType(4),
  VARBINARY,
  DATE,
  timeType(3),
  timeType(12),
  timeWithTimeZoneType(6),
  timestampType(0),
  timestampType(9),
  timestampWithTimeZoneType(3),
  timestampWithTimeZoneType(12),
  JSON_TYPE,
  UUID,
];
const TYPE_NAMES = [
  'DATE',
  'TIME',
  'TIMESTAMP',
  'DECIMAL',
  'CHAR',
  'JSON',
  'BIGINT',
  'DOUBLE',
  'REAL',
  'BOOLEAN',
  'UUID',
  'VARBINARY',
  'INTERVAL DAY TO SECOND',
];

describe('malformed input always raises TrinoError', () => {
  const ITERATIONS = Number(process.env.TESSERA_FUZZ_ITERATIONS ?? 1500);

  test('parseType', () => {
    const next = rng(1);
    for (let i = 0; i < ITERATIONS; i++) {
      const text = randomText(next);
      mustBeTrinoError('parseType', text, () => parseType(text));
    }
  });

  test('literal parsers', () => {
    const next = rng(2);
    for (let i = 0; i < ITERATIONS; i++) {
      const text = randomText(next);
      mustBeTrinoError('parseIntegerLiteral', text, () => parseIntegerLiteral(text));
      mustBeTrinoError('parseDoubleLiteral', text, () => parseDoubleLiteral(text));
      mustBeTrinoError('parseDecimalLiteral', text, () => parseDecimalLiteral(text));
      mustBeTrinoError('parseBinaryLiteral', text, () => parseBinaryLiteral(text));
      mustBeTrinoError('parseTimeLiteral', text, () => parseTimeLiteral(text));
      mustBeTrinoError('parseTimestampLiteral', text, () => parseTimestampLiteral(text));
      const start = FIELDS[Math.floor(next() * FIELDS.length)];
      const end = FIELDS[Math.floor(next() * FIELDS.length)];
      mustBeTrinoError('parseIntervalLiteral', text, () => parseIntervalLiteral(text, start, end));
      const typeName = TYPE_NAMES[Math.floor(next() * TYPE_NAMES.length)];
      mustBeTrinoError(`parseTypedLiteral[${typeName}]`, text, () => parseTypedLiteral(typeName, text));
      mustBeTrinoError('parseTypedLiteral[random type]', text, () => parseTypedLiteral(text, '1'));
    }
  });

  test('castFromVarchar to every scalar type', () => {
    const next = rng(3);
    for (let i = 0; i < ITERATIONS; i++) {
      const text = randomText(next);
      for (const t of CAST_TARGETS) {
        mustBeTrinoError(
          `castFromVarchar[${t.kind}]`,
          text,
          () => castFromVarchar(text, t, { timeZone: 'Europe/Berlin', startEpochMillis: 0 }),
          t,
        );
      }
    }
  });
});
