/**
 * A bundle an earlier Keyferry wrote (fixtures/, byte for byte) copied onto "the medium" and edited
 * there the way a deliberate tamperer would (canonical JSON, checksum recomputed), and the refusal
 * reading it brings: for the manifest tests, which hold every field to what the officer sees.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readBundle, type WrappedKeyMaterial } from '../../../src-main/core/bundle';
import type { BundleManifest } from '../../../src-main/core/bundle/manifest-codec';
import { KeyferryError } from '../../../src-main/core/errors';
import { translator } from '../../../src-main/i18n/translate';
import { NOW, rewriteManifest, tempDir } from './bundle-fixtures';

/** A manifest as loose JSON, to be edited into shapes no writer makes. */
export type EditableManifest = BundleManifest & {
  ceremony?: Record<string, unknown>;
  custody?: Record<string, unknown>;
  keys: Record<string, unknown>[];
};

/** A moment the fixtures' import tokens are still valid at. */
export const FIXTURE_READ_TIME = new Date(NOW.getTime() + 60_000);

/** fixtures/`name` copied to a fresh folder and edited by `edit` (checksum recomputed). */
export async function editedFixture(name: string, edit: (m: EditableManifest) => void): Promise<string> {
  const dir = path.join(await tempDir('kf-manifest-'), name);
  await cp(path.join(__dirname, 'fixtures', name), dir, { recursive: true });
  await rewriteManifest(dir, (m) => edit(m as EditableManifest));
  return dir;
}

/** The KeyferryError reading the bundle in `dir` throws; fails when it reads. */
export async function readRefusal(dir: string): Promise<KeyferryError> {
  const error = await readBundle(dir, { now: FIXTURE_READ_TIME }).then(
    () => new Error('the bundle was accepted'),
    (e: unknown) => e,
  );
  if (!(error instanceof KeyferryError)) throw error;
  return error;
}

/** An edit of a manifest and the field its refusal names (`keys[0].keyUsage`). */
export type ManifestEdit = readonly [what: string, edit: (m: EditableManifest) => void, field: string];

/**
 * One test per edit of fixtures/`fixture`: reading it is refused as BUNDLE_MANIFEST_INVALID with
 * "manifest.json does not match the `format` format: its field `field` is invalid." and the same
 * in Chinese (never zod's English); and one that a format version
 * after the last of `supported` is refused naming the versions this Keyferry reads.
 */
export function refusesEachEdit(
  fixture: string,
  format: string,
  supported: readonly number[],
  edits: readonly ManifestEdit[],
): void {
  for (const [what, edit, field] of edits) {
    it(`refuses ${what}, naming the field`, async () => {
      const e = await readRefusal(await editedFixture(fixture, edit));
      expect(e.code).toBe('BUNDLE_MANIFEST_INVALID');
      expect(e.message).toBe(`manifest.json does not match the ${format} format: its field ${field} is invalid.`);
      expect(translator('zh-CN').problem(e.toProblem()).message).toBe(
        `manifest.json 不符合 ${format} 格式：其字段 ${field} 无效。`,
      );
    });
  }
  it('refuses a format version no Keyferry wrote, saying which it reads', async () => {
    const later = Math.max(...supported) + 1;
    const e = await readRefusal(
      await editedFixture(fixture, (m) => ((m as { formatVersion: number }).formatVersion = later)),
    );
    expect(e.code).toBe('BUNDLE_UNSUPPORTED_VERSION');
    expect(e.message).toBe(
      `The bundle has format version ${later}; this Keyferry reads ${format} version ${supported.join(', ')} only.`,
    );
  });
}

/** The keys and ceremony id of fixtures/wrapped-v1 (real wrapped material an earlier writer made), for writing bundles anew. */
export async function fixtureWrappedKeys(): Promise<{ keys: readonly WrappedKeyMaterial[]; ceremonyId: string }> {
  const old = await readBundle(path.join(__dirname, 'fixtures', 'wrapped-v1'), { now: FIXTURE_READ_TIME });
  if (old.kind !== 'wrapped-material') throw new Error(old.kind);
  return { keys: old.keys, ceremonyId: old.manifest.ceremonyId };
}
