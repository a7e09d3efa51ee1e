/**
 * The app's key states with the facts `online status` prints, through the real router and handlers
 * and the rehearsal's simulator over real HTTP: the keys holding material proven at any step (after
 * fresh parameters the ceremony's verify step refuses; each proof journaled), and what is next for a
 * key whose material was deleted: fresh parameters first, then, once they are written, the
 * air-gapped side with that bundle; the lines in English and Simplified Chinese through the catalogue.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Response } from '../../../src-main/ipc/contract';
import { translator } from '../../../src-main/i18n/translate';
import { unprovenAnswers } from '../../../src-main/i18n/import-stopped-summary';
import { consoleClientOf } from '../../helpers/console-client';
import { keyStatusLines } from '../../../src-renderer/screens/online/key-status-lines';
import {
  airGapConfirmed,
  call,
  ceremonyFolder,
  journalEvents,
  value,
  wrapAndCheck,
  wrapCheckImport,
  type CeremonyFolder,
} from './airgap-session';

let folder: CeremonyFolder;
beforeEach(async () => {
  folder = await ceremonyFolder('kf-ipc-key-status-');
});
afterEach(() => folder.close());

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Two AES keys imported and verified in a rehearsal (their material expiring at `expiresAt` and split
 * 2 of 2 for custody, or with no custody copy at all when `noCustody`, its loss acknowledged; else never).
 */
async function imported(expiresAt?: Date, noCustody = false): Promise<string[]> {
  const { ipc, dir, media } = folder;
  const { keyIds } = await airGapConfirmed(ipc, dir, ['AES_256', 'AES_256']);
  const custody = { m: 2, n: 2, custodians: ['Cara', 'Dan'], folders: ['c1', 'c2'].map((c) => path.join(dir, c)) };
  const kept = noCustody ? { acknowledgeNoBackup: true } : { custody: { ...custody, allowSameVolume: true } };
  const expiry = expiresAt ? { expiry: { kind: 'at', at: expiresAt.toISOString() }, ...kept } : {};
  await value(ipc, 'airgap.preflight', { folder: media, ...expiry });
  await value(ipc, 'airgap.generate');
  if (expiresAt && !noCustody) await value(ipc, 'custody.split');
  await wrapCheckImport(ipc, expiresAt ? {} : { expiry: { kind: 'never' } });
  return keyIds;
}

const named = (keyId: string, alias: string) => ({ keyId, alias, replicaOf: null, region: 'sim-local-1' });
const keyText = (lang: 'en' | 'zh-CN', alias: string, keyId: string) =>
  translator(lang).t('online.named-key', { alias, keyId, replica: 'no', region: '' });

/** The values the app says status.next.lapsed with for the lapsed key `key` (safety/k0), in `lang`. */
function lapsedValues(lang: 'en' | 'zh-CN', key: Response<'keyStatus'>['next']['lapsed'][number]) {
  return {
    key: keyText(lang, 'safety/k0', key.keyId),
    round: key.round,
    expires: '2030-01-01 00:00 UTC',
    ...key.custody,
  };
}

/** online status's next steps when there is nothing to do. */
const NOTHING_NEXT = {
  deleted: [],
  rounds: [],
  notTaken: [],
  sentUnrecorded: { keys: [], folders: [] },
  unproven: { keys: [], folders: [] },
  answeredNotTaken: [],
  lapsed: [],
  proveFirst: null,
  foreign: [],
  missing: [],
  missingTokens: null,
  missingRefused: null,
  missingWrap: null,
  groups: false,
  beforeImport: null,
  groupMaterial: [],
};

/**
 * Key app/two not imported, its parameters written before any import to /m/params-1 (entry 12), and
 * a wrapped bundle of /m/w1 refused since at entry 29 (WRAPPED_DIGEST_MISMATCH) as `said` records it.
 */
