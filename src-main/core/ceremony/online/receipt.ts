/**
 * The online side's receipt: which keys were imported from which bundle, how each was proven, and
 * the custody copy of each key's material as the journal recorded it from the bundle checked before
 * its import (no copy, the shares and their holders, an HSM token, the loaded files, or not known).
 */
import { readdir } from 'node:fs/promises';
import { receiptBaseName } from '../../receipt';
import { voidUnjournaledOnlineReceipts } from './unjournaled-receipts';
import { writeUnderFreeNumber } from '../shared/free-number';
import path from 'node:path';
import { stepOutOfOrder } from '../shared/step-guard';
import type { Journal, JournalEntry } from '../../journal';
import { workstationClock, type ReceiptKey } from '../../receipt';
import type { ReceiptLanguage } from '../../receipt/language';
import { receiptApp, writeJournaledReceipt, type WrittenCeremonyReceipt } from '../shared/journaled-receipt';
import { describeWorkstation, type AppIdentity } from '../shared/ceremony-record';
import { holdsImportedMaterial, type OnlineCeremonyState, type OnlineKeyState } from './state';
import { keyStateOfName } from '../../kms/types';
import { recordedCustodyValues } from './recorded-custody';
import { replacedCustodySets } from './replaced-custody';
import { phrase } from '../../receipt/facts';
import { groupHex } from '../../hex-groups';
import { listValue } from '../../../i18n/list';
import { ONLINE_EVENTS } from './events';
import { problemData, type JsonObject } from '../../journal';
import { toProblem } from '../../errors';

interface OnlineReceiptFacts {
  readonly state: OnlineCeremonyState;
  readonly app: AppIdentity;
  /** The wrapped-material bundle that was imported. */
  readonly bundle: { readonly dir: string; readonly digest: string };
  readonly journal: Journal;
  readonly now: Date;
  /** The language to print in (default: the one the journal records for the ceremony). */
  readonly language?: ReceiptLanguage;
  /** Where a key lives: its region and project (the ceremony's own connection, or its replica's). */
  readonly placeOf: (key: OnlineKeyState) => { readonly region: string; readonly projectId: string };
}

/**
 * How many wrapped-material bundles the members' material came from: one when the group was wrapped and
 * imported together; more when a member was imported in a later round (a restore from the custody copy
 * after its token lapsed), so the receipt never says they came from one wrapped material then.
 */
function wrappedBundlesOf(state: OnlineCeremonyState, members: readonly { readonly keyId: string }[]): number {
  const digests = members.map((m) => state.keys.get(m.keyId)?.imported?.wrappedBundleSha256);
  return new Set(digests.filter((d) => d !== undefined)).size;
}

/** A replica group member's place, its primary and (primary) how the group was proven, for the receipt. */
function replicaFacts(
  key: OnlineKeyState,
  facts: OnlineReceiptFacts,
  primaries: ReadonlySet<string>,
): Pick<ReceiptKey, 'place' | 'replicaOf' | 'groupProof'> {
  if (key.replicaOf === undefined && !primaries.has(key.keyId)) return {};
  const { region, projectId } = facts.placeOf(key);
  const proof = facts.state.replicaProofs.get(key.keyId);
  return {
    place: { region, projectId },
    ...(key.replicaOf !== undefined ? { replicaOf: key.replicaOf } : {}),
    ...(proof
      ? {
          groupProof: {
            key: 'receipt.replica.proof',
            values: {
              method: proof.method === 'public-key-equal' ? 'publicKey' : 'kcv',
              count: proof.members.length,
              bundles: wrappedBundlesOf(facts.state, proof.members),
            },
          },
        }
      : {}),
  };
}

/**
 * How the key's last import was confirmed, and the entry of the unrecorded send it retried, as its
 * `key.imported` entry records them: the receipt says each key's import as the journal does, also
 * for keys a session before this one imported (a trial's receipt, written after a Ctrl-C, said the
 * retried imports of the stopped session as plainly imported). Undefined: no such entry.
 */
function importConfirmationOf(
  facts: OnlineReceiptFacts,
  key: OnlineKeyState,
): { readonly how: string; readonly retryOf: string } | undefined {
  const imported = lastImportOf(facts, key);
  const how = imported?.data.confirmation;
  if (typeof how !== 'string') return undefined;
  const seq = imported?.data.retryOfSeq;
  return { how, retryOf: typeof seq === 'number' ? String(seq) : 'none' };
}

