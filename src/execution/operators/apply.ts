/**
 * Apply: runs a (possibly correlated) subquery per distinct binding of its correlation symbols
 * and appends the result column (see ApplyNode). Results are cached by binding, so an
 * uncorrelated subquery runs once and a correlated one once per distinct outer value.
 */
import { TrinoError } from '../../errors';
import type { ApplyNode, PlanNode } from '../../planner/plan';
import { bindSymbols, mapPlanExpressions } from '../../planner/plan-walk';
import { encodeKeyPart } from '../aggregation/group-by-hash';
import { blockFromValues, valueAt } from '../block';
import type { CompiledFilter, CompiledProjection } from '../expression-compiler';
import type { Page } from '../page';
import { pageRows } from '../page';
import { valueComparator } from '../value-order';
import { equalityFor } from '../../functions/values-compare';
import { isStructuralType } from '../../types';
import { type PageStream, TARGET_PAGE_ROWS } from './page-stream';

interface SubqueryResult {
  readonly rows: unknown[][];
  /** IN: encoded non-null first-column values, and whether a NULL was among them. */
  readonly members?: Set<number | string>;
  readonly hasNull?: boolean;
}

export async function* apply(
  input: PageStream,
  node: ApplyNode,
  run: (plan: PlanNode) => PageStream,
  inputLayout: ReadonlyMap<string, number>,
  value: CompiledProjection | undefined,
  lateralFilter?: CompiledFilter,
): PageStream {
  const cache = new Map<string, SubqueryResult>();
  const channels = node.correlation.map((s) => inputLayout.get(s.name)!);

  const evaluate = async (page: Page, i: number): Promise<SubqueryResult> => {
    let key = '';
    for (const c of channels) key += encodeKeyPart(valueAt(page.blocks[c], i));
    let result = cache.get(key);
    if (result) return result;
    const bindings = new Map<string, unknown>();
    node.correlation.forEach((s, k) => bindings.set(s.name, valueAt(page.blocks[channels[k]], i)));
    const plan =
      bindings.size === 0
        ? node.subquery
        : mapPlanExpressions(node.subquery, (e) => bindSymbols(e, bindings));
    const rows: unknown[][] = [];
    for await (const p of run(plan)) {
      for (const r of pageRows(p)) rows.push(r);
      if (node.mode.kind === 'exists' && rows.length > 0) break;
      if (node.mode.kind === 'scalar' && rows.length > 1) break;
    }
    if (node.mode.kind === 'in' && !equal) {
      const members = new Set<number | string>();
      let hasNull = false;
      for (const r of rows) {
        if (r[0] === null) hasNull = true;
        else members.add(memberKey(r[0]));
      }
      result = { rows, members, hasNull };
    } else {
      result = { rows };
    }
    cache.set(key, result);
    return result;
  };

  const mode = node.mode;
  if (mode.kind === 'lateral') {
    yield* lateralJoin(input, mode.join, lateralFilter, node.subquery.outputs.length, evaluate);
    return;
  }
  const compare = mode.kind === 'quantified' ? valueComparator(mode.value.type) : undefined;
  // rows and arrays: `=` may be NULL for non-null values, so IN compares one by one
  const equal =
    (mode.kind === 'in' || mode.kind === 'quantified') && isStructuralType(mode.value.type)
      ? equalityFor(mode.value.type)
      : undefined;
  // an uncorrelated subquery's result, once computed: no await (a microtask) per row after that
  let uncorrelated: SubqueryResult | undefined;
  for await (const page of input) {
    const values = value ? value(page) : undefined;
    const out = new Array<unknown>(page.positionCount);
    for (let i = 0; i < page.positionCount; i++) {
      const result =
        channels.length === 0 ? (uncorrelated ??= await evaluate(page, i)) : await evaluate(page, i);
      switch (mode.kind) {
        case 'scalar':
          if (result.rows.length > 1)
            throw new TrinoError('SUBQUERY_MULTIPLE_ROWS', 'Scalar sub-query has returned multiple rows');
          out[i] = result.rows.length === 0 ? null : result.rows[0][0];
          break;
        case 'exists':
          out[i] = result.rows.length > 0;
          break;
        case 'in': {
          const v = valueAt(values!, i);
          if (result.rows.length === 0) out[i] = false;
          else if (v === null) out[i] = null;
          else if (equal) out[i] = quantified(v, result.rows, 'eq', 'ANY', compare, equal);
          else if (result.members!.has(memberKey(v))) out[i] = true;
          else out[i] = result.hasNull ? null : false;
          break;
        }
        case 'quantified': {
          const v = valueAt(values!, i);
          out[i] = quantified(v, result.rows, mode.op, mode.quantifier, compare, equal);
          break;
        }
      }
    }
    yield { positionCount: page.positionCount, blocks: [...page.blocks, blockFromValues(out)] };
  }
}

