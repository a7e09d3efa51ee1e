/**
 * The custody split on the air-gapped side (src-main/core/ceremony/airgap/custody-split.ts) into
 * real custodian folders, from real material in a real vault, with a real journal: "M/N" is read
 * or refused as typed; every custodian folder gets its share and the ceremony's backup (a folder
 * the preflight accepted as new is created now), the split is journaled with the backup's digest
 * and who holds which share, never a share; a folder count that does not match N is refused
 * before anything is written; a stopped session's custody files are removed again and journaled.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportParameters } from '../../../../src-main/core/bundle';
import {
  parseCustodySpec,
  splitForCustody,
  withdrawCustodySplit,
  type CustodyWritesLog,
} from '../../../../src-main/core/ceremony/airgap/custody-split';
import { MaterialVault } from '../../../../src-main/core/ceremony/airgap/material-vault';
import { journalAndVaultEachTest } from './journal-and-vault';
import { createKeyMaterial } from '../../../../src-main/core/crypto/key-material';
import { SecretBytes } from '../../../../src-main/core/crypto/secret-bytes';
import { newCreatedRecord } from '../../../../src-main/core/fs/created-entries';
import type { Journal } from '../../../../src-main/core/journal';
import { NOW, makeImportParameters } from '../../bundle/bundle-fixtures';
import { receiptDeviations } from '../../../../src-main/core/receipt/deviation-facts';
import { renderReceiptHtml } from '../../../../src-main/core/receipt/render-html';
import { renderReceiptText } from '../../../../src-main/core/receipt/render-text';
import { sampleReceiptInput } from '../../receipt/fixtures';

const CEREMONY = 'KF-20300102-abcdef';

const scratch = journalAndVaultEachTest('kf-custody-split-');
let dir: string;
let journal: Journal;
let vault: MaterialVault;
beforeEach(() => {
  ({ dir, journal, vault } = scratch());
});

describe('parseCustodySpec', () => {
  it.each([
    ['2/3', { m: 2, n: 3 }],
    [' 3 / 5 ', { m: 3, n: 5 }],
    ['16/16', { m: 16, n: 16 }],
  ])('reads %j', (text, expected) => {
    expect(parseCustodySpec(text)).toEqual(expected);
  });

  it.each(['1/3', '4/3', '2/17', '2-3', '2/', 'two/three', '', '002/3'])('refuses %j, quoting it', (text) => {
    expect(() => parseCustodySpec(text)).toThrow(
      expect.objectContaining({ code: 'CUSTODY_SPEC_INVALID', values: { text } }),
    );
  });
});

function heldKeys(): ImportParameters[] {
  const keys = makeImportParameters(2, NOW, ['AES_256']) as ImportParameters[];
  for (const k of keys) vault.put(k.keyId, createKeyMaterial('AES_256', SecretBytes.from(randomBytes(32))));
  return keys;
}

const freshWrites = (): CustodyWritesLog => newCreatedRecord();

/** The writes of a session that made `folders` (empty) and stopped before any custody file went in. */
async function foldersMade(folders: readonly string[]): Promise<CustodyWritesLog> {
  const writes = freshWrites();
  for (const folder of folders) {
    await mkdir(folder);
    writes.createdFolders.push(folder);
  }
  return writes;
}

/** The air-gapped receipt of this test's journal in `language`, its whitespace runs made one space. */
function receiptSays(language: 'en' | 'zh-CN'): string {
  return renderReceiptText(
    { ...sampleReceiptInput('air-gapped', ['AES_256']), deviations: receiptDeviations(journal.entries) },
    { language },
  ).replace(/\s+/g, ' ');
}

