/** Tampering with what an import-parameters bundle means: tokens bound to keys, console files, fingerprints, expiry. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { weakWrappingKeys } from '../crypto/helpers/weak-rsa';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../src-main/core/bundle';
import type { ImportParametersManifest } from '../../../src-main/core/bundle/import-parameters-manifest';
import { NOW, readManifest, replaceFileConsistently, rewriteManifest } from './bundle-fixtures';
import { keyFile, refusal, usePristineBundles } from './tamper-setup';
import { formatUtc } from '../../../src-main/i18n/moment';

const t = usePristineBundles();

describe('tokens and keys', () => {
  it('refuses a token filed under another key', async () => {
    const dir = await t.paramsCopy();
    const manifest = (await readManifest(dir)) as ImportParametersManifest;
    const other = manifest.keys[1]!.importToken;
    await fs.writeFile(path.join(dir, keyFile(t.paramIds[0], 'ImportToken.b64')), other.value);
    await rewriteManifest(dir, (m) => {
      const pm = m as ImportParametersManifest;
      pm.keys[0]!.importToken = { ...other };
      const entry = pm.files.find((f) => f.name === keyFile(t.paramIds[0], 'ImportToken.b64'))!;
      entry.sha256 = other.sha256;
      entry.size = other.value.length;
    });
    const error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_TOKEN_KEY_MISMATCH');
    expect(error.message).toBe(
      `The import token filed under key ${t.paramIds[0]} was issued for key ${t.paramIds[1]}; the KMS would refuse it.`,
    );
  });

  it('refuses the same token for two keys', async () => {
    const dir = await t.paramsCopy();
    const manifest = (await readManifest(dir)) as ImportParametersManifest;
    const other = manifest.keys[1]!.importToken;
    await replaceFileConsistently(dir, keyFile(t.paramIds[0], 'ImportToken.b64'), Buffer.from(other.value));
    await rewriteManifest(
      dir,
      (m) => ((m as ImportParametersManifest).keys[0]!.importToken = { ...other, keyId: t.paramIds[0] as string }),
    );
    expect((await refusal(dir)).code).toBe('BUNDLE_DUPLICATE_TOKEN');
  });

  it('refuses console files that differ from the manifest', async () => {
    const cases: [string, string][] = [
      ['ImportToken.b64', 'BUNDLE_TOKEN_FILE_MISMATCH'],
      ['PublicKey.b64', 'BUNDLE_PUBLIC_KEY_MISMATCH'],
      ['PublicKey.bin', 'BUNDLE_PUBLIC_KEY_MISMATCH'],
    ];
    for (const [file, code] of cases) {
      const dir = await t.paramsCopy();
      const name = keyFile(t.paramIds[0], file);
      const bytes = await fs.readFile(path.join(dir, name));
      await replaceFileConsistently(
        dir,
        name,
        Buffer.concat([bytes.subarray(0, bytes.length - 4), Buffer.from('AAA=')]),
      );
      const error = await refusal(dir);
      expect(error.code, file).toBe(code);
      expect(error.message).toContain(file);
    }
  });

  it('refuses a wrong fingerprint and a weak wrapping key', async () => {
    const dir = await t.paramsCopy();
    await rewriteManifest(
      dir,
      (m) => ((m as ImportParametersManifest).keys[0]!.wrappingKeyFingerprint = 'ab'.repeat(32)),
    );
    expect((await refusal(dir)).code).toBe('BUNDLE_FINGERPRINT_MISMATCH');

    for (const weak of weakWrappingKeys()) {
      const dir2 = await t.paramsCopy();
      await replaceFileConsistently(dir2, keyFile(t.paramIds[0], 'PublicKey.bin'), weak.der);
      await replaceFileConsistently(
        dir2,
        keyFile(t.paramIds[0], 'PublicKey.b64'),
        Buffer.from(weak.der.toString('base64')),
      );
      await rewriteManifest(
        dir2,
        (m) => ((m as ImportParametersManifest).keys[0]!.wrappingPublicKey = weak.der.toString('base64')),
      );
      const error = await refusal(dir2);
      expect(error.code, weak.name).toBe('BUNDLE_WRAPPING_KEY_INVALID');
      expect(error.message, weak.name).toContain(weak.words);
    }
  });

  it('refuses an expired token, telling to fetch new parameters', async () => {
    const expiry = new Date(NOW.getTime() + 24 * 3600 * 1000);
    for (const now of [expiry, new Date(expiry.getTime() + 1000), new Date(expiry.getTime() + 3 * 3600 * 1000)]) {
      const error = await refusal(t.paramsPristine, now);
      expect(error.code).toBe('BUNDLE_TOKEN_EXPIRED');
      expect(error.message).toContain('fetch new parameters');
      expect(error.message).toContain(formatUtc(expiry));
    }
  });

  it('warns when under one hour is left, and when the clock looks wrong', async () => {
    const expiry = NOW.getTime() + 24 * 3600 * 1000;
    const soon = await readBundle(t.paramsPristine, { now: new Date(expiry - 30 * 60 * 1000) });
    // One warning for the bundle, counting its keys and naming the first to expire.
    expect(soon.warnings.map((w) => w.code)).toEqual(['TOKEN_EXPIRES_SOON']);
    expect(soon.warnings[0]?.values).toMatchObject({ count: 2, keyId: t.paramIds[0], minutes: 30, at: expiry });
    expect((await readBundle(t.paramsPristine, { now: new Date(expiry - 61 * 60 * 1000) })).warnings).toEqual([]);
    const early = await readBundle(t.paramsPristine, { now: new Date(expiry - 48 * 3600 * 1000) });
    expect(early.warnings.map((w) => w.code)).toEqual(['CLOCK_SUSPECT']);
    expect(early.warnings[0]?.values).toMatchObject({ count: 2, keyId: t.paramIds[0], at: expiry });
  });

  it('refuses duplicate key ids, and a key id in upper case (KMS key ids are lower case)', async () => {
    const dir = await t.paramsCopy();
    await rewriteManifest(dir, (m) => ((m as ImportParametersManifest).keys[1]!.keyId = t.paramIds[0] as string));
    let error = await refusal(dir);
    expect(error.code).toBe('BUNDLE_DUPLICATE_KEY');
    expect(error.message).toBe(`The manifest lists key ${t.paramIds[0]} more than once.`);
    const dir2 = await t.paramsCopy();
    await rewriteManifest(
      dir2,
      (m) => ((m as ImportParametersManifest).keys[1]!.keyId = (t.paramIds[0] as string).toUpperCase()),
    );
    error = await refusal(dir2);
    expect(error.code).toBe('BUNDLE_MANIFEST_INVALID');
    expect(error.message).toMatch(/its field keys\[1\]\.keyId is invalid\.$/);
  });
});
