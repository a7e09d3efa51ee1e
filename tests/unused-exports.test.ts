/**
 * Every export of src-main is imported by another file (source, test or bench): a name only its own
 * file uses is module-private, so what a file offers is what others take from it and dead code
 * shows. `unusedExports` reads the import statements of every TypeScript file (static, `export … from`,
 * `import * as`, and the `await import('…')` forms this tree uses) and lists each export no other
 * file names; run this file to see the list.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
/** Whose exports are checked: every file of src-main. */
const CHECKED = ['src-main'];
/** Who may use them (besides the checked folders themselves). */
const USERS = ['src-main', 'src-renderer', 'tests', 'bench', 'scripts'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === 'node_modules') return [];
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx|mts)$/.test(entry) && !entry.endsWith('.d.ts')
      ? [path.relative(root, full).split(path.sep).join('/')]
      : [];
  });
}

/**
 * `source` parsed as its file name says: a .ts file as TypeScript, not TSX, where `<T>(x) => …`
 * would be read as a JSX element and hide every statement after it.
 */
function parsed(source: string, fileName: string): ts.SourceFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, kind);
}

/** The names `source` exports (its own and those it passes on with `export … from`). */
export function exportedNames(source: string, fileName: string): string[] {
  const file = parsed(source, fileName);
  const names: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.exportClause && ts.isNamedExports(statement.exportClause))
        names.push(...statement.exportClause.elements.map((e) => e.name.text));
      continue;
    }
    if (ts.isExportAssignment(statement)) {
      names.push('default');
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    if (!modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) names.push('default');
    else if (ts.isVariableStatement(statement))
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) names.push(d.name.text);
      }
    else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    )
      names.push(statement.name.text);
  }
  return names;
}

/** What `import * as ns from 'from'` takes: each `ns.name` used, or the whole module when `ns` itself is passed on. */
function namespaceUses(source: string, from: string, ns: string): [string, string][] {
  const bare = [...source.matchAll(new RegExp(`\\b${ns}\\b(?!\\s*\\.)`, 'g'))].length;
  if (bare > 1) return [[from, '*']];
  return [...source.matchAll(new RegExp(`\\b${ns}\\.(\\w+)`, 'g'))].map((m) => [from, m[1] as string]);
}

/** What `source` takes from other modules: `[specifier, name]`, name `*` for a whole module. */
export function importedNames(source: string, fileName: string): [string, string][] {
  const file = parsed(source, fileName);
  const taken: [string, string][] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const from = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) taken.push([from, 'default']);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) taken.push(...namespaceUses(source, from, bindings.name.text));
      if (bindings && ts.isNamedImports(bindings))
        for (const e of bindings.elements) taken.push([from, (e.propertyName ?? e.name).text]);
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const from = statement.moduleSpecifier.text;
      if (!statement.exportClause || !ts.isNamedExports(statement.exportClause)) taken.push([from, '*']);
      else for (const e of statement.exportClause.elements) taken.push([from, (e.propertyName ?? e.name).text]);
    }
  }
  // import('x') in code or types: `(await import('x')).name`, `const { a, b: c } = await import('x')`, `import('x').Name`.
  for (const m of source.matchAll(/import\(\s*'([^']+)'\s*\)\)?\.(\w+)/g)) taken.push([m[1] as string, m[2] as string]);
  for (const m of source.matchAll(/\{([^{}]+)\}\s*=\s*await import\(\s*'([^']+)'\s*\)/g))
    for (const part of (m[1] as string).split(',')) taken.push([m[2] as string, (part.split(':')[0] as string).trim()]);
  return taken;
}

/** `specifier` as written in `from`, resolved to a file of `known` (undefined: a package or not found). */
function resolve(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.join(path.posix.dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((f) => known.has(f));
}

/** `file: name` for every export of a checked file that no other file imports. */
export function unusedExports(sources: Readonly<Record<string, string>>, checked: readonly string[]): string[] {
  const known = new Set(Object.keys(sources));
  const used = new Map<string, Set<string>>();
  for (const [file, source] of Object.entries(sources))
    for (const [specifier, name] of importedNames(source, file)) {
      const target = resolve(file, specifier, known);
      if (target === undefined || target === file) continue;
      const names = used.get(target) ?? new Set<string>();
      names.add(name);
      used.set(target, names);
    }
  return Object.entries(sources)
    .filter(([file]) => checked.some((dir) => file.startsWith(`${dir}/`)))
    .flatMap(([file, source]) => {
      const names = used.get(file);
      if (names?.has('*')) return [];
      return exportedNames(source, file)
        .filter((name) => !names?.has(name))
        .map((name) => `${file}: ${name}`);
    });
}

describe('exports nobody imports', () => {
  it('finds an export only its own file uses, through every import form', () => {
    const sources = {
      'src-main/a.ts':
        'export const used = 1;\nexport function alone() {}\nexport type T = 1;\nexport { used as again };\nexport default 2;',
      'src-main/b.ts': "import two, { used } from './a';\nexport { type T } from './a';\nexport const b = used + two;",
      'src-main/c.ts':
        "const { alone } = await import('./a');\nimport * as some from './d';\nexport const c = some.d1;",
      'src-main/d.ts': 'export const d1 = 1;\nexport const d2 = 2;',
      'src-main/e.ts': "export const e = (await import('./b')).b;\nexport type F = typeof import('./c').c;",
    };
    expect(unusedExports(sources, ['src-main'])).toEqual([
      'src-main/a.ts: again',
      'src-main/b.ts: T',
      'src-main/d.ts: d2',
      'src-main/e.ts: e',
      'src-main/e.ts: F',
    ]);
  });

  it('reads a .ts file as TypeScript: a generic arrow function hides no export after it', () => {
    const sources = {
      'src-main/f.ts': 'export const cached = <T>(make: () => T): T => make();\nexport function after() {}',
      'src-main/g.ts': "import { cached } from './f';\nexport const g = cached(() => 1);",
    };
    expect(unusedExports(sources, ['src-main'])).toEqual(['src-main/f.ts: after', 'src-main/g.ts: g']);
  });

  it('holds for the checked folders', () => {
    const sources: Record<string, string> = {};
    for (const dir of USERS)
      for (const file of statSafe(path.join(root, dir)) ? files(path.join(root, dir)) : [])
        sources[file] = readFileSync(path.join(root, file), 'utf8');
    expect(unusedExports(sources, CHECKED)).toEqual([]);
  });
});

function statSafe(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
