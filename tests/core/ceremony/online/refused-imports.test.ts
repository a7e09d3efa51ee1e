/**
 * What `online status` reads of a refused import of the last checked bundle: an expiry not ahead
 * (by Keyferry's clock or the KMS's), a replica group's other expiry (with the one it holds, unless
 * keys outside the group would move too), expired tokens; only for the keys asked about, and only
 * after the last check. Before any import: the wrap the next import continues from, passing over an
 * old wrap (of an earlier parameters bundle than the one written last) refused for its expired tokens.
 */
import { describe, expect, it } from 'vitest';
import {
  refuseTokensRefusedBefore,
  refusedBeforeImport,
  refusedImportOf,
  wrapsCheckedSinceWritten,
} from '../../../../src-main/core/ceremony/online/refused-imports';
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

describe('wrapsCheckedSinceWritten', () => {
  const sha = (c: string) => c.repeat(64);
  const written = (folder: string, c: string) =>
    ['parameters.bundle-written', { folder, manifestSha256: sha(c), keyIds: ['a'] }] as const;
  const wrapOf = (folder: string, c: string, from: string) =>
    [
      'wrapped-bundle.checked',
      {
        folder,
        manifestSha256: sha(c),
        parametersBundle: { folder: `/m/${from}`, manifestSha256: sha(from) },
        keys: [{ keyId: 'a', publicKeyFingerprint: null, keyCheckValue: 'ABCDEF' }],
      },
    ] as const;

  it('passes over an old wrap refused for its own expired tokens: the wrap of the bundle written last, or none', () => {
    const replayed = journalEntries([
      written('/m/p1', '1'),
      wrapOf('/m/w1', 'a', '1'),
      failed('a', 'KMS.2601'),
      written('/m/p2', '2'),
      wrapOf('/m/w1', 'a', '1'),
      failed('a', 'KMS.2601'),
    ]);
    const wraps = wrapsCheckedSinceWritten(replayed);
    expect(wraps.current).toBeUndefined();
    expect(wraps.stale).toMatchObject([
      { folder: '/m/w1', seq: 5, parametersFolder: '/m/1', refused: { kind: 'token' } },
    ]);
    // No refusal to say before the import: the bundle written last is wrapped next, not fresh parameters.
    expect(refusedBeforeImport(replayed, 'parameters-written')).toBeUndefined();

    // The newer wrap checked (its import stopped) before the old one was given again: that one is next.
    const stopped = journalEntries([
      written('/m/p1', '1'),
      written('/m/p2', '2'),
      wrapOf('/m/w2', 'b', '2'),
      wrapOf('/m/w1', 'a', '1'),
      failed('a', 'KMS.2601'),
    ]);
    expect(wrapsCheckedSinceWritten(stopped).current).toMatchObject({ folder: '/m/w2', seq: 3, refused: undefined });
    expect(wrapsCheckedSinceWritten(stopped).stale).toHaveLength(1);
  });

  it('keeps a wrap of the bundle written last refused for its tokens, and an old wrap refused for its expiry', () => {
    const lapsed = journalEntries([written('/m/p1', '1'), wrapOf('/m/w1', 'a', '1'), failed('a', 'KMS.2601')]);
    expect(wrapsCheckedSinceWritten(lapsed)).toMatchObject({ current: { folder: '/m/w1' }, stale: [] });
    expect(refusedBeforeImport(lapsed, 'parameters-written')?.kind).toBe('token');
    const expiry = journalEntries([
      written('/m/p1', '1'),
      written('/m/p2', '2'),
      wrapOf('/m/w1', 'a', '1'),
      failed('a', 'EXPIRY_IN_PAST'),
    ]);
    expect(refusedBeforeImport(expiry, 'parameters-written')).toMatchObject({ kind: 'expiry', folder: '/m/w1' });
    // A check whose import was not refused (stopped part way): current, with no refusal.
    const unfinished = journalEntries([written('/m/p1', '1'), wrapOf('/m/w1', 'a', '1')]);
    expect(wrapsCheckedSinceWritten(unfinished).current).toMatchObject({ folder: '/m/w1', seq: 2, refused: undefined });
    // Checked before the bundle written last: not a wrap of it.
    expect(
      wrapsCheckedSinceWritten(
        [...unfinished, ...journalEntries([written('/m/p2', '2')])].map((e, i) => ({ ...e, seq: i + 1 })),
      ).current,
    ).toBeUndefined();
  });
});

