/**
 * A journal whose last air-gapped session ended without stopping (its process killed: a crash, a
 * power cut): the next session journals it and withdraws exactly what it wrote, on real files and
 * a real journal.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishedWraps } from '../../../../src-main/core/ceremony/airgap/earlier-wraps';
import { closeUnfinishedSession } from '../../../../src-main/core/ceremony/airgap/unfinished-session';
import { listDeviations, openJournal, type Journal } from '../../../../src-main/core/journal';
import { english } from '../../../../src-main/i18n/translate';

const CEREMONY = 'KF-20250301-abcdef';
let dir: string;
let journal: Journal;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-unfinished-'));
  journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
});
afterEach(async () => {
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

/** A session as a killed process leaves it: started (a restore's with its purpose), parameters read, preflighted, and `more`. */
async function crashedSession(
  more: readonly string[],
  purpose?: 'custody-restore',
): Promise<{ custodians: string[]; bundle: string }> {
  const custodians = ['c1', 'c2'].map((c) => path.join(dir, c));
  const bundle = path.join(dir, 'wrapped');
  await journal.append('Ana', 'ceremony.session-started', {
    side: 'air-gapped',
    operator: 'Ana',
    ...(purpose ? { purpose } : {}),
  });
  await journal.append('Ana', 'parameters.read', { ceremonyId: CEREMONY });
  await journal.append('Ana', 'preflight.passed', {
    destinations: [
      { role: 'bundle', folder: bundle, willCreate: true },
      { role: 'receipt', folder: dir, willCreate: false },
      ...custodians.map((folder) => ({ role: 'custodian', folder, willCreate: true })),
    ],
  });
  for (const event of more) await journal.append('Ana', event, {});
  return { custodians, bundle };
}

/** Journals a custody split of share 1 of 2 to Cy in `folder`; returns its share file's name. */
async function splitJournaled(folder: string): Promise<string> {
  const shareFile = `keyferry-share-${CEREMONY}-1of2.json`;
  await journal.append('Ana', 'custody.split', {
    total: 2,
    holders: [{ shareIndex: 1, custodian: 'Cy', folder, shareFile }],
  });
  return shareFile;
}

