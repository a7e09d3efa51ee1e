#!/usr/bin/env node
// `npm test`: the checks (scripts/checks.mjs: type checks, ESLint, Prettier, Electronegativity) and
// Vitest at the same time. Run one after the other, the checks held both cores of the 2-core CI for
// 75-150 s before the first test file started, while Vitest leaves a core idle whenever its files
// wait on child processes, Chromium and fsync; side by side the checks use those gaps. Each check's
// output is printed whole when it ends, Vitest's as it runs; the script fails, naming what failed,
// if a check or a test failed. Arguments are passed to Vitest (`npm test -- tests/ui` runs the checks
// and those files). One alone: `node scripts/checks.mjs`, `npx vitest run`.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `command` with the terminal as its output; resolves true when it exits 0. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => {
      process.stderr.write(`${error.message}\n`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

const [checks, tests] = await Promise.all([
  run(process.execPath, [path.join(root, 'scripts', 'checks.mjs')]),
  run(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', ...process.argv.slice(2)]),
]);
const failed = [...(checks ? [] : ['the checks']), ...(tests ? [] : ['Vitest'])];
if (failed.length > 0) {
  process.stderr.write(`npm test: failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