function quantified(
  v: unknown,
  rows: unknown[][],
  op: string,
  quantifier: 'ALL' | 'ANY',
  compare: ((a: unknown, b: unknown) => number) | undefined,
  equal: ((a: unknown, b: unknown) => boolean | null) | undefined,
): boolean | null {
  if (rows.length === 0) return quantifier === 'ALL';
  if (v === null) return null;
  let sawNull = false;
  for (const r of rows) {
    const x = r[0];
    if (x === null) {
      sawNull = true;
      continue;
    }
    if (equal && (op === 'eq' || op === 'ne')) {
      const e = equal(v, x);
      if (e === null) {
        sawNull = true;
        continue;
      }
      const holds = op === 'eq' ? e : !e;
      if (quantifier === 'ANY' && holds) return true;
      if (quantifier === 'ALL' && !holds) return false;
      continue;
    }
    const c = compare!(v, x);
    const holds =
      op === 'eq'
        ? c === 0
        : op === 'ne'
          ? c !== 0
          : op === 'lt'
            ? c < 0
            : op === 'le'
              ? c <= 0
              : op === 'gt'
                ? c > 0
                : c >= 0;
    if (quantifier === 'ANY' && holds) return true;
    if (quantifier === 'ALL' && !holds) return false;
  }
  return sawNull ? null : quantifier === 'ALL';
}

/**
 * LATERAL: each input row followed by each of its subquery rows that passes the ON condition;
 * with LEFT, a row without any is kept once, padded with NULLs. Rows keep the input order.
 */
async function* lateralJoin(
  input: PageStream,
  join: 'INNER' | 'LEFT',
  filter: CompiledFilter | undefined,
  width: number,
  evaluate: (page: Page, i: number) => Promise<SubqueryResult>,
): PageStream {
  const nulls = new Array<unknown>(width).fill(null);
  for await (const page of input) {
    // candidate pairs: input position and subquery row
    const left: number[] = [];
    const right: unknown[][] = [];
    for (let i = 0; i < page.positionCount; i++) {
      for (const r of (await evaluate(page, i)).rows) {
        left.push(i);
        right.push(r);
      }
    }
    let accepted: ArrayLike<number> = Array.from(left.keys());
    let acceptedCount = left.length;
    if (filter && left.length > 0) {
      const { positions, count } = filter(pairPage(page, left, right, width));
      accepted = positions;
      acceptedCount = count;
    }
    const outLeft: number[] = [];
    const outRight: unknown[][] = [];
    let k = 0;
    for (let i = 0; i < page.positionCount; i++) {
      let matched = false;
      while (k < acceptedCount && left[accepted[k]] === i) {
        outLeft.push(i);
        outRight.push(right[accepted[k++]]);
        matched = true;
      }
      if (!matched && join === 'LEFT') {
        outLeft.push(i);
        outRight.push(nulls);
      }
    }
    for (let start = 0; start < outLeft.length; start += TARGET_PAGE_ROWS) {
      const end = Math.min(outLeft.length, start + TARGET_PAGE_ROWS);
      yield pairPage(page, outLeft.slice(start, end), outRight.slice(start, end), width);
    }
  }
}

/** A page of input rows (by position) each followed by a subquery row. */
function pairPage(page: Page, left: readonly number[], right: readonly unknown[][], width: number): Page {
  const blocks = page.blocks.map((b) => blockFromValues(left.map((i) => valueAt(b, i))));
  for (let c = 0; c < width; c++) blocks.push(blockFromValues(right.map((r) => r[c])));
  return { positionCount: left.length, blocks };
}

/**
 * An IN-list member's Set key: a number is its own key (no text per probed row); anything else its
 * encodeKeyPart text. Both sides are canonical values of one type, so the forms always agree.
 */
function memberKey(v: unknown): number | string {
  return typeof v === 'number' ? v : encodeKeyPart(v);
}