describe('closeUnfinishedSession', () => {
  it('journals a session killed after the custody split and the bundle write, then withdraws its files only', async () => {
    const { custodians, bundle } = await crashedSession(['custody.split', 'wrapped-bundle.written']);
    for (const [i, folder] of custodians.entries()) {
      await mkdir(folder);
      for (const name of [
        `keyferry-share-${CEREMONY}-${i + 1}of2.json`,
        `keyferry-share-${CEREMONY}-${i + 1}of2.slip.txt`,
        `keyferry-backup-${CEREMONY}.txt`,
      ])
        await writeFile(path.join(folder, name), 'x');
    }
    // Someone put a file of their own into c2 after the crash: it stays, and so does c2.
    await writeFile(path.join(custodians[1] as string, 'notes.txt'), 'mine');
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'README.txt'), 'readme');

    const report = await closeUnfinishedSession(journal, 'Ana', new Date());

    expect(report).toMatchObject({ session: 1, fromSeq: 1, toSeq: 5, withdrawnBundle: bundle, custodyByHand: [] });
    expect(existsSync(custodians[0] as string)).toBe(false);
    expect(await readdir(custodians[1] as string)).toEqual(['notes.txt']);
    expect(existsSync(path.join(bundle, 'ABANDONED.txt'))).toBe(true);
    const added = journal.entries.slice(5);
    expect(added.map((e) => e.event)).toEqual([
      'ceremony.session-unfinished',
      'wrapped-bundle.withdrawn',
      'custody.withdrawn',
      'ceremony.session-closed',
    ]);
    expect(added[0]?.data).toMatchObject({ session: 1, seq: 1, count: 5, closingEndJournaled: true });
    expect(added[3]?.data).toEqual({ seq: added[0]?.seq });
    expect(listDeviations(added).map((d) => d.kind)).toEqual(['abandoned', 'abandoned', 'abandoned']);
    // The session is closed now: the next start finds nothing to do.
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
  });

  it('voids the receipt it printed and never journaled (a lone HTML file, or both), and no other receipt', async () => {
    const { bundle } = await crashedSession(['wrapped-bundle.written']);
    await mkdir(bundle);
    await writeFile(path.join(bundle, 'README.txt'), 'readme');
    const head = journal.head.toUpperCase().match(/.{4}/g)?.join(' ') as string;
    const printed = (what: string) => `<html><p>${what}</p><code>--expect-head ${head}</code></html>`;
    // Killed after the HTML file, before the text file and receipt.written.
    await writeFile(path.join(dir, `receipt-air-gapped-${CEREMONY}-1.html`), printed('wrapped digest, custody set'));
    // Not this session's: another ceremony's (same head printed), and one of this ceremony at an earlier head.
    await writeFile(path.join(dir, `receipt-air-gapped-${CEREMONY}x-1.html`), printed('another ceremony'));
    await writeFile(path.join(dir, `receipt-air-gapped-${CEREMONY}-0.txt`), 'head 0000 1111');

    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report?.voidedReceipts).toEqual([`receipt-air-gapped-${CEREMONY}-1.html`]);
    expect((await readdir(dir)).filter((n) => n.startsWith('receipt-')).sort()).toEqual([
      `receipt-air-gapped-${CEREMONY}-0.txt`,
      `receipt-air-gapped-${CEREMONY}-1.html.void`,
      `receipt-air-gapped-${CEREMONY}x-1.html`,
    ]);
    const voided = journal.entries.find((e) => e.event === 'receipt.voided');
    expect(voided?.data).toMatchObject({
      voidedFiles: [`receipt-air-gapped-${CEREMONY}-1.html`],
      leftFiles: [],
    });
    expect(listDeviations([voided!]).map((d) => d.kind)).toEqual(['abandoned']);
  });

  it('a session stopped (Ctrl-C) before the ceremony could journal its end, with an entry after the stop: said as stopped, never as a crash', async () => {
    // The journal's own stop handler journaled the interrupt (naming this run's session start, entry 1);
    // the step under way journaled after it; no abandoned entry.
    await crashedSession([]);
    await journal.append('system', 'ceremony.interrupted', { signal: 'SIGINT', stop: 'between-steps', sessionSeq: 1 });
    await journal.append('Ana', 'network.checked', {});
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report).toMatchObject({ session: 1, fromSeq: 1, toSeq: 5, interruptedSeq: 4 });
    const closed = journal.entries.find((e) => e.event === 'ceremony.session-unfinished');
    expect(closed?.data.reason).toBe('the process was stopped before the session could journal its end');
    expect(english.message(closed?.data.reasonPhrase as never)).toBe(
      'the process was stopped (journal entry 4: ceremony.interrupted) before the session could journal its end',
    );
    expect(
      english.t('cli.session-unfinished', {
        session: 1,
        from: 1,
        to: 5,
        interrupted: 4,
        beforeManifest: 'no',
        stopCut: 'no',
      }),
    ).toMatch(
      /^Session 1 of this journal \(entries 1-5\) was stopped \(journal entry 4\) before it could journal its end\. /,
    );
  });

  it('an interrupt of a later run that never started its session (or of an older version) leaves a crash a crash', async () => {
    await crashedSession([]);
    // The next run was stopped before it could close session 1: its interrupt names no session of its own.
    await journal.append('system', 'ceremony.interrupted', {
      signal: 'SIGINT',
      stop: 'between-steps',
      sessionSeq: null,
    });
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report).toMatchObject({ session: 1, interruptedSeq: null });
    expect(journal.entries.find((e) => e.event === 'ceremony.session-unfinished')?.data.reason).toBe(
      'the process ended without stopping: a crash or power loss',
    );
  });

  it("a restore's session killed after its bundle write: the bundle says to run the restore again, not to wrap", async () => {
    const { bundle } = await crashedSession(['wrapped-bundle.written'], 'custody-restore');
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await closeUnfinishedSession(journal, 'Ana', new Date());
    const marker = await readFile(path.join(bundle, 'ABANDONED.txt'), 'utf8');
    expect(marker).toContain('Run the custody restore again on the air-gapped workstation');
    expect(marker).not.toContain('Wrap again');
  });

  it('withdraws custody files named by their set as well as by the ceremony alone', async () => {
    const { custodians } = await crashedSession(['custody.split']);
    const folder = custodians[0] as string;
    await mkdir(folder);
    const setNames = [
      `keyferry-share-${CEREMONY}-2379C9B2-1of2.json`,
      `keyferry-share-${CEREMONY}-2379C9B2-1of2.slip.html`,
      `keyferry-share-${CEREMONY}-2379C9B2-1of2.slip.txt`,
      `keyferry-backup-${CEREMONY}-2379C9B2.txt`,
      `keyferry-backup-${CEREMONY}-2379C9B2.html`,
    ];
    for (const name of [...setNames, `keyferry-share-KF-20250301-zzzzzz-1of2.json`])
      await writeFile(path.join(folder, name), 'x');

    const report = await closeUnfinishedSession(journal, 'Ana', new Date());

    expect(report?.withdrawnCustody).toEqual([folder]);
    // Another ceremony's share (not this session's) stays.
    expect(await readdir(folder)).toEqual(['keyferry-share-KF-20250301-zzzzzz-1of2.json']);
    expect(journal.entries.findLast((e) => e.event === 'custody.withdrawn')?.data).toMatchObject({
      removedFiles: setNames.length,
    });
  });

  /**
   * Session 1 finished with set 5A5A5A5A; session 2 split set 2379C9B2 and was killed. Returns session 2's
   * first custodian folder, made empty (as its preflight found it) for the test to fill.
   */
  async function finishedSetThenCrashedSplit(): Promise<string> {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'custody.split', { backupDigest: '5a5a5a5a'.repeat(8) });
    await journal.append('Ana', 'receipt.written', {});
    const { custodians } = await crashedSession([]);
    await journal.append('Ana', 'custody.split', { backupDigest: '2379c9b2'.repeat(8) });
    const folder = custodians[0] as string;
    await mkdir(folder);
    return folder;
  }

  it('leaves another custody set of the ceremony in a folder: only the set the crashed session split is withdrawn', async () => {
    // Session 1 finished with set 5A5A5A5A; session 2 split set 2379C9B2 and was killed. Before the next
    // run, a custodian's stick of session 1 came up at the path session 2's preflight had found empty.
    const folder = await finishedSetThenCrashedSplit();
    const finished = [`keyferry-share-${CEREMONY}-5A5A5A5A-1of2.json`, `keyferry-backup-${CEREMONY}-5A5A5A5A.txt`];
    const crashed = [`keyferry-share-${CEREMONY}-2379C9B2-1of2.json`, `keyferry-backup-${CEREMONY}-2379C9B2.txt`];
    for (const name of [...finished, ...crashed]) await writeFile(path.join(folder, name), 'x');

    const report = await closeUnfinishedSession(journal, 'Ana', new Date());

    expect(report?.session).toBe(2);
    expect((await readdir(folder)).sort()).toEqual([...finished].sort());
    expect(journal.entries.findLast((e) => e.event === 'custody.withdrawn')?.data).toMatchObject({
      removedFiles: crashed.length,
    });
  });

  it('leaves files without a set tag when another session of the journal split a set: they may be that set, written by an older version', async () => {
    // Session 1 finished with set 5A5A5A5A under an older version (names without the set); session 2 split
    // set 2379C9B2 and was killed; session 1's custodian stick came up at session 2's custodian path.
    const folder = await finishedSetThenCrashedSplit();
    const older = [`keyferry-share-${CEREMONY}-1of2.json`, `keyferry-backup-${CEREMONY}.txt`];
    const crashed = [`keyferry-share-${CEREMONY}-2379C9B2-1of2.json`, `keyferry-backup-${CEREMONY}-2379C9B2.txt`];
    for (const name of [...older, ...crashed]) await writeFile(path.join(folder, name), 'x');

    await closeUnfinishedSession(journal, 'Ana', new Date());

    expect((await readdir(folder)).sort()).toEqual([...older].sort());
  });

  it('killed during the split (no custody.split journaled): withdraws nothing, names only what may be its own set', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'custody.split', { backupDigest: '5a5a5a5a'.repeat(8) });
    await journal.append('Ana', 'receipt.written', {});
    // Killed once its material existed (a split can have begun), before it journaled the split.
    const { custodians } = await crashedSession(['material.generated']);
    const folder = custodians[0] as string;
    await mkdir(folder);
    const finished = `keyferry-share-${CEREMONY}-5A5A5A5A-1of2.json`;
    const partial = `keyferry-share-${CEREMONY}-2379C9B2-1of2.json`;
    for (const name of [finished, partial]) await writeFile(path.join(folder, name), 'x');

    const report = await closeUnfinishedSession(journal, 'Ana', new Date());

    expect((await readdir(folder)).sort()).toEqual([finished, partial].sort());
    // The set another session split is not named; the other is, to check before deleting it (the
    // second custodian's folder, never made, is named as not read).
    expect(report?.notWithdrawn.map((n) => [n.folder, n.cause, n.files])).toEqual([
      [folder, 'unknownSet', [path.join(folder, partial)]],
      [custodians[1], 'unreadable', []],
    ]);
  });

  it("withdraws nothing while a manifest stands at the crashed session's bundle path: the officer checks it first", async () => {
    const { bundle } = await crashedSession(['custody.split', 'wrapped-bundle.written']);
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'manifest.json'), '{}');
    const count = journal.count;

    // A manifest is written only after a session's receipt: that wrap may have finished (finished-on-media.ts).
    await expect(closeUnfinishedSession(journal, 'Ana', new Date())).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'manifest', where: bundle },
    });

    expect((await readdir(bundle)).sort()).toEqual(['keys', 'manifest.json']);
    expect(journal.count).toBe(count);
  });

  it('journals what the app checked before closing: console files chosen, so no parameters (an audit sees it)', async () => {
    await crashedSession(['custody.split']);
    await closeUnfinishedSession(journal, 'Ana', new Date(), { against: 'console-files' });
    const closing = journal.entries.find((e) => e.event === 'ceremony.session-unfinished');
    expect(closing?.data).toMatchObject({ checkedAgainst: 'console-files' });
    expect(closing?.data).not.toHaveProperty('parametersSha256');
  });

  it('journals a session killed at a witness prompt, with nothing to withdraw', async () => {
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'network.checked', {});
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    expect(report).toMatchObject({ session: 1, withdrawnBundle: null, withdrawnCustody: [], custodyByHand: [] });
    expect(journal.entries.map((e) => e.event).slice(2)).toEqual([
      'ceremony.session-unfinished',
      'ceremony.session-closed',
    ]);
  });

  it('never withdraws what a session its receipt sealed wrote (a journal that ends at receipt.written)', async () => {
    const { custodians, bundle } = await crashedSession(['custody.split', 'wrapped-bundle.written', 'receipt.written']);
    await mkdir(custodians[0] as string);
    const share = path.join(custodians[0] as string, `keyferry-share-${CEREMONY}-2379C9B2-1of2.json`);
    await writeFile(share, 'x');
    await mkdir(bundle);
    await writeFile(path.join(bundle, 'manifest.json'), '{}');
    const count = journal.count;
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
    expect(journal.count).toBe(count);
    expect(existsSync(share)).toBe(true);
    expect(existsSync(path.join(bundle, 'ABANDONED.txt'))).toBe(false);
  });

  it('closes a session killed between its journaled receipt and its manifest: the receipt voided, the bundle withdrawn, its custody set KEPT, no earlier wrap left', async () => {
    const { custodians, bundle } = await crashedSession([]);
    const shareFile = await splitJournaled(custodians[0] as string);
    // An HSM wrap's token objects are its custody copy too: kept, never offered for deletion.
    await journal.append('Ana', 'material.generated', {
      keyId: '0a1b2c3d-0000-4000-8000-000000000001',
      spec: 'AES_256',
      objectLabel: 'kf-key',
      objectId: '01',
      hsmTokenSerial: 'SER1',
      hsmTokenLabel: 'tok',
      keptInHsm: true,
    });
    const staged = { manifestSha256: 'ab'.repeat(32), folder: bundle };
    await journal.append('Ana', 'wrapped-bundle.written', { ...staged, manifest: 'after-receipt' });
    const [html, text] = ['html', 'txt'].map((x) => `receipt-air-gapped-${CEREMONY}-session-1.${x}`) as [
      string,
      string,
    ];
    await journal.append('Ana', 'receipt.written', { htmlFile: html, textFile: text });
    // Sealed by its receipt alone, it counts as a wrap whose bundle may still be imported.
    expect(finishedWraps(journal.entries)).toHaveLength(1);
    for (const name of [html, text]) await writeFile(path.join(dir, name), 'wrapped digest, custody set');
    await mkdir(custodians[0] as string);
    const share = path.join(custodians[0] as string, shareFile);
    await writeFile(share, 'x');
    await mkdir(path.join(bundle, 'keys'), { recursive: true });
    await writeFile(path.join(bundle, 'README.txt'), 'readme');
    const count = journal.count;

    const report = await closeUnfinishedSession(journal, 'Ana', new Date());

    expect(report).toMatchObject({
      session: 1,
      beforeManifest: true,
      withdrawnBundle: bundle,
      voidedReceipts: [html, text],
      withdrawnCustody: [],
      custodyByHand: [],
    });
    // Its journaled receipt voided first: a crash during the closing never leaves the receipt sealing
    // the session; one after the closing's entry is run again to its end (closing-resume.ts), the set kept then.
    expect(journal.entries.slice(count).map((e) => e.event)).toEqual([
      'receipt.voided',
      'ceremony.session-unfinished',
      'custody.kept',
      'wrapped-bundle.withdrawn',
      'ceremony.session-closed',
    ]);
    const closed = journal.entries[count + 1];
    expect(english.message(closed?.data.reasonPhrase as never)).toMatch(
      /^the process ended after the receipt and before the bundle manifest was written .*: the bundle never became whole/,
    );
    expect((await readdir(dir)).filter((n) => n.startsWith('receipt-')).sort()).toEqual([
      `${html}.void`,
      `${text}.void`,
    ]);
    // KEPT, named: a journal copy cut short, its manifest taken away, looks the same.
    expect(existsSync(share)).toBe(true);
    expect(report?.notWithdrawn.map((n) => [n.cause, n.files])).toEqual([['receiptWritten', [share]]]);
    expect(report?.tokenObjects).toBeUndefined();
    expect(journal.entries.map((e) => e.event)).not.toContain('hsm.objects-left');
    expect(english.message(report?.notWithdrawn[0]?.phrase as never)).toMatch(
      /^KEPT, not withdrawn: share 1\/2 given to Cy, in .*: keep these until the online side shows that no key holds this set’s material/,
    );
    // Nothing of it counts as a wrap to import or to wrap again after, and the next opening closes nothing.
    expect(finishedWraps(journal.entries)).toEqual([]);
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
  });

  it('keeps the custody set of a session whose receipt a closing cut short had voided, and closes it', async () => {
    const { custodians, bundle } = await crashedSession([]);
    const shareFile = await splitJournaled(custodians[0] as string);
    await journal.append('Ana', 'wrapped-bundle.written', { folder: bundle, manifest: 'after-receipt' });
    await journal.append('Ana', 'receipt.written', { htmlFile: 'r.html', textFile: 'r.txt' });
    // The earlier closing voided the receipt, then the power went before it journaled anything else.
    const voided = { htmlFile: 'r.html', textFile: 'r.txt', voidedFiles: ['r.html', 'r.txt'] };
    await journal.append('Ana', 'receipt.voided', voided);
    await mkdir(custodians[0] as string);
    const share = path.join(custodians[0] as string, shareFile);
    await writeFile(share, 'x');
    // Its bundle's stick is out: asked for, as before the voiding, never taken for an older copy.
    await expect(closeUnfinishedSession(journal, 'Ana', new Date())).rejects.toMatchObject({
      values: { evidence: 'missingAfterReceipt', where: bundle },
    });
    await mkdir(bundle);
    const report = await closeUnfinishedSession(journal, 'Ana', new Date());
    // Its receipt named as voided again, its set kept.
    expect(report).toMatchObject({ beforeManifest: true, withdrawnCustody: [], voidedReceipts: ['r.html', 'r.txt'] });
    expect(existsSync(share)).toBe(true);
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
  });

  it('asks for the bundle folder of a session sealed only by its receipt when it is gone, and closes or seals nothing', async () => {
    const { bundle } = await crashedSession(['custody.split']);
    await journal.append('Ana', 'wrapped-bundle.written', { folder: bundle, manifest: 'after-receipt' });
    await journal.append('Ana', 'receipt.written', { htmlFile: 'r.html', textFile: 'r.txt' });
    expect(existsSync(bundle)).toBe(false);
    const count = journal.count;
    // The stick may be elsewhere: whether the bundle became whole decides how the session ends.
    await expect(closeUnfinishedSession(journal, 'Ana', new Date())).rejects.toMatchObject({
      code: 'AIRGAP_SESSION_FINISHED_ON_MEDIA',
      values: { evidence: 'missingAfterReceipt', where: bundle, session: 1 },
    });
    expect(journal.count).toBe(count);
    // Its folder put there, empty: the officer's word that the bundle is lost; closed as cut.
    await mkdir(bundle);
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toMatchObject({ beforeManifest: true });
  });

  it('leaves a session of a journal written before 2026-11-30 sealed by its receipt, its manifest taken away by hand', async () => {
    // That version wrote the manifest before the receipt: a folder without one was emptied, not cut.
    const { bundle } = await crashedSession(['custody.split', 'wrapped-bundle.written', 'receipt.written']);
    await mkdir(bundle);
    await writeFile(path.join(bundle, 'README.txt'), 'readme');
    const count = journal.count;
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
    expect(journal.count).toBe(count);
  });

  it('leaves a journal alone whose last session stopped or finished', async () => {
    await crashedSession(['ceremony.abandoned']);
    await journal.append('Ana', 'ceremony.session-started', { side: 'air-gapped', operator: 'Ana' });
    await journal.append('Ana', 'wrapped-bundle.completed', {});
    const count = journal.count;
    expect(await closeUnfinishedSession(journal, 'Ana', new Date())).toBeNull();
    expect(journal.count).toBe(count);
  });
});
