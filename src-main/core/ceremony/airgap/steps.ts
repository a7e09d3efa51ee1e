/**
 * Steps shared by the air-gapped ceremonies (the air-gapped side and the custody restore):
 * journaling who is present, the network check, reading an import-parameters bundle, a witness
 * confirming a wrapping-key fingerprint, and wrapping then wiping the material. Each function
 * is the journaled body of a step; the callers keep their own step guards and state.
 *
 * Like its callers, this module must never reach a network client (a test scans the import
 * graph of the workflows): no KMS client, no node:http/https/net/tls.
 */
import type { ReceiptLanguage } from '../../receipt/language';
import type { PaperSize } from '../../receipt/paper-size';
import { readBundle, type ImportParameters, type ImportParametersBundle } from '../../bundle';
import { KeyferryError, isKeyferryError } from '../../errors';
import type { Journal, JournalEntry } from '../../journal';
import { wrapAll, type WrapContext, type WrappedKey } from './wrap';
import { appIdentityData, describeWorkstation, type AppIdentity, type CeremonyRecord } from '../shared/ceremony-record';
import {
  normalizeFingerprint,
  type FingerprintConfirmations,
  type FingerprintToConfirm,
} from './fingerprint-confirmation';
import type { MaterialVault } from './material-vault';
import { checkAirGap, type InterfaceList, type NetworkCheckResult } from '../shared/network-check';

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

/** Journals `ceremony.session-started` for the air-gapped side (`purpose` for a restore). */
export async function journalAirGapSessionStart(options: AirGapPeople, purpose?: string): Promise<JournalEntry> {
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
      reason: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
  const interfaces = result.liveInterfaces.map((l) => `${l.name} ${l.family} ${l.address}`);
  await journal.append(operator, 'network.checked', { state: result.state, interfaces, overridden: result.overridden });
  if (result.overridden)
    await journal.append(operator, 'warning.network-allowed', { summary: result.summary, interfaces });
  return result;
}

/** Reads and verifies the bundle in `dir`; refuses a wrapped-material bundle (BUNDLE_WRONG_KIND) with `nextStep`. */
export async function readImportParametersBundle(
  dir: string,
  now: Date,
  nextStep: string,
): Promise<ImportParametersBundle> {
  const bundle = await readBundle(dir, { now });
  if (bundle.kind !== 'import-parameters') {
    throw new KeyferryError(
      'BUNDLE_WRONG_KIND',
      `${dir} is a wrapped-material bundle, not an import-parameters bundle.`,
      nextStep,
    );
  }
  return bundle;
}

/** `witness` typed back a fingerprint: checked, then journaled with the witness as actor. */
export async function confirmFingerprintJournaled(
  confirmations: FingerprintConfirmations,
  journal: Journal,
  witness: string,
  typedFingerprint: string,
): Promise<{ confirmed: FingerprintToConfirm; remaining: number }> {
  let confirmed: FingerprintToConfirm;
  try {
    confirmed = confirmations.confirm(witness, typedFingerprint);
  } catch (error) {
    if (isKeyferryError(error) && error.code === 'FINGERPRINT_MISMATCH') {
      await journal.append(witness.trim(), 'fingerprint.refused', {
        code: error.code,
        typedFingerprint: normalizeFingerprint(typedFingerprint),
      });
    }
    throw error;
  }
  const name = confirmed.confirmedBy.find((w) => w === witness.trim()) ?? witness.trim();
  await journal.append(name, 'fingerprint.confirmed', {
    wrappingKeyFingerprint: confirmed.fingerprint,
    keyIds: [...confirmed.keyIds],
  });
  return { confirmed, remaining: confirmations.unconfirmed().length };
}

/** Wraps the material of `keys`, wipes every material in `vault` (even on failure) and journals the wipe. */
export async function wrapThenWipe(
  keys: readonly ImportParameters[],
  vault: MaterialVault,
  options: WrapContext & { readonly journal: Journal; readonly operator: string },
): Promise<WrappedKey[]> {
  let wrapped: WrappedKey[];
  try {
    wrapped = await wrapAll(keys, vault, options);
  } finally {
    vault.disposeAll();
  }
  await options.journal.append(options.operator, 'material.wiped', { keyIds: keys.map((p) => p.keyId) });
  return wrapped;
}
