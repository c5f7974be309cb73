/**
 * Collects typed lines until they hold complete statements (a top-level `;`), so a statement can
 * span lines and several can share one. Quotes and comments are respected by the splitter.
 */
import { splitSqlStatementsWithPositions } from '../sql';

export class StatementBuffer {
  private text = '';

  /** Adds a line; returns the statements it completed, in order. */
  push(line: string): string[] {
    this.text = this.text === '' ? line : `${this.text}\n${line}`;
    const spans = splitSqlStatementsWithPositions(this.text);
    const done = spans.filter((s) => s.terminated).map((s) => s.sql);
    const last = spans[spans.length - 1];
    this.text = last && !last.terminated ? this.text.slice(last.offset) : this.keepUnfinishedTail();
    return done;
  }

  /** After the last `;` only whitespace or comments remain; an open block comment is kept. */
  private keepUnfinishedTail(): string {
    const lastSemicolon = this.text.lastIndexOf(';');
    const tail = this.text.slice(lastSemicolon + 1);
    return tail.includes('/*') && !tail.includes('*/') ? tail : '';
  }

  get pending(): boolean {
    return this.text.trim() !== '';
  }

  clear(): void {
    this.text = '';
  }
}
