/**
 * Steps shared by the air-gapped ceremonies (the air-gapped side and the custody restore):
 * journaling who is present, the network check, reading an import-parameters bundle, a witness
 * confirming the bundle digest (or a console file's wrapping-key fingerprint), and wrapping then
 * wiping the material. Each function
 * is the journaled body of a step; the callers keep their own step guards and state.
 *
 * Like its callers, this module must never reach a network client (a test scans the import
 * graph of the workflows): no KMS client, no node:http/https/net/tls.
 */
import path from 'node:path';
import type { ReceiptLanguage } from '../../receipt/language';
import type { PaperSize } from '../../receipt/paper-size';
import { readBundle, type ImportParameters, type ImportParametersBundle } from '../../bundle';
import { KeyferryError, toProblem } from '../../errors';
import { problemData, type Journal, type JournalEntry } from '../../journal';
import { wrapAll, type WrapContext, type WrappedKey } from './wrap';
import { materialIdOf } from './replica-groups';
import { appIdentityData, describeWorkstation, type AppIdentity, type CeremonyRecord } from '../shared/ceremony-record';
import type { ArtefactToConfirm, WitnessConfirmations } from './witness-confirmations';
import type { MaterialVault } from './material-vault';
import { checkAirGap, type InterfaceList, type NetworkCheckResult } from '../shared/network-check';
import { RESTORE_PURPOSE } from './receipt-session';

/** Who runs an air-gapped ceremony, as both workflows hold it. */
export interface AirGapPeople {
  readonly journal: Journal;
  readonly title: string;
  readonly operator: string;
  readonly witnesses: readonly string[];
  readonly app: AppIdentity;
  /** True for rehearsals: recorded on the journal and receipt. */
  readonly rehearsal?: boolean;
  /** The paper its receipts are printed on (journaled with the session start). */
  readonly paperSize?: PaperSize;
  /** The language its receipts and custody slips are printed in (journaled with the session start). */
  readonly receiptLanguage?: ReceiptLanguage;
}

/**
 * Journals `ceremony.session-started` for the air-gapped side (`purpose` for a restore). An online
 * journal given by mistake is refused first, with nothing appended (AIRGAP_JOURNAL_IS_ONLINE): its
 * first session says which side it is, and air-gapped sessions in its hash chain would hide the
 * earlier wraps this side must know of and mix two workstations' records.
 */
export async function journalAirGapSessionStart(
  options: AirGapPeople,
  purpose?: typeof RESTORE_PURPOSE,
): Promise<JournalEntry> {
  // The first entry naming a side says what the journal is (online: `ceremony.started`).
  const first = options.journal.entries.find((e) => typeof e.data.side === 'string');
  if (first?.data.side === 'online')
    throw new KeyferryError('AIRGAP_JOURNAL_IS_ONLINE', {
      file: path.basename(options.journal.path),
      title: typeof first.data.title === 'string' ? first.data.title : '',
    });
  const workstation = describeWorkstation();
  return options.journal.append(options.operator, 'ceremony.session-started', {
    side: 'air-gapped',
    ...(purpose === undefined ? {} : { purpose }),
    title: options.title,
    operator: options.operator,
    witnesses: [...options.witnesses],
    hostname: workstation.hostname,
    os: workstation.os,
    ...appIdentityData(options.app),
    rehearsal: options.rehearsal ?? false,
    ...(options.paperSize ? { paperSize: options.paperSize } : {}),
    ...(options.receiptLanguage ? { receiptLanguage: options.receiptLanguage } : {}),
  });
}

/** The ceremony record of an air-gapped ceremony. */
export function airGapRecord(
  options: AirGapPeople,
  ceremonyId: string,
  network: NetworkCheckResult | undefined,
): CeremonyRecord {
  return {
    id: ceremonyId,
    title: options.title,
    operator: options.operator,
    witnesses: options.witnesses,
    side: 'air-gapped',
    workstation: describeWorkstation(network),
    app: options.app,
    rehearsal: options.rehearsal ?? false,
    ...(options.paperSize ? { paperSize: options.paperSize } : {}),
    ...(options.receiptLanguage ? { receiptLanguage: options.receiptLanguage } : {}),
  };
}

/**
 * Checks the network and journals the outcome: a refusal (AIRGAP_NETWORK_LIVE) is journaled and
 * rethrown; an override (`allowNetwork`) is journaled as a warning.
 */
