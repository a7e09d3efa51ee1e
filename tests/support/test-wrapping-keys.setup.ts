/**
 * Vitest setup file (run before every test file, in that file's process): lets the simulators this
 * process starts take the run's made-beforehand wrapping keys (tests/support/test-wrapping-keys.ts).
 * The variable names this process, so the CLIs and simulators a test spawns generate their own keys.
 * A process of the "shared" project (vitest.config.ts) runs many files one after another: each file
 * starts again from the file's first key, as it did in a process of its own (otherwise the 256 keys
 * would run out a few files in and the simulators would generate keys again).
 */
import { existsSync } from 'node:fs';
import {
  FRESH_WRAPPING_KEYS_VARIABLE,
  TEST_WRAPPING_KEYS_FILE,
  TEST_WRAPPING_KEYS_HELD,
  TEST_WRAPPING_KEYS_VARIABLE,
} from './test-wrapping-keys-file';

if (process.env[FRESH_WRAPPING_KEYS_VARIABLE] !== '1' && existsSync(TEST_WRAPPING_KEYS_FILE)) {
  process.env[TEST_WRAPPING_KEYS_VARIABLE] = JSON.stringify({ file: TEST_WRAPPING_KEYS_FILE, pid: process.pid });
  delete (globalThis as Record<symbol, unknown>)[TEST_WRAPPING_KEYS_HELD];
}
