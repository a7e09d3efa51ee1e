/**
 * `keyferry airgap wrap` checks every folder it will write to before any material exists, and a
 * retry with the same journal (after an import token expired) writes its own receipt.
 * Read-only and full media are real tmpfs mounts (chmod does not stop root; EROFS and ENOSPC do).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CeremonyFacts } from '../../../src-main/core/bundle/import-parameters-manifest';
import { verifyJournal } from '../../../src-main/core/journal';
import { keyferry } from '../../integration/cli-in-process';
import { MOUNTS_AVAILABLE, fillUp, mountTmpfs } from '../../support/tmpfs-mount';
import { OFFLINE } from '../../helpers/workstation';
import { airgapWrapArgs } from '../../helpers/cli-sides';
import { oneAesParamsBundle } from '../../helpers/aes-params-bundle';
import { readBundleDigest } from '../../../src-main/core/bundle';
import { momentText } from '../../../src-main/i18n/moment';
import { groupHex } from '../../../src-main/core/hex-groups';

const KEY_ID = '0a1b2c3d-0000-4000-8000-00000000000a';
const CEREMONY = 'KF-20250301-abcdef';

let dir: string;
const unmounts: (() => void)[] = [];

/** An import-parameters bundle of the ceremony for one AES key, with a fresh wrapping key and token; its digest. */
const parameters = (folder: string, ceremony?: CeremonyFacts) =>
  oneAesParamsBundle(path.join(dir, folder), {
    ceremonyId: CEREMONY,
    keyId: KEY_ID,
    ...(ceremony ? { ceremony } : {}),
  });

function wrap(params: string, out: string, digest: string, ...extra: string[]) {
  return keyferry(airgapWrapArgs({ bundle: params, out, digest }, ...extra), { cwd: dir });
}

async function events(): Promise<string[]> {
  return (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { event: string }).event);
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-cli-preflight-'));
  vi.spyOn(os, 'networkInterfaces').mockReturnValue(OFFLINE);
});
afterEach(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const unmount of unmounts.splice(0)) unmount();
  await rm(dir, { recursive: true, force: true });
});

