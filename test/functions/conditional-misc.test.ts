// Expected values: trino.io/docs functions/conditional.html, comparison.html, binary.html,
// uuid.html, url.html; hash test vectors from the algorithms' reference implementations.
import { TrinoError } from '../../src/errors';
import { isTryCatchable, tryEvaluate } from '../../src/functions';
import { big, dbl, evaluate, expectError, int, NULL, str, t, typeOf, v, type Arg } from './helpers';

type Case = [string, Arg[], string, string];

const bytes = (s: string): Arg => v('varbinary', new TextEncoder().encode(s));
const hex = (h: string): Arg => v('varbinary', new Uint8Array(Buffer.from(h, 'hex')));

describe('conditional and comparison functions', () => {
  test.each<Case>([
    ['coalesce', [NULL, int(1), int(2)], 'integer', '1'],
    ['coalesce', [v('integer', null), big(5)], 'bigint', '5'],
    ['coalesce', [NULL, NULL], 'unknown', 'NULL'],
    ['coalesce', [str('a'), str('bcd')], 'varchar(3)', 'a'],
    ['if', [v('boolean', true), int(1), int(2)], 'integer', '1'],
    ['if', [v('boolean', false), int(1), dbl(2.5)], 'double', '2.5'],
    ['if', [v('boolean', null), int(1), int(2)], 'integer', '2'],
    ['if', [v('boolean', false), int(1)], 'integer', 'NULL'],
    ['nullif', [int(1), int(1)], 'integer', 'NULL'],
    ['nullif', [int(1), int(2)], 'integer', '1'],
    ['nullif', [int(1), dbl(1)], 'integer', 'NULL'],
    ['nullif', [int(1), NULL], 'integer', '1'],
    ['nullif', [NULL, int(1)], 'unknown', 'NULL'],
    ['greatest', [int(1), int(5), int(3)], 'integer', '5'],
    ['greatest', [int(1), t('decimal(2,1)', '2.5')], 'decimal(11,1)', '2.5'],
    ['greatest', [int(1), NULL, int(3)], 'integer', 'NULL'],
    ['greatest', [dbl(NaN), dbl(1)], 'double', '1.0'],
    ['greatest', [dbl(NaN), dbl(NaN)], 'double', 'NaN'],
    ['least', [dbl(NaN), dbl(1)], 'double', '1.0'],
    ['least', [str('b'), str('a'), str('c')], 'varchar(1)', 'a'],
    ['least', [t('date', '2020-01-02'), t('date', '2020-01-01')], 'date', '2020-01-01'],
    ['greatest', [v('array(integer)', [1, 2]), v('array(integer)', [1, 3])], 'array(integer)', '[1, 3]'],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('TRY catches only the errors Trino catches', () => {
    expect(tryEvaluate(() => evaluate('mod', int(1), int(0)))).toBeNull();
    expect(tryEvaluate(() => evaluate('chr', big(-1)))).toBeNull();
    expect(tryEvaluate(() => evaluate('abs', int(-5)))).toBe('5');
    expect(() => tryEvaluate(() => evaluate('nosuch'))).toThrow(TrinoError);
    expect(isTryCatchable(new TrinoError('NUMERIC_VALUE_OUT_OF_RANGE', 'x'))).toBe(true);
    expect(isTryCatchable(new TrinoError('NOT_SUPPORTED', 'x'))).toBe(false);
    expect(isTryCatchable(new Error('x'))).toBe(false);
  });

  test('nullif rejects incomparable types', () => {
    expectError(
      () => evaluate('nullif', int(1), v('array(integer)', [])),
      'TYPE_MISMATCH',
      'Types are not comparable with NULLIF: integer vs array(integer)',
    );
  });

  test('greatest needs orderable types', () => {
    expectError(
      () => evaluate('greatest', v('map(integer,integer)', []), v('map(integer,integer)', [])),
      'FUNCTION_NOT_FOUND',
    );
  });
});

describe('binary, hash, UUID and URL functions', () => {
  test.each<Case>([
    ['to_hex', [bytes('abc')], 'varchar', '616263'],
    ['from_hex', [str('616263')], 'varbinary', '61 62 63'],
    ['from_hex', [str('aBcD')], 'varbinary', 'ab cd'],
    ['to_base64', [bytes('ab')], 'varchar', 'YWI='],
    ['to_base64', [hex('fbff')], 'varchar', '+/8='],
    ['to_base64url', [hex('fbff')], 'varchar', '-_8='],
    ['from_base64', [str('YWI=')], 'varbinary', '61 62'],
    ['from_base64', [str('YWI')], 'varbinary', '61 62'],
    ['from_base64url', [str('-_8=')], 'varbinary', 'fb ff'],
    ['from_base64', [bytes('YWJj')], 'varbinary', '61 62 63'],
    ['to_big_endian_64', [big(1)], 'varbinary', '00 00 00 00 00 00 00 01'],
    ['from_big_endian_64', [hex('ffffffffffffffff')], 'bigint', '-1'],
    ['from_big_endian_64', [hex('7fffffffffffffff')], 'bigint', '9223372036854775807'],
    ['to_big_endian_32', [int(-2)], 'varbinary', 'ff ff ff fe'],
    ['from_big_endian_32', [hex('00000100')], 'integer', '256'],
    ['to_ieee754_64', [dbl(1)], 'varbinary', '3f f0 00 00 00 00 00 00'],
    ['to_ieee754_32', [v('real', 1)], 'varbinary', '3f 80 00 00'],
    ['from_ieee754_64', [hex('4009000000000000')], 'double', '3.125'],
    ['from_ieee754_32', [hex('40490000')], 'real', '3.140625'],
    ['md5', [bytes('')], 'varbinary', 'd4 1d 8c d9 8f 00 b2 04 e9 80 09 98 ec f8 42 7e'],
    ['sha1', [bytes('abc')], 'varbinary', 'a9 99 3e 36 47 06 81 6a ba 3e 25 71 78 50 c2 6c 9c d0 d8 9d'],
    [
      'sha256',
      [bytes('')],
      'varbinary',
      'e3 b0 c4 42 98 fc 1c 14 9a fb f4 c8 99 6f b9 24 27 ae 41 e4 64 9b 93 4c a4 95 99 1b 78 52 b8 55',
    ],
    ['xxhash64', [bytes('')], 'varbinary', 'ef 46 db 37 51 d8 e9 99'],
    ['xxhash64', [bytes('abc')], 'varbinary', '44 bc 2c f5 ad 77 09 99'],
    ['xxhash64', [bytes('Nobody inspects the spammish repetition')], 'varbinary', 'fb ce a8 3c 8a 37 8b f1'],
    ['crc32', [bytes('123456789')], 'bigint', '3421780262'],
    [
      'hmac_sha256',
      [bytes('msg'), bytes('key')],
      'varbinary',
      '2d 93 cb c1 be 16 7b cb 16 37 a4 a2 3c bf f0 1a 78 78 f0 c5 0e e8 33 95 4e a5 22 1b b1 b8 c6 28',
    ],
    ['length', [bytes('abc')], 'bigint', '3'],
    ['substr', [bytes('abcdef'), big(2), big(3)], 'varbinary', '62 63 64'],
    ['substr', [bytes('abcdef'), big(-2)], 'varbinary', '65 66'],
    ['reverse', [bytes('ab')], 'varbinary', '62 61'],
    ['lpad', [bytes('a'), big(3), bytes('xy')], 'varbinary', '78 79 61'],
    ['concat', [bytes('a'), bytes('b')], 'varbinary', '61 62'],
    [
      'url_extract_protocol',
      [str('http://www.example.com:80/stuff/index.html?k1=v1#fragment')],
      'varchar(57)',
      'http',
    ],
    [
      'url_extract_host',
      [str('http://www.example.com:80/stuff/index.html?k1=v1#fragment')],
      'varchar(57)',
      'www.example.com',
    ],
    ['url_extract_port', [str('http://www.example.com:80/stuff/index.html?k1=v1#fragment')], 'bigint', '80'],
    [
      'url_extract_path',
      [str('http://www.example.com:80/stuff/index.html?k1=v1#fragment')],
      'varchar(57)',
      '/stuff/index.html',
    ],
    [
      'url_extract_query',
      [str('http://www.example.com:80/stuff/index.html?k1=v1#fragment')],
      'varchar(57)',
      'k1=v1',
    ],
    [
      'url_extract_fragment',
      [str('http://www.example.com:80/stuff/index.html?k1=v1#fragment')],
      'varchar(57)',
      'fragment',
    ],
    [
      'url_extract_parameter',
      [str('http://example.com/path?k1=v1&k2=v2&k3'), str('k2')],
      'varchar(38)',
      'v2',
    ],
    ['url_extract_parameter', [str('http://example.com/path?k1=v1&k2=v2&k3'), str('k3')], 'varchar(38)', ''],
    ['url_extract_parameter', [str('http://example.com/path?k1=v1'), str('k9')], 'varchar(29)', 'NULL'],
    ['url_extract_port', [str('http://example.com/')], 'bigint', 'NULL'],
    ['url_extract_path', [str('http://example.com/a%20b')], 'varchar(24)', '/a b'],
    ['url_extract_host', [str('not a url')], 'varchar(9)', 'NULL'],
    ['url_extract_path', [str('mailto:someone@example.com')], 'varchar(26)', 'NULL'],
    ['url_encode', [str('http://test')], 'varchar(132)', 'http%3A%2F%2Ftest'],
    ['url_encode', [str('a b*~é')], 'varchar(72)', 'a+b*%7E%C3%A9'],
    ['url_decode', [str('http%3A%2F%2Ftest')], 'varchar(17)', 'http://test'],
    ['url_decode', [str('a+b%C3%A9')], 'varchar(9)', 'a bé'],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('uuid() is random and canonical', () => {
    const a = evaluate('uuid');
    const b = evaluate('uuid');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
    expect(typeOf('uuid')).toBe('uuid');
  });

  test.each<[string, Arg[], string, string]>([
    ['from_hex', [str('abc')], 'INVALID_FUNCTION_ARGUMENT', 'invalid input length 3'],
    ['from_hex', [str('zz')], 'INVALID_FUNCTION_ARGUMENT', 'invalid hex character: z'],
    ['from_base64', [str('a*==')], 'INVALID_FUNCTION_ARGUMENT', 'Illegal base64 character 2a'],
    ['from_base64', [str('a')], 'INVALID_FUNCTION_ARGUMENT', 'Last unit does not have enough valid bits'],
    [
      'from_big_endian_64',
      [hex('00')],
      'INVALID_FUNCTION_ARGUMENT',
      'expected 8-byte input, but got instead: 1',
    ],
    [
      'from_big_endian_32',
      [hex('00')],
      'INVALID_FUNCTION_ARGUMENT',
      'expected 4-byte input, but got instead: 1',
    ],
    [
      'from_ieee754_32',
      [hex('00')],
      'INVALID_FUNCTION_ARGUMENT',
      'Input floating-point value must be exactly 4 bytes long',
    ],
    [
      'url_decode',
      [str('%')],
      'INVALID_FUNCTION_ARGUMENT',
      'URLDecoder: Incomplete trailing escape (%) pattern',
    ],
    [
      'url_decode',
      [str('%zz')],
      'INVALID_FUNCTION_ARGUMENT',
      'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"',
    ],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });
});
