/**
 * The warning of an import on the officer's word (--accept-other-airgap-journal) of a wrap made in
 * another air-gapped journal than the ceremony's: which journal it replaces, and what becomes of the
 * earlier wrap's custody copy and bundle. A trial's officer imported such a wrap and was told
 * nothing on screen; the first wrap's custody set was never named again, so nobody destroyed it.
 * That copy backs up nothing once this import is done, unless a key of the ceremony is bound to the
 * earlier wrap's material (imported from it before): then it must be kept.
 */
import { z } from 'zod';
import { custodyArrangementSchema } from '../../bundle/custody-arrangement';
import type { JournalEntry } from '../../journal';
import { warningOf, type Warning } from '../../../i18n/warning';
import { journalIdentity } from '../../../i18n/made-by-line';
import type { OnlineCeremonyState } from './state';
import { custodyCopyValues } from './wrapped-bundle-makers';

/** What the earlier wrap's check journaled of each key's material (wrapped-bundle.checked). */
const checkedKeys = z.array(
  z.object({ keyId: z.string(), keyCheckValue: z.string().nullable(), publicKeyFingerprint: z.string().nullable() }),
);

/** The override as journaled (wrapped-bundle.other-journal-accepted): the journals and the earlier wrap's entry. */
interface AcceptedOverride {
  readonly airGapJournal?: string | undefined;
  readonly airGapJournalFirstEntrySha256?: string | undefined;
  readonly earlierAirGapJournal: string;
  readonly earlierAirGapJournalFirstEntrySha256?: string | undefined;
  readonly earlierSeq: number;
}

/** Whether a key of `state` is bound to material the earlier wrap's check (`earlier`) recorded: the KMS takes only that again. */
function earlierMaterialBound(state: Pick<OnlineCeremonyState, 'keys'>, earlier: JournalEntry | undefined): boolean {
  const keys = checkedKeys.safeParse(earlier?.data['keys']);
  if (!keys.success) return false;
  return keys.data.some((k) => {
    const first = state.keys.get(k.keyId)?.firstImport;
    if (!first) return false;
    const sameKcv = k.keyCheckValue !== null && first.keyCheckValue === k.keyCheckValue;
    return sameKcv || (k.publicKeyFingerprint !== null && first.publicKeyFingerprint === k.publicKeyFingerprint);
  });
}

/** The warning for `override`, from the online journal's `entries` and `state` before this import. */
export function otherJournalImportedWarning(
  entries: readonly JournalEntry[],
  state: Pick<OnlineCeremonyState, 'keys'>,
  override: AcceptedOverride,
): Warning {
  const earlier = entries.find((e) => e.seq === override.earlierSeq);
  const custody = custodyArrangementSchema.safeParse(earlier?.data['custody']);
  const copy = custodyCopyValues(custody.success ? custody.data : undefined);
  // A refusal journaled before its custody was (2026-12-06) says nothing of it: not "no custody copy".
  const recorded = earlier !== undefined && 'custody' in earlier.data;
  const identity = (sha: string | undefined) => (sha ? journalIdentity(sha) : 'none');
  return warningOf('OTHER_AIRGAP_JOURNAL_IMPORTED', {
    airGapJournal: override.airGapJournal ?? 'none',
    airGapJournalFirstEntry: identity(override.airGapJournalFirstEntrySha256),
    earlierAirGapJournal: override.earlierAirGapJournal,
    earlierAirGapJournalFirstEntry: identity(override.earlierAirGapJournalFirstEntrySha256),
    earlierSeq: override.earlierSeq,
    earlierCopy: earlierMaterialBound(state, earlier) ? 'bound' : recorded ? copy.copies : 'unknown',
    threshold: copy.threshold,
    total: copy.total,
    custodianList: copy.custodianList,
    setTag: copy.setTag,
  });
}
