/**
 * A deviation's data in words, never as JSON: an online ceremony whose import overrides the material
 * expiry (import.expiry-chosen) and whose material is then deleted (material.loss-acknowledged) is
 * run for real against the simulator; its receipts in zh-CN and en say which key, which expiry as a
 * moment and where it was chosen, and the loss's consequence in the receipt's language, with no `{"`
 * in the Deviations section. A journal line written before the consequence became a code prints
 * its English text as recorded.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { journaledKmsCall } from '../../../src-main/core/ceremony/online/step-context';
import { KeyferryError } from '../../../src-main/core/errors';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { renderReceiptHtml } from '../../../src-main/core/receipt/render-html';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import type { ReceiptInput } from '../../../src-main/core/receipt/types';
import { en } from '../../../src-main/i18n/catalogues/en';
import { zhCN } from '../../../src-main/i18n/catalogues/zh-CN';
import { momentText } from '../../../src-main/i18n/moment';
import { airGapSide, createFixture, onlineDayOne, receiptDigestOf, type Fixture } from '../ceremony/ceremony-fixture';
import { sampleReceiptInput, withoutKeptWhole } from './fixtures';

let f: Fixture;
let keyId: string;
let entries: readonly JournalEntry[];
const receipts: Partial<Record<ReceiptLanguage, string>> = {};
// Whole minutes, 40 days ahead: the moment printed to the minute is this very moment.
const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 40 * 86_400_000);

beforeAll(async () => {
  f = await createFixture();
  const plan = f.plan(['AES_256']);
  const { params } = await onlineDayOne(f, plan);
  const { out } = await airGapSide(f, plan, params);
  const journal = await f.journal('online.jsonl');
  const online = await f.online(journal, plan);
  await online.connect();
  await online.checkWrappedBundle(out, await receiptDigestOf(out));
  const [imported] = await online.importMaterial({ expiry: { kind: 'at', at } });
  keyId = imported?.keyId as string;
  await online.verifyKeys();
  const written = await online.writeReceipt(f.dir, { language: 'zh-CN' });
  receipts['zh-CN'] = await readFile(written.textFile, 'utf8');
  receipts.en = renderReceiptText(receiptOf(journal.entries), { language: 'en' });
  await online.deleteMaterial(keyId, { lossAcknowledged: true, confirmedKeyId: keyId });
  entries = journal.entries;
}, 120_000);
afterAll(async () => {
  await f.close();
});

/** The Deviations section of a text receipt: from its banner to the seals. */
function deviationsOf(text: string, words: Readonly<Record<string, string>>): string {
  const start = text.indexOf(words['receipt.deviations.headingCount']?.split('{')[0] ?? '');
  const end = text.indexOf(words['receipt.seals.heading'] ?? '', start);
  expect(start).toBeGreaterThan(0);
  return text.slice(start, end);
}

function receiptOf(journalEntries: readonly JournalEntry[]): ReceiptInput {
  return { ...sampleReceiptInput('online', ['AES_256']), deviations: receiptDeviations(journalEntries) };
}

