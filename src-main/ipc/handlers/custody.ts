/**
 * M-of-N custody: splitting each key's material before it is wrapped (the air-gapped workflow's
 * optional step), and the restore drill: custodians bring their share files, the core rebuilds
 * the material in memory and proves it against the recorded check value, and the material is
 * wiped at once. The drill answers with the check value only; nothing is written.
 */
import type { CustodyShare } from '../../core/custody/custody-share';
import { restoreMaterial } from '../../core/custody/restore';
import { readShareFile, SHARE_FILE_MAX_BYTES } from '../../core/custody/share-file';
import { groupHex } from '../../core/crypto/evidence';
import { KeyferryError } from '../../core/errors';
import type { ChannelHandler } from '../handlers';
import { existingFolder, smallRegularFile } from './paths';
import type { CeremonySession } from './session';

type CustodyHandlers = {
  splitCustody: ChannelHandler<'splitCustody'>;
  restoreCustody: ChannelHandler<'restoreCustody'>;
};

export function custodyHandlers(session: CeremonySession): CustodyHandlers {
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
      for (const [i, folder] of request.folders.entries())
        folders.push(await existingFolder(folder, `folder of custodian ${i + 1}`));
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

    restoreCustody: async ({ shareFiles, expected }) => {
      session.requireMode('air-gapped', 'rehearsal');
      const shares: CustodyShare[] = [];
      try {
        for (const file of shareFiles)
          shares.push(await readShareFile(await smallRegularFile(file, 'share file', SHARE_FILE_MAX_BYTES)));
        const material = await restoreMaterial(shares, expected ? { expected: { ...expected } } : {});
        material.dispose();
        const first = shares[0] as CustodyShare;
        session.context.log.info('custody.restore-drill', {
          ceremonyId: first.ceremonyId,
          keyId: first.keyId,
          shares: shares.length,
        });
        return {
          ceremonyId: first.ceremonyId,
          keyId: first.keyId,
          spec: first.spec,
          sharesGiven: shares.length,
          threshold: first.m,
          check: {
            kind: first.materialCheck.kind,
            value: first.materialCheck.value,
            grouped:
              first.materialCheck.kind === 'kcv' ? first.materialCheck.value : groupHex(first.materialCheck.value),
          },
        };
      } finally {
        for (const share of shares) share.share.dispose();
      }
    },
  };
}
