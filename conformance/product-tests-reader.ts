/**
 * Reader for Trino's product tests written in tempto's "convention" format
 * (`trino-product-tests/sql-tests/` in the corpus).
 *
 * `testcases/**\/X.sql`:
 *   - leading `-- key: value; key: value` comment lines are properties (`database`, `groups`, `tables`,
 *     `requires`, `queryType`, `mutable_tables`, and for sectioned files also result options such as
 *     `delimiter` / `ignoreOrder` that apply to every section);
 *   - the rest is the query text (possibly several statements separated by `;`, whose last one yields the
 *     result);
 *   - a file may instead hold `--!` sections: `--! name: foo` (or a bare `--!`) starts a query section, the next
 *     bare `--!` starts its inline result section (optionally opening with its own `-- delimiter: ...` line).
 *     Each (query, result) pair is one case.
 *
 * `X.result`: the first lines `-- delimiter: |; ignoreOrder: true; types: BIGINT|VARCHAR; trimValues: true`
 * give options; every other line is a row, split on the delimiter, a trailing delimiter dropped. Values are
 * kept as written (tempto writes NULL as `null`); with `trimValues: true` they are trimmed.
 *
 * `datasets/NAME.ddl` + `NAME.data` / `NAME.data-generator`: table definitions and contents used by the
 * tests (`-- type: hive|jdbc` header, `%NAME%` / `%EXTERNAL%` / `%LOCATION%` placeholders in the DDL).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusFormatError, splitLines } from './corpus-error';
import { isDirectory, readText, resolveUnder, walkFiles } from './corpus-paths';
import { splitSqlStatements } from './statements';

export type TemptoProperties = Record<string, string>;

export interface ResultOptions {
  delimiter: string;
  ignoreOrder: boolean;
  ignoreExcessRows: boolean;
  trimValues: boolean;
  /** Column types from `types: A|B|C`, when given. */
  types?: string[];
  /** Every property read from the option lines, verbatim (keys and values trimmed). */
  properties: TemptoProperties;
}

export interface ExpectedResult {
  options: ResultOptions;
  rows: string[][];
  /** File holding the rows (the `.result` file, or the `.sql` file for inline section results). */
  path: string;
  /** 1-based line of each row in `path`. */
  rowLines: number[];
}

export interface ProductTestHeader {
  database?: string;
  groups: string[];
  tables: string[];
  requires: string[];
  mutableTables: string[];
  queryType?: string;
  properties: TemptoProperties;
}

export interface ProductTestCase {
  /** Stable id: path below `testcases/` without `.sql`, plus `#section` for sectioned files. */
  name: string;
  /** Section name from `--! name: ...`, if any. */
  sectionName?: string;
  /** 0-based index of the section within its file (0 for single-query files). */
  sectionIndex: number;
  sqlPath: string;
  /** The `.result` file, for single-query files that have one. */
  resultPath?: string;
  /** Path of the `.sql` file relative to `testcases/`, with `/` separators. */
  relativePath: string;
  header: ProductTestHeader;
  /** The query text of the case (all of its statements). */
  sql: string;
  /** `sql` split on top-level semicolons; the last statement produces the compared result. */
  statements: string[];
  /** 1-based line of the first line of `sql` in `sqlPath`. */
  line: number;
  /** Undefined when the case has no result (single-query file without a `.result` file). */
  expected?: ExpectedResult;
  /** True when the header names a Trino (or Presto) connection (`trino`, `trino_tpcds`, `presto`, ...). */
  isTrinoQuery: boolean;
}

const RESULT_OPTION_KEYS = new Set(['delimiter', 'ignoreOrder', 'ignoreExcessRows', 'trimValues', 'types']);

/**
 * Parses a tempto property comment (`-- key: value; key: value;`). Returns undefined when the line is not a
 * `--` comment or holds no `key: value` pair (for example `--- takes over 30 minutes`).
 */
export function parsePropertyLine(line: string): TemptoProperties | undefined {
  if (!line.startsWith('--') || line.startsWith('--!')) return undefined;
  const body = line.slice(2);
  const props: TemptoProperties = {};
  let found = false;
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const key = part.slice(0, colon).trim();
    if (key === '' || /\s/.test(key)) continue;
    props[key] = part.slice(colon + 1).trim();
    found = true;
  }
  return found ? props : undefined;
}

function splitList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function headerFromProperties(properties: TemptoProperties): ProductTestHeader {
  return {
    database: properties['database'],
    groups: splitList(properties['groups']),
    tables: splitList(properties['tables']),
    requires: splitList(properties['requires']),
    mutableTables: splitList(properties['mutable_tables']),
    queryType: properties['queryType'],
    properties,
  };
}

