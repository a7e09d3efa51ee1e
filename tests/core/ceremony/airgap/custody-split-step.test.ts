/**
 * The air-gapped side's custody step (custody-split-step.ts) with real material, real custodian
 * folders and a real journal: the request must name the preflighted folders, the material is
 * split once, the step says who keeps it (manifest and receipt), and a stop removes what it wrote.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import {
  CustodySplitStep,
  type CustodySplitSession,
} from '../../../../src-main/core/ceremony/airgap/custody-split-step';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import { openJournal, type Journal } from '../../../../src-main/core/journal';

const KEY_ID = '4e1b0c2a-2f4d-4c6e-9a8b-0c1d2e3f4a54';

let dir: string;
let journal: Journal;
let vault: MaterialVault;
let folders: string[];
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-custody-step-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  vault = new MaterialVault();
  vault.put(KEY_ID, await generateKeyMaterial('AES_256'));
  folders = ['carol', 'alice', 'bob'].map((name) => path.join(dir, name));
  for (const folder of folders) await mkdir(folder);
});
afterEach(async () => {
  vault.close();
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

function session(): CustodySplitSession {
  // The key as the split reads it from the parameters: its id and spec (no replica).
  const key = { keyId: KEY_ID, keySpec: 'AES_256' } as unknown as ImportParameters;
  return {
    ceremonyId: 'KF-20261201-custody',
    parameters: [key],
    vault,
    journal,
    operator: 'Officer',
    language: 'en',
    slipContext: { title: 'Payments keys 2026', splitAt: new Date('2026-12-01T09:30:00Z') },
  };
}

const request = () => ({
  m: 2,
  n: 3,
  custodians: ['Carol', 'Alice', 'Bob'],
  folders,
  allowSameVolume: true,
});

/** What `step` threw (undefined: nothing). */
function refusal(step: () => void): unknown {
  try {
    step();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('the custody split step', () => {
  it('refuses folders other than the preflighted ones before anything is written', () => {
    const step = new CustodySplitStep();
    expect(refusal(() => step.check(request(), folders.slice(0, 2)))).toMatchObject({
      code: 'CUSTODY_NOT_PREFLIGHTED',
      values: { planned: 2, given: 3 },
    });
    const swapped = [folders[1], folders[0], folders[2]] as string[];
    expect(refusal(() => step.check(request(), swapped))).toMatchObject({
      code: 'PREFLIGHT_FOLDER_DIFFERS',
      values: { role: 'custodian', folder: folders[0], checked: folders[1] },
    });
    expect(refusal(() => step.check(request(), folders))).toBeUndefined();
    expect(step.done).toBe(false);
  });

  it('splits once, says who keeps the material, and refuses a second split', async () => {
    const step = new CustodySplitStep();
    expect(step.arrangement()).toBeUndefined();
    const [result] = await step.split(request(), session());
    expect(result).toMatchObject({ keyId: KEY_ID, threshold: 2, total: 3 });
    expect(step.done).toBe(true);
    // The set's backup digest, as journaled, names the set in the manifest (format version 5) and is
    // printed whole on the receipt's Custody section.
    const split = journal.entries.find((e) => e.event === 'custody.split');
    expect(split?.data['backupDigest']).toMatch(/^[0-9a-f]{64}$/);
    expect(step.arrangement()).toEqual({
      kind: 'shares',
      threshold: 2,
      total: 3,
      custodians: ['Carol', 'Alice', 'Bob'],
      backupDigest: split?.data['backupDigest'],
    });
    expect(step.receiptCustody().get(KEY_ID)).toEqual({
      threshold: 2,
      backupDigest: split?.data['backupDigest'],
      holders: [
        { shareIndex: 1, custodian: 'Carol' },
        { shareIndex: 2, custodian: 'Alice' },
        { shareIndex: 3, custodian: 'Bob' },
      ],
    });
    expect(split?.data['backupDigest']).toMatch(/^[0-9a-f]{64}$/);
    // Each slip names the ceremony's title and when the shares were made (a trial's auditor could not
    // tell two ceremonies' slips apart).
    const slipName = (await readdir(folders[0] as string)).find((f) => f.endsWith('.slip.txt'));
    const slip = await readFile(path.join(folders[0] as string, slipName as string), 'utf8');
    expect(slip).toMatch(/^Title: +Payments keys 2026$/m);
    expect(slip).toMatch(/^Shares made: +2026-12-01 09:30:00 UTC$/m);
    expect(refusal(() => step.check(request(), folders))).toMatchObject({
      code: 'CUSTODY_ALREADY_SPLIT',
    });
  });

  it('a stop removes every file the split wrote onto the custodians media, journaled', async () => {
    const step = new CustodySplitStep();
    await step.split(request(), session());
    for (const folder of folders) expect((await readdir(folder)).length).toBeGreaterThan(0);
    const withdrawn = await step.withdraw(journal, 'Officer');
    expect(withdrawn.custodyByHand).toEqual([]);
    expect([...withdrawn.withdrawnCustody].sort()).toEqual([...folders].sort());
    for (const folder of folders) expect(existsSync(folder) ? await readdir(folder) : []).toEqual([]);
    expect(journal.entries.at(-1)?.event).toBe('custody.withdrawn');
  });

  // Attack round: a set of 3 keys where a replica shares its primary's material: the slip said
  // "2 个密钥" and the receipt's custody section had no row for the replica.
  it('a replica is kept by its primary’s shares: the slip counts materials and keys, the receipt names the replica', async () => {
    const ecId = '5f2c1d3b-3a5e-4d7f-8b9c-1d2e3f4a5b65';
    const replicaId = '6a3d2e4c-4b6f-4e80-9cad-2e3f4a5b6c76';
    vault.put(ecId, await generateKeyMaterial('EC_P256'));
    const parameters = [
      { keyId: KEY_ID, keySpec: 'AES_256' },
      { keyId: replicaId, keySpec: 'AES_256', replicaOf: KEY_ID },
      { keyId: ecId, keySpec: 'EC_P256' },
    ] as unknown as ImportParameters[];
    const step = new CustodySplitStep();
    await step.split(request(), { ...session(), parameters, language: 'zh-CN' });
    const slipName = (await readdir(folders[0] as string)).find((f) => f.endsWith('.slip.txt'));
    const slip = await readFile(path.join(folders[0] as string, slipName as string), 'utf8');
    expect(slip).toContain('2 份密钥材料（3 个密钥；副本组的密钥共用一份）');
    expect(slip).not.toContain('2 个密钥');
    // The backup's printout beside it counts the same materials (it said "2 个密钥" too).
    const printName = (await readdir(folders[0] as string)).find((f) => /backup.*\.html$/.test(f));
    const print = await readFile(path.join(folders[0] as string, printName as string), 'utf8');
    expect(print).toContain('本仪式每个密钥的密钥材料（2 份密钥材料）');
    const custody = step.receiptCustody();
    expect([...custody.keys()].sort()).toEqual([KEY_ID, ecId, replicaId].sort());
    expect(custody.get(replicaId)).toEqual(custody.get(KEY_ID));
  });
});
