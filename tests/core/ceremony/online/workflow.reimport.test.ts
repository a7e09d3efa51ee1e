/** Deleting AES material on request, then importing the same material again (a restore). */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createFixture,
  materialDeletedAfterImport,
  onlineDayOne,
  receiptDigestOf,
  type Fixture,
} from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { rewriteManifest } from '../../bundle/bundle-fixtures';
import { toProblem } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

type ManifestKcvs = { keys: { keyCheckValue: string | null }[] };

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

async function airGap(
  params: string,
  out: string,
  material: { capture?: (b: Buffer) => void; file?: string; wrapAgain?: string },
) {
  const plan = f.plan(['AES_256']);
  const journal = await f.journal('airgap.jsonl');
  const air = await f.airgap(journal, plan, {
    ...(material.capture ? { onMaterialForAudit: (copy: Buffer) => material.capture?.(copy) } : {}),
  });
  await air.checkNetwork();
  const overview = await air.readParametersBundle(params);
  await confirmEveryWitness(air, ['Ben', 'Chloé'], params);
  const receipts = await mkdtemp(path.join(f.dir, 'airgap-receipt-'));
  await air.preflight(
    { wrappedBundle: out, receiptFolder: receipts },
    material.wrapAgain ? { wrapAgain: material.wrapAgain } : {},
  );
  if (material.file) await air.loadMaterialFile(overview.keys[0]?.keyId as string, material.file);
  else await air.generateMaterial();
  await air.wrap();
  const bundle = await air.writeWrappedBundle(out);
  await air.writeReceipt(receipts);
  await journal.close();
  return bundle;
}

describe('delete and re-import', () => {
  it('deletes AES material on request; fresh parameters and the same material import again', async () => {
    const plan = f.plan(['AES_256']);
    const { params, created } = await onlineDayOne(f, plan);
    let material: Buffer | undefined;
    await airGap(params, path.join(f.dir, 'wrapped-1'), { capture: (b) => (material = b) });
    const keyId = created[0]?.keyId as string;

    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped-1'), await receiptDigestOf(path.join(f.dir, 'wrapped-1')));
    await day2.importMaterial();
    await day2.verifyKeys();
    expect(await day2.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: keyId })).toEqual({
      keyId,
      keyState: 'Pending import',
    });
    expect(day2.keys().map((k) => [k.imported, k.deleted, k.lapsed])).toEqual([[false, true, false]]);
    // Pending import again: fresh parameters next, not the first round's bundle.
    expect(day2.step).toBe('keys-created');
    await expect(day2.verifyKeys()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });

    await day2.fetchParameters();
    const params2 = path.join(f.dir, 'params-2');
    await day2.writeParametersBundle(params2);
    const file = path.join(f.dir, 'restored-material.bin');
    await writeFile(file, material as Buffer, { mode: 0o600 });
    const bundle = await airGap(params2, path.join(f.dir, 'wrapped-2'), { file });
    const checked = await day2.checkWrappedBundle(path.join(f.dir, 'wrapped-2'), {
      expectedDigest: bundle.manifestSha256,
      source: 'air-gapped-receipt',
    });
    expect(checked.warnings).toEqual([]);
    await day2.importMaterial();
    const proofs = await day2.verifyKeys();
    expect(proofs.map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);
    const receipt = await day2.writeReceipt(f.dir);
    expect(receipt.journalCount).toBeGreaterThan(10);
  }, 60_000);

  it('refuses new material for a key the KMS bound to other material, before the import token is spent', async () => {
    const plan = f.plan(['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    let material: Buffer | undefined;
    await airGap(params, path.join(f.dir, 'wrapped-1'), { capture: (b) => (material = b) });
    const {
      online: day2,
      keyId,
      params: params2,
    } = await materialDeletedAfterImport(f, plan, path.join(f.dir, 'wrapped-1'));

    // The officer follows the usual air-gapped path and generates fresh material for the old key, from
    // parameters as a Keyferry before format 3 wrote them (today's air-gapped side refuses to generate for
    // a key bound to material: tests/core/ceremony/airgap/bound-material.test.ts).
    const unbound = path.join(f.dir, 'params-2-unbound');
    await cp(params2, unbound, { recursive: true });
    await rewriteManifest(unbound, (m) => {
      for (const key of m.keys) {
        delete (key as { boundMaterial?: unknown }).boundMaterial;
        delete (key as { materialExpiry?: unknown }).materialExpiry;
      }
      if ('ceremony' in m) {
        delete m.ceremony?.people;
        delete m.ceremony?.airGapJournal;
      }
      m.formatVersion = 1;
    });
    // Fresh material beside a bundle whose token still lives: the officer's explicit choice.
    const fresh = await airGap(unbound, path.join(f.dir, 'wrapped-new'), { wrapAgain: 'new material wanted' });
    const importsBefore = f.sim.importRequestCount(keyId);
    const refusal = await day2
      .checkWrappedBundle(path.join(f.dir, 'wrapped-new'), {
        expectedDigest: fresh.manifestSha256,
        source: 'air-gapped-receipt',
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    const kcvOf = async (bundle: string) =>
      (JSON.parse(await readFile(path.join(f.dir, bundle, 'manifest.json'), 'utf8')) as ManifestKcvs).keys[0]
        ?.keyCheckValue;
    const [boundKcv, freshKcv] = [await kcvOf('wrapped-1'), await kcvOf('wrapped-new')];
    expect(freshKcv).not.toBe(boundKcv);
    expect(refusal).toMatchObject({
      code: 'WRAPPED_MATERIAL_NOT_THE_IMPORTED',
      values: { keyId, bound: boundKcv, held: freshKcv },
    });
    expect(translator('zh-CN').problem(toProblem(refusal)).message).toContain('KMS.2606');
    expect(f.sim.importRequestCount(keyId)).toBe(importsBefore);
    const journal = await readFile(path.join(f.dir, 'online.jsonl'), 'utf8');
    expect(journal).toMatch(/"code":"WRAPPED_MATERIAL_NOT_THE_IMPORTED".*"event":"wrapped-bundle.refused"/);

    // The original material, restored and wrapped under the same (still unused) parameters, imports.
    const file = path.join(f.dir, 'restored-material.bin');
    await writeFile(file, material as Buffer, { mode: 0o600 });
    const restored = await airGap(params2, path.join(f.dir, 'wrapped-restored'), { file });
    await day2.checkWrappedBundle(path.join(f.dir, 'wrapped-restored'), {
      expectedDigest: restored.manifestSha256,
      source: 'air-gapped-receipt',
    });
    await day2.importMaterial();
    expect((await day2.verifyKeys()).map((p) => [p.keyState, p.ok])).toEqual([['Enabled', true]]);
  }, 60_000);
});
