/**
 * A wrap again of SOME keys of a bundle (the officer walk-through's dead end): keys aes and rsa
 * wrapped with custody set S1 (bundle W1); fresh parameters for rsa alone, wrapped again with a set
 * of its own (W2) and imported. Both sides rightly said to KEEP S1, as it backs aes; but W1 was then
 * refused whole ("already imported with other parameters"), aes never named and left waiting, and
 * a restore from S1 refused too: the promised path did not exist. W1 now imports aes and leaves rsa
 * out, with a line naming it and why (the bundle and time of the material it holds), journaled and
 * on the receipt, in both languages; an import that stops part way (an answer lost, a SIGKILL, the KMS
 * refusing aes) goes on with the same command. And online status after W1 refused whole (a wrong
 * digest), then a restore of S1 refused as unproven, says so while rsa holds its material, and
 * still after a later refusal (a wrong digest typed); a refusal an older build journaled without
 * values is quoted as the text it recorded. Two folders as two machines, the real CLI against the
 * simulator.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyferry } from '../../integration/cli-in-process';
import { nextCommand, onPrintedMedia } from '../../integration/pasted-shell';
import { onlineAt } from '../../helpers/cli-sides';
import { journalFileEntries } from '../../helpers/journal-entries';
import { openJournal } from '../../../src-main/core/journal';
import { killedAt } from '../../integration/cli-process';
import {
  CUSTODY_TWO_OF_TWO,
  importRestoredFirstSet,
  wrapWithSecondSet,
  wrappedCliCeremony,
} from './wrapped-cli-ceremony';
import { simAndFolderPerTest } from './sim-folder';

const test = simAndFolderPerTest('kf-cli-partial-again-');

/** The value after `option` in `words`. */
const optionValue = (words: readonly string[], option: string) => words[words.indexOf(option) + 1] as string;

/** W1 (aes + rsa, set S1) wrapped; rsa wrapped again alone from fresh parameters (set S2) and imported. */
async function rsaWrappedAgainAndImported(name: string) {
  const c = await wrappedCliCeremony(
    path.join(test.dir(), name),
    test.kms().sim,
    [
      { alias: 'app/aes', spec: 'AES_256' },
      { alias: 'app/rsa', spec: 'RSA_2048' },
    ],
    CUSTODY_TWO_OF_TWO,
  );
  const { args } = onlineAt(test.kms().sim);
  const on = (words: string[]) => keyferry([...words, ...args], { cwd: c.online, env: c.env });
  const listed = (await on(['online', 'status'])).stdout;
  const idOf = (alias: string) => new RegExp(`${alias}\\s.*?([0-9a-f-]{36})`).exec(listed)?.[1] as string;
  const [aes, rsa] = [idOf('app/aes'), idOf('app/rsa')];
  const params = await on(['online', 'params', '--out', 'params-2', '--key-id', rsa]);
  expect(params.code).toBe(0);
  const again = await wrapWithSecondSet(c, params.stdout, [
    '--wrap-again',
    'rsa only: its first material was made on the wrong token',
  ]);
  expect(again.code).toBe(0);
  expect(again.stdout).toContain('KEEP the earlier custody set');
  const secondImport = nextCommand(onPrintedMedia(again.stdout));
  expect((await keyferry(secondImport, { cwd: c.online, env: c.env })).code).toBe(0);
  const imports = () => test.kms().requests.filter((r) => r.action === 'import-key-material').length;
  return { ...c, aes, rsa, on, w2: optionValue(secondImport, '--expect-digest'), imports };
}

/** The online receipt's text file in `online`. */
async function onlineReceiptText(online: string): Promise<string> {
  const name = (await readdir(online)).find((f) => f.startsWith('receipt-online-') && f.endsWith('.txt'));
  return readFile(path.join(online, name as string), 'utf8');
}

