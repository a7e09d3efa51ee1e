/**
 * `online status` after a lapse says what the officer brings to the restore, from the custody copy the
 * online journal's checked wrapped bundle recorded: the HSM token by name (and the command's HSM
 * options), or M of N custodians' shares; with no record, the generic custody copy as before.
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
      "with the ceremony's custody copy (the shares of enough custodians, or the HSM token",
    );
  });
});
