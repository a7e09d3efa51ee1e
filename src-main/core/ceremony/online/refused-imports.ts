/**
 * What a look at the ceremony (`online status`, the app's key states) reads of an import of the last
 * checked wrapped bundle that was refused, so its next step is not "the same import again" when that
 * import would be refused the same way:
 * - `expiry`: the material expiry not ahead (Keyferry's own EXPIRY_IN_PAST, or the KMS's KMS.2602
 *   by its clock): the same bundle imports with `--expires` further ahead while its tokens last;
 * - `group`: another expiry than the one a member of its replica group holds
 *   (REPLICA_GROUP_EXPIRY_DIFFERS): the same bundle imports with `--expires` the held one (not said
 *   when the bundle also holds AES keys outside the group, which that --expires would move);
 * - `token`: the import tokens expired (TOKEN_EXPIRED_CODES): fresh parameters are next.
 * Which code is which kind: refusal-kinds.ts. A pure reading of journal entries.
 */
import type { JournalEntry } from '../../journal';
import type { OnlineStep } from '../shared/ceremony-states';
import { ONLINE_EVENTS } from './events';
import { refusalClockOf, refusalKindOf, type REFUSAL_CLOCKS, type REFUSED_IMPORT_KINDS } from './refusal-kinds';

export interface RefusedImport {
  readonly kind: (typeof REFUSED_IMPORT_KINDS)[number];
  /** The checked bundle's folder and the check's journal entry. */
  readonly folder: string;
  readonly seq: number;
  /** The refusal's entry and code; `by`: whose clock an expiry refusal went by. */
  readonly refusedSeq: number;
  readonly code: string;
  readonly by: (typeof REFUSAL_CLOCKS)[number];
  /** For `group`: the expiry the group holds ("never" or ISO), as the refusal named it. */
  readonly heldIso: string;
}

/**
 * The latest refusal of the kinds above of an import of the wrapped bundle checked last after entry
 * `afterSeq`, of one of `keyIds` when given (the keys still waiting). Undefined when there is none.
 */
export function refusedImportOf(
  entries: readonly JournalEntry[],
  afterSeq: number,
  keyIds?: ReadonlySet<string>,
): RefusedImport | undefined {
  const check = entries.findLast((e) => e.seq > afterSeq && e.event === ONLINE_EVENTS.wrappedChecked);
  const folder = check?.data.folder;
  if (!check || typeof folder !== 'string') return undefined;
  const named = (e: JournalEntry) => keyIds === undefined || keyIds.has(String(e.data.keyId));
  const refusal = entries.findLast(
    (e) =>
      e.seq > check.seq &&
      e.event === ONLINE_EVENTS.stepFailed &&
      e.data.step === 'import-key-material' &&
      named(e) &&
      refusalKindOf(String(e.data.code)) !== undefined,
  );
  const code = String(refusal?.data.code);
  const kind = refusalKindOf(code);
  if (!refusal || !kind) return undefined;
  const values = refusal.data.values;
  const fields = values !== null && typeof values === 'object' && !Array.isArray(values) ? values : {};
  const held = fields.heldIso;
  // An --expires for the group would move keys outside it too: the refusal says to make the bundle again.
  if (kind === 'group' && fields.others === 'some') return undefined;
  return {
    kind,
    folder,
    seq: check.seq,
    refusedSeq: refusal.seq,
    code,
    by: refusalClockOf(code),
    heldIso: typeof held === 'string' ? held : '',
  };
}

/**
 * Before any import, at step 'parameters-written' (a command line's look) or 'material-checked' (the
 * app's session, which checked the wrap): the refusal of an import of the wrap of the bundle written
 * last (undefined at any other step, or with none): its tokens expired (fresh parameters are next,
 * not that wrap again), or its expiry not ahead (the same bundle with an expiry further ahead, not a
 * wrap again, which is refused).
 */
export function refusedBeforeImport(entries: readonly JournalEntry[], step: OnlineStep): RefusedImport | undefined {
  if (step !== 'parameters-written' && step !== 'material-checked') return undefined;
  const written = entries.findLast((e) => e.event === ONLINE_EVENTS.parametersWritten);
  return refusedImportOf(entries, written?.seq ?? 0);
}