describe('online import of a bundle some of whose keys took a later wrap', () => {
  it('imports the keys still waiting and names each key left out, its lost answer asked about, not sent twice', async () => {
    const c = await rsaWrappedAgainAndImported('lost-answer');
    const before = c.imports();
    // The answer to aes's import is lost (as for a process killed right after sending).
    test.kms().sim.faults.failWith('import-key-material', 502, 'after');
    const imported = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(
      new RegExp(
        `Key app/rsa \\(${c.rsa}\\) is left out of this import: it holds other material, imported from the wrapped-material bundle ${c.w2} at .+ UTC \\(online journal entry \\d+\\), a later wrap`,
      ),
    );
    expect(imported.stdout).toContain('the key’s state shows the import took effect');
    expect(imported.stdout).toContain('Receipt:');
    expect(c.imports() - before).toBe(1);

    const skipped = (await journalFileEntries(c.journal)).filter((e) => e.event === 'wrapped-bundle.key-skipped');
    expect(skipped.length).toBe(1);
    expect(skipped[0]?.data).toMatchObject({ keyId: c.rsa, held: 'other' });
    expect(skipped[0]?.data.heldFromBundle).toBe(c.w2.replace(/ /g, '').toLowerCase());
    const receipt = (await onlineReceiptText(c.online)).replace(/\s+/g, ' ');
    expect(receipt).toContain('Refusal, Key of a wrapped-material bundle left out of its import');
    expect(receipt).toMatch(
      /Key app\/rsa \([0-9a-f-]{36}\) was left out of the import of the wrapped-material bundle .+: it held other material/,
    );
    // rsa's section says its token, public key and custody set are W2's, not the sealed W1's.
    const rsaSection = receipt.slice(receipt.indexOf('Key 2 of 2: app/rsa'));
    expect(rsaSection).toMatch(
      new RegExp(
        `Imported from \\.+ the wrapped-material bundle ${c.w2} \\(online journal entry ${String(skipped[0]?.data.importedSeq)}\\), NOT the bundle this receipt seals: that bundle’s material for this key was left out of its import \\(online journal entry ${String(skipped[0]?.seq)}\\) and was NOT imported`,
      ),
    );
    expect(receipt.split('Imported from').length).toBe(2);
    const status = await c.on(['online', 'status']);
    expect(status.stdout).toContain('The ceremony is finished');
  }, 120_000);

  it('a killed import of it goes on with the same command: nothing sent twice, the key left out again', async () => {
    const c = await rsaWrappedAgainAndImported('killed');
    const before = c.imports();
    // Killed (SIGKILL) after aes took its material, before the proof and the receipt.
    const { run } = await killedAt(c.importCommand, { cwd: c.online, env: c.env }, 'import-before-verify');
    expect(run.code).toBeNull();
    expect(run.stdout).toContain(`Key app/rsa (${c.rsa}) is left out of this import`);
    const resumed = await keyferry(c.importCommand, { cwd: c.online, env: c.env });
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`Key app/rsa (${c.rsa}) is left out of this import`);
    expect(resumed.stdout).toContain('Receipt:');
    expect(c.imports() - before).toBe(1);
    // Said again, journaled once: the receipt lists the skip once.
    const skipped = (await journalFileEntries(c.journal)).filter((e) => e.event === 'wrapped-bundle.key-skipped');
    expect(skipped.length).toBe(1);
  }, 120_000);

  it('says the key left out in Chinese and imports the rest once the KMS takes the refused key', async () => {
    const c = await rsaWrappedAgainAndImported('refused-one');
    test.kms().sim.faults.failWith('import-key-material', 400, 'before', 1, 0, c.aes);
    const refused = await keyferry(['--lang', 'zh-CN', ...c.importCommand], { cwd: c.online, env: c.env });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toContain(`密钥 app/rsa（${c.rsa}）不随本次导入：它持有其他密钥材料`);
    expect(refused.stdout).toContain(`从已包装密钥材料包 ${c.w2} 导入`);
    const again = await keyferry(['--lang', 'zh-CN', '--receipt-lang', 'zh-CN', ...c.importCommand], {
      cwd: c.online,
      env: c.env,
    });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('不随本次导入');
    // The receipt in Chinese, asked for: the skip is one of its deviations, and rsa's section names W2 as its source.
    const receipt = (await onlineReceiptText(c.online)).replace(/\s+/g, ' ');
    expect(receipt).toContain(`密钥 app/rsa（${c.rsa}）未随已包装密钥材料包`);
    const skippedSeq = (await journalFileEntries(c.journal)).find((e) => e.event === 'wrapped-bundle.key-skipped')?.seq;
    expect(receipt.slice(receipt.indexOf('密钥 2/2'))).toMatch(
      new RegExp(
        `导入来源 \\.+ 已包装密钥材料包 ${c.w2}（联网日志条目 \\d+），不是本回执封印的材料包：该材料包为此密钥保存的密钥材料在其导入时被排除（联网日志条目 ${String(skippedSeq)}），没有导入`,
      ),
    );
  }, 120_000);

  it('online status quotes a refusal an older build journaled, whose values today’s words do not fit, as its recorded text', async () => {
    const c = await rsaWrappedAgainAndImported('older-refusal');
    // W1 refused as a build before its values were journaled wrote it: its code and English text only.
    const journal = await openJournal(c.journal, { create: false });
    await journal.append('Ana', 'wrapped-bundle.refused', {
      folder: path.join(c.online, 'w1'),
      code: 'WRAPPED_DIGEST_MISMATCH',
      reason: 'The bundle digest differs from the digest typed.',
      digestSource: 'typed',
      differingGroups: [],
    });
    await journal.close();
    const refusedSeq = (await journalFileEntries(c.journal)).at(-1)?.seq as number;
    const en = (await c.on(['online', 'status'])).stdout.replace(/\s+/g, ' ');
    expect(en).toContain(
      `The refusal at journal entry ${refusedSeq} said: Recorded text: “The bundle digest differs from the digest typed.” Do not import this bundle.`,
    );
    // Chinese: that English text quoted as the journal recorded it, the way on in Chinese.
    const zh = (await c.on(['--lang', 'zh-CN', 'online', 'status'])).stdout;
    expect(zh).toContain(
      `日志条目 ${refusedSeq} 的拒绝说：日志记录的原文：“The bundle digest differs from the digest typed.”。请勿导入此包。`,
    );
  }, 120_000);

  it('online status names a refused first bundle and a refused restore while another key holds material', async () => {
    const c = await rsaWrappedAgainAndImported('refused-then-restore');
    // W1 offered with a digest that is not its receipt's: refused before it is read.
    const wrongDigest = c.importCommand.map((w, i) =>
      c.importCommand[i - 1] === '--expect-digest' ? 'AAAA '.repeat(16).trim() : w,
    );
    const refused = await keyferry(wrongDigest, { cwd: c.online, env: c.env });
    expect(refused.code).toBe(1);
    const refusedSeq = (await journalFileEntries(c.journal)).at(-1)?.seq as number;
    const status = await c.on(['online', 'status']);
    // params (aes and rsa) is not to be wrapped again (rsa holds material): its wrap W1, made already, is
    // the way on for aes, and the refusal of the offer of it comes first.
    expect(status.stdout.replace(/\s+/g, ' ')).toMatch(
      new RegExp(
        `The import-parameters bundle \\S+params \\(journal entry \\d+\\) holds its parameters, but also those of a key that holds its material already or takes another bundle: .* If an air-gapped receipt shows it was wrapped already, import that wrap \\(a folder offered since for import was refused at journal entry ${refusedSeq}, for the reason said at the end, and nothing of it was imported: if that was the wrap, do what that refusal said\\): online import takes from it the keys still waiting.* The refusal at journal entry ${refusedSeq} said: 16 of 16 groups differ from the digest of the bundle in \\S+\\. This is not the bundle the air-gapped receipt names .* Do not import this bundle\\.`,
      ),
    );
    // Said in words, not as a code (a trial read WRAPPED_DIGEST_MISMATCH mid-sentence).
    expect(status.stdout).not.toContain('WRAPPED_DIGEST_MISMATCH');
    expect(status.stdout).not.toContain('written since that import');
    const zh = await c.on(['--lang', 'zh-CN', 'online', 'status']);
    expect(zh.stdout).toContain('若某份离线回执表明它已被包装过，请导入那份包装');
    expect(zh.stdout).toContain(`已在日志条目 ${refusedSeq} 被拒绝，原因见末尾，其中没有任何内容被导入`);
    expect(zh.stdout).toContain(`日志条目 ${refusedSeq} 的拒绝说：16 组（共 16 组）与`);
    expect(zh.stdout).not.toContain('WRAPPED_DIGEST_MISMATCH');

    // S1 restored under fresh parameters for aes: this journal never saw that material wrapped.
    const params = await c.on(['online', 'params', '--out', 'params-3']);
    expect(params.code).toBe(0);
    const unproven = await importRestoredFirstSet(c, 'params-3', params.stdout);
    expect(unproven.code).toBe(1);
    expect(unproven.stderr + unproven.stdout).toContain('but this online journal never saw that material wrapped');
    const after = await c.on(['online', 'status']);
    expect(after.stdout).toContain('1 of 2 keys is not imported yet (Pending import): app/aes');
    // No line ends in a blank (the line before the refused restore's, whose next step is said there).
    expect(after.stdout).not.toMatch(/ $/m);
    expect(after.stdout).toMatch(
      /The wrapped-material bundle \S+wrapped-restore, made by a custody restore, was refused at journal entry \d+/,
    );
    expect(after.stdout).toContain('keyferry airgap wrap with --wrap-again and the reason');
    expect(after.stdout).not.toContain('what online params printed for that bundle');
    // W1 offered again with a wrong digest: the restore refused as unproven still stands, and is said (ii).
    expect((await keyferry(wrongDigest, { cwd: c.online, env: c.env })).code).toBe(1);
    const later = await c.on(['online', 'status']);
    expect(later.stdout).toMatch(
      /The wrapped-material bundle \S+wrapped-restore, made by a custody restore, was refused at journal entry \d+/,
    );
    expect(later.stdout).toContain('keyferry airgap wrap with --wrap-again and the reason');
    const laterZh = await c.on(['--lang', 'zh-CN', 'online', 'status']);
    expect(laterZh.stdout).toMatch(/由托管恢复生成的已包装密钥材料包 \S+wrapped-restore 已在日志条目 \d+ 被拒绝/);
  }, 120_000);
});
