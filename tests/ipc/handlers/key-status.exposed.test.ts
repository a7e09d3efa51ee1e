/**
 * The app's key states after a wrapped bundle was refused as carrying exposed material (its manifest
 * cites a wrapping key the KMS never issued, sealed as a forger would): as `online status` says it
 * (tests/cli/commands/online-status.exposed-material.test.ts), the screen names the refusal, says to
 * destroy that wrap's custody copy and never to restore it, and sends the officer to fresh parameters
 * first, then, once they are written, to new material with them. Before, the key states said only
 * "Nothing imported yet". Real router and handlers, the rehearsal's simulator over real HTTP, the
 * lines the screen builds (key-status-lines.ts) in English and Chinese.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Response } from '../../../src-main/ipc/contract';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { checkManifestSchema, sealManifest, serializeManifest } from '../../../src-main/core/bundle/manifest-codec';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import { groupHex } from '../../../src-main/core/hex-groups';
import { translator } from '../../../src-main/i18n/translate';
import { keyStatusLines } from '../../../src-renderer/screens/online/key-status-lines';
import { airGapConfirmed, call, ceremonyFolder, value, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-exposed-');
});
afterEach(() => folder.close());

it('names the wrap refused as exposed, and new material after fresh parameters, never a restore', async () => {
  const { ipc, dir, media } = folder;
  await airGapConfirmed(ipc, dir, ['AES_256']);
  await value(ipc, 'airgap.preflight', { folder: media, expiry: { kind: 'never' }, acknowledgeNoBackup: true });
  await value(ipc, 'airgap.generate');
  await value(ipc, 'airgap.wrap');
  const wrapped = await value<{ dir: string }>(ipc, 'airgap.write-bundle');
  await value(ipc, 'airgap.receipt');
  // The manifest cites a wrapping key the KMS never issued, sealed again.
  const file = path.join(wrapped.dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
  for (const key of manifest.keys) key.wrappingKeyFingerprint = sha256Hex('the key on the changed media');
  await chmod(file, 0o600);
  await writeFile(file, serializeManifest(sealManifest(checkManifestSchema(manifest))));
  const refused = await call(ipc, 'online.check-wrapped', {
    folder: wrapped.dir,
    expectedDigest: groupHex(await readBundleDigest(wrapped.dir)),
    digestSource: 'air-gapped-receipt',
  });
  expect(refused.ok ? null : refused.problem.code).toBe('WRAPPED_FINGERPRINT_MISMATCH');

  const look = async () => {
    const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    const lines = (lang: 'en' | 'zh-CN') => keyStatusLines(translator(lang), status, 1).join('\n');
    return { status, lines };
  };
  const before = await look();
  expect(before.status.next.beforeImport?.exposed).toMatchObject({
    folder: wrapped.dir,
    setTag: null,
    parametersAfter: false,
  });
  expect(before.lines('en')).toContain(
    `The wrapped-material bundle ${wrapped.dir} was refused at journal entry ${before.status.next.beforeImport?.exposed?.seq}: its material was encrypted under a wrapping key the KMS did not issue, so treat that material as exposed.`,
  );
  expect(before.lines('en')).toContain(
    'Next, fresh wrapping keys and import tokens in a new bundle (step “Fetch the import parameters”): the bundle written before may be the copy changed on the media, so do not wrap with it',
  );
  expect(before.lines('zh-CN')).toContain('因此应视该密钥材料为已泄露');

  // Fresh parameters written: new material with them, still never a restore of that wrap.
  await value(ipc, 'online.fetch-parameters');
  await value(ipc, 'online.write-parameters', { folder: dir });
  const after = await look();
  expect(after.status.next.beforeImport?.exposed?.parametersAfter).toBe(true);
  expect(after.lines('en')).toContain(
    'Next, on the air-gapped workstation: new material (a wrap, never a custody restore of that wrap) with the import-parameters bundle written since',
  );
}, 120_000);
