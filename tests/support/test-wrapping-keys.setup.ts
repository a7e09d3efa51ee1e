/**
 * Vitest setup file (every test file's process): lets the simulators this process starts take the
 * run's made-beforehand wrapping keys (tests/support/test-wrapping-keys.ts). The variable names
 * this process, so the CLIs and simulators a test spawns generate their own keys.
 */
import { existsSync } from 'node:fs';
import {
  FRESH_WRAPPING_KEYS_VARIABLE,
  TEST_WRAPPING_KEYS_FILE,
  TEST_WRAPPING_KEYS_VARIABLE,
} from './test-wrapping-keys-file';

if (process.env[FRESH_WRAPPING_KEYS_VARIABLE] !== '1' && existsSync(TEST_WRAPPING_KEYS_FILE)) {
  process.env[TEST_WRAPPING_KEYS_VARIABLE] = JSON.stringify({ file: TEST_WRAPPING_KEYS_FILE, pid: process.pid });
}
