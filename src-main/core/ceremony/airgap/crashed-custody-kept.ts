/**
 * What the closing of an unfinished session (unfinished-session.ts) reads of its custody set besides
 * withdrawing it (crashed-session-custody.ts): the set of a session cut after its receipt, KEPT and
 * named, never removed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Journal } from '../../journal';
import {
  journaledSplit,
  journalNotWithdrawn,
  notWithdrawn,
  targetsOf,
  type CrashedCustody,
  type CrashedCustodyWithdrawal,
  type CustodyNotWithdrawn,
} from './crashed-session-custody';
import type { ClosingDone } from './closing-resume';

/**
 * The custody set of a session killed after its receipt was journaled and before its bundle's
 * manifest (unfinished-session.ts): KEPT, never removed. The journal and the media say the bundle
 * never became whole, but the journal may be a copy cut short and the manifest taken away: a trial
 * removed the only custody copy of imported material so. Each holder's folder is journaled
 * `custody.kept` with cause `receiptWritten`, naming the files there: they are destroyed only once
 * the online side shows that no key holds that set's material. A closing cut short that journaled a
 * folder kept already (`done`, closing-resume.ts) is not journaled again: that folder is named kept
 * as it was journaled, and every other holder's folder is kept too.
 */
export async function keepCustodyOfReceiptSession(
  custody: CrashedCustody,
  journal: Journal,
  operator: string,
  done?: ClosingDone,
): Promise<CrashedCustodyWithdrawal> {
  const split = journaledSplit(custody.session.findLast((e) => e.event === 'custody.split'));
  if (custody.ceremonyId === null || !split) return { withdrawnCustody: [], custodyByHand: [], notWithdrawn: [] };
  const kept: CustodyNotWithdrawn[] = [];
  for (const target of targetsOf(custody, custody.ceremonyId, split)) {
    const journaled = done?.custodyJournaled.get(target.folder);
    if (journaled?.kept) {
      kept.push(journaled);
      continue;
    }
    const listing = await fs.readdir(target.folder).catch(() => [] as string[]);
    const files = target.writtenNames.filter((n) => listing.includes(n)).map((n) => path.join(target.folder, n));
    const k = notWithdrawn(target, 'receiptWritten', files);
    await journalNotWithdrawn(journal, operator, k, 'custody.kept');
    kept.push(k);
  }
  return { withdrawnCustody: [], custodyByHand: [], notWithdrawn: kept };
}