/** The key's last `key.imported` entry. */
function lastImportOf(facts: OnlineReceiptFacts, key: OnlineKeyState) {
  return facts.journal.entries.findLast((e) => e.event === ONLINE_EVENTS.imported && e.data.keyId === key.keyId);
}

/**
 * A key whose last import is not its first (its material lapsed or was deleted, then imported again,
 * from a custody restore most often): the receipt's "Bound material" row names the first import, as
 * the air-gapped receipt's does. The KMS takes only those bytes again (KMS.2606), so an import it
 * took matched. A trial's receipt after a restore read like a first import.
 */
function reimportOf(facts: OnlineReceiptFacts, key: OnlineKeyState): Pick<ReceiptKey, 'boundMaterial'> {
  const last = lastImportOf(facts, key);
  if (!key.firstImport || !last || last.seq === key.firstImport.seq) return {};
  return { boundMaterial: { matched: true, importedSeq: key.firstImport.seq } };
}

/**
 * The bundle the key's material came from, when it is not the bundle the receipt seals (a key left
 * out of this bundle's import as it held a later wrap's material, or imported before from another):
 * its digest, its import's entry and the entry that left this bundle's material for it out, if one
 * did. A trial's receipt printed such a key's token, public key and custody set under the sealed
 * bundle with nothing saying they were another bundle's: an auditor would have credited that one.
 */
function importedFromOf(facts: OnlineReceiptFacts, key: OnlineKeyState): Pick<ReceiptKey, 'importedFrom'> {
  const from = key.imported?.wrappedBundleSha256;
  const sealed = facts.bundle.digest.toLowerCase();
  if (!from || from.toLowerCase() === sealed) return {};
  const skipped = facts.journal.entries.findLast(
    (e) =>
      e.event === ONLINE_EVENTS.wrappedKeySkipped &&
      e.data.keyId === key.keyId &&
      String(e.data.manifestSha256).toLowerCase() === sealed,
  );
  return {
    importedFrom: phrase('receipt.key.importedFromValue', {
      from: groupHex(from),
      seq: lastImportOf(facts, key)?.seq ?? 0,
      skipped: skipped?.seq ?? 0,
    }),
  };
}

function receiptKey(key: OnlineKeyState, facts: OnlineReceiptFacts, primaries: ReadonlySet<string>): ReceiptKey {
  const imported = key.imported;
  const issued = key.issued.find((i) => i.importTokenSha256 === imported?.importTokenSha256);
  if (!imported || !issued || !key.verified) {
    throw stepOutOfOrder({ reason: 'notImported', keyId: key.keyId });
  }
  const confirmation = importConfirmationOf(facts, key);
  return {
    keyId: key.keyId,
    alias: key.alias,
    spec: key.spec,
    usage: key.usage,
    wrappingAlgorithm: issued.wrappingAlgorithm,
    wrappingKeyFingerprint: issued.wrappingKeyFingerprint,
    importTokenSha256: issued.importTokenSha256,
    outputFiles: [],
    ...(key.checkedPublicKeyFingerprint ? { publicKeyFingerprint: key.checkedPublicKeyFingerprint } : {}),
    ...(key.checkedKeyCheckValue ? { keyCheckValue: key.checkedKeyCheckValue.toLowerCase() } : {}),
    ...reimportOf(facts, key),
    ...importedFromOf(facts, key),
    materialExpiry: imported.expiresAt === null ? 'never' : new Date(imported.expiresAt),
    importResult: confirmation
      ? {
          key: 'receipt.key.importedHow',
          values: { ...confirmation, state: keyStateOfName(key.verified.keyState) },
        }
      : { key: 'receipt.key.imported', values: { state: keyStateOfName(key.verified.keyState) } },
    verificationResult: key.verified.proof,
    custodyCopy: { key: 'receipt.key.custodyCopyValue', values: recordedCustodyValues(imported.custody) },
    ...replicaFacts(key, facts, primaries),
  };
}