describe('splitForCustody', () => {
  it('gives every custodian folder its share and the backup, creating new folders, and journals who holds which share', async () => {
    const keys = heldKeys();
    const folders = ['alice', 'bob', 'carol'].map((name) => path.join(dir, name));
    await mkdir(folders[0] as string);
    const writes = freshWrites();
    const results = await splitForCustody(
      CEREMONY,
      keys,
      vault,
      { m: 2, n: 3, custodians: ['Alice', 'Bob', 'Carol'], folders, allowSameVolume: true },
      journal,
      'Ana',
      writes,
    );
    expect(writes.createdFolders).toEqual([folders[1], folders[2]]);
    const [first] = results;
    expect(results.map((r) => r.keyId)).toEqual(keys.map((k) => k.keyId));
    expect(first?.holders.map((h) => [h.shareIndex, h.custodian, h.folder])).toEqual([
      [1, 'Alice', folders[0]],
      [2, 'Bob', folders[1]],
      [3, 'Carol', folders[2]],
    ]);
    for (const [i, folder] of folders.entries()) {
      const files = await readdir(folder);
      expect(files, folder).toContain(first?.holders[i]?.shareFile);
      expect(files, folder).toContain(first?.backupFile);
    }
    expect(writes.files.length).toBeGreaterThanOrEqual(6);
    expect(journal.entries.map((e) => e.event)).toEqual([
      'warning.custody-same-volume',
      'custody.split-started',
      'custody.split',
    ]);
    // Before a file was written: the set, its holders and the folders the split made.
    expect(journal.entries[1]?.data).toMatchObject({
      backupDigest: first?.backupDigest,
      backupFile: first?.backupFile,
      holders: [
        { shareIndex: 1, custodian: 'Alice', folder: folders[0], willCreate: false },
        { shareIndex: 2, custodian: 'Bob', folder: folders[1], willCreate: true },
        { shareIndex: 3, custodian: 'Carol', folder: folders[2], willCreate: true },
      ],
    });
    expect(journal.entries[2]?.data).toMatchObject({
      format: 'custody-set',
      keyIds: keys.map((k) => k.keyId),
      threshold: 2,
      total: 3,
      backupDigest: first?.backupDigest,
      holders: [
        { shareIndex: 1, custodian: 'Alice', folder: folders[0] },
        { shareIndex: 2, custodian: 'Bob', folder: folders[1] },
        { shareIndex: 3, custodian: 'Carol', folder: folders[2] },
      ],
    });
    // The material stays held for the wrap.
    expect(keys.every((k) => vault.has(k.keyId))).toBe(true);
  });

  it('refuses folders that are not one per share before creating or writing anything', async () => {
    const keys = heldKeys();
    const folders = [path.join(dir, 'alice'), path.join(dir, 'bob')];
    const writes = freshWrites();
    await expect(
      splitForCustody(CEREMONY, keys, vault, { m: 2, n: 3, folders }, journal, 'Ana', writes),
    ).rejects.toMatchObject({ code: 'CUSTODY_SET_CUSTODIANS', values: { count: 2, n: 3 } });
    expect(folders.some((f) => existsSync(f))).toBe(false);
    expect(journal.count).toBe(0);
    expect(writes).toEqual(freshWrites());
  });
});