export function isTrinoDatabase(database: string | undefined): boolean {
  return database !== undefined && /^(trino|presto)(_|$)/i.test(database);
}

function parseBoolean(
  value: string | undefined,
  fallback: boolean,
  fail: (reason: string) => never,
): boolean {
  if (value === undefined || value === '') return fallback;
  const v = value.toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  return fail(`expected true or false, got '${value}'`);
}

/** Turns option properties (possibly merged from several lines) into {@link ResultOptions}. */
export function resultOptionsFrom(
  properties: TemptoProperties,
  fail: (reason: string) => never,
): ResultOptions {
  const delimiter =
    properties['delimiter'] === undefined || properties['delimiter'] === '' ? '|' : properties['delimiter'];
  const types =
    properties['types'] !== undefined && properties['types'] !== ''
      ? properties['types'].split('|').map((t) => t.trim())
      : undefined;
  return {
    delimiter,
    ignoreOrder: parseBoolean(properties['ignoreOrder'], false, fail),
    ignoreExcessRows: parseBoolean(properties['ignoreExcessRows'], false, fail),
    trimValues: parseBoolean(properties['trimValues'], false, fail),
    ...(types !== undefined ? { types } : {}),
    properties,
  };
}

/** Splits one result line: on the delimiter, the trailing delimiter dropped, values trimmed if asked. */
export function splitResultRow(
  line: string,
  options: Pick<ResultOptions, 'delimiter' | 'trimValues'>,
): string[] {
  let body = line;
  if (body.endsWith(options.delimiter)) body = body.slice(0, body.length - options.delimiter.length);
  const values = body.split(options.delimiter);
  return options.trimValues ? values.map((v) => v.trim()) : values;
}

export interface ParseResultOptions {
  /** File name for messages and for `ExpectedResult.path`. */
  path?: string;
  /** 1-based line number of the first line of `text` within `path` (for inline results). */
  firstLine?: number;
  /** Properties inherited from an enclosing file (a sectioned `.sql` file's header). */
  inherited?: TemptoProperties;
}

/**
 * Parses tempto result text: leading `--` option lines, then one row per line. Trailing blank lines are
 * ignored; a blank line elsewhere is a row with one empty value.
 */
export function parseResultText(text: string, options: ParseResultOptions = {}): ExpectedResult {
  return parseResultLines(splitLines(text), options);
}

function parseResultLines(lines: string[], options: ParseResultOptions): ExpectedResult {
  const file = options.path ?? '<input>';
  const first = options.firstLine ?? 1;
  const props: TemptoProperties = {};
  for (const [k, v] of Object.entries(options.inherited ?? {})) if (RESULT_OPTION_KEYS.has(k)) props[k] = v;
  let i = 0;
  let optionsLine = first;
  // Leading comment lines: option lines, or plain comments (e.g. `--- todo: ...`).
  while (i < lines.length && lines[i].startsWith('--') && !lines[i].startsWith('--!')) {
    const p = parsePropertyLine(lines[i]);
    if (p) {
      Object.assign(props, p);
      optionsLine = first + i;
    }
    i++;
  }
  const opts = resultOptionsFrom(props, (reason) => {
    throw new CorpusFormatError(file, optionsLine, reason);
  });
  let end = lines.length;
  while (end > i && lines[end - 1].trim() === '') end--;
  const rows: string[][] = [];
  const rowLines: number[] = [];
  for (let k = i; k < end; k++) {
    rows.push(splitResultRow(lines[k], opts));
    rowLines.push(first + k);
  }
  return { options: opts, rows, path: file, rowLines };
}

export function readResultFile(resultPath: string): ExpectedResult {
  return parseResultText(readText(resultPath), { path: resultPath });
}

interface Section {
  /** 0-based index of the `--!` line. */
  start: number;
  marker: string;
  lines: string[];
}

/**
 * Parses one test `.sql` file (with its `.result` partner when present) into cases. `relativePath` is used
 * for case names; it defaults to the file name.
 */
