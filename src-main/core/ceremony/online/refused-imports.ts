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
import { stringList, type JournalEntry } from '../../journal';
import type { OnlineStep } from '../shared/ceremony-states';
import { KeyferryError } from '../../errors';
import { ONLINE_EVENTS, wrappedCheckedData } from './events';
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
 * The refusal (the kinds above) of the import of the wrapped bundle checked at entry `checkSeq`, of
 * one of `keyIds` when given: after that check and before the next check of any bundle, so a later
 * check's refusal (an old bundle given again) is not taken for it. Undefined when there is none.
 */
export function refusalOfCheck(
  entries: readonly JournalEntry[],
  checkSeq: number,
  keyIds?: ReadonlySet<string>,
): RefusedImport | undefined {
  const next = entries.find((e) => e.seq > checkSeq && e.event === ONLINE_EVENTS.wrappedChecked);
  return refusedImportOf(next ? entries.filter((e) => e.seq < next.seq) : entries, checkSeq - 1, keyIds);
}

/** The KMS's answer that an import token has expired. */
const KMS_TOKEN_EXPIRED = 'KMS.2601';

/**
 * The KMS's own answer (KMS.2601) that the import tokens of the parameters bundle `parametersSha256`
 * expired for one of `keys`, to the imports after `check` when it checked a wrap of that bundle
 * (before the next check); undefined otherwise. This computer's clock, which its own refusals went
 * by, may be wrong: only the KMS's word counts, whatever other refusal came after it.
 */
function tokensRefusedAfter(
  entries: readonly JournalEntry[],
  check: JournalEntry,
  parametersSha256: string,
  keys: ReadonlySet<string>,
): JournalEntry | undefined {
  if (check.event !== ONLINE_EVENTS.wrappedChecked) return undefined;
  const from = check.data['parametersBundle'];
  if (typeof from !== 'object' || from === null || Array.isArray(from)) return undefined;
  if (from['manifestSha256'] !== parametersSha256) return undefined;
  const next = entries.find((e) => e.seq > check.seq && e.event === ONLINE_EVENTS.wrappedChecked);
  return entries.find(
    (e) =>
      e.seq > check.seq &&
      (next === undefined || e.seq < next.seq) &&
      e.event === ONLINE_EVENTS.stepFailed &&
      e.data.step === 'import-key-material' &&
      e.data.code === KMS_TOKEN_EXPIRED &&
      keys.has(String(e.data.keyId)),
  );
}

/**
 * Whether the KMS refused as expired (KMS.2601) a token of the parameters bundle `parametersSha256` for
 * one of `keyIds`, after any check of a wrap of it. Its tokens were issued in one fetch, within
 * seconds of each other: the KMS's word on one is its word on all of them.
 */
export function kmsRefusedTokensOf(
  entries: readonly JournalEntry[],
  parametersSha256: string,
  keyIds: readonly string[],
): boolean {
  const keys = new Set(keyIds);
  return entries.some((check) => tokensRefusedAfter(entries, check, parametersSha256, keys) !== undefined);
}

/**
 * Refuses, before a check is journaled, a wrapped bundle made from the import-parameters bundle
 * `parameters` whose tokens the KMS already refused as expired for one of `keyIds` (after an earlier
 * check of a wrap of that same parameters bundle): an old bundle given again. This computer's clock
 * may still call the tokens valid (the KMS's runs ahead), but the KMS's word stands: sending the
 * imports again would fail for each key, and the refusal would point at fresh parameters, a third
 * material, when a wrap of the parameters written since may be waiting (WRAPPED_TOKENS_REFUSED_BEFORE).
 */
export function refuseTokensRefusedBefore(
  entries: readonly JournalEntry[],
  parameters: { readonly folder: string; readonly manifestSha256: string } | undefined,
  keyIds: readonly string[],
): void {
  if (!parameters) return;
  const keys = new Set(keyIds);
  for (const check of entries) {
    const refused = tokensRefusedAfter(entries, check, parameters.manifestSha256, keys);
    if (!refused) continue;
    // Parameters written after those (before this check too) for one of these keys: their wrap is the one to import.
    const writtenAt = entries.findLast(
      (e) => e.event === ONLINE_EVENTS.parametersWritten && e.data['manifestSha256'] === parameters.manifestSha256,
    )?.seq;
    const since = entries.findLast(
      (e) =>
        e.seq > (writtenAt ?? check.seq) &&
        e.event === ONLINE_EVENTS.parametersWritten &&
        e.data['manifestSha256'] !== parameters.manifestSha256 &&
        stringList(e.data['keyIds']).some((keyId) => keys.has(keyId)),
    );
    const sinceFolder = since?.data['folder'];
    throw new KeyferryError('WRAPPED_TOKENS_REFUSED_BEFORE', {
      dir: parameters.folder,
      seq: refused.seq,
      code: KMS_TOKEN_EXPIRED,
      newer: typeof sinceFolder === 'string' ? 'yes' : 'no',
      latestDir: typeof sinceFolder === 'string' ? sinceFolder : '',
    });
  }
}

