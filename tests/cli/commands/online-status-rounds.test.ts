/**
 * A ceremony on its second round, as an officer runs it (two folders as two machines, one simulator
 * over real HTTP): two AES keys imported with a 2-of-3 custody set, then the material of one deleted.
 * `online import` before fresh parameters must not call the ceremony finished (it names the deleted
 * key and the way back); `online status` follows the deleted key's latest round (new parameters
 * written, then the restored bundle's import killed after sending), never repeating the first
 * round's "run online params, then custody restore" nor the step guard's "Wrap on the air-gapped
 * workstation", and proves the key that kept its material at every step.
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { airGappedThenImport, nextCommand, onPrintedMedia, twoMachines } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';
import { simAndFolderPerFile } from './sim-folder';

const test = simAndFolderPerFile('kf-cli-status-rounds-');

/** What a kill right after the last `key.import-sending` leaves: the journal up to that entry, and no receipt of that run. */
async function killedAfterLastSend(online: string, receiptsBefore: readonly string[]): Promise<void> {
  const journal = path.join(online, 'online.jsonl');
  const lines = (await readFile(journal, 'utf8')).trim().split('\n');
  const last = lines.map((l) => (JSON.parse(l) as { event: string }).event).lastIndexOf('key.import-sending');
  expect(last).toBeGreaterThan(0);
  await writeFile(journal, `${lines.slice(0, last + 1).join('\n')}\n`);
  for (const file of await readdir(online))
    if (file.startsWith('receipt-online-') && !receiptsBefore.includes(file)) await rm(path.join(online, file));
}

