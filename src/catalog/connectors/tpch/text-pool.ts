/**
 * The text pool: 300 MiB of pseudo-English that every comment column is cut from.
 *
 * dbgen builds it once from the sentence grammar in dists.dss (grammar → noun, verb and
 * prepositional phrases → weighted words) with its own random stream (seed 933588178), and a
 * comment is a random-length window at a random offset. The offsets depend on the pool's size,
 * so the size is dbgen's exactly. Building takes a few seconds, so it is done lazily, once per
 * process, and kept.
 *
 * The pool is held as JS strings of 1 MiB each, so a comment is a `substring` — a V8 sliced
 * string, no copy, no call into C++ — rather than a decode from bytes, which is about fifteen
 * times slower per comment and makes far more garbage.
 */

import { DISTRIBUTIONS } from './dists';
import type { Distribution } from './distribution';
import { RandomInt } from './random';

export const TEXT_POOL_SIZE = 300 * 1024 * 1024;
const TEXT_POOL_SEED = 933588178;
/** Room past a chunk's end for the sentence that crosses it. */
const MAX_SENTENCE_LENGTH = 256;
const CHUNK_BITS = 20;
const CHUNK_SIZE = 1 << CHUNK_BITS;

export class TextPool {
  private constructor(
    private readonly chunks: readonly string[],
    readonly size: number,
  ) {}

  /** The pool text in [begin, end). */
  text(begin: number, end: number): string {
    if (begin < 0 || end > this.size || begin > end) {
      throw new RangeError(`text pool range [${begin}, ${end}) is outside [0, ${this.size})`);
    }
    const chunk = begin >>> CHUNK_BITS;
    const chunkStart = chunk * CHUNK_SIZE;
    if (end <= chunkStart + CHUNK_SIZE)
      return this.chunks[chunk].substring(begin - chunkStart, end - chunkStart);
    // one comment in about forty thousand crosses into the next chunk
    return this.chunks[chunk].substring(begin - chunkStart) + this.text(chunkStart + CHUNK_SIZE, end);
  }

  private static shared: TextPool | null = null;

  /** The process-wide pool of dbgen's size, built on first use. */
  static get(): TextPool {
    TextPool.shared ??= TextPool.build(TEXT_POOL_SIZE);
    return TextPool.shared;
  }

  /** A pool of another size (tests only: any size other than dbgen's gives other comments). */
  static build(size: number): TextPool {
    return new TextPool(buildPool(size), size);
  }
}

/** Token codes of the sentence grammar. */
const enum Token {
  Adverb,
  Verb,
  Auxiliary,
  Article,
  Adjective,
  Noun,
  VerbPhrase,
  NounPhrase,
  PrepositionalPhrase,
  Terminator,
  Comma,
}

const TOKEN_BY_LETTER: Record<string, Record<string, Token>> = {
  grammar: { V: Token.VerbPhrase, N: Token.NounPhrase, P: Token.PrepositionalPhrase, T: Token.Terminator },
  vp: { D: Token.Adverb, V: Token.Verb, X: Token.Auxiliary },
  np: { A: Token.Article, J: Token.Adjective, D: Token.Adverb, N: Token.Noun, ',': Token.Comma },
};

/**
 * A phrase distribution compiled to token lists. Grammar and verb-phrase entries are read at
 * every other letter ("N V P T"); noun phrases letter by letter, skipping spaces ("J, J N").
 */
function compilePhrases(distribution: Distribution, everyOther: boolean): Token[][] {
  const letters = TOKEN_BY_LETTER[distribution.name];
  return distribution.values.map((value) => {
    const tokens: Token[] = [];
    for (let i = 0; i < value.length; i += everyOther ? 2 : 1) {
      if (value[i] === ' ') continue;
      const token = letters[value[i]];
      if (token === undefined) throw new Error(`unknown token '${value[i]}' in TPC-H ${distribution.name}`);
      tokens.push(token);
    }
    return tokens;
  });
}

/** The words of the word distributions, encoded once into one byte array. */
class Lexicon {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Indexed by Token (word tokens only). */
  readonly distributions: Distribution[] = [];
  /** Indexed by Token: the word id of the distribution's first value. */
  readonly firstIds: number[] = [];

