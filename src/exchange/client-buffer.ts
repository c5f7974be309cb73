/**
 * ClientBuffer: the pages one downstream consumer (one bufferId of a task) has yet to acknowledge,
 * numbered by sequence id. It implements the token semantics of the results pull protocol
 * (reference/trino-protocol.md §3.5):
 * - a read at token t first acknowledges (frees) every page below t;
 * - it returns pages from t on, so repeating a token returns the same pages again;
 * - a token below what was already acknowledged reads nothing (a stale, duplicated request).
 * Pages are shared between client buffers (broadcast) through reference counts; the owner
 * (OutputBuffer) accounts their bytes once and frees them when the last reference is dropped.
 */
import type { SerializedPage } from './page-codec';

/** A serialized page with a reference count; `release` is called when the count reaches zero. */
export class PageReference {
  private references: number;
  constructor(
    readonly page: SerializedPage,
    references: number,
    private readonly onFree: (page: SerializedPage) => void,
  ) {
    this.references = references;
  }
  retain(): void {
    this.references++;
  }
  release(): void {
    if (--this.references === 0) this.onFree(this.page);
  }
}

export interface ClientRead {
  readonly token: number;
  readonly nextToken: number;
  readonly pages: readonly SerializedPage[];
  /** No page at or after nextToken will ever exist. */
  readonly complete: boolean;
}

export class ClientBuffer {
  /** Unacknowledged pages; pages[0] has sequence id `firstSequence`. */
  private pages: PageReference[] = [];
  private firstSequence = 0;
  private noMorePages = false;
  private destroyed = false;

  constructor(readonly bufferId: number) {}

  /** Sequence id the next added page gets. */
  get endSequence(): number {
    return this.firstSequence + this.pages.length;
  }

  get isDestroyed(): boolean {
    return this.destroyed;
  }

  /** True when every page was delivered and acknowledged and no more will come (or destroyed). */
  get isFinished(): boolean {
    return this.destroyed || (this.noMorePages && this.pages.length === 0);
  }

  add(ref: PageReference): void {
    if (this.destroyed) {
      ref.release();
      return;
    }
    this.pages.push(ref);
  }

  setNoMorePages(): void {
    this.noMorePages = true;
  }

  /** Frees every page below `token`. */
  acknowledge(token: number): void {
    if (token <= this.firstSequence) return;
    const count = Math.min(token - this.firstSequence, this.pages.length);
    for (let i = 0; i < count; i++) this.pages[i].release();
    this.pages = this.pages.slice(count);
    this.firstSequence += count;
  }

  read(token: number, maxBytes: number): ClientRead {
    if (this.destroyed) return { token, nextToken: token, pages: [], complete: true };
    this.acknowledge(token);
    if (token < this.firstSequence) return { token, nextToken: token, pages: [], complete: false };
    const out: SerializedPage[] = [];
    let bytes = 0;
    for (let i = token - this.firstSequence; i < this.pages.length; i++) {
      const p = this.pages[i].page;
      // always at least one page, so a page larger than maxBytes still moves
      if (out.length > 0 && bytes + p.bytes.byteLength > maxBytes) break;
      out.push(p);
      bytes += p.bytes.byteLength;
    }
    const nextToken = token + out.length;
    return { token, nextToken, pages: out, complete: this.noMorePages && nextToken >= this.endSequence };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const p of this.pages) p.release();
    this.firstSequence += this.pages.length;
    this.pages = [];
  }
}
