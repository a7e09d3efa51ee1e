/**
 * The layering rule (DESIGN.md, Layers): src-main/core and src-main/ipc are plain Node and never
 * import Electron, and the files the renderer also compiles import nothing but zod and each other.
 * ESLint enforces the first rule too; this test also catches require(), dynamic import() and
 * re-exports, and proves its own detector on fixture strings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDERER_ENTRIES, RENDERER_INPUT_DIRS, RENDERER_SAFE_CORE } from './support/renderer-sources';

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
  const entries = RENDERER_ENTRIES;

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
        if (
          !target.startsWith('src-main/ipc/') &&
          !target.startsWith('src-main/preload/') &&
          !RENDERER_SAFE_CORE.includes(target)
        )
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
    // The UI tests' renderer build digests exactly these to know when to build again: a file it
    // compiles outside them would leave a stale out/renderer under the UI tests.
    const watched = (file: string) =>
      RENDERER_INPUT_DIRS.some((dir) => file.startsWith(`${dir}/`)) ||
      [...RENDERER_ENTRIES, ...RENDERER_SAFE_CORE].includes(file);
    expect(seen.filter((file) => !watched(file))).toEqual([]);
    // A table imports zod or another of these tables, nothing else.
    const otherTable = (table: string, name: string) =>
      RENDERER_SAFE_CORE.includes(`${path.posix.join(path.posix.dirname(table), name)}.ts`);
    for (const table of RENDERER_SAFE_CORE)
      expect(
        moduleSpecifiers(sources[table] ?? 'missing').filter((name) => name !== 'zod' && !otherTable(table, name)),
      ).toEqual([]);
  });
});

/**
 * Which folder may import which (docs/ARCHITECTURE.md, Rules). A file under `from` may not import
 * a file under any of `mayNotImport` (a folder, or one file). Folders match whole path segments, so
 * `src-main/core/kms` does not cover `src-main/core/kms-simulator`.
 */
const CEREMONY = 'src-main/core/ceremony';
const FOLDER_RULES: readonly { readonly from: string; readonly mayNotImport: readonly string[] }[] = [
  { from: 'src-main/core', mayNotImport: ['src-main/ipc', 'src-main/app', 'src-main/cli', 'src-main/preload'] },
  { from: 'src-main/ipc', mayNotImport: ['src-main/app', 'src-main/cli', 'src-main/preload'] },
  { from: 'src-main/cli', mayNotImport: ['src-main/app', 'src-main/ipc', 'src-main/preload'] },
  { from: 'src-main/preload', mayNotImport: ['src-main/core', 'src-main/app', 'src-main/cli'] },
  // The renderer reaches main only through the contract, the preload's API and the shared texts (i18n).
  { from: 'src-renderer', mayNotImport: ['src-main/core', 'src-main/app', 'src-main/cli'] },
  ...['bundle', 'crypto', 'custody', 'fs', 'journal', 'media', 'receipt', 'kms', 'kms-simulator'].map((folder) => ({
    from: `src-main/core/${folder}`,
    mayNotImport: [CEREMONY],
  })),
  // The client never reaches the simulator (the simulator is a server of its own).
  { from: 'src-main/core/kms', mayNotImport: ['src-main/core/kms-simulator'] },
  // What both sides use depends on neither side.
  {
    from: `${CEREMONY}/shared`,
    mayNotImport: [`${CEREMONY}/online`, `${CEREMONY}/airgap`, `${CEREMONY}/restore`, `${CEREMONY}/rehearsal`],
  },
  { from: `${CEREMONY}/online`, mayNotImport: [`${CEREMONY}/airgap`, `${CEREMONY}/restore`, `${CEREMONY}/rehearsal`] },
  // The air-gapped ceremonies never load the KMS client or the simulator.
  {
    from: `${CEREMONY}/airgap`,
    mayNotImport: [
      `${CEREMONY}/online`,
      `${CEREMONY}/restore`,
      `${CEREMONY}/rehearsal`,
      'src-main/core/kms',
      'src-main/core/kms-simulator',
    ],
  },
  {
    from: `${CEREMONY}/restore`,
    mayNotImport: [`${CEREMONY}/online`, `${CEREMONY}/rehearsal`, 'src-main/core/kms', 'src-main/core/kms-simulator'],
  },
  // Handlers are registered from one place (handlers/index.ts); no handler imports it back.
  { from: 'src-main/ipc/handlers', mayNotImport: ['src-main/ipc/handlers/index.ts'] },
];

