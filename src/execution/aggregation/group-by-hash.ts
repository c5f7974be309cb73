/**
 * GroupByHash: assigns a dense group id to each distinct combination of key values.
 *
 * Specialized by key shape (key-dictionary.ts): one key column's group id is its dictionary id;
 * several key columns are dictionary-coded column by column and the tuples of ids go through an
 * open-addressing TupleTable. No key text is built per row.
 */
import { type Block, blockFromValues } from '../block';
import { ColumnDictionary, TupleTable } from './key-dictionary';

export { encodeKeyPart } from './key-dictionary';

export class GroupByHash {
  private readonly dictionaries: ColumnDictionary[];
  private readonly tuples: TupleTable | null;
  private scratch: Int32Array[] = [];
  groupCount = 0;

  constructor(private readonly keyCount: number) {
    this.dictionaries = Array.from({ length: keyCount }, () => new ColumnDictionary());
    this.tuples = keyCount >= 2 ? new TupleTable(keyCount) : null;
  }

  /** Group ids of a page's rows (key blocks given in key order). */
  groupIds(keys: readonly Block[], positionCount: number): Int32Array {
    const ids = new Int32Array(positionCount);
    if (this.keyCount === 0) {
      if (this.groupCount === 0) this.groupCount = 1;
      return ids; // the single global group
    }
    if (this.tuples === null) {
      this.dictionaries[0].idsOf(keys[0], positionCount, ids, true, true);
      this.groupCount = this.dictionaries[0].size;
      return ids;
    }
    if (this.scratch.length === 0 || this.scratch[0].length < positionCount)
      this.scratch = this.dictionaries.map(() => new Int32Array(positionCount));
    for (let k = 0; k < this.keyCount; k++)
      this.dictionaries[k].idsOf(keys[k], positionCount, this.scratch[k], true, true);
    this.tuples.tupleIds(this.scratch, positionCount, ids, true);
    this.groupCount = this.tuples.size;
    return ids;
  }

  /** The key columns of groups 0..groupCount-1, in canonical form. */
  keyBlocks(): Block[] {
    return this.dictionaries.map((d, k) => {
      if (this.tuples === null) return blockFromValues(d.values);
      const out = new Array<unknown>(this.groupCount);
      for (let g = 0; g < this.groupCount; g++) out[g] = d.values[this.tuples.columnId(g, k)];
      return blockFromValues(out);
    });
  }
}
