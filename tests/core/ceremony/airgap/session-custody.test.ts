/**
 * The custody copy an air-gapped session's wrapped bundle names: the HSM token when one was used,
 * else the custodians' shares, else the officer's own files when every material was loaded from
 * one (a replica's under its primary's id), else none, with whether its loss was acknowledged.
 */
import { describe, expect, it } from 'vitest';
import type { CustodyArrangement } from '../../../../src-main/core/bundle';
import { sessionCustody } from '../../../../src-main/core/ceremony/airgap/session-custody';

const parameters = [{ keyId: 'p' }, { keyId: 'r', replicaOf: 'p' }, { keyId: 'k' }];
const shares: CustodyArrangement = { kind: 'shares', threshold: 2, total: 3, custodians: ['Cy', 'Di', 'Ed'] };
const none = {
  hsmToken: null,
  split: undefined,
  parameters,
  loadedFromFile: new Set<string>(),
  noBackupAcknowledged: false,
};

describe('sessionCustody', () => {
  it('names the HSM token first, then the shares', () => {
    expect(sessionCustody({ ...none, hsmToken: { label: 'kf', serial: '42' }, split: shares })).toEqual({
      kind: 'hsm-token',
      label: 'kf',
      serial: '42',
    });
    expect(sessionCustody({ ...none, split: shares })).toEqual(shares);
  });

  it('names the material files only when every material came from one, else none and the acknowledgement', () => {
    expect(sessionCustody({ ...none, loadedFromFile: new Set(['p', 'k']) })).toEqual({ kind: 'material-files' });
    expect(sessionCustody({ ...none, loadedFromFile: new Set(['p']), noBackupAcknowledged: true })).toEqual({
      kind: 'none',
      acknowledged: true,
    });
  });
});
