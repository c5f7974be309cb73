/**
 * Regular expression functions (Trino's JoniRegexpFunctions; trino.io/docs functions/regexp.html).
 *
 * Trino evaluates patterns with Joni (Oniguruma) in Java syntax. Tessera translates each pattern
 * once into a JavaScript RegExp with the `u` flag (cached, bounded) and runs that:
 *
 *   Java / Joni                       JavaScript emitted
 *   `.`  (not `\n` only)              `[^\n]`             (JS `.` also excludes \r, \u2028, \u2029)
 *   `(?s)` `.`                        `[\s\S]`
 *   `^` `$` (no (?m))                 `^`, `(?=\n?(?![\s\S]))` ($ also matches before a final \n)
 *   `^` `$` with (?m)                 `(?<=^|\n)`, `(?=\n|(?![\s\S]))` (only \n ends a line, as Trino documents)
 *   `\A` `\z` `\Z`                    `^`, `(?![\s\S])`, `(?=\n?(?![\s\S]))`
 *   `(?i)` `(?s)` `(?m)` `(?x)` at the start of the pattern → JS flag / translation mode
 *   `(?>X)` atomic group, `X*+` `X++` `X?+` `X{n,m}+` possessive quantifiers
 *                                     `(?=(X))\k` emulation with an extra hidden capture group
 *   `\Q…\E`                           escaped literal text
 *   `\p{Alpha}` `\p{Digit}` … (Oniguruma POSIX names, Unicode-aware), `\p{IsLatin}`, `\p{Greek}`,
 *   `\p{OldItalic}` (underscores dropped), `\p{Lu}`, `\pL`
 *                                     `\p{Alphabetic}`, `\p{Nd}`, `\p{Script=Latin}`, …
 *   `\h` `\H` `\R` `\e` `\a` `\0oo` `\x{h…}`
 *                                     explicit classes / code point escapes
 *   `{,n}`                            `{0,n}`;  a `{`/`}`/`]` that is not syntax → escaped literal
 *   `[a[bc]]` (class union)           flattened `[abc]`
 *   `\1`…`\99` (largest existing group), `\k<name>`
 *                                     renumbered to the JS groups
 * Not supported (INVALID_FUNCTION_ARGUMENT): flags that change mid-pattern (`a(?i)b`, `(?i:…)`),
 * `(?d)` (also unsupported by Trino), `\G`, `\X`, class intersection `[a-z&&[^e]]`, Unicode blocks
 * `\p{InGreek}`. `\w`, `\d`, `\b` are ASCII as in Java; `\s` follows JavaScript (Unicode spaces).
 *
 * Matching semantics follow Joni: after an empty match the search resumes one code point later;
 * group numbers and names are those of the original pattern. Replacement strings follow Trino:
 * `$n` (the longest group number that exists), `${name}`, `\` escapes the next character.
 */

import type { Int64, SqlType } from '../types';
import type { ScalarFunctionSpec } from './registry';
import { big, countCodePoints, invalidArgument, offsetOfCodePoint } from './util';

export interface CompiledPattern {
  readonly source: string;
  /** Global + unicode regex; callers set lastIndex before exec. */
  readonly regex: RegExp;
  /** Number of capturing groups of the original pattern. */
  readonly groupCount: number;
  /** User group number → JS group index. */
  readonly groupMap: readonly number[];
  /** Group name → user group number. */
  readonly names: ReadonlyMap<string, number>;
}

// ---------------------------------------------------------------------------------------------
// Unicode properties

const propertyCache = new Map<string, boolean>();

function jsPropertyValid(name: string): boolean {
  let ok = propertyCache.get(name);
  if (ok === undefined) {
    try {
      new RegExp(`\\p{${name}}`, 'u');
      ok = true;
    } catch {
      ok = false;
    }
    propertyCache.set(name, ok);
  }
  return ok;
}

