/**
 * Where a key stands on its way (back) to imported material, read from the journal's latest round:
 * what `online status` says next for a key whose material was deleted or lapsed follows that round,
 * never an earlier one; and an import that resends a send no session recorded an answer to is told
 * by that send (same token, no answer or failure of that import after it) and the
 * `ceremony.session-unrecorded` entry a later session journaled for it.
 */
import { describe, expect, it } from 'vitest';
import {
  importOfRoundUnderWay,
  materialRoundOf,
  unrecordedSendOf,
} from '../../../../src-main/core/ceremony/online/material-round';
import { journalEntries } from '../../../helpers/journal-entries';

const token = 'a'.repeat(64);
const other = 'b'.repeat(64);
const checked = (folder: string, ...keyIds: string[]) =>
  [
    'wrapped-bundle.checked',
    { folder, manifestSha256: folder.padEnd(64, 'c'), keys: keyIds.map((keyId) => ({ keyId })) },
  ] as const;
const written = (folder: string, ...keyIds: string[]) =>
  ['parameters.bundle-written', { folder, manifestSha256: 'd'.repeat(64), keyIds }] as const;
const sending = (keyId: string, importTokenSha256 = token) =>
  ['key.import-sending', { keyId, importTokenSha256 }] as const;

describe('the latest round of a key', () => {
  it('follows the key from its loss: fresh parameters, then a checked bundle, then a send', () => {
    const first = journalEntries([
      written('/m/params-1', 'k1', 'k2'),
      checked('/m/wrapped-1', 'k1', 'k2'),
      sending('k1'),
      ['key.imported', { keyId: 'k1' }],
      ['key.material-deleted', { keyId: 'k1' }],
    ]);
    // The first round's bundles are not the way back: the deletion starts a new round.
    expect(materialRoundOf(first, 'k1')).toEqual({ stage: 'parameters' });
    const withParameters = journalEntries([
      ...first.map((e) => [e.event, e.data] as const),
      written('/m/params-2', 'k1'),
    ]);
    expect(materialRoundOf(withParameters, 'k1')).toEqual({ stage: 'wrap', folder: '/m/params-2', seq: 6 });
    const sent = journalEntries([
      ...withParameters.map((e) => [e.event, e.data] as const),
      checked('/m/wrapped-2', 'k1'),
      sending('k1'),
    ]);
    expect(materialRoundOf(sent, 'k1')).toEqual({ stage: 'import', folder: '/m/wrapped-2', seq: 7, sentSeq: 8 });
    // A key that never lost its material and was never in a later bundle keeps its first round.
    expect(materialRoundOf(sent, 'k2')).toEqual({ stage: 'import', folder: '/m/wrapped-1', seq: 2 });
  });

  it('a send whose failure is on record is answered: the round keeps its bundle, with no send pending', () => {
    const entries = journalEntries([
      checked('/m/wrapped-1', 'k1'),
      sending('k1'),
      ['step.failed', { step: 'import-key-material', keyId: 'k1', code: 'KMS.0101' }],
    ]);
    expect(materialRoundOf(entries, 'k1')).toEqual({ stage: 'import', folder: '/m/wrapped-1', seq: 1 });
  });

  it('a lapse starts a new round as a deletion does; a send before any check is not a round', () => {
    const entries = journalEntries([
      checked('/m/wrapped-1', 'k1'),
      ['key.imported', { keyId: 'k1' }],
      ['key.material-lapsed', { keyId: 'k1' }],
      sending('k1'),
    ]);
    expect(materialRoundOf(entries, 'k1')).toEqual({ stage: 'parameters' });
  });
});

