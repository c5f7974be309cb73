// Expected values: trino.io/docs functions/json.html and Trino's TestJsonFunctions / TestJsonExtract.
import { compileJsonPath } from '../../src/functions';
import { big, dbl, evaluate, expectError, NULL, str, typeOf, v, type Arg } from './helpers';

type Case = [string, Arg[], string, string];

const json = (text: string): Arg => v('json', text);

const STORE =
  '{"store":{"book":[{"title":"A","price":8.95},{"title":"B","price":12}],"bicycle":{"color":"red"}}}';

describe('JSON functions', () => {
  test.each<Case>([
    ['is_json_scalar', [str('1')], 'boolean', 'true'],
    ['is_json_scalar', [str('[1, 2, 3]')], 'boolean', 'false'],
    ['is_json_scalar', [json('{"a":1}')], 'boolean', 'false'],
    ['is_json_scalar', [json('"x"')], 'boolean', 'true'],
    ['json_array_contains', [str('[1, 2, 3]'), big(2)], 'boolean', 'true'],
    ['json_array_contains', [str('[1, 2.0, 3]'), big(2)], 'boolean', 'false'],
    ['json_array_contains', [str('[1, 2.0, 3]'), dbl(2)], 'boolean', 'true'],
    ['json_array_contains', [str('[1, 2, 3]'), dbl(2)], 'boolean', 'false'],
    ['json_array_contains', [str('["a", true]'), v('boolean', true)], 'boolean', 'true'],
    ['json_array_contains', [json('["a","b"]'), str('b')], 'boolean', 'true'],
    ['json_array_contains', [str('{"a":1}'), big(1)], 'boolean', 'NULL'],
    ['json_array_contains', [str('[1, 2'), big(1)], 'boolean', 'NULL'],
    ['json_array_get', [str('["a", [3, 9], "c"]'), big(0)], 'json', '"a"'],
    ['json_array_get', [str('[1, 2, 3]'), big(10)], 'json', 'NULL'],
    ['json_array_get', [str('["c", [3, 9], "a"]'), big(-1)], 'json', '"a"'],
    ['json_array_get', [str('[[1, 2], [3, 9]]'), big(1)], 'json', '[3,9]'],
    ['json_array_get', [json('[1.50,null,true]'), big(0)], 'json', '1.50'],
    ['json_array_get', [json('[1.50,null,true]'), big(1)], 'json', 'NULL'],
    ['json_array_get', [json('[1.50,null,true]'), big(2)], 'json', 'true'],
    ['json_array_length', [str('[1, 2, 3]')], 'bigint', '3'],
    ['json_array_length', [json('[]')], 'bigint', '0'],
    ['json_array_length', [str('{"a":1}')], 'bigint', 'NULL'],
    ['json_array_length', [str('not json')], 'bigint', 'NULL'],
    ['json_extract', [str(STORE), str('$.store.book[1].title')], 'json', '"B"'],
    ['json_extract', [str(STORE), str('$.store.bicycle')], 'json', '{"color":"red"}'],
    ['json_extract', [str(STORE), str('$["store"]["book"][0]')], 'json', '{"title":"A","price":8.95}'],
    ['json_extract', [str(STORE), str('$.store.missing')], 'json', 'NULL'],
    ['json_extract', [str('{"b":1,"a":[1e2,-0]}'), str('$')], 'json', '{"b":1,"a":[100.0,0]}'],
    ['json_extract', [str('{"a":{"0":"zero"}}'), str('$.a[0]')], 'json', '"zero"'],
    ['json_extract', [str('[10,20]'), str('$[1]')], 'json', '20'],
    ['json_extract', [str('{"a":1,"a":2}'), str('$.a')], 'json', '1'],
    ['json_extract', [str('{"a" 1}'), str('$.a')], 'json', 'NULL'],
    ['json_extract', [str('{"k.x":1}'), str('$["k.x"]')], 'json', '1'],
    ['json_extract', [str('{"q\\"":1}'), str('$["q\\""]')], 'json', '1'],
    ['json_extract_scalar', [str('{"a": {"b": 12}}'), str('$.a.b')], 'varchar(16)', '12'],
    ['json_extract_scalar', [str(STORE), str('$.store.book[0].price')], 'varchar(98)', '8.95'],
    ['json_extract_scalar', [str(STORE), str('$.store.book[0]')], 'varchar(98)', 'NULL'],
    ['json_extract_scalar', [json('{"a":"x\\ny"}'), str('$.a')], 'varchar', 'x\ny'],
    ['json_extract_scalar', [json('{"a":null}'), str('$.a')], 'varchar', 'NULL'],
    ['json_extract_scalar', [json('{"a":false}'), str('$.a')], 'varchar', 'false'],
    ['json_format', [json('[1,2,3]')], 'varchar', '[1,2,3]'],
    ['json_format', [json('"a"')], 'varchar', '"a"'],
    ['json_parse', [str('[1, 2, 3]')], 'json', '[1,2,3]'],
    ['json_parse', [str('"abc"')], 'json', '"abc"'],
    ['json_parse', [str('{"b": 1.50, "a": [true, null]}')], 'json', '{"a":[true,null],"b":1.5}'],
    ['json_size', [str('{"x": {"a": 1, "b": 2}}'), str('$.x')], 'bigint', '2'],
    ['json_size', [str('{"x": [1, 2, 3]}'), str('$.x')], 'bigint', '3'],
    ['json_size', [str('{"x": {"a": 1, "b": 2}}'), str('$.x.a')], 'bigint', '0'],
    ['json_size', [str('{"x": 1}'), str('$.y')], 'bigint', 'NULL'],
    ['json_size', [json('[1,[2,3]]'), str('$[1]')], 'bigint', '2'],
    ['json_parse', [NULL], 'json', 'NULL'],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('JSON path tokens (Trino JsonPathTokenizer)', () => {
    expect(compileJsonPath('$')).toEqual([]);
    expect(compileJsonPath('$.a.b_c[0]["x y"]')).toEqual(['a', 'b_c', '0', 'x y']);
    expect(compileJsonPath('$.ns:key')).toEqual(['ns:key']);
    expect(compileJsonPath('$.ключ')).toEqual(['ключ']);
  });

  test.each<[string, Arg[], string, string]>([
    ['json_parse', [str('{"a":')], 'INVALID_FUNCTION_ARGUMENT', `Cannot convert value to JSON: '{"a":'`],
    ['json_parse', [str('[1] x')], 'INVALID_FUNCTION_ARGUMENT', "Cannot convert value to JSON: '[1] x'"],
    ['is_json_scalar', [str('{"a":')], 'INVALID_FUNCTION_ARGUMENT', 'Invalid JSON value: {"a":'],
    ['json_extract', [str('{}'), str('a')], 'INVALID_FUNCTION_ARGUMENT', "Invalid JSON path: 'a'"],
    ['json_extract', [str('{}'), str('$.')], 'INVALID_FUNCTION_ARGUMENT', "Invalid JSON path: '$.'"],
    ['json_extract', [str('{}'), str('$[*]')], 'INVALID_FUNCTION_ARGUMENT', "Invalid JSON path: '$[*]'"],
    ['json_extract', [str('{}'), str('$["a]')], 'INVALID_FUNCTION_ARGUMENT', `Invalid JSON path: '$["a]'`],
    [
      'json_extract_scalar',
      [str('{}'), str('$..a')],
      'INVALID_FUNCTION_ARGUMENT',
      "Invalid JSON path: '$..a'",
    ],
    ['json_size', [str('{}'), str('')], 'INVALID_FUNCTION_ARGUMENT', "Invalid JSON path: ''"],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });
});
