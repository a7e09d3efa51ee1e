/**
 * What the CLI prints after an air-gapped session failed or was stopped: the voided receipt, the
 * withdrawn bundle, and how to try again, which must never be "the same command" into the withdrawn
 * folder (the preflight refuses a folder that holds files) but a new folder, with the option of the
 * command that failed (airgap wrap's --out, the restore ceremony's --wrapped-out). A Ctrl-C names the
 * step the session had really reached: its last journal entry, not the coarser state.
 */
import { describe, expect, it } from 'vitest';
import type { AbandonReport } from '../../src-main/core/ceremony/airgap/session-stop';
import { resumeLines, stopCeremonyOnInterrupt, withdrawalLines } from '../../src-main/cli/session-stop-lines';
import type { CliInterrupts } from '../../src-main/cli/interrupts';
import { translator } from '../../src-main/i18n/translate';
import { createFixture, onlineDayOne } from '../core/ceremony/ceremony-fixture';
import { parametersDigestOf } from '../core/ceremony/witness-helpers';

const report = (over: Partial<AbandonReport>): AbandonReport => ({
  state: 'bundle-written',
  wipedKeys: 0,
  underWay: 'wrapping',
  withdrawnBundle: null,
  deleteByHand: null,
  withdrawnCustody: [],
  custodyByHand: [],
  ...over,
});

describe('the lines after an air-gapped session that did not finish', () => {
  it('after a failure, name the HSM token objects destroyed, and each one left with its delete command (en, zh-CN)', () => {
    const object = { keyId: 'k2', label: 'keyferry KF-1 k2', objectId: '6b32' };
    const failed = report({
      tokenObjects: {
        tokenLabel: 'vault',
        tokenSerial: '9a8b',
        destroyed: [{ ...object, objectClass: 'CKO_PRIVATE_KEY' }],
        left: [{ ...object, objectClass: 'CKO_PUBLIC_KEY', command: 'pkcs11-tool --delete-object --type pubkey' }],
        problem: { code: 'HSM_TOKEN_GONE', values: { ckr: 'CKR_DEVICE_REMOVED' }, message: 'gone', nextStep: '' },
      },
    });
    expect(withdrawalLines(failed, translator('en'))).toEqual([
      'The token object this attempt generated in HSM token "vault" (serial 9a8b) was destroyed, as its material will never be imported: "keyferry KF-1 k2" (private key, CKA_ID 6b32).',
      '1 token object this attempt generated in HSM token "vault" (serial 9a8b) is still in the token, holding material that will never be imported. Destroying it failed: The token went away during the operation (CKR_DEVICE_REMOVED). Delete it by hand before material is generated again for this ceremony (each command asks for the user PIN):',
      '  pkcs11-tool --delete-object --type pubkey',
    ]);
    expect(withdrawalLines(failed, translator('zh-CN')).slice(0, 2)).toEqual([
      '本次尝试在 HSM 令牌 "vault"（序列号 9a8b）中生成的 1 个令牌对象已销毁，因为其中的密钥材料永远不会被导入："keyferry KF-1 k2"（私钥，CKA_ID 6b32）。',
      '本次尝试在 HSM 令牌 "vault"（序列号 9a8b）中生成的 1 个令牌对象仍在令牌中，其中的密钥材料永远不会被导入。销毁失败：操作过程中令牌已断开（CKR_DEVICE_REMOVED）。在为此仪式再次生成密钥材料之前，请手动删除它们（每条命令都会询问用户 PIN）：',
    ]);
  });

  it('name the voided receipt and the withdrawn bundle, then how to try again with a new folder', () => {
    const failed = report({
      withdrawnBundle: '/media/usb/wrapped',
      voidedReceipt: 'receipt-air-gapped-KF-1-session-1.html',
    });
    const lines = withdrawalLines(failed, translator('en'));
    expect(lines[0]).toContain(
      'The receipt receipt-air-gapped-KF-1-session-1.html (and its text twin) names a bundle that was never completed',
    );
    expect(lines[0]).toContain('Do not sign it');
    expect(lines[1]).toContain('The wrapped-material bundle in /media/usb/wrapped was withdrawn');
    expect(resumeLines(failed, translator('en'), '--out')).toEqual([
      'To try again, run the same command with --out naming a new folder (never /media/usb/wrapped): it is a new session, and every witness confirms again.',
    ]);
    expect(resumeLines(failed, translator('zh-CN'), '--wrapped-out')[0]).toContain('--wrapped-out');
  });

  it('say how the bundle was withdrawn: marked, its manifest removed, or neither possible on a full medium', () => {
    const line = (withdrawnHow: AbandonReport['withdrawnHow']) =>
      withdrawalLines(
        report({ withdrawnBundle: '/media/usb/w', ...(withdrawnHow ? { withdrawnHow } : {}) }),
        translator('en'),
      )[0];
    expect(line('marked')).toContain(
      'was withdrawn (it never became a whole bundle, and no valid receipt names it): marked ABANDONED.txt. The online import refuses it',
    );
    expect(line('manifestRemoved')).toContain('so its manifest.json was removed.');
    expect(line('noManifest')).toContain(
      'it has no manifest.json, so no reader takes it for a bundle. Delete the folder once the media has room.',
    );
    expect(line('noManifest')).not.toContain('marked ABANDONED.txt');
  });

  it('name the custodian folders made and removed again before a share went in, with whose they were (en, zh-CN)', () => {
    const stopped = report({
      state: 'material-ready',
      removedCustodyFolders: [
        { folder: '/media/dana/shares', custodian: 'Dana' },
        { folder: '/media/fay/shares', custodian: null },
      ],
    });
    expect(withdrawalLines(stopped, translator('en'))).toEqual([
      'The 2 custodian folders this attempt had made for the shares were removed again before any file went in: /media/dana/shares (custodian Dana), /media/fay/shares (custodian not journaled). Nothing of this attempt is left on those custodians’ media.',
    ]);
    expect(withdrawalLines(stopped, translator('zh-CN'))).toEqual([
      '本次尝试为份额创建的 2 个保管人文件夹在写入任何文件之前已再次删除：/media/dana/shares（保管人 Dana）、/media/fay/shares（日志未记录保管人）。这些保管人的介质上未留下本次尝试的任何内容。',
    ]);
  });

  it('say a custodian folder gone with its stick before a share went in as left there, empty, not as removed (en, zh-CN)', () => {
    const stopped = report({
      state: 'material-ready',
      removedCustodyFolders: [
        { folder: '/media/dana/shares', custodian: 'Dana', gone: true },
        { folder: '/media/fay/shares', custodian: 'Fay' },
      ],
    });
    const en = withdrawalLines(stopped, translator('en'));
    expect(en[0]).toContain('was removed again before any file went in: /media/fay/shares (custodian Fay).');
    expect(en[1]).toBe(
      'The custodian folder this attempt had made for the shares was gone from its path before any file went in, so the stop could not remove it: /media/dana/shares (custodian Dana). If a custodian’s stick was pulled, that empty folder is still on it: it holds nothing of this attempt and need not be deleted (a new split may write into it; never delete it once it holds a share).',
    );
    expect(withdrawalLines(stopped, translator('zh-CN'))[1]).toBe(
      '本次尝试为份额创建的 1 个保管人文件夹在写入任何文件之前已不在原路径，因此停止操作无法删除它：/media/dana/shares（保管人 Dana）。如果某位保管人的U盘被拔出，该空文件夹仍在U盘上：其中没有本次尝试的任何内容，无需删除（新的拆分可以写入其中；一旦其中存有份额，切勿删除）。',
    );
  });

  it('count the keys whose material a stop wiped, and the materials where a replica group shares one (en, zh-CN)', async () => {
    const lineOf = async (over: Partial<AbandonReport>, locale: 'en' | 'zh-CN') => {
      let handler: Parameters<CliInterrupts['onStop']>[0] | undefined;
      const interrupts = { onStop: (h: typeof handler) => ((handler = h), () => undefined) } as never;
      const ceremony = { abandon: () => Promise.resolve(report({ state: 'material-ready', ...over })) };
      stopCeremonyOnInterrupt({ interrupts, env: {}, locale }, ceremony, 'airgap.jsonl', '--out');
      const stop: { signal: 'SIGINT'; before: string[]; line?: string } = { signal: 'SIGINT', before: [] };
      await handler?.(stop);
      return stop.line ?? '';
    };
    expect(await lineOf({ wipedKeys: 2, wipedKeysServed: 3 }, 'en')).toContain(
      'the key material held (3 keys, 2 materials: the keys of a replica group share one) was wiped;',
    );
    expect(await lineOf({ wipedKeys: 1, wipedKeysServed: 2 }, 'en')).toContain(
      'the key material held (2 keys, one material: the keys of a replica group share it) was wiped;',
    );
    expect(await lineOf({ wipedKeys: 2 }, 'en')).toContain('the key material held (2 keys) was wiped;');
    expect(await lineOf({ wipedKeys: 2, wipedKeysServed: 3 }, 'zh-CN')).toContain(
      '所持有的密钥材料（3 个密钥，共 2 份密钥材料：副本组的密钥共用一份）已擦除',
    );
  });

  it('say nothing of a new folder when no bundle was written', () => {
    expect(resumeLines(report({ state: 'fingerprints-confirmed' }), translator('en'), '--out')).toEqual([]);
    expect(withdrawalLines(report({}), translator('en'))).toEqual([]);
  });
});

