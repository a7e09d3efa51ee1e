/**
 * Wrapping keys made once for every test run: RSA-2048 generation is the simulator's costliest
 * step (every get-parameters-for-import needs a fresh key; a 100-key ceremony needs 100), and
 * dozens of test files start simulators. TEST_WRAPPING_KEY_COUNT keys made by OpenSSL are committed
 * (tests/fixtures/test-wrapping-keys/: generating them took a fresh clone's run about a minute of
 * CPU before the first test file started); the global setup checks that file, and the setup file
 * hands it to each test file (see src-main/core/kms-simulator/wrapping-key-pool.ts), and through the
 * environment to the CLIs and simulators the file spawns: within one test file every key is handed
 * out at most once across all of its processes (each claims a key in the file's claims folder), then
 * the simulators generate fresh ones. Test files never share a simulator, so two files may use the
 * same key without meeting.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { testWrappingKeysFileSchema } from '../../src-main/core/kms-simulator/wrapping-key-pool';
import { TEST_WRAPPING_KEY_COUNT, TEST_WRAPPING_KEYS_FILE } from './test-wrapping-keys-file';

/** Refuses to start the run when the committed file is missing or not TEST_WRAPPING_KEY_COUNT keys in the expected format. */
export function ensureTestWrappingKeys(): void {
  const name = path.relative(process.cwd(), TEST_WRAPPING_KEYS_FILE);
  if (!existsSync(TEST_WRAPPING_KEYS_FILE)) throw new Error(`${name} is missing (see its folder's README.md)`);
  const parsed = testWrappingKeysFileSchema.safeParse(JSON.parse(readFileSync(TEST_WRAPPING_KEYS_FILE, 'utf8')));
  if (!parsed.success || parsed.data.pkcs8.length !== TEST_WRAPPING_KEY_COUNT) {
    throw new Error(`${name} is not ${TEST_WRAPPING_KEY_COUNT} test wrapping keys (see its folder's README.md)`);
  }
}
