/**
 * `online status` after a wrap refused as exposed (its material encrypted under a wrapping key the
 * KMS did not issue): it says to destroy that wrap's custody copy and make new material, not to wrap
 * again with the bundle on the media nor to restore; once new parameters are written, the wrap line
 * carries the reminder, with the custody to split again, and the first bundle's live tokens are no
 * invitation to import a wrap of it. Real CLI runs against the simulator on 127.0.0.1.
 */
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { checkManifestSchema, sealManifest, serializeManifest } from '../../../src-main/core/bundle/manifest-codec';
import { sha256Hex } from '../../../src-main/core/fs/durable-file';
import { groupHex } from '../../../src-main/core/hex-groups';
import { keyferry } from '../../integration/cli-in-process';
import { onlineAt } from '../../helpers/cli-sides';
import { startSimWithClient, type SimSetup } from '../../core/kms/helpers/sim';
import { CUSTODY_TWO_OF_TWO, wrappedCliCeremony } from './wrapped-cli-ceremony';

let dir: string;
let kms: SimSetup;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-exposed-'));
  kms = await startSimWithClient();
});
afterEach(async () => {
  await kms.close();
  await rm(dir, { recursive: true, force: true });
});

it('says the refused material is exposed and new material is made, before and after new parameters', async () => {
  const c = await wrappedCliCeremony(
    path.join(dir, 'ceremony'),
    kms.sim,
    [{ alias: 'app/one', spec: 'AES_256' }],
    CUSTODY_TWO_OF_TWO,
  );
  const at = (flag: string) => c.importCommand.indexOf(flag) + 1;
  const bundle = path.resolve(c.online, c.importCommand[at('--bundle')] as string);
  // The manifest cites a wrapping key the KMS never issued, sealed as a forger would.
  const file = path.join(bundle, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
  for (const key of manifest.keys) key.wrappingKeyFingerprint = sha256Hex('the key on the changed media');
  await chmod(file, 0o600);
  await writeFile(file, serializeManifest(sealManifest(checkManifestSchema(manifest))));
  const importCommand = [...c.importCommand];
  importCommand[at('--expect-digest')] = groupHex(await readBundleDigest(bundle));
  const refused = await keyferry(importCommand, { cwd: c.online, env: c.env });
  expect(refused.code).toBe(1);
  expect(refused.stderr + refused.stdout).toContain('treat its material as exposed');

  const { args } = onlineAt(kms.sim);
  const status = async () => keyferry(['online', 'status', ...args], { cwd: c.online, env: c.env });
  const after = await status();
  expect(after.stdout).toMatch(
    /The wrapped-material bundle \S+ was refused at journal entry \d+: its material was encrypted under a wrapping key the KMS did not issue, so treat that material as exposed/,
  );
  expect(after.stdout).toContain('may be the copy changed on the media: do not wrap with it');
  expect(after.stdout).toContain('make new material with keyferry airgap wrap (not keyferry custody restore)');
  // Not the usual "wrap with the bundle written" line.
  expect(after.stdout).not.toContain('on the air-gapped workstation: wrap with the import-parameters bundle');

  const params = await keyferry(['online', 'params', '--out', 'params-2', ...args], { cwd: c.online, env: c.env });
  expect(params.code).toBe(0);
  // New material is split again as the refused wrap's was; its manifest is not believed, so M/N is to fill in.
  expect(params.stdout).toMatch(
    /keyferry airgap wrap --bundle MEDIA\/params-2 --custody M\/N --custodian NAME --custodian-folder DIR --out /,
  );
  // The first bundle's tokens are still live, but a wrap of it is never to be imported.
  expect(params.stdout).toMatch(
    /The import-parameters bundle \S+params \([0-9A-F ]+\) \(folder and digest\) was written before the wrap refused at journal entry \d+ as exposed/,
  );
  expect(params.stdout).not.toContain('then import that wrap and do not wrap again');
  expect(params.stdout).toContain(
    '(no bundle this workstation saw proved which air-gapped journal it was wrapped in), wrap in that SAME air-gapped journal',
  );
  const fresh = await status();
  expect(fresh.stdout).toContain('on the air-gapped workstation: wrap with the import-parameters bundle');
  expect(fresh.stdout).toMatch(
    /refused at journal entry \d+, is exposed: wrap new material \(keyferry airgap wrap\), never a custody restore/,
  );
});