/** Oniguruma's POSIX bracket property names, Unicode-aware: class contents (without brackets). */
const POSIX_PROPERTIES: Record<string, { items: string; negatedSet?: boolean }> = {
  alnum: { items: '\\p{Alphabetic}\\p{Nd}' },
  alpha: { items: '\\p{Alphabetic}' },
  blank: { items: '\\p{Zs}\\t' },
  cntrl: { items: '\\p{Cc}' },
  digit: { items: '\\p{Nd}' },
  graph: { items: '\\p{White_Space}\\p{Cc}\\p{Cs}\\p{Cn}', negatedSet: true },
  lower: { items: '\\p{Lowercase}' },
  print: { items: '\\p{Cc}\\p{Cs}\\p{Cn}\\p{Zl}\\p{Zp}\\t\\n\\v\\f\\r\\x85', negatedSet: true },
  punct: { items: '\\p{P}' },
  space: { items: '\\p{White_Space}' },
  upper: { items: '\\p{Uppercase}' },
  xdigit: { items: '0-9A-Fa-f' },
  word: { items: '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}' },
  ascii: { items: '\\x00-\\x7F' },
  any: { items: '\\s\\S' },
};

function propertyVariants(name: string): string[] {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\s-]+/)
    .filter((w) => w.length > 0);
  const cap = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase());
  return [...new Set([name, words.join('_'), cap.join('_'), cap.join('')])];
}

/**
 * Translates `\p{name}` (or `\P{name}` when negated). Returns the JS text to emit: a single escape
 * usable anywhere, or (for multi-item classes) class contents with `items`.
 */
function translateProperty(
  rawName: string,
  negated: boolean,
): { escape: string } | { items: string; negated: boolean } {
  let name = rawName.trim();
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  const key = name.toLowerCase().replace(/[_\s-]/g, '');
  const posix = POSIX_PROPERTIES[key] ?? (key.startsWith('is') ? POSIX_PROPERTIES[key.slice(2)] : undefined);
  if (posix) {
    const neg = posix.negatedSet ? !negated : negated;
    if (!posix.negatedSet && /^\\p\{[^}]+\}$/.test(posix.items)) {
      return { escape: negated ? posix.items.replace('\\p', '\\P') : posix.items };
    }
    return { items: posix.items, negated: neg };
  }
  if (/^in/i.test(name) && !jsPropertyValid(name)) {
    throw invalidArgument(`Unicode blocks are not supported in regular expressions: \\p{${rawName}}`);
  }
  const bases = /^is/i.test(name) && name.length > 2 ? [name.slice(2), name] : [name];
  for (const base of bases) {
    for (const v of propertyVariants(base)) {
      for (const candidate of [v, `Script=${v}`]) {
        if (jsPropertyValid(candidate)) return { escape: `\\${negated ? 'P' : 'p'}{${candidate}}` };
      }
    }
  }
  throw invalidArgument(`invalid character property name {${rawName}}`);
}

// ---------------------------------------------------------------------------------------------
// Translation

const SYNTAX_CHARS = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
const HORIZONTAL_SPACE = ' \\t\\xA0\\u1680\\u180E\\u2000-\\u200A\\u202F\\u205F\\u3000';
const LINEBREAK = '(?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029])';

