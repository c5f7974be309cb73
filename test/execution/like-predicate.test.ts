/** likePredicate: the %-only fast path agrees with the LIKE RegExp on every pattern and value. */
import { likeMatcher, likePredicate } from '../../src/execution/kernels';

test('agrees with the RegExp matcher on %-patterns, _ patterns and escapes', () => {
  const patterns = [
    '%',
    '%%',
    '',
    'ab',
    'a%',
    '%a',
    '%ab%',
    'a%b',
    'a%b%c',
    '%special%requests%',
    'ab%ba',
    '%a%a%',
    'a_c',
    '_%',
    'PROMO%',
  ];
  const values = [
    '',
    'a',
    'ab',
    'ba',
    'aba',
    'abba',
    'abab',
    'abc',
    'axbxc',
    'aXc',
    'xx special yy requests zz',
    'special requests',
    'requests special',
    'PROMO BRASS',
    'PROM',
    'é😀a',
  ];
  for (const p of patterns) {
    const fast = likePredicate(p);
    const re = likeMatcher(p);
    for (const v of values) expect([p, v, fast(v)]).toEqual([p, v, re.test(v)]);
  }
  const escaped = likePredicate('100#%%', '#');
  expect([escaped('100%'), escaped('100% sure'), escaped('1000')]).toEqual([true, true, false]);
});

test('a bad escape is rejected as by the RegExp path', () => {
  expect(() => likePredicate('a#b', '#')).toThrow('Escape character must be followed');
});
