import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONFORMANCE_DIR_ENV,
  conformanceDir,
  corpusPath,
  repoRoot,
  resolveUnder,
  walkFiles,
} from '../../conformance/corpus-paths';

describe('corpus paths', () => {
  const saved = process.env[CONFORMANCE_DIR_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[CONFORMANCE_DIR_ENV];
    else process.env[CONFORMANCE_DIR_ENV] = saved;
  });

  test('repoRoot is the folder holding package.json (the tessera package)', () => {
    const root = repoRoot();
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('tessera');
    expect(fs.existsSync(path.join(root, 'conformance', 'corpus-paths.ts'))).toBe(true);
  });

  test('default root is ../shared/conformance next to the repository', () => {
    delete process.env[CONFORMANCE_DIR_ENV];
    expect(conformanceDir()).toBe(path.resolve(repoRoot(), '..', 'shared', 'conformance'));
    expect(fs.existsSync(path.join(conformanceDir(), 'SOURCES.md'))).toBe(true);
  });

  test('the environment variable overrides the default', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-corpus-'));
    try {
      process.env[CONFORMANCE_DIR_ENV] = dir;
      expect(conformanceDir()).toBe(dir);
      fs.writeFileSync(path.join(dir, 'x.txt'), 'x');
      expect(corpusPath('x.txt')).toBe(path.join(dir, 'x.txt'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing corpus directory throws an Error naming the path', () => {
    const missing = path.join(os.tmpdir(), 'tessera-no-such-corpus-dir');
    process.env[CONFORMANCE_DIR_ENV] = missing;
    expect(() => conformanceDir()).toThrow(missing);
    expect(() => conformanceDir()).toThrow(/TESSERA_CONFORMANCE_DIR/);
  });

  test('corpusPath / resolveUnder throw for missing files, naming them', () => {
    expect(() => corpusPath('no', 'such.file')).toThrow(path.join('no', 'such.file'));
    expect(() => resolveUnder(os.tmpdir(), 'no-such-file-here')).toThrow('no-such-file-here');
    expect(corpusPath('tpch')).toBe(path.join(conformanceDir(), 'tpch'));
  });

  test('walkFiles lists files recursively in sorted order', () => {
    const files = walkFiles(corpusPath('tpch', 'trino-parser-qgen-templates'), (n) => n.endsWith('.sql'));
    expect(files).toHaveLength(22);
    expect(files.map((f) => path.basename(f)).slice(0, 4)).toEqual(['1.sql', '10.sql', '11.sql', '12.sql']);
    // `find sqllogictest -name '*.test*' | wc -l` = 217 (19 sqlite + 198 duckdb)
    expect(walkFiles(corpusPath('sqllogictest'), (n) => /\.test(_slow)?$/.test(n))).toHaveLength(217);
  });
});
