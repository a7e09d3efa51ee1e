/**
 * One share handed over at a restore, taken with the presenter rules (presenters.ts): who hands it
 * over is checked as a person's name and recorded under the spelling of the person it names
 * (presenterName); a second share from one person is refused unless the officer gave a reason; the
 * share itself is checked (presented-shares.ts). A refused share is wiped and journaled
 * `custody.share-refused`; a taken one is journaled `custody.share-presented`, then the officer's
 * several-shares override and a presenter out of the ordinary. The ceremony (workflow.ts) guards
 * the step around it.
 */
import type { CustodyShare } from '../../custody/custody-share';
import type { SetShare } from '../../custody/set-share';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type Journal } from '../../journal';
import { personName } from '../shared/person-name-shape';
import type { PresentedShare, PresentedShares, ShareSource } from './presented-shares';
import type { PresenterConcern } from './presenter-concern';
import {
  journalPresenterConcern,
  journalSeveralShares,
  presenterConcern,
  presenterName,
  severalSharesRefusal,
  sharesHandedOverBy,
  type OverrideSurface,
} from './presenters';

/** The officer's reason to let one person hand over several shares (none: refused), and where it is given. */
export interface SeveralSharesOverride {
  readonly reason?: string | undefined;
  readonly where: OverrideSurface;
}

/** A share as presentShare took it: with what is out of the ordinary about who handed it over. */
export type PresentedHandover = PresentedShare & {
  /** Shares presented so far. */
  readonly presented: number;
  /** Not the recorded custodian, or the operator or a witness (journaled `custody.presenter-flagged`); null when neither. */
  readonly concern: PresenterConcern | null;
  /** Every share this presenter handed over, when more than one (allowed by the officer's reason); else empty. */
  readonly severalShares: readonly number[];
};

/** The restore's journal and people, and what to do once the share is journaled as presented. */
interface HandoverContext {
  readonly journal: Journal;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly onPresented: () => void;
  /** A check of the share against what was presented before it (the backup's holders), refusing it. */
  readonly check?: (share: CustodyShare | SetShare) => void;
}

/** `presentedBy` hands over `share` from `source` into `shares` (ownership of `share` passes here). */
export async function takeHandover(
  shares: PresentedShares,
  share: CustodyShare | SetShare,
  handover: { readonly presentedBy: string; readonly source: ShareSource; readonly override: SeveralSharesOverride },
  context: HandoverContext,
): Promise<PresentedHandover> {
  const { presentedBy, source, override } = handover;
  const { journal, operator, witnesses } = context;
  const name = personName.safeParse(presentedBy);
  const who = name.success
    ? presenterName(name.data, { operator, witnesses }, share.custodian, shares.records)
    : share.custodian;
  let record: PresentedShare;
  try {
    if (!name.success)
      throw new KeyferryError('CEREMONY_PEOPLE_INVALID', {
        reason: 'presenter',
        name: presentedBy.slice(0, 100),
        index: share.index,
        who: 'witnesses',
        otherIndex: 0,
        otherName: '',
      });
    // One person, one share (presenters.ts): a second one is refused unless the officer gave a reason.
    const theirs = [...new Set([...sharesHandedOverBy(shares.records, who), share.index])].sort((a, b) => a - b);
    if (theirs.length > 1 && override.reason === undefined) throw severalSharesRefusal(who, theirs, override.where);
    context.check?.(share);
    record = shares.add(share, who, source);
  } catch (error) {
    if (!share.share.disposed) share.share.dispose();
    const problem = toProblem(error);
    await journal.append(who, 'custody.share-refused', {
      shareIndex: share.index,
      keyId: 'keyId' in share ? share.keyId : null,
      ceremonyId: share.ceremonyId,
      source,
      ...problemData(problem),
    });
    throw error;
  }
  await journal.append(who, 'custody.share-presented', { ...record });
  context.onPresented();
  const severalShares = sharesHandedOverBy(shares.records, who);
  if (severalShares.length > 1)
    await journalSeveralShares(journal, operator, who, severalShares, override.reason as string);
  const concern = presenterConcern(record, { operator, witnesses });
  if (concern) await journalPresenterConcern(journal, record, concern);
  return {
    ...record,
    presented: shares.records.length,
    concern,
    severalShares: severalShares.length > 1 ? severalShares : [],
  };
}
