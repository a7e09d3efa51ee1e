/**
 * Who holds the shares of the split a restore was given: the custody copy after a restore is
 * still every holder's share, not only the shares presented. A custody set's backup (version 2)
 * names them; for older splits (per-key shares, version 1 backups) the names of the holders who
 * did not come are in the `custody.split` entry of the air-gapped journal that made the split,
 * when the restore runs on that journal. Entries are schema-checked
 * (a journal is read as written) and must match the presented shares (same backup digest for a
 * custody set, same key for a per-key split, same M-of-N, the presenters at their indexes).
 */
import type { CustodyArrangement } from '../../bundle';
import type { JournalEntry } from '../../journal';
import type { PresentedShare } from './presented-shares';
import { custodySplitRecordSchema } from '../airgap/custody-split';

/** The split the presented shares came from, as the restore knows it. */
interface PresentedSplit {
  readonly threshold: number;
  readonly total: number;
  /** The backup digest of a custody set; null for a per-key split. */
  readonly backupDigest: string | null;
  /** The key of a per-key split; null for a custody set. */
  readonly keyId: string | null;
  readonly presented: readonly PresentedShare[];
}

/**
 * Every holder's name in share order (1..N) when `entries` hold the split's record; otherwise
 * null (only the presenters are known).
 */
export function recordedHolders(entries: readonly JournalEntry[], split: PresentedSplit): string[] | null {
  for (const entry of [...entries].reverse()) {
    if (entry.event !== 'custody.split') continue;
    const parsed = custodySplitRecordSchema.safeParse(entry.data);
    if (!parsed.success) continue;
    const record = parsed.data;
    const sameSplit =
      split.backupDigest !== null
        ? record.format === 'custody-set' && record.backupDigest === split.backupDigest
        : record.format === undefined && record.keyId === split.keyId;
    if (!sameSplit || record.threshold !== split.threshold || record.total !== split.total) continue;
    const byIndex = new Map(record.holders.map((h) => [h.shareIndex, h.custodian]));
    const names = Array.from({ length: split.total }, (_, i) => byIndex.get(i + 1));
    if (names.some((n) => n === undefined)) continue;
    if (split.presented.some((p) => byIndex.get(p.shareIndex) !== p.custodian)) continue;
    return names as string[];
  }
  return null;
}

/** Who presented which share, in share order, as the manifest and the receipt record it. */
function presentedRecords(presented: readonly PresentedShare[]) {
  return [...presented]
    .sort((a, b) => a.shareIndex - b.shareIndex)
    .map((p) => ({ shareIndex: p.shareIndex, custodian: p.custodian, presentedBy: p.presentedBy }));
}

/**
 * The custody copy after a share restore, for the wrapped bundle's manifest: every holder (named
 * by the set's backup, else by `entries`' record of the split, else only those who presented),
 * and separately who presented which share here.
 */
export function sharesArrangement(
  split: Omit<PresentedSplit, 'presented'> & { readonly backupHolders: readonly string[] | null | undefined },
  presented: readonly PresentedShare[],
  entries: readonly JournalEntry[],
): CustodyArrangement {
  const byIndex = [...presented].sort((a, b) => a.shareIndex - b.shareIndex);
  // A custody set's backup (version 2) names every holder, bound by the digest every share records.
  const holders = split.backupHolders ?? recordedHolders(entries, { ...split, presented: byIndex });
  return {
    kind: 'shares',
    threshold: split.threshold,
    total: split.total,
    custodians: [...(holders ?? byIndex.map((p) => p.custodian))],
    // The set restored from is the material's custody copy still (a per-key split has none to name).
    ...(split.backupDigest !== null ? { backupDigest: split.backupDigest } : {}),
    presented: presentedRecords(byIndex),
  };
}

/** A share restore's custody section on the receipt: who presented which share, out of how many. */
export function sharesCustody(
  split: { readonly threshold: number; readonly total: number },
  presented: readonly PresentedShare[],
) {
  return {
    threshold: split.threshold,
    holders: presentedRecords(presented),
    restoredFrom: { total: split.total },
  };
}
