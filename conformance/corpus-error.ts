/**
 * Error thrown by the conformance corpus readers when a file is malformed. The message always starts with
 * `file:line: ` so that a failure points straight at the offending line.
 */
export class CorpusFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'CorpusFormatError';
  }
}

/**
 * Splits text into lines. Accepts `\n` and `\r\n` line ends (several sqllogictest files use CRLF), drops a
 * leading byte-order mark and the empty string after a final line end.
 */
export function splitLines(text: string): string[] {
  if (typeof text !== 'string') {
    throw new TypeError(`expected file text to be a string, got ${typeof text}`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body === '') return [];
  const lines = body.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
