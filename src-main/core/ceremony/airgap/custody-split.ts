/**
 * M-of-N custody on the air-gapped side: before wrapping, each key's material is split into N
 * shares (any M rebuild it) and each share is written, with its printable slip, into its
 * custodian's folder. The journal records who holds which share index, never a share.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportParameters } from '../../bundle';
import { renderCustodySlip } from '../../custody/custody-slip';
import type { ReceiptLanguage } from '../../receipt/language';
import { splitMaterial } from '../../custody/split';
import { writeShareFiles } from '../../custody/write-shares';
import { KeyferryError } from '../../errors';
import { createFreshFolder } from '../../fs/durable-file';
import type { Journal } from '../../journal';
import type { MaterialVault } from './material-vault';
import { reportProgress, type ProgressListener, progressLine } from '../shared/progress';

export interface CustodyRequest {
  /** Shares needed to rebuild. */
  readonly m: number;
  /** Shares handed out. */
  readonly n: number;
  /** One name per share (default custodian-1 … custodian-N). */
  readonly custodians?: readonly string[];
  /** One existing folder per custodian, each on that custodian's own media. */
  readonly folders: readonly string[];
  /**
   * Accept custodian folders on one volume (rehearsals only: one lost drive would then carry
   * every share). Journaled as a warning.
   */
  readonly allowSameVolume?: boolean;
  /** The language of the custody slips (default: the ceremony's, else English). */
  readonly language?: ReceiptLanguage;
}

export interface CustodyHolder {
  readonly shareIndex: number;
  readonly custodian: string;
  readonly folder: string;
  readonly shareFile: string;
}

export interface CustodyResult {
  readonly keyId: string;
  readonly threshold: number;
  readonly total: number;
  readonly holders: readonly CustodyHolder[];
}

/** Parses "M/N" (e.g. "2/3") as typed on a command line. */
export function parseCustodySpec(text: string): { m: number; n: number } {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(text);
  const m = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || m < 2 || m > n || n > 16) {
    throw new KeyferryError(
      'CUSTODY_SPEC_INVALID',
      `"${text}" is not a custody split such as 2/3.`,
      'Give M/N with 2 <= M <= N <= 16, e.g. --custody 2/3.',
    );
  }
  return { m, n };
}

/** Splits and writes the shares of every key; returns who holds which share of which key. */
export async function splitForCustody(
  ceremonyId: string,
  parameters: readonly ImportParameters[],
  vault: MaterialVault,
  request: CustodyRequest,
  journal: Journal,
  operator: string,
  onProgress?: ProgressListener,
): Promise<CustodyResult[]> {
  const custodians = request.custodians ?? Array.from({ length: request.n }, (_, i) => `custodian-${i + 1}`);
  if (request.folders.length !== request.n) {
    throw new KeyferryError(
      'CUSTODY_DESTINATIONS_COUNT',
      `${request.folders.length} custodian folders were given for ${request.n} shares.`,
      'Give one folder per custodian.',
    );
  }
  if (request.allowSameVolume) {
    await journal.append(operator, 'warning.custody-same-volume', {
      summary: 'Custody shares were written to folders on one volume; move each folder to its own custodian media.',
    });
  }
  // Folders the preflight accepted as "new" are created now, right before the shares go in.
  for (const folder of request.folders) {
    if (!(await fs.stat(folder).catch(() => undefined))) await createFreshFolder(path.resolve(folder));
  }
  const sameVolume = request.allowSameVolume ? { volumeIdOf: (folder: string) => path.resolve(folder) } : {};
  const results: CustodyResult[] = [];
  for (const [i, p] of parameters.entries()) {
    reportProgress(onProgress, {
      step: 'custody',
      done: i,
      total: parameters.length,
      keyId: p.keyId,
      ...progressLine('split-key', { n: i + 1, total: parameters.length, shares: request.n }),
    });
    const shares = await splitMaterial({
      material: vault.get(p.keyId),
      m: request.m,
      n: request.n,
      ceremonyId,
      keyId: p.keyId,
      spec: p.keySpec,
      custodians,
    });
    try {
      const written = await writeShareFiles(shares, request.folders, {
        ...sameVolume,
        companions: (share) => {
          const slip = renderCustodySlip(share, request.language ? { language: request.language } : {});
          return [
            { name: slip.htmlName, data: slip.html },
            { name: slip.textName, data: slip.text },
          ];
        },
      });
      const holders = written.map((w, j) => ({
        shareIndex: w.index,
        custodian: w.custodian,
        folder: path.resolve(request.folders[j] as string),
        shareFile: path.basename(w.shareFile.path),
      }));
      await journal.append(operator, 'custody.split', {
        keyId: p.keyId,
        threshold: request.m,
        total: request.n,
        holders: holders.map((h) => ({ shareIndex: h.shareIndex, custodian: h.custodian, folder: h.folder })),
      });
      results.push({ keyId: p.keyId, threshold: request.m, total: request.n, holders });
    } finally {
      for (const share of shares) share.share.dispose();
    }
  }
  reportProgress(onProgress, {
    step: 'custody',
    done: parameters.length,
    total: parameters.length,
    ...progressLine('shares-written', {}),
  });
  return results;
}
