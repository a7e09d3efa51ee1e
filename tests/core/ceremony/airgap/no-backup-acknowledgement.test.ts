/**
 * DESIGN rule 8 on the air-gapped side (no-backup-acknowledgement.ts): which AES keys would be kept
 * nowhere, and the officer's acknowledgement of losing them at each moment they expire, journaled
 * on a real journal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import {
  NoBackupAcknowledgements,
  earliestExpiry,
  unbackedAesKeys,
} from '../../../../src-main/core/ceremony/airgap/no-backup-acknowledgement';
import type { KeyExpiry } from '../../../../src-main/core/ceremony/shared/planned-expiry';
import { KeyferryError } from '../../../../src-main/core/errors';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

/** What `step` threw (undefined: nothing). */
function refusal(step: () => void): unknown {
  try {
    step();
  } catch (error) {
    return error;
  }
  return undefined;
}

const JUNE = new Date('2027-06-01T00:00:00.000Z');
const MAY = new Date('2027-05-01T00:00:00.000Z');

/** A key of the parameters as the expiry check reads it (its id and, for a replica, its primary). */
const key = (keyId: string, replicaOf?: string) =>
  ({ keyId, ...(replicaOf ? { replicaOf } : {}) }) as unknown as ImportParameters;

function expiry(keyId: string, keySpec: KeyExpiry['keySpec'], at: Date | null): KeyExpiry {
  return {
    keyId,
    keySpec,
    planned: null,
    requested: at ? { kind: 'at', at } : { kind: 'never' },
    overridden: false,
  };
}

describe('unbackedAesKeys', () => {
  it('lists the AES keys expiring at a moment whose material is not held yet, each with its moment', () => {
    const keys = [key('aes-june'), key('aes-never'), key('rsa-june'), key('aes-held'), key('replica', 'aes-held')];
    const expiries = [
      expiry('aes-june', 'AES_256', JUNE),
      expiry('aes-never', 'AES_256', null),
      expiry('rsa-june', 'RSA_2048', JUNE),
      expiry('aes-held', 'AES_256', MAY),
      expiry('replica', 'AES_256', MAY),
    ];
    const unbacked = unbackedAesKeys(keys, expiries, (id) => id === 'aes-held');
    expect(unbacked).toEqual([{ keyId: 'aes-june', expiresAt: JUNE.toISOString() }]);
    expect(unbackedAesKeys(keys, expiries, () => false).map((k) => k.keyId)).toEqual([
      'aes-june',
      'aes-held',
      'replica',
    ]);
    expect(earliestExpiry(unbackedAesKeys(keys, expiries, () => false))).toBe(MAY.toISOString());
  });
});

describe('the acknowledgement of material kept nowhere', () => {
  let dir: string;
  let journal: Journal;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kf-no-backup-'));
    journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  });
  afterEach(async () => {
    await journal.close();
    await rm(dir, { recursive: true, force: true });
  });

  const unbacked = [
    { keyId: 'k-june', expiresAt: JUNE.toISOString() },
    { keyId: 'k-may', expiresAt: MAY.toISOString() },
  ];

  it('refuses until every moment is acknowledged, naming how many keys and the earliest moment', async () => {
    const acknowledgements = new NoBackupAcknowledgements();
    expect(() => acknowledgements.require([])).not.toThrow();
    expect(refusal(() => acknowledgements.require(unbacked))).toMatchObject({
      code: 'MATERIAL_NO_BACKUP_UNACKNOWLEDGED',
      values: { count: 2, expiresAt: MAY.getTime() },
    });
    await acknowledgements.acknowledge(MAY.toISOString(), unbacked, journal, 'Officer');
    expect(acknowledgements.given).toBe(true);
    expect(refusal(() => acknowledgements.require(unbacked))).toBeInstanceOf(KeyferryError);
    await acknowledgements.acknowledge('2027-06-01T00:00:00Z', unbacked, journal, 'Officer');
    expect(() => acknowledgements.require(unbacked)).not.toThrow();
  });

  it('journals each acknowledgement as a possible loss naming the keys it covers', async () => {
    const acknowledgements = new NoBackupAcknowledgements();
    expect(acknowledgements.given).toBe(false);
    await acknowledgements.acknowledge([JUNE.toISOString(), MAY.toISOString()], unbacked, journal, 'Officer');
    const entry = journal.entries.at(-1);
    expect(entry?.event).toBe('material.no-backup-acknowledged');
    expect(entry?.data).toEqual({
      keyIds: ['k-june', 'k-may'],
      expiresAt: MAY.toISOString(),
      keys: unbacked,
      consequence: 'lost-after-expiry',
    });
  });
});
