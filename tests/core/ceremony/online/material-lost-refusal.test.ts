/**
 * `online import` after a key lost its imported material (deleted on request, or lapsed) and before
 * fresh parameters were written for it: the step guard, seeing every other key imported, verified
 * and the receipt written, would call the ceremony finished. The refusal names the keys that wait
 * and the way back instead, and only while no import-parameters bundle was written since the loss.
 */
import { describe, expect, it } from 'vitest';
import { replayOnlineJournal } from '../../../../src-main/core/ceremony/online/state';
import { onlineStepFromState } from '../../../../src-main/core/ceremony/online/step-from-state';
import {
  newParametersRefusal,
  requireBundleCheck,
} from '../../../../src-main/core/ceremony/online/material-lost-refusal';
import { StepGuard } from '../../../../src-main/core/ceremony/shared/step-guard';
import { ONLINE_STEP_FROM } from '../../../../src-main/core/ceremony/shared/allowed-steps';
import { english } from '../../../../src-main/i18n/translate';
import { journalEntries } from '../../../helpers/journal-entries';
import { onlineStarted } from '../../../helpers/online-started';

type Event = readonly [string, Record<string, unknown>];
const started: Event = onlineStarted('KF-20261204-abcdef');
const created = (keyId: string, alias: string): Event => [
  'key.created',
  { keyId, alias, spec: 'AES_256', usage: 'ENCRYPT_DECRYPT', description: '' },
];
const imported = (keyId: string): Event => [
  'key.imported',
  { keyId, expiresAt: null, importTokenSha256: '2'.repeat(64), confirmation: 'answered' },
];
const verified = (keyId: string): Event => [
  'key.verified',
  { keyId, keyState: 'Enabled', proof: 'OK', publicKeyFingerprint: null },
];
const written: Event = [
  'parameters.bundle-written',
  { folder: '/m/p2', manifestSha256: 'b'.repeat(64), keyIds: ['k1'] },
];

/** Two keys imported, verified and the receipt written; then `after`. */
function ceremony(...after: Event[]) {
  const state = replayOnlineJournal(
    journalEntries([
      started,
      created('k1', 'pay/aes'),
      created('k2', 'hr/aes'),
      imported('k1'),
      imported('k2'),
      verified('k1'),
      verified('k2'),
      ['receipt.written', {}],
      ...after,
    ]),
  );
  if (!state) throw new Error('no ceremony');
  return state;
}

describe('a bundle check while keys wait for fresh parameters after losing their material', () => {
  it('names the deleted key and the way back, where the guard would call the ceremony finished', () => {
    const state = ceremony(['key.material-deleted', { keyId: 'k1', keyState: 'Pending import' }]);
    expect(onlineStepFromState(state)).toBe('keys-created');
    const guard = new StepGuard('online', onlineStepFromState(state), ONLINE_STEP_FROM);
    let refusal: unknown;
    try {
      requireBundleCheck(() => guard.require('checkWrappedBundle'), state);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ code: 'IMPORT_NEEDS_NEW_PARAMETERS' });
    const text = english.problem(refusal as never);
    expect(text.message).toBe(
      'Key pay/aes (k1) is Pending import again: its material was deleted on request, and no import-parameters bundle was written for it since. The ceremony is not finished, and there is nothing to import yet: nothing was sent to the KMS.',
    );
    expect(text.nextStep).toContain('Run keyferry online params');
    expect(text.nextStep).toContain('keyferry custody restore --bundle');
  });

  it('says lapsed, or either, for keys whose material lapsed', () => {
    const lapsed = [
      'key.material-lapsed',
      { keyId: 'k2', keyState: 'Pending import', recordedExpiresAt: null },
    ] as const;
    expect(newParametersRefusal(ceremony(lapsed))?.values).toMatchObject({ count: 1, why: 'lapsed' });
    const both = ceremony(['key.material-deleted', { keyId: 'k1', keyState: 'Pending import' }], lapsed);
    expect(english.problem(newParametersRefusal(both) as never).message).toMatch(
      /^2 keys are Pending import again: pay\/aes \(k1\), hr\/aes \(k2\): their material was deleted on request or lapsed in the KMS/,
    );
  });

  it('is no refusal once an import-parameters bundle was written for them, nor while no key lost its material', () => {
    expect(newParametersRefusal(ceremony())).toBeUndefined();
    const deleted = ['key.material-deleted', { keyId: 'k1', keyState: 'Pending import' }] as const;
    expect(newParametersRefusal(ceremony(deleted, written))).toBeUndefined();
  });
});
