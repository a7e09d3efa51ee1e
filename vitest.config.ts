import os from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { testFilesNeedingTheirOwnProcess } from './tests/support/isolation';

/**
 * Test files run in parallel on every core there is, and on at least two: vitest's default is one
 * fewer than the cores (ONE on a 2-core machine), yet most files spend much of their time waiting
 * for child processes (the CLI, openssl, Chromium, Electron) and fsync, so a second file runs in
 * those gaps. Shared resources are already guarded across processes: one build lock
 * (tests/support/build-lock.ts), an exclusive lock for the openCryptoki token, per-file simulators,
 * temp folders and SoftHSM token folders.
 */
const WORKERS = Math.max(2, os.availableParallelism());

/**
 * Two projects over the one suite. "shared": files that leave the process as they found it run one
 * after another in their worker's process and module graph (`isolate: false`): the app's modules
 * load once per worker, not once per file (that loading was 262 s of the 2-core CI's 683 s). Each
 * file still gets its own setup file run, simulators, temp folders, browser contexts and, after it,
 * vitest's restoreAllMocks. "isolated": the files tests/support/isolation.ts finds changing the
 * process (vi mocks and spies, process.env, process listeners, a PKCS#11 module) run in a fresh
 * process each, as every file did before.
 */
const ISOLATED = testFilesNeedingTheirOwnProcess(__dirname);

const COMMON = {
  environment: 'node',
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
  maxWorkers: WORKERS,
  setupFiles: ['tests/support/test-wrapping-keys.setup.ts'],
  // expect.poll gives up after 1 s by default: a screen under a load of 15-30 on 2 cores takes longer
  // to render 100 rows. A poll that never holds still fails, after 30 s.
  expect: { poll: { timeout: 30_000 } },
} satisfies TestProjectInlineConfiguration['test'];

export default defineConfig({
  test: {
    maxWorkers: WORKERS,
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default'],
    projects: [
      { test: { ...COMMON, name: 'isolated', include: ISOLATED, isolate: true } },
      { test: { ...COMMON, name: 'shared', include: ['tests/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
    ],
  },
});