export function parseProductTestFile(
  sqlText: string,
  options: { sqlPath?: string; resultText?: string; resultPath?: string; relativePath?: string } = {},
): ProductTestCase[] {
  const sqlPath = options.sqlPath ?? '<input>';
  const relativePath = options.relativePath ?? path.basename(sqlPath);
  const baseName = relativePath.replace(/\.sql$/, '');
  const lines = splitLines(sqlText);
  const fail = (lineIndex: number, reason: string): never => {
    throw new CorpusFormatError(sqlPath, lineIndex + 1, reason);
  };

  // Preamble: leading `--` comment lines (not `--!`) are properties or plain comments.
  const properties: TemptoProperties = {};
  let i = 0;
  while (i < lines.length && lines[i].startsWith('--') && !lines[i].startsWith('--!')) {
    const p = parsePropertyLine(lines[i]);
    if (p) Object.assign(properties, p);
    i++;
  }
  const header = headerFromProperties(properties);
  const isTrinoQuery = isTrinoDatabase(header.database);

  const firstMarker = lines.findIndex((l, k) => k >= i && l.startsWith('--!'));
  if (firstMarker < 0) {
    // Single query; results in the .result file.
    const body = lines.slice(i);
    const firstCode = body.findIndex((l) => l.trim() !== '');
    if (firstCode < 0) fail(Math.max(lines.length - 1, 0), 'test file has no query');
    const sql = body.join('\n').trim();
    const testCase: ProductTestCase = {
      name: baseName,
      sectionIndex: 0,
      sqlPath,
      relativePath,
      header,
      sql,
      statements: splitSqlStatements(sql),
      line: i + firstCode + 1,
      isTrinoQuery,
    };
    if (options.resultText !== undefined) {
      const resultPath = options.resultPath ?? sqlPath.replace(/\.sql$/, '.result');
      testCase.resultPath = resultPath;
      testCase.expected = parseResultText(options.resultText, { path: resultPath });
    }
    return [testCase];
  }

  // Sectioned file: anything between the preamble and the first `--!` must be blank.
  for (let k = i; k < firstMarker; k++) {
    if (lines[k].trim() !== '') fail(k, `text before the first '--!' section marker`);
  }
  const sections: Section[] = [];
  for (let k = firstMarker; k < lines.length; k++) {
    if (lines[k].startsWith('--!')) sections.push({ start: k, marker: lines[k], lines: [] });
    else sections[sections.length - 1].lines.push(lines[k]);
  }
  if (sections.length % 2 !== 0) {
    const last = sections[sections.length - 1];
    fail(last.start, `query section has no '--!' result section after it`);
  }
  const sectionCount = sections.length / 2;
  const cases: ProductTestCase[] = [];
  for (let s = 0; s < sections.length; s += 2) {
    const query = sections[s];
    const result = sections[s + 1];
    const markerProps = parsePropertyLine(`--${query.marker.slice(3)}`) ?? {};
    const sectionName = markerProps['name'];
    const firstCode = query.lines.findIndex((l) => l.trim() !== '' && !l.startsWith('--'));
    if (firstCode < 0) fail(query.start, 'section has no query');
    if (result.marker.slice(3).trim() !== '') {
      fail(result.start, `result section marker must be a bare '--!', got '${result.marker}'`);
    }
    const sql = query.lines.join('\n').trim();
    const index = s / 2;
    const suffix = sectionName !== undefined ? `#${sectionName}` : sectionCount > 1 ? `#${index}` : '';
    cases.push({
      name: `${baseName}${suffix}`,
      ...(sectionName !== undefined ? { sectionName } : {}),
      sectionIndex: index,
      sqlPath,
      relativePath,
      header,
      sql,
      statements: splitSqlStatements(sql),
      line: query.start + 1 + query.lines.findIndex((l) => l.trim() !== '') + 1,
      expected: parseResultLines(result.lines, {
        path: sqlPath,
        firstLine: result.start + 2,
        inherited: properties,
      }),
      isTrinoQuery,
    });
  }
  return cases;
}

/** Reads one `.sql` test file and its `.result` partner (if any). */
export function readProductTestFile(sqlPath: string, testcasesDir?: string): ProductTestCase[] {
  const resultPath = sqlPath.replace(/\.sql$/, '.result');
  const hasResult = fs.existsSync(resultPath);
  const relativePath =
    testcasesDir !== undefined
      ? path.relative(testcasesDir, sqlPath).split(path.sep).join('/')
      : path.basename(sqlPath);
  return parseProductTestFile(readText(sqlPath), {
    sqlPath,
    relativePath,
    ...(hasResult ? { resultText: readText(resultPath), resultPath } : {}),
  });
}

/**
 * The `sql-tests` directory. `root` may be the corpus root, the `trino-product-tests` folder or the
 * `sql-tests` folder itself; by default the shared corpus is used.
 */
export function productTestsDir(root?: string): string {
  if (root !== undefined) {
    for (const candidate of [
      root,
      path.join(root, 'sql-tests'),
      path.join(root, 'trino-product-tests', 'sql-tests'),
    ]) {
      if (isDirectory(path.join(candidate, 'testcases'))) return path.resolve(candidate);
    }
    throw new Error(`no Trino product tests (a sql-tests/testcases folder) under ${path.resolve(root)}`);
  }
  return resolveUnder(undefined, 'trino-product-tests', 'sql-tests');
}

