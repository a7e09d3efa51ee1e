/**
 * The online side's receipt (src-main/core/ceremony/online/receipt.ts) after real ceremonies on
 * the simulator over 127.0.0.1: it lists every key holding imported material with how the KMS
 * confirmed the import and how it was proven, the wrapped bundle's digest and the key check value
 * the air-gapped receipt printed; a later receipt of the same ceremony is numbered; a key whose
 * material was deleted is left off; an imported key not yet verified stops the receipt before any
 * file is written.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOnlineReceipt } from '../../../../src-main/core/ceremony/online/receipt';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { readBundleDigest } from '../../../../src-main/core/bundle';
import { groupHex } from '../../../../src-main/core/hex-groups';
import type { Journal } from '../../../../src-main/core/journal';
import {
  APP,
  airGapSide,
  createFixture,
  materialDeletedAfterImport,
  onlineDayOne,
  receiptDigestOf,
  type Fixture,
} from '../ceremony-fixture';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f.close();
});

/** Day one, the air-gapped side, then day two's check and import: the online side before its verify step. */
async function importedCeremony() {
  const plan = f.plan(['AES_256', 'EC_P256']);
  const { params } = await onlineDayOne(f, plan);
  const { out, receipt: airReceipt } = await airGapSide(f, plan, params);
  const journal = await f.journal('online.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.checkWrappedBundle(out, await receiptDigestOf(out));
  const imported = await online.importMaterial();
  return { plan, out, airReceipt, journal, online, imported };
}

/** The receipt written directly from what `journal` records, into a fresh folder. */
async function receiptFromJournal(journal: Journal, bundleDir: string) {
  const state = replayOnlineJournal(journal.entries);
  if (!state) throw new Error('the online journal records no ceremony');
  const dir = path.join(f.dir, `receipt-${journal.count}`);
  await mkdir(dir);
  const digest = await readBundleDigest(bundleDir);
  const write = () =>
    writeOnlineReceipt(dir, {
      state,
      app: APP,
      bundle: { dir: bundleDir, digest },
      journal,
      now: new Date(),
      placeOf: () => ({ region: f.sim.region, projectId: f.sim.projectId }),
    });
  return { dir, write };
}

const keyLines = (text: string, label: string) =>
  text.split('\n').filter((line) => line.trimStart().startsWith(`${label} .`));

describe('the online receipt', () => {
  it('lists each imported key with how the KMS confirmed it and how it was proven, the bundle digest and the air-gapped check value', async () => {
    const { out, airReceipt, journal, online, imported } = await importedCeremony();
    await online.verifyKeys();
    const dir = path.join(f.dir, 'online-receipt');
    await mkdir(dir);
    const receipt = await online.writeReceipt(dir);
    const text = await readFile(receipt.textFile, 'utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe(receipt.textSha256);
    for (const key of imported) expect(text).toContain(key.keyId);
    expect(keyLines(text, 'Import result')).toEqual([
      expect.stringContaining('Imported (the KMS answered); key state Enabled'),
      expect.stringContaining('Imported (the KMS answered); key state Enabled'),
    ]);
    expect(keyLines(text, 'Verification result')).toEqual([
      expect.stringContaining('encrypt-data/decrypt-data round trip returned the plaintext'),
      expect.stringContaining('a KMS signature verifies locally under it'),
    ]);
    // Which KMS and project hold the keys, from the journal's connection (a trial's auditor found none).
    const kms = keyLines(text, 'KMS');
    expect(kms).toHaveLength(1);
    expect(kms[0]).toContain(`region ${f.sim.region}, project ${f.sim.projectId}`);
    // A rehearsal says so: plain http on this computer is the simulator (a trial's auditor could not tell).
    expect(kms[0]).toMatch(
      / \.+ http:\/\/127\.0\.0\.1:\d+ \(Keyferry’s KMS simulator on this computer: a rehearsal, no real KMS\), region /,
    );
    // The air-gapped receipt names none: that side never connects.
    expect(keyLines(await readFile(airReceipt.textFile, 'utf8'), 'KMS')).toEqual([]);
    // The online side writes no key files: each key's output files are none.
    expect(text.split('None on this side.').length - 1).toBe(2);
    const airText = await readFile(airReceipt.textFile, 'utf8');
    // The air-gapped side computed it from the material; the online side only states the bundle's value, and says so.
    const stated = 'Key check value stated by the bundle';
    const valueOf = (line: string) => line.replace(/^.*? \.+ /, '');
    expect(keyLines(text, stated).map(valueOf)).toEqual(keyLines(airText, 'Key check value').map(valueOf));
    expect(keyLines(text, stated)).toHaveLength(1);
    expect(keyLines(text, 'Key check value')).toEqual([]);
    expect(text.replace(/\s+/g, ' ')).toContain(
      'This side cannot compute it (the KMS never shows AES material): it prints the value the wrapped bundle states',
    );
    expect(airText).not.toContain('This side cannot compute it');
    const digest = groupHex(await readBundleDigest(out));
    expect(text.replace(/\s+/g, ' ')).toContain(digest.slice(0, 39));
    // The custody copy the checked bundle named (this ceremony kept none), per key, with the journal entry.
    const checkedSeq = journal.entries.find((e) => e.event === 'wrapped-bundle.checked')?.seq;
    expect(keyLines(text, 'Custody copy')).toEqual([
      expect.stringContaining(
        `NONE: the air-gapped side kept no copy, so the KMS holds the only one (online journal entry ${checkedSeq})`,
      ),
      expect.stringContaining(
        `NONE: the air-gapped side kept no copy, so the KMS holds the only one (online journal entry ${checkedSeq})`,
      ),
    ]);
  }, 60_000);

  it('says per key when the journal does not know the custody copy (a bundle checked before custody was journaled), in both languages', async () => {
    const { out, journal, online, imported } = await importedCeremony();
    await online.verifyKeys();
    const state = replayOnlineJournal(journal.entries);
    const aes = imported.find((k) => k.spec === 'AES_256')?.keyId as string;
    const key = state?.keys.get(aes);
    if (!state || !key?.imported) throw new Error('the AES key was not imported');
    // What a journal written before wrapped-bundle.checked carried the bundle's custody replays to.
    const { custody: _dropped, ...older } = key.imported;
    key.imported = older;
    const dir = path.join(f.dir, 'older-journal-receipt');
    await mkdir(dir);
    const receipt = await writeOnlineReceipt(dir, {
      state,
      app: APP,
      bundle: { dir: out, digest: await readBundleDigest(out) },
      journal,
      now: new Date(),
      language: 'both',
      placeOf: () => ({ region: f.sim.region, projectId: f.sim.projectId }),
    });
    const text = (await readFile(receipt.textFile, 'utf8')).replace(/\s+/g, ' ');
    expect(text).toContain('not known: the wrapped bundle did not say');
    expect(text).toContain('未知：已包装密钥材料包未说明');
    expect(text).toContain('NONE: the air-gapped side kept no copy');
    expect(text).toContain('无：离线工作站未保留任何副本');
  }, 60_000);

  it('numbers a later receipt of the ceremony, which says each key’s import as the journal records it', async () => {
    const { out, journal, online, imported } = await importedCeremony();
    await online.verifyKeys();
    const first = path.join(f.dir, 'online-receipt');
    await mkdir(first);
    const receipt = await online.writeReceipt(first);
    expect(path.basename(receipt.textFile)).toMatch(/^receipt-online-KF-[0-9]{8}-[a-z0-9]+\.txt$/);
    expect(imported).toHaveLength(2);
    // Written from the journal alone (a later run, which imported nothing): each key as its key.imported entry says.
    const { write } = await receiptFromJournal(journal, out);
    const later = await write();
    expect(path.basename(later.textFile)).toBe(path.basename(receipt.textFile).replace('.txt', '-2.txt'));
    const text = await readFile(later.textFile, 'utf8');
    expect(keyLines(text, 'Import result')).toEqual([
      expect.stringContaining('Imported (the KMS answered); key state Enabled'),
      expect.stringContaining('Imported (the KMS answered); key state Enabled'),
    ]);
  }, 60_000);

  it('skips the name of a receipt a stopped run wrote and never journaled, instead of refusing it every time', async () => {
    const { online } = await importedCeremony();
    await online.verifyKeys();
    const folder = path.join(f.dir, 'receipts-after-stop');
    await mkdir(folder);
    // What a run stopped between writing its receipt's files and journaling them leaves.
    const leftover = `receipt-online-${online.ceremonyId}`;
    await writeFile(path.join(folder, `${leftover}.html`), '<p>left by a stopped run</p>');
    await writeFile(path.join(folder, `${leftover}.txt`), 'left by a stopped run');
    const receipt = await online.writeReceipt(folder);
    expect(path.basename(receipt.htmlFile)).toBe(`${leftover}-2.html`);
    expect(path.basename(receipt.textFile)).toBe(`${leftover}-2.txt`);
    expect(await readFile(path.join(folder, `${leftover}.txt`), 'utf8')).toBe('left by a stopped run');
  }, 60_000);

  it('voids the receipt a stopped run of this journal printed and never journaled, and never takes its name again', async () => {
    const { online, journal } = await importedCeremony();
    await online.verifyKeys();
    const folder = path.join(f.dir, 'receipts-after-stopped-receipt');
    await mkdir(folder);
    // The run stopped right after its HTML receipt, which prints the head it ended at.
    const leftover = `receipt-online-${online.ceremonyId}`;
    await writeFile(path.join(folder, `${leftover}.html`), `<p>--expect-head ${groupHex(journal.head)}</p>`);
    const receipt = await online.writeReceipt(folder);
    expect(path.basename(receipt.htmlFile)).toBe(`${leftover}-2.html`);
    expect((await readdir(folder)).filter((n) => n.startsWith(`${leftover}.`))).toEqual([`${leftover}.html.void`]);
    const events = journal.entries.map((e) => e.event);
    expect(events.indexOf('receipt.voided')).toBeGreaterThan(-1);
    expect(events.indexOf('receipt.voided')).toBeLessThan(events.lastIndexOf('receipt.written'));
  }, 60_000);

  it('leaves off a key whose material was deleted after its import', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { params } = await onlineDayOne(f, plan);
    const { out } = await airGapSide(f, plan, params);
    const { keyId: deleted } = await materialDeletedAfterImport(f, plan, out);
    // materialDeletedAfterImport opened the online journal last and left it open.
    const online = f.journals.at(-1) as Journal;
    expect(path.basename(online.path)).toBe('online.jsonl');
    const kept = [...(replayOnlineJournal(online.entries)?.keys.keys() ?? [])].find((id) => id !== deleted);
    const { write } = await receiptFromJournal(online, out);
    const text = await readFile((await write()).textFile, 'utf8');
    // The deletion stays in the Deviations; the keys section lists only the key still holding material.
    const keysSection = text.slice(text.indexOf('\nKEYS\n'), text.indexOf('\nHOW THESE VALUES'));
    expect(keysSection).toContain(kept as string);
    expect(keysSection).not.toContain(deleted);
    expect(keyLines(text, 'Keys')).toEqual([expect.stringMatching(/ 1$/)]);
  }, 60_000);

  it('refuses while an imported key is not yet verified, naming it, and writes no file', async () => {
    const { out, journal, imported } = await importedCeremony();
    const { dir, write } = await receiptFromJournal(journal, out);
    await expect(write()).rejects.toMatchObject({
      code: 'CEREMONY_STEP_OUT_OF_ORDER',
      values: expect.objectContaining({ reason: 'notImported', keyId: imported[0]?.keyId }),
    });
    expect(await readdir(dir)).toEqual([]);
  }, 60_000);
});
