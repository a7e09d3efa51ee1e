/**
 * The reader and the writer check a manifest a key at a time (parseManifestInSlices,
 * checkManifestSchemaInSlices), so a 100-key bundle never holds the event loop for a whole check.
 * These tests hold the sliced checks to the whole-manifest ones: the same typed copy (same field
 * order, so the same canonical bytes) for real bundles of both kinds, and the same refusal, code and
 * values, for every kind of damage, in a key or in the header.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeImportParametersBundle, writeWrappedMaterialBundle } from '../../../src-main/core/bundle';
import {
  checkManifestSchema,
  checkManifestSchemaInSlices,
  computeManifestChecksum,
  parseManifest,
  parseManifestInSlices,
  serializeManifest,
} from '../../../src-main/core/bundle/manifest-codec';
import { KeyferryError } from '../../../src-main/core/errors';
import { NOW, makeImportParameters, makeWrappedMaterial, tempDir } from './bundle-fixtures';

type Json = Record<string, unknown>;

async function manifestBytes(kind: 'parameters' | 'wrapped', count: number): Promise<Buffer> {
  const dir = path.join(await tempDir(), 'bundle');
  if (kind === 'parameters') {
    await writeImportParametersBundle(dir, { ceremonyId: 'c1', keys: makeImportParameters(count) }, { now: NOW });
  } else {
    await writeWrappedMaterialBundle(dir, { ceremonyId: 'c1', keys: makeWrappedMaterial(count) }, { now: NOW });
  }
  return fs.readFile(path.join(dir, 'manifest.json'));
}

/** The refusal `check` throws, as code and values (or 'accepted'). */
async function refusal(check: () => unknown): Promise<unknown> {
  try {
    await check();
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(KeyferryError);
    const { code, values } = error as KeyferryError;
    return { code, values };
  }
}

function resealed(manifest: Json): Buffer {
  const sealed = { ...manifest, manifestChecksum: computeManifestChecksum(manifest as never) };
  return serializeManifest(sealed as never);
}

describe('manifests checked a key at a time', () => {
  for (const kind of ['parameters', 'wrapped'] as const) {
    it(`reads a 30-key ${kind} manifest to the same copy as the whole check, field order included`, async () => {
      const bytes = await manifestBytes(kind, 30);
      const whole = parseManifest(bytes);
      const sliced = await parseManifestInSlices(bytes);
      expect(sliced).toEqual(whole);
      expect(serializeManifest(sliced).equals(bytes)).toBe(true);
      expect(sliced.keys).toHaveLength(30);
    });

    it(`refuses each damaged ${kind} manifest exactly as the whole check does`, async () => {
      const bytes = await manifestBytes(kind, 6);
      const original = JSON.parse(bytes.toString('utf8')) as Json & { keys: Json[] };
      const damaged: Json[] = [];
      // Every field of the last key and of a middle key set to a wrong type, removed, and one unknown field added.
      for (const index of [2, 5]) {
        for (const field of Object.keys(original.keys[index] as Json)) {
          for (const value of [42, undefined]) {
            const keys = original.keys.map((k, i) => (i === index ? { ...k, [field]: value } : k));
            damaged.push({ ...original, keys });
          }
        }
        const keys = original.keys.map((k, i) => (i === index ? { ...k, extra: 'x' } : k));
        damaged.push({ ...original, keys });
      }
      // Each field of a middle file entry wrong, an entry with an unknown field, files not a list, too many files.
      const files = original.files as Json[];
      for (const field of Object.keys(files[3] as Json)) {
        damaged.push({ ...original, files: files.map((f, i) => (i === 3 ? { ...f, [field]: -1 } : f)) });
      }
      damaged.push({ ...original, files: files.map((f, i) => (i === 3 ? { ...f, mode: 'rw' } : f)) });
      damaged.push({ ...original, files: 'none' });
      damaged.push({ ...original, files: Array.from({ length: 2017 }, () => files[0]) });
      // A bad header with good keys, a bad header and a bad key, no keys, keys not a list, too many keys.
      damaged.push({ ...original, ceremonyId: 'not an id' });
      damaged.push({ ...original, createdAt: 'yesterday', keys: [{ ...original.keys[0], keyId: 7 }] });
      damaged.push({ ...original, keys: [] });
      damaged.push({ ...original, keys: 'none' });
      damaged.push({ ...original, keys: Array.from({ length: 501 }, () => original.keys[0]) });
      for (const manifest of damaged) {
        const whole = await refusal(() => checkManifestSchema(manifest));
        expect(whole).not.toBe('accepted');
        expect(await refusal(() => checkManifestSchemaInSlices(manifest))).toEqual(whole);
        const sealed = resealed(manifest);
        expect(await refusal(() => parseManifestInSlices(sealed))).toEqual(await refusal(() => parseManifest(sealed)));
      }
    });
  }

  it('checks manifestChecksum as the SHA-256 of the canonical bytes without that field, as every version wrote it', async () => {
    for (const kind of ['parameters', 'wrapped'] as const) {
      for (const count of [1, 30]) {
        const bytes = await manifestBytes(kind, count);
        const { manifestChecksum, ...body } = JSON.parse(bytes.toString('utf8')) as Json;
        // The definition bundles were written with: the body's own 2-space JSON and a newline.
        const asWritten = createHash('sha256')
          .update(`${JSON.stringify(body, null, 2)}\n`)
          .digest('hex');
        expect(manifestChecksum).toBe(asWritten);
        expect(computeManifestChecksum(parseManifest(bytes))).toBe(asWritten);
        // Non-ASCII text before the checksum moves no byte boundary.
        const named = { ...body, createdBy: { app: 'Keyferry 演练', version: '1.0 – β' } };
        const sealed = resealed(named);
        expect(parseManifest(sealed).createdBy.app).toBe('Keyferry 演练');
        const edited = Buffer.from(sealed.toString('utf8').replace('演练', '演习'));
        expect(await refusal(() => parseManifest(edited))).toMatchObject({ code: 'BUNDLE_MANIFEST_CHECKSUM_MISMATCH' });
      }
    }
  });

  it('lets the event loop run while it checks a manifest', async () => {
    const bytes = await manifestBytes('parameters', 30);
    let turns = 0;
    const tick = (): void => {
      turns += 1;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const checking = parseManifestInSlices(bytes);
    expect(turns).toBe(0);
    await checking;
    done = true;
    expect(turns).toBeGreaterThan(0);
  });
});
