// Expected values: trino.io/docs functions/array.html, functions/lambda.html and Trino's
// TestArrayFunctions / TestArrayOperators / TestLambdaExpression.
import { elementAt, resolveScalarFunction, subscript } from '../../src/functions';
import { parseType } from '../../src/types';
import {
  big,
  evaluate,
  expectError,
  int,
  lambda,
  NULL,
  str,
  t,
  typeOf,
  v,
  type Arg,
  type LambdaArg,
} from './helpers';

type Case = [string, (Arg | LambdaArg)[], string, string];

const ints = (...xs: (number | null)[]) => v('array(integer)', xs);
const strs = (...xs: (string | null)[]) => v('array(varchar)', xs);

describe('array functions', () => {
  test.each<Case>([
    ['cardinality', [ints(1, 2, 3)], 'bigint', '3'],
    ['cardinality', [ints()], 'bigint', '0'],
    ['contains', [ints(1, 2, 3), int(2)], 'boolean', 'true'],
    ['contains', [ints(1, 2, null), int(3)], 'boolean', 'NULL'],
    ['contains', [ints(1, 2, null), int(2)], 'boolean', 'true'],
    ['contains', [ints(1, 2), NULL], 'boolean', 'NULL'],
    ['contains', [v('array(double)', [NaN]), v('double', NaN)], 'boolean', 'false'],
    ['contains', [ints(1, 2), big(2)], 'boolean', 'true'],
    ['contains', [v('array(array(integer))', [[1, null]]), ints(1, null)], 'boolean', 'NULL'],
    ['contains', [v('array(array(integer))', [[1, null]]), ints(2, null)], 'boolean', 'false'],
    ['contains_sequence', [ints(1, 2, 3, 4), ints(2, 3)], 'boolean', 'true'],
    ['contains_sequence', [ints(1, 2, 3, 4), ints(3, 2)], 'boolean', 'false'],
    ['element_at', [ints(1, 2, 3), big(-1)], 'integer', '3'],
    ['element_at', [ints(1, 2), big(5)], 'integer', 'NULL'],
    ['element_at', [ints(1, 2), big(-5)], 'integer', 'NULL'],
    ['array_position', [ints(10, 20, 30), int(20)], 'bigint', '2'],
    ['array_position', [ints(10, 20, 30), int(40)], 'bigint', '0'],
    ['array_position', [ints(10, 20, 10), int(10), big(2)], 'bigint', '3'],
    ['array_position', [ints(10, 20, 10), int(10), big(-1)], 'bigint', '3'],
    ['array_position', [v('array(double)', [1, NaN]), v('double', NaN)], 'bigint', '2'],
    ['array_distinct', [ints(1, 2, 2, 3, null, null)], 'array(integer)', '[1, 2, 3, NULL]'],
    ['array_distinct', [v('array(double)', [0, -0, NaN, NaN])], 'array(double)', '[0.0, NaN]'],
    [
      'array_distinct',
      [
        v('array(array(integer))', [
          [1, null],
          [1, null],
        ]),
      ],
      'array(array(integer))',
      '[[1, NULL]]',
    ],
    ['array_max', [ints(1, 3, 2)], 'integer', '3'],
    ['array_max', [ints(-1, null)], 'integer', 'NULL'],
    ['array_max', [ints()], 'integer', 'NULL'],
    ['array_min', [strs('b', 'a', 'c')], 'varchar', 'a'],
    ['array_max', [v('array(double)', [1, NaN, 2])], 'double', '2.0'],
    ['array_min', [v('array(double)', [1, NaN, 2])], 'double', '1.0'],
    ['array_sort', [ints(3, 2, 5, 1, 2)], 'array(integer)', '[1, 2, 2, 3, 5]'],
    ['array_sort', [strs('red', 'green', null, 'blue')], 'array(varchar)', '[blue, green, red, NULL]'],
    [
      'array_sort',
      [v('array(double)', [NaN, 1, -Infinity, -0, 0])],
      'array(double)',
      '[-Infinity, -0.0, 0.0, 1.0, NaN]',
    ],
    ['array_sort', [strs('\u{1F600}', '\uFFFD', 'a')], 'array(varchar)', '[a, \uFFFD, \u{1F600}]'],
    ['array_sort_desc', [ints(3, null, 5)], 'array(integer)', '[5, 3, NULL]'],
    [
      'array_sort',
      [ints(3, 2, 5, 1, 2), lambda((x: number, y: number) => (x < y ? 1 : x === y ? 0 : -1), 'integer')],
      'array(integer)',
      '[5, 3, 2, 2, 1]',
    ],
    ['array_join', [ints(1, null, 2), str(',')], 'varchar', '1,2'],
    ['array_join', [ints(1, null, 2), str(','), str('x')], 'varchar', '1,x,2'],
    ['array_join', [v('array(double)', [1.5]), str(',')], 'varchar', '1.5E0'],
    ['array_join', [v('array(decimal(3,2))', [150]), str(',')], 'varchar', '1.50'],
    ['array_remove', [ints(1, 2, 3, 2), int(2)], 'array(integer)', '[1, 3]'],
    ['array_remove', [ints(1, null, 2), int(2)], 'array(integer)', '[1, NULL]'],
    ['array_union', [ints(1, 2, 2), ints(2, 3, null)], 'array(integer)', '[1, 2, 3, NULL]'],
    ['array_intersect', [ints(1, 2, 2, null), ints(2, null, 3)], 'array(integer)', '[2, NULL]'],
    ['array_except', [ints(1, 2, 2, 3, null), ints(2)], 'array(integer)', '[1, 3, NULL]'],
    [
      'array_union',
      [ints(1), v('array(bigint)', [9007199254740993n])],
      'array(bigint)',
      '[1, 9007199254740993]',
    ],
    ['arrays_overlap', [ints(1, 2), ints(2, 3)], 'boolean', 'true'],
    ['arrays_overlap', [ints(1, 2), ints(3, 4)], 'boolean', 'false'],
    ['arrays_overlap', [ints(1, null), ints(2)], 'boolean', 'NULL'],
    ['concat', [ints(1), ints(2, 3), ints()], 'array(integer)', '[1, 2, 3]'],
    ['concat', [ints(1), int(2)], 'array(integer)', '[1, 2]'],
    ['concat', [int(0), ints(1)], 'array(integer)', '[0, 1]'],
    ['concat', [ints(1), v('array(bigint)', [2])], 'array(bigint)', '[1, 2]'],
    ['flatten', [v('array(array(integer))', [[1, 2], null, [3]])], 'array(integer)', '[1, 2, 3]'],
    ['reverse', [ints(1, 2, 3)], 'array(integer)', '[3, 2, 1]'],
    ['slice', [ints(1, 2, 3, 4), big(2), big(2)], 'array(integer)', '[2, 3]'],
    ['slice', [ints(1, 2, 3, 4), big(-2), big(2)], 'array(integer)', '[3, 4]'],
    ['slice', [ints(1, 2, 3, 4), big(3), big(10)], 'array(integer)', '[3, 4]'],
    ['slice', [ints(1, 2, 3, 4), big(5), big(1)], 'array(integer)', '[]'],
    ['slice', [ints(1, 2, 3, 4), big(-5), big(1)], 'array(integer)', '[]'],
    ['trim_array', [ints(1, 2, 3, 4), big(1)], 'array(integer)', '[1, 2, 3]'],
    [
      'ngrams',
      [strs('foo', 'bar', 'baz', 'foo'), int(2)],
      'array(array(varchar))',
      '[[foo, bar], [bar, baz], [baz, foo]]',
    ],
    ['ngrams', [strs('foo', 'bar', 'baz', 'foo'), int(5)], 'array(array(varchar))', '[[foo, bar, baz, foo]]'],
    [
      'combinations',
      [strs('foo', 'bar', 'baz'), int(2)],
      'array(array(varchar))',
      '[[foo, bar], [foo, baz], [bar, baz]]',
    ],
    ['sequence', [int(1), int(5)], 'array(bigint)', '[1, 2, 3, 4, 5]'],
    ['sequence', [int(5), int(1)], 'array(bigint)', '[5, 4, 3, 2, 1]'],
    ['sequence', [int(1), int(5), int(2)], 'array(bigint)', '[1, 3, 5]'],
    ['sequence', [big(-2), big(9), big(4)], 'array(bigint)', '[-2, 2, 6]'],
    [
      'sequence',
      [t('date', '2020-01-01'), t('date', '2020-01-03')],
      'array(date)',
      '[2020-01-01, 2020-01-02, 2020-01-03]',
    ],
    [
      'sequence',
      [t('date', '2020-01-31'), t('date', '2020-04-30'), v('interval year to month', 1)],
      'array(date)',
      '[2020-01-31, 2020-02-29, 2020-03-31, 2020-04-30]',
    ],
    [
      'sequence',
      [t('date', '2020-01-01'), t('date', '2020-01-05'), v('interval day to second', 2 * 86400000)],
      'array(date)',
      '[2020-01-01, 2020-01-03, 2020-01-05]',
    ],
    [
      'sequence',
      [
        t('timestamp(3)', '2020-01-01 00:00:00'),
        t('timestamp(3)', '2020-01-01 01:00:00'),
        v('interval day to second', 1800000),
      ],
      'array(timestamp(3))',
      '[2020-01-01 00:00:00.000, 2020-01-01 00:30:00.000, 2020-01-01 01:00:00.000]',
    ],
    [
      'sequence',
      [
        t('timestamp(6)', '2020-01-31 10:00:00.000001'),
        t('timestamp(6)', '2020-03-31 10:00:00.000001'),
        v('interval year to month', 1),
      ],
      'array(timestamp(6))',
      '[2020-01-31 10:00:00.000001, 2020-02-29 10:00:00.000001, 2020-03-31 10:00:00.000001]',
    ],
    ['repeat', [str('a'), int(3)], 'array(varchar(1))', '[a, a, a]'],
    ['repeat', [v('integer', null), int(2)], 'array(integer)', '[NULL, NULL]'],
    ['repeat', [int(1), int(0)], 'array(integer)', '[]'],
    ['transform', [ints(5, 6), lambda((x: number) => x + 1, 'integer')], 'array(integer)', '[6, 7]'],
    [
      'transform',
      [ints(5, null), lambda((x: number | null) => (x === null ? 0 : String(x)), 'varchar')],
      'array(varchar)',
      '[5, 0]',
    ],
    [
      'filter',
      [ints(5, -6, null, 7), lambda((x: number | null) => (x === null ? null : x > 0), 'boolean')],
      'array(integer)',
      '[5, 7]',
    ],
    [
      'reduce',
      [
        ints(5, 20, 50),
        int(0),
        lambda((s: number, x: number) => s + x, 'integer'),
        lambda((s: number) => s, 'integer'),
      ],
      'integer',
      '75',
    ],
    [
      'reduce',
      [
        ints(5, 20, null, 50),
        int(0),
        lambda((s: number | null, x: number | null) => (s === null || x === null ? null : s + x), 'integer'),
        lambda((s: number | null) => s, 'integer'),
      ],
      'integer',
      'NULL',
    ],
    ['any_match', [ints(-1, 0, 1), lambda((x: number) => x > 0, 'boolean')], 'boolean', 'true'],
    [
      'any_match',
      [ints(-1, null), lambda((x: number | null) => (x === null ? null : x > 0), 'boolean')],
      'boolean',
      'NULL',
    ],
    ['all_match', [ints(1, 2, 3), lambda((x: number) => x > 0, 'boolean')], 'boolean', 'true'],
    [
      'all_match',
      [ints(1, null, -1), lambda((x: number | null) => (x === null ? null : x > 0), 'boolean')],
      'boolean',
      'false',
    ],
    ['none_match', [ints(1, 2), lambda((x: number) => x > 5, 'boolean')], 'boolean', 'true'],
    ['none_match', [ints(), lambda((_x: number) => true, 'boolean')], 'boolean', 'true'],
    [
      'zip',
      [ints(1, 2), strs('1b', null, '3b')],
      'array(row(integer, varchar))',
      '[{1, 1b}, {2, NULL}, {NULL, 3b}]',
    ],
    ['zip', [ints(1), ints(2), ints(3)], 'array(row(integer, integer, integer))', '[{1, 2, 3}]'],
    [
      'zip_with',
      [
        ints(1, 3, 5),
        strs('a', 'b', 'c'),
        lambda((x: number, y: string) => [y, 2 * x], 'row(varchar, integer)'),
      ],
      'array(row(varchar, integer))',
      '[{a, 2}, {b, 6}, {c, 10}]',
    ],
    [
      'zip_with',
      [ints(1, 2), ints(3), lambda((x: number | null, y: number | null) => (x ?? 0) + (y ?? 0), 'integer')],
      'array(integer)',
      '[4, 2]',
    ],
  ])('%s(%j) → %s %s', (name, args, type, expected) => {
    expect(typeOf(name, ...args)).toBe(type);
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('shuffle permutes', () => {
    const r = evaluate('shuffle', ints(1, 2, 3, 4, 5));
    expect(r.slice(1, -1).split(', ').sort().join(',')).toBe('1,2,3,4,5');
  });

  test('lambda types are reported to the planner', () => {
    const f = resolveScalarFunction('transform', [
      { kind: 'value', type: parseType('array(bigint)') },
      {
        kind: 'lambda',
        arity: 1,
        bodyType: (p) => (p[0].kind === 'bigint' ? parseType('varchar(3)') : parseType('boolean')),
      },
    ]);
    expect(f.returnType).toEqual(parseType('array(varchar(3))'));
    expect(f.lambdas[1]).toEqual({
      parameterTypes: [parseType('bigint')],
      returnType: parseType('varchar(3)'),
    });
    expect(f.argumentTypes[1]).toEqual(parseType('varchar(3)'));
    expect(f.lambdas[0]).toBeUndefined();
  });

  test('subscript and element_at helpers', () => {
    expect(subscript([1, 2, 3], 2)).toBe(2);
    expect(elementAt([1, 2, 3], -3)).toBe(1);
    expectError(
      () => subscript([1, 2, 3], 4),
      'INVALID_FUNCTION_ARGUMENT',
      'Array subscript must be less than or equal to array length: 4 > 3',
    );
    expectError(() => subscript([1, 2, 3], 0), 'INVALID_FUNCTION_ARGUMENT', 'SQL array indices start at 1');
    expectError(
      () => subscript([1, 2, 3], -1),
      'INVALID_FUNCTION_ARGUMENT',
      'Array subscript is negative: -1',
    );
  });

  test.each<[string, (Arg | LambdaArg)[], string, string | RegExp]>([
    ['element_at', [ints(1, 2), big(0)], 'INVALID_FUNCTION_ARGUMENT', 'SQL array indices start at 1'],
    ['slice', [ints(1, 2), big(0), big(1)], 'INVALID_FUNCTION_ARGUMENT', 'SQL array indices start at 1'],
    [
      'slice',
      [ints(1, 2), big(1), big(-1)],
      'INVALID_FUNCTION_ARGUMENT',
      'length must be greater than or equal to 0',
    ],
    [
      'array_position',
      [ints(1), int(1), big(0)],
      'INVALID_FUNCTION_ARGUMENT',
      '0 is an invalid instance position for array_position.',
    ],
    ['sequence', [int(1), int(5), int(0)], 'INVALID_FUNCTION_ARGUMENT', 'step must not be zero'],
    [
      'sequence',
      [int(5), int(1), int(1)],
      'INVALID_FUNCTION_ARGUMENT',
      'sequence stop value should be greater than or equal to start value if step is greater than zero otherwise stop should be less than or equal to start',
    ],
    [
      'sequence',
      [int(1), int(10001)],
      'INVALID_FUNCTION_ARGUMENT',
      'result of sequence function must not have more than 10000 entries',
    ],
    [
      'sequence',
      [t('date', '2020-01-01'), t('date', '2020-01-05'), v('interval day to second', 3600000)],
      'INVALID_FUNCTION_ARGUMENT',
      'sequence step must be a day interval if start and end values are dates',
    ],
    [
      'repeat',
      [int(1), int(-1)],
      'INVALID_FUNCTION_ARGUMENT',
      'count argument of repeat function must be greater than or equal to 0',
    ],
    [
      'repeat',
      [int(1), int(10001)],
      'INVALID_FUNCTION_ARGUMENT',
      'count argument of repeat function must be less than or equal to 10000',
    ],
    [
      'array_sort',
      [ints(2, 1), lambda((_x: number, _y: number) => 2, 'integer')],
      'INVALID_FUNCTION_ARGUMENT',
      'Lambda comparator must return either -1, 0, or 1',
    ],
    [
      'array_sort',
      [
        v('array(array(varchar))', [
          ['a', 'b'],
          ['a', null],
        ]),
      ],
      'NOT_SUPPORTED',
      'ARRAY comparison not supported for arrays with null elements',
    ],
    [
      'array_max',
      [
        v('array(row(integer, integer))', [
          [1, null],
          [1, 2],
        ]),
      ],
      'NOT_SUPPORTED',
      'ROW comparison not supported for fields with null elements',
    ],
    [
      'trim_array',
      [ints(1), big(2)],
      'INVALID_FUNCTION_ARGUMENT',
      'size must not exceed array cardinality 1: 2',
    ],
    ['concat', [ints(1)], 'INVALID_FUNCTION_ARGUMENT', 'There must be two or more arguments to concat'],
    [
      'array_sort',
      [v('array(map(integer,integer))', [])],
      'FUNCTION_NOT_FOUND',
      /^Unexpected parameters \(array\(map\(integer,integer\)\)\) for function array_sort\. Expected: array_sort\(array\(E\)\) E:orderable, array_sort\(array\(T\), function\(T,T,integer\)\) T$/,
    ],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });
});
