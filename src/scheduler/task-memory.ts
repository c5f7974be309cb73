/**
 * A task's view of the query's memory: reservations go to the query's context (the per-node
 * limit covers every task of the query in this process) and are also counted per task, so
 * EXPLAIN ANALYZE can report each stage's peak.
 */
import { QueryMemoryContext } from '../execution/memory-context';

export class TaskMemoryContext extends QueryMemoryContext {
  private own = 0;
  peakBytes = 0;

  constructor(private readonly query: QueryMemoryContext) {
    super(query.limit);
  }

  override get reservedBytes(): number {
    return this.own;
  }

  override reserve(operator: string, bytes: number): void {
    if (bytes <= 0) return;
    this.query.reserve(operator, bytes);
    this.own += bytes;
    if (this.own > this.peakBytes) this.peakBytes = this.own;
  }

  override free(operator: string, bytes: number): void {
    this.query.free(operator, bytes);
    this.own = Math.max(0, this.own - bytes);
  }
}
