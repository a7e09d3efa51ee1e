/**
 * A duration given for an import that goes on (resumed-import-expiry.ts): refused once a key of the
 * checked bundle sent its import and an AES key of it may still be sent one, with the moment the
 * imported keys took, in both languages; taken when nothing was sent, when every key holds its
 * material, for asymmetric keys (their material never expires) and for a date-time or never.
 * The CLI's and the app's refusals through real ceremonies: online-import.stopped.test.ts and
 * ipc/handlers/import-expiry.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { refuseDurationGoingOn } from '../../../../src-main/core/ceremony/online/resumed-import-expiry';
import type { JournaledKey } from '../../../../src-main/core/ceremony/online/types';
import type { KeySpec } from '../../../../src-main/core/crypto/key-spec';
import { KeyferryError } from '../../../../src-main/core/errors';
import { translator } from '../../../../src-main/i18n/translate';

const AT = '2027-03-01T00:00:00.000Z';

function key(
  keyId: string,
  spec: KeySpec,
  sent: 'imported' | 'unrecorded' | 'no',
  expiresAt: string | null = AT,
): JournaledKey {
  return {
    keyId,
    alias: `app/${keyId}`,
    spec,
    region: 'cn-north-4',
    projectId: 'p',
    replicaOf: null,
    imported: sent === 'imported',
    importSentUnrecorded: sent === 'unrecorded',
    importAnswerUnproven: null,
    lapsed: false,
    deleted: false,
    expiresAt: sent === 'imported' ? expiresAt : null,
    verified: false,
    proof: null,
    groupProof: null,
  };
}

/** The refusal of `typed` for an import of `keys` (all carried by the checked bundle), or null when taken. */
function refusal(typed: string, keys: JournaledKey[], step: 'material-checked' | 'imported' = 'material-checked') {
  const ceremony = { step, keys: () => keys, shown: { checked: { keys: keys.map((k) => ({ keyId: k.keyId })) } } };
  try {
    refuseDurationGoingOn(typed, ceremony, 'cli');
    return null;
  } catch (error) {
    if (!(error instanceof KeyferryError)) throw error;
    return {
      values: error.values,
      en: translator('en').problem(error.toProblem()),
      zh: translator('zh-CN').problem(error.toProblem()),
    };
  }
}

describe('a duration for an import that goes on', () => {
  it('is refused once one key is imported and another still to send, naming the moment it took', () => {
    const refused = refusal(' 30d ', [key('a', 'AES_256', 'imported'), key('b', 'AES_256', 'no')]);
    expect(refused?.values).toMatchObject({
      given: '30d',
      count: 1,
      imported: 1,
      unrecorded: 0,
      same: 'at',
      heldIso: AT,
    });
    expect(refused?.en.message).toBe(
      '--expires 30d is counted from now, so the keys still to import would get another expiry than the key of this bundle already sent its import, which expires at 2027-03-01 00:00:00 UTC. An import that goes on takes never or a date-time, not a duration. Nothing was sent to the KMS.',
    );
    expect(refused?.en.nextStep).toBe(`To give them the same expiry, run the import again with --expires ${AT}.`);
    expect(refused?.zh.nextStep).toBe(`若要让它们同时到期，请使用 --expires ${AT} 再次运行导入。`);
  });

  it('is refused when every key was sent but one has no answer on record: the next import sends it again', () => {
    const refused = refusal('30d', [key('a', 'AES_256', 'imported', null), key('b', 'AES_256', 'unrecorded')]);
    expect(refused?.values).toMatchObject({ count: 2, imported: 1, unrecorded: 1, same: 'never' });
    expect(refused?.en.message).toContain(
      'than the 2 keys of this bundle already sent their imports: 1 imported, which never expires, and 1 whose outcome is not on record here, which the next import sends again unless the KMS took it.',
    );
    expect(refused?.en.nextStep).toBe('To give them the same, run the import again with --expires never.');
  });

  it('names no moment when none is on record, or the imported keys took different ones', () => {
    const none = refusal('30d', [key('a', 'AES_256', 'unrecorded'), key('b', 'AES_256', 'unrecorded')]);
    expect(none?.en.message).toContain(
      'their imports: none is recorded as imported, and 2 whose outcomes are not on record here, which the next import sends again unless the KMS took them.',
    );
    const mixed = refusal('1d12h', [
      key('a', 'AES_256', 'imported'),
      key('b', 'AES_256', 'imported', '2028-01-01T00:00:00.000Z'),
      key('c', 'AES_256', 'no'),
    ]);
    expect(mixed?.values).toMatchObject({ same: 'mixed', heldIso: '' });
    expect(mixed?.en.message).toContain(
      'the 2 keys of this bundle already sent their imports, which took different expiries.',
    );
    expect(mixed?.en.nextStep).toContain('the --expires date-time the stopped run printed in its command');
  });

  it('is taken when nothing was sent, when every key holds its material, for asymmetric keys left, and for never or a date-time', () => {
    expect(refusal('30d', [key('a', 'AES_256', 'no'), key('b', 'AES_256', 'no')])).toBeNull();
    expect(refusal('30d', [key('a', 'AES_256', 'imported'), key('b', 'AES_256', 'imported')])).toBeNull();
    expect(refusal('30d', [key('a', 'AES_256', 'imported'), key('b', 'EC_P256', 'no')])).toBeNull();
    const goingOn = [key('a', 'AES_256', 'imported'), key('b', 'AES_256', 'no')];
    expect(refusal('never', goingOn)).toBeNull();
    expect(refusal('2030-01-31T00:00:00Z', goingOn)).toBeNull();
    // Only the import step waits for the rest: a ceremony past it sends no import.
    expect(refusal('30d', goingOn, 'imported')).toBeNull();
  });
});