describe('keyferry airgap wrap: preflight and retries', () => {
  it('runs again with the same journal after new parameters (token expired): a second receipt, no flag needed', async () => {
    const first = await wrap('params-1', 'wrapped-1', await parameters('params-1'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    // 21 hours later the first token (valid 20 h) has expired; the online side fetched new parameters.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 21 * 3600_000 });
    const second = await wrap('params-2', 'wrapped-2', await parameters('params-2'));
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const receipts = (await readdir(dir)).filter((f) => f.startsWith(`receipt-air-gapped-${CEREMONY}`));
    // Named after the session's number in the journal (1, 2), not a journal entry number.
    expect(receipts.sort()).toEqual(
      [1, 2].flatMap((n) => ['html', 'txt'].map((ext) => `receipt-air-gapped-${CEREMONY}-session-${n}.${ext}`)),
    );
    expect(second.stdout).toContain(`Receipt: ${path.join(dir, `receipt-air-gapped-${CEREMONY}-session-2.html`)}`);
    expect((await verifyJournal(path.join(dir, 'airgap.jsonl'))).ok).toBe(true);
    // The head the receipt seals is on the screen too, for the second person to compare.
    const sealed = (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { event: string; data: { journalHeadAtReceipt?: string; journalCountAtReceipt?: number } },
      )
      .findLast((e) => e.event === 'receipt.written')?.data;
    expect(second.stdout).toContain(
      `It seals the journal at entry ${sealed?.journalCountAtReceipt}, head ${groupHex(sealed?.journalHeadAtReceipt ?? '')}: read this head aloud against the printed receipt’s last seal.`,
    );
    // New material beside a finished wrap is never quiet: the earlier bundle is named, journaled, on the receipt.
    const firstDigest = (await readBundleDigest(path.join(dir, 'wrapped-1'))).toUpperCase().match(/.{4}/g)?.join(' ');
    expect(first.stdout).not.toContain('already finished');
    expect(second.stdout).toContain('This journal already finished a wrap of this ceremony:');
    expect(second.stdout).toMatch(
      new RegExp(
        `  session 1: wrapped-material bundle ${path.join(dir, 'wrapped-1')}, digest ${firstDigest}, receipt receipt-air-gapped-${CEREMONY}-session-1.txt, import tokens expired at [^,]+, no custody set`,
      ),
    );
    expect(second.stdout).toContain('have expired: none can be imported any more, so no --wrap-again is needed.');
    // Only this bundle can be imported: no "import one bundle only … (above, or this session's)" (a trial).
    expect(second.stdout).not.toContain('Import one bundle only');
    expect((await events()).filter((e) => e === 'wrap.repeated')).toHaveLength(1);
    const receipt = await readFile(path.join(dir, `receipt-air-gapped-${CEREMONY}-session-2.txt`), 'utf8');
    expect(receipt).toContain('Override, Wrap repeated (wrap.repeated)');
    expect(receipt.replace(/\s+/g, ' ')).toContain(
      'a new wrap of this ceremony after 1 finished wrap (the last in air-gapped session 1): new material beside the earlier wrapped bundle; only one wrapped bundle may be imported',
    );
  });

  it('refuses a second wrap while the first bundle can still be imported, unless --wrap-again names the reason', async () => {
    const first = await wrap('params-1', 'wrapped-1', await parameters('params-1'));
    expect(first.code).toBe(0);
    const firstDigest = await readBundleDigest(path.join(dir, 'wrapped-1'));
    const digest2 = await parameters('params-2');

    const refused = await wrap('params-2', 'wrapped-2', digest2);
    expect(refused.code).toBe(1);
    // Token validity, not "importable": the online side may have imported it already (a trial).
    expect(refused.stdout).toMatch(
      /session 1: wrapped-material bundle .*wrapped-1.*, import tokens valid until .* \(unless its keys hold their material already\)/,
    );
    expect(refused.stderr).toContain(
      'This journal already finished a wrap of this ceremony (the last in air-gapped session 1) whose wrapped bundle can still be imported',
    );
    expect(refused.stderr).toContain('--wrap-again "REASON"');
    expect(refused.stderr).toContain('Nothing was generated');
    expect(await readdir(dir)).not.toContain('wrapped-2');
    const afterRefusal = await events();
    expect(afterRefusal.slice(afterRefusal.lastIndexOf('ceremony.session-started'))).not.toContain(
      'material.generated',
    );
    const journal = (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const refusal = journal.find((e) => e.event === 'wrap.repeated-refused');
    expect(refusal.data.earlier).toEqual([
      expect.objectContaining({ session: 1, bundleDigest: firstDigest, folder: path.join(dir, 'wrapped-1') }),
    ]);

    // The officer's explicit choice, with the reason: the wrap goes through and the receipt names both.
    const chosen = await wrap(
      'params-2',
      'wrapped-2',
      digest2,
      '--wrap-again',
      'media with the first bundle lost',
      '--receipt-lang',
      'both',
    );
    expect(chosen.stderr).toBe('');
    expect(chosen.code).toBe(0);
    expect(chosen.stdout).toContain('WARNING: wrapping again (--wrap-again: “media with the first bundle lost”)');
    // No wrap kept a custody copy: no shares to destroy are spoken of (a trial).
    expect(chosen.stdout).toContain('None of these wraps wrote a custody set, so there are no shares to destroy.');
    expect(chosen.stdout).not.toContain('destroy those shares');
    expect((await verifyJournal(path.join(dir, 'airgap.jsonl'))).ok).toBe(true);
    const receipt = (await readFile(path.join(dir, `receipt-air-gapped-${CEREMONY}-session-3.txt`), 'utf8')).replace(
      /\s+/g,
      ' ',
    );
    expect(receipt).toContain('Override, Wrap repeated (wrap.repeated)');
    expect(receipt).toContain('wrapped again because: media with the first bundle lost');
    // Receipt 3 while the officer holds receipt 1 only: the receipt says why there is no 2.
    expect(receipt).toMatch(/Receipt number \.+ 3 \(session-3 in its file name\)\. /);
    expect(receipt).toContain(
      'The air-gapped journal airgap.jsonl numbers its receipts by its sessions, wraps and custody restores alike (a number its receipt folder already held is skipped), so a session that ended without a receipt leaves its number unused. Earlier receipts of this journal: 1. Earlier sessions of this journal that ended without a receipt: 1 (session 2; listed under Deviations).',
    );
    expect(receipt).toContain('此日志先前未写出回执就结束的会话：1 个（会话 2；均列在“偏差”下）。');
    // The earlier bundle's digest, in groups of four as the receipt prints hex.
    expect(receipt.toLowerCase()).toContain(firstDigest.match(/.{4}/g)?.slice(0, 8).join(' '));
  });

  it('journals the wrap-again override only once material is made: an attempt a witness refuses lists none', async () => {
    expect((await wrap('params-1', 'wrapped-1', await parameters('params-1'))).code).toBe(0);
    const digest2 = await parameters('params-2');
    const reason = ['--wrap-again', 'media with the first bundle lost'];

    // The reason passes the preflight, then the witness reads a digest that is not the bundle's.
    const mistyped = await wrap('params-2', 'wrapped-2', 'ab'.repeat(32), ...reason);
    expect(mistyped.code).toBe(1);
    expect(mistyped.stdout).toContain('WARNING: wrapping again (--wrap-again: “media with the first bundle lost”)');
    expect(mistyped.stdout).toContain('when the material is made');
    const afterMistype = await events();
    const attempt = afterMistype.slice(afterMistype.lastIndexOf('ceremony.session-started'));
    expect(attempt).toContain('witness.refused');
    expect(attempt).not.toContain('wrap.repeated');
    expect(attempt).not.toContain('material.generated');

    const chosen = await wrap('params-2', 'wrapped-2', digest2, ...reason);
    expect(chosen.stderr).toBe('');
    expect(chosen.code).toBe(0);
    const all = await events();
    expect(all.filter((e) => e === 'wrap.repeated')).toHaveLength(1);
    // Journaled in the session that made the material, before the material.
    const last = all.slice(all.lastIndexOf('ceremony.session-started'));
    expect(last.indexOf('wrap.repeated')).toBeGreaterThan(last.indexOf('witness.confirmed'));
    expect(last.indexOf('wrap.repeated')).toBeLessThan(last.indexOf('material.generated'));
    expect((await verifyJournal(path.join(dir, 'airgap.jsonl'))).ok).toBe(true);
  });

  it('a wrap again refused before anything is made does not tell custodians to destroy earlier shares', async () => {
    const custody = ['--custody', '2/2', '--custodian', 'Cy', '--custodian', 'Di'];
    const folders = ['--custodian-folder', 'cy', '--custodian-folder', 'di', '--shares-on-one-volume'];
    expect((await wrap('params-1', 'wrapped-1', await parameters('params-1'), ...custody, ...folders)).code).toBe(0);
    const digest2 = await parameters('params-2');
    // Custody shares with HSM material: refused (HSM_CUSTODY_IS_TOKEN) before any token is opened.
    const hsm = ['--hsm-module', 'no-such-module.so', '--hsm-token', 'vault', '--hsm-pin-env', 'HSM_PIN'];
    const args = airgapWrapArgs(
      { bundle: 'params-2', out: 'wrapped-2', digest: digest2 },
      ...['--wrap-again', 'media lost', ...custody, ...folders.map((f) => (f.startsWith('--') ? f : `${f}-2`)), ...hsm],
    );
    const refused = await keyferry(args, { cwd: dir, env: { HSM_PIN: '1234' } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Shamir custody shares are refused for HSM material');
    expect(refused.stdout).not.toContain('destroy those shares');
    expect(refused.stdout).not.toContain('WARNING: wrapping again');
  });

  it('refuses an output folder that already holds files before any material exists', async () => {
    await mkdir(path.join(dir, 'wrapped', 'keys'), { recursive: true });
    const run = await wrap('params', 'wrapped', await parameters('params'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `The wrapped-material bundle folder ${path.join(dir, 'wrapped')} already holds 1 item`,
    );
    expect(await events()).not.toContain('material.generated');
    expect(await events()).toEqual(expect.arrayContaining(['preflight.refused', 'ceremony.abandoned']));
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a read-only receipt folder (a real read-only mount) before generating anything; nothing is written',
    async () => {
      const media = path.join(dir, 'receipt-media');
      unmounts.push(mountTmpfs(media, { sizeKiB: 2048, readOnly: true }));
      const run = await wrap('params', 'wrapped', await parameters('params'), '--receipt-dir', media);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`The receipt folder ${media} cannot be written: the media is read-only`);
      expect(run.stderr).toContain('Nothing was generated');
      expect(run.stdout).not.toMatch(/Generated|Wrapped-material bundle written/);
      expect(await readdir(dir)).not.toContain('wrapped');
      expect(await events()).not.toContain('material.generated');
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)('refuses a full receipt medium before generating anything', async () => {
    const media = path.join(dir, 'receipt-media');
    unmounts.push(mountTmpfs(media, { sizeKiB: 64, prepare: fillUp }));
    const run = await wrap('params', 'wrapped', await parameters('params'), '--receipt-dir', media);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`The receipt folder ${media} cannot be written: the media is full`);
    expect(await readdir(dir)).not.toContain('wrapped');
    expect(await events()).not.toContain('material.generated');
  });

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses custodian folders on the volume of the wrapped bundle (it travels to the online side); beside transfer media on the workstation’s disk, names the workstation',
    async () => {
      const transfer = path.join(dir, 'transfer');
      unmounts.push(mountTmpfs(transfer, { sizeKiB: 2048 }));
      const digest = await parameters('params');
      const custody = (c1: string, c2: string) => [
        '--custody',
        '2/2',
        '--custodian-folder',
        c1,
        '--custodian-folder',
        c2,
        '--custodian',
        'Dana',
        '--custodian',
        'Eli',
      ];
      const onStick = await wrap(
        'params',
        path.join(transfer, 'wrapped'),
        digest,
        ...custody(path.join(transfer, 'c1'), path.join(transfer, 'c2')),
      );
      expect(onStick.code).toBe(1);
      expect(onStick.stderr).toContain(
        `The folder of custodian 1 (Dana), ${path.join(transfer, 'c1')}, is on the same volume as the wrapped-material bundle (${path.join(transfer, 'wrapped')})`,
      );
      // A rehearsal's transfer "media" as a folder of the workstation's disk: the share would stay on the workstation.
      const onDisk = await wrap('params', 'wrapped', digest, ...custody('c1', 'c2'));
      expect(onDisk.code).toBe(1);
      expect(onDisk.stderr).toContain(
        `The folder of custodian 1 (Dana), ${path.join(dir, 'c1')}, is on the same volume as`,
      );
      expect(onDisk.stderr).toContain('that share and the whole backup would stay on this workstation');
      expect(await events()).not.toContain('material.generated');
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses two custodian folders on one stick before generating anything, naming both custodians, in both languages',
    async () => {
      const [transfer, stick] = ['transfer', 'stick'].map((s) => path.join(dir, s)) as [string, string];
      for (const media of [transfer, stick]) unmounts.push(mountTmpfs(media, { sizeKiB: 2048 }));
      const digest = await parameters('params');
      const custody = [
        ...['--custody', '2/2', '--custodian', 'Dana', '--custodian', 'Eli'],
        ...['--custodian-folder', path.join(stick, 'c1'), '--custodian-folder', path.join(stick, 'c2')],
      ];
      const refused = await wrap('params', path.join(transfer, 'wrapped'), digest, ...custody);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `The folders of custodian 1 (Dana), ${path.join(stick, 'c1')}, and custodian 2 (Eli), ${path.join(stick, 'c2')}, are on the same volume: one lost or copied drive would carry two shares. Nothing was generated.`,
      );
      const zh = await wrap('params', path.join(transfer, 'wrapped'), digest, '--lang', 'zh-CN', ...custody);
      expect(zh.code).toBe(1);
      expect(zh.stderr).toContain(
        `保管人 1（Dana）的文件夹 ${path.join(stick, 'c1')} 与保管人 2（Eli）的文件夹 ${path.join(stick, 'c2')} 位于同一卷`,
      );
      expect(await events()).not.toContain('material.generated');
      expect(await readdir(stick)).toEqual([]);
    },
  );

  it.skipIf(!MOUNTS_AVAILABLE)(
    'refuses a custodian folder on the volume of the folder it runs in, or of --material, before generating anything',
    async () => {
      const digest = await parameters('params');
      const [transfer, stick, work] = ['transfer', 'stick-1', 'work'].map((s) => path.join(dir, s)) as [
        string,
        string,
        string,
      ];
      for (const media of [transfer, stick, work]) unmounts.push(mountTmpfs(media, { sizeKiB: 2048 }));
      // Custodian 2's stick belongs at work/STICK and is not mounted: its path is on the working folder's volume.
      await mkdir(path.join(work, 'STICK'));
      const wrapFromWork = (...extra: string[]) =>
        keyferry(
          airgapWrapArgs(
            {
              bundle: path.join(dir, 'params'),
              out: path.join(transfer, 'wrapped'),
              journal: path.join(dir, 'airgap.jsonl'),
              digest,
            },
            ...['--custody', '2/2', '--custodian', 'Dana', '--custodian', 'Eli'],
            ...['--custodian-folder', path.join(stick, 'c1'), '--custodian-folder', 'STICK/c2'],
            ...extra,
          ),
          { cwd: work },
        );
      const refused = await wrapFromWork();
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        `The folder of custodian 2 (Eli), ${path.join(work, 'STICK', 'c2')}, is on the same volume as the folder this command runs in (${work})`,
      );
      expect(refused.stderr).toContain('Nothing was generated.');
      expect(refused.stderr).toContain('give a folder on it (--custodian-folder)');
      await writeFile(path.join(work, 'key.bin'), randomBytes(32));
      const material = await wrapFromWork('--material', 'key.bin');
      expect(material.code).toBe(1);
      expect(material.stderr).toContain(
        `The folder of custodian 2 (Eli), ${path.join(work, 'STICK', 'c2')}, is on the same volume as the material file (${path.join(work, 'key.bin')})`,
      );
      expect(await events()).not.toContain('material.generated');
      expect(await events()).not.toContain('material.loaded');
      expect(await readdir(work)).toEqual(['STICK', 'key.bin']);
      expect(await readdir(stick)).toEqual([]);
    },
  );

  it('AES material expiring with no custody copy needs --no-backup: refused before generating, then journaled and on the receipt', async () => {
    const digest = await parameters('params');
    const refused = await wrap('params', 'wrapped', digest, '--expires', '2099-01-01T00:00:00Z');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `would expire in the KMS at ${momentText('en', new Date('2099-01-01T00:00:00Z'))} with no custody copy`,
    );
    expect(refused.stderr).toContain('--no-backup');
    expect(await events()).not.toContain('material.generated');
    expect(await readdir(dir)).not.toContain('wrapped');
    const acknowledged = await wrap('params', 'wrapped', digest, '--expires', '2099-01-01T00:00:00Z', '--no-backup');
    expect(acknowledged.stderr).toBe('');
    expect(acknowledged.code).toBe(0);
    expect(acknowledged.stdout).toContain('Acknowledged with --no-backup (journaled)');
    const journal = await events();
    expect(journal.indexOf('material.no-backup-acknowledged')).toBeLessThan(journal.lastIndexOf('material.generated'));
    const receipt = (await readdir(dir)).find((f) => f.startsWith('receipt-air-gapped-') && f.endsWith('.txt'));
    expect(await readFile(path.join(dir, receipt as string), 'utf8')).toContain('material.no-backup-acknowledged');
  });

  it("another AES expiry than the plan's (carried in the bundle) is an override: printed, journaled, on the receipt; the plan's own is not", async () => {
    const plan = { title: 'Payments', materialExpiry: '2099-06-01T08:30:00.000Z', onlineJournal: 'online.jsonl' };
    const digest = await parameters('params', plan);
    const overridden = await wrap('params', 'wrapped', digest, '--expires', '2099-01-01T00:00:00Z', '--no-backup');
    expect(overridden.stderr).toBe('');
    expect(overridden.code).toBe(0);
    expect(overridden.stdout).toContain(
      `WARNING: the wrapped bundle will request the AES material expiry ${momentText('en', new Date('2099-01-01T00:00:00Z'))} for 1 key, not the ceremony plan’s ${momentText('en', new Date(plan.materialExpiry))}`,
    );
    const entries = (await readFile(path.join(dir, 'airgap.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string; data: unknown });
    expect(entries.find((e) => e.event === 'expiry.plan-overridden')?.data).toMatchObject({
      planned: plan.materialExpiry,
      requested: '2099-01-01T00:00:00.000Z',
      keyIds: [KEY_ID],
    });
    const receipt = (await readdir(dir)).find((f) => f.startsWith('receipt-air-gapped-') && f.endsWith('.txt'));
    const receiptText = (await readFile(path.join(dir, receipt as string), 'utf8')).replace(/\s+/g, ' ');
    expect(receiptText).toMatch(/Override, Planned expiry overridden \(expiry\.plan-overridden\)/);
    expect(receiptText).toContain(
      `the ceremony plan asked for the AES material expiry ${momentText('en', new Date(plan.materialExpiry))}; this side requested ${momentText('en', new Date('2099-01-01T00:00:00Z'))} for 1 key`,
    );

    // Without --expires the plan's expiry is requested: nothing to journal, nothing to warn of (a
    // fresh start: the journal, its receipts and its wrap's bundle gone, which would refuse a new journal).
    for (const f of (await readdir(dir)).filter(
      (n) => ['airgap.jsonl', 'wrapped'].includes(n) || n.startsWith('receipt-'),
    ))
      await rm(path.join(dir, f), { recursive: true });
    const kept = await wrap('params', 'wrapped-2', digest, '--no-backup');
    expect(kept.stderr).toBe('');
    expect(kept.code).toBe(0);
    expect(kept.stdout).not.toContain('not the ceremony plan');
    expect(await events()).not.toContain('expiry.plan-overridden');
  });
});
