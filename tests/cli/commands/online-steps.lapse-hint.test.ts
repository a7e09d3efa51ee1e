/**
 * `online status` after a lapse says what the officer brings to the restore, from the custody copy the
 * online journal's checked wrapped bundle recorded: the HSM token by name (and the command's HSM
 * options), or M of N custodians' shares; with no record, the generic custody copy as before. With
 * NO custody copy it says first that the material is lost unless someone still holds it (as the app's
 * lapsed line does), and only then how such a material file would be wrapped again.
 */
import { describe, expect, it } from 'vitest';
import { lapsedLines } from '../../../src-main/cli/commands/online-steps';

const KEY = {
  keyId: '0d0466b0-e727-4d9c-b35d-f84bb474a37f',
  alias: 'pay/aes',
  spec: 'AES_256',
  lapsed: true,
  expiresAt: null,
};
const io = (lang: string) =>
  ({ env: { LANG: lang }, locale: undefined, cwd: '/ceremony/online' }) as unknown as Parameters<typeof lapsedLines>[0];
const step2 = (lines: string[]) => lines.find((l) => l.trimStart().startsWith('2.')) ?? '';

describe('lapse hint of online status', () => {
  it('names the HSM token that holds the material, and puts it in the restore command', () => {
    const custody = { kind: 'hsm-token', label: 'keyferry-prod', serial: '4f1c2a' } as const;
    const en = step2(lapsedLines(io('en_US.UTF-8'), [KEY], 'keyferry online params', custody, 'airgap-KF-1.jsonl'));
    // The air-gapped journal that recorded the token's objects: a restore into a new journal needs it.
    expect(en).toContain(
      'keyferry custody restore --hsm-module PKCS11-MODULE --hsm-token keyferry-prod --hsm-journal airgap-KF-1.jsonl --bundle MEDIA/import-parameters-restore',
    );
    expect(step2(lapsedLines(io('en_US.UTF-8'), [KEY], 'p', custody))).toContain(
      '--hsm-journal AIR-GAPPED-JOURNAL --bundle',
    );
    expect(en).toContain('with the HSM token keyferry-prod that holds the material');
    expect(en).not.toContain('shares');
    const zh = step2(lapsedLines(io('zh_CN.UTF-8'), [KEY], 'keyferry online params', custody));
    expect(zh).toContain('保存该密钥材料的 HSM 令牌 keyferry-prod');
  });

  it('names M of N custodians for shares, and the generic copy when the journal recorded none', () => {
    const shares = { kind: 'shares' as const, threshold: 2, total: 3, custodians: ['Alice', 'Bob', 'Carol'] };
    expect(step2(lapsedLines(io('en_US.UTF-8'), [KEY], 'p', shares))).toContain(
      'with the shares of any 2 of the 3 custodians and the custody backup',
    );
    expect(step2(lapsedLines(io('en_US.UTF-8'), [KEY], 'p', null))).toContain(
      'with the ceremony’s custody copy (the shares of enough custodians, or the HSM token',
    );
  });

  it('says first that material with NO custody copy is lost unless someone holds it, then how a held file is wrapped', () => {
    const none = { kind: 'none' as const, acknowledged: true };
    const en = lapsedLines(io('en_US.UTF-8'), [KEY], 'keyferry online params', none);
    expect(en.slice(2)).toEqual([
      'It had NO custody copy (the air-gapped side kept none): the material is lost for ever unless someone still holds the same material, and every ciphertext under the key stays unreadable. New import parameters do not bring it back by themselves; only if someone brings that material (MEDIA: the removable media’s folder as each workstation mounts it):',
      '  1. keyferry online params --out MEDIA/import-parameters-restore      (fresh wrapping key and import token)',
      '  2. keyferry airgap wrap --bundle MEDIA/import-parameters-restore --material FILE --expires EXPIRY (with the other options step 1 prints), on the air-gapped workstation, with the material file that person brings; --expires is required because this material had an expiry, and its original expiry has passed: EXPIRY is a new date-time, a duration such as 90d, or never',
      '  3. keyferry online import with the wrapped-material bundle the wrap wrote (the command it prints)',
    ]);
    expect(en.join('\n')).not.toContain('custody restore');
    const zh = lapsedLines(io('zh_CN.UTF-8'), [KEY], 'keyferry online params', none);
    expect(zh[2]).toBe(
      '该密钥没有托管副本（离线工作站未保留副本）：除非仍有人持有同一份密钥材料，否则其密钥材料已永久丢失，该密钥下的所有密文都无法解密。新的导入参数本身不能使其恢复；只有有人带来该密钥材料时才执行以下步骤（MEDIA：各工作站挂载移动存储介质的文件夹）：',
    );
    expect(step2(zh)).toContain('那位持有人带来的密钥材料文件');
    // The material files the officer loaded are the copy: wrapped again, no custody restore.
    expect(step2(lapsedLines(io('en_US.UTF-8'), [KEY], 'p', { kind: 'material-files' }))).toContain(
      'keyferry airgap wrap --bundle MEDIA/import-parameters-restore --material FILE --expires EXPIRY (with the other options step 1 prints), on the air-gapped workstation, with the original material file kept as its only copy',
    );
  });
});
