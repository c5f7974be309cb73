// Expected values: trino.io/docs functions/map.html and Trino's TestMapOperators.
import { mapSubscript } from '../../src/functions';
import { parseType } from '../../src/types';
import {
  big,
  evaluate,
  expectError,
  int,
  lambda,
  NULL,
  str,
  typeOf,
  v,
  type Arg,
  type LambdaArg,
} from './helpers';

type Case = [string, (Arg | LambdaArg)[], string, string];

const m = (type: string, ...entries: [unknown, unknown][]) => v(type, entries);

describe('map functions', () => {
  test.each<Case>([
    ['map', [], 'map(unknown, unknown)', '{}'],
    [
      'map',
      [v('array(integer)', [1, 3]), v('array(integer)', [2, 4])],
      'map(integer, integer)',
      '{1=2, 3=4}',
    ],
    ['map', [v('array(varchar)', ['a']), v('array(integer)', [null])], 'map(varchar, integer)', '{a=NULL}'],
    [
      'map_from_entries',
      [
        v('array(row(integer, varchar))', [
          [1, 'x'],
          [2, 'y'],
        ]),
      ],
      'map(integer, varchar)',
      '{1=x, 2=y}',
    ],
    [
      'multimap_from_entries',
      [
        v('array(row(integer, varchar))', [
          [1, 'x'],
          [2, 'y'],
          [1, 'z'],
        ]),
      ],
      'map(integer, array(varchar))',
      '{1=[x, z], 2=[y]}',
    ],
    [
      'map_entries',
      [m('map(integer,varchar)', [1, 'x'], [2, 'y'])],
      'array(row(integer, varchar))',
      '[{1, x}, {2, y}]',
    ],
    ['map_keys', [m('map(integer,varchar)', [1, 'x'], [2, 'y'])], 'array(integer)', '[1, 2]'],
    ['map_values', [m('map(integer,varchar)', [1, 'x'], [2, 'y'])], 'array(varchar)', '[x, y]'],
    [
      'map_concat',
      [m('map(varchar,integer)', ['a', 1], ['b', 2]), m('map(varchar,integer)', ['b', 3], ['c', 4])],
      'map(varchar, integer)',
      '{b=3, c=4, a=1}',
    ],
    ['map_concat', [m('map(varchar,integer)', ['a', 1]), NULL], 'map(varchar, integer)', 'NULL'],
    ['element_at', [m('map(varchar,integer)', ['a', 1]), str('a')], 'integer', '1'],
    ['element_at', [m('map(varchar,integer)', ['a', 1]), str('b')], 'integer', 'NULL'],
    [
      'element_at',
      [m('map(bigint,integer)', [9007199254740993n, 1]), big(9007199254740993n)],
      'integer',
      '1',
    ],
    ['element_at', [m('map(double,integer)', [NaN, 1]), v('double', NaN)], 'integer', '1'],
    ['cardinality', [m('map(varchar,integer)', ['a', 1], ['b', 2])], 'bigint', '2'],
    [
      'map_filter',
      [
        m('map(integer,varchar)', [10, 'a'], [20, null], [30, 'c']),
        lambda((_k: number, x: string | null) => x !== null, 'boolean'),
      ],
      'map(integer, varchar)',
      '{10=a, 30=c}',
    ],
    [
      'map_zip_with',
      [
        m('map(integer,varchar)', [1, 'a'], [2, 'b'], [3, 'c']),
        m('map(integer,varchar)', [1, 'd'], [2, 'e'], [3, 'f']),
        lambda((_k: number, x: string, y: string) => x + y, 'varchar'),
      ],
      'map(integer, varchar)',
      '{1=ad, 2=be, 3=cf}',
    ],
    [
      'map_zip_with',
      [
        m('map(integer,varchar)', [1, 'a']),
        m('map(integer,varchar)', [2, 'b']),
        lambda((_k: number, x: string | null, y: string | null) => `${x}|${y}`, 'varchar'),
      ],
      'map(integer, varchar)',
      '{1=a|null, 2=null|b}',
    ],
    [
      'transform_keys',
      [m('map(integer,varchar)', [1, 'a'], [2, 'b']), lambda((k: number, _x: string) => k + 1, 'integer')],
      'map(integer, varchar)',
      '{2=a, 3=b}',
    ],
    [
      'transform_values',
      [m('map(integer,integer)', [1, 10], [2, 20]), lambda((k: number, x: number) => k + x, 'bigint')],
      'map(integer, bigint)',
      '{1=11, 2=22}',
    ],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('map subscript helper', () => {
    expect(mapSubscript([['a', 1]], 'a', parseType('varchar'))).toBe(1);
    expectError(
      () => mapSubscript([['a', 1]], 'b', parseType('varchar')),
      'INVALID_FUNCTION_ARGUMENT',
      'Key not present in map: b',
    );
  });

  test.each<[string, (Arg | LambdaArg)[], string, string | RegExp]>([
    [
      'map',
      [v('array(integer)', [1]), v('array(integer)', [1, 2])],
      'INVALID_FUNCTION_ARGUMENT',
      'Key and value arrays must be the same length',
    ],
    [
      'map',
      [v('array(integer)', [null]), v('array(integer)', [1])],
      'INVALID_FUNCTION_ARGUMENT',
      'map key cannot be null',
    ],
    [
      'map',
      [v('array(integer)', [1, 1]), v('array(integer)', [1, 2])],
      'INVALID_FUNCTION_ARGUMENT',
      'Duplicate map keys (1) are not allowed',
    ],
    [
      'map',
      [v('array(double)', [1, 1]), v('array(integer)', [1, 2])],
      'INVALID_FUNCTION_ARGUMENT',
      'Duplicate map keys (1.0) are not allowed',
    ],
    [
      'map',
      [
        v('array(array(integer))', [
          [1, 2],
          [1, 2],
        ]),
        v('array(integer)', [1, 2]),
      ],
      'INVALID_FUNCTION_ARGUMENT',
      'Duplicate map keys ([1, 2]) are not allowed',
    ],
    [
      'map_from_entries',
      [v('array(row(integer, integer))', [null])],
      'INVALID_FUNCTION_ARGUMENT',
      'map entry cannot be null',
    ],
    [
      'map_from_entries',
      [v('array(row(integer, integer))', [[null, 1]])],
      'INVALID_FUNCTION_ARGUMENT',
      'map key cannot be null',
    ],
    [
      'transform_keys',
      [m('map(integer,integer)', [1, 1], [2, 2]), lambda((_k: number, _x: number) => 7, 'integer')],
      'INVALID_FUNCTION_ARGUMENT',
      'Duplicate keys (7) are not allowed',
    ],
    [
      'transform_keys',
      [m('map(integer,integer)', [1, 1]), lambda((_k: number, _x: number) => null, 'integer')],
      'INVALID_FUNCTION_ARGUMENT',
      'map key cannot be null',
    ],
    [
      'element_at',
      [m('map(varchar,integer)', ['a', 1]), int(1)],
      'FUNCTION_NOT_FOUND',
      /^Unexpected parameters/,
    ],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });
});
