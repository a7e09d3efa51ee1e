/**
 * M-of-N custody split: before it is wrapped, each key's material is split into N shares (any M
 * rebuild it), each written with its printable slip into its custodian's folder. One call of the
 * air-gapped workflow's optional step; the answer says who holds which share, never a share.
 */
import { KeyferryError } from '../../core/errors';
import type { ChannelHandler } from './channel-handler';
import { existingFolder } from './paths';
import type { CeremonySession } from './session';

export function custodyHandlers(session: CeremonySession): { splitCustody: ChannelHandler<'splitCustody'> } {
  return {
    splitCustody: async (request) => {
      const mode = session.requireMode('air-gapped', 'rehearsal');
      const { ceremony } = session.requireAirGap();
      if (request.allowSameVolume && mode !== 'rehearsal') {
        throw new KeyferryError(
          'CUSTODY_SAME_VOLUME_REFUSED',
          'Custody shares on one volume are accepted only in a rehearsal.',
          'Give each custodian a folder on their own media.',
        );
      }
      const folders: string[] = [];
      for (const [i, folder] of request.folders.entries()) {
        folders.push(await existingFolder(folder, `folder of custodian ${i + 1}`));
      }
      const results = await ceremony.splitCustody({
        m: request.m,
        n: request.n,
        custodians: request.custodians,
        folders,
        allowSameVolume: request.allowSameVolume === true,
      });
      return {
        keys: results.map((r) => ({
          keyId: r.keyId,
          threshold: r.threshold,
          total: r.total,
          holders: r.holders.map((h) => ({ ...h })),
        })),
      };
    },
  };
}
