/**
 * People's work per ceremony, counted from the journals of real rehearsals (simulator, both
 * sides, custody 2-of-3) with 1 and with 100 AES_256 keys: custody slips, receipts and media
 * handed over do not grow with the key count, and neither does what witnesses read aloud and type:
 * one import-parameters bundle digest per ceremony, typed once by each witness.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRehearsal, type RehearsalResult } from '../../../../src-main/core/ceremony/rehearsal/rehearsal';
import { startKmsSimulator, type KmsSimulator } from '../../../../src-main/core/kms-simulator/index';

const APP = { version: '0.1.0-test', build: 'test' };
let dir: string;
let sim: KmsSimulator;
const results = new Map<number, RehearsalResult>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-human-actions-'));
  sim = await startKmsSimulator({ wrappingKeyPoolSize: 110, refillWrappingKeys: false });
  await sim.wrappingKeysReady();
  for (const keys of [1, 100]) {
    const result = await runRehearsal({
      outDir: path.join(dir, `keys-${keys}`),
      specs: Array.from({ length: keys }, () => 'AES_256' as const),
      app: APP,
      witnesses: ['Ben', 'Chloé'],
      custody: { m: 2, n: 3 },
      // The 100-key ceremony uses a simulator with its wrapping keys made beforehand (aliases are per simulator).
      ...(keys === 100 ? { simulator: sim } : {}),
    });
    expect(result.ok).toBe(true);
    results.set(keys, result);
  }
}, 300_000);
afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('human actions per ceremony', () => {
  it('custody slips, receipts and media handed over are the same for 1 and 100 keys', () => {
    const one = results.get(1)?.humanActions;
    const hundred = results.get(100)?.humanActions;
    // 2 receipts + 3 custody slips; parameters bundle in, wrapped bundle out, 3 custodian media.
    expect(one).toMatchObject({ slipsPrintedAndSigned: 5, mediaSwaps: 5 });
    expect(hundred?.slipsPrintedAndSigned).toBe(one?.slipsPrintedAndSigned);
    expect(hundred?.mediaSwaps).toBe(one?.mediaSwaps);
  });

  it('counts what witnesses compare and type: one bundle digest read aloud, typed once per witness, one digest at import', () => {
    const one = results.get(1)?.humanActions;
    const hundred = results.get(100)?.humanActions;
    expect(one).toMatchObject({ readAloud: 1, typed: 2 + 1 });
    // 100 keys, each under its own wrapping key from the KMS: still one bundle digest for the witnesses.
    expect(hundred).toMatchObject({ readAloud: 1, typed: 2 + 1 });
    expect(hundred?.total).toBe(one?.total);
  });
});
