/**
 * JSON for what the coordinator sends workers (plan fragments, splits, sessions). Plan nodes are
 * plain data, but constants may hold values JSON has no form for — bigint (long decimals, big
 * Int64), Uint8Array (varbinary), NaN, ±Infinity and -0 doubles — which travel tagged as
 * single-key objects (`{"$bigint": "…"}`) and come back exact.
 */
export function toPlanJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const raw = this[key];
    if (typeof raw === 'bigint') return { $bigint: raw.toString() };
    if (raw instanceof Uint8Array) return { $bytes: Buffer.from(raw).toString('base64') };
    if (typeof raw === 'number' && (!Number.isFinite(raw) || Object.is(raw, -0)))
      return { $number: Object.is(raw, -0) ? '-0' : String(raw) };
    return v;
  });
}

export function fromPlanJson<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length !== 1) return value;
    if (typeof o.$bigint === 'string') return BigInt(o.$bigint);
    if (typeof o.$bytes === 'string') return new Uint8Array(Buffer.from(o.$bytes, 'base64'));
    if (typeof o.$number === 'string') return o.$number === '-0' ? -0 : Number(o.$number);
    return value;
  }) as T;
}
