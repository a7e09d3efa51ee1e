/**
 * Receipts an auditor can rely on alone: a ceremony whose journals hold refusals, overrides and an
 * abandoned attempt is run for real (simulator, bundles, journals), both receipts are printed by
 * Chromium to PDF and read back with pdftotext: both bundle digests, every person with what they
 * confirmed or hold, and each deviation (entry number and event) are on paper.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirGapCeremony } from '../../../../src-main/core/ceremony/airgap/workflow';
import { listDeviations } from '../../../../src-main/core/journal';
import { groupHexLines } from '../../../../src-main/core/hex-groups';
import { isMessageKey } from '../../../../src-main/i18n/catalogue';
import { english } from '../../../../src-main/i18n/translate';
import { journalEventPhrase } from '../../../../src-main/i18n/journal-events';
import { printerPerFile } from '../../../helpers/browser';
import { journalFileEntries } from '../../../helpers/journal-entries';
import { APP, OFFLINE, createFixture, onlineDayOne, type Fixture } from '../ceremony-fixture';
import { confirmEveryWitness } from '../witness-helpers';
import { LIVE_WLAN } from '../../../helpers/workstation';
import { receiptApp } from '../../../../src-main/core/ceremony/shared/journaled-receipt';
import { ReceiptWords, type ReceiptPhrase } from '../../../../src-main/core/receipt/language';

const OUT = path.resolve('test-results/receipts');
const printer = printerPerFile(OUT);
let f: Fixture;

beforeAll(async () => {
  f = await createFixture();
});
afterAll(async () => {
  await f?.close();
});

async function pdfText(html: string, name: string): Promise<string> {
  const pdf = path.join(OUT, `${name}.pdf`);
  await printer.print(html, pdf, 'A4');
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

const entriesOf = journalFileEntries;

describe('receipts from journals with deviations', () => {
  it('print both digests, every person with what they did, and each deviation, on both sides', async () => {
    const plan = f.plan(['AES_256', 'EC_P256']);
    const { params, written } = await onlineDayOne(f, plan);

    // Air-gapped, attempt 1: live network refused, then overridden; a wrong bundle digest typed; abandoned.
    const airJournal = await f.journal('airgap.jsonl');
    const first = await AirGapCeremony.start({ journal: airJournal, ...people(plan), app: APP, interfaces: LIVE_WLAN });
    await expect(first.checkNetwork()).rejects.toMatchObject({ code: 'AIRGAP_NETWORK_LIVE' });
    await first.checkNetwork({ allowNetwork: true });
    await first.readParametersBundle(params);
    await expect(first.confirmArtefact('Ben', 'ab'.repeat(32))).rejects.toMatchObject({
      code: 'WITNESS_DIGEST_MISMATCH',
    });
    await confirmEveryWitness(first, ['Ben', 'Chloé'], params);
    await first.preflight({ wrappedBundle: path.join(f.dir, 'wrapped-1'), receiptFolder: f.dir });
    await first.generateMaterial();
    await first.abandon('operator stopped: wrong media');

    // Attempt 2: offline, both witnesses confirm, custody shares on one volume (overridden).
    const air = await AirGapCeremony.start({ journal: airJournal, ...people(plan), app: APP, interfaces: OFFLINE });
    await air.checkNetwork();
    await air.readParametersBundle(params);
    await confirmEveryWitness(air, ['Ben', 'Chloé'], params);
    const shares = path.join(f.dir, 'shares');
    await fs.mkdir(path.join(shares, 'a'), { recursive: true });
    await fs.mkdir(path.join(shares, 'b'), { recursive: true });
    const wrappedDir = path.join(f.dir, 'wrapped');
    const airReceiptDir = path.join(f.dir, 'air-receipt');
    await fs.mkdir(airReceiptDir);
    await air.preflight({
      wrappedBundle: wrappedDir,
      receiptFolder: airReceiptDir,
      custodianFolders: [path.join(shares, 'a'), path.join(shares, 'b')],
      allowSameVolume: true,
    });
    await air.generateMaterial();
    await air.splitCustody({
      m: 2,
      n: 2,
      custodians: ['Dora Custodian', 'Emil Custodian'],
      folders: [path.join(shares, 'a'), path.join(shares, 'b')],
      allowSameVolume: true,
    });
    await air.wrap();
    const wrapped = await air.writeWrappedBundle(wrappedDir);
    const airReceipt = await air.writeReceipt(airReceiptDir);

    // Online, day 2: import with an expiry override, verify, receipt.
    const onlineJournal = await f.journal('online.jsonl');
    const online = await f.online(onlineJournal, plan);
    await online.connect();
    await online.checkWrappedBundle(wrappedDir, {
      expectedDigest: wrapped.manifestSha256,
      source: 'air-gapped-receipt',
    });
    await online.importMaterial({ expiry: { kind: 'at', at: new Date(Date.now() + 30 * 86_400_000) } });
    await online.verifyKeys();
    const onlineReceiptDir = path.join(f.dir, 'online-receipt');
    await fs.mkdir(onlineReceiptDir);
    const onlineReceipt = await online.writeReceipt(onlineReceiptDir);

    const sides = [
      { name: 'air-gapped', receipt: airReceipt, journal: path.join(f.dir, 'airgap.jsonl') },
      { name: 'online', receipt: onlineReceipt, journal: path.join(f.dir, 'online.jsonl') },
    ];
    for (const side of sides) {
      const html = await fs.readFile(side.receipt.htmlFile, 'utf8');
      const text = await pdfText(html, `receipt-from-journal-${side.name}`);
      const twin = await fs.readFile(side.receipt.textFile, 'utf8');
      for (const digest of [written.manifestSha256, wrapped.manifestSha256, side.receipt.journalHead])
        for (const line of groupHexLines(digest)) {
          expect(text).toContain(line);
          expect(twin).toContain(line);
        }
      for (const person of ['Ana', 'Ben', 'Chloé']) expect(text).toContain(person);
      expect(text).toContain('Test ceremony');
      const entries = (await entriesOf(side.journal)).slice(0, side.receipt.journalCount);
      const deviations = listDeviations(entries);
      expect(text).toMatch(new RegExp(`DEVIATIONS: ${deviations.length}\\b`, 'i'));
      for (const { entry, kind } of deviations) {
        const key = `receipt.deviationKind.${kind}`;
        if (!isMessageKey(key)) throw new Error(`no receipt name for deviation kind ${kind}`);
        const label = english.message({ key });
        // The PDF's table: the entry number and the kind on one line, the event name below.
        expect(text).toMatch(new RegExp(`^\\s*${entry.seq}\\s+${label.split(' ')[0]}\\b`, 'm'));
        expect(text).toContain(entry.event);
        // The event in words, its journal name beside it (a code, never translated).
        const eventLabel = english.message(journalEventPhrase(entry.event));
        expect(eventLabel).not.toBe(entry.event);
        expect(twin).toContain(`  ! Entry ${entry.seq}: ${label}, ${eventLabel} (${entry.event})\n`);
      }
      if (side.name === 'air-gapped') {
        expect(deviations.map((d) => d.entry.event)).toEqual([
          'network.refused',
          'warning.network-allowed',
          'witness.refused',
          'ceremony.abandoned',
          'warning.custody-same-volume',
        ]);
        // What each person confirmed or holds, citing the journal entry.
        // One confirmation per witness per session: the bundle digest, whatever the number of keys.
        const confirmed = entries.filter((e) => e.event === 'witness.confirmed' && e.actor === 'Chloé');
        expect(confirmed).toHaveLength(2);
        const flowing = twin.replace(/\s+/g, ' ');
        expect(flowing).toContain(
          `entry ${confirmed[1]?.seq}: typed the import-parameters bundle digest ${groupHexLines(written.manifestSha256)[0]} …, which binds the wrapping keys and import tokens of 2 keys, as read aloud from the online workstation`,
        );
        const refused = entries.find((e) => e.event === 'witness.refused');
        expect(refused?.actor).toBe('Ben');
        expect(flowing).toMatch(
          new RegExp(
            `entry ${refused?.seq}: typed a value that differs from the import-parameters bundle digest in 1[3-6] of 16 groups \\(not a typing slip\\); refused`,
          ),
        );
        // The Deviations section says the refusal in the same words, not as its raw fields.
        const from = twin.indexOf(`! Entry ${refused?.seq}: `);
        const deviation = twin.slice(from, twin.indexOf('! Entry', from + 1)).replace(/\s+/g, ' ');
        expect(deviation).toMatch(/differs from the import-parameters bundle digest in 1[3-6] of 16 groups/);
        expect(deviation).not.toMatch(/Differing groups|Number: |Confirmed: /);
        expect(flowing).toContain('each confirmation listed under my name above is one I typed myself');
        expect(flowing).not.toContain('every fingerprint');
        expect(text).toContain(`entry ${confirmed[1]?.seq}: typed the import-parameters bundle digest`);
        for (const custodian of ['Dora Custodian', 'Emil Custodian']) expect(text).toContain(custodian);
        expect(twin).toMatch(
          /Custodian: Dora Custodian\n {4}- entry \d+: holds share 1 of 2 of the ceremony’s custody set \(the\s+material\s+of\s+2\s+keys\s+or\s+replica\s+groups,\s+backup\s+digest\s+[0-9A-F]{4}(\s+[0-9A-F]{4}){3}…;\s+any\s+2\s+rebuild\s+them\)/,
        );
        expect(twin).toMatch(
          /Custodian: Emil Custodian\n {4}- entry \d+: holds share 2 of 2 of the ceremony.s custody set/,
        );
      } else {
        expect(deviations.map((d) => d.entry.event)).toEqual(['import.expiry-chosen']);
        // Witnesses type nothing online: the receipt says where their confirmations are, not that they are missing.
        expect(twin.replace(/\s+/g, ' ')).toContain(
          'present; witnesses type nothing on the online workstation: their confirmations of the import-parameters bundle digest are on the air-gapped receipt',
        );
        expect(twin).not.toContain('the journal records no confirmation typed by this witness');
      }
    }
  });
});

function people(plan: { title: string; operator: string; witnesses: readonly string[] }) {
  return { title: plan.title, operator: plan.operator, witnesses: plan.witnesses };
}

describe('the receipt’s code line', () => {
  it('says the code that wrote it in the receipt’s language, hex as it is', () => {
    const digest = 'ab'.repeat(32);
    const code = receiptApp({
      version: '1.0.0',
      build: 'dev',
      code: { kind: 'sources', digest, commit: 'c0ffee'.repeat(7) },
    }).code as ReceiptPhrase;
    expect(ReceiptWords.phraseText('en', code)).toBe(`commit c0ffeec0ffee, sources SHA-256 ${digest}`);
    expect(ReceiptWords.phraseText('zh-CN', code)).toBe(`提交 c0ffeec0ffee，源代码 SHA-256 ${digest}`);
    const packaged = receiptApp({ version: '1.0.0', build: '7', code: { kind: 'asar', digest } }).code as ReceiptPhrase;
    expect(ReceiptWords.phraseText('zh-CN', packaged)).toBe(`app.asar 头部 SHA-256 ${digest}`);
  });
});
