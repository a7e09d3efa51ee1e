/**
 * The simulator's wrapping keys: every get-parameters-for-import answer carries a key no other
 * answer of that simulator carried, whether it came from the test run's made-beforehand keys
 * (tests/support/test-wrapping-keys.ts) or was generated fresh; those keys reach only a test file's
 * processes (its own and the CLIs and simulators it spawns), under NODE_ENV=test, each key one
 * process's only, and a file that is not sound is refused.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_WRAPPING_KEYS_VARIABLE,
  WrappingKeyPool,
  testWrappingKeysFileSchema,
} from '../../../src-main/core/kms-simulator/wrapping-key-pool';
import * as keysFile from '../../support/test-wrapping-keys-file';
import { startSimWithClient, uniqueAlias } from '../kms/helpers/sim';
import { testRsaKeyPair } from '../crypto/helpers/test-rsa-keys';

/** Where the pool module keeps what this process has taken from the file (reset between cases). */
const HELD = Symbol.for('keyferry.kms-simulator.test-wrapping-keys');
const held = globalThis as { [HELD]?: unknown };

let dir: string;
let runKeys: string[];
const saved = { variable: process.env[TEST_WRAPPING_KEYS_VARIABLE], nodeEnv: process.env.NODE_ENV, held: held[HELD] };

/** Points this process at a keys file holding `pkcs8` (base64) and a fresh claims folder, as the setup file does. */
async function useKeysFile(pkcs8: readonly string[]): Promise<string> {
  const file = path.join(dir, 'keys.json');
  await writeFile(file, JSON.stringify({ formatVersion: 1, pkcs8 }));
  const claims = await mkdtemp(path.join(dir, 'claims-'));
  process.env[TEST_WRAPPING_KEYS_VARIABLE] = JSON.stringify({ file, claims });
  delete held[HELD];
  return file;
}

/** The public keys (SPKI, base64) a pool of a spawned process (inheriting this one's environment) hands out. */
function takenBySpawnedProcess(count: number): string[] {
  const program = `const { WrappingKeyPool } = require(${JSON.stringify(POOL_MODULE)});
(async () => {
  const pool = new WrappingKeyPool(0, { refill: false });
  for (let i = 0; i < ${count}; i++) console.log((await pool.take()).publicKeyDer.toString('base64'));
})();`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '-e', program], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  return child.stdout.trim().split('\n');
}

const POOL_MODULE = path.resolve(__dirname, '../../../src-main/core/kms-simulator/wrapping-key-pool.ts');

const spkiOf = (pkcs8: string) =>
  createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' }))
    .export({ type: 'spki', format: 'der' })
    .toString('base64');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-wrapping-pool-'));
  const file = JSON.parse(await readFile(keysFile.TEST_WRAPPING_KEYS_FILE, 'utf8')) as unknown;
  runKeys = testWrappingKeysFileSchema.parse(file).pkcs8.slice(0, 4);
});
function restoreVariable(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
afterEach(() => {
  restoreVariable(TEST_WRAPPING_KEYS_VARIABLE, saved.variable);
  restoreVariable('NODE_ENV', saved.nodeEnv);
  held[HELD] = saved.held;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The public keys (SPKI, base64) of `count` import parameters fetched from a fresh simulator (one refetch included). */
async function wrappingKeysIssued(count: number): Promise<string[]> {
  const setup = await startSimWithClient({ wrappingKeyPoolSize: 1 });
  try {
    const issued: string[] = [];
    let last = '';
    for (let i = 0; i < count; i++) {
      if (i === 1) {
        issued.push((await setup.client.getParametersForImport({ keyId: last })).publicKeyDer.toString('base64'));
        continue;
      }
      last = (await setup.client.createKey({ alias: uniqueAlias('pool'), spec: 'AES_256' })).keyId;
      issued.push((await setup.client.getParametersForImport({ keyId: last })).publicKeyDer.toString('base64'));
    }
    return issued;
  } finally {
    await setup.close();
  }
}

describe('the wrapping keys a simulator issues', () => {
  it("the setup file hands this test file's processes the run file and a claims folder (none when asked for fresh keys)", () => {
    expect(keysFile.TEST_WRAPPING_KEYS_VARIABLE).toBe(TEST_WRAPPING_KEYS_VARIABLE);
    expect(saved.nodeEnv).toBe('test');
    if (process.env[keysFile.FRESH_WRAPPING_KEYS_VARIABLE] === '1') expect(saved.variable).toBeUndefined();
    else {
      const variable = JSON.parse(saved.variable ?? '{}') as { file?: string; claims?: string };
      expect(variable).toEqual({ file: keysFile.TEST_WRAPPING_KEYS_FILE, claims: expect.any(String) });
      expect(existsSync(variable.claims ?? '')).toBe(true);
    }
  });

  it('are never the same for two keys: the made-beforehand ones first, each once across simulators, then fresh ones', async () => {
    await useKeysFile(runKeys);
    const first = await wrappingKeysIssued(3);
    const second = await wrappingKeysIssued(3);
    const all = [...first, ...second];
    expect(new Set(all).size).toBe(6);
    // The second simulator of this process got the file's two remaining keys, then generated one.
    expect(all.slice(0, 4)).toEqual(runKeys.map(spkiOf));
    expect(runKeys.map(spkiOf)).not.toContain(all[4]);
    expect(runKeys.map(spkiOf)).not.toContain(all[5]);
  }, 60_000);

  it("reach a spawned process (a CLI's simulator) as the file's keys no other process of the test file took", async () => {
    const fileKeys = runKeys.map(spkiOf);
    await useKeysFile(runKeys);
    const here = await wrappingKeysIssued(2);
    const spawned = takenBySpawnedProcess(3);
    expect(here).toEqual(fileKeys.slice(0, 2));
    expect(spawned.slice(0, 2)).toEqual(fileKeys.slice(2, 4));
    // The file's keys all taken: the spawned process generated its third one.
    expect(fileKeys).not.toContain(spawned[2]);
    expect(spawned[2]).toMatch(/^[A-Za-z0-9+/]{300,}={0,2}$/);
  }, 60_000);

  it('are generated fresh outside a test run', async () => {
    const fileKeys = runKeys.map(spkiOf);
    await useKeysFile(runKeys);
    process.env.NODE_ENV = 'production';
    const production = await wrappingKeysIssued(2);
    for (const key of production) expect(fileKeys).not.toContain(key);
    expect(new Set(production).size).toBe(2);
  }, 60_000);

  it('refuses a keys file that is not RSA-2048 PKCS#8 in the expected format instead of handing it out', async () => {
    const weak = testRsaKeyPair('rsa3072').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    await useKeysFile([weak]);
    await expect(new WrappingKeyPool(0).take()).rejects.toThrow(/not an RSA-2048 key/);
    const file = await useKeysFile(runKeys);
    await writeFile(file, JSON.stringify({ formatVersion: 2, pkcs8: runKeys }));
    await expect(new WrappingKeyPool(0).take()).rejects.toThrow(/formatVersion/);
  });
});
