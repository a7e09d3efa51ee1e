import os from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { testFilesNeedingTheirOwnProcess } from './tests/support/isolation';

/**
 * Test files run in parallel on one more worker than there are cores, and on at least three:
 * vitest's default is one fewer than the cores (ONE on a 2-core machine), yet most files spend much
 * of their time waiting for child processes (the CLI, openssl, Chromium, Electron) and fsync, so
 * other files run in those gaps. On the 2-core CI machine a third worker took the whole suite from
 * about 600 s to 527 s (2,750 tests, none failing). Shared resources are already guarded across
 * processes: one build lock (tests/support/build-lock.ts), an exclusive lock for the openCryptoki
 * token, per-file simulators, temp folders and SoftHSM token folders.
 */
const WORKERS = Math.max(3, os.availableParallelism() + 1);
// Set once, for the whole run (below), not per project: a project's own maxWorkers overrides the
// command line's, and `vitest run --maxWorkers 1` would then still run WORKERS files at once.

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