describe('online import and status after delete-material, round by round', () => {
  it('names the deleted key and the way back, then follows its latest round and proves the key that kept its material', async () => {
    await mkdir(path.join(test.dir(), 'c'));
    const { online, airgap } = await twoMachines(path.join(test.dir(), 'c'));
    await writeFile(
      path.join(online, 'plan.json'),
      JSON.stringify({
        title: 'Rounds',
        operator: 'Ana',
        witnesses: ['Ben'],
        keys: [
          { alias: 'r/deleted', spec: 'AES_256' },
          { alias: 'r/kept', spec: 'AES_256' },
        ],
      }),
    );
    const { args: connection, env } = onlineAt(test.kms().sim);
    const on = (args: string[], lang: string[] = []) =>
      keyferry([...args, ...connection, ...lang], { cwd: online, env });
    expect((await on(['online', 'create-key', '--plan', 'plan.json'])).code).toBe(0);
    const params = await on(['online', 'params', '--out', 'params-1']);
    const first = await airGappedThenImport(
      nextCommand(onPrintedMedia(params.stdout)),
      params.stdout,
      { online, airgap, env },
      ['--custody', '2/3', '--shares-on-one-volume'],
    );
    const importCommand = nextCommand(onPrintedMedia(first.airGapped.stdout));
    const created = (await journalFileEntries(path.join(online, 'online.jsonl'))).filter(
      (e) => e.event === 'key.created',
    );
    const idOf = (alias: string) => created.find((e) => e.data.alias === alias)?.data.keyId as string;
    const [deleted, kept] = [idOf('r/deleted'), idOf('r/kept')];
    const removed = await on(['online', 'delete-material', '--key-id', deleted, '--yes', '--acknowledge-loss']);
    expect(removed.code).toBe(0);

    // 1. The same import again: refused, naming the deleted key and the way back, not "finished".
    const again = await keyferry(importCommand, { cwd: online, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `Key r/deleted (${deleted}) is Pending import again: its material was deleted on request, and no import-parameters bundle was written for it since. The ceremony is not finished, and there is nothing to import yet: nothing was sent to the KMS. The KMS takes only the same material again. Run keyferry online params (a new --out folder on the removable media); on the air-gapped workstation, run the command it prints with that bundle (keyferry custody restore --bundle …`,
    );
    expect(again.stderr).not.toContain('every key was imported and verified');
    const ceremonyId = (await journalFileEntries(path.join(online, 'online.jsonl')))[0]?.data.ceremonyId as string;
    expect(again.stdout).toContain(
      `Next, fresh wrapping keys and import tokens for the keys waiting for their material again (MEDIA: the removable media’s folder as this workstation mounts it; it prints the command to run on the air-gapped workstation with the new bundle): keyferry online params --journal online.jsonl --out MEDIA/import-parameters-${ceremonyId}-2`,
    );
    const zh = await keyferry([...importCommand, '--lang', 'zh-CN'], { cwd: online, env });
    expect(zh.stdout).toContain(
      `下一步，为重新等待其密钥材料的密钥获取新的包装密钥和导入令牌（MEDIA：本工作站挂载移动存储介质的文件夹；它会打印需在离线工作站上使用新参数包运行的命令）：keyferry online params --journal online.jsonl --out MEDIA/import-parameters-${ceremonyId}-2`,
    );
    expect(zh.stderr).toContain(
      `r/deleted (${deleted}) 的密钥材料已按请求删除，这 1 个密钥重新处于“等待导入”状态，且此后没有为其写出导入参数包。`,
    );
    const refusals = (await journalFileEntries(path.join(online, 'online.jsonl'))).filter(
      (e) => e.event === 'wrapped-bundle.refused',
    );
    expect(refusals.map((e) => e.data.code)).toEqual(['IMPORT_NEEDS_NEW_PARAMETERS', 'IMPORT_NEEDS_NEW_PARAMETERS']);
    // Status before fresh parameters: the command itself, as delete-material printed it, not only its name.
    const deletedStatus = await on(['online', 'status']);
    expect(deletedStatus.stdout).toContain(
      `the keys waiting for their material again (MEDIA: the removable media’s folder as this workstation mounts it; it prints the command to run on the air-gapped workstation with the new bundle): keyferry online params --journal online.jsonl --out MEDIA/import-parameters-${ceremonyId}-2`,
    );

    // 2. Fresh parameters written: status says the air-gapped side is next with that bundle, and proves the kept key.
    const second = await on(['online', 'params', '--out', 'params-2']);
    expect(second.code).toBe(0);
    expect(nextCommand(second.stdout).slice(0, 2)).toEqual(['custody', 'restore']);
    const waiting = await on(['online', 'status']);
    expect(waiting.stderr).toBe('');
    expect(waiting.code).toBe(1);
    expect(waiting.stdout).not.toContain('run keyferry online params, then keyferry custody restore');
    expect(waiting.stdout).toMatch(
      new RegExp(
        `New import parameters for r/deleted \\(${deleted}\\) are in the import-parameters bundle ${path.join(online, 'params-2')} \\(journal entry \\d+\\), written after its material was lost\\. Next, on the air-gapped workstation, run with that bundle the command keyferry online params printed: keyferry custody restore --bundle …, with the shares of any 2 of the 3 custodians \\(custodian-1, custodian-2, custodian-3; custody set [0-9A-F]{8}; online journal entry \\d+\\)`,
      ),
    );
    expect(waiting.stdout).toMatch(new RegExp(`${kept}\\s+AES_256\\s+Enabled\\s+OK: `));
    const waitingZh = await on(['online', 'status'], ['--lang', 'zh-CN']);
    expect(waitingZh.stdout).toContain(
      `r/deleted（${deleted}）的新导入参数在导入参数包 ${path.join(online, 'params-2')} 中`,
    );

    // 3. The restore ceremony, then its import killed right after sending.
    const custody = nextCommand(onPrintedMedia(second.stdout));
    const shares = await Promise.all(
      [1, 3].map(async (i) => {
        const folder = path.join(airgap, `custodian-${i}`);
        const file = (await readdir(folder)).find((f) => f.startsWith('keyferry-share-') && f.endsWith('.json'));
        return path.join(folder, file as string);
      }),
    );
    const receiptsBefore = (await readdir(online)).filter((f) => f.startsWith('receipt-online-'));
    const restored = await airGappedThenImport(
      custody.map((w) => (w === 'SHARE-1' ? (shares[0] as string) : w === 'SHARE-2' ? (shares[1] as string) : w)),
      second.stdout,
      { online, airgap, env },
    );
    const restoredImport = nextCommand(onPrintedMedia(restored.airGapped.stdout));
    const restoredBundle = restoredImport[restoredImport.indexOf('--bundle') + 1] as string;
    await killedAfterLastSend(online, receiptsBefore);

    const status = await on(['online', 'status']);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(1);
    expect(status.stdout).not.toContain('run keyferry online params, then keyferry custody restore');
    expect(status.stdout).not.toContain('Wrap on the air-gapped workstation');
    expect(status.stdout).toContain(
      `1 key is Enabled in the KMS with an import this journal shows sent but not recorded (the command stopped or crashed after sending, or its journal could not record the answer): r/deleted (${deleted}). Run keyferry online import again with the same --bundle and --expect-digest (--bundle ${restoredBundle}): it compares`,
    );
    expect(status.stdout).toMatch(new RegExp(`${kept}\\s+AES_256\\s+Enabled\\s+OK: `));
    const proofs = (await journalFileEntries(path.join(online, 'online.jsonl'))).filter(
      (e) => e.event === 'key.verified' && e.data.keyId === kept,
    );
    // Proven after the import, and by each of the two status runs of this round (entries of its own).
    expect(proofs.length).toBeGreaterThanOrEqual(3);

    // 4. That import run again records the restored key (the KMS took it) and finishes the ceremony.
    const finished = await keyferry(restoredImport, { cwd: online, env });
    expect(finished.stderr).toBe('');
    expect(finished.code).toBe(0);
    expect(finished.stdout).toContain(
      'the journal holds no answer to the import sent: the key’s state shows the import took effect',
    );
    expect((await on(['online', 'status'])).code).toBe(0);
  }, 180_000);
});
