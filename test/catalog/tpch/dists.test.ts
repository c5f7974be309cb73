/** The distributions embedded in dists.ts are the ones in dists.dss, entry for entry. */

import * as fs from 'fs';
import * as path from 'path';
import { DISTRIBUTIONS } from '../../../src/catalog/connectors/tpch/dists';
import { CONFORMANCE } from './helpers';

/** dists.dss parsed as dbgen reads it: `BEGIN name`, `value|weight` lines, `COUNT|n`, `END name`. */
function readDistsDss(): Map<string, [string, number][]> {
  const text = fs.readFileSync(path.join(CONFORMANCE, 'trinodb-tpch', 'dists.dss'), 'utf8');
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const distributions = new Map<string, [string, number][]>();
  let current: [string, number][] | null = null;
  let count = -1;
  for (const line of lines) {
    const words = line.split(/\s+/);
    if (current === null) {
      if (words.length === 2 && words[0].toLowerCase() === 'begin') {
        current = [];
        distributions.set(words[1].toLowerCase(), current);
      }
    } else if (words[0].toLowerCase() === 'end') {
      expect(current.length).toBe(count);
      current = null;
    } else {
      const [value, weight] = line
        .split('|')
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
      if (value.toLowerCase() === 'count') count = Number(weight);
      else current.push([value, Number(weight)]);
    }
  }
  return distributions;
}

const dss = readDistsDss();

test.each(Object.values(DISTRIBUTIONS).map((d) => [d.name, d] as const))('%s', (name, distribution) => {
  const weights = distribution.cumulativeWeights.map(
    (total, i) => total - (i === 0 ? 0 : distribution.cumulativeWeights[i - 1]),
  );
  expect(distribution.values.map((value, i) => [value, weights[i]])).toEqual(dss.get(name));
});

test('nation region keys are the running sums of the nations weights', () => {
  expect(DISTRIBUTIONS.nations.cumulativeWeights.slice(0, 6)).toEqual([0, 1, 1, 1, 4, 0]);
});
