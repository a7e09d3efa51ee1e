/**
 * M-of-N custody on the air-gapped side: before wrapping, the ceremony's keys go into one custody
 * set (core/custody/set-split.ts): every key's material encrypted under one backup key in one
 * backup file, and that key split into N shares (any M rebuild it). Each custodian's folder is
 * written by core/custody/custodian-folders.ts (the same function `custody split` uses). The
 * journal records who holds which share index and the backup digest, never a share.
 */
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import path from 'node:path';
import type { ImportParameters } from '../../bundle';
import type { ReceiptLanguage } from '../../receipt/language';
import { withdrawCustodyWrites, type CustodyWrites } from '../../custody/withdraw-custody';
import type { CustodyWithdrawal } from './session-stop';
import { writeCustodySet } from '../../custody/custodian-folders';
import { backupFileName } from '../../custody/backup-text';
import { splitCustodySet } from '../../custody/set-split';
import { KeyferryError } from '../../errors';
import { createFreshFolder, nodeFileLayer } from '../../fs/durable-file';
import { recordingLayer, type CreatedRecord } from '../../fs/created-entries';
import type { Journal } from '../../journal';
import type { MaterialVault } from './material-vault';
import { reportProgress, type ProgressListener, progressLine } from '../shared/progress';
import type { SlipContext } from '../../custody/custody-slip';

const holderSchema = z.object({ shareIndex: z.number().int().min(1).max(16), custodian: z.string().min(1).max(100) });

/** The data of a `custody.split` journal entry as read back (restore's holders, earlier wraps' custody sets). */
export const custodySplitRecordSchema = z.object({
  format: z.literal('custody-set').optional(),
  keyId: z.string().optional(),
  /** The keys whose material the set holds (a replica group's under its primary's id), since 2026-11-30. */
  keyIds: z.array(z.string()).optional(),
  backupDigest: z.string().optional(),
  threshold: z.number().int(),
  total: z.number().int(),
  holders: z.array(holderSchema).min(2).max(16),
});

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
  /** The ceremony's title and the split's time, printed on every slip. */
  readonly slipContext?: SlipContext;
  /** Called once CUSTODY_SPLIT_STARTED is journaled, before a file is written (a test pause: the CLI's `custody-split-started`). */
  readonly afterStarted?: () => Promise<void>;
  /** Called after each custodian's folder is written (a test pause: the CLI's `custody-split-first-folder`). */
  readonly afterCustodian?: () => Promise<void>;
  /** Aborted by a stop (Ctrl-C): no further folder or file is started; the split fails, and the stop withdraws what it wrote. */
  readonly signal?: AbortSignal;
}

interface CustodyHolder {
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
  /** The ceremony's backup file (beside every share) and its payload's SHA-256. */
  readonly backupFile: string;
  readonly backupDigest: string;
}

/**
 * Journaled once a split has made its custodian folders and before it writes a file into them (its
 * set tag, holders and folders, each with whether the split created it): the closing of a session
 * killed in the writes reads it (crashed-session-custody.ts). A passed preflight says the session's
 * build journals it (SPLIT_START_JOURNALED): killed before it, the session wrote no file there.
 */
export const CUSTODY_SPLIT_STARTED = 'custody.split-started';

/** What a `preflight.passed` of a build that journals CUSTODY_SPLIT_STARTED says so with (since 2026-12-07). */
export const SPLIT_START_JOURNALED = { custodySplitStartJournaled: true } as const;

/** Parses "M/N" (e.g. "2/3") as typed on a command line. */
export function parseCustodySpec(text: string): { m: number; n: number } {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*$/.exec(text);
  const m = Number(match?.[1]);
  const n = Number(match?.[2]);
  if (!match || m < 2 || m > n || n > 16) {
    throw new KeyferryError('CUSTODY_SPEC_INVALID', { text });
  }
  return { m, n };
}

/** Filled as the split writes: what a stopped session withdraws (core/custody/withdraw-custody.ts). */
export type CustodyWritesLog = CreatedRecord;

/**
 * Splits the custody of every key at once (one custody set): one share per custodian, written
 * with its printable slip and the ceremony's backup file into that custodian's folder. Returns
 * who holds which share, for every key (the same holders for each: one share covers them all);
 * `writes` receives every folder created and file written, as they happen.
 */