function cpEscape(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

function literal(ch: string, inClass: boolean): string {
  if (ch.charCodeAt(0) < 0x20) return cpEscape(ch.charCodeAt(0));
  if (inClass) return ch === '\\' || ch === ']' || ch === '[' || ch === '^' || ch === '-' ? '\\' + ch : ch;
  return SYNTAX_CHARS.has(ch) ? '\\' + ch : ch;
}

interface Flags {
  caseInsensitive: boolean;
  dotAll: boolean;
  multiline: boolean;
  comments: boolean;
}

function unsupported(what: string): never {
  throw invalidArgument(`Unsupported regular expression construct: ${what}`);
}

class Translator {
  private i = 0;
  private out = '';
  private userGroups = 0;
  private hiddenGroups = 0;
  readonly groupMap: number[] = [0];
  readonly names = new Map<string, number>();
  private readonly stack: { kind: 'plain' | 'atomic'; start: number; hiddenGroup?: number }[] = [];
  /** Output offset where the most recent quantifiable atom starts, or -1. */
  private atomStart = -1;
  readonly flags: Flags = { caseInsensitive: false, dotAll: false, multiline: false, comments: false };

  constructor(private readonly p: string) {}

  get groupCount(): number {
    return this.userGroups;
  }

  translate(): string {
    this.leadingFlags();
    while (this.i < this.p.length) this.step();
    if (this.stack.length > 0) throw invalidArgument(`end pattern with unmatched parenthesis`);
    return this.out;
  }

  private leadingFlags(): void {
    for (;;) {
      const m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/.exec(this.p.slice(this.i));
      if (!m) return;
      this.applyFlags(m[1], true);
      if (m[2]) this.applyFlags(m[2], false);
      this.i += m[0].length;
    }
  }

  private applyFlags(letters: string, on: boolean): void {
    for (const f of letters) {
      switch (f) {
        case 'i':
          this.flags.caseInsensitive = on;
          break;
        case 's':
          this.flags.dotAll = on;
          break;
        case 'm':
          this.flags.multiline = on;
          break;
        case 'x':
          this.flags.comments = on;
          break;
        case 'u':
        case 'U':
          break;
        case 'd':
          throw invalidArgument('Regular expression flag (?d) is not supported');
        default:
          throw invalidArgument(`undefined group option: ${f}`);
      }
    }
  }

  private emitAtom(text: string): void {
    this.atomStart = this.out.length;
    this.out += text;
  }

  private step(): void {
    const p = this.p;
    const c = p[this.i];
    if (this.flags.comments) {
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\x0B') {
        this.i++;
        return;
      }
      if (c === '#') {
        while (this.i < p.length && p[this.i] !== '\n') this.i++;
        return;
      }
    }
    switch (c) {
      case '\\':
        this.escape();
        return;
      case '[':
        this.emitAtom(this.characterClass());
        return;
      case '(':
        this.openGroup();
        return;
      case ')':
        this.closeGroup();
        return;
      case '|':
        this.out += '|';
        this.atomStart = -1;
        this.i++;
        return;
      case '.':
        this.emitAtom(this.flags.dotAll ? '[\\s\\S]' : '[^\\n]');
        this.i++;
        return;
      case '^':
        this.out += this.flags.multiline ? '(?<=^|\\n)' : '^';
        this.atomStart = -1;
        this.i++;
        return;
      case '$':
        this.out += this.flags.multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))';
        this.atomStart = -1;
        this.i++;
        return;
      case '*':
      case '+':
      case '?':
        this.quantifier(c);
        return;
      case '{': {
        const m = /^\{(\d*)(,(\d*))?\}/.exec(p.slice(this.i));
        if (m && (m[1] !== '' || (m[2] !== undefined && m[3] !== ''))) {
          const min = m[1] === '' ? '0' : m[1];
          this.quantifier(`{${min}${m[2] !== undefined ? ',' + m[3] : ''}}`, m[0].length);
          return;
        }
        this.emitAtom('\\{');
        this.i++;
        return;
      }
      case '}':
      case ']':
        this.emitAtom('\\' + c);
        this.i++;
        return;
      default: {
        const cp = p.codePointAt(this.i)!;
        const ch = String.fromCodePoint(cp);
        this.emitAtom(literal(ch, false));
        this.i += ch.length;
      }
    }
  }

  private quantifier(q: string, length = 1): void {
    if (this.atomStart < 0) throw invalidArgument(`target of repeat operator is not specified`);
    this.i += length;
    let suffix = '';
    if (this.p[this.i] === '?') {
      suffix = '?';
      this.i++;
    } else if (this.p[this.i] === '+') {
      // possessive: (?=(ATOM Q))\k
      this.i++;
      const atom = this.out.slice(this.atomStart);
      const hidden = this.newHiddenGroup();
      this.out =
        this.out.slice(0, this.atomStart) +
        `(?:(?=\u0001H${hidden}\u0001(${atom}${q}))\u0002H${hidden}\u0002)`;
      this.atomStart = -1;
      return;
    }
    this.out += q + suffix;
    this.atomStart = -1;
  }

  /** A capture group the user does not see (atomic/possessive emulation): returns its marker id. */
  private newHiddenGroup(): number {
    return ++this.hiddenGroups;
  }

  private openGroup(): void {
    const rest = this.p.slice(this.i);
    const start = this.out.length;
    if (rest.startsWith('(?#')) {
      const end = this.p.indexOf(')', this.i);
      if (end < 0) throw invalidArgument('end pattern in group');
      this.i = end + 1;
      return;
    }
    if (!rest.startsWith('(?')) {
      this.userGroups++;
      this.stack.push({ kind: 'plain', start });
      this.out += `\u0001U${this.userGroups}\u0001(`;
      this.i++;
      return;
    }
    let m: RegExpExecArray | null;
    if ((m = /^\(\?(?:P?<([A-Za-z][A-Za-z0-9_]*)>|'([A-Za-z][A-Za-z0-9_]*)')/.exec(rest))) {
      const name = m[1] ?? m[2];
      this.userGroups++;
      if (this.names.has(name)) throw invalidArgument(`multiplex defined name <${name}>`);
      this.names.set(name, this.userGroups);
      this.stack.push({ kind: 'plain', start });
      this.out += `\u0001U${this.userGroups}\u0001(?<${name}>`;
      this.i += m[0].length;
      return;
    }
    for (const prefix of ['(?:', '(?=', '(?!', '(?<=', '(?<!']) {
      if (rest.startsWith(prefix)) {
        this.stack.push({ kind: 'plain', start });
        this.out += prefix;
        this.i += prefix.length;
        return;
      }
    }
    if (rest.startsWith('(?>')) {
      const hidden = this.newHiddenGroup();
      this.stack.push({ kind: 'atomic', start, hiddenGroup: hidden });
      this.out += `(?:(?=\u0001H${hidden}\u0001(`;
      this.i += 3;
      return;
    }
    if ((m = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest))) {
      // inline flags: only accepted when they change nothing
      const before = { ...this.flags };
      this.applyFlags(m[1], true);
      if (m[2]) this.applyFlags(m[2], false);
      const changed = (Object.keys(before) as (keyof Flags)[]).some((k) => before[k] !== this.flags[k]);
      if (changed) unsupported(`inline flags in the middle of a pattern (${m[0]})`);
      this.i += m[0].length;
      if (m[3] === ':') {
        this.stack.push({ kind: 'plain', start });
        this.out += '(?:';
      }
      return;
    }
    throw invalidArgument(`undefined group option`);
  }

  private closeGroup(): void {
    const g = this.stack.pop();
    if (g === undefined) throw invalidArgument('unmatched close parenthesis');
    this.out += g.kind === 'atomic' ? `))\u0002H${g.hiddenGroup}\u0002)` : ')';
    this.atomStart = g.start;
    this.i++;
  }

  private escape(): void {
    const p = this.p;
    const next = p[this.i + 1];
    if (next === undefined) throw invalidArgument('end pattern at escape');
    const simple = this.simpleEscape(false);
    if (simple !== undefined) {
      this.emitAtom(simple);
      return;
    }
    switch (next) {
      case 'b':
      case 'B':
        this.out += '\\' + next;
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'A':
        this.out += '^';
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'z':
        this.out += '(?![\\s\\S])';
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'Z':
        this.out += '(?=\\n?(?![\\s\\S]))';
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'G':
        unsupported('\\G');
        return;
      case 'X':
        unsupported('\\X');
        return;
      case 'R':
        this.emitAtom(LINEBREAK);
        this.i += 2;
        return;
      case 'Q': {
        const end = p.indexOf('\\E', this.i + 2);
        const text = end < 0 ? p.slice(this.i + 2) : p.slice(this.i + 2, end);
        this.i = end < 0 ? p.length : end + 2;
        for (const ch of text) this.emitAtom(literal(ch, false));
        return;
      }
      case 'E':
        this.i += 2;
        return;
      case 'k': {
        const m = /^\\k<([A-Za-z][A-Za-z0-9_]*)>/.exec(p.slice(this.i));
        if (!m) throw invalidArgument('invalid backref name');
        this.emitAtom(`\\k<${m[1]}>`);
        this.i += m[0].length;
        return;
      }
      default:
        break;
    }
    if (next >= '1' && next <= '9') {
      // backreference: resolved after the whole pattern is known
      const m = /^\\(\d+)/.exec(p.slice(this.i))!;
      this.atomStart = this.out.length;
      this.out += `\u0002B${m[1]}\u0002`;
      this.i += m[0].length;
      return;
    }
    throw invalidArgument(`invalid escape sequence \\${next}`);
  }

  /**
   * Escapes that mean the same inside and outside a class: returns JS text and advances, or
   * undefined (nothing consumed). In a class a multi-item property returns its items.
   */
  private simpleEscape(inClass: boolean): string | undefined {
    const p = this.p;
    const next = p[this.i + 1];
    switch (next) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
      case 't':
      case 'n':
      case 'r':
      case 'f':
      case 'v':
        this.i += 2;
        return '\\' + next;
      case 'a':
        this.i += 2;
        return '\\x07';
      case 'e':
        this.i += 2;
        return '\\x1B';
      case 'h':
        this.i += 2;
        return inClass ? HORIZONTAL_SPACE : `[${HORIZONTAL_SPACE}]`;
      case 'H':
        if (inClass) unsupported('\\H inside a character class');
        this.i += 2;
        return `[^${HORIZONTAL_SPACE}]`;
      case 'c': {
        const ctl = p[this.i + 2];
        if (ctl === undefined) throw invalidArgument('end pattern at control');
        this.i += 3;
        return cpEscape(ctl.charCodeAt(0) ^ 64);
      }
      case 'x': {
        const m = /^\\x(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{2}))/.exec(p.slice(this.i));
        if (!m) throw invalidArgument('invalid code point value');
        const cp = parseInt(m[1] ?? m[2], 16);
        if (cp > 0x10ffff) throw invalidArgument('invalid code point value');
        this.i += m[0].length;
        return cpEscape(cp);
      }
      case 'u': {
        const m = /^\\u([0-9a-fA-F]{4})/.exec(p.slice(this.i));
        if (!m) throw invalidArgument('invalid Unicode escape');
        this.i += m[0].length;
        return cpEscape(parseInt(m[1], 16));
      }
      case '0': {
        const m = /^\\0([0-7]{1,3})/.exec(p.slice(this.i));
        if (!m) throw invalidArgument('invalid octal escape');
        let digits = m[1];
        if (digits.length === 3 && digits[0] > '3') digits = digits.slice(0, 2);
        this.i += 2 + digits.length;
        return cpEscape(parseInt(digits, 8));
      }
      case 'p':
      case 'P': {
        let name: string;
        const braced = /^\\[pP]\{([^}]*)\}/.exec(p.slice(this.i));
        if (braced) {
          name = braced[1];
          this.i += braced[0].length;
        } else {
          name = p[this.i + 2];
          if (name === undefined) throw invalidArgument('invalid character property name');
          this.i += 3;
        }
        const t = translateProperty(name, next === 'P');
        if ('escape' in t) return t.escape;
        if (inClass) {
          if (t.negated) unsupported(`negated \\p{${name}} inside a character class`);
          return t.items;
        }
        return `[${t.negated ? '^' : ''}${t.items}]`;
      }
      default:
        if (next !== undefined && !/[A-Za-z0-9]/.test(next)) {
          const cp = p.codePointAt(this.i + 1)!;
          const ch = String.fromCodePoint(cp);
          this.i += 1 + ch.length;
          return literal(ch, inClass);
        }
        return undefined;
    }
  }

  /** Parses a Java character class starting at '[' and returns the JS class text. */
  private characterClass(): string {
    const p = this.p;
    this.i++; // [
    let negated = false;
    if (p[this.i] === '^') {
      negated = true;
      this.i++;
    }
    type Item = { kind: 'char'; text: string } | { kind: 'set'; text: string } | { kind: 'dash' };
    const items: Item[] = [];
    const parseInto = (target: Item[], first: boolean): void => {
      let atStart = first;
      for (;;) {
        if (this.i >= p.length) throw invalidArgument('premature end of char-class');
        const c = p[this.i];
        if (c === ']' && !atStart) {
          this.i++;
          return;
        }
        atStart = false;
        if (c === '[') {
          if (p[this.i + 1] === ':') {
            const m = /^\[:(\^?)([a-zA-Z]+):\]/.exec(p.slice(this.i));
            if (m) {
              const t = translateProperty(m[2], m[1] === '^');
              if ('escape' in t) target.push({ kind: 'set', text: t.escape });
              else if (t.negated) unsupported(`negated [:${m[2]}:]`);
              else target.push({ kind: 'set', text: t.items });
              this.i += m[0].length;
              continue;
            }
          }
          // nested class: union
          this.i++;
          if (p[this.i] === '^') unsupported('negated nested character class');
          parseInto(target, true);
          continue;
        }
        if (c === '&' && p[this.i + 1] === '&') unsupported('character class intersection (&&)');
        if (c === '-') {
          target.push({ kind: 'dash' });
          this.i++;
          continue;
        }
        if (c === '\\') {
          const n = p[this.i + 1];
          if (n === 'Q') {
            const end = p.indexOf('\\E', this.i + 2);
            const text = end < 0 ? p.slice(this.i + 2) : p.slice(this.i + 2, end);
            this.i = end < 0 ? p.length : end + 2;
            for (const ch of text) target.push({ kind: 'char', text: literal(ch, true) });
            continue;
          }
          if (n === 'b') {
            target.push({ kind: 'char', text: '\\x08' });
            this.i += 2;
            continue;
          }
          const isSet = n !== undefined && 'dDwWsShpP'.includes(n);
          const text = this.simpleEscape(true);
          if (text === undefined) throw invalidArgument(`invalid escape sequence \\${n} in character class`);
          target.push({ kind: isSet ? 'set' : 'char', text });
          continue;
        }
        const cp = p.codePointAt(this.i)!;
        const ch = String.fromCodePoint(cp);
        target.push({ kind: 'char', text: literal(ch, true) });
        this.i += ch.length;
      }
    };
    parseInto(items, true);
    let body = '';
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (it.kind === 'dash') {
        const prev = items[k - 1];
        const next = items[k + 1];
        const range =
          prev !== undefined && prev.kind === 'char' && next !== undefined && next.kind === 'char';
        body += range ? '-' : '\\-';
      } else {
        body += it.text;
      }
    }
    return `[${negated ? '^' : ''}${body}]`;
  }

  /**
   * Numbers the JS capture groups (user groups and hidden ones, in output order), fills
   * `groupMap`, and resolves backreference placeholders.
   */
  finish(text: string): string {
    const hidden = new Map<number, number>();
    let js = 0;
    // eslint-disable-next-line no-control-regex
    const numbered = text.replace(/\u0001([UH])(\d+)\u0001/g, (_m, kind: string, n: string) => {
      js++;
      if (kind === 'U') this.groupMap[Number(n)] = js;
      else hidden.set(Number(n), js);
      return '';
    });
    // eslint-disable-next-line no-control-regex
    return numbered.replace(/\u0002([HB])(\d+)\u0002/g, (_m, kind: string, digits: string) => {
      if (kind === 'H') return `\\${hidden.get(Number(digits))}`;
      // Java: the longest prefix that names an existing group; the rest are literal digits
      let n = digits.length;
      while (n > 1 && Number(digits.slice(0, n)) > this.userGroups) n--;
      const group = Number(digits.slice(0, n));
      if (group > this.userGroups) throw invalidArgument(`invalid backref number/name`);
      return `(?:\\${this.groupMap[group]})${digits.slice(n)}`;
    });
  }
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, CompiledPattern>();