function refusedSinceWritten(said: {
  readonly values: Record<string, string | number>;
  readonly reason: string;
  readonly recorded: boolean;
}): Response<'keyStatus'> {
  const next = {
    ...NOTHING_NEXT,
    missing: [named('k2', 'app/two')],
    missingTokens: { until: Date.parse('2030-01-02T00:00:00Z'), lapsed: false, by: 'computer' },
    missingWrap: {
      folder: '/m/params-1',
      seq: 12,
      blocked: false,
      since: false,
      refused: { seq: 29, code: 'WRAPPED_DIGEST_MISMATCH', folder: '/m/w1', ...said },
    },
  };
  return { clock: 'computer', keys: [], proofs: null, next } as unknown as Response<'keyStatus'>;
}

describe('the key states in the app, as online status says them', () => {
  it('sends the keys an import did not reach to the wrap of the fresh parameters written for them since', () => {
    const next = {
      ...NOTHING_NEXT,
      missing: [named('k2', 'app/two')],
      missingTokens: { until: Date.parse('2030-01-02T00:00:00Z'), lapsed: false, by: 'computer' },
      missingWrap: { folder: '/m/params-2', seq: 35, blocked: false, since: true, refused: null },
    };
    const status = { clock: 'computer', keys: [], proofs: null, next } as unknown as Response<'keyStatus'>;
    const en = keyStatusLines(translator('en'), status, 2).join('\n');
    expect(en).toContain(
      'Fresh import parameters for it were written since that import, to /m/params-2 (journal entry 35): next, on the air-gapped workstation, wrap with that bundle, or restore from its custody copy a key that must take material imported before (such as a replica group’s), unless that was done already; then check and import here what it writes, while its import token is valid (until 2030-01-02',
    );
    expect(en).not.toContain('Import again with the same bundle');
    expect(keyStatusLines(translator('zh-CN'), status, 2).join('\n')).toContain(
      '已为它写出新的导入参数到 /m/params-2（日志条目 35）',
    );
  });

  it('says parameters written before any import as such, and a wrapped bundle refused since, as online status does', () => {
    const status = refusedSinceWritten({
      values: { count: 9, dir: '/m/w1' },
      reason: '9 of 16 groups differ from the digest of the bundle in /m/w1.',
      recorded: false,
    });
    const en = keyStatusLines(translator('en'), status, 2).join('\n');
    expect(en).toContain(
      'Import parameters for it were written, before any import, to /m/params-1 (journal entry 12) (a folder offered since for import was refused at journal entry 29, for the reason said at the end, and nothing of it was imported; what that refusal said to do comes first): next',
    );
    // The refusal in words, with the app's way on, never its code.
    expect(en).toContain(
      'The refusal at journal entry 29 said: 9 of 16 groups differ from the digest of the bundle in /m/w1. This is not the bundle the air-gapped receipt names',
    );
    expect(en).toContain('Do not import this bundle. Bring the wrapped-material bundle the air-gapped receipt names');
    expect(en).not.toContain('WRAPPED_DIGEST_MISMATCH');
    expect(en).not.toContain('written since that import');
    const zh = keyStatusLines(translator('zh-CN'), status, 2).join('\n');
    expect(zh).toContain(
      '在任何导入之前，已为它写出导入参数到 /m/params-1（日志条目 12）（此后提交导入的文件夹已在日志条目 29 被拒绝，原因见末尾',
    );
    expect(zh).toContain('日志条目 29 的拒绝说：9 组（共 16 组）与 /m/w1 中包的摘要不同。');
    expect(zh).not.toContain('WRAPPED_DIGEST_MISMATCH');
  });

  it('says a wrapped bundle refused by an older build with the text it recorded, marked as such, in both languages', () => {
    const status = refusedSinceWritten({
      values: {},
      reason: 'The bundle digest differs from the one typed.',
      recorded: true,
    });
    expect(keyStatusLines(translator('en'), status, 2).join('\n')).toContain(
      'The refusal at journal entry 29 said: Recorded text: “The bundle digest differs from the one typed.” Do not import this bundle.',
    );
    // Chinese: the English text an older build recorded is quoted as such, then the way on in Chinese.
    expect(keyStatusLines(translator('zh-CN'), status, 2).join('\n')).toContain(
      '日志条目 29 的拒绝说：日志记录的原文：“The bundle digest differs from the one typed.”。请勿导入此包。',
    );
  });

  it('says the keys an import did not reach are fetched anew when their bundle also holds a key imported since', () => {
    const next = {
      ...NOTHING_NEXT,
      missing: [named('k2', 'app/two')],
      missingTokens: { until: Date.parse('2030-01-02T00:00:00Z'), lapsed: false, by: 'computer' },
      missingWrap: { folder: '/m/params-1', seq: 20, blocked: true, since: true, refused: null },
    };
    const status = { clock: 'computer', keys: [], proofs: null, next } as unknown as Response<'keyStatus'>;
    const en = keyStatusLines(translator('en'), status, 2).join('\n');
    expect(en).toContain(
      'The import-parameters bundle /m/params-1 (journal entry 20) holds its parameters, but also those of a key that holds its material already or takes another bundle: a wrap covers every key of its bundle, so that bundle is not to be wrapped now. If an air-gapped receipt shows it was wrapped already, check and import that wrap here: the import takes from it the keys still waiting and leaves out a key holding material imported from a later bundle. Otherwise destroy that bundle and every copy, then fetch new import parameters for it only (step “Fetch the import parameters”)',
    );
    expect(en).not.toContain('were written since that import');
    expect(keyStatusLines(translator('zh-CN'), status, 2).join('\n')).toContain(
      '因此现在不应包装该参数包。若某份离线回执表明它已被包装过，请在此处核对并导入那份包装',
    );
  });

  it('says the bundle plan after parameters for one key only: its bundle to wrap, the first destroyed, the other key fetched anew', async () => {
    const { ipc, dir } = folder;
    const { params: first, keyIds } = await airGapConfirmed(ipc, dir, ['AES_256', 'AES_256']);
    const [k0, k1] = keyIds as [string, string];
    await value(ipc, 'online.fetch-parameters', { keyIds: [k0] });
    const second = await value<{ dir: string; manifestSha256Grouped: string }>(ipc, 'online.write-parameters', {
      folder: dir,
    });
    const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.next.beforeImport?.plan).toMatchObject({
      takes: [{ folder: second.dir, digest: second.manifestSha256Grouped, keys: [named(k0, 'safety/k0')], wrap: null }],
      destroy: [{ folder: first }],
      fresh: [named(k1, 'safety/k1')],
    });
    const en = keyStatusLines(translator('en'), status, 2).join('\n');
    expect(en).toContain(`destroy it and every copy, and never wrap it: ${first} (`);
    expect(en).toContain(
      `No bundle is to be wrapped for ${keyText('en', 'safety/k1', k1)} (a wrap of it would also wrap a key that takes another bundle or holds its material already, or split a replica group): fetch new import parameters for that key only, in one bundle`,
    );
    expect(en).toContain(
      `Wrap the import-parameters bundle ${second.dir} (journal entry ${status.next.beforeImport?.plan?.takes[0]?.seq}, digest ${second.manifestSha256Grouped}) for ${keyText('en', 'safety/k0', k0)} on the air-gapped workstation`,
    );
    const zh = keyStatusLines(translator('zh-CN'), status, 2).join('\n');
    expect(zh).toContain('没有密钥使用以下 1 个参数包');
    expect(zh).toContain(`请在离线工作站上为${keyText('zh-CN', 'safety/k0', k0)}包装导入参数包 ${second.dir}`);
  }, 120_000);

  it('proves the keys holding material after a deletion and says new parameters come first, then the air-gapped side', async () => {
    const { ipc, dir } = folder;
    const [deleted, kept] = (await imported()) as [string, string];
    const onlineJournal = path.join(dir, 'online-journal.jsonl');
    let status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.proofs?.allVerified).toBe(true);
    expect(status.next).toEqual(NOTHING_NEXT);

    await value(ipc, 'online.delete-material', { keyId: deleted, acknowledgeLoss: true, confirmedKeyId: deleted });
    status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.proofs?.keys.map((p) => [p.keyId, p.ok])).toEqual([[kept, true]]);
    expect(status.next.deleted).toEqual([
      {
        keyId: deleted,
        alias: 'safety/k0',
        replicaOf: null,
        region: 'sim-local-1',
        spec: 'AES_256',
        round: 'parameters',
        // The wrapped bundle kept no custody copy (the deletion needed the key ID typed): said first.
        custody: expect.objectContaining({ custody: 'none' }),
      },
    ]);
    const custody = status.next.deleted[0]?.custody as Response<'keyStatus'>['next']['deleted'][number]['custody'];
    const key = (lang: 'en' | 'zh-CN') =>
      translator(lang).t('online.named-key', { alias: 'safety/k0', keyId: deleted, replica: 'no', region: '' });
    expect(translator('en').t('status.next.deleted', { key: key('en'), round: 'parameters', ...custody })).toBe(
      `Material deleted on request: safety/k0 (${deleted}) is in Pending import and accepts only the same material again. It had NO custody copy (online journal entry ${custody.seq}: the air-gapped side kept none): its material is lost for ever unless someone still holds the same material, and every ciphertext under the key stays unreadable. New import parameters do not bring it back by themselves: only if someone brings that material, fetch new import parameters for it (step “Fetch the import parameters”), write the bundle, wrap that material with it on the air-gapped workstation, then check and import here the wrapped-material bundle it writes.`,
    );
    expect(translator('zh-CN').t('status.next.deleted', { key: key('zh-CN'), round: 'parameters', ...custody })).toBe(
      `已按要求删除密钥材料：safety/k0（${deleted}）处于“等待导入”状态，只接受相同的密钥材料。它没有托管副本（联网日志条目 ${custody.seq}：离线工作站未保留副本）：除非仍有人持有同一份密钥材料，否则它已永久丢失，该密钥下的所有密文都无法解密。新的导入参数本身不能使其恢复：只有有人带来该密钥材料时，才为其获取新的导入参数（“获取导入参数”步骤）并写出参数包，在离线工作站上用该参数包包装该密钥材料，然后在此处核对并导入它写出的已包装密钥材料包。`,
    );

    await value(ipc, 'online.fetch-parameters');
    const params = await value<{ dir: string }>(ipc, 'online.write-parameters', { folder: dir });
    // The ceremony is back at its parameters step: its verify step refuses, the key states prove the kept key all the same (journaled).
    expect(await call(ipc, 'online.verify')).toMatchObject({
      ok: false,
      problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
    });
    const provenBefore = (await journalEvents(onlineJournal)).filter((e) => e.event === 'key.verified').length;
    status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.proofs?.keys.map((p) => [p.keyId, p.ok])).toEqual([[kept, true]]);
    const proven = (await journalEvents(onlineJournal)).filter((e) => e.event === 'key.verified');
    expect(proven.length).toBe(provenBefore + 1);
    expect(status.next.deleted.map((k) => k.round)).toEqual(['later']);
    expect(status.next.rounds).toEqual([
      {
        stage: 'wrap',
        folder: params.dir,
        seq: expect.any(Number) as number,
        keys: [{ keyId: deleted, alias: 'safety/k0', replicaOf: null, region: 'sim-local-1' }],
        refused: null,
        custody: expect.objectContaining({ custody: 'none' }) as unknown,
      },
    ]);
    // No custody copy was kept (material that never expires, nothing split): the screen says the air-gapped step as it is.
    expect(keyStatusLines(translator('en'), status, 2)).toContainEqual(
      expect.stringContaining(
        'Next, on the air-gapped workstation, wrap the original material with that bundle, if someone still holds it (no custody copy was kept: online journal entry ',
      ),
    );
  }, 120_000);

  it('says lapsed keys as online status does: the custody copy to restore from, fresh parameters first', async () => {
    const { ipc } = folder;
    const sim = ipc.simulator();
    const expiresAt = new Date((sim?.clock.now() ?? Date.now()) + 3 * DAY_MS);
    expiresAt.setUTCHours(0, 0, 0, 0);
    const keyIds = await imported(expiresAt);
    await value(ipc, 'rehearsal.move-clock', { hours: 5 * 24 });
    const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    expect(status.next.lapsed.map((k) => [k.keyId, k.round, k.expiresAt])).toEqual(
      keyIds.map((keyId) => [keyId, 'parameters', expiresAt.toISOString()]),
    );
    const [first] = status.next.lapsed;
    if (!first) throw new Error('no lapsed key');
    expect(first.custody).toMatchObject({ custody: 'shares', threshold: 2, total: 2 });
    const values = (lang: 'en' | 'zh-CN') => lapsedValues(lang, first);
    const { seq, setTag } = first.custody;
    expect(setTag).toMatch(/^[0-9A-F]{8}$/);
    expect(translator('en').t('status.next.lapsed', values('en'))).toBe(
      `Material lapsed: safety/k0 (${first.keyId}) was imported, but the KMS deleted its material when it expired (expiry recorded at import: 2030-01-01 00:00 UTC); it is back in Pending import and accepts only the same material again. Next: fetch new import parameters for it (step “Fetch the import parameters”) and write the bundle; on the air-gapped workstation restore its material with that bundle from 2 of the 2 custody shares (held by Cara, Dan; custody set ${setTag}, the tag in its share files’ names; online journal entry ${seq}) (the custody restore, with a new expiry: the original one has passed); then check and import here the wrapped-material bundle it writes.`,
    );
    expect(translator('zh-CN').t('status.next.lapsed', values('zh-CN'))).toBe(
      `密钥材料已失效：safety/k0（${first.keyId}）曾经导入，但密钥材料到期后 KMS 已将其删除（导入时记录的到期时间：2030-01-01 00:00 UTC）；该密钥已回到“等待导入”状态，只接受同一份密钥材料再次导入。下一步：为其获取新的导入参数（“获取导入参数”步骤）并写出参数包；在离线工作站上用该参数包从 2 份保管份额中任意 2 份（保管人：Cara、Dan；托管集 ${setTag}，即其份额文件名中的标记；联网日志条目 ${seq}）恢复其密钥材料（托管恢复，需指定新的到期时间：原到期时间已过）；然后在此处核对并导入它写出的已包装密钥材料包。`,
    );
  }, 120_000);

  it('says first that a lapsed key with NO custody copy is lost unless someone still holds its material, as online status does', async () => {
    const { ipc } = folder;
    const sim = ipc.simulator();
    const expiresAt = new Date((sim?.clock.now() ?? Date.now()) + 3 * DAY_MS);
    expiresAt.setUTCHours(0, 0, 0, 0);
    await imported(expiresAt, true);
    await value(ipc, 'rehearsal.move-clock', { hours: 5 * 24 });
    const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    const [first] = status.next.lapsed;
    if (!first) throw new Error('no lapsed key');
    expect(first.custody).toMatchObject({ custody: 'none' });
    const values = (lang: 'en' | 'zh-CN') => lapsedValues(lang, first);
    const { seq } = first.custody;
    expect(translator('en').t('status.next.lapsed', values('en'))).toBe(
      `Material lapsed: safety/k0 (${first.keyId}) was imported, but the KMS deleted its material when it expired (expiry recorded at import: 2030-01-01 00:00 UTC); it is back in Pending import and accepts only the same material again. It had NO custody copy (online journal entry ${seq}: the air-gapped side kept none): its material is lost for ever unless someone still holds the same material, and every ciphertext under the key stays unreadable. New import parameters do not bring it back by themselves: only if someone brings that material, fetch new import parameters for it (step “Fetch the import parameters”), write the bundle, wrap that material with it on the air-gapped workstation (with a new expiry: the original one has passed), then check and import here the wrapped-material bundle it writes.`,
    );
    expect(translator('zh-CN').t('status.next.lapsed', values('zh-CN'))).toBe(
      `密钥材料已失效：safety/k0（${first.keyId}）曾经导入，但密钥材料到期后 KMS 已将其删除（导入时记录的到期时间：2030-01-01 00:00 UTC）；该密钥已回到“等待导入”状态，只接受同一份密钥材料再次导入。它没有托管副本（联网日志条目 ${seq}：离线工作站未保留副本）：除非仍有人持有同一份密钥材料，否则它已永久丢失，该密钥下的所有密文都无法解密。新的导入参数本身不能使其恢复：只有有人带来该密钥材料时，才为其获取新的导入参数（“获取导入参数”步骤）并写出参数包，在离线工作站上用该参数包包装该密钥材料（需指定新的到期时间：原到期时间已过），然后在此处核对并导入它写出的已包装密钥材料包。`,
    );
  }, 120_000);

  it('verify first: a key whose proof fails stands the ceremony at its proof, before the fresh parameters of a deleted key', async () => {
    const { ipc, dir } = folder;
    const [deleted, kept] = (await imported()) as [string, string];
    const kms = consoleClientOf(ipc.simulator());
    try {
      // Somebody disables the kept key at the console; the deleted key's material is deleted in the app.
      await kms.disableKey(kept);
      await value(ipc, 'online.delete-material', { keyId: deleted, acknowledgeLoss: true, confirmedKeyId: deleted });
      let status = await value<Response<'keyStatus'>>(ipc, 'online.status');
      expect(status.proofs?.keys.map((p) => [p.keyId, p.ok])).toEqual([[kept, false]]);
      expect(status.next.proveFirst).toEqual({
        prove: [named(kept, 'safety/k1')],
        lost: [named(deleted, 'safety/k0')],
        step: 'imported',
      });
      const values = (lang: 'en' | 'zh-CN') => ({
        proveCount: 1,
        prove: keyText(lang, 'safety/k1', kept),
        lostCount: 1,
        lost: keyText(lang, 'safety/k0', deleted),
        statePhrase: translator(lang).t('ceremony.state', { state: 'imported' }),
      });
      expect(translator('en').t('status.next.prove-first', values('en'))).toBe(
        `Verify first: 1 key holds imported material not proven yet (safety/k1 (${kept})), so the ceremony stands at step “material imported”, where no import-parameters bundle can be written; 1 key waits for fresh import parameters (safety/k0 (${deleted})). Next: 1. prove it (step “Verify the keys”, or read the key states again: both prove every key holding material and journal each proof; a proof that fails says what to mend); 2. then fetch new import parameters (step “Fetch the import parameters”) and write the bundle.`,
      );
      expect(translator('zh-CN').t('status.next.prove-first', values('zh-CN'))).toBe(
        `先校验：1 个密钥持有尚未证明的已导入密钥材料（safety/k1（${kept}）），因此仪式处于“已导入密钥材料”步骤，此步骤不能写出导入参数包；1 个密钥在等待新的导入参数（safety/k0（${deleted}））。下一步：1. 证明这些密钥（“校验密钥”步骤，或再次读取密钥状态：两者都会证明每个持有密钥材料的密钥，并将每项证明记入日志；证明失败时会说明需要修复什么）；2. 然后获取新的导入参数（“获取导入参数”步骤）并写出参数包。`,
      );
      // It says the truth: the bundle cannot be written at this step, so nothing is fetched for it.
      expect(await call(ipc, 'online.fetch-parameters')).toMatchObject({
        ok: false,
        problem: { code: 'PARAMETERS_AFTER_PROOF' },
      });
      expect(await call(ipc, 'online.write-parameters', { folder: dir })).toMatchObject({
        ok: false,
        problem: { code: 'CEREMONY_STEP_OUT_OF_ORDER' },
      });
      // Enabled again and proven: the deleted key's fresh parameters come next, and can be written.
      await kms.enableKey(kept);
      status = await value<Response<'keyStatus'>>(ipc, 'online.status');
      expect(status.proofs?.keys.every((p) => p.ok)).toBe(true);
      // Not all verified: the deleted key waits for its material, and a proof covers only keys holding it.
      expect(status.proofs?.allVerified).toBe(false);
      expect(status.next.proveFirst).toBeNull();
      await value(ipc, 'online.fetch-parameters');
      await value(ipc, 'online.write-parameters', { folder: dir });
    } finally {
      kms.close();
    }
  }, 120_000);

  it('says an import recorded as KMS_IMPORT_OUTCOME_UNKNOWN as status does: sent at one entry, failed with its outcome unknown at another', async () => {
    const { ipc, dir, media } = folder;
    const [keyId] = (await airGapConfirmed(ipc, dir, ['AES_256'])).keyIds as [string];
    await value(ipc, 'airgap.preflight', { folder: media });
    await value(ipc, 'airgap.generate');
    const wrapped = await wrapAndCheck(ipc);
    // The KMS takes the import, its answer is lost, and the key's state cannot be read after it.
    const sim = ipc.simulator();
    sim?.faults.dropConnection('import-key-material', 'after');
    sim?.faults.failWith('describe-key', 503, 'before', 1000, 1);
    expect(await call(ipc, 'online.import', { expiry: { kind: 'never' } })).toMatchObject({
      ok: false,
      problem: { code: 'KMS_IMPORT_OUTCOME_UNKNOWN' },
    });
    sim?.faults.clear();
    const entries = await journalEvents(path.join(dir, 'online-journal.jsonl'));
    const sentSeq = entries.findIndex((e) => e.event === 'key.import-sending') + 1;
    const seq = entries.findIndex((e) => e.event === 'step.failed' && e.data.step === 'import-key-material') + 1;
    const status = await value<Response<'keyStatus'>>(ipc, 'online.status');
    const answer = { code: 'KMS_IMPORT_OUTCOME_UNKNOWN', seq, sentSeq };
    expect(status.next.unproven.keys).toEqual([{ ...named(keyId, 'safety/k0'), answer }]);
    expect(status.next.sentUnrecorded.keys).toEqual([]);
    const said = (lang: 'en' | 'zh-CN') =>
      translator(lang).t('status.next.unproven-imports', {
        count: 1,
        answers: unprovenAnswers(translator(lang), status.next.unproven.keys),
        bundles: status.next.unproven.folders.join(''),
      });
    expect(said('en')).toBe(
      `1 key is Enabled in the KMS although the import this journal shows sent to it was answered with an error that does not say whether it took effect: safety/k0 (${keyId}): sent at journal entry ${sentSeq}, answered at journal entry ${seq} with a failure whose outcome is unknown (KMS_IMPORT_OUTCOME_UNKNOWN: its answer was lost, and the key’s state could not be read). Import again with the bundle ${wrapped.dir}: it asks the KMS first, compares each such key with the bundle (its expiry, and for RSA and EC keys its public key), records it, and sends nothing twice.`,
    );
    expect(said('zh-CN')).toContain(
      `safety/k0（${keyId}）：导入于日志条目 ${sentSeq} 发送，日志条目 ${seq} 记录的答复为结果未知的失败（KMS_IMPORT_OUTCOME_UNKNOWN：答复丢失，且无法读取密钥状态）。请再次导入（材料包 ${wrapped.dir}）：它会先询问 KMS`,
    );
    // The app's key table reads the same answer: "Import answered with an error, effect not proven".
    const ceremony = await value<{
      online: { keys: { importSentUnrecorded: boolean; importAnswerUnproven: unknown }[] };
    }>(ipc, 'ceremony.state');
    expect(ceremony.online.keys[0]).toMatchObject({ importSentUnrecorded: false, importAnswerUnproven: answer });
  }, 120_000);
});
