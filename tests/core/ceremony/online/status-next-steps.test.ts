/**
 * What a look at the keys says is next, from the journal's view of each key, the KMS's states and
 * the key's latest round: an import sent with no answer while the KMS still shows Pending import did
 * not take effect (the same import again); Enabled after such a send is not lost and is recorded by
 * the next import; Enabled with no send of this ceremony is somebody else's; a deleted key waits for
 * fresh parameters, then for the air-gapped side; Pending import with nothing else said is missing.
 */
import { describe, expect, it } from 'vitest';
import { proveFirst, statusNextSteps } from '../../../../src-main/core/ceremony/online/status-next-steps';
import type { JournaledKey, KeyStatus } from '../../../../src-main/core/ceremony/online/types';
import { journalEntries } from '../../../helpers/journal-entries';

const place = { region: 'r1', projectId: 'p1', replicaOf: null };
function key(keyId: string, is: Partial<JournaledKey> = {}): JournaledKey {
  return {
    ...place,
    keyId,
    alias: `app/${keyId}`,
    spec: 'AES_256',
    imported: false,
    importSentUnrecorded: false,
    importAnswerUnproven: null,
    lapsed: false,
    deleted: false,
    expiresAt: null,
    verified: false,
    proof: null,
    groupProof: null,
    ...is,
  };
}
const NOW = new Date('2030-01-02T12:00:00Z');
const state = (keyId: string, keyState: string): KeyStatus => ({
  ...place,
  keyId,
  alias: `app/${keyId}`,
  spec: 'AES_256',
  keyState,
  materialExpiresAt: null,
});

/** A `parameters.fetched` entry of key `keyId` whose token runs out at `tokenExpiresAt`. */
const fetchedEntry = (keyId: string, tokenExpiresAt: string) =>
  [
    'parameters.fetched',
    {
      keyId,
      wrappingAlgorithm: 'RSAES_OAEP_SHA_256',
      wrappingKeyFingerprint: 'a'.repeat(64),
      importTokenSha256: 'b'.repeat(64),
      importToken: 'token',
      tokenExpiresAt,
      wrappingPublicKey: 'spki',
      region: 'r1',
      projectId: 'p1',
    },
  ] as const;