describe('withdrawCustodySplit', () => {
  it("removes a stopped session's custody files and the folders it created, journaled", async () => {
    const keys = heldKeys();
    const folders = ['alice', 'bob'].map((name) => path.join(dir, name));
    const writes = freshWrites();
    await splitForCustody(
      CEREMONY,
      keys,
      vault,
      { m: 2, n: 2, folders, allowSameVolume: true },
      journal,
      'Ana',
      writes,
    );
    const withdrawal = await withdrawCustodySplit(writes, journal, 'Ana');
    expect(withdrawal.custodyByHand).toEqual([]);
    expect(folders.some((f) => existsSync(f))).toBe(false);
    expect(journal.entries.at(-1)).toMatchObject({ event: 'custody.withdrawn' });
  });

  // Attack round: the receipt read "were removed, from …" and, in Chinese, "已再次删除" (deleted a second time).
  it('the receipt says from which folders the stopped session’s files were removed, in plain words in both languages', async () => {
    const folders = ['alice', 'bob'].map((name) => path.join(dir, name));
    const writes = freshWrites();
    await splitForCustody(
      CEREMONY,
      heldKeys(),
      vault,
      { m: 2, n: 2, folders, allowSameVolume: true },
      journal,
      'Ana',
      writes,
    );
    await withdrawCustodySplit(writes, journal, 'Ana');
    expect(receiptSays('en')).toMatch(/backup\) were removed from \S+alice/);
    const zh = receiptSays('zh-CN');
    expect(zh).toMatch(/已从以下文件夹删除：\s?\S+alice/);
    expect(zh).toContain('个保管人文件夹也已删除：');
    expect(zh).not.toContain('再次');
  });

  // Attack round: the line named no set and no custodian, and the folders it had made in reverse order.
  it('the receipt names the withdrawn custody set and each folder’s custodian, the folders in the order made', async () => {
    const folders = ['alice', 'bob', 'carol'].map((name) => path.join(dir, name));
    const writes = freshWrites();
    const custodians = ['Alice Wu', 'Bob Li', 'Carol Xu'];
    await splitForCustody(
      CEREMONY,
      heldKeys(),
      vault,
      { m: 2, n: 3, folders, custodians, allowSameVolume: true },
      journal,
      'Ana',
      writes,
    );
    await withdrawCustodySplit(writes, journal, 'Ana');
    const started = journal.entries.find((e) => e.event === 'custody.split');
    const tag = String(started?.data.backupDigest).slice(0, 8).toUpperCase();
    const named = folders.map((f, i) => `${f} (custodian ${custodians[i]})`).join(', ');
    const en = receiptSays('en');
    expect(en).toContain(
      `(shares, slips, backup) were removed from ${named}; the 3 custodian folders it had made were removed again: ${named}.`,
    );
    expect(en).toContain(
      `Custody set ${tag} (journal entry ${started?.seq}) is withdrawn: no share of it is to be kept or presented.`,
    );
    const zh = receiptSays('zh-CN').replace(/\s+/g, '');
    const zhNamed = folders.map((f, i) => `${f}（保管人${custodians[i]?.replace(' ', '')}）`).join('、');
    expect(zh).toContain(`已从以下文件夹删除：${zhNamed}；它创建的3个保管人文件夹也已删除：${zhNamed}。`);
    expect(zh).toContain(`托管集${tag}（日志条目${started?.seq}）已撤回`);
    // The printed (HTML) receipt names them the same way, never as the phrases' JSON.
    const html = renderReceiptHtml(
      { ...sampleReceiptInput('air-gapped', ['AES_256']), deviations: receiptDeviations(journal.entries) },
      { language: 'en' },
    );
    for (const custodian of custodians) expect(html).toContain(`(custodian <bdi>${custodian}</bdi>)`);
    expect(html).not.toContain('receipt.deviations.custodianFolder');
  });

  // Officer walk-through: a stop at "Custody split begun" removed the custodian folders it had made, and
  // the receipt said "Custody shares withdrawn — Files removed: 0", the folders not mentioned.
  it('a stop before any custody file went in journals the folders it had made, and the receipt names them', async () => {
    const folders = ['alice', 'bob'].map((name) => path.join(dir, name));
    const writes = await foldersMade(folders);
    await withdrawCustodySplit(writes, journal, 'Ana');
    expect(folders.some((f) => existsSync(f))).toBe(false);
    const en = receiptSays('en');
    const line = en.slice(en.indexOf('No custody file'), en.indexOf('SEALS'));
    expect(line).toContain(
      'No custody file of the stopped session had been written yet; the 2 custodian folders it had made were removed again: ',
    );
    for (const folder of folders) expect(line).toContain(folder);
    expect(en).not.toContain('Files removed');
    expect(receiptSays('zh-CN')).toContain('已停止的会话尚未写入任何托管文件；它创建的 2 个保管人文件夹也已删除：');
  });

  // Review: a session stopped after making its custodian folders, before its split's start entry, had
  // the receipt name an earlier session's set, kept by its custodians, as withdrawn.
  it('a stop before its split began never names an earlier session’s custody set as withdrawn', async () => {
    const kept = ['alice', 'bob'].map((name) => path.join(dir, 'kept', name));
    await mkdir(path.join(dir, 'kept'));
    const custodians = ['Alice Wu', 'Bob Li'];
    await splitForCustody(
      CEREMONY,
      heldKeys(),
      vault,
      { m: 2, n: 2, folders: kept, custodians, allowSameVolume: true },
      journal,
      'Ana',
      freshWrites(),
    );
    const split = journal.entries.find((e) => e.event === 'custody.split');
    const tag = String(split?.data.backupDigest).slice(0, 8).toUpperCase();
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped' });
    const folders = ['carol', 'dave'].map((name) => path.join(dir, name));
    const writes = await foldersMade(folders);
    await withdrawCustodySplit(writes, journal, 'Ana');
    const en = receiptSays('en');
    expect(en).toContain('No custody file of the stopped session had been written yet; the 2 custodian folders');
    expect(en).not.toContain(`Custody set ${tag}`);
    expect(en).not.toContain('is withdrawn: no share of it');
    expect(receiptSays('zh-CN').replace(/\s+/g, '')).not.toContain(`托管集${tag}`);
    expect(kept.every((f) => existsSync(f))).toBe(true);
  });

  it('journals nothing when the session wrote no custody file', async () => {
    expect(await withdrawCustodySplit(freshWrites(), journal, 'Ana')).toEqual({
      withdrawnCustody: [],
      custodyByHand: [],
    });
    expect(journal.count).toBe(0);
  });
});
