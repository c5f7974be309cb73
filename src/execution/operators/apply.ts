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
import type { CompiledProjection } from '../expression-compiler';
import type { Page } from '../page';
import { pageRows } from '../page';
import { valueComparator } from '../value-order';
import type { PageStream } from './page-stream';

interface SubqueryResult {
  readonly rows: unknown[][];
  /** IN: encoded non-null first-column values, and whether a NULL was among them. */
  readonly members?: Set<string>;
  readonly hasNull?: boolean;
}

export async function* apply(
  input: PageStream,
  node: ApplyNode,
  run: (plan: PlanNode) => PageStream,
  inputLayout: ReadonlyMap<string, number>,
  value: CompiledProjection | undefined,
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
    if (node.mode.kind === 'in') {
      const members = new Set<string>();
      let hasNull = false;
      for (const r of rows) {
        if (r[0] === null) hasNull = true;
        else members.add(encodeKeyPart(r[0]));
      }
      result = { rows, members, hasNull };
    } else {
      result = { rows };
    }
    cache.set(key, result);
    return result;
  };

  const mode = node.mode;
  const compare = mode.kind === 'quantified' ? valueComparator(mode.value.type) : undefined;
  for await (const page of input) {
    const values = value ? value(page) : undefined;
    const out = new Array<unknown>(page.positionCount);
    for (let i = 0; i < page.positionCount; i++) {
      const result = await evaluate(page, i);
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
          else if (result.members!.has(encodeKeyPart(v))) out[i] = true;
          else out[i] = result.hasNull ? null : false;
          break;
        }
        case 'quantified': {
          const v = valueAt(values!, i);
          out[i] = quantified(v, result.rows, mode.op, mode.quantifier, compare!);
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
  compare: (a: unknown, b: unknown) => number,
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
    const c = compare(v, x);
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
