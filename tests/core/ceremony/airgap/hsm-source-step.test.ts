/**
 * Choosing the HSM as the material source of a session whose preflight planned custody shares (a
 * real SoftHSM token, parameters from the simulator): refused with the reason, since HSM material
 * never leaves the token to be split, and journaled `hsm.refused` naming the token; nothing is
 * generated in it.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onlineDayOne } from '../ceremony-fixture';
import { hsmPlan, softHsmCeremonies, softHsmRequest } from '../hsm-ceremony';
import { listTokenObjects } from '../../hsm/helpers/soft-tokens';

const t = softHsmCeremonies('source-step', '83920471');

describe('the HSM chosen as the material source', () => {
  it('is refused, journaled, when custody shares were planned', async () => {
    const { f, token } = t;
    const plan = hsmPlan(f, ['AES_256']);
    const { params } = await onlineDayOne(f, plan);
    const journal = await f.journal('airgap.jsonl');
    const air = await f.airgap(journal, plan);
    try {
      await air.checkNetwork();
      await air.readParametersBundle(params);
      await air.preflight({
        wrappedBundle: path.join(f.dir, 'wrapped'),
        receiptFolder: f.dir,
        custodianFolders: ['a', 'b', 'c'].map((n) => path.join(f.dir, `custodian-${n}`)),
        allowSameVolume: true,
      });
      const error = await air.useHsm(softHsmRequest(token)).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'HSM_CUSTODY_IS_TOKEN',
        values: { token: expect.stringMatching(/^"source-step" \(serial \w+\)$/) },
      });
      expect((error as Error).message).toContain('it never leaves the HSM in plaintext, so it cannot be split');
      const named = (error as { values: { token: string } }).values.token;
      expect(journal.entries.at(-1)).toMatchObject({
        event: 'hsm.refused',
        data: { code: 'HSM_CUSTODY_IS_TOKEN', values: { token: named }, token: token.label },
      });
      expect(listTokenObjects(token)).toEqual([]);
    } finally {
      await air.abandon('test');
      await journal.close();
    }
  }, 60_000);
});
