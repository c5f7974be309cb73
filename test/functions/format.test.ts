/**
 * format(): expected values from trino.io/docs (functions/string.html#format) and from
 * java.util.Formatter's documented rules (Java SE 17 API docs), which Trino calls.
 */
import { sqlSession } from '../engine/sql-session';

const { rows, engine } = sqlSession();

async function format(args: string): Promise<unknown> {
  return (await rows(`SELECT format(${args})`))[0][0];
}

async function formatError(args: string): Promise<string> {
  try {
    await engine.query(`SELECT format(${args})`);
  } catch (e) {
    return `${(e as { errorName: string }).errorName}: ${(e as Error).message}`;
  }
  return 'no error';
}

test("Trino's documented examples", async () => {
  expect(await format(`'%s%%', 123`)).toBe('123%');
  expect(await format(`'%.5f', pi()`)).toBe('3.14159');
  expect(await format(`'%03d', 8`)).toBe('008');
  expect(await format(`'%,.2f', 1234567.89`)).toBe('1,234,567.89');
  expect(await format(`'%-7s,%7s', 'hello', 'world'`)).toBe('hello  ,  world');
  expect(await format(`'%2$s %3$s %1$s', 'a', 'b', 'c'`)).toBe('b c a');
  expect(await format(`'%1$tA, %1$tB %1$te, %1$tY', date '2006-07-04'`)).toBe('Tuesday, July 4, 2006');
});

test('values print as the Java objects Trino passes (toString forms)', async () => {
  expect(await format(`'%s|%s|%s|%s', 1e10, real '0.1', 1.50, decimal '0.00000001'`)).toBe(
    '1.0E10|0.1|1.50|1E-8',
  );
  expect(
    await format(`'%s|%s', timestamp '2020-01-02 03:04:00', timestamp '2020-01-02 03:04:05.123456'`),
  ).toBe('2020-01-02T03:04|2020-01-02T03:04:05.123456');
  expect(await format(`'%s', timestamp '2020-01-02 03:04:05.5 Europe/Paris'`)).toBe(
    '2020-01-02T03:04:05.500+01:00[Europe/Paris]',
  );
  expect(await format(`'%s|%s', time '01:02:03.456', date '0999-01-02'`)).toBe('01:02:03.456|0999-01-02');
  expect(await format(`'%s|%s|%b|%b|%B', NULL, CAST(NULL AS integer), NULL, 1, true`)).toBe(
    'null|null|false|true|TRUE',
  );
  expect(await format(`'%s', json '{"a":1}'`)).toBe('{"a":1}');
  expect(await format(`NULL, 1`)).toBeNull();
});

test('integers: grouping, signs, parentheses, padding, hex and octal of 64 bits', async () => {
  expect(await format(`'%(,d|%+d|% d|%,d', -1234567, 5, 5, 1234567890123`)).toBe(
    '(1,234,567)|+5| 5|1,234,567,890,123',
  );
  expect(await format(`'%x|%X|%o|%#x|%#o|%08X', -1, 255, 8, 255, 8, 255`)).toBe(
    'ffffffffffffffff|FF|10|0xff|010|000000FF',
  );
  expect(await format(`'%-6d|%6d|', 42, -42`)).toBe('42    |   -42|');
});

test('floating point: shortest digits rounded half up, e, g and hex forms', async () => {
  expect(await format(`'%.1f|%.2f|%.0f|%.3f', 0.15e0, 1.005e0, 0.5e0, 2.0005`)).toBe('0.2|1.01|1|2.001');
  expect(await format(`'%e|%g|%g|%G|%g', 12345.678e0, 0.0001e0, 123456789e0, 1e-5, 0e0`)).toBe(
    '1.234568e+04|0.000100000|1.23457e+08|1.00000E-05|0.00000',
  );
  expect(await format(`'%a|%A|%.3a', 1e0, 255.5e0, 1e0/3`)).toBe('0x1.0p0|0X1.FFP7|0x1.555p-2');
  expect(
    await format(`'%010.3f|%f|%+f|%(f|%10f', -3.14159e0, nan(), infinity(), -infinity(), -infinity()`),
  ).toBe('-00003.142|NaN|+Infinity|(Infinity)| -Infinity');
  expect(await format(`'%.2f|%e', 9.999, 0.000123`)).toBe('10.00|1.230000e-04');
});

