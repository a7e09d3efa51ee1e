/**
 * What `online status` reads of a refused import of the last checked bundle: an expiry not ahead
 * (by Keyferry's clock or the KMS's), a replica group's other expiry (with the one it holds, unless
 * keys outside the group would move too), expired tokens; only for the keys asked about, and only
 * after the last check.
 */
import { describe, expect, it } from 'vitest';
import { refusedImportOf } from '../../../../src-main/core/ceremony/online/refused-imports';
import { journalEntries } from '../../../helpers/journal-entries';

const checked = (folder: string) =>
  ['wrapped-bundle.checked', { folder, keys: [{ keyId: 'a' }, { keyId: 'b' }] }] as const;
const failed = (keyId: string, code: string, values: Record<string, string> = {}) =>
  ['step.failed', { step: 'import-key-material', keyId, code, values }] as const;

describe('refusedImportOf', () => {
  it('reads an expiry refusal by whose clock, and expired tokens, of the last check only', () => {
    const entries = journalEntries([
      checked('/m/w1'),
      failed('a', 'KMS.2602'),
      checked('/m/w2'),
      failed('b', 'EXPIRY_IN_PAST'),
    ]);
    expect(refusedImportOf(entries, 0)).toMatchObject({
      kind: 'expiry',
      folder: '/m/w2',
      seq: 3,
      refusedSeq: 4,
      code: 'EXPIRY_IN_PAST',
      by: 'computer',
    });
    expect(refusedImportOf(entries.slice(0, 2), 0)).toMatchObject({ kind: 'expiry', code: 'KMS.2602', by: 'kms' });
    expect(refusedImportOf(journalEntries([checked('/m/w'), failed('a', 'KMS.2601')]), 0)?.kind).toBe('token');
    // Another key's refusal, a refusal of another kind, or none after the check: nothing to say.
    expect(refusedImportOf(entries, 0, new Set(['a']))).toBeUndefined();
    expect(refusedImportOf(journalEntries([checked('/m/w'), failed('a', 'KMS.0101')]), 0)).toBeUndefined();
    expect(refusedImportOf(entries, 4)).toBeUndefined();
  });

  it('reads a replica group refusal with the expiry the group holds, unless keys outside it would move too', () => {
    const held = '2027-01-04T18:11:28.514Z';
    const group = journalEntries([
      checked('/m/w'),
      failed('b', 'REPLICA_GROUP_EXPIRY_DIFFERS', { heldIso: held, others: 'none' }),
    ]);
    expect(refusedImportOf(group, 0, new Set(['b']))).toMatchObject({ kind: 'group', heldIso: held });
    const others = journalEntries([
      checked('/m/w'),
      failed('b', 'REPLICA_GROUP_EXPIRY_DIFFERS', { heldIso: held, others: 'some' }),
    ]);
    expect(refusedImportOf(others, 0)).toBeUndefined();
  });
});
