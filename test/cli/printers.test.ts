/** Each output format against Trino's printers, with values of every shape the protocol decodes to. */
import {
  ClientMap,
  ClientRow,
  JavaNumber,
  rowDecoder,
  type ClientColumn,
  type ClientValue,
} from '../../src/cli/client-values';
import {
  consoleWidth,
  formatCount,
  formatDataSize,
  formatProgressBar,
  formatTime,
} from '../../src/cli/format-utils';
import { parseJson } from '../../src/cli/json-parse';
import { createPrinter, type OutputFormat } from '../../src/cli/printers';

const sig = (
  rawType: string,
  args: ClientColumn['typeSignature'] extends infer T
    ? T extends { arguments: infer A }
      ? A
      : never
    : never = [],
) => ({ rawType, arguments: args });
const col = (name: string, rawType: string): ClientColumn => ({
  name,
  type: rawType,
  typeSignature: sig(rawType),
});
const n = (text: string) => new JavaNumber(text);

function print(format: OutputFormat, columns: ClientColumn[], rows: ClientValue[][]): string {
  let out = '';
  const p = createPrinter(format, columns, (t) => (out += t));
  p.printRows(rows, true);
  p.finish();
  return out;
}

const COLS = [col('first', 'varchar'), col('last', 'varchar'), col('quantity', 'bigint')];
const ROWS: ClientValue[][] = [
  ['hello', 'world', n('123')],
  ['a', null, n('4.5')],
  ['some long\ntext\tdone', 'more\ntext', n('4567')],
  ['bye', 'done', n('-15')],
];

test('ALIGNED: centered header, numbers right, multi-line cells continued with +, trailing padding', () => {
  expect(print('ALIGNED', COLS, ROWS)).toBe(
    [
      '   first   | last  | quantity ',
      '-----------+-------+----------',
      ' hello     | world |      123 ',
      ' a         | NULL  |      4.5 ',
      ' some long+| more +|     4567 ',
      // a tab is a control character: width 0, as JLine's wcwidth says
      ' text\tdone  | text  |          ',
      ' bye       | done  |      -15 ',
      '(4 rows)',
      '',
    ].join('\n'),
  );
  expect(print('ALIGNED', [col('x', 'integer')], [])).toBe(' x \n---\n(0 rows)\n');
});

test('ALIGNED measures wide characters as two columns', () => {
  expect(print('ALIGNED', [col('name', 'varchar')], [['网络'], ['ab']])).toBe(
    ' name \n------\n 网络 \n ab   \n(2 rows)\n',
  );
  expect(consoleWidth('网a\u0301')).toBe(3);
});

test('VERTICAL: one record block per row', () => {
  expect(print('VERTICAL', COLS, ROWS.slice(0, 2))).toBe(
    [
      '-[ RECORD 1 ]---',
      'first    | hello',
      'last     | world',
      'quantity | 123',
      '-[ RECORD 2 ]---',
      'first    | a',
      'last     | NULL',
      'quantity | 4.5',
      '',
    ].join('\n'),
  );
  expect(print('VERTICAL', [col('shippriority', 'varchar')], [['hello']])).toBe(
    '-[ RECORD 1 ]+------\nshippriority | hello\n',
  );
  expect(print('VERTICAL', [col('x', 'varchar')], [])).toBe('(no rows)\n');
});

test('CSV quotes every value and doubles quotes; NULL is empty; the header variants', () => {
  const rows: ClientValue[][] = [
    ['a"b', null, n('1')],
    ['x,y', 'line\nbreak', n('2')],
  ];
  expect(print('CSV', COLS, rows)).toBe('"a""b","","1"\n"x,y","line\nbreak","2"\n');
  expect(print('CSV_HEADER', COLS, rows.slice(0, 1))).toBe('"first","last","quantity"\n"a""b","","1"\n');
  expect(print('CSV_UNQUOTED', COLS, rows)).toBe('a""b,,1\nx,y,line\nbreak,2\n');
  expect(print('CSV_HEADER_UNQUOTED', COLS, [])).toBe('first,last,quantity\n');
});

test('TSV escapes tab, newline, backslash and the other controls', () => {
  expect(print('TSV', COLS, [['a\tb\\c', 'x\ny\rz\0', null]])).toBe('a\\tb\\\\c\tx\\ny\\rz\\0\t\n');
  expect(print('TSV_HEADER', COLS, [])).toBe('first\tlast\tquantity\n');
});

