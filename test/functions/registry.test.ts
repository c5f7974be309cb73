// Resolution rules follow Trino's FunctionResolver / FunctionBinder / SignatureBinder; messages are
// Trino's (FunctionBinder.functionNotFound, AMBIGUOUS_FUNCTION_CALL).
import {
  declaredSignatures,
  isScalarFunction,
  listScalarFunctions,
  registerScalarFunctions,
  resolveScalarFunction,
  scalarFunctionNames,
  type ArgumentShape,
} from '../../src/functions';
import { parseTypeSig, type TypeSig } from '../../src/functions/signature';
import { formatType, parseType, type SqlType } from '../../src/types';
import { expectError } from './helpers';

const val = (type: string): ArgumentShape => ({ kind: 'value', type: parseType(type) });
const fn = (arity: number, body: string | ((p: SqlType[]) => SqlType)): ArgumentShape => ({
  kind: 'lambda',
  arity,
  bodyType: typeof body === 'string' ? () => parseType(body) : body,
});

function resolved(name: string, ...args: ArgumentShape[]) {
  const f = resolveScalarFunction(name, args);
  return {
    name: f.name,
    args: f.argumentTypes.map(formatType),
    returns: formatType(f.returnType),
  };
}

describe('function resolution', () => {
  test.each<[string, ArgumentShape[], string[], string]>([
    // exact matches
    ['abs', [val('smallint')], ['smallint'], 'smallint'],
    ['abs', [val('decimal(7,3)')], ['decimal(7,3)'], 'decimal(7,3)'],
    ['substr', [val('varchar(5)'), val('bigint')], ['varchar(5)', 'bigint'], 'varchar(5)'],
    ['SUBSTR', [val('varchar'), val('bigint')], ['varchar', 'bigint'], 'varchar'],
    // coercion to the most specific candidate
    ['substr', [val('varchar(5)'), val('integer')], ['varchar(5)', 'bigint'], 'varchar(5)'],
    ['substr', [val('char(4)'), val('tinyint')], ['char(4)', 'bigint'], 'varchar(4)'],
    ['abs', [val('unknown')], ['tinyint'], 'tinyint'],
    ['sqrt', [val('integer')], ['double'], 'double'],
    ['round', [val('decimal(5,2)'), val('integer')], ['decimal(5,2)', 'integer'], 'decimal(6,2)'],
    ['round', [val('real'), val('tinyint')], ['real', 'integer'], 'real'],
    ['mod', [val('tinyint'), val('integer')], ['integer', 'integer'], 'integer'],
    ['mod', [val('integer'), val('decimal(3,1)')], ['decimal(10,0)', 'decimal(3,1)'], 'decimal(3,1)'],
    ['power', [val('bigint'), val('decimal(3,1)')], ['double', 'double'], 'double'],
    ['length', [val('char(3)')], ['char(3)'], 'bigint'],
    ['upper', [val('varchar(3)')], ['varchar(3)'], 'varchar(3)'],
    ['lower', [val('char(2)')], ['char(2)'], 'char(2)'],
    ['trim', [val('varchar(8)'), val('varchar(2)')], ['varchar(8)', 'varchar'], 'varchar(8)'],
    [
      'concat',
      [val('varchar(2)'), val('char(3)'), val('varchar')],
      ['varchar', 'varchar', 'varchar'],
      'varchar',
    ],
    [
      'concat',
      [val('array(integer)'), val('array(bigint)')],
      ['array(bigint)', 'array(bigint)'],
      'array(bigint)',
    ],
    ['concat', [val('array(integer)'), val('integer')], ['array(integer)', 'integer'], 'array(integer)'],
    // type variables bind to the common super type
    ['contains', [val('array(integer)'), val('bigint')], ['array(bigint)', 'bigint'], 'boolean'],
    [
      'contains',
      [val('array(varchar(3))'), val('varchar(5)')],
      ['array(varchar(5))', 'varchar(5)'],
      'boolean',
    ],
    ['contains', [val('array(integer)'), val('unknown')], ['array(integer)', 'integer'], 'boolean'],
    ['greatest', [val('tinyint'), val('bigint'), val('integer')], ['bigint', 'bigint', 'bigint'], 'bigint'],
    ['greatest', [val('integer'), val('double')], ['double', 'double'], 'double'],
    [
      'coalesce',
      [val('unknown'), val('varchar(2)'), val('varchar(5)')],
      ['varchar(5)', 'varchar(5)', 'varchar(5)'],
      'varchar(5)',
    ],
    [
      'element_at',
      [val('map(varchar,bigint)'), val('varchar(3)')],
      ['map(varchar, bigint)', 'varchar'],
      'bigint',
    ],
    ['element_at', [val('array(date)'), val('integer')], ['array(date)', 'bigint'], 'date'],
    ['cardinality', [val('map(varchar,bigint)')], ['map(varchar, bigint)'], 'bigint'],
    [
      'map',
      [val('array(varchar(1))'), val('array(integer)')],
      ['array(varchar(1))', 'array(integer)'],
      'map(varchar(1), integer)',
    ],
    // date/time precision variables
    ['date_trunc', [val('varchar(4)'), val('timestamp(6)')], ['varchar(4)', 'timestamp(6)'], 'timestamp(6)'],
    [
      'date_add',
      [val('varchar(4)'), val('integer'), val('timestamp(9) with time zone')],
      ['varchar(4)', 'bigint', 'timestamp(9) with time zone'],
      'timestamp(9) with time zone',
    ],
    [
      'date_diff',
      [val('varchar(4)'), val('timestamp(3)'), val('timestamp(6)')],
      ['varchar(4)', 'timestamp(6)', 'timestamp(6)'],
      'bigint',
    ],
    ['year', [val('date')], ['date'], 'bigint'],
    ['to_unixtime', [val('timestamp(6)')], ['timestamp(6) with time zone'], 'double'],
  ])('%s(%j)', (name, args, expectedArgs, expectedReturn) => {
    const r = resolved(name, ...args);
    expect(r.args).toEqual(expectedArgs);
    expect(r.returns).toBe(expectedReturn);
  });

  test('aliases resolve to the canonical function', () => {
    expect(resolveScalarFunction('substr', [val('varchar'), val('bigint')]).name).toBe('substring');
    expect(resolveScalarFunction('ceil', [val('double')]).name).toBe('ceiling');
    expect(resolveScalarFunction('rand', []).name).toBe('random');
    expect(resolveScalarFunction('dow', [val('date')]).name).toBe('day_of_week');
  });

  test('function properties', () => {
    expect(resolveScalarFunction('random', []).deterministic).toBe(false);
    expect(resolveScalarFunction('uuid', []).deterministic).toBe(false);
    expect(resolveScalarFunction('shuffle', [val('array(bigint)')]).deterministic).toBe(false);
    expect(resolveScalarFunction('abs', [val('bigint')]).deterministic).toBe(true);
    expect(resolveScalarFunction('abs', [val('bigint')]).nullOnNull).toBe(true);
    expect(resolveScalarFunction('coalesce', [val('bigint'), val('bigint')]).nullOnNull).toBe(false);
    expect(resolveScalarFunction('concat_ws', [val('varchar'), val('varchar')]).nullOnNull).toBe(false);
    expect(resolveScalarFunction('abs', [val('bigint')]).signature).toBe('abs(bigint):bigint');
  });

  test('lambda argument types flow from earlier arguments', () => {
    let seen: string[] = [];
    const f = resolveScalarFunction('reduce', [
      val('array(integer)'),
      val('bigint'),
      fn(2, (p) => {
        seen = p.map(formatType);
        return parseType('bigint');
      }),
      fn(1, (p) => (p[0].kind === 'bigint' ? parseType('double') : parseType('boolean'))),
    ]);
    expect(seen).toEqual(['bigint', 'integer']);
    expect(formatType(f.returnType)).toBe('double');
    expect(f.lambdas[2]?.parameterTypes.map(formatType)).toEqual(['bigint', 'integer']);
    expect(f.lambdas[3]?.returnType).toEqual(parseType('double'));
  });

  test('a lambda whose body type does not fit is not applicable', () => {
    expectError(
      () => resolveScalarFunction('filter', [val('array(integer)'), fn(1, 'integer')]),
      'FUNCTION_NOT_FOUND',
      'Unexpected parameters (array(integer), function) for function filter. Expected: filter(array(T), function(T,boolean)) T',
    );
    // a NULL body is coerced to the expected type
    expect(resolved('filter', val('array(integer)'), fn(1, 'unknown')).returns).toBe('array(integer)');
  });

  test('unknown functions and wrong arguments raise Trino errors', () => {
    expectError(
      () => resolveScalarFunction('no_such_function', []),
      'FUNCTION_NOT_FOUND',
      "Function 'no_such_function' not registered",
    );
    expectError(
      () => resolveScalarFunction('No_Such', []),
      'FUNCTION_NOT_FOUND',
      "Function 'no_such' not registered",
    );
    expectError(
      () => resolveScalarFunction('substr', [val('integer'), val('bigint')]),
      'FUNCTION_NOT_FOUND',
      'Unexpected parameters (integer, bigint) for function substr. Expected: substr(char(x), bigint), substr(char(x), bigint, bigint), ' +
        'substr(varbinary, bigint), substr(varbinary, bigint, bigint), substr(varchar(x), bigint), substr(varchar(x), bigint, bigint)',
    );
    expectError(
      () => resolveScalarFunction('contains', [val('array(integer)'), val('varchar')]),
      'FUNCTION_NOT_FOUND',
      'Unexpected parameters (array(integer), varchar) for function contains. Expected: contains(array(T), T) T:comparable, contains(varchar, ipaddress)',
    );
    expectError(
      () => resolveScalarFunction('regexp_like', [val('varchar'), val('bigint')]),
      'FUNCTION_NOT_FOUND',
      'Unexpected parameters (varchar, bigint) for function regexp_like. Expected: regexp_like(varchar(x), JoniRegExp)',
    );
    expectError(
      () => resolveScalarFunction('date_add', [val('varchar'), val('bigint'), val('decimal(3,1)')]),
      'FUNCTION_NOT_FOUND',
      /Expected: date_add\(varchar\(x\), bigint, date\), date_add\(varchar\(x\), bigint, time\(p\) with time zone\), date_add\(varchar\(x\), bigint, time\(p\)\), /,
    );
    expectError(
      () => resolveScalarFunction('greatest', []),
      'FUNCTION_NOT_FOUND',
      /^Unexpected parameters \(\) for function greatest/,
    );
  });

  test('ambiguous calls raise AMBIGUOUS_FUNCTION_CALL', () => {
    registerScalarFunctions([
      {
        name: 'test_ambiguous',
        arguments: ['bigint', 'double'],
        returns: 'bigint',
        description: 'test',
        invoke: () => 1,
      },
      {
        name: 'test_ambiguous',
        arguments: ['double', 'bigint'],
        returns: 'bigint',
        description: 'test',
        invoke: () => 2,
      },
    ]);
    expectError(
      () => resolveScalarFunction('test_ambiguous', [val('integer'), val('integer')]),
      'AMBIGUOUS_FUNCTION_CALL',
      /^Could not choose a best candidate operator\. Explicit type casts must be added\.\nCandidates are:\n\t \* test_ambiguous\(/,
    );
    expect(
      resolveScalarFunction('test_ambiguous', [val('bigint'), val('double')]).invoke({
        timeZone: 'UTC',
        startTime: 0,
        user: 'x',
      }),
    ).toBe(1);
  });

  test('NULL arguments that fit incomparable candidates are ambiguous, as in Trino', () => {
    // date and time(3) both accept NULL and return different types
    expectError(
      () => resolveScalarFunction('date_trunc', [val('varchar(3)'), val('unknown')]),
      'AMBIGUOUS_FUNCTION_CALL',
    );
  });

  test('isScalarFunction is case-insensitive', () => {
    expect(isScalarFunction('ABS')).toBe(true);
    expect(isScalarFunction('json_extract_scalar')).toBe(true);
    expect(isScalarFunction('array_agg')).toBe(false);
    expect(isScalarFunction('nope')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** A concrete type for a declared signature type, with every variable replaced. */
function concrete(sig: TypeSig): string {
  const longFor = (name: string): number =>
    name === 's' || name.includes('scale') ? 2 : name === 'p' || name.includes('precision') ? 10 : 10;
  if (sig.alias) return 'varchar';
  if (/^[A-Z]/.test(sig.base) && sig.params.length === 0) return 'bigint';
  if (sig.params.length === 0) return sig.base;
  const params = sig.params.map((p) =>
    p.kind === 'type' ? concrete(p.sig) : p.kind === 'long' ? String(p.value) : String(longFor(p.name)),
  );
  if (sig.base.endsWith(' with time zone'))
    return `${sig.base.slice(0, -15)}(${params.join(',')}) with time zone`;
  return `${sig.base}(${params.join(',')})`;
}

describe('the registry', () => {
  test('every registered signature resolves', () => {
    let count = 0;
    for (const name of scalarFunctionNames()) {
      for (const decl of declaredSignatures(name)) {
        const sigs = decl.arguments.map(parseTypeSig);
        if (decl.variadic && sigs.length < 2) sigs.push(sigs[sigs.length - 1]);
        const shapes: ArgumentShape[] = sigs.map((sig) => {
          if (sig.base === 'function') {
            const body = (sig.params[sig.params.length - 1] as { sig: TypeSig }).sig;
            return fn(sig.params.length - 1, concrete(body));
          }
          return val(concrete(sig));
        });
        const f = (() => {
          try {
            return resolveScalarFunction(name, shapes);
          } catch (e) {
            throw new Error(`${name}(${decl.arguments.join(', ')}) did not resolve: ${(e as Error).message}`);
          }
        })();
        expect(typeof f.invoke).toBe('function');
        count++;
      }
    }
    expect(count).toBeGreaterThan(400);
  });

  test('listScalarFunctions is sorted, has no duplicates, and uses Trino formats', () => {
    const rows = listScalarFunctions();
    expect(rows.length).toBeGreaterThan(400);
    const keys = rows.map((r) => `${r.name}\u0000${r.argumentTypes}\u0000${r.returnType}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sorted = [...rows].sort(
      (a, b) =>
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        (a.argumentTypes < b.argumentTypes ? -1 : a.argumentTypes > b.argumentTypes ? 1 : 0) ||
        (a.returnType < b.returnType ? -1 : a.returnType > b.returnType ? 1 : 0),
    );
    expect(rows).toEqual(sorted);
    expect(rows).toContainEqual({
      name: 'substr',
      returnType: 'varchar(x)',
      argumentTypes: 'varchar(x), bigint',
      functionType: 'scalar',
      deterministic: true,
      description: 'Suffix starting at given index',
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        name: 'round',
        returnType: 'decimal(rp,s)',
        argumentTypes: 'decimal(p,s), integer',
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        name: 'date_trunc',
        returnType: 'timestamp(p) with time zone',
        argumentTypes: 'varchar(x), timestamp(p) with time zone',
      }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ name: 'random', deterministic: false }));
    expect(rows.every((r) => r.functionType === 'scalar' && r.description.length > 0)).toBe(true);
  });
});
