/**
 * The app's preflight lists the journal's finished wraps; one whose material was generated in an
 * HSM token is listed with that custody copy (a trial read "no custody set" for such a wrap and
 * deleted its token objects, the only copy of imported material). Through the view the screen gets.
 */
import { describe, expect, it } from 'vitest';
import { earlierWrapsView } from '../../../src-main/ipc/handlers/preflight';
import { earlierWrapSchema } from '../../../src-main/ipc/schemas/airgap';

const wrap = (session: number) => ({
  session,
  bundleDigest: 'ab'.repeat(32),
  folder: `/media/stick/wrapped-${session}`,
  receipt: null,
  custody: null,
  tokensUntil: '2030-01-02T00:00:00.000Z',
});

describe('earlierWrapsView', () => {
  it('says which earlier wrap keeps its custody copy in the HSM token, and which keeps none', () => {
    const view = earlierWrapsView(
      [wrap(1), { ...wrap(2), hsmObjectLabels: ['keyferry KF-20261207-hsm001 0a1b2c3d-0000-4000-8000-000000000001'] }],
      new Date('2030-01-01T00:00:00.000Z'),
    );
    expect(view.map((w) => [w.session, w.hsmCustody, w.importable])).toEqual([
      [1, false, true],
      [2, true, true],
    ]);
    for (const w of view) expect(earlierWrapSchema.parse(w)).toEqual(w);
  });
});