test('strings: width, precision, upper case and hash codes', async () => {
  expect(await format(`'%s|%S|%.3s|%10.2s|', 'abc', 'abc', 'abcdef', 'xyz'`)).toBe('abc|ABC|abc|        xy|');
  // String.hashCode, Long.hashCode, Boolean.hashCode
  expect(await format(`'%h %h %h', 'hello', 42, true`)).toBe('5e918d2 2a 4cf');
  expect(await format(`'%n%%', 1`)).toBe('\n%');
});

test('date-time conversions', async () => {
  expect(
    await format(
      `'%tF %<tT %<tL %<tN %<tp %<tz %<tZ %<ts', timestamp '2020-07-04 15:04:05.123456789 America/New_York'`,
    ),
  ).toBe('2020-07-04 15:04:05 123 123456789 pm -0400 EDT 1593889445');
  expect(await format(`'%tj %<tD %<ty %<tC %<ta %<tb %<tR %<tr', timestamp '2020-12-31 23:05:00'`)).toBe(
    '366 12/31/20 20 20 Thu Dec 23:05 11:05:00 PM',
  );
  expect(await format(`'%tc', timestamp '2020-01-02 03:04:05 UTC'`)).toBe('Thu Jan 02 03:04:05 UTC 2020');
  expect(await format(`'%tY', 1000`)).toBe('1970');
});

test("bad format strings fail with Java's exception in Trino's message", async () => {
  const invalid = (spec: string, exception: string) =>
    `INVALID_FUNCTION_ARGUMENT: Invalid format string: ${spec} (${exception})`;
  expect(await formatError(`'%d', 1.5`)).toBe(
    invalid('%d', 'IllegalFormatConversion: d != java.math.BigDecimal'),
  );
  expect(await formatError(`'%f', 1`)).toBe(invalid('%f', 'IllegalFormatConversion: f != java.lang.Long'));
  expect(await formatError(`'%c', 65`)).toBe(invalid('%c', 'IllegalFormatConversion: c != java.lang.Long'));
  expect(await formatError(`'%q', 1`)).toBe(invalid('%q', "UnknownFormatConversion: Conversion = 'q'"));
  expect(await formatError(`'%s %s', 1`)).toBe(
    invalid('%s %s', "MissingFormatArgument: Format specifier '%s'"),
  );
  expect(await formatError(`'%-s', 1`)).toBe(invalid('%-s', 'MissingFormatWidth: %-s'));
  expect(await formatError(`'%#s', 1`)).toBe(
    invalid('%#s', 'FormatFlagsConversionMismatch: Conversion = s, Flags = #'),
  );
  expect(await formatError(`'%.2d', 1`)).toBe(invalid('%.2d', 'IllegalFormatPrecision: 2'));
  expect(await formatError(`'%--5d', 1`)).toBe(invalid('%--5d', "DuplicateFormatFlags: Flags = '-'"));
  expect(await formatError(`'%tH', date '2020-01-01'`)).toBe(
    invalid('%tH', 'UnsupportedTemporalType: Unsupported field: HourOfDay'),
  );
  expect(await formatError(`'100%', 1`)).toBe(invalid('100%', "UnknownFormatConversion: Conversion = '%'"));
  expect(await formatError(`'%s', ARRAY[1]`)).toMatch(
    /^NOT_SUPPORTED: .*Type not supported for formatting: array\(integer\)$/,
  );
  expect(await formatError(`'x'`)).toMatch(/^FUNCTION_NOT_FOUND/);
});