describe('an old wrap given again', () => {
  const from = (folder: string, parameters: string, ...keyIds: string[]) =>
    [
      'wrapped-bundle.checked',
      {
        folder,
        manifestSha256: folder.padEnd(64, 'c'),
        parametersBundle: { folder: `/m/${parameters}`, manifestSha256: parameters.repeat(64) },
        keys: keyIds.map((keyId) => ({ keyId })),
      },
    ] as const;
  const writtenAs = (folder: string, sha: string, ...keyIds: string[]) =>
    ['parameters.bundle-written', { folder, manifestSha256: sha.repeat(64), keyIds }] as const;
  const refused = (keyId: string, code: string) =>
    ['step.failed', { step: 'import-key-material', keyId, code }] as const;

  it('starts no round once the KMS refused its expired tokens: the key stays at the fresh parameters written since', () => {
    const entries = journalEntries([
      writtenAs('/m/params-1', '1', 'k1'),
      from('/m/wrapped-1', '1', 'k1'),
      refused('k1', 'KMS.2601'),
      writtenAs('/m/params-2', '2', 'k1'),
      from('/m/wrapped-1', '1', 'k1'),
      sending('k1'),
      refused('k1', 'KMS.2601'),
    ]);
    expect(materialRoundOf(entries, 'k1')).toEqual({ stage: 'wrap', folder: '/m/params-2', seq: 4 });
    // Until the KMS's word: checked, it is the round (an earlier bundle's wrap may still import).
    expect(materialRoundOf(entries.slice(0, 5), 'k1')).toEqual({ stage: 'import', folder: '/m/wrapped-1', seq: 5 });
    // Refused for another reason (its expiry), or the wrap of the bundle written last refused for its tokens: the round stands.
    const expiry = journalEntries([
      ...entries.slice(0, 5).map((e) => [e.event, e.data] as const),
      refused('k1', 'KMS.2602'),
    ]);
    expect(materialRoundOf(expiry, 'k1')).toEqual({ stage: 'import', folder: '/m/wrapped-1', seq: 5 });
    expect(materialRoundOf(entries.slice(0, 3), 'k1')).toEqual({ stage: 'import', folder: '/m/wrapped-1', seq: 2 });
    // The newer wrap checked before the old one came back: its import is the round again.
    const newer = journalEntries([
      ...entries.slice(0, 4).map((e) => [e.event, e.data] as const),
      from('/m/wrapped-2', '2', 'k1'),
      from('/m/wrapped-1', '1', 'k1'),
      refused('k1', 'KMS.2601'),
    ]);
    expect(materialRoundOf(newer, 'k1')).toEqual({ stage: 'import', folder: '/m/wrapped-2', seq: 5 });
  });
});

describe('an import that resends a send with no answer on record', () => {
  it('is tied to that send and to the session-unrecorded entry that named the key', () => {
    const entries = journalEntries([
      sending('k1'),
      ['ceremony.session-started', {}],
      ['ceremony.session-unrecorded', { keyIds: ['k1'] }],
    ]);
    expect(unrecordedSendOf(entries, 'k1', token)).toEqual({ retryOfSeq: 1, unrecordedSeq: 3 });
  });

  it('is no retry when that send has its answer or its failure recorded, or used another token', () => {
    const answered = journalEntries([sending('k1'), ['key.imported', { keyId: 'k1' }]]);
    expect(unrecordedSendOf(answered, 'k1', token)).toBeUndefined();
    const failed = journalEntries([
      sending('k1'),
      ['step.failed', { step: 'import-key-material', keyId: 'k1', code: 'KMS.2601' }],
    ]);
    expect(unrecordedSendOf(failed, 'k1', token)).toBeUndefined();
    expect(unrecordedSendOf(journalEntries([sending('k1', other)]), 'k1', token)).toBeUndefined();
    expect(unrecordedSendOf(journalEntries([sending('k2')]), 'k1', token)).toBeUndefined();
    // A failure of another step (a describe-key) is no answer to the import.
    const describeFailed = journalEntries([
      sending('k1'),
      ['step.failed', { step: 'describe-key', keyId: 'k1', code: 'KMS_UNREACHABLE' }],
    ]);
    expect(unrecordedSendOf(describeFailed, 'k1', token)).toEqual({ retryOfSeq: 1 });
  });
});

describe('an import of a round under way', () => {
  const lapsed = (keyId: string) => ['key.material-lapsed', { keyId }] as const;
  const imported = (keyId: string) => ['key.imported', { keyId }] as const;
  const afterLapse = [imported('p'), imported('r'), lapsed('p'), lapsed('r'), written('/m/restore-params', 'p', 'r')];

  it('holds once another key of the restore bundle took its material from it, checked again before or not', () => {
    const checkedOnly = journalEntries([...afterLapse, checked('/m/restore', 'p', 'r')]);
    expect(importOfRoundUnderWay(checkedOnly, 'r')).toBe(false);
    const stopped = journalEntries([...afterLapse, checked('/m/restore', 'p', 'r'), sending('p'), imported('p')]);
    expect(importOfRoundUnderWay(stopped, 'r')).toBe(true);
    // The same import run again and stopped before its first send: the same bundle, still under way.
    const again = journalEntries([...stopped.map((e) => [e.event, e.data] as const), checked('/m/restore', 'p', 'r')]);
    expect(importOfRoundUnderWay(again, 'r')).toBe(true);
  });

  it('does not hold for an import while another bundle was checked, nor after the key’s own import or loss', () => {
    const otherBundle = journalEntries([
      ...afterLapse,
      checked('/m/restore', 'p', 'r'),
      checked('/m/other', 'p'),
      imported('p'),
      checked('/m/restore', 'p', 'r'),
    ]);
    expect(importOfRoundUnderWay(otherBundle, 'r')).toBe(false);
    // A never-lost first round is not a way back, and a key at fresh parameters has no bundle to finish.
    expect(importOfRoundUnderWay(journalEntries([...afterLapse]), 'r')).toBe(false);
  });
});
