/**
 * Material wrapped under a wrapping key the KMS did not issue is refused as exposed, and never
 * imported later under a wrapping key the KMS did issue (real bundles, the KMS simulator on
 * 127.0.0.1). A trial changed the wrapping keys in an import-parameters bundle on the media: the
 * import refused the wrap, then took the same material rebuilt from its custody shares.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkManifestSchema, sealManifest, serializeManifest } from '../../../../src-main/core/bundle/manifest-codec';
import { sha256Hex } from '../../../../src-main/core/fs/durable-file';
import { english } from '../../../../src-main/i18n/translate';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony-fixture';

/** A copy of the wrapped bundle `dir` whose manifest cites another wrapping key for every key, sealed as a forger would. */
async function wrappedUnderAnotherKey(dir: string, copy: string): Promise<string> {
  await fs.cp(dir, copy, { recursive: true });
  const file = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(await fs.readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
  for (const key of manifest.keys) key.wrappingKeyFingerprint = sha256Hex('the wrapping key on the changed media');
  await fs.chmod(file, 0o600);
  await fs.writeFile(file, serializeManifest(sealManifest(checkManifestSchema(manifest))));
  return copy;
}

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

describe('material wrapped under a wrapping key the KMS did not issue', () => {
  it('names how many keys of the bundle were wrapped under the other key', async () => {
    const plan = f.plan(['AES_256', 'EC_P256', 'AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const changed = await wrappedUnderAnotherKey(out, path.join(f.dir, 'wrapped-changed'));
    const day2 = await f.online(await f.journal('online.jsonl'), plan);
    await day2.connect();
    const refusal = await day2.checkWrappedBundle(changed, await receiptDigestOf(changed)).catch((e: unknown) => e);
    const { message } = english.problem(refusal as { code: string; message: string; nextStep: string });
    expect(message).toMatch(/^Key \S+ \(and 2 more keys of this bundle\) was wrapped under the key with fingerprint /);
  });

  it.each([
    ['AES_256', 'keyCheckValue'],
    ['EC_P256', 'publicKey'],
  ] as const)('is refused as exposed, and a %s bundle carrying it again is refused by its %s', async (spec, by) => {
    const plan = f.plan([spec]);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const changed = await wrappedUnderAnotherKey(out, path.join(f.dir, 'wrapped-changed'));
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await day2.connect();

    const refusal = await day2.checkWrappedBundle(changed, await receiptDigestOf(changed)).catch((e: unknown) => e);
    expect(refusal).toMatchObject({ code: 'WRAPPED_FINGERPRINT_MISMATCH' });
    const { nextStep } = english.problem(refusal as { code: string; message: string; nextStep: string });
    expect(nextStep).toContain('treat its material as exposed');
    expect(nextStep).toContain('Do not restore this material from its custody copy');
    const refused = journal.entries.filter((e) => e.event === 'wrapped-bundle.refused').at(-1);
    expect(refused?.data['exposed']).toMatchObject({
      keys: [
        {
          wrappedUnder: sha256Hex('the wrapping key on the changed media'),
          ...(spec === 'AES_256' ? { keyCheckValue: expect.stringMatching(/^[0-9A-F]{6}$/) } : {}),
        },
      ],
    });

    // The same material under the wrapping key the KMS issued (a restore from its shares does this) is refused too.
    const again = await day2.checkWrappedBundle(out, await receiptDigestOf(out)).catch((e: unknown) => e);
    expect(again).toMatchObject({
      code: 'WRAPPED_MATERIAL_EXPOSED',
      values: expect.objectContaining({ seq: refused?.seq, by }),
    });
    const words = english.problem(again as { code: string; message: string; nextStep: string });
    expect(words.message).toContain(`carries material refused as exposed at journal entry ${refused?.seq}`);
    expect(words.nextStep).toContain('Nothing was sent to the KMS');
    await expect(day2.importMaterial()).rejects.toMatchObject({ code: 'CEREMONY_STEP_OUT_OF_ORDER' });
    // The KMS key still waits for its material.
    const [status] = await day2.status();
    expect(status).toMatchObject({ keyState: 'Pending import' });
  });

  it('is refused as exposed even when a file of the bundle was then damaged on the media', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const changed = await wrappedUnderAnotherKey(out, path.join(f.dir, 'wrapped-changed'));
    // One byte of its README changed: the files are refused, but the manifest the receipt's digest
    // proves still says what the material was wrapped under (a re-trial hid the exposure this way).
    const readme = path.join(changed, 'README.txt');
    const text = await fs.readFile(readme);
    text[0] = (text[0] as number) ^ 0x20;
    await fs.chmod(readme, 0o600);
    await fs.writeFile(readme, text);
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await day2.connect();
    await expect(day2.checkWrappedBundle(changed, await receiptDigestOf(changed))).rejects.toMatchObject({
      code: 'WRAPPED_FINGERPRINT_MISMATCH',
    });
    const refused = journal.entries.filter((e) => e.event === 'wrapped-bundle.refused').at(-1);
    expect(refused?.data['exposed']).toMatchObject({
      keys: [{ keyCheckValue: expect.stringMatching(/^[0-9A-F]{6}$/) }],
    });
    await expect(day2.checkWrappedBundle(out, await receiptDigestOf(out))).rejects.toMatchObject({
      code: 'WRAPPED_MATERIAL_EXPOSED',
    });
  });

  it('leaves a bundle refused for another reason free of any exposure record', async () => {
    const plan = f.plan(['AES_256']);
    await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, path.join(f.dir, 'params'));
    const journal = await f.journal('online.jsonl');
    const day2 = await f.online(journal, plan);
    await day2.connect();
    await expect(
      day2.checkWrappedBundle(out, { expectedDigest: sha256Hex('not it'), source: 'air-gapped-receipt' }),
    ).rejects.toMatchObject({ code: 'WRAPPED_DIGEST_MISMATCH' });
    expect(journal.entries.some((e) => e.data['exposed'] !== undefined)).toBe(false);
    await expect(day2.checkWrappedBundle(out, await receiptDigestOf(out))).resolves.toBeDefined();
  });
});