export async function splitForCustody(
  ceremonyId: string,
  parameters: readonly ImportParameters[],
  vault: MaterialVault,
  request: CustodyRequest,
  journal: Journal,
  operator: string,
  writes: CustodyWritesLog,
  onProgress?: ProgressListener,
): Promise<CustodyResult[]> {
  const custodians = request.custodians ?? Array.from({ length: request.n }, (_, i) => `custodian-${i + 1}`);
  if (request.folders.length !== request.n) {
    throw new KeyferryError('CUSTODY_SET_CUSTODIANS', { count: request.folders.length, n: request.n });
  }
  if (request.allowSameVolume) {
    await journal.append(operator, 'warning.custody-same-volume', { folders: [...request.folders] });
  }
  reportProgress(onProgress, {
    step: 'custody',
    done: 0,
    total: parameters.length,
    ...progressLine('split-set', { keys: parameters.length, shares: request.n }),
  });
  const set = await splitCustodySet({
    ceremonyId,
    m: request.m,
    n: request.n,
    custodians,
    keys: parameters.map((p) => ({ keyId: p.keyId, spec: p.keySpec, material: vault.get(p.keyId) })),
  });
  try {
    const folders = request.folders.map((f) => path.resolve(f));
    const exists = await Promise.all(
      folders.map((f) =>
        fs.stat(f).then(
          () => true,
          () => false,
        ),
      ),
    );
    // Folders the preflight accepted as "new" are created now, right before the shares go in.
    const { layer } = recordingLayer(nodeFileLayer, request.signal, writes);
    for (const [i, folder] of folders.entries()) if (!exists[i]) await createFreshFolder(folder, layer);
    // Journaled before any file is written: a session killed in the writes is closed by the next one
    // knowing the set, its holders and which folders it created.
    await journal.append(operator, CUSTODY_SPLIT_STARTED, {
      format: 'custody-set',
      total: request.n,
      backupFile: backupFileName(ceremonyId, set.backup.digest),
      backupDigest: set.backup.digest,
      holders: set.shares.map((share, i) => ({
        shareIndex: share.index,
        custodian: share.custodian,
        folder: folders[i] as string,
        willCreate: !exists[i],
      })),
    });
    await request.afterStarted?.();
    const { written, backupFile: backupName } = await writeCustodySet(set, {
      m: request.m,
      n: request.n,
      folders,
      ...(request.language ? { language: request.language } : {}),
      ...(request.slipContext ? { slipContext: request.slipContext } : {}),
      ...(request.allowSameVolume ? { volumeIdOf: (folder: string) => path.resolve(folder) } : {}),
      created: writes,
      inCeremony: true,
      ...(request.afterCustodian ? { afterCustodian: request.afterCustodian } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const holders = written.map((w, j) => ({
      shareIndex: w.index,
      custodian: w.custodian,
      folder: folders[j] as string,
      shareFile: path.basename(w.shareFile.path),
    }));
    await journal.append(operator, 'custody.split', {
      format: 'custody-set',
      keyIds: parameters.map((p) => p.keyId),
      threshold: request.m,
      total: request.n,
      backupFile: backupName,
      backupDigest: set.backup.digest,
      holders: holders.map((h) => ({ shareIndex: h.shareIndex, custodian: h.custodian, folder: h.folder })),
    });
    reportProgress(onProgress, {
      step: 'custody',
      done: parameters.length,
      total: parameters.length,
      ...progressLine('shares-written', {}),
    });
    return parameters.map((p) => ({
      keyId: p.keyId,
      threshold: request.m,
      total: request.n,
      holders,
      backupFile: backupName,
      backupDigest: set.backup.digest,
    }));
  } finally {
    for (const share of set.shares) share.share.dispose();
  }
}

/**
 * A stopped session's custody files removed again (withdraw-custody.ts), journaled as
 * `custody.withdrawn`, or `custody.withdraw-failed` naming the files left to delete by hand.
 */
export async function withdrawCustodySplit(
  writes: CustodyWrites,
  journal: Journal,
  operator: string,
): Promise<CustodyWithdrawal> {
  if (writes.files.length === 0 && writes.createdFolders.length === 0)
    return { withdrawnCustody: [], custodyByHand: [] };
  const withdrawn = await withdrawCustodyWrites(writes);
  const byHand = [...withdrawn.leftFiles, ...withdrawn.movedFiles];
  // Only folders files of it were removed from (as the next session's closing says them): a folder it
  // made and a stop emptied before a file went in (Ctrl-C in the writes) is gone again, nothing taken from it.
  const folders = withdrawn.folders.filter((folder) => writes.files.some((file) => path.dirname(file) === folder));
  // Those it made and removed again with no file in them, each with its custodian: said apart (a trial's
  // stop said only "nothing counts as written" of the folders it had made on two custodians' sticks).
  const custodianOf = startedHolders(journal);
  const emptied = writes.createdFolders
    .filter((folder) => withdrawn.removedFolders.includes(folder) && !folders.includes(folder))
    // The custodian folders themselves, never one made inside them.
    .filter((folder) => !writes.createdFolders.includes(path.dirname(folder)))
    // One the stop did not take away itself went with its media (a stick pulled), empty: it is on that stick.
    .map((folder) => ({
      folder,
      custodian: custodianOf.get(folder) ?? null,
      ...(writes.unlinked?.has(folder) === true ? {} : { gone: true as const }),
    }));
  await journal.append(operator, byHand.length > 0 ? 'custody.withdraw-failed' : 'custody.withdrawn', {
    folders,
    removedFiles: withdrawn.removedFiles,
    // The folders it had made, gone again: a stop before any file went in removes only those (a trial's
    // receipt said "Files removed: 0" of folders it had made and removed).
    // In the order they were made (they are removed innermost first; a receipt listed them backwards).
    ...(withdrawn.removedFolders.length > 0
      ? { removedFolders: writes.createdFolders.filter((f) => withdrawn.removedFolders.includes(f)) }
      : {}),
    ...(withdrawn.leftFiles.length > 0 ? { leftFiles: [...withdrawn.leftFiles] } : {}),
    ...(withdrawn.movedFiles.length > 0 ? { movedFiles: [...withdrawn.movedFiles] } : {}),
  });
  return {
    withdrawnCustody: folders,
    custodyByHand: byHand,
    ...(emptied.length > 0 ? { removedCustodyFolders: emptied } : {}),
  };
}

const startedHoldersSchema = z.object({ holders: z.array(holderSchema.extend({ folder: z.string() })) });

/** The custodian of each folder the running split journaled (CUSTODY_SPLIT_STARTED), by folder. */
function startedHolders(journal: Journal): Map<string, string> {
  const started = journal.entries.findLast((e) => e.event === CUSTODY_SPLIT_STARTED);
  const parsed = startedHoldersSchema.safeParse(started?.data);
  return new Map(parsed.success ? parsed.data.holders.map((h) => [h.folder, h.custodian]) : []);
}
