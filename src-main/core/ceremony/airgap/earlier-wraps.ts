/**
 * The wraps an air-gapped journal already finished (a session whose wrapped-material bundle was
 * completed: its receipt written). A new wrap of the same ceremony makes NEW material: beside the
 * earlier bundle (still importable while its tokens live) and the earlier custody set (shares that
 * look valid for years) it is a second version of the ceremony's keys. That may be right (the
 * media were lost, the token expired) but never quiet: the preflight journals `wrap.repeated`
 * naming every earlier bundle and custody set, the terminal and the receipt say it.
 */
import { phraseOf } from '../../../i18n/phrase';
import type { Journal, JournalEntry } from '../../journal';
import { custodySplitRecordSchema } from './custody-split';
import { startsAirGappedSession } from './receipt-session';

/** One finished wrap (or restore) session of the journal. */
export interface EarlierWrap {
  /** 1-based: the n-th session of the journal, as receipt names count them. */
  readonly session: number;
  /** The wrapped-material bundle's digest (its manifest's SHA-256) and folder. */
  readonly bundleDigest: string;
  readonly folder: string;
  /** The session's receipt (text file name), which names the bundle digest and the custody set. */
  readonly receipt: string | null;
  /** The custody set written in that session (its backup's digest and holders), if any. */
  readonly custody: { readonly backupDigest: string; readonly custodians: readonly string[] } | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Every session of `entries` that completed a wrapped-material bundle, oldest first. */
export function finishedWraps(entries: readonly JournalEntry[]): EarlierWrap[] {
  const wraps: EarlierWrap[] = [];
  let session = 0;
  let custody: EarlierWrap['custody'] = null;
  let receipt: string | null = null;
  for (const entry of entries) {
    if (startsAirGappedSession(entry)) {
      session += 1;
      custody = null;
      receipt = null;
    } else if (entry.event === 'receipt.written') {
      receipt = text(entry.data['textFile']);
    } else if (entry.event === 'custody.split') {
      const record = custodySplitRecordSchema.safeParse(entry.data);
      const backupDigest = record.success ? record.data.backupDigest : undefined;
      custody =
        record.success && backupDigest
          ? { backupDigest, custodians: record.data.holders.map((h) => h.custodian) }
          : null;
    } else if (entry.event === 'wrapped-bundle.completed') {
      const bundleDigest = text(entry.data['manifestSha256']);
      const folder = text(entry.data['folder']);
      if (bundleDigest && folder) wraps.push({ session, bundleDigest, folder, receipt, custody });
    }
  }
  return wraps;
}

/** Journals `wrap.repeated` (an override on the receipt) naming every earlier bundle and custody set. */
export async function journalRepeatedWrap(
  journal: Journal,
  operator: string,
  earlier: readonly EarlierWrap[],
): Promise<void> {
  await journal.append(operator, 'wrap.repeated', {
    earlier: earlier.map((w) => ({
      session: w.session,
      bundleDigest: w.bundleDigest,
      folder: w.folder,
      ...(w.receipt ? { receipt: w.receipt } : {}),
      ...(w.custody ? { backupDigest: w.custody.backupDigest, custodians: [...w.custody.custodians] } : {}),
    })),
    reasonPhrase: {
      ...phraseOf('journal.reason.wrap-repeated', {
        count: earlier.length,
        last: (earlier.at(-1) as EarlierWrap).session,
        custodySets: earlier.filter((w) => w.custody).length,
      }),
    },
  });
}
