/**
 * Deviation reasons in the receipt's language: an air-gapped attempt whose live network is refused
 * and which the officer then abandons is run for real on a journal file; its receipt in zh-CN says
 * both reasons in Chinese (no English sentence in the Deviations section), in English as they were
 * said, and a journal line written before entries carried codes or phrases prints its recorded text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCause } from '../../../src-main/core/ceremony/airgap/session-stop';
import { AirGapCeremony } from '../../../src-main/core/ceremony/airgap/workflow';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import { renderReceiptHtml } from '../../../src-main/core/receipt/render-html';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import type { ReceiptInput } from '../../../src-main/core/receipt/types';
import { en } from '../../../src-main/i18n/catalogues/en';
import { zhCN } from '../../../src-main/i18n/catalogues/zh-CN';
import { phraseOf } from '../../../src-main/i18n/phrase';
import { englishSentences } from '../../cli/english-words';
import { APP } from '../ceremony/ceremony-fixture';
import { sampleReceiptInput } from './fixtures';
import { LIVE_WLAN } from '../../helpers/workstation';

let dir: string;
let entries: readonly JournalEntry[];
let refusedReason: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'keyferry-reasons-'));
  const journal = await openJournal(path.join(dir, 'air-gapped.jsonl'), { create: true });
  const start = () =>
    AirGapCeremony.start({
      journal,
      title: 'Reasons',
      operator: 'Alan',
      witnesses: ['Ben'],
      app: APP,
      interfaces: LIVE_WLAN,
    });
  const ceremony = await start();
  await expect(ceremony.checkNetwork()).rejects.toMatchObject({ code: 'AIRGAP_NETWORK_LIVE' });
  await ceremony.abandon({
    reason: 'abandoned by the operator',
    phrase: phraseOf('journal.reason.operator-abandoned'),
  });
  // A second attempt stopped by its problem, as the CLI stops one (problemCause).
  const second = await start();
  const stopped = await second.checkNetwork().catch((error: unknown) => error);
  await second.abandon(problemCause(stopped));
  entries = journal.entries;
  await journal.close();
  const refused = entries.find((e) => e.event === 'network.refused');
  refusedReason = String(refused?.data.reason);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function receiptOf(journalEntries: readonly JournalEntry[]): ReceiptInput {
  const deviations = receiptDeviations(journalEntries);
  const last = journalEntries.at(-1);
  return {
    ...sampleReceiptInput('air-gapped', ['AES_256']),
    deviations,
    journal: { headHash: last?.hash ?? '0'.repeat(64), count: journalEntries.length },
  };
}

/** The Deviations section of a plain-text receipt in zh-CN (from its banner to the seals). */
function deviationsText(input: ReceiptInput): string {
  const text = renderReceiptText(input, { language: 'zh-CN' });
  const start = text.indexOf(zhCN['receipt.deviations.headingCount'].split('{')[0] ?? '');
  const end = text.indexOf(zhCN['receipt.seals.heading'], start);
  expect(start).toBeGreaterThan(0);
  return text.slice(start, end);
}

/** An entry as a Keyferry before codes and phrases wrote it: only the English `reason`. */
function asWrittenBefore(entry: JournalEntry): JournalEntry {
  const { code: _code, values: _values, reasonPhrase: _phrase, ...data } = entry.data;
  return { ...entry, data };
}

describe('deviation reasons on receipts', () => {
  it('journals the code, values and phrase beside the English reason', () => {
    const refused = entries.find((e) => e.event === 'network.refused');
    const [abandoned, stopped] = entries.filter((e) => e.event === 'ceremony.abandoned');
    expect(refused?.data).toMatchObject({ code: 'AIRGAP_NETWORK_LIVE', reason: expect.stringMatching(/\w+ \w+ \w+/) });
    expect(abandoned?.data).toMatchObject({
      reason: 'abandoned by the operator',
      reasonPhrase: { key: 'journal.reason.operator-abandoned' },
    });
    expect(stopped?.data).toMatchObject({ code: 'AIRGAP_NETWORK_LIVE', reason: refusedReason });
  });

  it('a zh-CN receipt says both reasons in Chinese, no English sentence', () => {
    const section = deviationsText(receiptOf(entries));
    expect(section).toContain(zhCN['journal.reason.operator-abandoned']);
    expect(section).not.toContain(refusedReason);
    expect(section).not.toContain('abandoned by the operator');
    expect(section).toContain('AIRGAP_NETWORK_LIVE');
    expect(section.match(/条目 \d+：已放弃的尝试/g)).toHaveLength(2);
    expect(englishSentences(section)).toEqual([]);

    const html = renderReceiptHtml(receiptOf(entries), { language: 'zh-CN' });
    const visible = html
      .slice(html.indexOf('<section class="deviations"'))
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ');
    expect(visible).toContain(zhCN['journal.reason.operator-abandoned']);
    expect(englishSentences(visible.slice(0, visible.indexOf(zhCN['receipt.seals.heading'])))).toEqual([]);
  });

  it('an English receipt says them as they were said, each reason on its own (no ".;")', () => {
    const text = renderReceiptText(receiptOf(entries), { language: 'en' });
    expect(text).toContain(refusedReason.slice(0, 40));
    expect(text).toContain(en['journal.reason.operator-abandoned']);
    expect(text).not.toMatch(/\.;/);
    expect(renderReceiptHtml(receiptOf(entries), { language: 'en' })).not.toMatch(/\.;/);
  });

  it('an older line with only its English reason prints that text, marked as recorded', () => {
    const section = deviationsText(receiptOf(entries.map(asWrittenBefore)));
    const recorded = zhCN['receipt.deviations.recorded'].split('{')[0] ?? '';
    expect(section).toContain(`${recorded}abandoned by the operator`);
    expect(section.replace(/\s+/g, ' ')).toContain(`${recorded}${refusedReason.slice(0, 20)}`);
  });

  it('an online step.failed line written before it journaled `reason` prints its English `message`, marked as recorded', () => {
    const last = entries.at(-1);
    if (!last) throw new Error('no entries');
    const said = 'Huawei Cloud KMS refused the import (KMS.2601).';
    const older: JournalEntry = {
      ...last,
      seq: last.seq + 1,
      event: 'step.failed',
      data: { step: 'import-key-material', keyId: null, message: said },
    };
    const section = deviationsText(receiptOf([...entries, older]));
    const recorded = zhCN['receipt.deviations.recorded'].split('{')[0] ?? '';
    expect(section).toContain(`${recorded}${said}`);
  });
});
