/**
 * The keys a stopped attempt wiped, named on the next receipt: a stop mid-wrap wipes some keys as they
 * were wrapped and the rest at the stop. A journal of a build before 2026-12-07 records the stop's
 * keys as a count only (no `wipedKeyIds`): the receipt names the keys the journal names and says how
 * many more it does not, never a part of them as if it were all.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal, type JournalEntry, type JsonObject } from '../../../src-main/core/journal';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import { renderReceiptHtml } from '../../../src-main/core/receipt/render-html';
import { airGapDeviationText, sampleReceiptInput } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'kf-wiped-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const k1 = '11111111-1111-1111-1111-111111111111';
const k2 = '22222222-2222-2222-2222-222222222222';
const k3 = '33333333-3333-3333-3333-333333333333';

/** A session that read two keys, wrapped and wiped the first, and was stopped holding the second. */
async function stoppedMidWrap(
  stopData: Record<string, unknown>,
  abandonedData?: JsonObject,
): Promise<readonly JournalEntry[]> {
  const journal = await openJournal(path.join(dir, 'airgap.jsonl'), { create: true });
  await journal.append('Li Na', 'ceremony.session-started', {});
  await journal.append('Li Na', 'parameters.read', {
    keys: [
      { keyId: k1, alias: 'alias/pay' },
      { keyId: k2, alias: 'alias/hr' },
    ],
  });
  await journal.append('Li Na', 'material.wiped', { keyIds: [k1] });
  await journal.append('Li Na', 'ceremony.interrupted', { signal: 'SIGINT', state: 'wrapping', ...stopData });
  if (abandonedData) await journal.append('Li Na', 'ceremony.abandoned', abandonedData);
  const entries = journal.entries;
  await journal.close();
  return entries;
}

const deviationText = airGapDeviationText;

describe('the keys a stopped attempt wiped, on the next receipt', () => {
  it('names every key when the stop journaled their ids', async () => {
    const text = deviationText(await stoppedMidWrap({ wipedKeys: 1, wipedKeyIds: [k2] }), 'en');
    expect(text).toContain(`the keys named: alias/pay (${k1}), alias/hr (${k2})`);
  });

  it('says how many keys an older journal does not name, in English and Chinese, not a part as if it were all', async () => {
    const entries = await stoppedMidWrap({ wipedKeys: 1 });
    const en = deviationText(entries, 'en');
    expect(en).toContain(
      `Key material wiped in this attempt: 2 keys: 1 as it was wrapped (journal entry 3), 1 still held when it stopped; the journal names 1 of them: alias/pay (${k1}) (the build that journaled the stop recorded the others as a count only)`,
    );
    expect(en).not.toContain('the keys named:');
    const zh = deviationText(entries, 'zh-CN').replace(/\s+/g, '');
    expect(zh).toContain(`；日志只列出其中1个：alias/pay（${k1}）（记录停止的版本只记录了其余密钥的数量）`);
  });

  it('names the keys in Chinese brackets on a Chinese receipt, and an id alone where no alias is recorded', async () => {
    const entries = await stoppedMidWrap({ wipedKeys: 2, wipedKeyIds: [k2, k3] });
    const zh = deviationText(entries, 'zh-CN');
    expect(zh.replace(/\s+/g, '')).toContain(`这些密钥是：alias/pay（${k1}）、alias/hr（${k2}）、${k3}`);
    expect(zh).not.toMatch(/alias\/\w+ ?\(/);
    // The printed (HTML) receipt too: each key in words, never the phrases' JSON.
    const input = { ...sampleReceiptInput('air-gapped', ['AES_256']), deviations: receiptDeviations(entries) };
    const html = renderReceiptHtml(input, { language: 'zh-CN' });
    expect(html.replace(/<[^>]+>/g, '')).toContain(`这些密钥是：alias/pay（${k1}）、alias/hr（${k2}）、${k3}`);
    expect(html).not.toContain('receipt.deviations.wipedKey');
  });

  // Attack round: a stop journaled as interrupted, then as abandoned once withdrawn, named the wiped keys
  // under both (a tally of the receipt counted them twice).
  it('names the keys a stop wiped once, under the stop, not again under the abandoned entry after it', async () => {
    const stop = { wipedKeys: 1, wipedKeyIds: [k2] };
    const entries = await stoppedMidWrap(stop, { reason: 'stopped', state: 'wrapping', ...stop });
    const en = deviationText(entries, 'en');
    expect(en.split('Key material wiped in this attempt')).toHaveLength(2);
    const interrupted = en.indexOf('(ceremony.interrupted)');
    const abandoned = en.indexOf('(ceremony.abandoned)');
    expect(interrupted).toBeGreaterThan(0);
    expect(en.indexOf('Key material wiped in this attempt: 2 keys')).toBeGreaterThan(interrupted);
    expect(en.indexOf('Key material wiped in this attempt')).toBeLessThan(abandoned);
    expect(en.slice(abandoned)).not.toContain(k2);
  });

  // Officer walk-through: a refusal before any material (the preflight's) printed "Key material wiped
  // in this attempt: 0 keys", as if something had been held.
  it('says nothing of wiping when the attempt stopped before any material was held', async () => {
    const journal = await openJournal(path.join(dir, 'refused.jsonl'), { create: true });
    await journal.append('Li Na', 'ceremony.session-started', {});
    await journal.append('Li Na', 'preflight.refused', {
      code: 'CUSTODY_DESTINATION_MISSING',
      index: 1,
      folder: '/m/c1',
    });
    await journal.append('Li Na', 'ceremony.abandoned', { reason: 'preflight refused', wipedKeys: 0, state: 'new' });
    const entries = journal.entries;
    await journal.close();
    const en = deviationText(entries, 'en');
    expect(en).toContain('Ceremony step:');
    expect(en).not.toMatch(/wiped/i);
    const zh = deviationText(entries, 'zh-CN');
    expect(zh).toContain('仪式步骤');
    expect(zh).not.toContain('擦除');
  });
});
