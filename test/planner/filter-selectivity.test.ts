/** Filter selectivity: equality and IN over a column with a known distinct count, else one half. */
import { filterSelectivity } from '../../src/planner/optimizer/filter-selectivity';
import type { RowExpression } from '../../src/planner/ir';
import { BOOLEAN, VARCHAR } from '../../src/types';

const name: RowExpression = { kind: 'symbol', name: 'name', type: VARCHAR };
const other: RowExpression = { kind: 'symbol', name: 'other', type: VARCHAR };
const text = (value: string): RowExpression => ({ kind: 'constant', value, type: VARCHAR });
const eq = (l: RowExpression, r: RowExpression): RowExpression => ({
  kind: 'comparison',
  op: 'eq',
  left: l,
  right: r,
  type: BOOLEAN,
});
const distinct = (s: string) => (s === 'name' ? 25 : undefined);

test('column = constant keeps 1/ndv, either way round', () => {
  expect(filterSelectivity(eq(name, text('SAUDI ARABIA')), distinct)).toBeCloseTo(1 / 25);
  expect(filterSelectivity(eq(text('SAUDI ARABIA'), name), distinct)).toBeCloseTo(1 / 25);
});

test('IN keeps k/ndv; unknown conjuncts together keep half', () => {
  const list: RowExpression = { kind: 'in', value: name, list: [text('a'), text('b')], type: BOOLEAN };
  expect(filterSelectivity(list, distinct)).toBeCloseTo(2 / 25);
  const both: RowExpression = {
    kind: 'logical',
    op: 'and',
    terms: [eq(name, text('a')), eq(other, text('b')), eq(other, name)],
    type: BOOLEAN,
  };
  expect(filterSelectivity(both, distinct)).toBeCloseTo(1 / 25 / 2);
  expect(filterSelectivity(eq(other, text('b')), distinct)).toBe(0.5);
});
