/**
 * The online side's check of a wrapped-material bundle against what the KMS issued, as the online
 * journal recorded it (real bundles, the KMS simulator on 127.0.0.1): a manifest re-sealed by a
 * careful forger to cite another wrapping key or a token never issued, a changed ciphertext, a
 * digest that is not the receipt's and an expired token are each refused before any import.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkManifestSchema, sealManifest, serializeManifest } from '../../../../src-main/core/bundle/manifest-codec';
import { sha256Hex } from '../../../../src-main/core/fs/durable-file';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

const OUT_OF_ORDER = { code: 'CEREMONY_STEP_OUT_OF_ORDER' };

/** Rewrites a bundle's manifest as a careful forger would: schema-valid, sealed, canonical bytes. */
async function forgeManifest(
  dir: string,
  edit: (keys: Record<string, unknown>[], manifest: Record<string, unknown>) => void,
): Promise<void> {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
  edit(manifest.keys, manifest);
  const bytes = serializeManifest(sealManifest(checkManifestSchema(manifest)));
  await fs.chmod(file, 0o600);
  await fs.writeFile(file, bytes);
}

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('online check of the wrapped bundle', () => {
  it('refuses a bundle whose manifest was changed to cite another wrapping key, even with consistent hashes', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    await forgeManifest(out, (keys) => {
      (keys[0] as Record<string, unknown>).wrappingKeyFingerprint = sha256Hex('another wrapping key');
    });
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await expect(day2.checkWrappedBundle(out, await receiptDigestOf(out))).rejects.toMatchObject({
      code: 'WRAPPED_FINGERPRINT_MISMATCH',
    });
    await expect(day2.importMaterial()).rejects.toMatchObject(OUT_OF_ORDER);
  });

  it('refuses a bundle with a flipped ciphertext byte, and one that is not the digest on the receipt', async () => {
    const plan = f.plan(['RSA_2048']);
    await onlineDayOne(f, plan);
    const { out, bundle } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    await expect(
      day2.checkWrappedBundle(out, { expectedDigest: sha256Hex('not it'), source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({
      code: 'WRAPPED_DIGEST_MISMATCH',
    });
    const keyDir = path.join(out, 'keys', (await fs.readdir(path.join(out, 'keys')))[0] as string);
    const file = path.join(keyDir, 'out_rsa_private_key.der');
    const bytes = await fs.readFile(file);
    bytes[10] = (bytes[10] as number) ^ 0x01;
    await fs.chmod(file, 0o600);
    await fs.writeFile(file, bytes);
    await expect(
      day2.checkWrappedBundle(out, { expectedDigest: bundle.manifestSha256, source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({
      // The material was wiped after wrapping: "write it again" cannot work; an untouched copy or a wrap again does.
      code: 'WRAPPED_BUNDLE_NOT_AS_WRAPPED',
      values: expect.objectContaining({ cause: 'BUNDLE_HASH_MISMATCH' }),
      message: expect.stringContaining('does not match its SHA-256 in the manifest: it was changed or damaged.'),
      nextStep: expect.stringContaining('Use an untouched copy of the bundle the air-gapped receipt names'),
    });
  });

  it('refuses a token cited by the bundle that the KMS never issued to this ceremony', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    await forgeManifest(out, (keys) => {
      (keys[0] as Record<string, unknown>).importTokenSha256 = sha256Hex('a forged token');
    });
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await expect(day2.checkWrappedBundle(out, await receiptDigestOf(out))).rejects.toMatchObject({
      code: 'WRAPPED_TOKEN_NOT_ISSUED',
    });
  });

  it('refuses a bundle of another ceremony before taking in who made it: the refusal journals no maker', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    await forgeManifest(out, (_keys, manifest) => {
      manifest.ceremonyId = 'KF-20261204-other2';
    });
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await expect(day2.checkWrappedBundle(out, await receiptDigestOf(out))).rejects.toMatchObject({
      code: 'WRAPPED_OTHER_CEREMONY',
      message: expect.stringMatching(/The bundle belongs to ceremony KF-20261204-other2, not to KF-\S+\./),
    });
    const refused = journal.entries.at(-1);
    expect(refused).toMatchObject({ event: 'wrapped-bundle.refused', data: { code: 'WRAPPED_OTHER_CEREMONY' } });
    expect(refused?.data).not.toHaveProperty('madeBy');
  });

  it('refuses an expired token and says to fetch new parameters; fetching again then works', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const later = () => new Date(Date.now() + 25 * 3600_000);
    const day2 = await f.online(await f.journal('online.jsonl'), plan, later);
    await day2.connect();
    const refusal = day2.checkWrappedBundle(out, await receiptDigestOf(out));
    await expect(refusal).rejects.toMatchObject({ code: 'IMPORT_TOKEN_EXPIRED' });
    await expect(refusal).rejects.toHaveProperty('nextStep', expect.stringMatching(/Fetch new parameters/));
    const fresh = await day2.fetchParameters();
    expect(fresh).toHaveLength(day2.keys().length);
    expect(day2.step).toBe('parameters-fetched');
  });
});
