/**
 * What `online status` reads of an import of the last checked wrapped bundle that was refused, so
 * its next step is not "the same import again" when that import would be refused the same way:
 * - `expiry`: the material expiry not ahead (Keyferry's own EXPIRY_IN_PAST, or the KMS's KMS.2602
 *   by its clock): the same bundle imports with `--expires` further ahead while its tokens last;
 * - `group`: another expiry than the one a member of its replica group holds
 *   (REPLICA_GROUP_EXPIRY_DIFFERS): the same bundle imports with `--expires` the held one (not said
 *   when the bundle also holds AES keys outside the group, which that --expires would move);
 * - `token`: the import tokens expired (TOKEN_EXPIRED_CODES): fresh parameters are next.
 * A pure reading of journal entries.
 */
import type { JournalEntry } from '../../core/journal';
import { ONLINE_EVENTS } from '../../core/ceremony/online/events';
import { TOKEN_EXPIRED_CODES } from './online-steps';

/** The refusals of an import for its material expiry: Keyferry's own before sending, and the KMS's by its clock. */
const EXPIRY_REFUSALS: ReadonlySet<string> = new Set(['EXPIRY_IN_PAST', 'KMS.2602']);

interface RefusedImport {
  readonly kind: 'expiry' | 'group' | 'token';
  /** The checked bundle's folder and the check's journal entry. */
  readonly folder: string;
  readonly seq: number;
  /** The refusal's entry and code; `by`: whose clock an expiry refusal went by. */
  readonly refusedSeq: number;
  readonly code: string;
  readonly by: 'kms' | 'computer';
  /** For `group`: the expiry the group holds ("never" or ISO), as the refusal named it. */
  readonly heldIso: string;
}

function kindOf(code: string): RefusedImport['kind'] | undefined {
  if (EXPIRY_REFUSALS.has(code)) return 'expiry';
  if (code === 'REPLICA_GROUP_EXPIRY_DIFFERS') return 'group';
  return TOKEN_EXPIRED_CODES.has(code) ? 'token' : undefined;
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
      kindOf(String(e.data.code)) !== undefined,
  );
  if (!refusal) return undefined;
  const code = String(refusal.data.code);
  const values = refusal.data.values;
  const fields = values !== null && typeof values === 'object' && !Array.isArray(values) ? values : {};
  const held = fields.heldIso;
  // An --expires for the group would move keys outside it too: the refusal says to make the bundle again.
  if (kindOf(code) === 'group' && fields.others === 'some') return undefined;
  return {
    kind: kindOf(code) as RefusedImport['kind'],
    folder,
    seq: check.seq,
    refusedSeq: refusal.seq,
    code,
    by: code === 'KMS.2602' ? 'kms' : 'computer',
    heldIso: typeof held === 'string' ? held : '',
  };
}
