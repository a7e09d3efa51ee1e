/**
 * `airgap wrap`'s custody split options (--custody M/N, --custodian, --custodian-folder,
 * --shares-on-one-volume), checked before anything happens: counts, names the custody set can
 * carry, the folders (none is created here), and what only a rehearsal may leave out.
 */
import path from 'node:path';
import { parseCustodySpec, type CustodyRequest } from '../core/ceremony/airgap/custody-split';
import { checkCustodianNames } from '../core/custody/custodian-names';
import { KeyferryError } from '../core/errors';
import { refuseSameCustodianFolder } from '../core/media/custodian-volumes';

/** Checks the custody options before anything happens (no folder is created here). */
export function custodyRequest(
  values: {
    custody?: string;
    custodian?: string[];
    'custodian-folder'?: string[];
    'shares-on-one-volume'?: boolean;
  },
  cwd: string,
): CustodyRequest | undefined {
  if (!values.custody) {
    if (values.custodian || values['custodian-folder'])
      throw new KeyferryError('CLI_OPTION_NEEDS', {
        option: values.custodian ? '--custodian' : '--custodian-folder',
        needs: '--custody M/N',
      });
    return undefined;
  }
  const { m, n } = parseCustodySpec(values.custody);
  if (values.custodian && values.custodian.length !== n)
    throw new KeyferryError('CLI_SHARE_COUNT', { what: 'custodians', given: values.custodian.length, n });
  // A name the custody set cannot carry is refused now, not after the material exists.
  const custodians = values.custodian ? checkCustodianNames(values.custodian) : undefined;
  const given = values['custodian-folder'];
  if (given && given.length !== n)
    throw new KeyferryError('CLI_SHARE_COUNT', { what: 'folders', given: given.length, n });
  let folders = given?.map((folder) => path.resolve(cwd, folder));
  if (folders) refuseSameCustodianFolder(folders.map((folder, i) => ({ index: i + 1, folder })));
  if (!folders) {
    if (!values['shares-on-one-volume']) throw new KeyferryError('CUSTODY_FOLDERS_MISSING', { n });
    // In the working folder, never beside --out: the wrapped bundle goes on the transfer media, and
    // shares must never travel with it.
    folders = Array.from({ length: n }, (_, i) => path.join(cwd, `custodian-${i + 1}`));
  }
  // Real custody media hold real people's shares: only a rehearsal may leave them unnamed.
  if (!custodians && !values['shares-on-one-volume']) throw new KeyferryError('CUSTODIANS_NOT_NAMED', { m, n });
  // Given folders on one volume are refused by the preflight unless the rehearsal flag says otherwise.
  const allowSameVolume = !given || values['shares-on-one-volume'] === true;
  return { m, n, folders, ...(custodians ? { custodians } : {}), allowSameVolume };
}
