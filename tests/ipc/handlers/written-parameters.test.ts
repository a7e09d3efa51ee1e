/**
 * The app's parameters step after "Fetch new import parameters", for a replica of an AES group
 * whose primary keeps the material imported before: through the real router and handlers and the
 * rehearsal's simulator over real HTTP. Whether the replica's own material was deleted, or its
 * import refused while the primary's took (then its token lapsed), the written bundle's answer says
 * it takes that same material, and the step's lines (the screen's own function, in English and
 * Simplified Chinese) say to restore it from the custody shares, as `online params` does, not to
 * wrap fresh material. Before, the step said only "Carry the media to the air-gapped workstation."
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Response } from '../../../src-main/ipc/contract';
import { translator } from '../../../src-main/i18n/translate';
import { warningText } from '../../../src-main/i18n/warning';
import { materialBeforeLines } from '../../../src-renderer/screens/online/material-before';
import { call, ceremonyFolder, value, wrapAndCheck, type CeremonyFolder } from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-written-parameters-');
});
afterEach(() => folder.close());

type Written = Response<'writeParametersBundle'>;
type Named = { keyId: string; alias: string; replicaOf: string | null; region: string };

/** An AES key with a replica in the simulator's second region, wrapped with its material split 2 of 2, the bundle checked. */
async function groupWrapped(): Promise<{ primary: Named; replica: Named }> {
  const { ipc, dir, media } = folder;
  await value(ipc, 'mode.choose', { mode: 'rehearsal' });
  await value(ipc, 'ceremony.setup', { title: 'Group', operator: 'Ana', witnesses: ['Ben'], folder: dir });
  const connection = await value<{ replicaRegions?: { region: string; projectId: string }[] }>(ipc, 'rehearsal.start');
  const east = connection.replicaRegions?.[0];
  if (!east) throw new Error('the rehearsal serves no second region');
  const created = await value<{ keys: { keyId: string; replicaOf?: string; region?: string }[] }>(
    ipc,
    'online.create-keys',
    { keys: [{ alias: 'dr/aes', spec: 'AES_256', replicas: [east] }] },
  );
  const primaryId = created.keys.find((k) => !k.replicaOf)?.keyId as string;
  const replicaId = created.keys.find((k) => k.replicaOf)?.keyId as string;
  await value(ipc, 'online.fetch-parameters');
  const params = await value<Written>(ipc, 'online.write-parameters', { folder: dir });
  // A first round: fresh material, nothing taken before.
  expect(params.materialBefore).toBeNull();
  await value(ipc, 'airgap.check-network');
  await value(ipc, 'airgap.read-bundle', { folder: params.dir });
  await value(ipc, 'airgap.confirm-as-witness', { witness: 'Ben', typed: params.manifestSha256Grouped });
  const custody = { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: ['c1', 'c2'].map((c) => path.join(dir, c)) };
  await value(ipc, 'airgap.preflight', { folder: media, custody: { ...custody, allowSameVolume: true } });
  await value(ipc, 'airgap.generate');
  await value(ipc, 'custody.split');
  await wrapAndCheck(ipc);
  return {
    primary: { keyId: primaryId, alias: 'dr/aes', replicaOf: null, region: 'sim-local-1' },
    replica: { keyId: replicaId, alias: 'dr/aes', replicaOf: primaryId, region: east.region },
  };
}

/** Fresh parameters for what waits, written: the bundle's answer. */
async function freshParameters(): Promise<Written> {
  await value(folder.ipc, 'online.fetch-parameters');
  return value<Written>(folder.ipc, 'online.write-parameters', { folder: folder.dir });
}

const sharesCustody = (seq: number) => ({
  custody: 'shares',
  seq,
  threshold: 2,
  total: 2,
  custodiansList: JSON.stringify(['Cara', 'Dan']),
  token: '',
  // The wrapped bundle named its custody set (format version 5): by the tag of its share files' names.
  set: 'named',
  setTag: expect.stringMatching(/^[0-9A-F]{8}$/),
});

