/**
 * Who hands over which share at a restore (DESIGN rule 7: M-of-N custody means M different people).
 * One person handing over more than one share is refused unless the officer gives a reason
 * (journaled `custody.presenter-several-shares`, an override on the receipt); a share handed over by
 * someone other than its recorded custodian, or by the operator or a witness, is journaled
 * `custody.presenter-flagged` (an override on the receipt) and warned of. Names compare as the
 * ceremony's people do (personKey), and a presenter who is one of the ceremony's people is recorded
 * under that person's name as first recorded (presenterName), so the receipt counts them once. The app checks each share as it is handed over; the CLI knows
 * every presenter before the journal opens and checks them all then (checkHandovers).
 */
import { KeyferryError } from '../../errors';
import type { Journal } from '../../journal';
import { listValue } from '../../../i18n/list';
import { phraseOf } from '../../../i18n/phrase';
import { officerReasonSchema, OFFICER_REASON_MAX } from '../shared/officer-reason';
import { personKey } from '../../person-key';
import type { PresenterConcern } from './presenter-concern';
import { ceremonyRoleOf, type CeremonyPeople } from '../shared/ceremony-role';

/** One share handed over: its index, the custodian the share records, and who handed it over. */
export interface ShareHandover {
  readonly shareIndex: number;
  readonly custodian: string;
  readonly presentedBy: string;
}

/** Where the officer allows one person to hand over several shares (the text of the refusal's next step). */
export type OverrideSurface = 'cli' | 'app';

/**
 * How `typed` (who hands over a share) is recorded: the spelling of the person it names as first
 * recorded (the operator, a witness, the share's custodian, then the custodians and presenters of the
 * shares presented before, in that order), else as typed. `Ana` for `ana ` when Ana operates.
 */
export function presenterName(
  typed: string,
  people: { readonly operator: string; readonly witnesses: readonly string[] },
  custodian: string,
  earlier: readonly ShareHandover[],
): string {
  const who = personKey(typed);
  const known = [
    people.operator,
    ...people.witnesses,
    custodian,
    ...earlier.flatMap((h) => [h.custodian, h.presentedBy]),
  ];
  return known.find((name) => personKey(name) === who) ?? typed;
}

/** The officer's reason to let one person hand over several shares, checked; undefined when none was given. */
export function severalSharesReason(given: string | undefined, where: OverrideSurface): string | undefined {
  if (given === undefined) return undefined;
  const parsed = officerReasonSchema.safeParse(given);
  if (!parsed.success) throw new KeyferryError('CUSTODY_PRESENTER_REASON_INVALID', { max: OFFICER_REASON_MAX, where });
  return parsed.data;
}

/** The shares `presentedBy` hands over among `handovers`, in share order. */
export function sharesHandedOverBy(handovers: readonly ShareHandover[], presentedBy: string): number[] {
  const who = personKey(presentedBy);
  return handovers
    .filter((h) => personKey(h.presentedBy) === who)
    .map((h) => h.shareIndex)
    .sort((a, b) => a - b);
}

/** CUSTODY_PRESENTER_SEVERAL_SHARES for `presentedBy` handing over `shareIndexes` (two or more). */
export function severalSharesRefusal(
  presentedBy: string,
  shareIndexes: readonly number[],
  where: OverrideSurface,
): KeyferryError {
  return new KeyferryError('CUSTODY_PRESENTER_SEVERAL_SHARES', {
    presentedBy,
    count: shareIndexes.length,
    sharesList: listValue(shareIndexes),
    where,
  });
}

/**
 * Refuses `handovers` (every share the CLI was given, with its presenter) when one person hands over
 * more than one and the officer gave no reason: before anything is journaled or rebuilt.
 */
export function checkHandovers(handovers: readonly ShareHandover[], reason: string | undefined): void {
  if (reason !== undefined) return;
  for (const h of handovers) {
    const shares = sharesHandedOverBy(handovers, h.presentedBy);
    if (shares.length > 1) throw severalSharesRefusal(h.presentedBy, shares, 'cli');
  }
}

/** What is out of the ordinary about `handover` with `people` running the ceremony; null when nothing is. */
export function presenterConcern(handover: ShareHandover, people: CeremonyPeople): PresenterConcern | null {
  const notCustodian = personKey(handover.presentedBy) !== personKey(handover.custodian);
  const role = ceremonyRoleOf(handover.presentedBy, people);
  return notCustodian || role !== 'none' ? { notCustodian, role } : null;
}

/** Journals the officer's override: `presentedBy` handed over `shareIndexes` (the latest just now) for `reason`. */
export async function journalSeveralShares(
  journal: Journal,
  operator: string,
  presentedBy: string,
  shareIndexes: readonly number[],
  reason: string,
): Promise<void> {
  await journal.append(operator, 'custody.presenter-several-shares', {
    presentedBy,
    shareIndexes: [...shareIndexes],
    severalSharesReason: reason,
    reasonPhrase: {
      ...phraseOf('journal.reason.presenter-several-shares', {
        presentedBy,
        sharesList: listValue(shareIndexes),
        reason,
      }),
    },
  });
}

/** Journals a handover out of the ordinary (`concern`), in the presenter's name. */
export async function journalPresenterConcern(
  journal: Journal,
  handover: ShareHandover,
  concern: PresenterConcern,
): Promise<void> {
  await journal.append(handover.presentedBy, 'custody.presenter-flagged', {
    shareIndex: handover.shareIndex,
    custodian: handover.custodian,
    presentedBy: handover.presentedBy,
    notCustodian: concern.notCustodian,
    ...(concern.role === 'none' ? {} : { role: concern.role }),
    reasonPhrase: {
      ...phraseOf('journal.reason.presenter-flagged', {
        index: handover.shareIndex,
        custodian: handover.custodian,
        presentedBy: handover.presentedBy,
        notCustodian: concern.notCustodian ? 'yes' : 'no',
        role: concern.role,
      }),
    },
  });
}
