/**
 * Wrapping keys made once for the whole test run: RSA-2048 generation is the simulator's costliest
 * step (every get-parameters-for-import needs a fresh key; a 100-key ceremony needs 100), and
 * dozens of test files start simulators. The global setup writes TEST_WRAPPING_KEY_COUNT keys into
 * a cache file under node_modules/.cache (kept between runs; `npm run test:node22` reuses it), and
 * the setup file hands it to each test process (see src-main/core/kms-simulator/wrapping-key-pool.ts):
 * within one test file every key is handed out at most once, then the simulator generates fresh
 * ones. Test files never share a simulator, so two files may use the same key without meeting.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateWrappingKey, testWrappingKeysFileSchema } from '../../src-main/core/kms-simulator/wrapping-key-pool';
import { TEST_WRAPPING_KEY_COUNT, TEST_WRAPPING_KEYS_FILE } from './test-wrapping-keys-file';

/** True when the cache file exists and holds TEST_WRAPPING_KEY_COUNT keys in the expected format. */
function cacheIsSound(): boolean {
  if (!existsSync(TEST_WRAPPING_KEYS_FILE)) return false;
  try {
    const parsed = testWrappingKeysFileSchema.safeParse(JSON.parse(readFileSync(TEST_WRAPPING_KEYS_FILE, 'utf8')));
    return parsed.success && parsed.data.pkcs8.length === TEST_WRAPPING_KEY_COUNT;
  } catch {
    return false;
  }
}

/** Writes the cache file unless a sound one is there (generation runs on libuv's thread pool). */
export async function ensureTestWrappingKeys(): Promise<void> {
  if (cacheIsSound()) return;
  const pairs = await Promise.all(Array.from({ length: TEST_WRAPPING_KEY_COUNT }, () => generateWrappingKey()));
  const pkcs8 = pairs.map((pair) => pair.privateKeyDer.toString('base64'));
  await fs.mkdir(path.dirname(TEST_WRAPPING_KEYS_FILE), { recursive: true });
  const partial = `${TEST_WRAPPING_KEYS_FILE}.${process.pid}.partial`;
  await fs.writeFile(partial, JSON.stringify({ formatVersion: 1, pkcs8 }), { mode: 0o600 });
  await fs.rename(partial, TEST_WRAPPING_KEYS_FILE);
}
