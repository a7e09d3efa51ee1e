/**
 * The air-gapped receipt (src-main/core/ceremony/airgap/receipt.ts), written into a real folder
 * from material really wrapped and a wrapped bundle really staged, with a real journal: each key
 * is listed with its own output files and their SHA-256, its check value or public-key
 * fingerprint and the material expiry it requests (asymmetric: never), a replica with its place
 * and primary, the plan a restore replaced; the receipt is journaled; a key without an import
 * token or not wrapped stops it before any file is written.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { receiptCustodyOf, writeAirGapReceipt } from '../../../../src-main/core/ceremony/airgap/receipt';
import { airGapRecord } from '../../../../src-main/core/ceremony/airgap/steps';
import { wrapAll, writeWrapped } from '../../../../src-main/core/ceremony/airgap/wrap';
import { generateKeyMaterial } from '../../../../src-main/core/crypto/generate-key-material';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import { groupHex } from '../../../../src-main/core/hex-groups';
import { openJournal, type Journal } from '../../../../src-main/core/journal';
import { NOW, makeImportParameters } from '../../bundle/bundle-fixtures';

const APP = { version: '0.1.0-test', build: 'test' };
const CEREMONY = 'KF-20300102-abcdef';

let dir: string;
let journal: Journal;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-airgap-receipt-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', ceremonyId: CEREMONY });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/** An AES key, an EC key and an AES replica of the first, wrapped for real and staged as a bundle. */
async function wrappedCeremony() {
  const [aes, ec, other] = makeImportParameters(3, NOW, ['AES_256', 'EC_P256', 'AES_256']) as ImportParameters[];
  const parameters = [aes, ec, { ...(other as ImportParameters), replicaOf: aes?.keyId }] as ImportParameters[];
  const vault = new MaterialVault();
  vault.put(aes?.keyId as string, createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32))));
  vault.put(ec?.keyId as string, await generateKeyMaterial('EC_P256'));
  const wrapped = await wrapAll(parameters, vault, { journal, operator: 'Ana' });
  const at = { kind: 'at', at: new Date('2031-01-01T00:00:00.000Z') } as const;
  const staged = await writeWrapped(
    path.join(dir, 'wrapped'),
    CEREMONY,
    wrapped,
    () => at,
    { kind: 'none', acknowledged: true },
    {
      purpose: 'wrap',
      operator: 'Ana',
      witnesses: ['Ben'],
      journalFile: 'airgap.jsonl',
      journalFirstEntrySha256: 'a'.repeat(64),
    },
    { journal, operator: 'Ana' },
    NOW,
  );
  const record = airGapRecord(
    { journal, title: 'Payments 2030', operator: 'Ana', witnesses: ['Ben'], app: APP },
    CEREMONY,
    undefined,
  );
  const receipts = path.join(dir, 'receipts');
  await mkdir(receipts);
  const facts = {
    record,
    parameters,
    wrapped: wrapped.map((w) => w.summary),
    bundle: staged.bundle,
    custody: new Map(),
    journal,
    now: NOW,
  };
  return { parameters, wrapped, staged, facts, receipts };
}

/** The lines of the text receipt's section for `keyId`. */
function keySection(text: string, keyId: string): string {
  const start = text.indexOf(`Key ID ............................... ${keyId}`);
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end);
}

describe('writeAirGapReceipt', () => {
  it('lists each key with its own output files, its evidence and the expiry it requests, and journals the receipt', async () => {
    const { parameters, wrapped, staged, facts, receipts } = await wrappedCeremony();
    const written = await writeAirGapReceipt(receipts, facts);
    const text = await readFile(written.textFile, 'utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe(written.textSha256);
    const [aes, ec, replica] = parameters as [ImportParameters, ImportParameters, ImportParameters];
    for (const key of parameters) {
      const section = keySection(text, key.keyId);
      const own = staged.bundle.files.filter((f) => f.name.startsWith(`keys/${key.keyId}/`));
      expect(own.length, key.keyId).toBeGreaterThan(0);
      for (const f of own) expect(section).toContain(f.name);
      const others = staged.bundle.files.filter((f) => !f.name.startsWith(`keys/${key.keyId}/`));
      for (const f of others) expect(section).not.toContain(f.name);
    }
    expect(keySection(text, aes.keyId)).toMatch(/Material expiry \.+ 2031-01-01/);
    expect(keySection(text, ec.keyId)).toMatch(/Material expiry \.+ never/);
    // A replica group's one check value is printed once, for the group.
    const kcv = groupHex((wrapped[0]?.summary.keyCheckValue as string).toUpperCase());
    expect(text.split(kcv).length - 1).toBe(1);
    expect(keySection(text, aes.keyId)).toContain('replica group 1');
    expect(keySection(text, replica.keyId)).toContain(aes.keyId);
    expect(journal.entries.at(-1)?.event).toBe('receipt.written');
  });

  it('prints the plan expiry a restore replaced because it had passed', async () => {
    const { parameters, facts, receipts } = await wrappedCeremony();
    const lapsed = new Date('2029-06-01T00:00:00.000Z');
    const written = await writeAirGapReceipt(receipts, {
      ...facts,
      replacedLapsedPlans: new Map([[parameters[0]?.keyId as string, lapsed]]),
    });
    const text = await readFile(written.textFile, 'utf8');
    expect(keySection(text, parameters[0]?.keyId as string)).toMatch(
      /The plan’s expiry it replaces \(passed\)[ .]+2029-06-01/,
    );
    expect(keySection(text, parameters[1]?.keyId as string)).not.toContain('replaces');
  });

  it.each([
    ['a key without an import token', 'RECEIPT_NEEDS_TOKEN'],
    ['a key that was not wrapped', 'CEREMONY_STEP_OUT_OF_ORDER'],
  ])('stops at %s, writing no file', async (which, code) => {
    const { parameters, facts, receipts } = await wrappedCeremony();
    const [first, ...rest] = parameters as [ImportParameters, ...ImportParameters[]];
    const changed =
      code === 'RECEIPT_NEEDS_TOKEN'
        ? {
            ...facts,
            parameters: [first, { ...(rest[0] as ImportParameters), importToken: null }, ...rest.slice(1)],
          }
        : { ...facts, wrapped: facts.wrapped.filter((w) => w.keyId !== rest[0]?.keyId) };
    await expect(writeAirGapReceipt(receipts, changed), which).rejects.toMatchObject({
      code,
      values: expect.objectContaining({ keyId: rest[0]?.keyId }),
    });
    expect(await readdir(receipts)).toEqual([]);
  });
});

describe('receiptCustodyOf', () => {
  it('gives the receipt every share index and who holds it, and the threshold', () => {
    const holders = [
      { shareIndex: 1, custodian: 'Alice', folder: '/media/a', shareFile: 'share-1.json' },
      { shareIndex: 2, custodian: 'Bob', folder: '/media/b', shareFile: 'share-2.json' },
    ];
    expect(
      receiptCustodyOf({
        keyId: 'k',
        threshold: 2,
        total: 2,
        holders,
        backupFile: 'backup.json',
        backupDigest: 'ab'.repeat(32),
      }),
    ).toEqual({
      threshold: 2,
      holders: [
        { shareIndex: 1, custodian: 'Alice' },
        { shareIndex: 2, custodian: 'Bob' },
      ],
      backupDigest: 'ab'.repeat(32),
    });
  });
});
