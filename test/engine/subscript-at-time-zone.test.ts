/** The subscript operator on arrays, maps and rows, and AT TIME ZONE, with Trino's results and errors. */
import { createLocalEngine } from '../../src/index';

const engine = createLocalEngine({ session: { timeZone: 'UTC' } });
afterAll(() => engine.close());

const one = async (sql: string): Promise<unknown> => (await engine.query(sql)).rows[0][0];

test('array subscript is 1-based and errors outside the array (unlike element_at)', async () => {
  expect(await one('SELECT ARRAY[10, 20, 30][2]')).toBe(20);
  expect(await one('SELECT element_at(ARRAY[10, 20], 3)')).toBeNull();
  await expect(one('SELECT ARRAY[10, 20][3]')).rejects.toThrow(
    'Array subscript must be less than or equal to array length: 3 > 2',
  );
  await expect(one('SELECT ARRAY[10, 20][0]')).rejects.toThrow('SQL array indices start at 1');
  await expect(one('SELECT ARRAY[10, 20][-1]')).rejects.toThrow('Array subscript is negative: -1');
  expect(await one('SELECT CAST(NULL AS array(integer))[1]')).toBeNull();
  expect(await one("SELECT split('a,b,c', ',')[3]")).toBe('c');
});

test('map subscript finds the key or fails', async () => {
  expect(await one("SELECT MAP(ARRAY['a', 'b'], ARRAY[1, 2])['b']")).toBe(2);
  await expect(one("SELECT MAP(ARRAY['a'], ARRAY[1])['z']")).rejects.toThrow('Key not present in map: z');
});

test('row subscript takes a constant 1-based field index', async () => {
  const r = await engine.query("SELECT ROW(1, 'x')[2], CAST(ROW(1, 2.5) AS row(a integer, b double))[2]");
  expect(r.rows).toEqual([['x', 2.5]]);
  expect(r.columns.map((c) => c.type)).toEqual(['varchar(1)', 'double']);
  await expect(one("SELECT ROW(1, 'x')[3]")).rejects.toThrow('Invalid subscript index: 3');
});

test('subscript on a scalar is a type error with its location', async () => {
  await expect(one('SELECT 5[1]')).rejects.toMatchObject({
    errorName: 'TYPE_MISMATCH',
    message: 'line 1:8: Cannot use integer for subscript',
  });
});

test('AT TIME ZONE keeps the instant and changes the zone', async () => {
  expect(
    await one("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00 UTC' AT TIME ZONE 'America/New_York' AS varchar)"),
  ).toBe('2024-01-01 07:00:00 America/New_York');
  // a timestamp without a zone is read in the session's zone (UTC here) first
  expect(
    await one("SELECT CAST(TIMESTAMP '2024-01-01 12:00:00.123' AT TIME ZONE 'Asia/Tokyo' AS varchar)"),
  ).toBe('2024-01-01 21:00:00.123 Asia/Tokyo');
  expect(await one("SELECT CAST(TIMESTAMP '2024-06-01 00:00:00 +02:00' AT TIME ZONE 'UTC' AS varchar)")).toBe(
    '2024-05-31 22:00:00 UTC',
  );
  await expect(one("SELECT 1 AT TIME ZONE 'UTC'")).rejects.toMatchObject({ errorName: 'TYPE_MISMATCH' });
  await expect(one("SELECT TIMESTAMP '2024-01-01 00:00:00 UTC' AT TIME ZONE 'Mars/Base'")).rejects.toThrow(
    /Mars\/Base/,
  );
});
