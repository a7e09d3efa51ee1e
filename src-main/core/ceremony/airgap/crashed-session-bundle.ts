/**
 * The wrapped-bundle folder of an unfinished session, withdrawn by its closing (unfinished-session.ts):
 * marked ABANDONED (journaled `wrapped-bundle.withdrawn`) when it holds anything and no manifest. A
 * folder the session's own stop (stop-cut-short.ts) or a closing cut short (closing-resume.ts) already
 * journaled withdrawn, and that still shows it, is not withdrawn, nor journaled, a second time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { phraseOf } from '../../../i18n/phrase';
import { MANIFEST_FILE, withdrawWrappedBundle, withdrawnBundleData, withdrawalKind } from '../../bundle';
import { toProblem } from '../../errors';
import { problemData, type Journal, type JournalEntry } from '../../journal';
import { isRestoreStart } from './receipt-session';

/** What became of the bundle folder: withdrawn (now or before), or to delete by hand. */
interface BundleWithdrawal {
  readonly withdrawn: string | null;
  /** How this closing withdrew it (marked, or its manifest removed); absent: withdrawn before, or not now. */
  readonly how?: ReturnType<typeof withdrawalKind>;
  readonly byHand: string | null;
}

/**
 * Whether `folder`, journaled withdrawn in `earlier`, still shows it: its marker there, or (no room for
 * one) no manifest. A folder that cannot be read (its stick out since) is taken at the journal's word:
 * nothing there can be marked now, and a resumed closing said nothing at all of that bundle.
 */
async function stillWithdrawn(earlier: readonly JournalEntry[], folder: string): Promise<boolean> {
  const entry = earlier.findLast(
    (e) =>
      e.event === 'wrapped-bundle.withdrawn' &&
      typeof e.data['folder'] === 'string' &&
      path.resolve(e.data['folder']) === path.resolve(folder),
  );
  if (!entry) return false;
  const names = await fs.readdir(folder).catch(() => undefined);
  if (names === undefined) return true;
  const marker = entry?.data['marker'];
  return typeof marker === 'string' ? names.includes(marker) : !names.includes(MANIFEST_FILE);
}

/** Marks the session's wrapped-bundle folder ABANDONED (journaled), when it holds anything. */
async function markWithdrawn(
  journal: Journal,
  operator: string,
  session: readonly JournalEntry[],
  folder: string,
  now: Date,
  why: { readonly reason: string; readonly phrase: ReturnType<typeof phraseOf> },
): Promise<BundleWithdrawal> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  // A manifest is written only after the receipt, which ends a session: a folder holding one is a
  // finished bundle (another stick at the same path), never the crashed session's; it is left as it is.
  if (names.length === 0 || names.includes(MANIFEST_FILE)) return { withdrawn: null, byHand: null };
  const written = session.findLast((e) => e.event === 'wrapped-bundle.written');
  const digest = written?.data['manifestSha256'];
  const manifestSha256: Record<string, string> = typeof digest === 'string' ? { manifestSha256: digest } : {};
  try {
    const withdrawn = await withdrawWrappedBundle(folder, {
      reason: why.reason,
      phrase: why.phrase,
      at: now,
      journal: journal.path,
      // A restore's session start names its purpose: its bundle says to restore again, not to wrap.
      restore: isRestoreStart(session[0]?.data),
    });
    await journal.append(operator, 'wrapped-bundle.withdrawn', {
      ...withdrawnBundleData(withdrawn),
      ...manifestSha256,
    });
    return { withdrawn: withdrawn.dir, how: withdrawalKind(withdrawn), byHand: null };
  } catch (error) {
    await journal.append(operator, 'wrapped-bundle.withdraw-failed', {
      folder,
      ...manifestSha256,
      ...problemData(toProblem(error)),
    });
    return { withdrawn: null, byHand: folder };
  }
}

/**
 * Withdraws the unfinished `session`'s bundle `folder` (its entries), unless `earlier` (its stop's
 * entries, a cut closing's) journaled it withdrawn and the folder still shows it: then it is named
 * withdrawn as it was, nothing written.
 */
export async function withdrawCrashedBundle(
  journal: Journal,
  operator: string,
  session: readonly JournalEntry[],
  earlier: readonly JournalEntry[],
  folder: string,
  now: Date,
  why: { readonly reason: string; readonly phrase: ReturnType<typeof phraseOf> },
): Promise<BundleWithdrawal> {
  if (await stillWithdrawn(earlier, folder)) return { withdrawn: folder, byHand: null };
  return markWithdrawn(journal, operator, session, folder, now, why);
}