/** Compiles (or fetches from the cache) a Java-syntax pattern. */
export function compilePattern(pattern: string): CompiledPattern {
  const cached = cache.get(pattern);
  if (cached !== undefined) {
    cache.delete(pattern);
    cache.set(pattern, cached);
    return cached;
  }
  const t = new Translator(pattern);
  const body = t.finish(t.translate());
  let regex: RegExp;
  try {
    regex = new RegExp(body, 'gu' + (t.flags.caseInsensitive ? 'i' : ''));
  } catch (e) {
    throw invalidArgument(`Invalid regular expression: ${pattern} (${(e as Error).message})`);
  }
  const compiled: CompiledPattern = {
    source: pattern,
    regex,
    groupCount: t.groupCount,
    groupMap: t.groupMap,
    names: t.names,
  };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(pattern, compiled);
  return compiled;
}

// ---------------------------------------------------------------------------------------------
// Matching (Joni's search loop)

interface Match {
  readonly index: number;
  readonly end: number;
  readonly m: RegExpExecArray;
}

/** Next search start after a match: one code point further after an empty match. */
function nextStart(s: string, match: Match): number {
  if (match.end !== match.index) return match.end;
  if (match.index < s.length) {
    const c = s.charCodeAt(match.index);
    return match.end + (c >= 0xd800 && c <= 0xdbff && match.index + 1 < s.length ? 2 : 1);
  }
  return match.end + 1;
}

