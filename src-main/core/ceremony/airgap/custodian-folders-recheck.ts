/**
 * The custodian folders as the preflight found them, checked again right before the custody split
 * writes into them. The preflight runs before any material exists and the split comes later, after
 * the witnesses and the material; in between a stick can be swapped, plugged in another order, or
 * a folder replaced by a link. A trial replaced one custodian's folder by a link to a folder on the
 * transfer medium and another by a non-empty folder after the preflight: the split wrote a share and
 * the whole backup onto the medium that goes online, and the receipt said the custodian held it.
 * Each folder must still be no link and lie under none, be new or empty, and be on the volume the
 * preflight found it on, else CUSTODIAN_FOLDER_CHANGED, before any share is written; the material is
 * still held.
 */
import { KeyferryError, isKeyferryError } from '../../errors';
import { locate } from '../../media/preflight';

/** One custodian folder as the preflight passed it: where, and on which volume (its device, or its parent's when new). */
export interface PreflightedCustodianFolder {
  readonly folder: string;
  readonly volumeId: string;
}

/** How a custodian folder differs from what the preflight found (the message says it). */
type FolderChange = 'link' | 'notEmpty' | 'otherVolume' | 'notAFolder' | 'gone';

/** What `locate` refusing a folder means here. */
const CHANGE_OF: Readonly<Record<string, FolderChange>> = {
  OUTPUT_THROUGH_LINK: 'link',
  PREFLIGHT_FOLDER_NOT_EMPTY: 'notEmpty',
  PREFLIGHT_FILE_EXISTS: 'notEmpty',
  PREFLIGHT_NOT_A_FOLDER: 'notAFolder',
  PREFLIGHT_PARENT_MISSING: 'gone',
};

/**
 * Refuses (CUSTODIAN_FOLDER_CHANGED) the first of `preflighted` that is no longer as the preflight
 * found it (see the file comment). The preflight refused a folder on the wrapped bundle's volume, so
 * one on the volume it found is on no transfer medium; one that does not read (a stick pulled out)
 * is gone.
 */
export async function recheckCustodianFolders(preflighted: readonly PreflightedCustodianFolder[]): Promise<void> {
  for (const [i, planned] of preflighted.entries()) {
    const index = i + 1;
    let change: FolderChange | undefined;
    let cause: unknown;
    try {
      const found = await locate({ role: 'custodian', index, folder: planned.folder, expect: 'new-or-empty' });
      if (found.volumeId !== planned.volumeId) change = 'otherVolume';
    } catch (error) {
      change = isKeyferryError(error) ? CHANGE_OF[error.code] : 'gone';
      if (change === undefined) throw error;
      cause = error;
    }
    if (change !== undefined)
      throw new KeyferryError('CUSTODIAN_FOLDER_CHANGED', { index, folder: planned.folder, change }, { cause });
  }
}