/**
 * Whether the wrapped bundle of `check` (a wrapped-bundle.checked entry) was made from an earlier
 * import-parameters bundle than one written for a key of it before that check (as material-round.ts
 * reads a key's round): an old wrap given again. False when the check does not record its bundle.
 */
function fromEarlierParameters(entries: readonly JournalEntry[], check: JournalEntry): boolean {
  const checked = wrappedCheckedData.safeParse(check.data).data;
  const from = checked?.parametersBundle;
  if (!checked || !from) return false;
  const keyIds = new Set(checked.keys.map((k) => k.keyId));
  const lastFor = entries.findLast((e) => {
    if (e.seq >= check.seq || e.event !== ONLINE_EVENTS.parametersWritten) return false;
    const written = e.data['keyIds'];
    return Array.isArray(written) && written.some((keyId) => typeof keyId === 'string' && keyIds.has(keyId));
  });
  return lastFor !== undefined && lastFor.data['manifestSha256'] !== from.manifestSha256;
}

/** A wrapped bundle checked after the import-parameters bundle written last: its folder, the check's entry, the refusal of its import. */
interface CheckedWrap {
  readonly folder: string;
  readonly seq: number;
  /** The import-parameters bundle it was made from, as its check recorded it (null: not recorded). */
  readonly parametersFolder: string | null;
  readonly parametersSha256: string | null;
  /** The refusal of its import (the kinds above) before the next check, if any. */
  readonly refused: RefusedImport | undefined;
}

/**
 * The wrapped bundle the next import continues from, the last one checked after the
 * import-parameters bundle written last (`current`: a check is where the import of that wrap begins,
 * stopped part way or refused), passing over every wrap of an earlier parameters bundle than one
 * written for its keys before its check whose import the KMS then refused for expired tokens
 * (`stale`, newest first): an old bundle given again after a newer one was written, whose tokens say
 * nothing of the newer bundle's (material-round.ts passes it over for each key by the same rule).
 */
export function wrapsCheckedSinceWritten(entries: readonly JournalEntry[]): {
  readonly current: CheckedWrap | undefined;
  readonly stale: readonly CheckedWrap[];
} {
  const written = entries.findLast((e) => e.event === ONLINE_EVENTS.parametersWritten);
  const checks = entries.filter((e) => e.seq > (written?.seq ?? 0) && e.event === ONLINE_EVENTS.wrappedChecked);
  const stale: CheckedWrap[] = [];
  for (let i = checks.length - 1; i >= 0; i--) {
    const check = checks[i] as JournalEntry;
    const refused = refusalOfCheck(entries, check.seq);
    const from = wrappedCheckedData.safeParse(check.data).data?.parametersBundle ?? null;
    const wrap: CheckedWrap = {
      folder: typeof check.data.folder === 'string' ? check.data.folder : '',
      seq: check.seq,
      parametersFolder: from?.folder ?? null,
      parametersSha256: from?.manifestSha256 ?? null,
      refused,
    };
    if (refused?.kind === 'token' && fromEarlierParameters(entries, check)) stale.push(wrap);
    else return { current: wrap, stale };
  }
  return { current: undefined, stale };
}

/**
 * Before any import, at step 'parameters-written' (a command line's look) or 'material-checked' (the
 * app's session, which checked the wrap): the refusal of an import of the wrap of the bundle written
 * last (undefined at any other step, or with none): its tokens expired (fresh parameters are next,
 * not that wrap again), or its expiry not ahead (the same bundle with an expiry further ahead, not a
 * wrap again, which is refused). An old wrap given again and refused for its own expired tokens is
 * not that wrap (wrapsCheckedSinceWritten): it says nothing of the bundle written last.
 */
export function refusedBeforeImport(entries: readonly JournalEntry[], step: OnlineStep): RefusedImport | undefined {
  if (step !== 'parameters-written' && step !== 'material-checked') return undefined;
  return wrapsCheckedSinceWritten(entries).current?.refused;
}
