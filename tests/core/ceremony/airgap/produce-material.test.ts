/**
 * Producing material on the air-gapped side (src-main/core/ceremony/airgap/produce-material.ts)
 * into a real vault and a real journal, for real import parameters: every key gets fresh material
 * (one per replica group), journaled with the evidence a person compares (check value or
 * public-key fingerprint) and never the material, and a key already holding material is left
 * alone; material loaded from a real file is journaled by file name, and a key outside the
 * ceremony, a replica, or material other than the one the KMS bound the key to is refused with
 * nothing held.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { journalAndVaultEachTest } from './journal-and-vault';
import { AirGapMaterialStep, materialEvidence } from '../../../../src-main/core/ceremony/airgap/produce-material';
import { keyCheckValue } from '../../../../src-main/core/crypto/evidence';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import type { Journal } from '../../../../src-main/core/journal';
import type { CeremonyProgress } from '../../../../src-main/core/ceremony/shared/progress';
import { makeImportParameters } from '../../bundle/bundle-fixtures';

const scratch = journalAndVaultEachTest('kf-produce-material-');
let dir: string;
let journal: Journal;
let vault: MaterialVault;
beforeEach(() => {
  ({ dir, journal, vault } = scratch());
});

const generated = () => journal.entries.filter((e) => e.event === 'material.generated').map((e) => e.data);

describe('AirGapMaterialStep.generate', () => {
  it('gives every key fresh material, one per replica group, journaled with its evidence and never the bytes', async () => {
    const [aes, ec, other] = makeImportParameters(3, undefined, ['AES_256', 'EC_P256']) as ImportParameters[];
    const replica: ImportParameters = { ...(other as ImportParameters), keySpec: 'AES_256', replicaOf: aes?.keyId };
    const progress: CeremonyProgress[] = [];
    const step = new AirGapMaterialStep(vault, journal, 'Ana', (p) => progress.push(p));
    const summaries = await step.generate([aes, ec, replica] as ImportParameters[]);
    expect(summaries.map((s) => [s.keyId, s.spec, s.source])).toEqual([
      [aes?.keyId, 'AES_256', 'generated'],
      [ec?.keyId, 'EC_P256', 'generated'],
    ]);
    expect(vault.has(replica.keyId)).toBe(false);
    for (const s of summaries)
      expect(materialEvidence(vault.get(s.keyId))).toMatchObject(
        s.keyCheckValue ? { keyCheckValue: s.keyCheckValue } : { publicKeyFingerprint: s.publicKeyFingerprint },
      );
    expect(summaries[0]?.keyCheckValue).toMatch(/^[0-9A-F]{6}$/);
    expect(summaries[1]?.publicKeyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(generated()).toEqual(summaries.map((s) => ({ ...s })));
    const secret = vault.get(aes?.keyId as string).secret.use((b) => Buffer.from(b).toString('hex'));
    expect(JSON.stringify(journal.entries)).not.toContain(secret);
    expect(progress.at(-1)).toMatchObject({ step: 'generate-material', done: 2, total: 2 });
  });

  it('leaves a key that already holds material alone', async () => {
    const [a, b] = makeImportParameters(2, undefined, ['AES_256']) as ImportParameters[];
    const step = new AirGapMaterialStep(vault, journal, 'Ana', undefined);
    await step.generate([a as ImportParameters]);
    const held = vault.get(a?.keyId as string);
    const again = await step.generate([a, b] as ImportParameters[]);
    expect(again.map((s) => s.keyId)).toEqual([b?.keyId]);
    expect(vault.get(a?.keyId as string)).toBe(held);
    expect(generated().map((d) => d.keyId)).toEqual([a?.keyId, b?.keyId]);
  });
});

describe('AirGapMaterialStep.loadFile', () => {
  const secret = randomBytes(32);
  const kcv = () => keyCheckValue('AES_256', SecretBytes.from(Buffer.from(secret)));

  it('loads material from a file, journals its file name (not its folder) and its check value', async () => {
    const [key] = makeImportParameters(1, undefined, ['AES_256']) as ImportParameters[];
    const file = path.join(dir, 'private', 'material.hex');
    await mkdir(path.dirname(file));
    await writeFile(file, `${secret.toString('hex')}\n`);
    const step = new AirGapMaterialStep(vault, journal, 'Ana', undefined);
    const summary = await step.loadFile([key as ImportParameters], key?.keyId as string, file);
    expect(summary).toEqual({
      keyId: key?.keyId,
      spec: 'AES_256',
      source: 'file',
      keyCheckValue: kcv(),
      publicKeyFingerprint: null,
    });
    expect(vault.get(key?.keyId as string).secret.use((b) => Buffer.from(b).equals(secret))).toBe(true);
    expect(journal.entries.at(-1)).toMatchObject({
      event: 'material.loaded',
      data: { ...summary, fileName: 'material.hex' },
    });
  });

  it.each<[string, (keys: ImportParameters[]) => ImportParameters[], string, string]>([
    ['a key outside the ceremony', (keys) => keys.slice(1), 'KEY_NOT_IN_CEREMONY', 'first'],
    [
      'a replica (its material is its primary’s)',
      ([a, b]) => [a as ImportParameters, { ...(b as ImportParameters), replicaOf: a?.keyId }],
      'REPLICA_MATERIAL_FROM_PRIMARY',
      'second',
    ],
    [
      'material other than the one the KMS bound the key to',
      ([a, b]) => [
        {
          ...(a as ImportParameters),
          boundMaterial: {
            kind: 'key-check-value',
            method: 'aes-ecb-zero-block',
            keyCheckValue: '000000',
            importedSeq: 4,
          },
        },
        b as ImportParameters,
      ],
      'MATERIAL_NOT_THE_BOUND',
      'first',
    ],
  ])('refuses %s, with nothing held or journaled', async (_case, ceremony, code, which) => {
    const keys = makeImportParameters(2, undefined, ['AES_256']) as ImportParameters[];
    const target = (which === 'first' ? keys[0] : keys[1]) as ImportParameters;
    const file = path.join(dir, 'material.bin');
    await writeFile(file, secret);
    const step = new AirGapMaterialStep(vault, journal, 'Ana', undefined);
    await expect(step.loadFile(ceremony(keys), target.keyId, file)).rejects.toMatchObject({ code });
    expect(vault.size).toBe(0);
    expect(journal.count).toBe(0);
  });
});
