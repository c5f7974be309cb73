import { canonicalJson, jsonParse, parseJson } from '../../src/types';

describe('json_parse canonical form', () => {
  test.each<[string, string]>([
    ['{"b":1,"a":2}', '{"a":2,"b":1}'], // keys sorted (Jackson ORDER_MAP_ENTRIES_BY_KEYS)
    ['{"a":1,"a":2}', '{"a":2}'], // the last duplicate wins
    [' [ 1 , 2 ] ', '[1,2]'],
    ['1e2', '100.0'], // floats re-printed as Java doubles
    ['1.50', '1.5'],
    ['-0.0', '-0.0'],
    ['12345678901234567890123', '12345678901234567890123'],
    ['"a\\u0041\\n\\/"', '"aA\\n/"'],
    ['"\\u00e9"', '"é"'],
    ['null', 'null'],
    ['true', 'true'],
    ['{"x":{"z":[],"y":{}}}', '{"x":{"y":{},"z":[]}}'],
  ])('%s → %s', (text, canonical) => {
    expect(jsonParse(text)).toBe(canonical);
  });

  test.each([
    '',
    '{',
    '[1,]',
    '{"a"}',
    "{'a':1}",
    '01',
    '1.',
    '.5',
    '+1',
    'NaN',
    'tru',
    '"\\x"',
    '"a',
    '[1] 2',
    '"\u0001"',
    '{"a":1,}',
  ])('rejects %j', (text) => {
    expect(() => parseJson(text)).toThrow();
  });

  test('deep nesting is bounded', () => {
    expect(() => parseJson('['.repeat(5000) + ']'.repeat(5000))).toThrow();
    expect(canonicalJson(parseJson('['.repeat(500) + ']'.repeat(500)))).toBe(
      '['.repeat(500) + ']'.repeat(500),
    );
  });
});
