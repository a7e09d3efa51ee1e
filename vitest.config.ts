import os from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Test files run in parallel on every core there is, and on at least two: vitest's default is one
 * fewer than the cores (ONE on a 2-core machine), yet most files spend much of their time waiting
 * for child processes (the CLI, openssl, Chromium, Electron) and fsync, so a second file runs in
 * those gaps. Shared resources are already guarded across processes: one build lock
 * (tests/support/build-lock.ts), an exclusive lock for the openCryptoki token, per-file simulators,
 * temp folders and SoftHSM token folders.
 */
const WORKERS = Math.max(2, os.availableParallelism());

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: WORKERS,
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/support/test-wrapping-keys.setup.ts'],
    reporters: ['default'],
  },
});