describe('refuseTokensRefusedBefore', () => {
  const P1 = { folder: '/m/params-1', manifestSha256: '1'.repeat(64) };
  const P2 = { folder: '/m/params-2', manifestSha256: '2'.repeat(64) };
  const checkOf = (folder: string, parameters: typeof P1) =>
    [
      'wrapped-bundle.checked',
      { folder, manifestSha256: 'f'.repeat(64), parametersBundle: parameters, keys: [{ keyId: 'a' }] },
    ] as const;
  const written = (parameters: typeof P1) =>
    [
      'parameters.bundle-written',
      { folder: parameters.folder, manifestSha256: parameters.manifestSha256, keyIds: ['a'] },
    ] as const;

  it('refuses a wrap of parameters whose tokens the KMS refused as expired, naming the parameters written since', () => {
    const entries = journalEntries([written(P1), checkOf('/m/w1', P1), failed('a', 'KMS.2601'), written(P2)]);
    expect(() => refuseTokensRefusedBefore(entries, P1, ['a'])).toThrow(
      expect.objectContaining({
        code: 'WRAPPED_TOKENS_REFUSED_BEFORE',
        values: { dir: '/m/params-1', seq: 3, code: 'KMS.2601', newer: 'yes', latestDir: '/m/params-2' },
      }),
    );
    // A wrap of the parameters written since, or one whose earlier import failed otherwise, goes on.
    expect(() => refuseTokensRefusedBefore(entries, P2, ['a'])).not.toThrow();
    const otherFailure = journalEntries([written(P1), checkOf('/m/w1', P1), failed('a', 'KMS.0303')]);
    expect(() => refuseTokensRefusedBefore(otherFailure, P1, ['a'])).not.toThrow();
    // Keyferry's own refusal by this computer's clock (which may be wrong) is not the KMS's word.
    const ownClock = journalEntries([written(P1), checkOf('/m/w1', P1), failed('a', 'IMPORT_TOKEN_EXPIRED')]);
    expect(() => refuseTokensRefusedBefore(ownClock, P1, ['a'])).not.toThrow();
    // Another key's refusal says nothing of these keys' tokens.
    expect(() => refuseTokensRefusedBefore(entries, P1, ['b'])).not.toThrow();
    // The KMS's word stands though another refusal of the key came after it in that import.
    const thenExpiry = journalEntries([
      written(P1),
      checkOf('/m/w1', P1),
      failed('a', 'KMS.2601'),
      failed('a', 'EXPIRY_IN_PAST'),
    ]);
    expect(() => refuseTokensRefusedBefore(thenExpiry, P1, ['a'])).toThrow(
      expect.objectContaining({ values: expect.objectContaining({ newer: 'no' }) }),
    );
    // Parameters written since for other keys only are not named: fresh parameters for these are the way.
    const otherKeys = journalEntries([
      written(P1),
      checkOf('/m/w1', P1),
      failed('a', 'KMS.2601'),
      ['parameters.bundle-written', { folder: P2.folder, manifestSha256: P2.manifestSha256, keyIds: ['b'] }],
    ]);
    expect(() => refuseTokensRefusedBefore(otherKeys, P1, ['a'])).toThrow(
      expect.objectContaining({ values: expect.objectContaining({ newer: 'no', latestDir: '' }) }),
    );
  });

  it('names the parameters written before the old wrap was first checked, whose wrap is still to import', () => {
    // online params ran again (the tokens lapsed by the KMS's clock), then the old wrap was given and refused.
    const entries = journalEntries([written(P1), written(P2), checkOf('/m/w1', P1), failed('a', 'KMS.2601')]);
    expect(() => refuseTokensRefusedBefore(entries, P1, ['a'])).toThrow(
      expect.objectContaining({ values: expect.objectContaining({ newer: 'yes', latestDir: '/m/params-2' }) }),
    );
  });
});
