/**
 * The test tree mirrors the source tree: the tests of `src-main/core/X/y.ts` are
 * `tests/core/X/y.test.ts` or `tests/core/X/y.<aspect>.test.ts`, so each source file's tests are
 * found by name. Since session 12 every core file has one (CEILING 0), and it may never go up: a new
 * core file comes with its test. A file that
 * exports only types and interfaces has nothing to run and needs none (read from its text), nor does a
 * barrel whose every statement re-exports another file (`export … from`).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
/** Core source files with something to run and no same-named test file (2026-12-02, session 12: none). Never raise it. */
const CEILING = 0;

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return files(full, suffix);
    return entry.endsWith(suffix) ? [path.relative(root, full).split(path.sep).join('/')] : [];
  });
}

/** What `source` (TypeScript text) exports that exists when it runs: everything but types and interfaces. */
function runtimeExports(source: string): string[] {
  const file = ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return file.statements.flatMap((statement) => {
    if (ts.isExportDeclaration(statement)) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause : null;
      if (statement.isTypeOnly || named?.elements.every((e) => e.isTypeOnly)) return [];
      return [statement.getText(file)];
    }
    if (ts.isExportAssignment(statement)) return [statement.getText(file)];
    const exported = ts.canHaveModifiers(statement)
      ? (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return [];
    return [statement.getText(file)];
  });
}

/**
 * Whether `source` exports anything that runs. A line that starts `export const|function|class|…`
 * settles it without parsing (parsing every file took seconds on a loaded machine); the rest is
 * parsed.
 */
function hasRuntimeExport(source: string): boolean {
  return (
    /^export (?:const|let|var|function|async|class|abstract|enum|default)\b/m.test(source) ||
    runtimeExports(source).length > 0
  );
}

/**
 * Whether `source` only passes on what other files export (`export … from`, every statement): a
 * barrel such as journal/index.ts has nothing of its own to run, and a test of it would only
 * re-assert names; the files it re-exports have their own tests.
 */
function onlyReExports(source: string): boolean {
  const file = ts.createSourceFile('source.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return (
    file.statements.length > 0 &&
    file.statements.every((statement) => ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined)
  );
}

/** The files of `sources` (under src-main/core) that no test in `tests` (under tests/core) is named after. */
function untested(sources: readonly string[], tests: readonly string[]): string[] {
  const testNames = new Set(tests);
  return sources.filter((source) => {
    const stem = source.replace(/^src-main\//, 'tests/').replace(/\.ts$/, '');
    return (
      !testNames.has(`${stem}.test.ts`) &&
      !tests.some(
        (t) =>
          t.startsWith(`${stem}.`) &&
          t.endsWith('.test.ts') &&
          !t.slice(stem.length + 1, -'.test.ts'.length).includes('/'),
      )
    );
  });
}

describe('tests are found by the name of their source', () => {
  it('matches y.test.ts and y.<aspect>.test.ts in the mirrored folder, nothing else', () => {
    const sources = [
      'src-main/core/a/wrap.ts',
      'src-main/core/a/seal.ts',
      'src-main/core/b/read.ts',
      'src-main/core/c.ts',
    ];
    const tests = [
      'tests/core/a/wrap.test.ts',
      'tests/core/a/seal.replicas.test.ts',
      'tests/core/read.test.ts',
      'tests/core/c.d/e.test.ts',
    ];
    expect(untested(sources, tests)).toEqual(['src-main/core/b/read.ts', 'src-main/core/c.ts']);
  });

  it('needs no test of a file that exports only types and interfaces', () => {
    const typesOnly = [
      'export interface A { a: string }\nexport type B = A | null;',
      "import type { A } from './a';\nexport type { A };\nexport { type C, type D } from './c';\nexport type * from './e';",
      'const LIMIT = 3;\nexport type Limited = typeof LIMIT;',
    ];
    for (const source of typesOnly) expect(runtimeExports(source), source).toEqual([]);
    const runs = [
      'export const LIMIT = 3;',
      'export function f() {}',
      'export class C {}',
      'export enum E { A }',
      'export const enum E { A }',
      "export * from './a';",
      "export { a } from './a';",
      "export { type A, b } from './a';",
      'const a = 1;\nexport { a };',
      'export default 1;',
      'export interface A {}\nexport const a: A = {};',
    ];
    for (const source of runs) expect(runtimeExports(source), source).not.toEqual([]);
    for (const source of runs) expect(hasRuntimeExport(source), source).toBe(true);
    for (const source of typesOnly) expect(hasRuntimeExport(source), source).toBe(false);
  });

  it('needs no test of a barrel that only re-exports other files', () => {
    expect(onlyReExports("export * from './a';\nexport { b, type C } from './b';\nexport type { D } from './d';")).toBe(
      true,
    );
    for (const source of [
      "export * from './a';\nexport const c = 1;",
      "import { a } from './a';\nexport { a };",
      "export * from './a';\nconst table = new Map();\nexport { table };",
      '',
    ])
      expect(onlyReExports(source), source).toBe(false);
  });

  it(`leaves at most ${CEILING} core files with something to run without a same-named test`, () => {
    const missing = untested(
      files(path.join(root, 'src-main/core'), '.ts'),
      files(path.join(root, 'tests/core'), '.test.ts'),
    ).filter((file) => {
      const source = readFileSync(path.join(root, file), 'utf8');
      return hasRuntimeExport(source) && !onlyReExports(source);
    });
    expect(missing.length, missing.join('\n')).toBeLessThanOrEqual(CEILING);
  });
});
