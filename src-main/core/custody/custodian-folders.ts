/**
 * Writing a custody set into its custodians' folders: the ONE place that decides what a
 * custodian's folder holds, used by the air-gapped ceremony's split and by `custody split`.
 * Each folder gets the custodian's share file, its printable slip (HTML and text), the
 * ceremony's backup file and the backup's printout (text + QR codes of the file's bytes).
 */
import type { ReceiptLanguage } from '../receipt/language';
import { backupPrintName, renderBackupPrintout } from './backup-print';
import { backupFileName, encodeBackupTexts } from './backup-text';
import { renderCustodySlip, type CustodySlip, type SlipContext } from './custody-slip';
import { setShareFileName } from './set-share';
import type { CustodySet } from './set-split';
import { encodeSetShareFile } from './share-file';
import { writeCustodianFolders, type CustodianWriteControl, type VolumeIdOf, type WrittenShare } from './write-shares';

interface CustodianFoldersRequest extends CustodianWriteControl {
  readonly m: number;
  readonly n: number;
  /** One existing folder per share, in share order. */
  readonly folders: readonly string[];
  /** The language of the slips and the backup printout (default English). */
  readonly language?: ReceiptLanguage;
  /** Which volume a folder is on (default: its device number); two shares on one volume are refused. */
  readonly volumeIdOf?: VolumeIdOf;
  /** The ceremony's title and the split's time, printed on every slip. */
  readonly slipContext?: SlipContext;
}

interface WrittenCustodySet {
  readonly written: readonly WrittenShare[];
  /** The backup file's name (the same in every folder). */
  readonly backupFile: string;
}

/**
 * Writes share i of `set` with its slip, the backup file and its printout into folders[i].
 * Refuses before writing anything when two folders share a volume, a folder is missing or a
 * file exists; nothing half-written stays (write-shares.ts).
 */
export async function writeCustodySet(set: CustodySet, request: CustodianFoldersRequest): Promise<WrittenCustodySet> {
  const ceremonyId = set.backup.ceremonyId;
  const backupFile = backupFileName(ceremonyId, set.backup.digest);
  // QR codes hold ASCII: a Chinese preamble is coded as the file's English twin (the same lines).
  const { fileText: backupText, qrText } = await encodeBackupTexts(set.backup, request);
  const language = request.language ? { language: request.language } : {};
  const backupPrint = await renderBackupPrintout(set.backup, backupText, { ...language, qrText });
  const slips: CustodySlip[] = [];
  const context = request.slipContext ? { context: request.slipContext } : {};
  for (const share of set.shares) slips.push(await renderCustodySlip(share, { ...language, ...context }));
  const written = await writeCustodianFolders(
    set.shares.map((share, i) => {
      const slip = slips[i]!;
      return {
        index: share.index,
        custodian: share.custodian,
        files: [
          { name: setShareFileName(share), data: encodeSetShareFile(share) },
          { name: slip.htmlName, data: slip.html },
          { name: slip.textName, data: slip.text },
          { name: backupFile, data: backupText },
          { name: backupPrintName(ceremonyId, set.backup.digest), data: backupPrint },
        ],
      };
    }),
    request.folders,
    {
      volumeIdOf: request.volumeIdOf,
      signal: request.signal,
      created: request.created,
      afterCustodian: request.afterCustodian,
      inCeremony: request.inCeremony,
    },
  );
  return { written, backupFile };
}