function search(p: CompiledPattern, s: string, from: number): Match | null {
  if (from > s.length) return null;
  p.regex.lastIndex = from;
  const m = p.regex.exec(s);
  if (m === null) return null;
  return { index: m.index, end: m.index + m[0].length, m };
}

function* matches(p: CompiledPattern, s: string, from = 0): Generator<Match> {
  let start = from;
  for (;;) {
    const match = search(p, s, start);
    if (match === null) return;
    yield match;
    start = nextStart(s, match);
  }
}

function group(p: CompiledPattern, match: Match, g: number): string | null {
  const v = match.m[p.groupMap[g]];
  return v === undefined ? null : v;
}

function validateGroup(p: CompiledPattern, groupIndex: Int64): number {
  const g = big(groupIndex);
  if (g < 0n) throw invalidArgument('Group cannot be negative');
  if (g > BigInt(p.groupCount)) {
    throw invalidArgument(`Pattern has ${p.groupCount} groups. Cannot access group ${groupIndex}`);
  }
  return Number(g);
}

export function regexpLike(s: string, pattern: string): boolean {
  return search(compilePattern(pattern), s, 0) !== null;
}

export function regexpExtract(s: string, pattern: string, groupIndex: Int64 = 0): string | null {
  const p = compilePattern(pattern);
  const g = validateGroup(p, groupIndex);
  const match = search(p, s, 0);
  return match === null ? null : group(p, match, g);
}

