/**
 * The point of custody, end to end: a rehearsal imports AES_256 material WITH an expiry into the
 * KMS simulator and splits it 3-of-5 on the air-gapped side; data is encrypted under the key;
 * the simulator's clock moves past the expiry, the key is back in Pending import (5) and encrypt
 * fails; `online status` names the lapsed key and the way back; the online side fetches fresh
 * parameters (`online params` again); the restore ceremony (`keyferry custody restore`, a real
 * child process) rebuilds the material from shares 2, 4 (files) and 5 (typed from its slip),
 * after refusing 2 shares and a share of another ceremony with nothing written; the online side
 * re-imports with the expiry the restored bundle requests (--expires never, chosen explicitly: the plan's expiry has
 * passed by the KMS's clock); the key is Enabled and the ciphertext made BEFORE the expiry
 * decrypts AFTER the re-import. No file under the ceremony folder holds the
 * material in any encoding (raw, hex either case, base64 or base64url at any alignment).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherCeremonySet } from '../helpers/custody-sets';
import { encodeSetShareFile } from '../../src-main/core/custody/share-file';
import { verifyJournal } from '../../src-main/core/journal';
import { keyferry } from './cli-in-process';
import { momentText } from '../../src-main/i18n/moment';
import { receiptJournalSeal, runCli } from './cli-process';
import { paramsDigestFrom } from '../cli/commands/witness-args';
import { onlineAt } from '../helpers/cli-sides';
import { journalLines as journalEntries, lapsingRehearsal, type LapsingRehearsal } from './lapsing-rehearsal';
import { needles } from '../helpers/secret-traces';
import { shareFileIn } from '../helpers/custody-files';

const CUSTODIANS = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin'];
const PLAINTEXT = `payroll ledger ${randomBytes(8).toString('hex')}`;

async function everyFile(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await everyFile(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

let t: LapsingRehearsal | undefined;
afterAll(async () => {
  await t?.close();
});

describe('custody: expiry, restore ceremony, re-import', () => {
  it('re-imports expired AES material from 3 of 5 shares; data encrypted before the expiry decrypts after', async () => {
    const materials: Buffer[] = [];

    // 1. The rehearsal: import WITH an expiry, split 3-of-5 on the air-gapped side.
    t = await lapsingRehearsal('kf-custody-reimport-', { m: 3, n: 5, custodians: CUSTODIANS }, (copy) =>
      materials.push(copy),
    );
    const { dir, ceremony, sim, kms, rehearsal, keyId, expiresAt, splitKcv } = t;
    expect(rehearsal.ok).toBe(true);
    expect(materials).toHaveLength(1);
    const material = materials[0] as Buffer;
    const described = await kms.describeKey(keyId);
    expect(described.stateName).toBe('Enabled');
    expect(Math.abs((described.materialExpiresAt?.getTime() ?? 0) - expiresAt.getTime())).toBeLessThan(1000);

    // The split side records who holds which share index (journal and receipt), never a share.
    const split = (await journalEntries(rehearsal.files.airGapJournal)).find((e) => e.event === 'custody.split');
    expect(split?.data).toMatchObject({ format: 'custody-set', keyIds: [keyId], threshold: 3, total: 5 });
    expect(
      (split?.data.holders as { shareIndex: number; custodian: string }[]).map((h) => [h.shareIndex, h.custodian]),
    ).toEqual(CUSTODIANS.map((c, i) => [i + 1, c]));
    const splitReceipt = await readFile(rehearsal.files.airGapReceipt.textFile, 'utf8');
    expect(splitReceipt).toContain('Custody set 1: any 3 of 5 shares');
    for (const [i, c] of CUSTODIANS.entries()) expect(splitReceipt).toContain(`Share ${i + 1}: ${c}`);
    expect(splitKcv).toMatch(/^[0-9A-F]{6}$/);

    const { cipherText } = await kms.encryptData({ keyId, plainText: PLAINTEXT });

    // 2. The material expires: Pending import (5), encrypt fails.
    t.lapse();
    const lapsed = await kms.describeKey(keyId);
    expect([lapsed.state, lapsed.stateName]).toEqual([5, 'Pending import']);
    await expect(kms.encryptData({ keyId, plainText: 'anything' })).rejects.toMatchObject({ code: 'KMS.1301' });

    // 3. Online side: status sees the lapse, params fetches fresh parameters for the same key.
    const { args: connection, env } = onlineAt(sim, 'online/journal.jsonl');
    expect(
      (await journalEntries(path.join(ceremony, 'online/journal.jsonl'))).some(
        (e) => e.event === 'import.expiry-chosen',
      ),
    ).toBe(false);
    const status = await keyferry(['online', 'status', ...connection], { cwd: ceremony, env });
    expect(status.stderr).toBe('');
    expect(status.code).toBe(1);
    expect(status.stdout).toContain('Pending import');
    expect(status.stdout).not.toContain('Nothing imported yet');
    expect(status.stdout).toContain(
      `Key material lapsed: 1 key was imported, but the KMS deleted its material after it expired`,
    );
    const utc = `${expiresAt.toISOString().slice(0, 10)} ${expiresAt.toISOString().slice(11, 19)} UTC`;
    expect(status.stdout).toContain(`(AES_256, key ${keyId}), material expiry recorded at import: `);
    expect(status.stdout).toContain(utc);
    expect(status.stdout).toMatch(
      /1\. keyferry online params --journal online\/journal\.jsonl --out \S+ [^]*2\. keyferry custody restore --bundle \S+ [^]*3\. keyferry online import with the wrapped-material bundle the restore wrote/,
    );
    expect(status.stdout).toContain('--bundle MEDIA/import-parameters-restore --expires EXPIRY');
    const params = await keyferry(['online', 'params', ...connection, '--out', 'media/import-parameters-2'], {
      cwd: ceremony,
      env,
    });
    expect(params.stderr).toBe('');
    expect(params.code).toBe(0);
    // The witness types the fresh bundle's digest, as `online params` printed it for reading aloud.
    const paramsDigest = paramsDigestFrom(params.stdout);
    expect(
      (await journalEntries(path.join(ceremony, 'online/journal.jsonl')))
        .filter((e) => e.event === 'key.material-lapsed')
        .map((e) => e.data.keyId),
    ).toEqual([keyId]);

    // 4. The restore ceremony, as real child processes. Refusals first: nothing but their journal is written.
    const share = (i: number) => shareFileIn(`custodian-${i}`, i, ceremony);
    const restoreArgs = (journal: string, out: string) => [
      'custody',
      'restore',
      '--bundle',
      'media/import-parameters-2',
      '--wrapped-out',
      out,
      '--journal',
      journal,
      '--operator',
      'Ana',
      '--witness',
      'Ben',
      '--witness-confirms',
      `Ben=${paramsDigest}`,
      '--allow-network',
      // The material had an expiry: a restore must choose one explicitly (here: never).
      '--expires',
      'never',
    ];
    const filesBefore = (await everyFile(ceremony)).sort();
    const tooFew = await runCli(
      [
        ...restoreArgs('airgap/restore-too-few.jsonl', 'media/wrapped-too-few'),
        '--share',
        share(2),
        '--share',
        share(4),
      ],
      { cwd: ceremony },
    );
    expect(tooFew.code).toBe(1);
    expect(tooFew.stderr).toContain('2 of the 3 shares needed were given');
    // Refused before the journal opened: no witness typed the digest for a restore that could not succeed.
    expect(tooFew.stdout).not.toContain('typed and confirmed');
    await expect(readFile(path.join(ceremony, 'airgap/restore-too-few.jsonl'), 'utf8')).rejects.toMatchObject({
      code: 'ENOENT',
    });

    const foreign = await otherCeremonySet('KF-20240101-abcdef', keyId, { m: 3, n: 5, custodians: CUSTODIANS });
    const foreignFolder = path.join(dir, 'foreign-custodian');
    await mkdir(foreignFolder);
    const written = { shareFile: { path: path.join(foreignFolder, 'keyferry-share-KF-20240101-abcdef-3of5.json') } };
    await writeFile(written.shareFile.path, encodeSetShareFile(foreign.shares[2]!));
    for (const s of foreign.shares) s.share.dispose();
    const mixed = await runCli(
      [
        ...restoreArgs('airgap/restore-mixed.jsonl', 'media/wrapped-mixed'),
        '--share',
        share(2),
        '--share',
        written!.shareFile.path,
        '--share',
        share(4),
      ],
      { cwd: ceremony },
    );
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('(ceremonies');
    expect(mixed.stderr).toContain('KF-20240101-abcdef');
    expect((await everyFile(ceremony)).sort()).toEqual(
      // The too-few attempt never opened its journal; the swapped share's attempt is journaled.
      [...filesBefore, path.join(ceremony, 'airgap/restore-mixed.jsonl')].sort(),
    );
    for (const [journal, code] of [['restore-mixed', 'CUSTODY_SET_SHARES_MIXED']] as const) {
      const entries = await journalEntries(path.join(ceremony, 'airgap', `${journal}.jsonl`));
      expect(entries.some((e) => e.data.code === code)).toBe(true);
      expect(entries.at(-1)?.event).toBe('ceremony.abandoned');
      expect((await verifyJournal(path.join(ceremony, 'airgap', `${journal}.jsonl`))).ok).toBe(true);
    }

    // Shares 2 and 4 as files, share 5 typed from its printed slip (a different subset than 1, 2, 3).
    const slip5 = shareFileIn('custodian-5', 5, ceremony).replace(/\.json$/, '.slip.txt');
    const restored = await runCli(
      [
        ...restoreArgs('airgap/restore-journal.jsonl', 'media/wrapped-material-2'),
        '--share',
        share(2),
        '--share',
        share(4),
        '--typed',
        slip5,
        '--presented-by',
        '4=Frank',
        '--receipt-dir',
        'airgap',
      ],
      { cwd: ceremony },
    );
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`${keyId}  AES_256  KCV ${splitKcv}`);
    expect(restored.stdout).toContain('Proven: every key');
    const digest = /bundle digest ([0-9A-F ]{79})/.exec(restored.stdout)?.[1] as string;
    expect(digest).toBeDefined();

    const restoreJournal = path.join(ceremony, 'airgap/restore-journal.jsonl');
    const events = await journalEntries(restoreJournal);
    expect(
      events
        .filter((e) => e.event === 'custody.share-presented')
        .map((e) => [e.data.shareIndex, e.data.custodian, e.data.presentedBy, e.data.source]),
    ).toEqual([
      [2, 'Bob', 'Bob', 'file'],
      [4, 'Dave', 'Frank', 'file'],
      [5, 'Erin', 'Erin', 'typed'],
    ]);
    expect(events.find((e) => e.event === 'custody.restored')?.data).toMatchObject({
      keyIds: [keyId],
      threshold: 3,
      total: 5,
      keys: [{ keyId, keyCheckValue: splitKcv }],
    });
    const restoreReceipt = (await readdir(path.join(ceremony, 'airgap'))).find((n) =>
      /^receipt-air-gapped-.*-session-2\.txt$/.test(n),
    ) as string;
    const receiptText = await readFile(path.join(ceremony, 'airgap', restoreReceipt), 'utf8');
    expect(receiptText).toContain('Custody set 1: rebuilt from 3 of 5 shares (any 3 suffice)');
    expect(receiptText).toContain('Share 4: Dave, presented by Frank');
    const seal = receiptJournalSeal(receiptText);
    expect((await verifyJournal(restoreJournal, { expectedHead: seal.head, expectedCount: seal.count })).ok).toBe(true);

    expect(restored.stdout).toContain('Requested material expiry: never (the online import uses it).');

    // 5. The online side re-imports with the expiry the restored bundle requests (never). The plan's
    // has passed, so that request replaces it and overrides nothing: no warning, no import.expiry-chosen
    // (the receipt lists no override). The key is Enabled and the old ciphertext decrypts.
    const reimport = await keyferry(
      ['online', 'import', ...connection, '--bundle', 'media/wrapped-material-2', '--expect-digest', digest],
      { cwd: ceremony, env },
    );
    expect(reimport.stderr).toBe('');
    expect(reimport.code).toBe(0);
    expect(reimport.stdout).not.toContain('WARNING');
    expect(reimport.stdout).not.toContain(`the ceremony plan said ${momentText('en', expiresAt)}`);
    expect(reimport.stdout).toContain(`imported AES_256 key ${keyId} (material expires: never; `);
    const chosen = (await journalEntries(path.join(ceremony, 'online/journal.jsonl'))).filter(
      (e) => e.event === 'import.expiry-chosen',
    );
    expect(chosen).toEqual([]);
    expect((await kms.describeKey(keyId)).materialExpiresAt).toBeUndefined();
    expect(reimport.stdout).toMatch(/Enabled {2}OK: /);
    expect((await kms.describeKey(keyId)).stateName).toBe('Enabled');
    expect((await kms.decryptData({ keyId, cipherText })).plainText).toBe(PLAINTEXT);
    const online = (await readdir(path.join(ceremony, 'online')))
      .filter((n) => n.startsWith('receipt-online-') && n.endsWith('.txt'))
      .sort();
    expect(online).toHaveLength(2);
    const reimportReceipt = await readFile(
      path.join(ceremony, 'online', online.find((n) => n.endsWith('-2.txt')) as string),
      'utf8',
    );
    // The lapse that made the re-import necessary is a deviation of its own (a trial's auditor found it only in the Bound material row).
    expect(reimportReceipt.replace(/\s+/g, ' ')).toMatch(
      new RegExp(`! Entry \\d+: Lapsed in the KMS, \\S.* \\(key\\.material-lapsed\\) .*Key id: ${keyId}`),
    );
    // How the KMS confirmed the import, in words (not the journal's bare value "answered").
    expect(reimportReceipt).toMatch(/Import result \.+ Imported \(the KMS answered\); key state Enabled/);
    // Both online receipts name the custody copy the checked bundle recorded: the split's shares, holders and set.
    const firstReceipt = await readFile(path.join(ceremony, 'online', online[0] as string), 'utf8');
    for (const receipt of [firstReceipt, reimportReceipt])
      expect(receipt.replace(/\s+/g, ' ')).toMatch(
        /Custody copy \.+ 3 of 5 shares, held by Alice, Bob, Carol, Dave, Erin, custody set [0-9A-F]{8} \(online journal entry \d+\)/,
      );
    const onlineSeal = receiptJournalSeal(reimportReceipt);
    expect(
      (
        await verifyJournal(path.join(ceremony, 'online/journal.jsonl'), {
          expectedHead: onlineSeal.head,
          expectedCount: onlineSeal.count,
        })
      ).ok,
    ).toBe(true);

    // 6. No file under the ceremony folder holds the material in any encoding (shares included).
    const patterns = needles(material);
    expect(patterns.some((p) => Buffer.from(`x${material.toString('hex').toUpperCase()}y`).includes(p))).toBe(true);
    const files = await everyFile(ceremony);
    expect(files.filter((f) => /keyferry-share-.*\.json$/.test(f))).toHaveLength(5);
    expect(files.length).toBeGreaterThan(30);
    const leaks: string[] = [];
    for (const file of files) {
      if ((await stat(file)).size > 32 * 1024 * 1024) continue;
      const bytes = await readFile(file);
      if (patterns.some((p) => bytes.includes(p))) leaks.push(path.relative(ceremony, file));
    }
    expect(leaks).toEqual([]);
    for (const m of materials) m.fill(0);
  }, 300_000);
});
