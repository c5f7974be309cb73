// Expected values: trino.io/docs functions/regexp.html and Trino's TestJoniRegexpFunctions /
// java.util.regex behaviour for the translated constructs.
import { compilePattern } from '../../src/functions';
import { big, evaluate, expectError, int, lambda, str, typeOf, type Arg } from './helpers';

type Case = [string, Arg[], string];

const SENTENCE = 'I have 23 apples, 5 pears and 13 oranges';
const EMOJI = '\u{1F600}';

describe('regular expression functions', () => {
  test.each<Case>([
    // documentation examples
    ['regexp_count', [str('1a 2b 14m'), str('\\s*[a-z]+\\s*')], '3'],
    ['regexp_extract_all', [str('1a 2b 14m'), str('\\d+')], '[1, 2, 14]'],
    ['regexp_extract_all', [str('1a 2b 14m'), str('(\\d+)([a-z]+)'), big(2)], '[a, b, m]'],
    ['regexp_extract', [str('1a 2b 14m'), str('\\d+')], '1'],
    ['regexp_extract', [str('1a 2b 14m'), str('(\\d+)([a-z]+)'), big(2)], 'a'],
    ['regexp_like', [str('1a 2b 14m'), str('\\d+b')], 'true'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b')], '8'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b'), int(5)], '8'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b'), int(12)], '19'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b'), int(5), int(3)], '31'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b'), int(12), int(2)], '31'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b'), int(40)], '-1'],
    ['regexp_position', [str(SENTENCE), str('\\b\\d+\\b'), int(5), int(4)], '-1'],
    ['regexp_replace', [str('1a 2b 14m'), str('\\d+[ab] ')], '14m'],
    ['regexp_replace', [str('1a 2b 14m'), str('(\\d+)([ab]) '), str('3c$2 ')], '3ca 3cb 14m'],
    ['regexp_split', [str('1a 2b 14m'), str('\\s*[a-z]+\\s*')], '[1, 2, 14, ]'],
    // replacement syntax
    ['regexp_replace', [str('abc'), str('(?<alpha>\\w)'), str('1${alpha}')], '1a1b1c'],
    ['regexp_replace', [str('abc'), str('(b)'), str('\\$')], 'a$c'],
    ['regexp_replace', [str('abc'), str('(b)'), str('$11')], 'ab1c'],
    ['regexp_replace', [str('abc'), str('(b)'), str('$0$0')], 'abbc'],
    ['regexp_replace', [str('abc'), str(''), str('X')], 'XaXbXcX'],
    ['regexp_replace', [str('abc'), str('(x)?b'), str('[$1]')], 'a[]c'],
    // empty matches and code points
    ['regexp_extract_all', [str('abc'), str('')], '[, , , ]'],
    ['regexp_count', [str(`a${EMOJI}b`), str('')], '4'],
    ['regexp_extract_all', [str(`${EMOJI}a${EMOJI}`), str('.')], `[${EMOJI}, a, ${EMOJI}]`],
    ['regexp_position', [str(`${EMOJI}${EMOJI}ab`), str('b')], '4'],
    ['regexp_split', [str(''), str('x')], '[]'],
    ['regexp_split', [str('a1b2'), str('\\d')], '[a, b, ]'],
    ['regexp_extract', [str('abc'), str('x')], 'NULL'],
    ['regexp_extract', [str('abc'), str('a(x)?'), big(1)], 'NULL'],
    // Java / Joni semantics that differ from JavaScript
    ['regexp_like', [str('abc\n'), str('c$')], 'true'],
    ['regexp_like', [str('abc\nd'), str('c$')], 'false'],
    ['regexp_like', [str('\r'), str('^.$')], 'true'],
    ['regexp_like', [str('\n'), str('^.$')], 'false'],
    ['regexp_like', [str('\n'), str('(?s)^.$')], 'true'],
    ['regexp_extract_all', [str('a\nb'), str('(?m)^.')], '[a, b]'],
    ['regexp_extract_all', [str('a\nb'), str('^.')], '[a]'],
    ['regexp_like', [str('aaa'), str('a*+a')], 'false'],
    ['regexp_like', [str('aaa'), str('a*a')], 'true'],
    ['regexp_like', [str('abc'), str('(?>a|ab)c')], 'false'],
    ['regexp_like', [str('abc'), str('(?:a|ab)c')], 'true'],
    ['regexp_extract', [str('aab'), str('(a)++b'), big(1)], 'a'],
    ['regexp_extract', [str('xaax'), str('(?>(a))\\1'), big(1)], 'a'],
    ['regexp_extract', [str('xaax'), str('(?>(a))\\1')], 'aa'],
    ['regexp_like', [str('a.b'), str('\\Qa.b\\E')], 'true'],
    ['regexp_like', [str('axb'), str('\\Qa.b\\E')], 'false'],
    ['regexp_like', [str('ABC'), str('(?i)abc')], 'true'],
    ['regexp_extract_all', [str('Ägypten ça 12'), str('\\p{Alpha}+')], '[Ägypten, ça]'],
    ['regexp_extract_all', [str('aB1'), str('[\\p{Lower}\\d]')], '[a, 1]'],
    ['regexp_like', [str('α'), str('\\p{Greek}')], 'true'],
    ['regexp_like', [str('a'), str('\\p{IsLatin}')], 'true'],
    ['regexp_like', [str('A'), str('\\p{Lu}')], 'true'],
    ['regexp_like', [str('A'), str('\\pL')], 'true'],
    ['regexp_like', [str('1'), str('\\P{L}')], 'true'],
    ['regexp_extract', [str('aaaa'), str('a{,2}')], 'aa'],
    ['regexp_like', [str('a{b'), str('a{b')], 'true'],
    ['regexp_like', [str('a}]'), str('a}]')], 'true'],
    ['regexp_like', [str('abab'), str('(ab)\\1')], 'true'],
    ['regexp_like', [str('a-'), str('[\\w-]+$')], 'true'],
    ['regexp_like', [str('b'), str('[a[bc]]')], 'true'],
    ['regexp_like', [str('\u001b'), str('\\e')], 'true'],
    ['regexp_like', [str('a b'), str('a\\hb')], 'true'],
    ['regexp_like', [str('A'), str('\\x{41}')], 'true'],
    ['regexp_like', [str('A'), str('\\0101')], 'true'],
    ['regexp_like', [str('abc'), str('(?x) a b # comment\n c')], 'true'],
    ['regexp_like', [str('end'), str('end\\z')], 'true'],
    ['regexp_like', [str('end\n'), str('end\\Z')], 'true'],
    ['regexp_like', [str('x'), str('\\Ax')], 'true'],
    ['regexp_extract', [str('ab'), str('(?<x>a)(b)'), big(2)], 'b'],
  ])('%s(%j) → %s', (name, args, expected) => {
    expect(evaluate(name, ...args)).toBe(expected);
  });

  test('result types keep varchar(x)', () => {
    expect(typeOf('regexp_extract', str('abc'), str('b'))).toBe('varchar(3)');
    expect(typeOf('regexp_extract_all', str('abc'), str('b'))).toBe('array(varchar(3))');
    expect(typeOf('regexp_replace', str('abc'), str('b'))).toBe('varchar(3)');
    expect(typeOf('regexp_replace', str('abc'), str('b'), str('xy'))).toBe('varchar(15)'); // x + max(x*y/2, y) * (x + 1)
    expect(typeOf('regexp_position', str('abc'), str('b'))).toBe('integer');
    expect(typeOf('regexp_count', str('abc'), str('b'))).toBe('bigint');
  });

  test('regexp_replace with a lambda (documentation example)', () => {
    const fn = lambda((x: (string | null)[]) => x[0]!.toUpperCase() + x[1]!.toLowerCase(), 'varchar');
    expect(evaluate('regexp_replace', str('new york'), str('(\\w)(\\w*)'), fn)).toBe('New York');
  });

  test('compiled patterns are cached', () => {
    expect(compilePattern('a+b')).toBe(compilePattern('a+b'));
    expect(compilePattern('(a)(?<n>b)').groupCount).toBe(2);
  });

  test.each<[string, Arg[], string, string | RegExp]>([
    [
      'regexp_extract',
      [str('abc'), str('(a)'), big(2)],
      'INVALID_FUNCTION_ARGUMENT',
      'Pattern has 1 groups. Cannot access group 2',
    ],
    [
      'regexp_extract',
      [str('abc'), str('a'), big(-1)],
      'INVALID_FUNCTION_ARGUMENT',
      'Group cannot be negative',
    ],
    [
      'regexp_extract_all',
      [str('abc'), str('a'), big(1)],
      'INVALID_FUNCTION_ARGUMENT',
      'Pattern has 0 groups. Cannot access group 1',
    ],
    [
      'regexp_replace',
      [str('abc'), str('(b)'), str('$2')],
      'INVALID_FUNCTION_ARGUMENT',
      'Illegal replacement sequence: unknown group 2',
    ],
    [
      'regexp_replace',
      [str('abc'), str('(b)'), str('$')],
      'INVALID_FUNCTION_ARGUMENT',
      'Illegal replacement sequence: $',
    ],
    [
      'regexp_replace',
      [str('abc'), str('(b)'), str('x\\')],
      'INVALID_FUNCTION_ARGUMENT',
      'Illegal replacement sequence: x\\',
    ],
    [
      'regexp_replace',
      [str('abc'), str('(b)'), str('$x')],
      'INVALID_FUNCTION_ARGUMENT',
      'Illegal replacement sequence: $x',
    ],
    [
      'regexp_replace',
      [str('abc'), str('(b)'), str('${nope}')],
      'INVALID_FUNCTION_ARGUMENT',
      'Illegal replacement sequence: unknown group { nope }',
    ],
    ['regexp_like', [str('abc'), str('[')], 'INVALID_FUNCTION_ARGUMENT', /char-class/],
    ['regexp_like', [str('abc'), str('(a')], 'INVALID_FUNCTION_ARGUMENT', /parenthesis/],
    ['regexp_like', [str('abc'), str('*a')], 'INVALID_FUNCTION_ARGUMENT', /target of repeat/],
    ['regexp_like', [str('abc'), str('a(?i)b')], 'INVALID_FUNCTION_ARGUMENT', /inline flags/],
    ['regexp_like', [str('abc'), str('(?d)a')], 'INVALID_FUNCTION_ARGUMENT', /\(\?d\)/],
    ['regexp_like', [str('abc'), str('\\p{InGreek}')], 'INVALID_FUNCTION_ARGUMENT', /blocks/],
    ['regexp_like', [str('abc'), str('\\p{NoSuchProperty}')], 'INVALID_FUNCTION_ARGUMENT', /property/],
    [
      'regexp_position',
      [str('abc'), str('b'), int(0)],
      'INVALID_FUNCTION_ARGUMENT',
      'start position cannot be smaller than 1',
    ],
    [
      'regexp_position',
      [str('abc'), str('b'), int(1), int(0)],
      'INVALID_FUNCTION_ARGUMENT',
      'occurrence cannot be smaller than 1',
    ],
  ])('%s(%j) fails with %s', (name, args, code, message) => {
    expectError(() => evaluate(name, ...args), code, message);
  });
});