const under = (file: string, folder: string) => file === folder || file.startsWith(`${folder}/`);

/** Every `from → target` arrow between project files that breaks a rule, as "from imports target". */
function ruleBreaks(sources: Readonly<Record<string, string>>): string[] {
  const breaks: string[] = [];
  for (const [file, source] of Object.entries(sources)) {
    const rules = FOLDER_RULES.filter((rule) => under(file, rule.from));
    if (rules.length === 0) continue;
    for (const name of moduleSpecifiers(source)) {
      if (!name.startsWith('.')) continue;
      const base = path.posix.join(path.posix.dirname(file), name);
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((c) => c in sources) ?? base;
      for (const rule of rules)
        for (const banned of rule.mayNotImport)
          if (under(target, banned) && !under(file, banned)) breaks.push(`${file} imports ${target}`);
    }
  }
  return breaks;
}

describe('layout rule: folders import only what they may', () => {
  it('the check catches a side importing the other, a handler importing the registry, the client the simulator, the renderer the CLI', () => {
    const fixture = {
      [`${CEREMONY}/online/workflow.ts`]: "import { x } from '../airgap/wrap';",
      [`${CEREMONY}/airgap/wrap.ts`]: "import { y } from '../shared/progress';",
      [`${CEREMONY}/shared/progress.ts`]: "import type { Z } from '../restore/workflow';",
      [`${CEREMONY}/restore/workflow.ts`]: "import { k } from '../../kms/client';",
      'src-main/core/kms/client.ts': "import { s } from '../kms-simulator/index';",
      'src-main/core/kms-simulator/index.ts': "import { c } from '../kms/client';",
      'src-main/ipc/handlers/online.ts': "import type { ChannelHandler } from './index';",
      'src-main/ipc/handlers/index.ts': "import { online } from './online';",
      'src-renderer/screens/online/ImportSteps.tsx':
        "import { custodyLine } from '../../../src-main/cli/custody-line';",
      'src-main/cli/custody-line.ts': '',
    };
    expect(ruleBreaks(fixture).sort()).toEqual([
      `${CEREMONY}/online/workflow.ts imports ${CEREMONY}/airgap/wrap.ts`,
      `${CEREMONY}/restore/workflow.ts imports src-main/core/kms/client.ts`,
      `${CEREMONY}/shared/progress.ts imports ${CEREMONY}/restore/workflow.ts`,
      'src-main/core/kms/client.ts imports src-main/core/kms-simulator/index.ts',
      'src-main/ipc/handlers/online.ts imports src-main/ipc/handlers/index.ts',
      'src-renderer/screens/online/ImportSteps.tsx imports src-main/cli/custody-line.ts',
    ]);
  });

  it('every folder the rules name exists', () => {
    const named = FOLDER_RULES.flatMap((rule) => [rule.from, ...rule.mayNotImport]);
    expect(named.filter((p) => !statSync(path.join(root, p), { throwIfNoEntry: false }))).toEqual([]);
  });

  it('holds for the real files', () => {
    const sources: Record<string, string> = {};
    for (const file of [...sourceFiles(path.join(root, 'src-main')), ...sourceFiles(path.join(root, 'src-renderer'))]) {
      sources[path.relative(root, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
    }
    expect(ruleBreaks(sources)).toEqual([]);
  });
});
