/**
 * M-of-N custody split: before it is wrapped, each key's material is split into N shares (any M
 * rebuild it), each written with its printable slip into its custodian's folder. The custodians,
 * M, N and the folders were fixed in the preflight step (the folders checked before any material
 * existed); this is one call of the air-gapped workflow's step, and the answer says who holds
 * which share, never a share.
 */
import { KeyferryError } from '../../core/errors';
import type { ChannelHandler } from './channel-handler';
import type { CeremonySession } from './session';

export function custodyHandlers(session: CeremonySession): { splitCustody: ChannelHandler<'splitCustody'> } {
  return {
    splitCustody: () =>
      session.track('air-gapped', async () => {
        session.requireMode('air-gapped', 'rehearsal');
        const { ceremony, plan } = session.requireAirGap();
        if (!plan) throw new KeyferryError('PREFLIGHT_REQUIRED', { step: 'split' });
        if (!plan.custody) throw new KeyferryError('CUSTODY_NOT_PLANNED', {});
        const results = await ceremony.splitCustody({
          m: plan.custody.m,
          n: plan.custody.n,
          custodians: plan.custody.custodians,
          folders: plan.custody.folders,
          allowSameVolume: plan.custody.allowSameVolume === true,
        });
        return {
          keys: results.map((r) => ({
            keyId: r.keyId,
            threshold: r.threshold,
            total: r.total,
            holders: r.holders.map((h) => ({ ...h })),
          })),
        };
      }),
  };
}