test('JSON: one object per line, Java number text, NaN as a string, hex for varbinary', () => {
  expect(print('JSON', COLS, ROWS.slice(0, 3))).toBe(
    '{"first":"hello","last":"world","quantity":123}\n' +
      '{"first":"a","last":null,"quantity":4.5}\n' +
      '{"first":"some long\\ntext\\tdone","last":"more\\ntext","quantity":4567}\n',
  );
  const cols = [col('b', 'varbinary'), col('d', 'double'), col('m', 'map'), col('r', 'row')];
  const row: ClientValue[] = [
    new Uint8Array([104, 105]),
    new JavaNumber('NaN', false),
    new ClientMap([[n('1'), [n('2'), null]]]),
    new ClientRow([
      { name: 'a', value: true },
      { name: 'b', value: null },
    ]),
  ];
  expect(print('JSON', cols, [row])).toBe(
    '{"b":"68 69","d":"NaN","m":{"1":[2,null]},"r":{"a":true,"b":null}}\n',
  );
  expect(print('JSON', COLS, [])).toBe('');
});

test('MARKDOWN escapes special characters and aligns numbers right', () => {
  expect(
    print('MARKDOWN', COLS, [
      ['a|b*', 'x\ny', n('10')],
      [null, '[z]', n('-1')],
    ]),
  ).toBe(
    [
      '| first  | last   | quantity |',
      '| ------ | ------ | --------:|',
      '| a\\|b\\* | x<br>y |       10 |',
      '| NULL   | \\[z\\]  |       -1 |',
      '',
    ].join('\n'),
  );
});

test('NULL prints nothing', () => {
  expect(print('NULL', COLS, ROWS)).toBe('');
});

describe('decoding the protocol JSON by type signature', () => {
  const columns: ClientColumn[] = [
    col('i', 'integer'),
    col('big', 'bigint'),
    col('d', 'double'),
    col('r', 'real'),
    col('dec', 'decimal'),
    col('bin', 'varbinary'),
    {
      name: 'a',
      type: 'array(double)',
      typeSignature: sig('array', [{ kind: 'TYPE', value: sig('double') }]),
    },
    {
      name: 'm',
      type: 'map(integer, varchar)',
      typeSignature: sig('map', [
        { kind: 'TYPE', value: sig('integer') },
        { kind: 'TYPE', value: sig('varchar') },
      ]),
    },
    {
      name: 'row',
      type: 'row(x integer, varchar)',
      typeSignature: sig('row', [
        { kind: 'NAMED_TYPE', value: { fieldName: { name: 'x' }, typeSignature: sig('integer') } },
        { kind: 'NAMED_TYPE', value: { typeSignature: sig('varchar') } },
      ]),
    },
    col('t', 'timestamp'),
    col('b', 'boolean'),
  ];
  const json = parseJson(
    '[[1, 9007199254740993, 1.0E10, 1.1, "-0.50", "aGk=", [1.0, "Infinity", null], {"7": "seven"}, [2, null], "2020-01-02 03:04:05.123", false],' +
      ' [null, null, null, null, null, null, null, null, null, null, null]]',
  ) as unknown[][];
  const rows = rowDecoder(columns)(json);

  test('ALIGNED shows each value as the Trino CLI does, big integers exactly', () => {
    const out = print('VERTICAL', columns, rows);
    expect(out).toContain('i   | 1\n');
    expect(out).toContain('big | 9007199254740993\n');
    expect(out).toContain('d   | 1.0E10\n');
    expect(out).toContain('r   | 1.1\n');
    expect(out).toContain('dec | -0.50\n');
    expect(out).toContain('bin | 68 69\n');
    expect(out).toContain('a   | [1.0, Infinity, NULL]\n');
    expect(out).toContain('m   | {7=seven}\n');
    expect(out).toContain('row | {x=2, NULL}\n');
    expect(out).toContain('t   | 2020-01-02 03:04:05.123\n');
    expect(out).toContain('b   | false\n');
    expect(out.split('\n').filter((l) => l.endsWith('| NULL'))).toHaveLength(columns.length);
  });

  test('varbinary longer than 16 bytes wraps in ALIGNED and stays on one line in CSV', () => {
    const bytes = new Uint8Array(20).map((_, i) => i);
    const aligned = print('ALIGNED', [col('b', 'varbinary')], [[bytes]]);
    expect(aligned).toContain(' 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f \n 10 11 12 13 ');
    expect(print('CSV', [col('b', 'varbinary')], [[bytes]])).toBe(
      `"${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')}"\n`,
    );
  });
});

test('counts, sizes, times and the progress bar as Trino formats them', () => {
  expect([formatCount(999), formatCount(1001), formatCount(1_234_567), formatCount(15_000_000)]).toEqual([
    '999',
    '1K',
    '1.23M',
    '15M',
  ]);
  expect([
    formatDataSize(999, true),
    formatDataSize(1000, true),
    formatDataSize(560_123_456, true),
    formatDataSize(2500, false),
  ]).toEqual(['999B', '1KB', '560MB', '2.5K']);
  expect([formatTime(13_400), formatTime(61_600)]).toEqual(['0:13', '1:02']);
  expect(formatProgressBar(10, 2, 1, 10)).toBe('==>       ');
  expect(formatProgressBar(10, 10, 0, 10)).toBe('==========');
});
