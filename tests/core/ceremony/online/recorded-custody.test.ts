/**
 * The values every message about a material's recorded custody copy is said with (the deletion's
 * refusals and warning, the online receipt's line): each arrangement the wrapped bundle can name,
 * and "not known" when the journal recorded none, in both languages.
 */
import { describe, expect, it } from 'vitest';
import { importedCustodyOf, recordedCustodyValues } from '../../../../src-main/core/ceremony/online/recorded-custody';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { chainedJournal } from '../../../helpers/chained-journal';
import { onlineStarted, wrappedChecked } from '../../../helpers/online-started';
import { translator } from '../../../../src-main/i18n/translate';
import type { RecordedCustody } from '../../../../src-main/core/ceremony/online/state';

const line = (locale: 'en' | 'zh-CN', custody: RecordedCustody | undefined) =>
  translator(locale).t('receipt.key.custodyCopyValue', recordedCustodyValues(custody));

describe('the recorded custody copy in words', () => {
  it('names the shares and their holders, the HSM token or the loaded files, with the journal entry', () => {
    const shares = { kind: 'shares' as const, threshold: 2, total: 3, custodians: ['Carol', 'Dan', 'Eve'] };
    expect(line('en', { arrangement: shares, seq: 9 })).toBe(
      '2 of 3 shares, held by Carol, Dan, Eve (online journal entry 9)',
    );
    expect(line('zh-CN', { arrangement: shares, seq: 9 })).toBe(
      '3 份中任意 2 份保管份额，由 Carol、Dan、Eve 保管（联网日志第 9 条）',
    );
    expect(line('en', { arrangement: { kind: 'hsm-token', label: 'ceremony', serial: '42' }, seq: 4 })).toBe(
      'the HSM token "ceremony / 42" (online journal entry 4)',
    );
    // A blank label or serial is left out, never printed as "" or " / 42".
    expect(line('en', { arrangement: { kind: 'hsm-token', label: '  ', serial: '42' }, seq: 4 })).toBe(
      'the HSM token "42" (online journal entry 4)',
    );
    expect(line('en', { arrangement: { kind: 'hsm-token', label: 'ceremony', serial: '' }, seq: 4 })).toBe(
      'the HSM token "ceremony" (online journal entry 4)',
    );
    expect(line('en', { arrangement: { kind: 'material-files' }, seq: 4 })).toContain('material files loaded');
  });

  it('says when no copy was kept (and acknowledged), and when the journal does not know', () => {
    expect(line('en', { arrangement: { kind: 'none', acknowledged: true }, seq: 5 })).toBe(
      'NONE: the air-gapped side kept no copy and acknowledged that, so the KMS holds the only one (online journal entry 5)',
    );
    expect(line('en', undefined)).toMatch(/^not known: the wrapped bundle did not say/);
    expect(line('zh-CN', undefined)).toMatch(/^未知：/);
  });
});

const checked = wrappedChecked;

describe('the one reading of a material’s custody copy (the app’s key states and the CLI’s lines)', () => {
  it('is the custody recorded at its import, not that of a bundle checked later and not imported', () => {
    const shares = { kind: 'shares', threshold: 2, total: 3, custodians: ['Carol', 'Dan', 'Eve'] };
    const state = replayOnlineJournal(
      chainedJournal([
        onlineStarted('KF-20261205-abcdef'),
        ['key.created', { keyId: 'k1', alias: 'a', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '' }],
        checked(shares, '1'),
        ['key.imported', { keyId: 'k1', expiresAt: null, importTokenSha256: '2'.repeat(64), confirmation: 'answered' }],
        ['key.material-deleted', { keyId: 'k1', keyState: 'Pending import' }],
        // A later round's bundle naming no custody copy, checked and never imported (its import refused).
        checked({ kind: 'none', acknowledged: true }, '3'),
      ]),
    );
    if (!state) throw new Error('no state');
    // The CLI read the last checked bundle (custody none: "material lost for ever"); the app the import's.
    expect(importedCustodyOf(state.keys, ['k1'])).toEqual({ arrangement: shares, seq: 3 });
    expect(importedCustodyOf(state.keys, ['k2', 'k1'])?.arrangement).toEqual(shares);
    expect(importedCustodyOf(state.keys, ['k2'])).toBeUndefined();
  });
});