describe('the parameters step for a replica that takes its group’s material', () => {
  it('its material deleted: it takes that same material again, restored from the custody shares', async () => {
    const { ipc } = folder;
    const { replica } = await groupWrapped();
    await value(ipc, 'online.import', { expiry: { kind: 'never' } });
    await value(ipc, 'online.verify');
    await value(ipc, 'online.delete-material', { keyId: replica.keyId, acknowledgeLoss: true });
    const written = await freshParameters();
    expect(written.keyIds).toEqual([replica.keyId]);
    expect(written.taken).toBe(true);
    expect(written.materialBefore).toEqual({ own: [replica], group: [], custody: sharesCustody(expect.any(Number)) });
    const lines = materialBeforeLines(translator('en'), written.materialBefore);
    const seq = written.materialBefore?.custody.seq ?? 0;
    const tag = written.materialBefore?.custody.setTag ?? '';
    expect(lines).toEqual([
      `dr/aes (${replica.keyId}, the replica in ${replica.region}) had its material imported before: the KMS accepts only that same material again, so fresh material would be refused (KMS.2606).`,
      `Next, within 24 hours, on the air-gapped workstation: restore that material with this bundle from any 2 of the 2 custody shares (held by Cara, Dan; custody set ${tag}, the tag in its share files’ names; online journal entry ${seq}), in the custody restore ceremony on the Restore screen of this app (or keyferry custody restore); then check and import here the wrapped-material bundle it writes.`,
    ]);
    expect(materialBeforeLines(translator('zh-CN'), written.materialBefore)).toEqual([
      `dr/aes（${replica.keyId}，位于 ${replica.region} 的副本）此前已导入过密钥材料：KMS 只接受同一份密钥材料再次导入，因此新生成的密钥材料会被拒绝（KMS.2606）。`,
      `下一步，请在 24 小时内于离线工作站上，用此参数包从 2 份保管份额中的任意 2 份（保管人：Cara、Dan；托管集 ${tag}，即其份额文件名中的标记；联网日志条目 ${seq}）恢复这份密钥材料：使用本应用“恢复”页面中的托管恢复仪式（或 keyferry custody restore）；然后在此处核对并导入它写出的已包装密钥材料包。`,
    ]);
  }, 120_000);

  it('its import refused while the primary’s took, then its token lapsed: it takes the primary’s material', async () => {
    const { ipc } = folder;
    const { primary, replica } = await groupWrapped();
    const sim = ipc.simulator();
    if (!sim) throw new Error('no rehearsal simulator');
    // The primary's import (journaled and sent first) goes through; the replica's is refused before it runs.
    sim.faults.failWith('import-key-material', 400, 'before', 1, 1);
    expect((await call(ipc, 'online.import', { expiry: { kind: 'never' } })).ok).toBe(false);
    sim.clock.advance(25 * 3_600_000);
    await value(ipc, 'online.status');
    const written = await freshParameters();
    expect(written.keyIds).toEqual([replica.keyId]);
    expect(written.materialBefore).toEqual({
      own: [],
      group: [{ member: replica, holder: primary }],
      custody: sharesCustody(expect.any(Number)),
    });
    const [why, next] = materialBeforeLines(translator('en'), written.materialBefore);
    expect(why).toBe(
      `dr/aes (${replica.keyId}, the replica in ${replica.region}) is a replica of dr/aes (${primary.keyId}), which holds the material imported before: a replica group holds one material, so this replica takes that same material, not fresh material.`,
    );
    expect(next).toMatch(
      /^Next, within 24 hours, on the air-gapped workstation: restore that material with this bundle from any 2 of the 2 custody shares/,
    );
    expect(materialBeforeLines(translator('zh-CN'), written.materialBefore)[0]).toBe(
      `dr/aes（${replica.keyId}，位于 ${replica.region} 的副本）是dr/aes（${primary.keyId}）的副本，而后者持有此前导入的密钥材料：一个副本组只持有一份密钥材料，因此该副本须导入同一份密钥材料，而不是新生成的密钥材料。`,
    );
  }, 120_000);
});

describe('the parameters step for a replica whose checked wrap is still to import', () => {
  it('its import refused while the primary’s took, its token still valid: no restore is said, the warning’s wrap is imported', async () => {
    const { ipc } = folder;
    const { replica } = await groupWrapped();
    const sim = ipc.simulator();
    if (!sim) throw new Error('no rehearsal simulator');
    sim.faults.failWith('import-key-material', 400, 'before', 1, 1);
    expect((await call(ipc, 'online.import', { expiry: { kind: 'never' } })).ok).toBe(false);
    await value(ipc, 'online.status');
    const written = await freshParameters();
    expect(written.keyIds).toEqual([replica.keyId]);
    // The plan takes the wrap checked here for the replica and destroys this bundle: never a restore into it.
    const plan = written.warnings.find((w) => w.code === 'PARAMETERS_BUNDLES_ONE_PER_KEY');
    expect(plan && warningText(translator('en'), plan)).toContain('Import that wrap; do not wrap those keys again.');
    expect(written.materialBefore).toBeNull();
    // Nor is it carried to the air-gapped workstation: the screen says not to (params.not-taken).
    expect(written.taken).toBe(false);
  }, 120_000);
});

describe('the parameters step when bundles of the same keys are in play', () => {
  it('says which bundle each key takes with the app’s steps, naming no command-line command', async () => {
    const { ipc, dir } = folder;
    await value(ipc, 'mode.choose', { mode: 'rehearsal' });
    await value(ipc, 'ceremony.setup', { title: 'Two', operator: 'Ana', witnesses: ['Ben'], folder: dir });
    await value(ipc, 'rehearsal.start');
    const created = await value<{ keys: { keyId: string }[] }>(ipc, 'online.create-keys', {
      keys: [
        { alias: 'app/a', spec: 'AES_256' },
        { alias: 'app/b', spec: 'AES_256' },
      ],
    });
    const [a] = created.keys.map((k) => k.keyId);
    await freshParameters();
    // Parameters again for key a only: the first bundle also holds a's, so each key takes one bundle.
    await value(ipc, 'online.fetch-parameters', { keyIds: [a] });
    const written = await value<Written>(ipc, 'online.write-parameters', { folder: dir });
    const plan = written.warnings.filter((w) => w.code === 'PARAMETERS_BUNDLES_ONE_PER_KEY');
    expect(plan).toHaveLength(1);
    const en = warningText(translator('en'), plan[0]!);
    const zh = warningText(translator('zh-CN'), plan[0]!);
    expect(en).toContain('then read the key states again (“Read the key states from the KMS”)');
    expect(zh).toContain('然后再次读取密钥状态（“从 KMS 读取密钥状态”）');
    for (const text of [en, zh]) expect(text).not.toMatch(/keyferry online|--key-id/);
    // The same warning as online params prints it (no surface): the command line's words.
    const { surface: _, ...cliValues } = plan[0]!.values;
    expect(warningText(translator('en'), { code: plan[0]!.code, values: cliValues })).toContain(
      'then run keyferry online status: it says again which bundle each key takes.',
    );
  }, 120_000);
});
