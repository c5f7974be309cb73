/** Comparisons of types without a fast path in generated code, and X'…' binary literals. */
import { sqlSession } from './sql-session';

const { engine, rows } = sqlSession();

test('binary literals are varbinary values that compare bytewise', async () => {
  const result = await engine.query("SELECT X'303132', x''");
  expect(result.columns.map((c) => c.type)).toEqual(['varbinary', 'varbinary']);
  expect(result.rows).toEqual([[new Uint8Array([48, 49, 50]), new Uint8Array([])]]);
  expect(
    await rows(
      "SELECT X'0a' = X'0A', X'0a' <> X'0b', X'0a' < X'0b', X'0a00' > X'0a', X'0a' IN (X'0b', X'0a')",
    ),
  ).toEqual([[true, true, true, true, true]]);
  expect(await rows("SELECT X'303132' IN (SELECT CAST('012' AS varbinary))")).toEqual([[true]]);
});

test('timestamps beyond microseconds and with time zones', async () => {
  expect(
    await rows(
      "SELECT TIMESTAMP '2020-01-01 00:00:00.1234567' < TIMESTAMP '2020-01-01 00:00:00.1234568', TIMESTAMP '2020-01-01 00:00:00.1234567' = TIMESTAMP '2020-01-01 00:00:00.1234567'",
    ),
  ).toEqual([[true, true]]);
  expect(
    await rows(
      "SELECT TIMESTAMP '2020-01-01 00:00:00 UTC' = TIMESTAMP '2020-01-01 01:00:00 +01:00', TIMESTAMP '2020-01-01 00:00:00 UTC' < TIMESTAMP '2020-01-01 02:00:00 +01:00'",
    ),
  ).toEqual([[true, true]]);
});
