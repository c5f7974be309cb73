/**
 * Locates the shared conformance corpus (sqllogictest scripts, TPC-H queries and answers, Trino product tests).
 *
 * The corpus lives outside the repository. Resolution order:
 *   1. the `TESSERA_CONFORMANCE_DIR` environment variable (absolute, or relative to the working directory);
 *   2. `../shared/conformance` relative to the repository root.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CONFORMANCE_DIR_ENV = 'TESSERA_CONFORMANCE_DIR';

/**
 * The repository root: the nearest ancestor of this module's directory that holds a `package.json`. Works
 * whether this file runs from `conformance/` (ts via jest) or from a compiled copy such as
 * `dist/conformance/` (dist has no package.json, so the walk continues to the repository root).
 */
export function repoRoot(): string {
  let dir = path.resolve(__dirname);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the repository root: no package.json in ${__dirname} or any parent`);
    }
    dir = parent;
  }
}

/** Absolute path of the corpus root. Throws an Error naming the path if that directory does not exist. */
export function conformanceDir(): string {
  const fromEnv = process.env[CONFORMANCE_DIR_ENV];
  const dir =
    fromEnv !== undefined && fromEnv !== ''
      ? path.resolve(fromEnv)
      : path.resolve(repoRoot(), '..', 'shared', 'conformance');
  if (!isDirectory(dir)) {
    const how =
      fromEnv !== undefined && fromEnv !== ''
        ? `(from ${CONFORMANCE_DIR_ENV}=${fromEnv})`
        : `(default ../shared/conformance relative to the repository root; set ${CONFORMANCE_DIR_ENV} to override)`;
    throw new Error(`conformance corpus directory not found: ${dir} ${how}`);
  }
  return dir;
}

/** Joins `parts` onto the corpus root and checks that the result exists (throws an Error naming it if not). */
export function corpusPath(...parts: string[]): string {
  const p = path.join(conformanceDir(), ...parts);
  if (!fs.existsSync(p)) throw new Error(`conformance corpus path not found: ${p}`);
  return p;
}

/** Like {@link corpusPath} but resolves against an explicit root directory instead of the default corpus. */
export function resolveUnder(root: string | undefined, ...parts: string[]): string {
  if (root === undefined) return corpusPath(...parts);
  const p = path.join(path.resolve(root), ...parts);
  if (!fs.existsSync(p)) throw new Error(`conformance corpus path not found: ${p}`);
  return p;
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * All regular files below `dir` (recursively) whose name passes `filter`, as absolute paths in a stable
 * (sorted) order.
 */
export function walkFiles(dir: string, filter: (fileName: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    const entries = fs.readdirSync(d, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) visit(full);
      else if (e.isFile() && filter(e.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

/** Reads a corpus file as UTF-8 text. */
export function readText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}