export function regexpExtractAll(s: string, pattern: string, groupIndex: Int64 = 0): (string | null)[] {
  const p = compilePattern(pattern);
  const g = validateGroup(p, groupIndex);
  const out: (string | null)[] = [];
  for (const match of matches(p, s)) out.push(group(p, match, g));
  return out;
}

function illegalReplacement(replacement: string): never {
  throw invalidArgument(`Illegal replacement sequence: ${replacement}`);
}

/** Appends Trino's replacement for one match: `$n`, `${name}`, `\x`. */
function appendReplacement(p: CompiledPattern, match: Match, replacement: string): string {
  let out = '';
  let idx = 0;
  const numRegs = p.groupCount + 1;
  while (idx < replacement.length) {
    let c = replacement[idx];
    if (c === '$') {
      idx++;
      if (idx === replacement.length) illegalReplacement(replacement);
      c = replacement[idx];
      let backref: number;
      if (c === '{') {
        idx++;
        const start = idx;
        while (idx < replacement.length && replacement[idx] !== '}') idx++;
        const name = replacement.slice(start, idx);
        const n = p.names.get(name);
        if (n === undefined) throw invalidArgument(`Illegal replacement sequence: unknown group { ${name} }`);
        backref = n;
        idx++;
      } else {
        backref = c.charCodeAt(0) - 48;
        if (backref < 0 || backref > 9) illegalReplacement(replacement);
        if (numRegs <= backref)
          throw invalidArgument(`Illegal replacement sequence: unknown group ${backref}`);
        idx++;
        while (idx < replacement.length) {
          const d = replacement.charCodeAt(idx) - 48;
          if (d < 0 || d > 9) break;
          const candidate = backref * 10 + d;
          if (numRegs <= candidate) break;
          backref = candidate;
          idx++;
        }
      }
      const v = group(p, match, backref);
      if (v !== null) out += v;
    } else {
      if (c === '\\') {
        idx++;
        if (idx === replacement.length) illegalReplacement(replacement);
        c = replacement[idx];
      }
      out += c;
      idx++;
    }
  }
  return out;
}

