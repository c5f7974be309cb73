/**
 * IPADDRESS: text as Guava's InetAddresses reads and writes it (RFC 5952 output), order by the
 * 16 bytes, casts and contains() as in Trino (trino.io/docs functions/ipaddress.html, the
 * IpAddressFunctions source for contains' errors).
 */
import { formatIpAddress, ipAddressFromBytes, parseIpAddressBytes } from '../../src/types';
import { sqlSession } from '../engine/sql-session';

const roundTrip = (text: string) => {
  const bytes = parseIpAddressBytes(text);
  return bytes === undefined ? undefined : formatIpAddress(ipAddressFromBytes(bytes));
};

test('text round trips to the canonical form', () => {
  expect(roundTrip('10.0.0.1')).toBe('10.0.0.1');
  expect(roundTrip('::ffff:1.2.3.4')).toBe('1.2.3.4');
  expect(roundTrip('::FFFF:0102:0304')).toBe('1.2.3.4');
  expect(roundTrip('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
  expect(roundTrip('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1'); // the first of equal runs
  expect(roundTrip('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1'); // one zero group stays
  expect(roundTrip('::')).toBe('::');
  expect(roundTrip('::1')).toBe('::1');
  expect(roundTrip('1::')).toBe('1::');
  expect(roundTrip('::1.2.3.4')).toBe('::102:304'); // IPv4-compatible is not IPv4-mapped
  expect(roundTrip('fe80::1:2:3:4')).toBe('fe80::1:2:3:4');
});

test('malformed text is not an address', () => {
  for (const bad of [
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '01.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    ':::',
    'g::1',
    '',
    'x',
    '1.2.3.4/8',
  ])
    expect(parseIpAddressBytes(bad)).toBeUndefined();
});

describe('in SQL', () => {
  const { rows, error } = sqlSession();

  test('casts, typed literals and typeof', async () => {
    expect(
      await rows(
        `SELECT CAST(IPADDRESS '2001:db8::ff00:42:8329' AS varchar), CAST(CAST('192.168.0.1' AS ipaddress) AS varchar),
          to_hex(CAST(IPADDRESS '1.2.3.4' AS varbinary)), CAST(CAST(from_hex('01020304') AS ipaddress) AS varchar),
          typeof(IPADDRESS '::1')`,
      ),
    ).toEqual([
      ['2001:db8::ff00:42:8329', '192.168.0.1', '00000000000000000000FFFF01020304', '1.2.3.4', 'ipaddress'],
    ]);
    expect(await error(`SELECT CAST('1.2.3' AS ipaddress)`)).toBe('INVALID_CAST_ARGUMENT');
    expect(await error(`SELECT CAST(from_hex('0102') AS ipaddress)`)).toBe('INVALID_CAST_ARGUMENT');
  });

  test('order, equality and grouping follow the bytes', async () => {
    expect(
      await rows(
        `SELECT CAST(x AS varchar), count(*) FROM (VALUES IPADDRESS '10.0.0.2', IPADDRESS '9.0.0.1', IPADDRESS '::1',
          IPADDRESS '::ffff:9.0.0.1', IPADDRESS '2001:db8::1') t(x) GROUP BY x ORDER BY x`,
      ),
    ).toEqual([
      ['::1', 1],
      ['9.0.0.1', 2],
      ['10.0.0.2', 1],
      ['2001:db8::1', 1],
    ]);
  });

  test('contains(cidr, address)', async () => {
    expect(
      await rows(
        `SELECT contains('10.0.0.0/8', IPADDRESS '10.255.0.1'), contains('10.0.0.0/8', IPADDRESS '11.0.0.1'),
          contains('2001:db8::/32', IPADDRESS '2001:db8:1::1'), contains('10.0.0.0/8', IPADDRESS '2001:db8::1'),
          contains('0.0.0.0/0', IPADDRESS '1.2.3.4'), contains('192.168.1.128/25', IPADDRESS '192.168.1.200')`,
      ),
    ).toEqual([[true, false, true, false, true, true]]);
    expect(await error(`SELECT contains('10.0.0.1/8', IPADDRESS '10.0.0.1')`)).toBe(
      'INVALID_FUNCTION_ARGUMENT',
    );
    expect(await error(`SELECT contains('10.0.0.0', IPADDRESS '10.0.0.1')`)).toBe(
      'INVALID_FUNCTION_ARGUMENT',
    );
    expect(await error(`SELECT contains('10.0.0.0/33', IPADDRESS '10.0.0.1')`)).toBe(
      'INVALID_FUNCTION_ARGUMENT',
    );
    expect(await error(`SELECT contains('x/8', IPADDRESS '10.0.0.1')`)).toBe('INVALID_FUNCTION_ARGUMENT');
  });
});
