import { describe, expect, it } from 'vitest';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { onlineStepFromState } from '../../../../src-main/core/ceremony/online/step-from-state';
import type { JournalEntry } from '../../../../src-main/core/journal';
import { chainedJournal } from '../../../helpers/chained-journal';
import { onlineStarted } from '../../../helpers/online-started';

const journal = (events: [string, Record<string, unknown>][]): JournalEntry[] => chainedJournal(events);

const started = onlineStarted('KF-20250301-abcdef');
const created = [
  'key.created',
  { keyId: 'k1', alias: 'a', spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '' },
] as [string, Record<string, unknown>];
const fetched = (sha: string) =>
  [
    'parameters.fetched',
    {
      keyId: 'k1',
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      wrappingKeyFingerprint: 'a'.repeat(64),
      importTokenSha256: sha,
      importToken: 'tok',
      tokenExpiresAt: '2025-03-02T09:00:00.000Z',
      wrappingPublicKey: 'AA==',
      region: 'r',
      projectId: 'p',
    },
  ] as [string, Record<string, unknown>];

describe('online journal replay', () => {
  it('is undefined for an empty journal and refuses a journal of another kind', () => {
    expect(replayOnlineJournal([])).toBeUndefined();
    expect(() => replayOnlineJournal(journal([['ceremony.session-started', { side: 'air-gapped' }]]))).toThrow(
      /no online ceremony start/,
    );
  });

  it('rebuilds keys, every issuance, imports and verifications', () => {
    const state = replayOnlineJournal(
      journal([
        started,
        created,
        fetched('1'.repeat(64)),
        fetched('2'.repeat(64)),
        ['parameters.bundle-written', { folder: '/m/p', manifestSha256: 'b'.repeat(64), keyIds: ['k1'] }],
        ['key.imported', { keyId: 'k1', expiresAt: null, importTokenSha256: '2'.repeat(64), confirmation: 'answered' }],
        ['key.verified', { keyId: 'k1', keyState: 'Enabled', proof: 'ok', publicKeyFingerprint: null }],
      ]),
    );
    const key = state?.keys.get('k1');
    expect(state?.ceremonyId).toBe('KF-20250301-abcdef');
    expect(key?.issued.map((i) => i.importTokenSha256)).toEqual(['1'.repeat(64), '2'.repeat(64)]);
    expect(key?.imported?.importTokenSha256).toBe('2'.repeat(64));
    expect(key?.verified?.keyState).toBe('Enabled');
    expect(state?.parametersBundle?.folder).toBe('/m/p');
  });

  it('after one key lapsed and fresh parameters were written, waits for their import though another key keeps its material', () => {
    const ec = ['key.created', { keyId: 'k2', alias: 'b', spec: 'EC_P256', usage: 'SIGN_VERIFY', description: '' }] as [
      string,
      Record<string, unknown>,
    ];
    const importedAndVerified = (keyId: string, seq: string): [string, Record<string, unknown>][] => [
      ['key.imported', { keyId, expiresAt: null, importTokenSha256: seq.repeat(64), confirmation: 'answered' }],
      ['key.verified', { keyId, keyState: 'Enabled', proof: 'ok', publicKeyFingerprint: null }],
    ];
    const written = (n: string) =>
      ['parameters.bundle-written', { folder: `/m/p${n}`, manifestSha256: n.repeat(64), keyIds: ['k1'] }] as [
        string,
        Record<string, unknown>,
      ];
    const receipt = ['receipt.written', {}] as [string, Record<string, unknown>];
    const lapsed = ['key.material-lapsed', { keyId: 'k1', keyState: 'Pending import', recordedExpiresAt: null }] as [
      string,
      Record<string, unknown>,
    ];
    const before = [started, created, ec, fetched('1'.repeat(64)), written('1')];
    const done = [...before, ...importedAndVerified('k1', '1'), ...importedAndVerified('k2', '1'), receipt];
    const step = (events: [string, Record<string, unknown>][]) =>
      onlineStepFromState(replayOnlineJournal(journal(events))!);
    expect(step(done)).toBe('finished');
    // Lapsed, nothing fetched since: the ceremony waits for fresh parameters again, not finished.
    expect(step([...done, lapsed])).toBe('keys-created');
    expect(step([...done, lapsed, fetched('2'.repeat(64))])).toBe('parameters-fetched');
    // A key alone, its material deleted: not its first round's bundle ('parameters-written') either.
    const deleted = ['key.material-deleted', { keyId: 'k1', keyState: 'Pending import' }] as [
      string,
      Record<string, unknown>,
    ];
    const alone = [...before.filter((e) => e !== ec), ...importedAndVerified('k1', '1'), receipt];
    expect(step(alone)).toBe('finished');
    expect(step([...alone, deleted])).toBe('keys-created');
    expect(step([...done, lapsed, fetched('2'.repeat(64)), written('2')])).toBe('parameters-written');
    // Imported again: verified, then finished with the next receipt.
    const again = [...done, lapsed, fetched('2'.repeat(64)), written('2'), ...importedAndVerified('k1', '2')];
    expect(step(again)).toBe('verified');
    expect(step([...again, receipt])).toBe('finished');
  });

  it('asks for the wrapping algorithm chosen since the plan (wrapping-algorithm.chosen) in every later session', () => {
    const chosen = ['wrapping-algorithm.chosen', { from: 'RSAES_OAEP_SHA_256', to: 'RSAES_OAEP_SHA_1' }] as [
      string,
      Record<string, unknown>,
    ];
    expect(replayOnlineJournal(journal([started, created]))?.wrappingAlgorithm).toBe('RSAES_OAEP_SHA_256');
    expect(replayOnlineJournal(journal([started, created, chosen]))?.wrappingAlgorithm).toBe('RSAES_OAEP_SHA_1');
  });

  it('refuses events about keys the ceremony never created, and a second ceremony start', () => {
    expect(() => replayOnlineJournal(journal([started, fetched('1'.repeat(64))]))).toThrow(/did not create/);
    expect(() => replayOnlineJournal(journal([started, started]))).toThrow(/starts a second/);
    expect(() => replayOnlineJournal(journal([started, ['key.created', { keyId: 'k1' }]]))).toThrow(
      /not in the expected form/,
    );
  });

  it('marks a key only when an import of this ceremony was sent and neither recorded nor refused', () => {
    const checked = [
      'wrapped-bundle.checked',
      {
        folder: '/m/w',
        manifestSha256: 'c'.repeat(64),
        keys: [{ keyId: 'k1', publicKeyFingerprint: null, keyCheckValue: 'ABCDEF' }],
      },
    ] as [string, Record<string, unknown>];
    const sending = ['key.import-sending', { keyId: 'k1', importTokenSha256: '1'.repeat(64) }] as [
      string,
      Record<string, unknown>,
    ];
    const failed = (code: string) =>
      ['step.failed', { step: 'import-key-material', keyId: 'k1', code, reason: 'r', values: {} }] as [
        string,
        Record<string, unknown>,
      ];
    const imported = [
      'key.imported',
      { keyId: 'k1', expiresAt: null, importTokenSha256: '1'.repeat(64), confirmation: 'answered' },
    ] as [string, Record<string, unknown>];
    const mayHaveLanded = (events: [string, Record<string, unknown>][]) =>
      replayOnlineJournal(journal([started, created, fetched('1'.repeat(64)), ...events]))?.keys.get('k1')
        ?.importMayHaveLanded === true;
    // Checking a bundle, however often, sends nothing (a second run of the same command checks again).
    expect(mayHaveLanded([checked, checked])).toBe(false);
    // Refused before anything was sent, then checked again: still nothing sent.
    expect(mayHaveLanded([checked, failed('KMS_KEY_NOT_PENDING_IMPORT'), checked])).toBe(false);
    // Sent, and then nothing (a kill or a power cut after sending).
    expect(mayHaveLanded([checked, sending])).toBe(true);
    // ... and a later refusal before sending (the token expired by then) does not undo it.
    expect(mayHaveLanded([checked, sending, checked, failed('IMPORT_TOKEN_EXPIRED')])).toBe(true);
    // Sent and recorded; sent and refused by the KMS itself (token verification failed).
    expect(mayHaveLanded([checked, sending, imported])).toBe(false);
    expect(mayHaveLanded([checked, sending, failed('KMS.2605')])).toBe(false);
    // Its outcome unknown.
    expect(mayHaveLanded([checked, failed('KMS_IMPORT_OUTCOME_UNKNOWN')])).toBe(true);
    // Said as one fact: sent at its entry, answered at the failure's with a failure whose outcome is unknown.
    const answer = (events: [string, Record<string, unknown>][]) =>
      replayOnlineJournal(journal([started, created, fetched('1'.repeat(64)), ...events]))?.keys.get('k1')
        ?.importAnswer;
    expect(answer([checked, sending, failed('KMS_IMPORT_OUTCOME_UNKNOWN')])).toEqual({
      code: 'KMS_IMPORT_OUTCOME_UNKNOWN',
      seq: 6,
      sentSeq: 5,
    });
    // An answer already on record (a code that proves nothing) stays the one said.
    expect(answer([checked, sending, failed('KMS.0101'), failed('KMS_IMPORT_OUTCOME_UNKNOWN')])).toEqual({
      code: 'KMS.0101',
      seq: 6,
      sentSeq: 5,
    });
  });
});
