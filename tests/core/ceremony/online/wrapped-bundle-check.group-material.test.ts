/**
 * A replica never imported whose group’s primary holds material takes only that material, and the
 * online side proves it itself, whatever the parameters bundle bound: a group, AES and EC (primary and
 * a replica in a second simulated region, real HTTP), the primary imported from the first wrap and the
 * replica's import refused; a wrap again of the same parameters (fresh material) offered for the
 * replica alone, as an air-gapped side that did not honour the group would write it, is refused
 * before anything is sent, and the replica stays Pending import.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keyAloneInBundle, primaryTookFirstWrap } from '../../../helpers/group-split';
import { createFixture, receiptDigestOf, type Fixture } from '../ceremony-fixture';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.close();
  f = undefined;
});

describe('a replica never imported, offered other material than its group holds', () => {
  it.each([
    ['AES_256', 'KCV'],
    ['EC_P256', 'public-key fingerprint'],
  ] as const)(
    '%s: is refused before its import, naming the member holding the group’s material (its %s)',
    async (spec, evidence) => {
      f = await createFixture({ simulator: { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }] } });
      const { primaryId, replicaId, first, again, journal, online } = await primaryTookFirstWrap(f, spec);
      const evidenceOf = async (dir: string) => {
        const { keys } = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
          keys: { keyCheckValue: string | null; publicKeyFingerprint: string | null }[];
        };
        return keys[0]?.keyCheckValue ?? keys[0]?.publicKeyFingerprint;
      };
      // The wrap again made fresh material; the primary took the first wrap's, the replica nothing.
      expect(await evidenceOf(again.out)).not.toBe(await evidenceOf(first.out));
      const stateOf = async (keyId: string) => (await online.status()).find((s) => s.keyId === keyId)?.keyState;
      expect(await stateOf(primaryId)).toBe('Enabled');
      expect(await stateOf(replicaId)).toBe('Pending import');

      await keyAloneInBundle(again.out, replicaId);
      const refusal = online.checkWrappedBundle(again.out, await receiptDigestOf(again.out));
      await expect(refusal).rejects.toMatchObject({
        code: 'WRAPPED_MATERIAL_NOT_THE_GROUPS',
        message: expect.stringContaining(
          `Key dr/key (${replicaId}, the replica in region cn-east-3) was never imported, and its replica group already holds material: key ${primaryId} of the group took it`,
        ),
        values: expect.objectContaining({ kind: spec === 'AES_256' ? 'kcv' : 'publicKey' }),
        // The first wrap, which the primary took, carries the replica with a live token: imported again, not a restore.
        nextStep: expect.stringContaining(`keyferry online import with --bundle ${first.out} and --expect-digest`),
      });
      await refusal.catch((error: Error) =>
        expect(error.message).toContain(`This bundle gives ${replicaId} other material (${evidence} `),
      );
      expect(journal.entries.at(-1)).toMatchObject({
        event: 'wrapped-bundle.refused',
        data: { code: 'WRAPPED_MATERIAL_NOT_THE_GROUPS' },
      });
      // Nothing was sent: the replica still waits for the group's material.
      await expect(online.importMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
      expect(await stateOf(replicaId)).toBe('Pending import');
    },
    120_000,
  );
});

describe('a replica never imported, offered other material while its primary’s import took effect unrecorded', () => {
  it('is refused before its import, naming the primary and the bundle its import came from', async () => {
    f = await createFixture({ simulator: { region: 'cn-north-4', regions: [{ region: 'cn-east-3' }] } });
    const { primaryId, replicaId, first, again, journal, online } = await primaryTookFirstWrap(f, 'AES_256', true);
    // The journal records no import taken by either key; the KMS took the first wrap into the primary.
    expect(journal.entries.filter((e) => e.event === 'key.imported')).toEqual([]);
    expect(f.sim.importCount(primaryId)).toBe(1);

    await keyAloneInBundle(again.out, replicaId);
    const sent = f.sim.importRequestCount(replicaId);
    await expect(online.checkWrappedBundle(again.out, await receiptDigestOf(again.out))).rejects.toMatchObject({
      code: 'IMPORT_LANDED_FROM_OTHER_BUNDLE',
      values: expect.objectContaining({ keyId: primaryId, folder: first.out }),
      message: expect.stringContaining(
        `This bundle does not carry that key but carries key ${replicaId} of its replica group, and a replica group holds one material`,
      ),
    });
    // Nothing was sent: the replica still waits for the group's material.
    await expect(online.importMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    expect(f.sim.importRequestCount(replicaId)).toBe(sent);
  }, 120_000);
});