describe('the line after a Ctrl-C', () => {
  it('names the last step journaled: one of two witnesses confirmed, not "import parameters read"', async () => {
    const f = await createFixture();
    try {
      const plan = f.plan(['AES_256']);
      const { params } = await onlineDayOne(f, plan);
      const journal = await f.journal('airgap.jsonl');
      const air = await f.airgap(journal, plan);
      await air.checkNetwork();
      await air.readParametersBundle(params);
      await air.confirmArtefact('Ben', await parametersDigestOf(params));
      const confirmed = journal.entries.at(-1);
      expect(confirmed?.event).toBe('witness.confirmed');
      const lines: Partial<Record<'en' | 'zh-CN', string>> = {};
      for (const locale of ['en', 'zh-CN'] as const) {
        let handler: Parameters<CliInterrupts['onStop']>[0] | undefined;
        const interrupts = { onStop: (h: typeof handler) => ((handler = h), () => undefined) } as never;
        stopCeremonyOnInterrupt({ interrupts, env: {}, locale }, air, 'airgap.jsonl', '--out');
        const stop: { signal: 'SIGINT'; before: string[]; line?: string } = { signal: 'SIGINT', before: [] };
        await handler?.(stop);
        lines[locale] = stop.line;
      }
      expect(lines.en).toMatch(
        new RegExp(
          `^Stopped by Ctrl-C \\(SIGINT\\) after step “Witness confirmed” \\(journal entry ${confirmed?.seq}, by Ben\\): `,
        ),
      );
      expect(lines.en).not.toContain('import parameters read');
      expect(lines['zh-CN']).toContain(`在“见证人已确认”步骤（日志条目 ${confirmed?.seq}，由 Ben 记录）之后停止`);
      await journal.close();
    } finally {
      await f.close();
    }
  });
});
