/**
 * Deviations: journal events a receipt must list and highlight because the ceremony did not go the
 * plain way (DESIGN rule 7: "a receipt lists every deviation"). One plain table, keyed by event name.
 *
 * To add an event: when your code journals an override, a refusal, a failed step, an acknowledged
 * possible loss, an interrupt or an abandoned attempt, add its event name below with its kind. The
 * receipts of both sides list every journal entry whose event is in this table, in journal order,
 * with its actor, time and data; nothing else is needed.
 */
import type { JournalEntry } from './entry';
import { isSensitiveKeyName } from './secret-guard';

/** A problem as a journal writer holds it (core/errors ProblemDetails). */
interface ProblemLike {
  readonly code: string;
  readonly message: string;
  readonly values?: Readonly<Record<string, string | number>> | undefined;
}

/**
 * What a refusal or failure entry records about its problem: `code` and `values`, from which a
 * receipt prints the problem in its own language, and `reason`, the English text as it was said
 * (what older readers print; the journal is append-only history, so it is kept). A value whose
 * name the journal's secret guard refuses is left out: the entry must be written (a stop whose
 * problem carried one was lost, and reported later as a crash), and the reason keeps the words.
 */
export function problemData(problem: ProblemLike): {
  code: string;
  reason: string;
  values?: Record<string, string | number>;
} {
  return {
    code: problem.code,
    reason: problem.message,
    ...(problem.values
      ? { values: Object.fromEntries(Object.entries(problem.values).filter(([name]) => !isSensitiveKeyName(name))) }
      : {}),
  };
}

/** Why an entry is a deviation. */
type DeviationKind =
  /** Someone chose to go past a check (network live, shares on one volume, expiry override…). */
  | 'override'
  /** Keyferry refused something (a live network, a wrong fingerprint or digest, a share…). */
  | 'refusal'
  /** A step failed (KMS error, past expiry refused before sending, a key that did not verify). */
  | 'failure'
  /** Someone acknowledged that material could become unrecoverable (no backup, deleted material…). */
  | 'possible-loss'
  /** The KMS deleted imported material when its expiry passed: the key waits for the same material again. */
  | 'material-lapsed'
  /** The ceremony was interrupted (Ctrl-C, a signal, a crash noticed later). */
  | 'interrupt'
  /** A ceremony attempt was given up and its material wiped. */
  | 'abandoned';

export const DEVIATION_KINDS: readonly DeviationKind[] = [
  'override',
  'refusal',
  'failure',
  'possible-loss',
  'material-lapsed',
  'interrupt',
  'abandoned',
];

/**
 * The entry a stop (Ctrl-C, SIGTERM) journals when it comes before the command could journal its own
 * end: written by the journal's stop handler (cli/ceremony-journal.ts) or an air-gapped session's stop,
 * and read by the receipts, the online side's status looks and the closing of an unfinished session.
 */
export const INTERRUPTED_EVENT = 'ceremony.interrupted';

/**
 * The entry that ends the closing of an unfinished air-gapped session (airgap/closing-resume.ts),
 * naming its `ceremony.session-unfinished` (`seq`): a closing begun and not ended is run again.
 */
export const CLOSING_FINISHED_EVENT = 'ceremony.session-closed';