describe('the next steps of a look at the keys', () => {
  it('tells an unrecorded import that did not take effect from one that did, and from a foreign one', () => {
    const entries = journalEntries([
      ['ceremony.started', {}],
      ['wrapped-bundle.checked', { folder: '/m/wrapped', keys: [{ keyId: 'a' }, { keyId: 'b' }] }],
      ['key.import-sending', { keyId: 'a' }],
      ['key.import-sending', { keyId: 'b' }],
    ]);
    const next = statusNextSteps(
      [
        key('a', { importSentUnrecorded: true }),
        key('b', { importSentUnrecorded: true, deleted: true }),
        key('c'),
        key('d'),
      ],
      [state('a', '5'), state('b', '2'), state('c', '2'), state('d', '5')],
      entries,
      NOW,
    );
    expect(next.notTaken).toEqual([
      { round: { stage: 'import', folder: '/m/wrapped', seq: 2, sentSeq: 3 }, keys: [next.keys[0]] },
    ]);
    // Enabled again after the unrecorded send: its material is back, not lost.
    expect(next.keys[1]).toMatchObject({ keyId: 'b', deleted: false });
    expect(next.deleted).toEqual([]);
    expect(next.sentUnrecorded).toEqual({ keys: [state('b', '2')], folders: ['/m/wrapped'] });
    expect(next.foreign).toEqual([state('c', '2')]);
    expect(next.missing).toEqual([state('d', '5')]);
  });

  it('an import answered by an error that proved nothing, the key Enabled: its own kind, not foreign, not lost', () => {
    const entries = journalEntries([
      ['ceremony.started', {}],
      ['wrapped-bundle.checked', { folder: '/m/wrapped', keys: [{ keyId: 'a' }] }],
      ['key.import-sending', { keyId: 'a' }],
    ]);
    const answer = { code: 'KMS.0101', seq: 4, sentSeq: 3 };
    const answered = key('a', { importAnswerUnproven: answer, deleted: true });
    const next = statusNextSteps([answered, key('c')], [state('a', '2'), state('c', '2')], entries, NOW);
    // Each key with its answer (the entries of the send and of the failure): no caller looks it up again.
    expect(next.unproven).toEqual({ keys: [{ ...state('a', '2'), answer }], folders: ['/m/wrapped'] });
    expect(next.foreign).toEqual([state('c', '2')]);
    expect(next.sentUnrecorded.keys).toEqual([]);
    // Its material is back: not said as deleted.
    expect(next.deleted).toEqual([]);
  });

  it('sends a deleted key to fresh parameters, then to the air-gapped side with the bundle written for it', () => {
    const deleted = key('a', { deleted: true });
    const before = journalEntries([
      ['key.imported', { keyId: 'a' }],
      ['key.material-deleted', { keyId: 'a' }],
    ]);
    const atParameters = statusNextSteps([deleted], [state('a', '5')], before, NOW);
    expect(atParameters.deleted).toEqual([{ key: deleted, round: 'parameters' }]);
    expect(atParameters.rounds).toEqual([]);
    expect(atParameters.missing).toEqual([]);
    const written = journalEntries([
      ['key.imported', { keyId: 'a' }],
      ['key.material-deleted', { keyId: 'a' }],
      ['parameters.bundle-written', { folder: '/m/params', keyIds: ['a'] }],
    ]);
    const atWrap = statusNextSteps([deleted], [state('a', '5')], written, NOW);
    expect(atWrap.deleted).toEqual([{ key: deleted, round: 'later' }]);
    expect(atWrap.rounds).toEqual([
      { round: { stage: 'wrap', folder: '/m/params', seq: 3 }, keys: [deleted], refused: null },
    ]);
  });

  it('an import answered with a failure that proves nothing, the key still Pending import: said with its answer, not as missing', () => {
    const entries = journalEntries([
      ['ceremony.started', {}],
      ['wrapped-bundle.checked', { folder: '/m/wrapped', keys: [{ keyId: 'a' }, { keyId: 'b' }] }],
      ['key.import-sending', { keyId: 'a' }],
      ['step.failed', { step: 'import-key-material', keyId: 'a', code: 'KMS_IMPORT_OUTCOME_UNKNOWN' }],
    ]);
    const answer = { code: 'KMS_IMPORT_OUTCOME_UNKNOWN', seq: 4, sentSeq: 3 };
    // KMS.0101 proves nothing either: said with its answer too (its round names no bundle here).
    const serverError = { code: 'KMS.0101', seq: 4, sentSeq: 3 };
    const next = statusNextSteps(
      [key('a', { importAnswerUnproven: answer }), key('b'), key('c', { importAnswerUnproven: serverError })],
      [state('a', '5'), state('b', '5'), state('c', '5')],
      entries,
      NOW,
    );
    expect(next.answeredNotTaken).toEqual([
      { folder: '/m/wrapped', keys: [{ ...state('a', '5'), answer }] },
      { folder: null, keys: [{ ...state('c', '5'), answer: serverError }] },
    ]);
    expect(next.notTaken).toEqual([]);
    expect(next.missing).toEqual([state('b', '5')]);
  });

  it('says lapsed keys with their round, as deleted ones', () => {
    const lapsed = key('a', { lapsed: true, expiresAt: '2026-12-01T00:00:00.000Z' });
    const entries = journalEntries([
      ['key.imported', { keyId: 'a' }],
      ['key.material-lapsed', { keyId: 'a' }],
    ]);
    expect(statusNextSteps([lapsed], [state('a', '5')], entries, NOW).lapsed).toEqual([
      { key: lapsed, round: 'parameters' },
    ]);
  });

  it('verify first: a key holding material not proven, another waiting for fresh parameters behind it', () => {
    const proven = key('p', { imported: true, verified: true });
    const unproven = key('u', { imported: true });
    const lost = key('l', { deleted: true });
    const entries = journalEntries([
      ['key.imported', { keyId: 'l' }],
      ['key.material-deleted', { keyId: 'l' }],
    ]);
    expect(proveFirst([proven, unproven, lost], entries)).toEqual({ prove: [unproven], lost: [lost] });
    expect(proveFirst([proven, lost], entries)).toBeUndefined();
    // Once a bundle carries its fresh parameters, the lost key waits for the air-gapped side, not behind the proof.
    const written = journalEntries([
      ['key.imported', { keyId: 'l' }],
      ['key.material-deleted', { keyId: 'l' }],
      ['parameters.bundle-written', { folder: '/m/params', keyIds: ['l'] }],
    ]);
    expect(proveFirst([unproven, lost], written)).toBeUndefined();
  });

  it('says when the import tokens of the keys an import did not reach run out, and whether that passed', () => {
    const fetched = fetchedEntry;
    const entries = journalEntries([
      ['ceremony.started', {}],
      fetched('a', '2030-01-01T00:00:00Z'),
      // b's latest parameters are the second round's: those tokens are the ones its import would use.
      fetched('b', '2030-01-01T00:00:00Z'),
      fetched('b', '2030-01-03T09:00:00Z'),
      fetched('c', '2030-01-03T10:00:00Z'),
    ]);
    const imported = key('a', { imported: true, verified: true });
    const look = (at: Date) =>
      statusNextSteps([imported, key('b'), key('c')], [state('a', '2'), state('b', '5'), state('c', '5')], entries, at);
    expect(look(NOW).missing.map((k) => k.keyId)).toEqual(['b', 'c']);
    expect(look(NOW).missingTokens).toEqual({
      until: Date.parse('2030-01-03T09:00:00Z'),
      lapsed: false,
      by: 'computer',
    });
    expect(look(new Date('2030-01-03T09:00:00Z')).missingTokens?.lapsed).toBe(true);
    // Nothing missing: nothing to say of tokens.
    expect(statusNextSteps([imported], [state('a', '2')], entries, NOW).missingTokens).toBeNull();
  });

  it('says the tokens of the bundle the last checked wrap was made from, not of parameters fetched since', () => {
    const fetched = fetchedEntry;
    const written = (manifestSha256: string) =>
      ['parameters.bundle-written', { folder: `/m/${manifestSha256[0]}`, manifestSha256, keyIds: ['b'] }] as const;
    // The trial: bundle 1 written and wrapped; bundle 2 written with fresh tokens; then the wrap of
    // bundle 1 checked and its import stopped part way. Its rerun uses bundle 1's tokens.
    const entries = journalEntries([
      ['ceremony.started', {}],
      fetched('b', '2030-01-03T09:00:00Z'),
      written('1'.repeat(64)),
      fetched('b', '2030-01-04T09:00:00Z'),
      written('2'.repeat(64)),
      [
        'wrapped-bundle.checked',
        {
          folder: '/m/w',
          manifestSha256: 'f'.repeat(64),
          parametersBundle: { folder: '/m/1', manifestSha256: '1'.repeat(64) },
          keys: [],
        },
      ],
    ]);
    const imported = key('a', { imported: true, verified: true });
    const look = statusNextSteps([imported, key('b')], [state('a', '2'), state('b', '5')], entries, NOW);
    // Bundle 2's tokens were issued (24 hours before their expiry) the moment bundle 1's expired: by the
    // KMS's clock those have lapsed, whatever this computer's clock (NOW) says.
    expect(look.missingTokens).toEqual({ until: Date.parse('2030-01-03T09:00:00Z'), lapsed: true, by: 'kms' });
    // A key not of that bundle (waiting for one of its own) counts with its own latest tokens.
    const withOther = journalEntries([
      ...entries.map((e) => [e.event, e.data] as const),
      fetched('c', '2030-01-03T08:00:00Z'),
    ]);
    const other = statusNextSteps(
      [imported, key('b'), key('c')],
      [state('a', '2'), state('b', '5'), state('c', '5')],
      withOther,
      NOW,
    );
    expect(other.missingTokens).toEqual({ until: Date.parse('2030-01-03T08:00:00Z'), lapsed: true, by: 'kms' });
    // A bundle written after that check needs a new wrap: its tokens are the ones that count.
    const later = journalEntries([
      ...entries.map((e) => [e.event, e.data] as const),
      fetched('b', '2030-01-05T09:00:00Z'),
      written('3'.repeat(64)),
    ]);
    expect(statusNextSteps([imported, key('b')], [state('a', '2'), state('b', '5')], later, NOW).missingTokens).toEqual(
      {
        until: Date.parse('2030-01-05T09:00:00Z'),
        lapsed: false,
        by: 'computer',
      },
    );
  });

  it('a lapsed replica whose restore import stopped part way: missing (the same import finishes it), not lapsed', () => {
    const restore = { folder: '/m/restore', manifestSha256: 'e'.repeat(64), keys: [{ keyId: 'p' }, { keyId: 'r' }] };
    const before = [
      ['key.imported', { keyId: 'p' }],
      ['key.imported', { keyId: 'r' }],
      ['key.material-lapsed', { keyId: 'p' }],
      ['key.material-lapsed', { keyId: 'r' }],
      ['parameters.bundle-written', { folder: '/m/restore-params', keyIds: ['p', 'r'] }],
      ['wrapped-bundle.checked', restore],
    ] as const;
    const replica = key('r', { lapsed: true, expiresAt: '2030-01-01T00:00:00.000Z' });
    // Checked, nothing imported from it yet: still lapsed, its round at the import of that bundle.
    const checkedOnly = statusNextSteps(
      [key('p', { lapsed: true }), replica],
      [state('p', '5'), state('r', '5')],
      journalEntries(before),
      NOW,
    );
    expect(checkedOnly.lapsed.map((l) => l.key.keyId)).toEqual(['p', 'r']);
    expect(checkedOnly.rounds.map((g) => g.keys.map((k) => k.keyId))).toEqual([['p', 'r']]);
    expect(checkedOnly.missing).toEqual([]);
    // The primary took its material from it, then the import stopped.
    const stopped = journalEntries([
      ...before,
      ['key.import-sending', { keyId: 'p' }],
      ['key.imported', { keyId: 'p' }],
    ]);
    const next = statusNextSteps(
      [key('p', { imported: true }), replica],
      [state('p', '2'), state('r', '5')],
      stopped,
      NOW,
    );
    expect(next.lapsed).toEqual([]);
    expect(next.rounds).toEqual([]);
    expect(next.missing).toEqual([state('r', '5')]);
    expect(next.keys.find((k) => k.keyId === 'r')).toMatchObject({ lapsed: false, deleted: false });
  });

  it('a wrapped bundle refused since the parameters were written: said from its values, or as an older build’s recorded text', () => {
    const lines = (refusal: Record<string, unknown>) =>
      statusNextSteps(
        [key('a', { imported: true }), key('b')],
        [state('a', '2'), state('b', '5')],
        journalEntries([
          ['wrapped-bundle.checked', { folder: '/m/wrapped', keys: [{ keyId: 'a' }, { keyId: 'b' }] }],
          ['key.imported', { keyId: 'a' }],
          ['step.failed', { step: 'import-key-material', keyId: 'b', code: 'KMS.2601', values: {} }],
          ['parameters.bundle-written', { folder: '/m/params-2', manifestSha256: 'e'.repeat(64), keyIds: ['b'] }],
          ['wrapped-bundle.refused', { folder: '/m/w2', ...refusal }],
        ]),
        NOW,
      ).missingWrap?.refused;
    const today = lines({
      code: 'WRAPPED_DIGEST_MISMATCH',
      reason: '9 of 16 groups differ from the digest of the bundle in /m/w2.',
      values: { count: 9, dir: '/m/w2' },
    });
    expect(today).toMatchObject({ seq: 5, recorded: false, values: { count: 9, dir: '/m/w2' } });
    // An older build's entry: no values today's words can say, so its recorded text, marked as such.
    const older = lines({ code: 'WRAPPED_DIGEST_MISMATCH', reason: 'The bundle digest differs.' });
    expect(older).toMatchObject({ seq: 5, recorded: true, values: {}, reason: 'The bundle digest differs.' });
  });

  it('carries the refusal the same import would meet again: a round’s, the keys an import did not reach, or none before any import', () => {
    const check = { folder: '/m/wrapped', keys: [{ keyId: 'a' }, { keyId: 'b' }] };
    const failed = (keyId: string, code: string, values: Record<string, string> = {}) =>
      ['step.failed', { step: 'import-key-material', keyId, code, values }] as const;
    // One key imported, the other refused by the KMS for its expiry: the keys not reached carry it.
    const partly = statusNextSteps(
      [key('a', { imported: true }), key('b')],
      [state('a', '2'), state('b', '5')],
      journalEntries([['wrapped-bundle.checked', check], ['key.imported', { keyId: 'a' }], failed('b', 'KMS.2602')]),
      NOW,
    );
    expect(partly.missing).toEqual([state('b', '5')]);
    expect(partly.missingRefused).toMatchObject({ kind: 'expiry', folder: '/m/wrapped', refusedSeq: 3, by: 'kms' });
    expect(partly).toMatchObject({ groups: false, nothingImported: false });
    // A refusal of the other key only (imported since) is not theirs.
    const other = journalEntries([
      ['wrapped-bundle.checked', check],
      failed('a', 'KMS.2602'),
      ['key.imported', { keyId: 'a' }],
    ]);
    expect(
      statusNextSteps([key('a', { imported: true }), key('b')], [state('a', '2'), state('b', '5')], other, NOW)
        .missingRefused,
    ).toBeNull();
    // Fresh parameters written for the key not reached since its import was refused for its tokens:
    // that refusal is not its next step any more, the wrap of the bundle written is.
    const tokens = journalEntries([
      ['wrapped-bundle.checked', check],
      ['key.imported', { keyId: 'a' }],
      failed('b', 'KMS.2601'),
      ['parameters.bundle-written', { folder: '/m/params-2', manifestSha256: 'e'.repeat(64), keyIds: ['b'] }],
    ]);
    const rewritten = statusNextSteps(
      [key('a', { imported: true }), key('b')],
      [state('a', '2'), state('b', '5')],
      tokens,
      NOW,
    );
    expect(rewritten).toMatchObject({ missingRefused: null, missingWrap: { folder: '/m/params-2', seq: 4 } });
    expect(
      statusNextSteps(
        [key('a', { imported: true }), key('b')],
        [state('a', '2'), state('b', '5')],
        tokens.slice(0, 3),
        NOW,
      ),
    ).toMatchObject({ missingRefused: { kind: 'token', refusedSeq: 3 }, missingWrap: null });
    // A lost replica's round refused for its group's held expiry: that expiry is next; a failure that proves nothing is not a refusal.
    const lostReplica = key('r', { deleted: true, replicaOf: 'p' });
    const round = (code: string) =>
      statusNextSteps(
        [key('p', { imported: true }), lostReplica],
        [state('p', '2'), state('r', '5')],
        journalEntries([
          ['key.imported', { keyId: 'p' }],
          ['key.material-deleted', { keyId: 'r' }],
          ['parameters.bundle-written', { folder: '/m/params', keyIds: ['r'] }],
          ['wrapped-bundle.checked', { folder: '/m/restore', keys: [{ keyId: 'r' }] }],
          failed('r', code, { heldIso: 'never', others: 'none' }),
        ]),
        NOW,
      );
    const group = round('REPLICA_GROUP_EXPIRY_DIFFERS');
    expect(group.rounds.map((g) => g.refused)).toMatchObject([{ kind: 'group', heldIso: 'never', refusedSeq: 5 }]);
    expect(group.groups).toBe(true);
    expect(round('KMS.0101').rounds.map((g) => g.refused)).toEqual([null]);
    // Nothing imported, nothing sent, nothing lost: before the first import (what a refusal then means: refusedBeforeImport).
    const before = statusNextSteps(
      [key('a'), key('b')],
      [state('a', '5'), state('b', '5')],
      journalEntries([['wrapped-bundle.checked', check], failed('a', 'KMS.2602')]),
      NOW,
    );
    expect(before.nothingImported).toBe(true);
    expect(partly.nothingImported || group.nothingImported).toBe(false);
  });
});
