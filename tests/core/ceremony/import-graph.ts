/**
 * Test helper: the transitive graph of project files a module imports, read with TypeScript's
 * own pre-processor (static imports, re-exports, dynamic import() and require()).
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
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of info.importedFiles) {
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
