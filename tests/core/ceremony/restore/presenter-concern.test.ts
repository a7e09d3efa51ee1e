/**
 * The ceremony roles (shared/ceremony-role.ts) are the one list the core's check, the journal and the
 * IPC contract use: every role the check gives is one the contract takes.
 */
import { describe, expect, it } from 'vitest';
import { CEREMONY_ROLES } from '../../../../src-main/core/ceremony/shared/ceremony-role';
import { presenterConcern } from '../../../../src-main/core/ceremony/restore/presenters';
import { presentedShareSchema } from '../../../../src-main/ipc/schemas/restore';

const PEOPLE = { operator: 'Ana', witnesses: ['Ben', 'Chloé'] };
const SHARE = {
  ceremonyId: 'KF-20260101-abcdef',
  keyId: null,
  shareIndex: 1,
  threshold: 2,
  total: 3,
  custodian: 'Alice',
  source: 'file' as const,
  shareChecksum: 'ABCD-EF01',
  presented: 1,
  severalShares: [],
};

describe('presenter roles', () => {
  it('every concern the core finds crosses IPC as it is', () => {
    const roles = ['Ana', 'Ben', 'Mallory'].map(
      (presentedBy) => presenterConcern({ shareIndex: 1, custodian: 'Alice', presentedBy }, PEOPLE)?.role,
    );
    expect(roles).toEqual(['operator', 'witness', 'none']);
    expect([...CEREMONY_ROLES].sort()).toEqual([...new Set(roles)].sort());
    for (const presentedBy of ['Ana', 'Ben', 'Mallory']) {
      const concern = presenterConcern({ shareIndex: 1, custodian: 'Alice', presentedBy }, PEOPLE);
      expect(presentedShareSchema.parse({ ...SHARE, presentedBy, concern }).concern).toEqual(concern);
    }
  });
});
