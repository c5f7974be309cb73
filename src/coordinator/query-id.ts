/**
 * Query ids as Trino makes them (QueryIdGenerator): `yyyyMMdd_HHmmss_NNNNN_ccccc`, UTC time, a
 * 5-digit counter that restarts each day, and a per-coordinator id from an alphabet without the
 * look-alike characters l, o, 0 and 1.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

export class QueryIdGenerator {
  /** The 5-character suffix of every id; `/v1/info` reports it as `coordinatorId`. */
  readonly coordinatorId: string;
  private day = '';
  private counter = 0;

  constructor(coordinatorId?: string) {
    this.coordinatorId =
      coordinatorId ?? Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  }

  next(now = new Date()): string {
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    const day = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}`;
    if (day !== this.day) {
      this.day = day;
      this.counter = 0;
    }
    const id = this.counter;
    this.counter = (this.counter + 1) % 100_000;
    const time = `${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
    return `${day}_${time}_${p(id, 5)}_${this.coordinatorId}`;
  }
}