/**
 * The number of this ceremony's next online receipt in `dir`: past the `earlier` receipts its
 * journal records, and past any receipt of the ceremony the folder holds under that number (a run
 * stopped between writing the files and journaling them left its receipt: a trial's next run was
 * refused on that name every time, and was told to choose another folder).
 */
async function freeOnlineReceiptNumber(dir: string, ceremonyId: string, earlier: number): Promise<number> {
  const names = new Set(await readdir(dir).catch(() => [] as string[]));
  for (let n = earlier + 1; ; n += 1) {
    const base = receiptBaseName({ side: 'online', ceremonyId }, n === 1 ? undefined : String(n));
    // A voided receipt's name (NAME.void, NAME.2.void) is taken too: never two receipts of one name.
    if (![...names].some((name) => name.startsWith(`${base}.html`) || name.startsWith(`${base}.txt`))) return n;
  }
}

/**
 * Writes the online receipt into `dir` for every imported key, then journals it. A later receipt
 * of the same ceremony (after a re-import) is numbered: `receipt-online-<id>-2.html`, …; a number
 * the folder already holds is skipped (freeOnlineReceiptNumber).
 */
export async function writeOnlineReceipt(dir: string, facts: OnlineReceiptFacts): Promise<WrittenCeremonyReceipt> {
  const { state, journal } = facts;
  // A receipt an earlier run printed and never journaled is voided first (unjournaled-receipts.ts).
  await voidUnjournaledOnlineReceipts(dir, journal, state.operator, state.ceremonyId);
  const earlier = journal.entries.filter((e) => e.event === 'receipt.written').length;
  return writeUnderFreeNumber(
    () => freeOnlineReceiptNumber(dir, state.ceremonyId, earlier),
    (n) => writeNumberedOnlineReceipt(dir, facts, n === 1 ? undefined : String(n)),
  );
}

/** The online receipt written under `suffix` (none: the ceremony's first). */
async function writeNumberedOnlineReceipt(
  dir: string,
  facts: OnlineReceiptFacts,
  suffix: string | undefined,
): Promise<WrittenCeremonyReceipt> {
  const { state, journal } = facts;
  const primaries = new Set([...state.keys.values()].flatMap((k) => (k.replicaOf !== undefined ? [k.replicaOf] : [])));
  const keys = [...state.keys.values()].filter(holdsImportedMaterial).map((k) => receiptKey(k, facts, primaries));
  const ws = describeWorkstation();
  return writeJournaledReceipt(
    dir,
    journal,
    state.operator,
    {
      ceremonyId: state.ceremonyId,
      title: state.title,
      rehearsal: state.rehearsal,
      side: 'online',
      clock: workstationClock(facts.now),
      workstation: { hostname: ws.hostname, os: ws.os },
      app: receiptApp(facts.app),
      operator: state.operator,
      witnesses: state.witnesses,
      keys,
      bundle: { name: path.basename(facts.bundle.dir), digest: facts.bundle.digest },
      // Custody sets a later wrap of other material replaced: to be destroyed, as the import says (replaced-custody.ts).
      operatorNotes: replacedCustodySets(journal.entries).map(({ custodians, manifestSha256: _, ...set }) =>
        phrase('receipt.people.replacedCustodySet', { ...set, custodiansList: listValue(custodians) }),
      ),
    },
    suffix,
    facts.language,
  );
}

/**
 * The receipt step: writes it (writeOnlineReceipt) and applies the entries it journaled to the
 * state through `applied`; a failure is journaled through `journal` (receipt.failed: the import
 * stands, and the next receipt lists the failure as a deviation) and rethrown.
 */
export async function writeOnlineReceiptStep(
  dir: string,
  facts: OnlineReceiptFacts,
  journal: (event: string, data: JsonObject) => Promise<void>,
  applied: (entries: readonly JournalEntry[]) => void,
): Promise<WrittenCeremonyReceipt> {
  const before = facts.journal.count;
  const receipt = await writeOnlineReceipt(dir, facts).catch(async (error: unknown) => {
    await journal(ONLINE_EVENTS.receiptFailed, { folder: path.resolve(dir), ...problemData(toProblem(error)) }).catch(
      () => undefined,
    );
    throw error;
  });
  // The receipt's own entry (receipt.written), appended by the receipt writer.
  applied(facts.journal.entries.slice(before));
  return receipt;
}
