#!/usr/bin/env node
// `npm test`'s checks (beside Vitest: scripts/test.mjs), side by side: the type check of main and of the renderer,
// ESLint, Prettier and the Electronegativity audit. Each is one single-threaded process, so run one
// after another they left all but one core idle for about 2.5 minutes on the 2-core CI; here as many
// run at once as there are cores (at least two), the longest first. Each check's output is printed
// whole when it ends (never interleaved), and the script fails, naming them, if any check failed.
// The same checks one at a time: npm run -s typecheck, lint, format:check, audit:electron.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
/**
 * The type checks use TypeScript 7, the native compiler (package.json's `typescript7`, an alias of
 * typescript@7): it checks the same code as TypeScript 5.9 about five times faster. TypeScript 5.9
 * (`typescript`) stays for the tools that use its JavaScript API (typescript-eslint, the tests that
 * read the sources), which TypeScript 7 does not offer. Both packages name a `tsc` command, so this
 * one is called by its path, never as node_modules/.bin/tsc.
 */
const tsc = path.join(root, 'node_modules', 'typescript7', 'bin', 'tsc');

/** Longest first, so the last to start is a short one. */
const CHECKS = [
  { name: 'type check (main)', command: process.execPath, args: [tsc, '-p', 'tsconfig.node.json'] },
  { name: 'type check (renderer)', command: process.execPath, args: [tsc, '-p', 'tsconfig.web.json'] },
  { name: 'ESLint', command: bin('eslint'), args: ['.', '--max-warnings', '0'] },
  { name: 'Electronegativity', command: process.execPath, args: [path.join(root, 'scripts', 'electronegativity.mjs')] },
  { name: 'Prettier', command: bin('prettier'), args: ['--check', '.', '--log-level', 'warn'] },
];

function run({ name, command, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    const done = (ok, extra = '') => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(`checks: ${name}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)\n`);
      const text = Buffer.concat(output).toString('utf8') + extra;
      if (text.trim()) process.stdout.write(`${text.trimEnd()}\n`);
      resolve(ok ? undefined : name);
    };
    child.on('error', (error) => done(false, `${error.message}\n`));
    child.on('close', (code, signal) => done(code === 0, signal ? `stopped by ${signal}\n` : ''));
  });
}

const queue = [...CHECKS];
const failed = [];
const runners = Array.from({ length: Math.max(2, os.availableParallelism()) }, async () => {
  for (let check = queue.shift(); check; check = queue.shift()) {
    const failure = await run(check);
    if (failure) failed.push(failure);
  }
});
await Promise.all(runners);
if (failed.length > 0) {
  process.stderr.write(`checks: failed: ${failed.join(', ')}\n`);
  process.exit(1);
}