  constructor(byToken: ReadonlyArray<readonly [Token, Distribution]>) {
    const words: string[] = [];
    for (const [token, distribution] of byToken) {
      this.distributions[token] = distribution;
      this.firstIds[token] = words.length;
      words.push(...distribution.values);
    }
    this.bytes = Uint8Array.from(words.join(''), (c) => c.charCodeAt(0));
    this.start = new Int32Array(words.length);
    this.end = new Int32Array(words.length);
    for (let id = 0, offset = 0; id < words.length; id++) {
      this.start[id] = offset;
      offset += words[id].length;
      this.end[id] = offset;
    }
  }
}

const SPACE = 0x20;
const COMMA = 0x2c;

/**
 * Writes sentences until `size` bytes are filled, drawing every choice from one stream in
 * dbgen's order: the grammar entry, then each phrase entry and word as the sentence is written.
 * Bytes go to a scratch buffer that is turned into a string chunk whenever a sentence ends past
 * the chunk size (sentences only ever erase their own bytes, so a finished chunk is final).
 */
function buildPool(size: number): string[] {
  const d = DISTRIBUTIONS;
  const lexicon = new Lexicon([
    [Token.Adverb, d.adverbs],
    [Token.Verb, d.verbs],
    [Token.Auxiliary, d.auxiliaries],
    [Token.Article, d.articles],
    [Token.Adjective, d.adjectives],
    [Token.Noun, d.nouns],
    [Token.PrepositionalPhrase, d.prepositions],
    [Token.Terminator, d.terminators],
  ]);
  const grammar = compilePhrases(d.grammar, true);
  const verbPhrases = compilePhrases(d.verbPhrases, true);
  const nounPhrases = compilePhrases(d.nounPhrases, false);
  const random = new RandomInt(TEXT_POOL_SEED, 0x7fffffff);
  const { bytes, start, end, distributions, firstIds } = lexicon;
  const out = new Uint8Array(CHUNK_SIZE + MAX_SENTENCE_LENGTH);
  const outText = Buffer.from(out.buffer, out.byteOffset, out.length);
  const chunks: string[] = [];

  // each writer takes the write position and returns the new one (a local is faster than a
  // variable shared by closures)
  const word = (token: Token, at: number): number => {
    const id = firstIds[token] + distributions[token].randomIndex(random);
    for (let i = start[id], e = end[id]; i < e; i++) out[at++] = bytes[i];
    return at;
  };

  const nounPhrase = (at: number): number => {
    const tokens = nounPhrases[d.nounPhrases.randomIndex(random)];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i] === Token.Comma) {
        // the comma takes the place of the space after the previous word
        out[at - 1] = COMMA;
      } else {
        at = word(tokens[i], at);
      }
      out[at++] = SPACE;
    }
    return at;
  };

  const verbPhrase = (at: number): number => {
    const tokens = verbPhrases[d.verbPhrases.randomIndex(random)];
    for (let i = 0; i < tokens.length; i++) {
      at = word(tokens[i], at);
      out[at++] = SPACE;
    }
    return at;
  };

  let length = 0;
  let written = 0;
  while (written < size) {
    const tokens = grammar[d.grammar.randomIndex(random)];
    for (let i = 0; i < tokens.length; i++) {
      switch (tokens[i]) {
        case Token.VerbPhrase:
          length = verbPhrase(length);
          break;
        case Token.NounPhrase:
          length = nounPhrase(length);
          break;
        case Token.PrepositionalPhrase:
          length = word(Token.PrepositionalPhrase, length);
          out[length++] = SPACE;
          out[length++] = 0x74; // t
          out[length++] = 0x68; // h
          out[length++] = 0x65; // e
          out[length++] = SPACE;
          length = nounPhrase(length);
          break;
        case Token.Terminator:
          // the terminator abuts the last word
          length = word(Token.Terminator, length - 1);
          break;
      }
      if (out[length - 1] !== SPACE) out[length++] = SPACE;
    }
    if (length >= CHUNK_SIZE || written + length >= size) {
      const chunkLength = Math.min(CHUNK_SIZE, size - written);
      chunks.push(outText.toString('latin1', 0, chunkLength));
      written += chunkLength;
      out.copyWithin(0, chunkLength, length);
      length -= chunkLength;
    }
  }
  return chunks;
}
