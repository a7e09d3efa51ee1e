/**
 * Where the run's made-beforehand wrapping keys live and the variable that hands them to a test
 * process. Imports nothing of the app: the setup file reads it before a test file's `vi.mock`
 * calls, and a module it imported would escape them.
 */
import path from 'node:path';

/** More than the keys the busiest test file takes (the 100-key UI test fetches 100 parameters twice). */
export const TEST_WRAPPING_KEY_COUNT = 256;

/**
 * Committed, made by OpenSSL (tests/fixtures/test-wrapping-keys/README.md): a fresh clone's run
 * does not first spend a minute of CPU generating them.
 */
export const TEST_WRAPPING_KEYS_FILE = path.join(
  path.resolve(__dirname, '../..'),
  'tests',
  'fixtures',
  'test-wrapping-keys',
  `rsa2048-${TEST_WRAPPING_KEY_COUNT}.json`,
);

/** Same name as TEST_WRAPPING_KEYS_VARIABLE in src-main/core/kms-simulator/wrapping-key-pool.ts (a test checks). */
export const TEST_WRAPPING_KEYS_VARIABLE = 'KEYFERRY_TEST_WRAPPING_KEYS';

/** Set to 1 to run without the pool (every simulator generates its keys, as before): to compare, or to doubt the pool. */
export const FRESH_WRAPPING_KEYS_VARIABLE = 'KEYFERRY_TEST_FRESH_WRAPPING_KEYS';

/**
 * Where a process keeps its count of handed-out test keys (globalThis, under this symbol: the same
 * one src-main/core/kms-simulator/wrapping-key-pool.ts uses); the setup file clears it before each file.
 */
export const TEST_WRAPPING_KEYS_HELD = Symbol.for('keyferry.kms-simulator.test-wrapping-keys');