export async function checkNetworkJournaled(
  journal: Journal,
  operator: string,
  allowNetwork: boolean | undefined,
  interfaceList: InterfaceList | undefined,
): Promise<NetworkCheckResult> {
  let result: NetworkCheckResult;
  try {
    result = checkAirGap({ allowNetwork, interfaces: interfaceList });
  } catch (error) {
    await journal.append(operator, 'network.refused', {
      ...problemData(toProblem(error)),
    });
    throw error;
  }
  const interfaces = result.liveInterfaces.map((l) => `${l.name} ${l.family} ${l.address}`);
  await journal.append(operator, 'network.checked', { state: result.state, interfaces, overridden: result.overridden });
  if (result.overridden) await journal.append(operator, 'warning.network-allowed', { interfaces });
  return result;
}

/**
 * Reads and verifies the bundle in `dir`; refuses a wrapped-material bundle (BUNDLE_WRONG_KIND),
 * saying which bundle to pick for `side`. `shownAs`: the folder as the officer gave it, naming a refused file.
 */
export async function readImportParametersBundle(
  dir: string,
  now: Date,
  side: 'airgap' | 'restore',
  shownAs?: string,
): Promise<ImportParametersBundle> {
  const bundle = await readBundle(dir, { now, ...(shownAs === undefined ? {} : { shownAs }) });
  if (bundle.kind !== 'import-parameters') {
    throw new KeyferryError('BUNDLE_WRONG_KIND', { dir, found: 'wrapped', pick: side });
  }
  return bundle;
}

/**
 * Where a confirmed value came from: a witness typed what was read aloud from the online
 * workstation, or (rehearsals only) the rehearsal confirmed for the witness with the online
 * side's own value.
 */
export type ConfirmationSource = 'witness-typed' | 'rehearsal-online-side';

/**
 * `witness` typed back a value (the bundle digest, or a console file's wrapping-key fingerprint):
 * checked, then journaled with the witness as actor, one `witness.confirmed` entry per witness per
 * artefact. A refused value is journaled too (`witness.refused`, a deviation), without the real value.
 */
export async function confirmArtefactJournaled(
  confirmations: WitnessConfirmations,
  journal: Journal,
  witness: string,
  typed: string,
  options: { readonly index?: number; readonly source: ConfirmationSource },
): Promise<{ confirmed: ArtefactToConfirm; remaining: number }> {
  // Both entries name the artefact and where the value was typed alike, so a refusal pairs with its later confirmation.
  const attempt = (a: { kind: string; index: number }) => ({
    artefact: a.kind,
    index: a.index,
    source: options.source,
  });
  const matched = await confirmations.check(witness, typed, options.index, async (refused) => {
    const differingGroups = [...refused.differingGroups];
    await journal.append(refused.witness, 'witness.refused', {
      ...attempt(refused),
      code: refused.code,
      differingGroups,
      ...(refused.otherBundle === undefined ? {} : { otherBundle: refused.otherBundle }),
    });
  });
  const keyIds = [...matched.keyIds];
  await journal.append(matched.witness, 'witness.confirmed', { ...attempt(matched), digest: matched.digest, keyIds });
  const confirmed = confirmations.record(matched);
  return { confirmed, remaining: confirmations.remaining() };
}

/**
 * Wraps the material of `keys`, wipes every material in `vault` (even on failure) and journals the
 * wipe. A wrap that fails part way journals it too, naming the keys whose material was held when
 * the wrap began and the failure's code, then throws the failure.
 */
export async function wrapThenWipe(
  keys: readonly ImportParameters[],
  vault: MaterialVault,
  options: WrapContext & { readonly journal: Journal; readonly operator: string },
): Promise<WrappedKey[]> {
  const held = keys.filter((p) => vault.has(materialIdOf(p))).map((p) => p.keyId);
  let wrapped: WrappedKey[];
  try {
    wrapped = await wrapAll(keys, vault, options);
  } catch (error) {
    vault.disposeAll();
    if (held.length > 0)
      await options.journal
        .append(options.operator, 'material.wiped', { keyIds: held, code: toProblem(error).code })
        .catch(() => undefined);
    throw error;
  }
  vault.disposeAll();
  await options.journal.append(options.operator, 'material.wiped', { keyIds: keys.map((p) => p.keyId) });
  return wrapped;
}
