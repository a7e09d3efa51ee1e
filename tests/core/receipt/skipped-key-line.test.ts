/**
 * A key of a wrapped bundle left out of its import (`wrapped-bundle.key-skipped`), as the online
 * receipt lists it: the officer walk-through found the screen’s sentence on the receipt (“the skip
 * is journaled and printed on the receipt”, on the receipt itself) and its raw values after it,
 * lowercase hex beside grouped hex, ending “… and 1 more value, left out here”. The receipt says
 * what was left out, why, and of which bundle, every hex value grouped as the receipt prints hex.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openJournal, type JournalEntry } from '../../../src-main/core/journal';
import { receiptDeviations } from '../../../src-main/core/receipt/deviation-facts';
import { renderReceiptText } from '../../../src-main/core/receipt/render-text';
import type { ReceiptLanguage } from '../../../src-main/core/receipt/language';
import { sampleReceiptInput } from './fixtures';

const keyId = '0d0466b0-e727-4d9c-b35d-f84bb474a37f';
const manifest = 'ab'.repeat(32);
const later = 'cd'.repeat(32);
const importedAt = '2026-12-07T09:15:00.000Z';

/** An online journal: rsa imported from a later wrap (entry 2), then left out of the first bundle’s import. */
async function skippedJournal(): Promise<readonly JournalEntry[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kf-key-skipped-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const journal = await openJournal(path.join(dir, 'online.jsonl'), { create: true });
  await journal.append('Ana', 'ceremony.session-started', {});
  const imported = await journal.append('Ana', 'key.imported', { keyId });
  await journal.append('Ana', 'wrapped-bundle.key-skipped', {
    folder: '/media/usb/wrapped-1',
    manifestSha256: manifest,
    keyId,
    keyCheckValue: null,
    publicKeyFingerprint: 'ef'.repeat(32),
    held: 'other',
    heldFromBundle: later,
    importedSeq: imported.seq,
    reasonPhrase: {
      key: 'warning.WRAPPED_KEY_SKIPPED',
      values: {
        alias: 'app/rsa',
        keyId,
        held: 'other',
        digest: later.toUpperCase().replace(/(.{4})(?!$)/g, '$1 '),
        at: Date.parse(importedAt),
        seq: imported.seq,
      },
    },
  });
  const entries = journal.entries;
  await journal.close();
  return entries;
}

/** The receipt’s Deviations entry of the skip, whitespace folded. */
function skipLine(entries: readonly JournalEntry[], language: ReceiptLanguage): string {
  const input = { ...sampleReceiptInput('online', ['RSA_2048']), deviations: receiptDeviations(entries) };
  const text = renderReceiptText(input, { language }).replace(/\s+/g, ' ');
  const start = text.indexOf('Entry 3:') === -1 ? text.indexOf('条目 3') : text.indexOf('Entry 3:');
  expect(start).toBeGreaterThan(0);
  return text.slice(
    start,
    text.indexOf('SEALS', start) === -1 ? text.indexOf('封', start) : text.indexOf('SEALS', start),
  );
}

const grouped = (hex: string) => hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');

describe('a key left out of an import, on the online receipt', () => {
  it('says which key of which bundle was left out and why, its hex grouped, and not the screen’s sentence', async () => {
    const entries = await skippedJournal();
    const line = skipLine(entries, 'en');
    expect(line).toContain(
      `Key app/rsa (${keyId}) was left out of the import of the wrapped-material bundle /media/usb/wrapped-1 (digest ${grouped(manifest)}): it held other material, imported from the wrapped-material bundle ${grouped(later)} at 2026-12-07 09:15:00 UTC (online journal entry 2), a later wrap. What this bundle holds for this key will never be imported; do not destroy a custody set on this line alone. Public-key fingerprint of what was left out: ${grouped('ef'.repeat(32))}.`,
    );
    expect(line).not.toContain('printed on the receipt');
    expect(line).not.toContain('left out here');
    expect(line).not.toContain(later);
    const zh = skipLine(entries, 'zh-CN');
    expect(zh).toContain(
      `密钥 app/rsa（${keyId}）未随已包装密钥材料包 /media/usb/wrapped-1（摘要 ${grouped(manifest)}）导入：它持有其他密钥材料`,
    );
    expect(zh).toContain(`未导入的密钥材料的公钥指纹：${grouped('ef'.repeat(32))}。`);
    expect(zh).not.toContain('打印在回执上');
  });
});
