import { CorpusFormatError } from '../../conformance/corpus-error';

/**
 * Runs `fn` on possibly malformed input. It must either return normally or throw a CorpusFormatError whose
 * message starts with `file:line: ` — never a TypeError or any other crash.
 */
export function expectReturnsOrFormatError(fn: () => unknown, file: string): 'ok' | 'error' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (!(e instanceof CorpusFormatError)) {
      throw new Error(`expected a CorpusFormatError, got ${e instanceof Error ? e.stack : String(e)}`);
    }
    expect(e.file).toBe(file);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.message.startsWith(`${file}:${e.line}: `)).toBe(true);
    return 'error';
  }
}

/** Deterministic PRNG (mulberry32) so that the garbage-input tests are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random bytes decoded as latin1 (every byte value survives, including NUL, CR and LF). */
export function junk(random: () => number, length: number): string {
  let s = '';
  for (let k = 0; k < length; k++) s += String.fromCharCode(Math.floor(random() * 256));
  return s;
}

/**
 * Mutations of a real file: truncation at a random point, a dropped line, a duplicated line, junk spliced in,
 * a line cut in half.
 */
export function mutate(text: string, random: () => number): string {
  const lines = text.split('\n');
  const pick = (): number => Math.floor(random() * lines.length);
  switch (Math.floor(random() * 5)) {
    case 0:
      return text.slice(0, Math.floor(random() * text.length));
    case 1:
      lines.splice(pick(), 1);
      return lines.join('\n');
    case 2: {
      const k = pick();
      lines.splice(k, 0, lines[k] ?? '');
      return lines.join('\n');
    }
    case 3: {
      const k = Math.floor(random() * text.length);
      return text.slice(0, k) + junk(random, 1 + Math.floor(random() * 40)) + text.slice(k);
    }
    default: {
      const k = pick();
      const l = lines[k] ?? '';
      lines[k] = l.slice(0, Math.floor(l.length / 2));
      return lines.join('\n');
    }
  }
}
