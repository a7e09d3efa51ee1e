/**
 * The receipt's custody sets: its keys grouped by who holds their shares, so the holders are named
 * once however many keys a set holds, with the heading and the line in each key's own section.
 */
import { phrase, type Fact } from './facts';
import type { ReceiptPhrase } from './language';
import type { ReceiptCustody, ReceiptKey } from './types';

/** Custody holders sorted by share index. */
export function custodyRows(
  custody: ReceiptCustody,
): { shareIndex: number; custodian: string; presentedBy?: string }[] {
  return [...custody.holders].sort((a, b) => a.shareIndex - b.shareIndex);
}

/** One custody arrangement on a receipt and every key it holds (a ceremony custody set holds them all). */
export interface ReceiptCustodySet {
  /** 1-based, in the order its first key appears on the receipt. */
  readonly n: number;
  readonly custody: ReceiptCustody;
  readonly keys: readonly ReceiptKey[];
}

/**
 * The receipt's keys grouped by custody: keys whose threshold, holders (and, on a restore, presenters
 * and share total) are the same are one set, so the holders are named once however many keys it holds.
 */
export function custodySets(keys: readonly ReceiptKey[]): ReceiptCustodySet[] {
  const sets = new Map<string, { custody: ReceiptCustody; keys: ReceiptKey[] }>();
  for (const key of keys) {
    if (!key.custody) continue;
    const identity = JSON.stringify([
      key.custody.threshold,
      key.custody.restoredFrom?.total ?? null,
      custodyRows(key.custody),
    ]);
    const set = sets.get(identity) ?? { custody: key.custody, keys: [] };
    set.keys.push(key);
    sets.set(identity, set);
  }
  return [...sets.values()].map((set, i) => ({ n: i + 1, ...set }));
}

/** The set a key's custody belongs to (its number), for the line in the key's own section. */
export function custodySetOf(sets: readonly ReceiptCustodySet[], key: ReceiptKey): ReceiptCustodySet | undefined {
  return sets.find((s) => s.keys.includes(key));
}

/** The custody heading: who holds the shares (split), or which shares rebuilt the material (restore). */
export function custodyHeading(custody: ReceiptCustody): ReceiptPhrase {
  return custody.restoredFrom
    ? phrase('receipt.custody.restored', {
        presented: custody.holders.length,
        total: custody.restoredFrom.total,
        threshold: custody.threshold,
      })
    : phrase('receipt.custody.split', { threshold: custody.threshold, total: custody.holders.length });
}

/** The line in a key's own section naming its custody set (the holders are printed once, under Custody). */
export function custodySetFact(set: ReceiptCustodySet): Fact {
  return {
    label: phrase('receipt.custody.keyInSet'),
    value: phrase('receipt.custody.keyInSetValue', {
      set: set.n,
      threshold: set.custody.threshold,
      total: set.custody.restoredFrom?.total ?? set.custody.holders.length,
    }),
  };
}
