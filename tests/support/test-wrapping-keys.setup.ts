/**
 * Vitest setup file (run before every test file, in that file's process): lets the simulators this
 * process starts, and those of the CLIs and simulators the test spawns (they inherit the variable),
 * take the run's made-beforehand wrapping keys (tests/support/test-wrapping-keys.ts). The variable
 * names a claims folder of this test file's own, in which each key is claimed by one process only.
 * A process of the "shared" project (vitest.config.ts) runs many files one after another: each file
 * starts again from the file's first key, as it did in a process of its own (otherwise the 256 keys
 * would run out a few files in and the simulators would generate keys again).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  FRESH_WRAPPING_KEYS_VARIABLE,
  TEST_WRAPPING_KEYS_FILE,
  TEST_WRAPPING_KEYS_HELD,
  TEST_WRAPPING_KEYS_VARIABLE,
} from './test-wrapping-keys-file';

if (process.env[FRESH_WRAPPING_KEYS_VARIABLE] !== '1' && existsSync(TEST_WRAPPING_KEYS_FILE)) {
  // In the run's temporary folder (tests/support/run-temp-folder.ts), removed with it.
  const claims = mkdtempSync(path.join(os.tmpdir(), 'kf-wrapping-key-claims-'));
  process.env[TEST_WRAPPING_KEYS_VARIABLE] = JSON.stringify({ file: TEST_WRAPPING_KEYS_FILE, claims });
  delete (globalThis as Record<symbol, unknown>)[TEST_WRAPPING_KEYS_HELD];
}
