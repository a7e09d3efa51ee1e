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

describe('layout rule: renderer-shared files import only zod and each other', () => {
  const shared = ['src-main/ipc/contract.ts', 'src-main/ipc/problem.ts', 'src-main/preload/api-factory.ts'];
  const allowed = (from: string, name: string) => {
    if (name === 'zod') return true;
    if (!name.startsWith('.')) return false;
    const target = path.relative(root, path.resolve(root, path.dirname(from), name));
    return shared.includes(`${target}.ts`);
  };

  it('the check refuses node modules and other main-process files', () => {
    expect(allowed('src-main/ipc/contract.ts', 'node:os')).toBe(false);
    expect(allowed('src-main/ipc/contract.ts', '../core/errors')).toBe(false);
    expect(allowed('src-main/ipc/contract.ts', './router')).toBe(false);
    expect(allowed('src-main/preload/api-factory.ts', '../ipc/contract')).toBe(true);
  });

  it.each(shared)('%s', (file) => {
    const refused = moduleSpecifiers(readFileSync(path.join(root, file), 'utf8')).filter((name) => !allowed(file, name));
    expect(refused).toEqual([]);
  });
});
