/**
 * MemoryPagesStore: the pages of memory tables that live in this process (the worker side of the
 * connector; Trino's MemoryPagesStore).
 *
 * Pages are kept in groups: one group per page sink (or per table rewrite by DELETE), tagged with
 * the table id, the write id the coordinator gave the insert, and the column ids of its blocks.
 * A group is stored when its sink finishes; it is read only through splits, and the coordinator
 * builds splits from the fragments that finishInsert committed — so a stored group stays
 * invisible until its insert commits, and a group whose insert never commits is never read.
 *
 * Memory accounting covers every stored group. Groups the coordinator no longer needs (dropped or
 * truncated tables, rewritten or aborted writes) are freed by `cleanUp` at the next write, from
 * the list of live write ids that comes with every insert handle.
 */
import { randomUUID } from 'crypto';
import type { Page } from '../../../execution/page';
import { packStrings, type StoredPage } from './packed-strings';
import { TrinoError } from '../../../errors';
import { MEMORY_LIMIT_EXCEEDED, MISSING_DATA } from './memory-errors';
import type { MemoryDataFragment } from './memory-handles';
import {
  addDistinctStrings,
  blockStatistics,
  compactBlock,
  estimateBlockBytes,
  numberRange,
} from './page-size';

export interface PageGroup {
  readonly id: number;
  readonly tableId: number;
  readonly writeId: number;
  readonly columnIds: readonly number[];
  readonly pages: readonly StoredPage[];
  /** Estimated bytes of each page's blocks: `blockBytes[page][block]`. */
  readonly blockBytes: readonly (readonly number[])[];
  readonly rows: number;
  readonly bytes: number;
}

export function memoryLimitExceeded(maxBytes: number): TrinoError {
  return new TrinoError(MEMORY_LIMIT_EXCEEDED, `Memory limit [${maxBytes}] for memory connector exceeded`);
}

export function missingData(message = 'Failed to find table on a worker.'): TrinoError {
  return new TrinoError(MISSING_DATA, message);
}

export class MemoryPagesStore {
  /** Identifies this process's store in fragments and splits. */
  readonly nodeId = randomUUID();
  private readonly groups = new Map<number, PageGroup>();
  private nextGroupId = 1;
  private usedBytes = 0;

  constructor(readonly maxBytes: number) {}

  get currentBytes(): number {
    return this.usedBytes;
  }

  /** Fails when `extraBytes` more would take the store past its limit. */
  checkCapacity(extraBytes: number): void {
    if (this.usedBytes + extraBytes > this.maxBytes) throw memoryLimitExceeded(this.maxBytes);
  }

  /**
   * Stores pages whose blocks are the columns `columnIds`, as one group, and describes it.
   * `enforceLimit` is false only for rewrites that free at least as much as they store.
   */
  store(
    tableId: number,
    writeId: number,
    columnIds: readonly number[],
    input: readonly Page[],
    enforceLimit = true,
  ): MemoryDataFragment {
    const pages: StoredPage[] = [];
    const blockBytes: number[][] = [];
    const pageRows: number[] = [];
    const nulls = new Array<number>(columnIds.length).fill(0);
    const dataSizes = new Array<number>(columnIds.length).fill(0);
    // numeric columns' value ranges (null: unknown), for join ordering's distinct-value bounds
    const mins = new Array<number | null>(columnIds.length).fill(Infinity);
    const maxs = new Array<number | null>(columnIds.length).fill(-Infinity);
    // varchar columns' distinct strings while there are few (null: too many, or not strings)
    const distinct: (Set<string> | null)[] = columnIds.map(() => new Set<string>());
    let rows = 0;
    let bytes = 0;
    for (const p of input) {
      if (p.positionCount === 0) continue;
      if (p.blocks.length !== columnIds.length) {
        throw new TrinoError(
          'GENERIC_INTERNAL_ERROR',
          `Page has ${p.blocks.length} blocks, the insert writes ${columnIds.length} columns`,
        );
      }
      const blocks = p.blocks.map(compactBlock);
      const sizes = blocks.map(estimateBlockBytes);
      blocks.forEach((b, c) => {
        const s = blockStatistics(b);
        nulls[c] += s.nulls;
        dataSizes[c] += s.dataSize;
        const seen = distinct[c];
        if (seen !== null && s.nulls < b.positionCount && !addDistinctStrings(b, seen)) distinct[c] = null;
        const range = numberRange(b);
        if (range === undefined) {
          if (s.nulls < b.positionCount) mins[c] = maxs[c] = null;
        } else if (mins[c] !== null) {
          mins[c] = Math.min(mins[c]!, range.min);
          maxs[c] = Math.max(maxs[c]!, range.max);
        }
      });
      pages.push({ positionCount: p.positionCount, blocks: blocks.map(packStrings) });
      blockBytes.push(sizes);
      pageRows.push(p.positionCount);
      rows += p.positionCount;
      for (const s of sizes) bytes += s;
    }
    if (enforceLimit) this.checkCapacity(bytes);
    const group: PageGroup = {
      id: this.nextGroupId++,
      tableId,
      writeId,
      columnIds: [...columnIds],
      pages,
      blockBytes,
      rows,
      bytes,
    };
    this.groups.set(group.id, group);
    this.usedBytes += bytes;
    return {
      node: this.nodeId,
      group: group.id,
      writeId,
      rows,
      bytes,
      pageRows,
      columnIds: [...columnIds],
      nulls,
      dataSizes,
      mins: mins.map((m) => (m !== null && Number.isFinite(m) ? m : null)),
      maxs: maxs.map((m) => (m !== null && Number.isFinite(m) ? m : null)),
      distinctStrings: distinct.map((d) => (d === null ? null : [...d])),
    };
  }

  /** The group, or MISSING_DATA when this process does not hold it. */
  group(id: number, tableId: number): PageGroup {
    const g = this.groups.get(id);
    if (g === undefined || g.tableId !== tableId) throw missingData();
    return g;
  }

  /** Frees a group (abort, or a rewrite that replaced it); unknown ids are ignored. */
  release(id: number): void {
    const g = this.groups.get(id);
    if (g === undefined) return;
    this.groups.delete(id);
    this.usedBytes -= g.bytes;
  }

  /**
   * Frees every group whose write the coordinator no longer needs: write ids below `horizon`
   * (the write id of the insert calling this) that are not in `live`. Newer write ids belong to
   * inserts that began after the caller's, whose live lists the caller cannot know.
   */
  cleanUp(live: readonly number[], horizon: number): void {
    const keep = new Set(live);
    for (const g of [...this.groups.values()]) {
      if (g.writeId < horizon && !keep.has(g.writeId)) this.release(g.id);
    }
  }

  /** Number of stored groups (for tests and system tables). */
  get groupCount(): number {
    return this.groups.size;
  }
}
