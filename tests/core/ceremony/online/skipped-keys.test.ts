/**
 * The line that names a key left out of an import (it holds a later wrap's material) and what the
 * journal keeps of it: the bundle and time of the material it holds, other material or the same,
 * in both languages; a journal that recorded no bundle for that import says so with "?", not a crash.
 */
import { describe, expect, it } from 'vitest';
import { skippedKeyData, skippedKeyWarning } from '../../../../src-main/core/ceremony/online/skipped-keys';
import type { SkippedKey } from '../../../../src-main/core/ceremony/online/wrapped-bundle-check';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { translator } from '../../../../src-main/i18n/translate';
import { warningText } from '../../../../src-main/i18n/warning';

const HELD = 'ab'.repeat(32);
const KEY_ID = '0b1e2c4d-0000-4000-8000-000000000001';

/** A key app/aes left out of a bundle; `fromBundle`: the digest of the bundle its held material came from. */
function skippedAes(same: boolean, fromBundle?: string): SkippedKey {
  const key = {
    keyId: KEY_ID,
    alias: 'app/aes',
    imported: {
      expiresAt: null,
      importTokenSha256: 'cd'.repeat(32),
      ...(fromBundle ? { wrappedBundleSha256: fromBundle } : {}),
    },
  };
  const wrapped = { keyId: KEY_ID, keyCheckValue: 'A1B2C3', publicKeyDer: null };
  return { key, wrapped, same } as unknown as SkippedKey;
}

const entries: JournalEntry[] = [
  {
    seq: 7,
    time: '2026-12-07T10:00:00.000Z',
    actor: 'Ana',
    event: 'key.imported',
    data: { keyId: KEY_ID },
    prev: '',
    hash: '',
  },
];

describe('a key left out of an import', () => {
  it('names the bundle and the time of the other material it holds, in English and Chinese', () => {
    const said = skippedKeyWarning(entries, skippedAes(false, HELD));
    const en = warningText(translator('en'), said);
    expect(en).toContain(`Key app/aes (${KEY_ID}) is left out of this import: it holds other material`);
    expect(en).toContain('AB'.repeat(2) + ' ' + 'ABAB');
    expect(en).toContain('at 2026-12-07 10:00:00 UTC (online journal entry 7)');
    expect(en).toContain('what this bundle holds for it will never be imported');
    const zh = warningText(translator('zh-CN'), said);
    expect(zh).toContain(`密钥 app/aes（${KEY_ID}）不随本次导入：它持有其他密钥材料`);
    expect(zh).toContain('联网日志条目 7');
  });

  it('says the same material is no loss, and keeps the evidence and the sentence in the journal', () => {
    const skipped = skippedAes(true, HELD);
    const said = skippedKeyWarning(entries, skipped);
    expect(warningText(translator('en'), said)).toContain('it already holds this same material');
    expect(warningText(translator('en'), said)).toContain('Nothing is lost.');
    expect(skippedKeyData('/media/w1', 'ef'.repeat(32), skipped, said)).toMatchObject({
      keyId: KEY_ID,
      keyCheckValue: 'A1B2C3',
      held: 'same',
      heldFromBundle: HELD,
      importedSeq: 7,
      reasonPhrase: { key: 'warning.WRAPPED_KEY_SKIPPED' },
    });
  });

  it('says "?" for the bundle when the journal recorded none for that import', () => {
    const said = skippedKeyWarning(entries, skippedAes(false));
    expect(warningText(translator('en'), said)).toContain('from the wrapped-material bundle ? at');
  });
});