export function regexpReplace(s: string, pattern: string, replacement = ''): string {
  const p = compilePattern(pattern);
  let out = '';
  let lastEnd = 0;
  for (const match of matches(p, s)) {
    out += s.slice(lastEnd, match.index);
    lastEnd = match.end;
    if (replacement.length > 0) out += appendReplacement(p, match, replacement);
  }
  return out + s.slice(lastEnd);
}

export function regexpReplaceLambda(
  s: string,
  pattern: string,
  fn: (groups: (string | null)[]) => string | null,
): string {
  const p = compilePattern(pattern);
  let out = '';
  let lastEnd = 0;
  for (const match of matches(p, s)) {
    out += s.slice(lastEnd, match.index);
    lastEnd = match.end;
    const groups: (string | null)[] = [];
    for (let g = 1; g <= p.groupCount; g++) groups.push(group(p, match, g));
    const r = fn(groups);
    if (r !== null && r !== undefined) out += r;
  }
  return out + s.slice(lastEnd);
}

export function regexpSplit(s: string, pattern: string): string[] {
  const p = compilePattern(pattern);
  const out: string[] = [];
  let lastEnd = 0;
  for (const match of matches(p, s)) {
    out.push(s.slice(lastEnd, match.index));
    lastEnd = match.end;
  }
  out.push(s.slice(lastEnd));
  return out;
}

export function regexpCount(s: string, pattern: string): number {
  const p = compilePattern(pattern);
  let n = 0;
  for (const _ of matches(p, s)) n++;
  return n;
}

