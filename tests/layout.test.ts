/**
 * The layering rule (DESIGN.md, Layers): src-main/core and src-main/ipc are plain Node and never
 * import Electron, and the files the renderer also compiles import nothing but zod and each other.
 * ESLint enforces the first rule too; this test also catches require(), dynamic import() and
 * re-exports, and proves its own detector on fixture strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');

/** Every module specifier a TypeScript source mentions (static, dynamic, require, re-export). */
function moduleSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1] ?? '');
  return found;
}

function importsElectron(source: string): boolean {
  return moduleSpecifiers(source).some((name) => name === 'electron' || name.startsWith('electron/'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(entry) ? [full] : [];
  });
}

describe('layout rule: no Electron below src-main/app', () => {
  it.each([
    "import { app } from 'electron';",
    'import type { WebContents } from "electron";',
    "import * as electron from 'electron';",
    "import 'electron';",
    "export { ipcMain } from 'electron';",
    "const { ipcMain } = require('electron');",
    "const electron = require ( 'electron' );",
    "const e = await import('electron');",
    "import { ipcRenderer } from 'electron/renderer';",
    "import {\n  app,\n  BrowserWindow,\n} from 'electron';",
  ])('the detector catches %s', (fixture) => {
    expect(importsElectron(fixture)).toBe(true);
  });

  it.each([
    "import { z } from 'zod';",
    "import { x } from './electron-notes';",
    '// we never import electron here',
    "const text = 'electron is not imported';",
    "import { app } from 'electron-builder';",
  ])('the detector leaves %s alone', (fixture) => {
    expect(importsElectron(fixture)).toBe(false);
  });

  it.each(['src-main/core', 'src-main/ipc', 'src-main/cli'])('%s never imports electron', (dir) => {
    const offenders = sourceFiles(path.join(root, dir)).filter((file) => importsElectron(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => path.relative(root, file))).toEqual([]);
  });
});

describe('layout rule: what the renderer compiles from src-main imports only zod', () => {
  /** Entry points the renderer (and tsconfig.web.json) pulls in; everything they import is walked. */
  const entries = ['src-main/ipc/contract.ts', 'src-main/ipc/problem.ts', 'src-main/preload/api-factory.ts'];

  /** Files reachable through relative imports, and every specifier that is neither zod nor relative. */
  function walk(sources: Readonly<Record<string, string>>, starts: readonly string[]) {
    const seen = new Set<string>();
    const refused: string[] = [];
    const queue = [...starts];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const name of moduleSpecifiers(sources[file] ?? '')) {
        if (name === 'zod') continue;
        if (!name.startsWith('.')) {
          refused.push(`${file} imports ${name}`);
          continue;
        }
        const base = path.posix.join(path.posix.dirname(file), name);
        const target = [`${base}.ts`, `${base}/index.ts`].find((candidate) => candidate in sources) ?? `${base}.ts`;
        if (!target.startsWith('src-main/ipc/') && !target.startsWith('src-main/preload/'))
          refused.push(`${file} imports ${target}`);
        else if (!(target in sources)) refused.push(`${file} imports ${name}, which does not resolve`);
        else queue.push(target);
      }
    }
    return { seen: [...seen], refused };
  }

  it('the walk refuses node modules, electron and core reached indirectly', () => {
    const fixture = {
      'src-main/ipc/contract.ts': "import { z } from 'zod';\nimport * as a from './schemas/a';",
      'src-main/ipc/schemas/a.ts': "import { b } from './b';",
      'src-main/ipc/schemas/b.ts': "import os from 'node:os';\nimport { KeyferryError } from '../../core/errors';",
      'src-main/ipc/problem.ts': "import { gone } from './nowhere';",
    };
    expect(walk(fixture, ['src-main/ipc/contract.ts', 'src-main/ipc/problem.ts']).refused.sort()).toEqual([
      'src-main/ipc/problem.ts imports ./nowhere, which does not resolve',
      'src-main/ipc/schemas/b.ts imports node:os',
      'src-main/ipc/schemas/b.ts imports src-main/core/errors.ts',
    ]);
  });

  it('holds for the real files', () => {
    const sources: Record<string, string> = {};
    for (const file of sourceFiles(path.join(root, 'src-main'))) {
      sources[path.relative(root, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
    }
    const { seen, refused } = walk(sources, entries);
    expect(refused).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(entries));
  });
});
