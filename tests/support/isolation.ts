/**
 * Which test files need a process of their own (vitest.config.ts): the rest share their worker's
 * processes and module graph (`isolate: false`), so the app's modules (the catalogues, zod,
 * playwright-core and the rest of a file's graph) are loaded once per worker instead of once per
 * file: that loading was about a fifth of the suite's time.
 *
 * A file keeps a process of its own when it, or a helper under tests/ it imports, changes what
 * the next file would find: it mocks modules, stubs globals or the environment through `vi`, or
 * turns on fake timers without turning them off again, writes to `process.env`, or adds process
 * listeners or changes the process (`process.on`, `chdir`,
 * `exitCode`, `umask`); or it loads a PKCS#11 module (the binding stays initialised with the
 * SOFTHSM2_CONF of the file that loaded it). Read from the files' text, so a new file is placed
 * without anyone listing it. Spies (`vi.spyOn`, `vi.fn`) alone share: Vitest restores every spy
 * after each file in a shared process too (vi.restoreAllMocks, vitest/dist/chunks/base.*.js).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** What in a test file or test helper's text means it must not share its process. */
const CHANGES_THE_PROCESS: readonly RegExp[] = [
  // Called on a line that is not a comment (a comment may name `vi.mock`).
  /^(?!\s*(?:\*|\/\/)).*\bvi\.(?:mock|doMock|unmock|doUnmock|hoisted|importMock|stubEnv|stubGlobal|resetModules|setConfig)\(/m,
  // Fake timers that the file does not turn off again (vi.restoreAllMocks leaves them on).
  /^(?![\s\S]*\bvi\.useRealTimers\()(?:[\s\S]*\n)?(?!\s*(?:\*|\/\/))[^\n]*\bvi\.(?:useFakeTimers|setSystemTime)\(/,
  /process\.env(?:\.\w+|\[[^\]]+\])\s*=(?!=)/,
  /delete\s+process\.env/,
  /Object\.assign\(\s*process\.env/,
  /process\.(?:on|once|prependListener|chdir|umask|exitCode)\b/,
  // Loading the binding, not naming it: the packaging tests name pkcs11js (the asar ships it) and load
  // it only in a child process; a list of the renderer's source files names a core/hsm file without
  // importing it (tests/support/renderer-sources.ts).
  /from\s*['"]pkcs11js['"]|(?:require|import)\(\s*['"]pkcs11js['"]\s*\)|\bsoft-tokens\b|(?:from\s*|(?:require|import)\(\s*)['"][^'"]*\bcore\/hsm\b/,
];

const RELATIVE_IMPORT = /(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function resolveTs(from: string, specifier: string): string | undefined {
  const target = path.resolve(path.dirname(from), specifier);
  return [`${target}.ts`, path.join(target, 'index.ts'), target].find((p) => p.endsWith('.ts') && existsSync(p));
}

/** True when `file` or a helper under `testsDir` it imports (transitively) changes the process. */
function changesTheProcess(file: string, testsDir: string, seen: Set<string>): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  if (CHANGES_THE_PROCESS.some((pattern) => pattern.test(text))) return true;
  for (const match of text.matchAll(RELATIVE_IMPORT)) {
    const specifier = match[1] ?? match[2] ?? '';
    if (/(^|\/)core\/hsm(\/|$)/.test(specifier)) return true;
    const helper = resolveTs(file, specifier);
    if (helper?.startsWith(testsDir + path.sep) && changesTheProcess(helper, testsDir, seen)) return true;
  }
  return false;
}

/** The test files under `testsDir` (paths relative to `root`, with /) that need a process of their own. */
export function testFilesNeedingTheirOwnProcess(root: string, testsDir = path.join(root, 'tests')): string[] {
  return readdirSync(testsDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(testsDir, f))
    .filter((file) => changesTheProcess(file, testsDir, new Set()))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .sort();
}
