/**
 * `online delete-material` refused after the ceremony's journal is open (an unknown or not-imported
 * --key-id, an RSA/EC key whose material the KMS cannot delete, no loss acknowledgement from the
 * app) is journaled as a failed step naming the key and the code, so the receipt's Deviations show
 * the attempt; nothing is sent to the KMS.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyferryError } from '../../../../src-main/core/errors';
import { english, translator } from '../../../../src-main/i18n/translate';
import { createFixture, importedOnDayTwo, type Fixture } from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

async function failedSteps(): Promise<Record<string, unknown>[]> {
  const lines = (await readFile(path.join(f.dir, 'online.jsonl'), 'utf8')).trim().split('\n');
  return lines
    .map((l) => JSON.parse(l) as { event: string; data: Record<string, unknown> })
    .filter((e) => e.event === 'step.failed')
    .map((e) => e.data);
}

describe('online delete-material refused after the journal is open', () => {
  it('journals each refusal (code and key) before any KMS call, and deletes nothing', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { day2, imported } = await importedOnDayTwo(f, plan);
    const aes = imported.find((k) => k.spec === 'AES_256')?.keyId as string;
    const ec = imported.find((k) => k.spec === 'EC_P256')?.keyId as string;
    const unknown = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
    const deletes = vi.spyOn(f.kms, 'deleteImportedKeyMaterial');

    const notOurs = await day2.deleteMaterial(unknown, { lossAcknowledged: true }).catch((e: unknown) => e);
    expect(notOurs).toMatchObject({ code: 'KEY_NOT_IMPORTED' });
    // A key id of no key of this ceremony is said as such, naming the key whose material can be deleted.
    const said = english.problem((notOurs as KeyferryError).toProblem());
    const alias = plan.keys.find((k) => k.spec === 'AES_256')?.alias as string;
    expect(said.message).toBe(`Key ${unknown} is not a key of this ceremony. Nothing was deleted.`);
    expect(said.nextStep).toBe(`Give the key id of the key whose material can be deleted: ${alias} (${aes}).`);
    expect(translator('zh-CN').problem((notOurs as KeyferryError).toProblem()).nextStep).toBe(
      `请给出可删除其密钥材料的那个密钥的密钥 ID：${alias} (${aes})。`,
    );
    await expect(day2.deleteMaterial(ec, { lossAcknowledged: true })).rejects.toMatchObject({
      code: 'MATERIAL_NOT_DELETABLE',
    });
    // The bundle kept no custody copy: the acknowledgement alone does not do, the key ID is typed too.
    await expect(day2.deleteMaterial(aes, { lossAcknowledged: true })).rejects.toMatchObject({
      code: 'NO_CUSTODY_COPY_DELETE',
    });

    expect(deletes).not.toHaveBeenCalled();
    expect(await failedSteps()).toEqual([
      expect.objectContaining({ step: 'delete-imported-key-material', keyId: unknown, code: 'KEY_NOT_IMPORTED' }),
      expect.objectContaining({ step: 'delete-imported-key-material', keyId: ec, code: 'MATERIAL_NOT_DELETABLE' }),
      expect.objectContaining({ step: 'delete-imported-key-material', keyId: aes, code: 'NO_CUSTODY_COPY_DELETE' }),
    ]);
    expect((await day2.status()).find((s) => s.keyId === aes)?.keyState).not.toBe('PendingImport');
  });
});
