/**
 * Test helper: the transitive graph of project files a module imports, read with TypeScript's
 * parser (static imports, re-exports, import types, dynamic import() and bare require()).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Project files reached, absolute paths. */
  readonly files: Set<string>;
  /** Bare specifiers (node builtins and packages) with the file that imports each. */
  readonly external: Map<string, string[]>;
}

function resolveRelative(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Every module specifier `file` names, found by walking its syntax tree. */
function moduleSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const arg = node.arguments[0];
      if ((isImport || isRequire) && arg) {
        if (!ts.isStringLiteralLike(arg))
          throw new Error(`${file}: a computed ${isImport ? 'import()' : 'require()'} cannot be checked`);
        found.push(arg.text);
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Walks every relative import from `entries`; unresolved relative imports throw (no silent gaps). */
export function importGraph(entries: readonly string[]): ImportGraph {
  const files = new Set<string>();
  const external = new Map<string, string[]>();
  const queue = [...entries.map((e) => path.resolve(e))];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const fileName of moduleSpecifiers(file)) {
      if (fileName.startsWith('.')) {
        const resolved = resolveRelative(file, fileName);
        if (!resolved) throw new Error(`${file}: cannot resolve ${fileName}`);
        queue.push(resolved);
      } else {
        external.set(fileName, [...(external.get(fileName) ?? []), file]);
      }
    }
  }
  return { files, external };
}
