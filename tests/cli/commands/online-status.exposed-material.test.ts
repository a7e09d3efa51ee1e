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

/**
 * A ceremony of `keys` in `name`, wrapped with a custody set, whose wrapped bundle's manifest cites a
 * wrapping key the KMS never issued (sealed as a forger would), given to online import: its run.
 */
async function refusedAsExposed(name: string, keys: Parameters<typeof wrappedCliCeremony>[2]) {
  const c = await wrappedCliCeremony(path.join(dir, name), kms.sim, keys, CUSTODY_TWO_OF_TWO);
  const at = (flag: string) => c.importCommand.indexOf(flag) + 1;
  const bundle = path.resolve(c.online, c.importCommand[at('--bundle')] as string);
  const file = path.join(bundle, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
  for (const key of manifest.keys) key.wrappingKeyFingerprint = sha256Hex('the key on the changed media');
  await chmod(file, 0o600);
  await writeFile(file, serializeManifest(sealManifest(checkManifestSchema(manifest))));
  const importCommand = [...c.importCommand];
  importCommand[at('--expect-digest')] = groupHex(await readBundleDigest(bundle));
  return { c, refused: await keyferry(importCommand, { cwd: c.online, env: c.env }) };
}

it('says the refused material is exposed and new material is made, before and after new parameters', async () => {
  const { c, refused } = await refusedAsExposed('ceremony', [{ alias: 'app/one', spec: 'AES_256' }]);
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

it('after a refusal, per-key parameters name the bundle each key takes, not only the newest', async () => {
  const { c, refused } = await refusedAsExposed('per-key', [
    { alias: 'app/a', spec: 'AES_256' },
    { alias: 'app/b', spec: 'RSA_2048' },
  ]);
  expect(refused.code).toBe(1);
  const { args } = onlineAt(kms.sim);
  const run = (...words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
  const [a, b] = [...(await run('online', 'status')).stdout.matchAll(/ {2}([0-9a-f]{8}-[0-9a-f-]{27}) {2}/g)].map(
    (m) => m[1] as string,
  );
  expect((await run('online', 'params', '--out', 'p-a', '--key-id', a as string)).code).toBe(0);
  const forB = await run('online', 'params', '--out', 'p-b', '--key-id', b as string);
  expect(forB.code).toBe(0);
  // app/a takes p-a, written before p-b: "take only the new bundle" left it without a way into the KMS.
  expect(forB.stdout).not.toContain('take to the air-gapped workstation only the new bundle');
  expect(forB.stdout).toMatch(new RegExp(`app/a \\(${a}\\) → \\S+/p-a \\(`));
  expect(forB.stdout).toMatch(new RegExp(`app/b \\(${b}\\) → \\S+/p-b \\(`));
  expect(forB.stdout).toContain(
    'take to the air-gapped workstation only the bundles the warning on which bundle each key takes names to wrap, each once.',
  );
  const zh = await run('--lang', 'zh-CN', 'online', 'params', '--out', 'p-b2', '--key-id', b as string);
  expect(zh.stdout).toContain('只把说明每个密钥使用哪个参数包的那条警告中列出应包装的参数包带到离线工作站');
  expect(zh.stdout).not.toContain('只把新的参数包带到离线工作站');
});