/** Journal event name → deviation kind. Every event listed here is printed on the receipts. */
export const DEVIATION_EVENTS: Readonly<Record<string, DeviationKind>> = {
  // Air-gapped side
  'warning.network-allowed': 'override',
  'network.refused': 'refusal',
  'warning.custody-same-volume': 'override',
  'fingerprint.refused': 'refusal',
  'witness.refused': 'refusal',
  'replica-group.refused': 'refusal',
  'kms.replica-refused': 'refusal',
  'custody.share-refused': 'refusal',
  // A share handed over by another than its custodian, or by the operator or a witness (restore/presenters.ts).
  'custody.presenter-flagged': 'override',
  // One person handed over several shares, allowed by the operator's reason (restore/presenters.ts).
  'custody.presenter-several-shares': 'override',
  'custody.restore-refused': 'refusal',
  'custody.backup-refused': 'refusal',
  'custody.split-refused': 'refusal',
  'ceremony.abandoned': 'abandoned',
  [INTERRUPTED_EVENT]: 'interrupt',
  'ceremony.session-unfinished': 'abandoned',
  // A power loss cut the last append short; the officer set that line aside (torn-line.ts).
  'journal.torn-line-set-aside': 'interrupt',
  // ... or completed it: a whole entry that lacked only its newline (torn-line.ts).
  'journal.torn-line-completed': 'interrupt',
  'material.no-backup-acknowledged': 'possible-loss',
  'material.loss-acknowledged': 'possible-loss',
  'preflight.refused': 'refusal',
  'hsm.refused': 'refusal',
  'hsm.zero-filled-pad-accepted': 'override',
  // A stopped session's HSM token objects: destroyed, or left in the token to delete by hand (airgap/token-objects-cleanup.ts).
  'hsm.objects-destroyed': 'abandoned',
  'hsm.objects-left': 'failure',
  // ... an object a crashed session left that a later session still cannot prove (airgap/crashed-objects-destroy.ts).
  'hsm.objects-still-left': 'failure',
  'wrapped-bundle.withdrawn': 'abandoned',
  'receipt.voided': 'abandoned',
  'wrapped-bundle.withdraw-failed': 'failure',
  'wrapped-bundle.partial-removed': 'abandoned',
  'wrapped-bundle.partial-remove-failed': 'failure',
  'custody.withdrawn': 'abandoned',
  'wrap.repeated': 'override',
  /** A wrap in another air-gapped journal than the parameters name, by the officer's word that it is lost. */
  'parameters.named-journal-lost': 'override',
  'wrap.repeated-refused': 'refusal',
  'custody.withdraw-failed': 'failure',
  'custody.kept': 'abandoned',
  'parameters.refused': 'refusal',
  'material.refused': 'refusal',
  'expiry.plan-overridden': 'override',
  // Online side
  'import.expiry-chosen': 'override',
  // The officer asked the KMS for another wrapping algorithm than the plan's (or the one chosen before).
  'wrapping-algorithm.chosen': 'override',
  'wrapped-bundle.refused': 'refusal',
  'wrapped-bundle.other-journal-accepted': 'override',
  // A key of a checked bundle left out: it holds a later wrap's material (online/skipped-keys.ts).
  'wrapped-bundle.key-skipped': 'refusal',
  'credentials.refused': 'refusal',
  'step.failed': 'failure',
  // The session before sent imports and recorded no answer to them (online/unrecorded-session.ts).
  'ceremony.session-unrecorded': 'interrupt',
  'key.verify-failed': 'failure',
  'receipt.failed': 'failure',
  'key.material-deleted': 'possible-loss',
  // Found by a status: a re-import's receipt says why the key took material again (a trial's auditor).
  'key.material-lapsed': 'material-lapsed',
  // Rehearsal only: the built-in simulator's clock moved forward (ipc/handlers/rehearsal-clock.ts)
  'rehearsal.clock-moved': 'override',
};

/** One deviation as found in the journal. */
interface Deviation {
  readonly kind: DeviationKind;
  readonly entry: JournalEntry;
}

/** The deviation kind of `event`, or undefined when the event is not a deviation. */
function deviationKindOf(event: string): DeviationKind | undefined {
  return Object.hasOwn(DEVIATION_EVENTS, event) ? DEVIATION_EVENTS[event] : undefined;
}

/** Every deviation in `entries` (a journal, oldest first), in journal order. */
export function listDeviations(entries: readonly JournalEntry[]): Deviation[] {
  const found: Deviation[] = [];
  for (const entry of entries) {
    const kind = deviationKindOf(entry.event);
    if (kind !== undefined) found.push({ kind, entry });
  }
  return found;
}

/**
 * How a journal's air-gapped session (a wrap or a custody restore) ends. Sealed: its receipt, or its
 * bundle completed after the receipt (journals written before 2026-11-30 end a finished session at
 * the receipt, with no `wrapped-bundle.completed` after it), but never by a receipt voided later
 * (sealingEntries). Stopped: a stop it journaled, or the next session finding it
 * ended without one (a crash, a power cut). A session with neither is unfinished.
 */
const SESSION_SEALED_BY: ReadonlySet<string> = new Set(['receipt.written', 'wrapped-bundle.completed']);

/**
 * The entry numbers of `entries` (a whole journal) that seal their session: a bundle completed, or a
 * receipt written that no later `receipt.voided` names (a voiding before it, of an earlier receipt
 * of that name, never unseals it). A voided receipt names a bundle that never
 * completed (its manifest could not be written, or the process was killed before it was): it seals
 * nothing, and the session's stop, or the next session's closing of it, ends it.
 */
export function sealingEntries(entries: readonly JournalEntry[]): ReadonlySet<number> {
  const sealing = new Set<number>();
  // Each receipt written, by its HTML file, until a later `receipt.voided` names it.
  const receipts = new Map<unknown, number>();
  for (const e of entries) {
    if (e.event === 'receipt.voided') {
      const seq = receipts.get(e.data['htmlFile']);
      if (seq !== undefined) sealing.delete(seq);
      receipts.delete(e.data['htmlFile']);
    } else if (SESSION_SEALED_BY.has(e.event)) {
      sealing.add(e.seq);
      if (e.event === 'receipt.written') receipts.set(e.data['htmlFile'], e.seq);
    }
  }
  return sealing;
}
export const SESSION_STOPPED_BY: ReadonlySet<string> = new Set(['ceremony.abandoned', 'ceremony.session-unfinished']);

/**
 * The entries a later run of a command writes first into a journal it continues: its session's
 * start, the closing of a session that ended without a stop of its own (the air-gapped side), the
 * set-aside of a line a power loss cut. Everything between a stop and the next of these was written
 * by the stopped run.
 */
export const LATER_RUN_OPENED_BY: ReadonlySet<string> = new Set([
  'ceremony.session-started',
  'ceremony.session-unfinished',
  'ceremony.session-unrecorded',
  'journal.torn-line-set-aside',
]);