export function regexpPosition(
  s: string,
  pattern: string,
  start: number = 1,
  occurrence: number = 1,
): number {
  if (start < 1) throw invalidArgument('start position cannot be smaller than 1');
  if (occurrence < 1) throw invalidArgument('occurrence cannot be smaller than 1');
  if (start > countCodePoints(s)) return -1;
  const p = compilePattern(pattern);
  const from = offsetOfCodePoint(s, start - 1);
  let count = 0;
  for (const match of matches(p, s, from)) {
    if (++count === occurrence) return countCodePoints(s, 0, match.index) + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Declarations

const RE = 'JoniRegExp';

export const regexpFunctions: ScalarFunctionSpec[] = [
  {
    name: 'regexp_like',
    arguments: ['varchar(x)', RE],
    returns: 'boolean',
    description: 'Returns whether the pattern is contained within the string',
    invoke: (_c, s: string, p: string) => regexpLike(s, p),
  },
  {
    name: 'regexp_extract',
    arguments: ['varchar(x)', RE],
    returns: 'varchar(x)',
    description: 'String extracted using the given pattern',
    invoke: (_c, s: string, p: string) => regexpExtract(s, p),
  },
  {
    name: 'regexp_extract',
    arguments: ['varchar(x)', RE, 'bigint'],
    returns: 'varchar(x)',
    description: 'Returns regex group of extracted string with a pattern',
    invoke: (_c, s: string, p: string, g: Int64) => regexpExtract(s, p, g),
  },
  {
    name: 'regexp_extract_all',
    arguments: ['varchar(x)', RE],
    returns: 'array(varchar(x))',
    description: 'String(s) extracted using the given pattern',
    invoke: (_c, s: string, p: string) => regexpExtractAll(s, p),
  },
  {
    name: 'regexp_extract_all',
    arguments: ['varchar(x)', RE, 'bigint'],
    returns: 'array(varchar(x))',
    description: 'Group(s) extracted using the given pattern',
    invoke: (_c, s: string, p: string, g: Int64) => regexpExtractAll(s, p, g),
  },
  {
    name: 'regexp_replace',
    arguments: ['varchar(x)', RE],
    returns: 'varchar(x)',
    description: 'Removes substrings matching a regular expression',
    invoke: (_c, s: string, p: string) => regexpReplace(s, p),
  },
  {
    name: 'regexp_replace',
    arguments: ['varchar(x)', RE, 'varchar(y)'],
    returns: 'varchar(z)',
    literals: {
      z: (v) => Math.min(2147483647, v.x + Math.max(Math.floor((v.x * v.y) / 2), v.y) * (v.x + 1)),
    },
    description: 'Replaces substrings matching a regular expression by given string',
    invoke: (_c, s: string, p: string, r: string) => regexpReplace(s, p, r),
  },
  {
    name: 'regexp_replace',
    arguments: ['varchar', RE, 'function(array(varchar),varchar(x))'],
    returns: 'varchar',
    description: 'Replaces substrings matching a regular expression using a lambda function',
    invoke: (_c, s: string, p: string, fn: (g: (string | null)[]) => string | null) =>
      regexpReplaceLambda(s, p, fn),
  },
  {
    name: 'regexp_split',
    arguments: ['varchar(x)', RE],
    returns: 'array(varchar(x))',
    description: 'Returns array of strings split by pattern',
    invoke: (_c, s: string, p: string) => regexpSplit(s, p),
  },
  {
    name: 'regexp_count',
    arguments: ['varchar(x)', RE],
    returns: 'bigint',
    description: 'Returns the number of times that a pattern occurs in a string',
    invoke: (_c, s: string, p: string) => regexpCount(s, p),
  },
  {
    name: 'regexp_position',
    arguments: ['varchar(x)', RE],
    returns: 'integer',
    description: 'Returns the index of the matched substring',
    invoke: (_c, s: string, p: string) => regexpPosition(s, p),
  },
  {
    name: 'regexp_position',
    arguments: ['varchar(x)', RE, 'integer'],
    returns: 'integer',
    description: 'Returns the index of the matched substring starting from the specified position',
    invoke: (_c, s: string, p: string, start: number) => regexpPosition(s, p, start),
  },
  {
    name: 'regexp_position',
    arguments: ['varchar(x)', RE, 'integer', 'integer'],
    returns: 'integer',
    description: 'Returns the index of the n-th matched substring starting from the specified position',
    invoke: (_c, s: string, p: string, start: number, occurrence: number) =>
      regexpPosition(s, p, start, occurrence),
  },
];

export type { SqlType };
