/**
 * java.net.URLEncoder / URLDecoder (UTF-8), which Trino uses for every `name=value` header
 * (X-Trino-Session, -Prepared-Statement, -Set-Session, -Added-Prepare, …). They differ from
 * encodeURIComponent: a space is `+`, only `A-Za-z0-9.-*_` stay literal, malformed UTF-8 decodes
 * to U+FFFD instead of throwing, and a bad escape fails with Java's own message, which Trino puts
 * into its 400 answers.
 */

const LITERAL = /[A-Za-z0-9.\-*_]/;

export function javaUrlEncode(value: string): string {
  let out = '';
  for (const ch of value) {
    if (ch === ' ') out += '+';
    else if (LITERAL.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Java's IllegalArgumentException from URLDecoder.decode; `message` is getMessage(). */
export class UrlDecodeError extends Error {
  /** Throwable.toString(), which Trino's parseProperty puts into its message. */
  override toString(): string {
    return `java.lang.IllegalArgumentException: ${this.message}`;
  }
}

/** Integer.parseInt(s, begin, end, 16), which accepts a leading sign. */
function parseHexPair(s: string, begin: number): number {
  const text = s.slice(begin, begin + 2);
  const m = /^([+-]?)([0-9A-Fa-f]+)$/.exec(text);
  if (!m) {
    const bad = [...text].findIndex((c, i) => !(/[0-9A-Fa-f]/.test(c) || (i === 0 && /[+-]/.test(c))));
    // a lone sign fails at index 0 with "+" or "-"
    const index = bad < 0 ? 0 : bad;
    throw new UrlDecodeError(
      `URLDecoder: Illegal hex characters in escape (%) pattern - Error at index ${index} in: "${text}"`,
    );
  }
  return (m[1] === '-' ? -1 : 1) * parseInt(m[2], 16);
}

export function javaUrlDecode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i + 2 < s.length && s[i] === '%') {
        const v = parseHexPair(s, i + 1);
        if (v < 0)
          throw new UrlDecodeError(
            'URLDecoder: Illegal hex characters in escape (%) pattern - negative value',
          );
        bytes.push(v);
        i += 3;
      }
      if (i < s.length && s[i] === '%')
        throw new UrlDecodeError('URLDecoder: Incomplete trailing escape (%) pattern');
      out += Buffer.from(bytes).toString('utf8');
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
