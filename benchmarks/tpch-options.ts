/** The options every TPC-H benchmark takes: `--sf N`, `--runs N`, `--queries 1,3,6`. */

export interface TpchBenchOptions {
  sf: number;
  runs: number;
  queries: number[];
}

export function parseTpchBenchOptions(argv: readonly string[], defaultRuns: number): TpchBenchOptions {
  const o: TpchBenchOptions = {
    sf: 1,
    runs: defaultRuns,
    queries: Array.from({ length: 22 }, (_, i) => i + 1),
  };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sf') o.sf = Number(argv[++i]);
    else if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--queries') o.queries = argv[++i].split(',').map(Number);
    else throw new Error(`unknown option ${argv[i]}`);
  }
  return o;
}
