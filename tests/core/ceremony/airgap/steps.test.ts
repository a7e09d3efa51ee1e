/**
 * The journaled steps both air-gapped ceremonies share (src-main/core/ceremony/airgap/steps.ts),
 * on a real journal, real bundles in real folders and real material: who is present is journaled
 * at the session start; a live network interface is refused and journaled, an allowed one is
 * journaled as a warning naming it; a wrapped-material bundle handed in where the import
 * parameters belong is refused, saying which bundle to pick; the material is wiped after
 * wrapping even when the wrap fails, and the wipe is journaled only after a wrap.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  writeImportParametersBundle,
  writeWrappedMaterialBundle,
  type ImportParameters,
} from '../../../../src-main/core/bundle';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import {
  checkNetworkJournaled,
  journalAirGapSessionStart,
  readImportParametersBundle,
  wrapThenWipe,
} from '../../../../src-main/core/ceremony/airgap/steps';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { LIVE_WLAN, OFFLINE } from '../../../helpers/workstation';
import { NOW, makeImportParameters, makeWrappedMaterial } from '../../bundle/bundle-fixtures';

const APP = { version: '0.1.0-test', build: 'test' };

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-airgap-steps-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const events = () => journal.entries.map((e) => e.event);

describe('journalAirGapSessionStart', () => {
  it('journals who is present, the side, the purpose, and what the receipts are printed on', async () => {
    const people = { journal, title: 'Payments 2030', operator: 'Ana', witnesses: ['Ben', 'Chloé'], app: APP };
    await journalAirGapSessionStart({ ...people, paperSize: 'Letter', receiptLanguage: 'zh-CN' }, 'custody-restore');
    expect(journal.entries[0]).toMatchObject({
      actor: 'Ana',
      event: 'ceremony.session-started',
      data: {
        side: 'air-gapped',
        purpose: 'custody-restore',
        title: 'Payments 2030',
        operator: 'Ana',
        witnesses: ['Ben', 'Chloé'],
        rehearsal: false,
        paperSize: 'Letter',
        receiptLanguage: 'zh-CN',
      },
    });
    await journalAirGapSessionStart({ ...people, rehearsal: true });
    expect(journal.entries[1]?.data).not.toHaveProperty('purpose');
    expect(journal.entries[1]?.data).toMatchObject({ rehearsal: true });
  });
});

describe('checkNetworkJournaled', () => {
  it('journals a workstation with only loopback as checked, with no warning', async () => {
    const result = await checkNetworkJournaled(journal, 'Ana', undefined, OFFLINE);
    expect(result.overridden).toBe(false);
    expect(events()).toEqual(['network.checked']);
    expect(journal.entries[0]?.data).toMatchObject({ interfaces: [], overridden: false });
  });

  it('refuses a live interface, journaling the refusal', async () => {
    await expect(checkNetworkJournaled(journal, 'Ana', false, LIVE_WLAN)).rejects.toMatchObject({
      code: 'AIRGAP_NETWORK_LIVE',
    });
    expect(events()).toEqual(['network.refused']);
    expect(journal.entries[0]?.data).toMatchObject({ code: 'AIRGAP_NETWORK_LIVE' });
  });

  it('journals an allowed live interface as a warning naming it', async () => {
    const result = await checkNetworkJournaled(journal, 'Ana', true, LIVE_WLAN);
    expect(result.overridden).toBe(true);
    expect(events()).toEqual(['network.checked', 'warning.network-allowed']);
    expect(journal.entries[1]?.data).toEqual({ interfaces: ['wlan0 IPv4 10.1.2.3'] });
  });
});

describe('readImportParametersBundle', () => {
  it('reads an import-parameters bundle, and refuses a wrapped-material bundle saying which to pick', async () => {
    const params = path.join(dir, 'params');
    const keys = makeImportParameters(1, NOW, ['AES_256']);
    await writeImportParametersBundle(params, { ceremonyId: 'KF-20300102-abcdef', keys }, { now: NOW });
    const read = await readImportParametersBundle(params, NOW, 'airgap');
    expect(read.keys.map((k) => k.keyId)).toEqual(keys.map((k) => k.keyId));

    const wrapped = path.join(dir, 'wrapped');
    await writeWrappedMaterialBundle(
      wrapped,
      { ceremonyId: 'KF-20300102-abcdef', keys: makeWrappedMaterial(1, NOW) },
      { now: NOW },
    );
    for (const side of ['airgap', 'restore'] as const) {
      await expect(readImportParametersBundle(wrapped, NOW, side)).rejects.toMatchObject({
        code: 'BUNDLE_WRONG_KIND',
        values: { dir: wrapped, found: 'wrapped', pick: side },
      });
    }
  });
});

describe('wrapThenWipe', () => {
  it('wraps, wipes every material in the vault and journals the wipe naming the keys', async () => {
    const keys = makeImportParameters(2, NOW, ['AES_256']) as ImportParameters[];
    const vault = new MaterialVault();
    const materials = keys.map((k) => {
      const m = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
      vault.put(k.keyId, m);
      return m;
    });
    const wrapped = await wrapThenWipe(keys, vault, { journal, operator: 'Ana' });
    expect(wrapped).toHaveLength(2);
    expect(materials.every((m) => m.secret.disposed)).toBe(true);
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'material.wiped',
      data: { keyIds: keys.map((k) => k.keyId) },
    });
  });

  it('wipes the material even when the wrap fails, and journals the wipe of the keys whose material was held', async () => {
    const keys = makeImportParameters(2, NOW, ['AES_256']) as ImportParameters[];
    const vault = new MaterialVault();
    const held = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
    vault.put(keys[0]?.keyId as string, held);
    const other = createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32)));
    vault.put('9f1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a55', other);
    await expect(wrapThenWipe(keys, vault, { journal, operator: 'Ana' })).rejects.toMatchObject({
      code: 'MATERIAL_NOT_HELD',
      values: { keyId: keys[1]?.keyId },
    });
    expect(held.secret.disposed).toBe(true);
    expect(other.secret.disposed).toBe(true);
    expect(vault.size).toBe(0);
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'material.wiped',
      data: { keyIds: [keys[0]?.keyId], code: 'MATERIAL_NOT_HELD' },
    });
  });
});
