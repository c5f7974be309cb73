/**
 * Schema names of the tpch catalog and the scale factor each one stands for, as in Trino's
 * TpchMetadata: `tiny` is SF 0.01, `sf<N>` is SF N for any positive number N (`sf1`, `sf0.1`,
 * `sf1e3`, `sf10.0`), and only a fixed list is shown by SHOW SCHEMAS.
 */

export const TINY_SCHEMA_NAME = 'tiny';
export const TINY_SCALE_FACTOR = 0.01;

/** What listSchemaNames returns (Trino's TpchMetadata.SCHEMA_NAMES, in its order). */
export const LISTED_SCHEMA_NAMES: readonly string[] = Object.freeze([
  TINY_SCHEMA_NAME,
  'sf1',
  'sf100',
  'sf300',
  'sf1000',
  'sf3000',
  'sf10000',
  'sf30000',
  'sf100000',
]);

/**
 * The smallest scale factor served: below it there are no suppliers, and PARTSUPP and LINEITEM
 * cannot pick one (Trino fails there with a division by zero).
 */
export const MIN_SCALE_FACTOR = 0.0001;

/**
 * The largest scale factor served. Beyond it order keys (about 6,000,000 × SF) would leave the
 * safe-integer range of the float64 blocks, so such schemas do not exist rather than return
 * wrong keys.
 */
export const MAX_SCALE_FACTOR = 1_000_000_000;

/** A decimal number as Java's Double.parseDouble reads one (without hex and `d`/`f` suffixes). */
const NUMBER = /^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The scale factor of a schema, or undefined when the name is not a tpch schema. */
export function schemaScaleFactor(schema: string): number | undefined {
  if (schema === TINY_SCHEMA_NAME) return TINY_SCALE_FACTOR;
  if (!schema.startsWith('sf')) return undefined;
  const text = schema.slice(2);
  if (!NUMBER.test(text)) return undefined;
  const scaleFactor = Number(text);
  if (!(scaleFactor >= MIN_SCALE_FACTOR) || scaleFactor > MAX_SCALE_FACTOR) return undefined;
  return scaleFactor;
}