describe('deviation data on receipts', () => {
  it('journals the expiry choice and the loss’s consequence as codes and moments', () => {
    expect(entries.find((e) => e.event === 'import.expiry-chosen')?.data).toEqual({
      keys: [{ keyId, requested: 'never', plan: 'never', effective: at.toISOString(), source: 'override' }],
    });
    expect(entries.find((e) => e.event === 'material.loss-acknowledged')?.data).toMatchObject({
      keyId,
      consequence: 'lost-for-ever',
    });
  });

  it('the zh-CN receipt says the expiry choice in Chinese, the expiry as a moment, no JSON', () => {
    const section = deviationsOf(receipts['zh-CN'] ?? '', zhCN);
    expect(section.replace(/\s+/g, '')).toContain(
      `密钥 ${keyId}：密钥材料于 ${momentText('zh-CN', at)} 到期，由导入时的选择决定，取代已包装密钥材料包所请求的（永不过期）；仪式计划为永不过期。`.replace(
        /\s+/g,
        '',
      ),
    );
    expect(section).not.toContain('{"');
    expect(section).not.toContain(at.toISOString());
  });

  it('the English receipt says the same in English', () => {
    const section = deviationsOf(receipts.en ?? '', en).replace(/\s+/g, ' ');
    expect(section).toContain(
      `Key ${keyId}: the material expires ${momentText('en', at)}, chosen at import over what the wrapped-material bundle requests (never); the ceremony plan said never.`,
    );
    expect(section).not.toContain('{"');
  });

  it('prints the loss’s consequence in the receipt’s language (text and HTML)', () => {
    const zh = deviationsOf(renderReceiptText(receiptOf(entries), { language: 'zh-CN' }), zhCN);
    expect(zh.replace(/\n\s+/g, '')).toContain('如果没有该密钥材料的保管副本，该密钥下的所有密文将永远无法解密。');
    expect(zh).not.toContain('{"');
    expect(zh).not.toContain('lost-for-ever');
    const html = renderReceiptHtml(receiptOf(entries), { language: 'en' });
    const section = withoutKeptWhole(
      html.slice(
        html.indexOf('<section class="deviations"'),
        html.indexOf('</section>', html.indexOf('<section class="deviations"')),
      ),
    );
    expect(section).toContain(
      'Without a custody copy of this material, every ciphertext under the key is unreadable for ever.',
    );
    expect(section).toContain(`Key <bdi>${keyId}</bdi>: the material expires`);
    expect(section).not.toContain('{&quot;');
  });

  it('a line journaled before the consequence was a code prints its English text as recorded', async () => {
    const journal = await openJournal(path.join(f.dir, 'older.jsonl'), { create: true });
    const said =
      'no custody copy: after the material expires in the KMS it cannot be imported again and every ciphertext under the key is unreadable';
    await journal.append('Alan', 'material.no-backup-acknowledged', {
      keyIds: [keyId],
      expiresAt: at.toISOString(),
      consequence: said,
    });
    const older = journal.entries;
    await journal.close();
    const zh = deviationsOf(renderReceiptText(receiptOf(older), { language: 'zh-CN' }), zhCN).replace(/\n\s+/g, ' ');
    expect(zh).toContain(`日志记录的原文：“${said}”`);
  });

  it('a witness refusal journaled by an older build with its artefact as English text prints that text as recorded', async () => {
    const journal = await openJournal(path.join(f.dir, 'older-refusal.jsonl'), { create: true });
    const said =
      'Witness Chloé has not confirmed the import-parameters bundle digest (it binds the wrapping keys and import tokens of 1 key); every named witness confirms for themselves and nobody can be skipped. No material exists yet.';
    await journal.append('Ana', 'ceremony.abandoned', {
      code: 'WITNESS_CONFIRMATION_MISSING',
      reason: said,
      values: {
        count: 1,
        pendingList: '["Chloé"]',
        artefactText: 'the import-parameters bundle digest (it binds the wrapping keys and import tokens of 1 key)',
      },
    });
    const older = journal.entries;
    await journal.close();
    const zh = deviationsOf(renderReceiptText(receiptOf(older), { language: 'zh-CN' }), zhCN).replace(/\n\s+/g, ' ');
    expect(zh).toContain(`日志记录的原文：“${said}”`);
    expect(zh).not.toContain('{artefactPhrase}');
    // The values that no longer fit today's text are not printed again, raw, beside the text that says them.
    expect(zh).not.toContain('artefactText');
    expect(zh).not.toContain('pendingList');
  });

  it('a witness refusal journaled before its message said which bundle was typed prints in the receipt’s language', async () => {
    const journal = await openJournal(path.join(f.dir, 'older-other-bundle.jsonl'), { create: true });
    const said = 'Ben typed the digest of the import-parameters bundle in /m/params-2, beside the one read here.';
    // As an older build journaled it: no `kind` (only a parameters bundle's digest was typed then).
    await journal.append('Ana', 'witness.refused', {
      code: 'WITNESS_TYPED_OTHER_BUNDLE',
      reason: said,
      values: { witness: 'Ben', folder: '/m/params-2', other: 'AAAA', bundleCeremony: 'same' },
    });
    const older = journal.entries;
    await journal.close();
    const zh = deviationsOf(renderReceiptText(receiptOf(older), { language: 'zh-CN' }), zhCN).replace(/\n\s+/g, ' ');
    expect(zh).toContain('Ben 输入的是 /m/params-2 中导入参数包的摘要');
    expect(zh).not.toContain(said);
  });
  // Attack round: "步骤失败，步骤失败（step.failed）" and "Step: import-key-material" on the receipt.
  it('a failed KMS call reads as its kind once and names the step in words, in both languages', async () => {
    const journal = await openJournal(path.join(f.dir, 'failed-step.jsonl'), { create: true });
    const refused = journaledKmsCall(journal, 'Alan', 'import-key-material', keyId, () =>
      Promise.reject(new KeyferryError('KMS_CONNECTION_REFUSED', { host: '127.0.0.1:47150' })),
    );
    await expect(refused).rejects.toMatchObject({ code: 'KMS_CONNECTION_REFUSED' });
    const failed = journal.entries;
    await journal.close();
    const zh = deviationsOf(renderReceiptText(receiptOf(failed), { language: 'zh-CN' }), zhCN);
    expect(zh).toContain('! 条目 1：步骤失败（step.failed）');
    expect(zh.replace(/\s+/g, '')).toContain('失败的步骤：导入密钥材料（KMS调用import-key-material）。');
    expect(zh).not.toContain('步骤：import-key-material');
    const english = deviationsOf(renderReceiptText(receiptOf(failed), { language: 'en' }), en);
    expect(english).toContain('! Entry 1: Failed step (step.failed)');
    expect(english.replace(/\s+/g, ' ')).toContain(
      'The step that failed: importing the key material (KMS call import-key-material).',
    );
    const html = renderReceiptHtml(receiptOf(failed), { language: 'zh-CN' });
    expect(html).toContain('<strong>步骤失败</strong><br><code><bdi>step.failed</bdi></code>');
  });

  it('a refused wrapped bundle says who made it in words, and leaves out an empty list (walker F7)', async () => {
    const journal = await openJournal(path.join(f.dir, 'refused.jsonl'), { create: true });
    await journal.append('Alan', 'wrapped-bundle.refused', {
      folder: '/media/usb/wrapped',
      code: 'WRAPPED_OTHER_CEREMONY',
      digestSource: 'air-gapped-receipt',
      differingGroups: [],
      madeBy: {
        purpose: 'wrap',
        operator: 'Ana',
        witnesses: ['Ben'],
        journalFile: 'airgap.jsonl',
        journalFirstEntrySha256: 'ab'.repeat(32),
      },
    });
    const refused = journal.entries;
    await journal.close();
    const text = deviationsOf(renderReceiptText(receiptOf(refused), { language: 'en' }), en).replace(/\n\s+/g, ' ');
    expect(text).toContain(
      'Wrapped on the air-gapped side by operator Ana with witness Ben, in the air-gapped journal airgap.jsonl (first entry ABAB ABAB ABAB ABAB), as the bundle states.',
    );
    expect(text).not.toContain('Purpose');
    expect(text).not.toContain('Differing groups');
    const zh = deviationsOf(renderReceiptText(receiptOf(refused), { language: 'zh-CN' }), zhCN);
    expect(zh).not.toContain('wrap,');
  });

  // Seen in a hand run: Ctrl-C while three keys were being verified at once journaled the stop, then
  // the verification already under way (it finished while the stop was being recorded); the receipt
  // said "the entry before this one is the last step done", which the very next entry contradicted.
  it('a stop with steps journaled after it by the same session names them; a stop with none says so', async () => {
    const journal = await openJournal(path.join(f.dir, 'stopped.jsonl'), { create: true });
    await journal.append('Alan', 'ceremony.session-started', {});
    await journal.append('Alan', 'key.imported', { keyId });
    await journal.append('system', 'ceremony.interrupted', { signal: 'SIGINT', stop: 'between-steps' });
    await journal.append('Alan', 'key.verified', { keyId, keyState: 'Enabled' });
    await journal.append('Alan', 'ceremony.session-started', {});
    await journal.append('system', 'ceremony.interrupted', { signal: 'SIGINT', stop: 'between-steps' });
    await journal.append('Alan', 'ceremony.session-started', {});
    await journal.append('Alan', 'key.verified', { keyId, keyState: 'Enabled' });
    const stopped = journal.entries;
    await journal.close();
    const text = deviationsOf(renderReceiptText(receiptOf(stopped), { language: 'en' }), en).replace(/\s+/g, ' ');
    const [first, second] = stopped.filter((e) => e.event === 'ceremony.interrupted');
    const firstNote = text.slice(text.indexOf(`Entry ${first?.seq}:`), text.indexOf(`Entry ${second?.seq}:`));
    expect(firstNote).toContain(
      `One step already running when the stop came finished while it was being recorded, and is journaled after it: entry ${(first?.seq ?? 0) + 1}.`,
    );
    expect(firstNote).not.toContain('last step done');
    expect(text.slice(text.indexOf(`Entry ${second?.seq}:`))).toContain(
      'Nothing of the stopped session was journaled after it (what follows is a later run). A KMS call under way may still have taken effect without an entry: the next run asks the KMS what took effect before sending anything again.',
    );
    const zh = deviationsOf(renderReceiptText(receiptOf(stopped), { language: 'zh-CN' }), zhCN).replace(/\s+/g, '');
    expect(zh).toContain(`停止时已在运行的1个步骤在记录停止期间完成，记在本条目之后：条目${(first?.seq ?? 0) + 1}。`);
  });

  // A trial: the screen's stop line named the last step journaled ("after step Witness confirmed"), the
  // receipt only the ceremony's state ("import parameters read"), two answers to where it stopped.
  it('a stop names the step it came after, as the stop line on the screen did, beside the ceremony step', async () => {
    const journal = await openJournal(path.join(f.dir, 'stopped-at-witness.jsonl'), { create: true });
    await journal.append('Li Na', 'ceremony.session-started', {});
    const confirmed = await journal.append('Wang Qiang', 'witness.confirmed', {});
    await journal.append('Li Na', 'ceremony.interrupted', { signal: 'SIGINT', state: 'parameters-read', wipedKeys: 0 });
    const stopped = journal.entries;
    await journal.close();
    const text = deviationsOf(renderReceiptText(receiptOf(stopped), { language: 'en' }), en).replace(/\s+/g, ' ');
    expect(text).toContain(
      `Ceremony step: import parameters read; stopped after “Witness confirmed” (entry ${confirmed.seq}, by Wang Qiang)`,
    );
    const zh = deviationsOf(renderReceiptText(receiptOf(stopped), { language: 'zh-CN' }), zhCN).replace(/\s+/g, '');
    expect(zh).toContain(`仪式步骤：已读取导入参数；在“见证人已确认”（条目${confirmed.seq}，由WangQiang记录）之后停止`);
  });

  it('details too long for the receipt end on a whole value and say how many more the journal entry holds', async () => {
    const journal = await openJournal(path.join(f.dir, 'wrapped-again.jsonl'), { create: true });
    const earlier = [1, 2, 3].map((session) => ({
      backupDigest: 'c9e4f4d6ea7ad0ef801e46909f3d3cd8c1d374606d6b33cf71cc3ccdbc78a1cb',
      bundleDigest: '6ecf746eaa02b91865a2911a205c2b56407f5ab583370749ee2f7fc83ebaea12',
      custodians: ['Ana', 'Ben', 'Carol'],
      folder: `/media/usb/wrapped-${session}`,
      receipt: `receipt-air-gapped-KF-20261204-drmnlz-session-${session}.txt`,
      session,
      tokensUntil: '2026-12-05T12:00:00.000Z',
    }));
    const entry = await journal.append('Ana', 'wrap.repeated', {
      earlier,
      grounds: 'reason',
      wrapAgainReason: 'media lost',
      reason: 'media lost',
    });
    await journal.close();
    const text = deviationsOf(renderReceiptText(receiptOf(journal.entries), { language: 'en' }), en).replace(
      /\s+/g,
      ' ',
    );
    // The first earlier wrap whole, down to its last value; the two others left out, and said so (its
    // grounds and the officer's reason are said in words, not among the values).
    expect(text).toContain(
      `Session: 1, Import tokens valid until: 2026-12-05 13:00:00 UTC+01:00 (Europe/Berlin) (2026-12-05 12:00:00 UTC)) … and 2 more values, left out here: journal entry ${entry.seq} holds every value.`,
    );
    expect(text).not.toContain('wrapped-2');
    const zh = deviationsOf(renderReceiptText(receiptOf(journal.entries), { language: 'zh-CN' }), zhCN).replace(
      /\s+/g,
      '',
    );
    expect(zh).toContain(`……另有2个值未在此列出：日志条目${entry.seq}记录了全部的值。`);
  });
});
