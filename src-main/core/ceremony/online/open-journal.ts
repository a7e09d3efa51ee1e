/**
 * Opening an online ceremony's journal: a new journal gets the ceremony start (its facts and the
 * workstation); an existing one gets a session entry and is replayed, so it continues where it stopped.
 */
import type { ReceiptLanguage } from '../../receipt/language';
import type { PaperSize } from '../../receipt/paper-size';
import type { WrappingAlgorithm } from '../../crypto/key-spec';
import { KeyferryError } from '../../errors';
import type { Journal } from '../../journal';
import { appIdentityData, ceremonyRecordData, describeWorkstation, type AppIdentity } from '../shared/ceremony-record';
import { newCeremonyId } from '../shared/ceremony-id';
import type { CeremonyPlan, MaterialExpiry } from '../shared/ceremony-plan';
import { ONLINE_EVENTS } from './events';
import type { OnlineKms } from './kms-calls';
import type { ReplicaKmsFactory } from './replica-connections';
import { replayOnlineJournal, type OnlineCeremonyState } from './state';
import type { ProgressListener } from '../shared/progress';
import { checkCeremonyPeople } from '../shared/person-name';
import { unrecordedSessionEntries } from './unrecorded-session';
import { killedSessionEntries } from './killed-session';

/** The ceremony facts a new online ceremony starts with (from the plan or the command line). */
export interface OnlineCeremonyStart {
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly wrappingAlgorithm: WrappingAlgorithm;
  readonly materialExpiry: MaterialExpiry;
  readonly rehearsal?: boolean;
  /** The paper its receipts are printed on (journaled with the ceremony record). */
  readonly paperSize?: PaperSize;
  /** The language its receipts are printed in (journaled with the ceremony record). */
  readonly receiptLanguage?: ReceiptLanguage;
}

/** The ceremony facts of `plan` an online ceremony starts with (the CLI, the rehearsal and the tests start from a plan). */
export function onlineStartOf(plan: CeremonyPlan): OnlineCeremonyStart {
  return {
    title: plan.title,
    operator: plan.operator,
    witnesses: plan.witnesses,
    wrappingAlgorithm: plan.wrappingAlgorithm,
    materialExpiry: plan.materialExpiry,
  };
}

export interface OnlineCeremonyOptions {
  readonly journal: Journal;
  readonly kms: OnlineKms;
  /** The KMS region recorded in bundles, e.g. cn-north-4. */
  readonly region: string;
  readonly app: AppIdentity;
  /** Needed only when the journal is new. */
  readonly start?: OnlineCeremonyStart;
  readonly clock?: () => Date;
  readonly onProgress?: ProgressListener;
  /**
   * Opens the connection of a replica's region/project (plans with `replicas`); without it such a
   * plan is refused (REPLICA_CONNECTION_UNAVAILABLE). See replica-connections.ts.
   */
  readonly replicaKms?: ReplicaKmsFactory;
  /** KMS calls in flight at once for a many-key step (default DEFAULT_KMS_CONCURRENCY). */
  readonly concurrency?: number;
}

/**
 * Starts a new ceremony on an empty journal (needs `start`), or continues the one the journal
 * holds (its facts win; `start` is then ignored); returns the replayed state.
 */
export async function openOnlineJournal(options: OnlineCeremonyOptions): Promise<OnlineCeremonyState> {
  const { journal } = options;
  const existing = replayOnlineJournal(journal.entries);
  const ws = describeWorkstation();
  if (existing) {
    // Sends of earlier sessions with no answer recorded and not yet traced are said first (one write with the session's start).
    const unrecorded = unrecordedSessionEntries(journal.entries, existing.operator);
    await journal.appendMany([
      // A session killed (its lock left behind) says so first, unless a trace of its sends says it.
      ...killedSessionEntries(journal.entries, journal.lockLeftBehind, existing.operator, unrecorded),
      ...unrecorded,
      {
        actor: existing.operator,
        event: ONLINE_EVENTS.session,
        data: { hostname: ws.hostname, os: ws.os, ...appIdentityData(options.app) },
      },
    ]);
    return replayOnlineJournal(journal.entries) as OnlineCeremonyState;
  }
  const start = options.start
    ? { ...options.start, ...checkCeremonyPeople(options.start.operator, options.start.witnesses) }
    : undefined;
  if (!start) {
    throw new KeyferryError('CEREMONY_NOT_STARTED');
  }
  const id = newCeremonyId((options.clock ?? (() => new Date()))());
  await journal.append(start.operator, ONLINE_EVENTS.started, {
    ...ceremonyRecordData({
      id,
      title: start.title,
      operator: start.operator,
      witnesses: start.witnesses,
      side: 'online',
      workstation: ws,
      app: options.app,
      rehearsal: start.rehearsal ?? false,
      ...(start.paperSize ? { paperSize: start.paperSize } : {}),
      ...(start.receiptLanguage ? { receiptLanguage: start.receiptLanguage } : {}),
    }),
    wrappingAlgorithm: start.wrappingAlgorithm,
    expiry: start.materialExpiry.kind === 'never' ? 'never' : start.materialExpiry.at.toISOString(),
  });
  return replayOnlineJournal(journal.entries) as OnlineCeremonyState;
}
