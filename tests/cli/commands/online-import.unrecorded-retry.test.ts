/**
 * A first import killed right after its `key.import-sending` entry, before the KMS's answer was
 * recorded, where the send did not take effect (the key is still Pending import): `online status`
 * must not say "Nothing imported yet" and exit 0. It says an import was sent and not recorded, that
 * the KMS shows it did not take effect, the command that runs it again, and exits 1. That rerun
 * sends it again and journals the import as `retried`, tied to the send and to the
 * `ceremony.session-unrecorded` entry that named it, and the receipt says so.
 * Two folders as two machines, one simulator over real HTTP.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { journalFileEntries } from '../../helpers/journal-entries';
import { wrappedCliCeremony } from './wrapped-cli-ceremony';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-unrecorded-retry-');

/** The imports the simulator took (answered 200). */
const importsTaken = () =>
  test.kms().requests.filter((r) => r.action === 'import-key-material' && r.status === 200).length;

describe('online status and import after a kill between the send and its answer, the send not taken', () => {
  it('status names the send and what the KMS shows and exits 1; the rerun is journaled as a retry of that send', async () => {
    const { online, env, journal, importCommand } = await wrappedCliCeremony(
      path.join(test.dir(), 'c'),
      test.kms().sim,
      [{ alias: 'u/aes', spec: 'AES_256' }],
    );
    const runStatus = (...extra: string[]) =>
      keyferry(['online', 'status', '--journal', 'online.jsonl', ...extra], { cwd: online, env });
    // The request goes out and does not take effect; the process is killed before it records anything
    // more: what that leaves is the journal up to the send.
    test.kms().sim.faults.failWith('import-key-material', 400, 'before');
    expect((await keyferry(importCommand, { cwd: online, env })).code).not.toBe(0);
    test.kms().sim.faults.clear();
    const lines = (await readFile(journal, 'utf8')).trim().split('\n');
    const sendAt = lines.map((l) => (JSON.parse(l) as { event: string }).event).lastIndexOf('key.import-sending');
    await writeFile(journal, `${lines.slice(0, sendAt + 1).join('\n')}\n`);
    const sendSeq = sendAt + 1;
    const keyId = (await journalFileEntries(journal)).find((e) => e.event === 'key.created')?.data.keyId as string;
    const bundle = importCommand[importCommand.indexOf('--bundle') + 1] as string;
    const taken = importsTaken();

    const status = await runStatus();
    expect(status.stderr).toBe('');
    expect(status.code).toBe(1);
    expect(status.stdout).not.toContain('Nothing imported yet');
    expect(status.stdout).toMatch(/u\/aes\s+AES_256\s+\S+\s+Pending import/);
    expect(status.stdout).toContain(
      `1 key is still Pending import although this journal shows an import sent to it (journal entry ${sendSeq}) with no answer recorded (the command stopped or crashed after sending, or its journal could not record the answer): u/aes (${keyId}). The KMS shows that the import did not take effect: the ceremony is not finished. Run the import again, DIGEST being the bundle digest on its air-gapped receipt: keyferry online import --journal online.jsonl --bundle ${bundle} --expect-digest DIGEST. While the import token is valid it sends the import again with the same token and journals it as a retry of the unrecorded send; once the token has expired it says to fetch new parameters.`,
    );
    const zh = await runStatus('--lang', 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(
      `KMS 中有 1 个密钥仍处于“等待导入”状态，但本日志显示已向其发送导入（日志条目 ${sendSeq}）且没有记录结果（命令在发送后被中止或崩溃，或其日志无法记录答复）：u/aes（${keyId}）。KMS 的状态表明该导入没有生效：仪式尚未完成。`,
    );
    expect(zh.stdout).not.toContain('尚未导入任何内容');
    const unrecorded = (await journalFileEntries(journal)).filter((e) => e.event === 'ceremony.session-unrecorded');
    expect(unrecorded).toHaveLength(1);

    const rerun = await keyferry(importCommand, { cwd: online, env });
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain(`imported AES_256 key ${keyId} (material expires: never; the KMS answered a retry)`);
    expect(importsTaken()).toBe(taken + 1);
    const imported = (await journalFileEntries(journal)).filter((e) => e.event === 'key.imported');
    expect(imported.map((e) => e.data)).toEqual([
      expect.objectContaining({
        keyId,
        confirmation: 'retried',
        retryOfSeq: sendSeq,
        unrecordedSeq: unrecorded[0]?.seq,
      }),
    ]);
    const receipt = (await readdir(online)).find((f) => /^receipt-online-.*\.txt$/.test(f)) as string;
    const text = await readFile(path.join(online, receipt), 'utf8');
    expect(text).toContain(
      `Imported (the KMS answered a retry of the import sent at journal entry ${sendSeq}, whose answer no session recorded: the key was still Pending import); key state Enabled`,
    );
    expect(text).toContain(
      'Earlier session ended without recording its end (killed, crashed, power lost) or the outcome of what it sent (ceremony.session-unrecorded)',
    );
    expect((await runStatus()).code).toBe(0);
  }, 120_000);
});