/** Every case of every `testcases/**\/*.sql` file, in path order. */
export function listProductTestCases(root?: string): ProductTestCase[] {
  const testcases = path.join(productTestsDir(root), 'testcases');
  return walkFiles(testcases, (n) => n.endsWith('.sql')).flatMap((f) => readProductTestFile(f, testcases));
}

// ---------------------------------------------------------------------------------------------------------
// Datasets

export interface ProductTestDataset {
  name: string;
  ddlPath: string;
  /** `-- type:` of the DDL file: `hive` or `jdbc`. */
  type?: string;
  ddlProperties: TemptoProperties;
  /** The CREATE TABLE text, header removed, placeholders (`%NAME%`, `%EXTERNAL%`, `%LOCATION%`) kept. */
  ddl: string;
  /** `ROW FORMAT DELIMITED FIELDS TERMINATED BY 'x'` of the DDL, if present. */
  fieldDelimiter?: string;
  dataPath?: string;
  /**
   * `text`: data lines (hive text tables, split on `fieldDelimiter` into `rows`, `\N` meaning NULL);
   * `result`: data written in tempto result format (jdbc tables; `null` means NULL);
   * `binary`: a binary file such as ORC (only `byteLength` is given);
   * `generator`: a shell script that prints the data (`generatorScript`);
   * `none`: no data file.
   */
  dataKind: 'text' | 'result' | 'binary' | 'generator' | 'none';
  /** Raw data lines (`text` kind). */
  lines?: string[];
  /** Rows with NULLs as null (`text` kind with a field delimiter, and `result` kind). */
  rows?: (string | null)[][];
  result?: ExpectedResult;
  byteLength?: number;
  generatorScript?: string;
}

export function listProductTestDatasets(root?: string): ProductTestDataset[] {
  const datasets = path.join(productTestsDir(root), 'datasets');
  return walkFiles(datasets, (n) => n.endsWith('.ddl')).map((ddl) => readProductTestDataset(ddl));
}

/** Reads `NAME.ddl` and its data partner. Accepts the `.ddl` path. */
export function readProductTestDataset(ddlPath: string): ProductTestDataset {
  const name = path.basename(ddlPath).replace(/\.ddl$/, '');
  const ddlLines = splitLines(readText(ddlPath));
  const ddlProperties: TemptoProperties = {};
  let i = 0;
  while (i < ddlLines.length && ddlLines[i].startsWith('--')) {
    Object.assign(ddlProperties, parsePropertyLine(ddlLines[i]) ?? {});
    i++;
  }
  const ddl = ddlLines.slice(i).join('\n').trim();
  const delimiterMatch = /FIELDS\s+TERMINATED\s+BY\s+'((?:[^'\\]|\\.)*)'/i.exec(ddl);
  const dataset: ProductTestDataset = {
    name,
    ddlPath,
    ...(ddlProperties['type'] !== undefined ? { type: ddlProperties['type'] } : {}),
    ddlProperties,
    ddl,
    ...(delimiterMatch ? { fieldDelimiter: delimiterMatch[1] } : {}),
    dataKind: 'none',
  };
  const base = ddlPath.replace(/\.ddl$/, '');
  const generator = `${base}.data-generator`;
  const data = `${base}.data`;
  if (fs.existsSync(generator)) {
    dataset.dataPath = generator;
    dataset.dataKind = 'generator';
    dataset.generatorScript = readText(generator);
    return dataset;
  }
  if (!fs.existsSync(data)) return dataset;
  dataset.dataPath = data;
  const bytes = fs.readFileSync(data);
  if (looksBinary(bytes)) {
    dataset.dataKind = 'binary';
    dataset.byteLength = bytes.length;
    return dataset;
  }
  const text = bytes.toString('utf8');
  if (text.startsWith('-- delimiter:') || (dataset.type === 'jdbc' && text.startsWith('--'))) {
    const result = parseResultText(text, { path: data });
    dataset.dataKind = 'result';
    dataset.result = result;
    dataset.rows = result.rows.map((r) => r.map((v) => (v === 'null' ? null : v)));
    return dataset;
  }
  dataset.dataKind = 'text';
  dataset.lines = splitLines(text);
  if (dataset.fieldDelimiter !== undefined) {
    const delimiter = dataset.fieldDelimiter;
    dataset.rows = dataset.lines.map((l) => {
      const body = l.endsWith(delimiter) ? l.slice(0, l.length - delimiter.length) : l;
      return body.split(delimiter).map((v) => (v === '\\N' ? null : v));
    });
  }
  return dataset;
}

function looksBinary(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let k = 0; k < n; k++) if (bytes[k] === 0) return true;
  return false;
}
