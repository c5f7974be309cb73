/**
 * Compares a JSON response with a golden document written by hand from
 * reference/trino-protocol.md. A golden value is matched exactly, except these placeholders:
 *
 * - `"<any>"`, `"<string>"`, `"<int>"` (a non-negative integer), `"<number>"`, `"<boolean>"`,
 *   `"<strings>"` (an array of strings);
 * - `"<prefix:TEXT>"`: a string starting with TEXT;
 * - `"<infoUri>"`, `"<queuedUri:N>"`, `"<executingUri>"`: the URIs of §1.1/§1.2 for this query;
 * - `"<$name>"`: the shape `name` from shapes.json.
 *
 * Objects must have the same keys in the same order (Trino's serialization order); a golden key
 * ending in `?` may be absent. Arrays match element by element.
 */
import shapes from './shapes.json';

export interface MatchContext {
  readonly base: string;
  readonly id: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const SLUG = 'y[0-9a-f]{40}';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function placeholder(actual: unknown, p: string, ctx: MatchContext, path: string): string[] | undefined {
  const fail = (what: string) => [`${path}: expected ${what}, got ${JSON.stringify(actual)}`];
  const uri = (re: string) =>
    typeof actual === 'string' && new RegExp(`^${escape(ctx.base)}${re}$`).test(actual) ? [] : fail(p);
  const id = escape(ctx.id);
  if (p === '<any>') return actual === undefined ? fail('a value') : [];
  if (p === '<string>') return typeof actual === 'string' ? [] : fail('a string');
  if (p === '<int>') return Number.isInteger(actual) && (actual as number) >= 0 ? [] : fail('an integer ≥ 0');
  if (p === '<number>') return typeof actual === 'number' ? [] : fail('a number');
  if (p === '<boolean>') return typeof actual === 'boolean' ? [] : fail('a boolean');
  if (p === '<strings>')
    return Array.isArray(actual) && actual.every((s) => typeof s === 'string') ? [] : fail('strings');
  if (p.startsWith('<prefix:'))
    return typeof actual === 'string' && actual.startsWith(p.slice(8, -1)) ? [] : fail(p);
  if (p === '<infoUri>') return uri(`/ui/query\\.html\\?${id}`);
  if (p.startsWith('<queuedUri:')) return uri(`/v1/statement/queued/${id}/${SLUG}/${p.slice(11, -1)}`);
  if (p === '<executingUri>') return uri(`/v1/statement/executing/${id}/${SLUG}/\\d+`);
  if (p.startsWith('<$')) {
    const shape = (shapes as Record<string, Json>)[p.slice(2, -1)];
    if (shape === undefined) throw new Error(`no shape ${p}`);
    return mismatches(actual, shape, ctx, path);
  }
  return undefined;
}

/** Every difference between `actual` and the golden `expected`, as `path: message` lines. */
export function mismatches(actual: unknown, expected: Json, ctx: MatchContext, path = '$'): string[] {
  if (typeof expected === 'string' && /^<.+>$/.test(expected)) {
    const result = placeholder(actual, expected, ctx, path);
    if (result) return result;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length)
      return [`${path}: expected ${expected.length} elements, got ${actual.length}`];
    return expected.flatMap((e, i) => mismatches(actual[i], e, ctx, `${path}[${i}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    const out: string[] = [];
    const keys = Object.keys(expected).map((k) => ({
      name: k.replace(/\?$/, ''),
      optional: k.endsWith('?'),
      k,
    }));
    const actualKeys = Object.keys(actual);
    const extra = actualKeys.filter((k) => !keys.some((e) => e.name === k));
    if (extra.length) out.push(`${path}: unexpected fields ${extra.join(', ')}`);
    for (const { name, optional, k } of keys) {
      if (!(name in actual)) {
        if (!optional) out.push(`${path}: missing field ${name}`);
        continue;
      }
      out.push(...mismatches((actual as Record<string, unknown>)[name], expected[k], ctx, `${path}.${name}`));
    }
    const order = keys.map((e) => e.name).filter((k) => actualKeys.includes(k));
    const actualOrder = actualKeys.filter((k) => order.includes(k));
    if (order.join() !== actualOrder.join()) out.push(`${path}: field order ${actualOrder} ≠ ${order}`);
    return out;
  }
  return Object.is(actual, expected) || actual === expected
    ? []
    : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
